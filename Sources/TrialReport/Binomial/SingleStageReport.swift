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
                              table: [ExactSingleStage.Characteristics]?, format: OutputFormat) throws -> String {
        let rates = design.errorRates
        if format == .json {
            return try JSONOutput.encode(Body(p0: design.p0, p1: design.p1, alpha: rates.alpha, power: rates.power,
                                              sides: rates.sides.rawValue, rule: "reject H0 when responses >= r",
                                              first: answer.first, stable: answer.stable, horizon: answer.horizon, table: table))
        }
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
        var text = Layout.render(title: "Exact single-stage phase II design", sections: sections, format: format)
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

    /// The variables `single-stage.mustache` reads (listed in docs/templates-binomial.md).
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

    public static func justification(_ design: ExactSingleStage, _ answer: ExactSingleStage.Answer) throws -> Justification {
        var references = ReferenceList()
        let context = justificationContext(design, answer, references: &references)
        return try Justification(template: "single-stage", context: context, references: references)
    }
}
