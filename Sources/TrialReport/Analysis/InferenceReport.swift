import TrialDesign

/// Renders the response-rate analyses: `analyze binomial`, `analyze single-stage` and
/// `analyze simon`.
public enum InferenceReport {
    // MARK: binomial and single-stage

    /// `design`: false for `analyze binomial` (a count and p₀), true for `analyze single-stage`
    /// (the A'Hern design's rule is stated too).
    static func sections(_ inference: BinomialInference, _ result: BinomialInference.Result, design: Bool) -> [DocumentSection] {
        let level = AnalysisFormat.level(result.conf)
        var inputs: [(String, String)] = [
            ("Responses", "\(result.x) of \(result.n) patients"),
            ("p0 (uninteresting response rate)", NumberFormat.significant(inference.p0, 6)),
            ("Significance level", "one-sided alpha \(NumberFormat.significant(inference.alpha, 6))"),
        ]
        if let planned = inference.plannedN { inputs.append(("Planned patients", String(planned))) }
        var answer: [(String, String)] = [
            (
                "Response rate",
                "\(NumberFormat.percent(result.estimate)) (\(level) CI \(NumberFormat.percent(result.lower)) to \(NumberFormat.percent(result.upper)))"
            ),
            (
                "Exact p-value",
                "\(AnalysisFormat.pValue(result.pValue)) = P(X ≥ \(result.x) | p0), one-sided (\(result.rejects ? "rejects H0" : "does not reject H0"))"
            ),
        ]
        if design {
            answer.append(
                (
                    "Rule at n = \(result.n)",
                    result.r.map { "promising when responses ≥ \($0) (attained alpha \(NumberFormat.fixed(result.attainedAlpha ?? 0, 4)))" }
                        ?? "no count of \(result.n) reaches one-sided alpha \(NumberFormat.significant(inference.alpha, 6))"
                ))
            if let planned = inference.plannedN, planned != result.n {
                answer.append(("Rule at the planned n = \(planned)", result.plannedR.map { "promising when responses ≥ \($0)" } ?? "none"))
            }
        }
        return [
            DocumentSection("Inputs", rows: inputs),
            DocumentSection(
                "Method",
                rows: [
                    ("Test", "exact binomial test, H0: p ≤ p0 against p > p0"),
                    ("Interval", "Clopper-Pearson (exact), \(level) two-sided"),
                ]),
            DocumentSection("Answer", rows: answer),
            DocumentSection(
                "Assumptions",
                notes: [
                    "Patients respond independently with a common probability; exact binomial probabilities, no approximation."
                ]
                    + (design
                        ? [
                            "Over- or under-accrual: the critical count is recomputed at the attained n (the planned count would not keep its error rate); the decision is the same as p <= alpha."
                        ] : [])),
        ]
    }

    static func warnings(_ inference: BinomialInference, _ result: BinomialInference.Result, design: Bool) -> [String] {
        guard design, let planned = inference.plannedN, planned != result.n else { return [] }
        return ["The trial enrolled \(result.n) patients instead of the planned \(planned); the rule above is the one for \(result.n)."]
    }

    /// The JSON answer of `analyze binomial` and `analyze single-stage` (docs/json/analyze.md): the count,
    /// n and p0, the estimate x/n, the one-sided exact p-value, the two-sided Clopper-Pearson interval,
    /// and whether p ≤ alpha; for `single-stage`, the rule at the attained and planned n (`null` where
    /// none qualifies or no planned n was given).
    public struct BinomialBody: Encodable {
        let inference: BinomialInference
        let result: BinomialInference.Result
        let design: Bool
        enum Key: String, CodingKey {
            case x, n, p0, estimate, pValue, lower, upper, conf, alpha, rejects, method, r, attainedAlpha, plannedN, plannedR
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(result.x, forKey: .x)
            try c.encode(result.n, forKey: .n)
            try c.encode(inference.p0, forKey: .p0)
            try c.encode(result.estimate, forKey: .estimate)
            try c.encode(result.pValue, forKey: .pValue)
            try c.encode(result.lower, forKey: .lower)
            try c.encode(result.upper, forKey: .upper)
            try c.encode(result.conf, forKey: .conf)
            try c.encode(inference.alpha, forKey: .alpha)
            try c.encode(result.rejects, forKey: .rejects)
            try c.encode("exact-binomial", forKey: .method)
            if design {
                try c.encode(result.r, forKey: .r)
                try c.encode(result.attainedAlpha, forKey: .attainedAlpha)
                try c.encode(inference.plannedN, forKey: .plannedN)
                try c.encode(result.plannedR, forKey: .plannedR)
            }
        }
    }

