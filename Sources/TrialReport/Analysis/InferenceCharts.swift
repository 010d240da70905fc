import TrialDesign

extension InferenceReport {
    /// The tail functions of the observed outcome against the true response rate p:
    /// P(outcome at least as extreme | p), whose value at p₀ is the p-value and whose crossing of
    /// the tail level is the lower limit, and P(outcome at most as extreme | p), whose crossing is
    /// the upper limit. `tails` evaluates both at p.
    static func tailChart(
        title: String, subtitle: String, p0: Double, pValue: Double, lower: Double, upper: Double,
        tail: Double, tails: (Double) throws -> (atLeast: Double, atMost: Double)
    ) throws -> Chart {
        let grid = (0...200).map { Double($0) / 200 }
        let values = try grid.map(tails)
        return Chart(
            title: title, subtitle: subtitle,
            x: Axis(title: "True response rate p", range: 0...1),
            y: Axis(title: "Probability", range: 0...1),
            series: [
                Series(name: "P(at least as extreme | p): p-value at p0", kind: .line, x: grid, y: values.map(\.atLeast)),
                Series(name: "P(at most as extreme | p)", kind: .line, x: grid, y: values.map(\.atMost), dashed: true),
            ],
            markers: [
                Marker(x: p0, y: pValue, label: "p0 = \(NumberFormat.significant(p0, 4)): p = \(AnalysisFormat.pValue(pValue))"),
                Marker(x: lower, y: tail, label: "lower \(NumberFormat.percent(lower))", shape: .square),
                Marker(x: upper, y: tail, label: "upper \(NumberFormat.percent(upper))", shape: .square),
            ],
            referenceLines: [ReferenceLine(y: tail, label: "tail \(NumberFormat.significant(tail, 4))")])
    }

    /// The exact binomial tails of the observed count against the true response rate: P(X ≥ x | p),
    /// whose value at p0 is the p-value, and P(X ≤ x | p); the Clopper-Pearson limits are where they
    /// cross (1 − conf)/2.
    public static func chart(_ inference: BinomialInference, _ result: BinomialInference.Result) throws -> Chart {
        try tailChart(
            title: "Exact test and Clopper-Pearson interval",
            subtitle: "\(result.x) responses among \(result.n) patients",
            p0: inference.p0, pValue: result.pValue, lower: result.lower, upper: result.upper,
            tail: (1 - result.conf) / 2
        ) { p in try inference.tails(p) }
    }

    /// The stage-wise tails of the observed outcome against the true response rate (Koyama & Chen 2008):
    /// the upper tail's value at p0 is the p-value, and the exact limits are where the tails cross alpha.
    public static func chart(_ inference: SimonInference, _ result: SimonInference.Result) throws -> Chart {
        try tailChart(
            title: "Stage-wise p-value function and exact interval",
            subtitle: "\(inference.responses) responses, design \(inference.planned.description) (Koyama & Chen 2008)",
            p0: inference.p0, pValue: result.pValue, lower: result.lower, upper: result.upper,
            tail: inference.alpha
        ) { p in (try inference.upperTail(p), try inference.lowerTail(p)) }
    }
}
