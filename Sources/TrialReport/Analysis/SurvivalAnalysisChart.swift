import TrialDesign

extension SurvivalAnalysisReport {
    /// The most steps a drawn curve keeps: beyond it, steps smaller than 1/1000 of the
    /// survival scale are merged (invisible at any print size), so a plot of 10⁶ patients stays a
    /// small file. Censoring marks are thinned to at most ``maximumMarks``, evenly.
    static let maximumDrawnSteps = 2000
    static let maximumMarks = 1000

    /// The Kaplan-Meier plot: the curve as a staircase, its pointwise confidence limits
    /// (dashed), censoring marks, the historical control's curve, the median marked, and the
    /// numbers at risk under the x axis.
    public static func kaplanMeierChart(
        _ analysis: SurvivalAnalysis, _ result: SurvivalAnalysis.Result,
        data: SurvivalDataDescription
    ) throws -> Chart {
        let km = result.kaplanMeier
        let maximum = max(result.maximumTime, analysis.control.median, Double.leastNormalMagnitude)
        let ticks = NiceTicks(covering: 0, maximum, count: 6)
        let level = AnalysisFormat.level(analysis.conf)
        var series = [
            Series(
                name: "Kaplan-Meier estimate", kind: .line,
                points: staircase(km.steps.map { ($0.time, $0.survival) }, end: result.maximumTime))
        ]
        // The limits, drawn where they are defined (from the first step on).
        let lower = km.steps.compactMap { step in step.lower.map { (step.time, $0) } }
        let upper = km.steps.compactMap { step in step.upper.map { (step.time, $0) } }
        if !lower.isEmpty, !upper.isEmpty {
            series.append(
                Series(
                    name: "\(level) lower limit (\(analysis.transform.rawValue))", kind: .line,
                    points: staircase(lower, end: lower.last!.0, start: false), dashed: true))
            series.append(
                Series(
                    name: "\(level) upper limit", kind: .line,
                    points: staircase(upper, end: upper.last!.0, start: false), dashed: true))
        }
        let censored = km.steps.filter { $0.censored > 0 }
        if !censored.isEmpty {
            let stride = max(1, (censored.count + maximumMarks - 1) / maximumMarks)
            let marks = Swift.stride(from: 0, to: censored.count, by: stride).map { Point(x: censored[$0].time, y: censored[$0].survival) }
            series.append(
                Series(
                    name: stride == 1 ? "censored" : "censored (every \(NumberFormat.ordinal(stride)) shown)", kind: .points, points: marks)
            )
        }
        let control = analysis.control
        let grid = (0...120).map { ticks.upper * Double($0) / 120 }
        series.append(
            Series(
                name: "historical control (median \(AnalysisFormat.exact(control.median)) \(data.unit))", kind: .line,
                x: grid, y: grid.map(control.survival), dashed: true))
        var chart = Chart(
            title: "Kaplan-Meier estimate of \(data.endpoint)",
            subtitle:
                "\(result.patients) patients, \(result.events) events; median \(describe(result.median, conf: analysis.conf, unit: data.unit))",
            x: Axis(title: "Time", unit: data.unit, range: ticks.lower...ticks.upper),
            y: Axis(title: "Probability event-free", range: 0...1),
            series: series,
            markers: result.median.estimate.map { [Marker(x: $0, y: 0.5, label: "median \(AnalysisFormat.exact($0))")] } ?? [],
            referenceLines: [ReferenceLine(y: 0.5, label: "50%")])
        chart.footer = FooterRow(label: "At risk", entries: ticks.values.map { ($0, String(km.atRisk(justBefore: $0))) })
        return chart
    }

    /// Points drawing a right-continuous step function with a line: (0, 1) (when `start`), then
    /// at each time a vertical drop; thinned to at most ``maximumDrawnSteps`` visible steps.
    static func staircase(_ steps: [(Double, Double)], end: Double, start: Bool = true) -> [Point] {
        var points: [Point] = []
        var current = start ? 1.0 : steps.first?.1 ?? 1
        if start { points.append(Point(x: 0, y: 1)) } else if let first = steps.first { points.append(Point(x: first.0, y: first.1)) }
        let threshold = steps.count > maximumDrawnSteps ? 1e-3 : 0
        for (time, value) in steps where abs(value - current) > threshold {
            points.append(Point(x: time, y: current))
            points.append(Point(x: time, y: value))
            current = value
        }
        points.append(Point(x: end, y: current))
        return points
    }
}

extension SurvivalAnalysisReport {
    /// The Kaplan-Meier plot, for `--plot` and the page.
    public func figures() throws -> [Figure] {
        let level = AnalysisFormat.level(analysis.conf)
        return [
            Figure(
                try Self.kaplanMeierChart(analysis, result, data: data), name: "kaplan-meier",
                caption:
                    "Kaplan-Meier estimate (solid staircase) with its \(level) pointwise limits (dashed, \(analysis.transform.rawValue) transform), censored patients marked, and the historical control's curve; the numbers at risk are under the time axis."
            )
        ]
    }

    /// The page adds a table of the curve at the plot's ticks.
    public func pageDocument() throws -> Document {
        var page = try document()
        let km = result.kaplanMeier
        let ticks = NiceTicks(covering: 0, max(result.maximumTime, analysis.control.median, Double.leastNormalMagnitude), count: 6)
        let rows = ticks.values.filter { $0 <= result.maximumTime }.map { t -> [String] in
            let l = km.landmark(t)
            return [
                AnalysisFormat.exact(t), String(l.atRisk), l.survival.map { NumberFormat.fixed($0, 3) } ?? "",
                l.lower.map { NumberFormat.fixed($0, 3) } ?? "", l.upper.map { NumberFormat.fixed($0, 3) } ?? "",
                NumberFormat.fixed(analysis.control.survival(t), 3),
            ]
        }
        let level = AnalysisFormat.level(analysis.conf)
        let table = Table(
            header: ["time (\(data.unit))", "at risk", "survival", "\(level) lower", "\(level) upper", "control"], rows: rows)
        page.appendix.append(DocumentSection("Kaplan-Meier estimate at selected times", [.table(table)]))
        return page
    }
}
