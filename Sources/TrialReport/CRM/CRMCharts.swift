import TrialDesign

extension CRMSimulationReport {
    /// Selection probability by dose (bars) beside the true DLT curve, with the target DLT rate.
    /// One chart per scenario (named `selection` for a single scenario, `scenario-k` with several, as `boin simulate`).
    public func figures() throws -> [Figure] {
        let several = scenarios.count > 1
        return try scenarios.enumerated().map { i, r in
            Figure(
                try selectionChart(r, scenario: several ? i + 1 : nil), name: several ? "scenario-\(i + 1)" : "selection",
                caption: (several ? "Scenario \(i + 1): the" : "The")
                    + " probability that the design selects each dose level as the MTD (bars, over \(r.trials) simulated trials), beside the true DLT probability of each level (line); the dashed line is the target DLT rate."
            )
        }
    }

    /// The first scenario's chart: P(selected as MTD) by dose level (bars) beside the true DLT
    /// probabilities and the skeleton, with the target DLT rate.
    public func selectionChart() throws -> Chart { try selectionChart(result, scenario: nil) }

    func selectionChart(_ r: CRMOperatingCharacteristics, scenario: Int?) throws -> Chart {
        let d = r.design
        let levels = (0..<d.model.levels).map(Double.init)
        return Chart(
            title: "Selection probability and true DLT probability by dose",
            subtitle: (scenario.map { "Scenario \($0): " } ?? "")
                + "\(d.tite != nil ? "TITE-CRM" : "CRM"), \(d.patients) patients, \(r.trials) trials (seed \(r.seed)); true MTD level \(r.trueMTD), correct selection \(NumberFormat.percent(r.correctSelection.estimate, 1))",
            x: Axis(title: "Dose level", categories: (1...d.model.levels).map { "level \($0)" + ($0 == r.trueMTD ? " (MTD)" : "") }),
            y: Axis(title: "Probability", range: 0...1),
            series: [
                Series(name: "P(selected as MTD)", kind: .bars, x: levels, y: r.selection.map(\.estimate), valueDecimals: 2),
                Series(name: "true DLT probability", kind: .line, x: levels, y: d.truth),
                Series(name: "skeleton", kind: .line, x: levels, y: d.model.skeleton, dashed: true),
            ],
            referenceLines: [ReferenceLine(y: d.target, label: "target DLT rate \(NumberFormat.fixed(d.target, 2))")])
    }
}

extension CRMSkeletonReport {
    /// The skeleton with each level's indifference interval (the range of true DLT probability
    /// over which the CRM recommends that level) and the target.
    public func figures() throws -> [Figure] {
        [
            Figure(
                try skeletonChart(), name: "skeleton",
                caption:
                    "The skeleton (prior DLT probability of each level, line) and each level's indifference interval (whiskers: the true DLT probabilities over which the CRM recommends that level); the dashed line is the target DLT rate."
            )
        ]
    }

    /// The skeleton by dose level with each level's indifference interval (whiskers) and the target.
    public func skeletonChart() throws -> Chart {
        let levels = (0..<model.levels).map(Double.init)
        let byLevel = Dictionary(uniqueKeysWithValues: intervals.map { ($0.level, $0) })
        let lower = (1...model.levels).map { byLevel[$0]?.lower ?? 0 }
        let upper = (1...model.levels).map { byLevel[$0]?.upper ?? 0 }
        var subtitle = "\(model.kind.rawValue) model, target \(NumberFormat.fixed(target, 2))"
        if let halfwidth, let priorMTD { subtitle += ", half-width \(NumberFormat.fixed(halfwidth, 2)), prior MTD level \(priorMTD)" }
        return Chart(
            title: "CRM skeleton and indifference intervals",
            subtitle: subtitle,
            x: Axis(title: "Dose level", categories: (1...model.levels).map { "level \($0)" }),
            y: Axis(title: "DLT probability", range: 0...1),
            series: [
                Series(name: "skeleton", kind: .line, x: levels, y: model.skeleton),
                .intervals(name: "indifference interval", x: levels, ranges: zip(lower, upper).map { min($0, $1)...max($0, $1) }),
            ],
            referenceLines: [ReferenceLine(y: target, label: "target \(NumberFormat.fixed(target, 2))")])
    }
}