    /// The variables `analyze-binomial.mustache` reads (listed in docs/templates.md).
    static func justificationContext(
        _ inference: BinomialInference, _ result: BinomialInference.Result, design: Bool,
        references: inout ReferenceList
    ) -> [String: Any] {
        var context: [String: Any] = [
            "x": String(result.x), "n": String(result.n), "estimate": NumberFormat.percent(result.estimate),
            "level": AnalysisFormat.level(result.conf), "lower": NumberFormat.percent(result.lower),
            "upper": NumberFormat.percent(result.upper),
            "p0": NumberFormat.percent(inference.p0), "p_value": AnalysisFormat.pStatement(result.pValue), "rejects": result.rejects,
            "alpha": NumberFormat.significant(inference.alpha, 6), "design": design,
            "cite_cp": references.cite(BinomialReferences.clopperPearson),
        ]
        if design {
            context["cite_design"] = references.cite(BinomialReferences.aHern)
            context["r"] = result.r.map(String.init) ?? ""
            context["has_r"] = result.r != nil
        } else {
            context["cite_design"] = ""
            context["r"] = ""
            context["has_r"] = false
        }
        return context
    }

    // MARK: Simon

    static func sections(_ inference: SimonInference, _ result: SimonInference.Result) -> [DocumentSection] {
        let level = AnalysisFormat.level(result.conf)
        let planned = inference.planned
        let overran = inference.n1 != planned.n1 || inference.n != planned.n
        var inputs: [(String, String)] = [
            (
                "Design (planned)",
                "stop after \(planned.n1) if responses ≤ \(planned.r1); promising if more than \(planned.r) of \(planned.n)"
            ),
            ("p0 (uninteresting response rate)", NumberFormat.significant(inference.p0, 6)),
            (
                "Responses",
                "\(inference.responses)" + (inference.stage1Responses.map { " (\($0) in stage 1)" } ?? "")
                    + (result.stopped ? ", stopped after stage 1" : ", continued to stage 2")
            ),
            (
                "Significance level",
                "one-sided alpha \(NumberFormat.significant(inference.alpha, 6)); interval level \(level) (1 - 2 alpha)"
            ),
        ]
        if overran { inputs.append(("Attained stage sizes", "n1 = \(inference.n1), n = \(inference.n)")) }
        var answer: [(String, String)] = [
            ("UMVUE (Jung & Kim)", NumberFormat.percent(result.umvue)),
            ("Naive estimate", "\(NumberFormat.percent(result.naive)) (responses / patients treated: biased after a two-stage design)"),
            (
                "p-value (stage-wise ordering)",
                "\(AnalysisFormat.pValue(result.pValue)), one-sided (\(result.rejects ? "rejects H0" : "does not reject H0"))"
            ),
            ("\(level) exact interval", "\(NumberFormat.percent(result.lower)) to \(NumberFormat.percent(result.upper))"),
        ]
        if overran {
            answer.append(
                (
                    "Rule at the attained sizes",
                    result.attainedR.map {
                        "promising if more than \($0) of \(inference.n) (attained alpha \(NumberFormat.fixed(result.attainedAlpha, 4)))"
                    } ?? "no total reaches one-sided alpha at these sizes"
                ))
        }
        return [
            DocumentSection("Inputs", rows: inputs),
            DocumentSection(
                "Method",
                rows: [
                    ("Inference", "Koyama & Chen (2008): outcomes ordered by stage, then by responses"),
                    ("Estimate", "UMVUE of Jung & Kim (2004)"),
                ],
                notes: [
                    "p-value: P(outcome at least as extreme | p0); interval: p_L with P(T ≥ t | p_L) = alpha and p_U with P(T ≤ t | p_U) = alpha."
                ]),
            DocumentSection("Answer", rows: answer),
            DocumentSection(
                "Assumptions",
                notes: [
                    "Patients respond independently with a common probability; stage 1 stops when responses ≤ r1.",
                    "Over- or under-accrual: inference for the design as conducted (the planned r1 with the attained n1 and n); the decision is p ≤ alpha.",
                ]),
        ]
    }

