import TrialDesign

/// Renders A'Hern exact single-stage designs (`trialsize single-stage`).
public enum SingleStageReport {
    struct Body: Encodable {
        let p0: Double
        let p1: Double
        let alpha: Double
        let power: Double
        let sides: Int
        let rule: String
        let first: ExactSingleStage.Characteristics
        let stable: ExactSingleStage.Characteristics
        let horizon: Int
        let table: [ExactSingleStage.Characteristics]?
    }

    static func rule(_ c: ExactSingleStage.Characteristics) -> String {
        "n = \(c.n), reject H0 when responses >= \(c.r) (alpha \(NumberFormat.fixed(c.attainedAlpha, 4)), power \(NumberFormat.fixed(c.attainedPower, 4)))"
    }

    public static func render(_ design: ExactSingleStage, _ answer: ExactSingleStage.Answer,
                              table: [ExactSingleStage.Characteristics]?, format: OutputFormat,
                              justification: Justification? = nil) throws -> String {
        let rates = design.errorRates
        if format == .json {
            return try JSONOutput.encode(Body(p0: design.p0, p1: design.p1, alpha: rates.alpha, power: rates.power,
                                              sides: rates.sides.rawValue, rule: "reject H0 when responses >= r",
                                              first: answer.first, stable: answer.stable, horizon: answer.horizon, table: table),
                                         justification: justification)
        }
        var text = Layout.render(title: title, sections: sections(design, answer), format: format)
        if let table {
            let rows = table.map { c in
                [String(c.n), String(c.r), NumberFormat.fixed(c.attainedAlpha, 4), NumberFormat.fixed(c.attainedPower, 4),
                 c.attainedPower >= rates.power ? "yes" : "no"]
            }
            text += TableBlock.render(title: "Attained alpha and power by n", headers: ["n", "reject if >=", "alpha", "power", "meets power"],
                                      rows: rows, format: format)
        }
        return text
    }

    static let title = "Exact single-stage phase II design"

    /// The sections of the text output: Inputs, Method, Answer, Assumptions and, for a sawtooth, Warnings.
    static func sections(_ design: ExactSingleStage, _ answer: ExactSingleStage.Answer) -> [Section] {
        let rates = design.errorRates
        var sections = [
            Section("Inputs", rows: [
                ("p0 (uninteresting response rate)", NumberFormat.significant(design.p0, 6)),
                ("p1 (target response rate)", NumberFormat.significant(design.p1, 6)),
                ("Alpha", NumberFormat.significant(rates.alpha, 6) + " " + rates.sides.label
                    + (rates.sides == .twoSided ? " (" + NumberFormat.significant(rates.tailAlpha, 6) + " in the upper tail)" : "")),
                ("Power", NumberFormat.significant(rates.power, 6)),
            ]),
            Section("Method", rows: [("Design", "exact single-stage binomial test (A'Hern 2001)")],
                    notes: ["For each n, r is the smallest count with P(X >= r | p0) <= alpha; power is P(X >= r | p1)."]),
            Section("Answer", rows: [
                ("First n", rule(answer.first)),
                ("Stable n", rule(answer.stable)),
            ]),
            Section("Assumptions", notes: [
                "Responses are independent with a common probability; exact binomial probabilities, no approximation.",
                "Rejection rule convention: reject H0 when responses >= r (A'Hern's r); Simon-style 'more than r - 1' is the same rule.",
                "Attained alpha never exceeds the nominal alpha.",
                "Power is not monotone in n (sawtooth): 'stable' is the first n from which every n up to \(answer.horizon) meets the power.",
            ]),
        ]
        if answer.first.n != answer.stable.n {
            sections.append(Section("Warnings", notes: ["Some n between \(answer.first.n) and \(answer.stable.n) fall short of the power (see --table); plan for \(answer.stable.n) if the final n may drift."]))
        }
        return sections
    }

