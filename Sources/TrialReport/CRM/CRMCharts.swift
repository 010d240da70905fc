import TrialDesign

extension CRMSimulationReport {
    /// Selection probability by dose (bars) beside the true DLT curve, with the target DLT rate.
    public func plots() throws -> [DesignReport.Plot] {
        [DesignReport.Plot(name: "selection", chart: try selectionChart(),
                           caption: "The probability that the design selects each dose level as the MTD (bars, over \(result.trials) simulated trials), beside the true DLT probability of each level (line); the dashed line is the target DLT rate.")]
    }

    public func selectionChart() throws -> Chart {
        let r = result
        let d = r.design
        let levels = (0..<d.model.levels).map(Double.init)
        return Chart(
            title: "Selection probability and true DLT probability by dose",
            subtitle: "\(d.tite != nil ? "TITE-CRM" : "CRM"), \(d.patients) patients, \(r.trials) trials (seed \(r.seed)); true MTD level \(r.trueMTD), correct selection \(NumberFormat.percent(r.correctSelection.estimate, 1))",
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
    public func plots() throws -> [DesignReport.Plot] {
        [DesignReport.Plot(name: "skeleton", chart: try skeletonChart(),
                           caption: "The skeleton (prior DLT probability of each level, line with points) and each level's indifference interval, drawn as its lower and upper ends; the dashed line is the target DLT rate.")]
    }

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
                Series(name: "interval upper end", kind: .points, x: levels, y: upper),
                Series(name: "interval lower end", kind: .points, x: levels, y: lower),
            ],
            referenceLines: [ReferenceLine(y: target, label: "target \(NumberFormat.fixed(target, 2))")])
    }
}

extension CRMNextDoseReport {
    /// No plot: the answer is one level (`--plot` is refused; `--report` works).
    public func plots() throws -> [DesignReport.Plot] { [] }
}

extension CRMCalibrationReport {
    /// No plot yet (`--plot` is refused; `--report` works).
    public func plots() throws -> [DesignReport.Plot] { [] }
}