    static func warnings(_ inference: SimonInference) -> [String] {
        let planned = inference.planned
        guard inference.n1 != planned.n1 || inference.n != planned.n else { return [] }
        return [
            "The trial enrolled n1 = \(inference.n1), n = \(inference.n) instead of the planned \(planned.n1), \(planned.n): the planned rule (more than \(planned.r) responses) no longer has its planned error rates."
        ]
    }

    /// The JSON answer of `analyze simon` (docs/json/analyze.md): the planned design, the responses,
    /// whether the trial stopped after stage 1, the stage sizes used, the UMVUE and naive estimates,
    /// Koyama and Chen's one-sided p-value and exact interval at 1 − 2·alpha, and the rule at the sizes used.
    public struct SimonBody: Encodable {
        let inference: SimonInference
        let result: SimonInference.Result
        enum Key: String, CodingKey {
            case design, p0, responses, stage1Responses, stopped, n1, n, umvue, naive, pValue, lower, upper, conf, alpha, rejects
            case attainedR, attainedAlpha, method
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            let d = inference.planned
            try c.encode("\(d.r1)/\(d.n1),\(d.r)/\(d.n)", forKey: .design)
            try c.encode(inference.p0, forKey: .p0)
            try c.encode(inference.responses, forKey: .responses)
            try c.encode(inference.stage1Responses, forKey: .stage1Responses)
            try c.encode(result.stopped, forKey: .stopped)
            try c.encode(inference.n1, forKey: .n1)
            try c.encode(inference.n, forKey: .n)
            try c.encode(result.umvue, forKey: .umvue)
            try c.encode(result.naive, forKey: .naive)
            try c.encode(result.pValue, forKey: .pValue)
            try c.encode(result.lower, forKey: .lower)
            try c.encode(result.upper, forKey: .upper)
            try c.encode(result.conf, forKey: .conf)
            try c.encode(inference.alpha, forKey: .alpha)
            try c.encode(result.rejects, forKey: .rejects)
            try c.encode(result.attainedR, forKey: .attainedR)
            try c.encode(result.attainedAlpha, forKey: .attainedAlpha)
            try c.encode("koyama-chen", forKey: .method)
        }
    }

    /// The variables `analyze-simon.mustache` reads (listed in docs/templates.md).
    static func justificationContext(
        _ inference: SimonInference, _ result: SimonInference.Result,
        references: inout ReferenceList
    ) -> [String: Any] {
        let d = inference.planned
        return [
            "responses": String(inference.responses), "n": String(result.stopped ? inference.n1 : inference.n),
            "stopped": result.stopped, "n1": String(inference.n1), "r1": String(d.r1),
            "umvue": NumberFormat.percent(result.umvue), "naive": NumberFormat.percent(result.naive),
            "level": AnalysisFormat.level(result.conf), "lower": NumberFormat.percent(result.lower),
            "upper": NumberFormat.percent(result.upper),
            "p0": NumberFormat.percent(inference.p0), "p_value": AnalysisFormat.pStatement(result.pValue), "rejects": result.rejects,
            "alpha": NumberFormat.significant(inference.alpha, 6),
            "cite_simon": references.cite(BinomialReferences.simon),
            "cite_umvue": references.cite(AnalysisReferences.jungKim),
            "cite_kc": references.cite(AnalysisReferences.koyamaChen),
        ]
    }
}

/// `analyze binomial` and `analyze single-stage`.
public struct BinomialAnalysisReport: DesignReporting {
    /// The test and interval asked: the observed count and n, p0, the one-sided alpha, the confidence
    /// level and, for `analyze single-stage`, the planned n.
    public let inference: BinomialInference
    /// The answer: the estimate x/n, the exact p-value P(X ≥ x | p0), the Clopper-Pearson interval, and
    /// the rule at the attained and planned n.
    public let result: BinomialInference.Result
    /// true for `analyze single-stage` (the design's rule is stated too).
    public let design: Bool