    /// The page and plot for `--report` and `--plot`: the sections, the attained alpha and
    /// power around the answers, the sawtooth plot and the justification.
    public static func document(_ design: ExactSingleStage, _ answer: ExactSingleStage.Answer,
                                justification: Justification?) throws -> DesignReport {
        let rates = design.errorRates
        let rows = try design.table(max(1, answer.first.n - 5)...(answer.stable.n + 5)).map { c in
            [String(c.n), String(c.r), NumberFormat.fixed(c.attainedAlpha, 4), NumberFormat.fixed(c.attainedPower, 4),
             c.attainedPower >= rates.power ? "yes" : "no"]
        }
        let table = Table("Attained alpha and power by n", headers: ["n", "reject if >=", "alpha", "power", "meets power"], rows: rows)
        let caption = answer.first.n == answer.stable.n
            ? "Exact power (solid) and type I error (dashed) against n; the answer, n = \(answer.stable.n), is marked."
            : "Exact power (solid) and type I error (dashed) against n: the sawtooth. The first n meeting both error rates (\(answer.first.n)) and the stable n from which every larger n does (\(answer.stable.n)) are marked."
        return DesignReport(
            title: title,
            subtitle: "Response rate \(NumberFormat.percent(design.p0)) vs \(NumberFormat.percent(design.p1)), \(rates.sides.label) alpha \(NumberFormat.significant(rates.alpha, 6)), power \(NumberFormat.significant(rates.power, 6))",
            sections: sections(design, answer), tables: [table],
            plots: [DesignReport.Plot(name: "sawtooth", chart: try sawtoothChart(design, answer), caption: caption)],
            justification: justification)
    }

    /// Exact power and type I error against n (`.step`: each n holds over n ± ½), from
    /// `ExactSingleStage.characteristics(n:)`, with the first and stable n marked.
    public static func sawtoothChart(_ design: ExactSingleStage, _ answer: ExactSingleStage.Answer) throws -> Chart {
        let rates = design.errorRates
        let low = max(1, answer.first.n - max(8, answer.first.n / 3))
        let high = answer.stable.n + max(8, answer.stable.n / 5)
        let rows = try design.table(low...high)
        let n = rows.map { Double($0.n) }
        var markers = [Marker(x: Double(answer.first.n), y: answer.first.attainedPower,
                              label: "first n = \(answer.first.n) (r = \(answer.first.r)), power \(NumberFormat.fixed(answer.first.attainedPower, 3))",
                              shape: .diamond)]
        if answer.stable.n != answer.first.n {
            markers.append(Marker(x: Double(answer.stable.n), y: answer.stable.attainedPower,
                                  label: "stable n = \(answer.stable.n) (r = \(answer.stable.r)), power \(NumberFormat.fixed(answer.stable.attainedPower, 3))",
                                  shape: .square))
        }
        return Chart(
            title: "Exact power against patients",
            subtitle: "p0 = \(NumberFormat.significant(design.p0, 6)), p1 = \(NumberFormat.significant(design.p1, 6)), \(rates.sides.label) α = \(NumberFormat.significant(rates.alpha, 6)); reject H0 when responses ≥ r",
            x: Axis(title: "Patients", unit: "n", integers: true),
            y: Axis(title: "Probability of rejecting H0", range: 0...1),
            series: [
                Series(name: "power at p1", kind: .step, x: n, y: rows.map(\.attainedPower)),
                Series(name: "type I error at p0", kind: .step, x: n, y: rows.map(\.attainedAlpha), dashed: true),
            ],
            markers: markers,
            referenceLines: [
                ReferenceLine(y: rates.power, label: "target power \(NumberFormat.significant(rates.power, 6))"),
                ReferenceLine(y: rates.tailAlpha, label: "alpha \(NumberFormat.significant(rates.tailAlpha, 6))"),
            ])
    }

    /// The variables `single-stage.mustache` reads (listed in docs/templates.md).
    public static func justificationContext(_ design: ExactSingleStage, _ answer: ExactSingleStage.Answer,
                                            references: inout ReferenceList) -> [String: Any] {
        let rates = design.errorRates
        return [
            "p0": NumberFormat.percent(design.p0), "p1": NumberFormat.percent(design.p1),
            "alpha": NumberFormat.significant(rates.alpha, 6), "sides": rates.sides.label,
            "power_percent": NumberFormat.percent(rates.power, 0),
            "n": String(answer.stable.n), "r": String(answer.stable.r),
            "attained_alpha": NumberFormat.fixed(answer.stable.attainedAlpha, 4),
            "attained_power": NumberFormat.fixed(answer.stable.attainedPower, 4),
            "sawtooth": answer.first.n != answer.stable.n,
            "first_n": String(answer.first.n), "first_r": String(answer.first.r),
            "first_power": NumberFormat.fixed(answer.first.attainedPower, 4),
            "horizon": String(answer.horizon),
            "citation": references.cite(BinomialReferences.aHern),
        ]
    }

    public static func justification(_ design: ExactSingleStage, _ answer: ExactSingleStage.Answer,
                                     using choice: TemplateChoice = .shipped("single-stage")) throws -> Justification {
        var references = ReferenceList()
        let context = justificationContext(design, answer, references: &references)
        return try Justification(using: choice, context: context, references: references)
    }
}