extension CRMNextDoseReport {
    /// The estimated DLT probability of each level (bars) with its posterior interval ends,
    /// beside the skeleton, and the target.
    public func figures() throws -> [Figure] {
        let level = NumberFormat.percent(answer.posterior.intervalLevel, 0)
        return [
            Figure(
                try posteriorChart(), name: "posterior",
                caption:
                    "The plug-in estimate of each level's DLT probability after \(answer.data.count) patients (dots) with its \(level) posterior interval (whiskers), and the skeleton (dashed); the level recommended next is labelled."
            )
        ]
    }

    /// The plug-in estimate p_k(E[β]) of each level's DLT probability with its posterior interval,
    /// beside the skeleton; the level recommended next is labelled.
    public func posteriorChart() throws -> Chart {
        let a = answer
        let p = a.posterior
        let levels = (0..<a.model.levels).map(Double.init)
        return Chart(
            title: "Estimated DLT probability by dose",
            subtitle:
                "\(window != nil ? "TITE-CRM" : "CRM"), \(a.data.count) patients (\(a.data.dlt.filter { $0 }.count) with a DLT); next: level \(a.nextLevel)",
            x: Axis(title: "Dose level", categories: (1...a.model.levels).map { "level \($0)" + ($0 == a.nextLevel ? " (next)" : "") }),
            y: Axis(title: "DLT probability", range: 0...1),
            series: [
                Series(name: "skeleton", kind: .line, x: levels, y: a.model.skeleton, dashed: true),
                .intervals(
                    name: "estimate p_k(E[β]) and \(NumberFormat.percent(p.intervalLevel, 0)) posterior interval", x: levels,
                    estimates: p.plugInEstimates, ranges: p.intervals.map { $0.lower...$0.upper }, valueDecimals: 2),
            ],
            referenceLines: [ReferenceLine(y: a.target, label: "target \(NumberFormat.fixed(a.target, 2))")])
    }
}

extension CRMCalibrationReport {
    /// The average probability of correct selection against the half-width, one line per prior
    /// variance searched, the best marked.
    public func figures() throws -> [Figure] {
        [
            Figure(
                try halfwidthChart(), name: "halfwidth",
                caption:
                    "Average probability of correct selection over the \(result.calibration.levels) plateau scenarios against the half-width δ (\(result.trialsPerScenario) trials per scenario, the same seed for every δ); the best half-width is marked."
            )
        ]
    }

    /// The average probability of correct selection against the half-width δ, one line per prior
    /// variance searched, the best marked.
    public func halfwidthChart() throws -> Chart {
        let c = result.calibration
        let variances = c.priorVariances
        let series = variances.enumerated().map { index, variance in
            let rows = result.rows.filter { $0.priorVariance == variance }
            return Series(
                name: variances.count > 1 ? "prior variance \(NumberFormat.significant(variance))" : "average PCS",
                kind: .line, x: rows.map(\.halfwidth), y: rows.map(\.averageCorrectSelection), dashed: index % 2 == 1)
        }
        let best = result.best
        return Chart(
            title: "Correct selection against the half-width",
            subtitle:
                "\(c.model.rawValue) model, target \(NumberFormat.fixed(c.target, 2)), \(c.levels) levels, prior MTD level \(c.priorMTD), \(c.patients) patients",
            x: Axis(title: "Half-width δ", unit: "DLT probability"),
            y: Axis(title: "Average P(correct selection)", range: 0...1),
            series: series,
            markers: [
                Marker(
                    x: best.halfwidth, y: best.averageCorrectSelection,
                    label: "best δ = \(NumberFormat.fixed(best.halfwidth, 2))"
                        + (variances.count > 1 ? " (variance \(NumberFormat.significant(best.priorVariance)))" : "")
                        + ": \(NumberFormat.fixed(best.averageCorrectSelection, 3))")
            ])
    }
}