    /// A report of `result`; `design` is true for `analyze single-stage`.
    public init(_ inference: BinomialInference, _ result: BinomialInference.Result, design: Bool) {
        self.inference = inference
        self.result = result
        self.design = design
    }

    /// The shipped template, `Templates/analyze-binomial.mustache`.
    public static let templateName = "analyze-binomial"

    /// The report: inputs, method, the response rate with its interval and the exact p-value (and the
    /// rule at the attained n for `analyze single-stage`), and the assumptions.
    public func document() throws -> Document {
        Document(
            title: design ? "Analysis of an exact single-stage phase II trial" : "Exact binomial analysis of a response rate",
            subtitle: "\(result.x) responses among \(result.n) patients against p0 = \(NumberFormat.significant(inference.p0, 6))",
            sections: InferenceReport.sections(inference, result, design: design),
            warnings: InferenceReport.warnings(inference, result, design: design))
    }

    /// The JSON answer, ``InferenceReport/BinomialBody``.
    public func jsonBody() -> InferenceReport.BinomialBody {
        InferenceReport.BinomialBody(inference: inference, result: result, design: design)
    }

    /// The variables `analyze-binomial.mustache` reads (docs/templates.md), citing Clopper-Pearson (and
    /// A'Hern for `analyze single-stage`) into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        InferenceReport.justificationContext(inference, result, design: design, references: &references)
    }

    /// One plot, `tails`: the exact tail probabilities of the count against the true response rate.
    public func figures() throws -> [Figure] {
        [
            Figure(
                try InferenceReport.chart(inference, result), name: "tails",
                caption:
                    "The exact tail probabilities of the observed count against the true response rate: the solid curve at p0 is the p-value; the limits are where the curves cross the tail level."
            )
        ]
    }
}

/// `analyze simon`.
public struct SimonAnalysisReport: DesignReporting {
    /// The analysis asked: the planned Simon design, p0, the responses (and stage-1 responses when
    /// given), the attained stage sizes and the one-sided alpha.
    public let inference: SimonInference
    /// The answer: the UMVUE and naive estimates, the stage-wise p-value, the exact interval, and the
    /// rule at the sizes used.
    public let result: SimonInference.Result

    /// A report of `result`.
    public init(_ inference: SimonInference, _ result: SimonInference.Result) {
        self.inference = inference
        self.result = result
    }

    /// The shipped template, `Templates/analyze-simon.mustache`.
    public static let templateName = "analyze-simon"

    /// The report: inputs, method, the UMVUE, naive estimate, p-value and exact interval (and the rule at
    /// the attained sizes when they differ from the plan), and the assumptions.
    public func document() throws -> Document {
        Document(
            title: "Analysis of a Simon two-stage trial",
            subtitle:
                "\(inference.responses) responses, design \(inference.planned.description), p0 = \(NumberFormat.significant(inference.p0, 6))",
            sections: InferenceReport.sections(inference, result), warnings: InferenceReport.warnings(inference))
    }

    /// The JSON answer, ``InferenceReport/SimonBody``.
    public func jsonBody() -> InferenceReport.SimonBody { InferenceReport.SimonBody(inference: inference, result: result) }

    /// The variables `analyze-simon.mustache` reads (docs/templates.md), citing Simon, Jung & Kim and
    /// Koyama & Chen into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        InferenceReport.justificationContext(inference, result, references: &references)
    }

    /// One plot, `tails`: the stage-wise tail probabilities of the outcome against the true response rate.
    public func figures() throws -> [Figure] {
        [
            Figure(
                try InferenceReport.chart(inference, result), name: "tails",
                caption:
                    "The stage-wise tail probabilities of the observed outcome against the true response rate: the solid curve at p0 is the p-value; the exact limits are where the curves cross alpha."
            )
        ]
    }
}

extension BinomialAnalysisReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("estimate", "Estimate", .percent), .init("lower", "Lower bound", .percent), .init("upper", "Upper bound", .percent),
            .init("p_value", "p-value", .value),
        ]
    }
}

extension SimonAnalysisReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("umvue", "UMVUE", .percent), .init("lower", "Lower bound", .percent), .init("upper", "Upper bound", .percent),
            .init("p_value", "p-value", .value),
        ]
    }
}
