import TrialDesign

/// Simon two-stage designs (`trialsize simon`): the optimal and minimax designs and, with
/// `--admissible`, Jung et al.'s admissible designs.
public struct SimonReport: DesignReporting {
    /// The search solved: p0, p1, the error rates and the `--nmax` cap, if any.
    public let problem: SimonTwoStage
    /// Its answer: the optimal and minimax designs, the admissible designs, the frontier of the
    /// smallest EN(p0) at each n, and how far the search went.
    public let answer: SimonTwoStage.Answer
    /// `--admissible`: list the admissible designs (the page always does).
    public let admissible: Bool

    /// A report of `answer`; `admissible` lists the admissible designs in the terminal's report and
    /// the JSON (`--admissible`).
    public init(problem: SimonTwoStage, answer: SimonTwoStage.Answer, admissible: Bool) {
        self.problem = problem
        self.answer = answer
        self.admissible = admissible
    }

    /// The shipped template, `Templates/simon.mustache`.
    public static let templateName = "simon"

    /// One admissible design in the JSON: its stages, EN and PET under p0 and p1, attained alpha and power,
    /// and the range of weights q (`q_lower` to `q_upper`) over which it minimises q·n + (1 − q)·EN(p0).
    public struct AdmissibleRow: Encodable {
        let r1: Int, n1: Int, r: Int, n: Int
        let enP0: Double, petP0: Double, enP1: Double, petP1: Double, attainedAlpha: Double, attainedPower: Double
        let qLower: Double, qUpper: Double
    }

    /// The JSON answer (docs/json/simon.md): the inputs, the rule, the optimal and minimax designs,
    /// the admissible designs with `--admissible`, and the search's extent (`lower_bound_n`,
    /// `searched_up_to`, `complete`).
    public struct Body: Encodable {
        let p0: Double
        let p1: Double
        let alpha: Double
        let power: Double
        let sides: Int
        let rule: String
        let optimal: SimonCharacteristics
        let minimax: SimonCharacteristics
        let admissible: [AdmissibleRow]?
        let lowerBoundN: Int
        let searchedUpTo: Int
        let complete: Bool
    }

    static let ruleText = "stop after stage 1 when responses ≤ r1; reject H0 when total responses > r"

    static func describe(_ c: SimonCharacteristics) -> String {
        "\(c.r1)/\(c.n1), \(c.r)/\(c.n): EN(p0) \(NumberFormat.fixed(c.enP0, 2)), PET(p0) \(NumberFormat.fixed(c.petP0, 3)), alpha \(NumberFormat.fixed(c.attainedAlpha, 4)), power \(NumberFormat.fixed(c.attainedPower, 4))"
    }

    static func inputs(p0: Double, p1: Double, rates: ErrorRates?) -> DocumentSection {
        var rows: [Row] = [
            ["p0 (uninteresting response rate)", NumberFormat.significant(p0, 6)],
            ["p1 (target response rate)", NumberFormat.significant(p1, 6)],
        ]
        if let rates {
            rows.append([
                "Alpha",
                NumberFormat.significant(rates.alpha, 6) + " " + rates.sides.label
                    + (rates.sides == .twoSided ? " (" + NumberFormat.significant(rates.tailAlpha, 6) + " in the upper tail)" : ""),
            ])
            rows.append(["Power", NumberFormat.significant(rates.power, 6)])
        }
        return DocumentSection("Inputs", rows: rows)
    }

    var admissibleRows: [AdmissibleRow] {
        answer.admissible.map { a in
            let c = a.design
            return AdmissibleRow(
                r1: c.r1, n1: c.n1, r: c.r, n: c.n, enP0: c.enP0, petP0: c.petP0, enP1: c.enP1, petP1: c.petP1,
                attainedAlpha: c.attainedAlpha, attainedPower: c.attainedPower, qLower: a.qLower, qUpper: a.qUpper)
        }
    }

    /// The JSON answer, ``Body``.
    public func jsonBody() -> Body {
        let rates = problem.errorRates
        return Body(
            p0: problem.p0, p1: problem.p1, alpha: rates.alpha, power: rates.power, sides: rates.sides.rawValue,
            rule: Self.ruleText, optimal: answer.optimal, minimax: answer.minimax,
            admissible: admissible ? admissibleRows : nil, lowerBoundN: answer.lowerBound,
            searchedUpTo: answer.searchedUpTo, complete: answer.complete)
    }

    static let title = "Simon two-stage phase II design"

    /// The report: inputs, method, the optimal and minimax designs, assumptions and the search's
    /// extent, and with `--admissible` the table of admissible designs.
    public func document() throws -> Document { document(admissible: admissible) }

    /// The page always lists the admissible designs, under a subtitle with the question.
    public func pageDocument() throws -> Document {
        var page = document(admissible: true)
        let rates = problem.errorRates
        page.subtitle =
            "Response rate \(NumberFormat.percent(problem.p0)) vs \(NumberFormat.percent(problem.p1)), \(rates.sides.label) alpha \(NumberFormat.significant(rates.alpha, 6)), power \(NumberFormat.significant(rates.power, 6))"
        return page
    }

    func document(admissible: Bool) -> Document {
        let searchNote =
            answer.complete
            ? "Search: exhaustive over every design with EN(p0) no larger than the minimax design's (n from \(answer.lowerBound), the Neyman-Pearson lower bound, to \(answer.searchedUpTo)), so no better design exists."
            : "Search: stopped at n = \(answer.searchedUpTo) (\(problem.nmax == nil ? "the cap of \(SimonTwoStage.maximumPatients)" : "--nmax")); a design with larger n and smaller EN(p0) may exist."
        let sections = [
            Self.inputs(p0: problem.p0, p1: problem.p1, rates: problem.errorRates),
            DocumentSection(
                "Method", rows: [["Design", "Simon two-stage (Simon 1989), exact binomial probabilities"]],
                notes: [
                    "Rule: \(Self.ruleText).",
                    "Optimal minimises EN(p0); minimax minimises n, then EN(p0).",
                ]),
            DocumentSection(
                "Answer",
                rows: [
                    ["Optimal", Self.describe(answer.optimal)],
                    ["Minimax", Self.describe(answer.minimax)],
                ]),
            DocumentSection(
                "Assumptions",
                notes: [
                    "Responses are independent with a common probability; stage 2 is always completed once opened.",
                    "The trial stops early only for futility; attained alpha and power never miss the nominal values.",
                    searchNote,
                ]),
        ]
        var appendix: [DocumentSection] = []
        if admissible {
            let rows = admissibleRows.map { a in
                [
                    "\(a.r1)/\(a.n1)", "\(a.r)/\(a.n)", NumberFormat.fixed(a.enP0, 2), NumberFormat.fixed(a.petP0, 3),
                    NumberFormat.fixed(a.attainedAlpha, 4), NumberFormat.fixed(a.attainedPower, 4),
                    NumberFormat.fixed(a.qLower, 3) + "-" + NumberFormat.fixed(a.qUpper, 3),
                ]
            }
            appendix.append(
                DocumentSection(
                    "Admissible designs (Jung et al. 2004), minimax (q = 1) to optimal (q = 0)",
                    [
                        .table(Table(header: ["r1/n1", "r/n", "EN(p0)", "PET(p0)", "alpha", "power", "q range"], rows: rows))
                    ]))
        }
        return Document(title: Self.title, sections: sections, warnings: problem.errorRates.warnings + answer.warnings, appendix: appendix)
    }

    /// Two plots: `frontier` (EN(p0) against the maximum n, the optimal, minimax and admissible designs
    /// marked) and `oc` (P(reject H0) against the true response rate).
    public func figures() throws -> [Figure] {
        [
            Figure(
                try Self.frontierChart(problem, answer), name: "frontier",
                caption:
                    "Expected sample size under p0 against the maximum sample size: for each n, the design with the smallest EN(p0) that meets both error rates. The minimax, optimal and admissible designs are marked."
            ),
            Figure(
                try Self.operatingCharacteristicChart(problem, answer), name: "oc",
                caption:
                    "Operating characteristics: the probability of declaring the treatment promising (rejecting H0) against the true response rate, for the optimal and minimax designs; p0 and p1 are marked, and the dotted lines are the significance level and the target power."
            ),
        ]
    }

    /// P(reject H0) against the true response rate for the optimal and minimax designs
    /// (`SimonDesign.operatingCharacteristic(over:points:)`), from 0 to a little past p1.
    public static func operatingCharacteristicChart(_ problem: SimonTwoStage, _ answer: SimonTwoStage.Answer) throws -> Chart {
        let rates = problem.errorRates
        let top = min(1, problem.p1 + max(0.2, problem.p1 - problem.p0))
        var series: [Series] = []
        var markers: [Marker] = []
        let same = answer.optimal.design == answer.minimax.design
        for (index, (label, c)) in [("optimal", answer.optimal), ("minimax", answer.minimax)].enumerated() where index == 0 || !same {
            let curve = try c.design.operatingCharacteristic(over: 0...top, points: 120)
            let name = (same ? "optimal = minimax" : label) + " \(c.r1)/\(c.n1), \(c.r)/\(c.n)"
            series.append(Series(name: name, kind: .line, x: curve.map(\.p), y: curve.map(\.reject), dashed: index == 1))
            if index == 0 {  // the minimax design's values are in the tables; its markers would hide these
                markers.append(Marker(x: problem.p1, y: c.attainedPower, label: "\(label) power \(NumberFormat.fixed(c.attainedPower, 4))"))
                markers.append(Marker(x: problem.p0, y: c.attainedAlpha, label: "\(label) alpha \(NumberFormat.fixed(c.attainedAlpha, 4))"))
            }
        }
        return Chart(
            title: "Probability of declaring the treatment promising",
            subtitle:
                "Simon two-stage, p0 = \(NumberFormat.significant(problem.p0, 6)), p1 = \(NumberFormat.significant(problem.p1, 6)), \(rates.sides.label) α = \(NumberFormat.significant(rates.alpha, 6)), power \(NumberFormat.significant(rates.power, 6))",
            x: Axis(title: "True response rate", range: 0...top),
            y: Axis(title: "P(reject H0)", range: 0...1),
            series: series, markers: markers,
            referenceLines: [
                ReferenceLine(y: rates.power, label: "target power \(NumberFormat.significant(rates.power, 6))"),
                ReferenceLine(y: rates.alpha, label: "alpha \(NumberFormat.significant(rates.alpha, 6))"),
                ReferenceLine(x: problem.p0, label: "p0"), ReferenceLine(x: problem.p1, label: "p1"),
            ])
    }

    /// EN(p0) against the maximum n (`SimonTwoStage.Answer.frontier`), with the optimal,
    /// minimax and other admissible designs marked.
    public static func frontierChart(_ problem: SimonTwoStage, _ answer: SimonTwoStage.Answer) throws -> Chart {
        let rates = problem.errorRates
        let frontier = answer.frontier.isEmpty ? [answer.minimax, answer.optimal] : answer.frontier
        func name(_ c: SimonCharacteristics) -> String { "\(c.r1)/\(c.n1), \(c.r)/\(c.n)" }
        var markers: [Marker] = []
        if answer.optimal.n == answer.minimax.n, answer.optimal.enP0 == answer.minimax.enP0 {
            markers.append(
                Marker(
                    x: Double(answer.optimal.n), y: answer.optimal.enP0, label: "optimal = minimax \(name(answer.optimal))", shape: .circle)
            )
        } else {
            markers.append(
                Marker(
                    x: Double(answer.minimax.n), y: answer.minimax.enP0,
                    label: "minimax \(name(answer.minimax)), EN \(NumberFormat.fixed(answer.minimax.enP0, 1))", shape: .square))
            markers.append(
                Marker(
                    x: Double(answer.optimal.n), y: answer.optimal.enP0,
                    label: "optimal \(name(answer.optimal)), EN \(NumberFormat.fixed(answer.optimal.enP0, 1))", shape: .circle))
        }
        for a in answer.admissible where a.design.n != answer.optimal.n && a.design.n != answer.minimax.n {
            markers.append(Marker(x: Double(a.design.n), y: a.design.enP0, label: "admissible \(name(a.design))", shape: .diamond))
        }
        return Chart(
            title: "Expected sample size against maximum sample size",
            subtitle:
                "Simon two-stage, p0 = \(NumberFormat.significant(problem.p0, 6)), p1 = \(NumberFormat.significant(problem.p1, 6)), \(rates.sides.label) α = \(NumberFormat.significant(rates.alpha, 6)), power \(NumberFormat.significant(rates.power, 6))",
            x: Axis(title: "Maximum sample size", unit: "n", integers: true),
            y: Axis(title: "Expected sample size under p0", unit: "EN(p0)"),
            series: [
                Series(
                    name: "smallest EN(p0) at each n", kind: .points,
                    x: frontier.map { Double($0.n) }, y: frontier.map(\.enP0))
            ],
            markers: markers)
    }

    /// The variables `simon.mustache` reads (listed in docs/templates.md).
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let rates = problem.errorRates
        func design(_ c: SimonCharacteristics) -> [String: Any] {
            [
                "r1": String(c.r1), "n1": String(c.n1), "r": String(c.r), "n": String(c.n), "n2": String(c.n - c.n1),
                "en": NumberFormat.fixed(c.enP0, 1), "pet": NumberFormat.percent(c.petP0, 0),
                "attained_alpha": NumberFormat.fixed(c.attainedAlpha, 4), "attained_power": NumberFormat.fixed(c.attainedPower, 4),
            ]
        }
        let citation = references.cite(BinomialReferences.simon)
        return [
            "p0": NumberFormat.percent(problem.p0), "p1": NumberFormat.percent(problem.p1),
            "alpha": NumberFormat.significant(rates.alpha, 6), "sides": rates.sides.label,
            "power_percent": NumberFormat.percent(rates.power, 0),
            "optimal": design(answer.optimal), "minimax": design(answer.minimax),
            "same": answer.optimal.design == answer.minimax.design,
            "citation": citation,
            "admissible": admissible,
            "admissible_citation": admissible ? references.cite(BinomialReferences.jung) : "",
            "admissible_count": String(answer.admissible.count),
        ]
    }

    /// The paragraph for `answer`, from the shipped `simon` template or the user's own.
    public static func justification(
        _ problem: SimonTwoStage, _ answer: SimonTwoStage.Answer, admissible: Bool,
        using choice: TemplateChoice = .shipped("simon")
    ) throws -> Justification {
        try SimonReport(problem: problem, answer: answer, admissible: admissible).justification(using: choice)
    }
}

/// The operating characteristics of one given Simon design (`trialsize simon --design`).
public struct SimonDesignReport: Reporting {
    /// The design given by `--design r1/n1,r/n`, with its exact operating characteristics.
    public let design: SimonCharacteristics
    /// The uninteresting response rate, at which the attained alpha and EN(p0) are computed.
    public let p0: Double
    /// The target response rate, at which the attained power is computed.
    public let p1: Double

    /// A report of `design`, whose characteristics were computed at `p0` and `p1`.
    public init(design: SimonCharacteristics, p0: Double, p1: Double) {
        self.design = design
        self.p0 = p0
        self.p1 = p1
    }

    /// The JSON answer of `simon --design` (docs/json/simon.md): `p0`, `p1`, the rule, and `design`
    /// with the keys of an optimal design.
    public struct Body: Encodable {
        let p0: Double
        let p1: Double
        let rule: String
        let design: SimonCharacteristics
    }

    /// The JSON answer, ``Body``.
    public func jsonBody() -> Body { Body(p0: p0, p1: p1, rule: SimonReport.ruleText, design: design) }

    /// The report: the inputs, the rule, and the design's attained alpha and power, EN and PET at p0
    /// and at p1.
    public func document() -> Document {
        let c = design
        return Document(
            title: "Simon two-stage design: operating characteristics",
            sections: [
                SimonReport.inputs(p0: p0, p1: p1, rates: nil),
                DocumentSection(
                    "Method", rows: [["Design", "Simon two-stage (Simon 1989), exact binomial probabilities"]],
                    notes: ["Rule: \(SimonReport.ruleText)."]),
                DocumentSection(
                    "Answer",
                    rows: [
                        ["Design", "\(c.r1)/\(c.n1), \(c.r)/\(c.n)"],
                        ["Attained alpha", NumberFormat.fixed(c.attainedAlpha, 4)],
                        ["Attained power", NumberFormat.fixed(c.attainedPower, 4)],
                        ["EN(p0), PET(p0)", NumberFormat.fixed(c.enP0, 2) + ", " + NumberFormat.fixed(c.petP0, 3)],
                        ["EN(p1), PET(p1)", NumberFormat.fixed(c.enP1, 2) + ", " + NumberFormat.fixed(c.petP1, 3)],
                    ]),
                DocumentSection(
                    "Assumptions", notes: ["Responses are independent with a common probability; stage 2 is always completed once opened."]),
            ])
    }
}

extension SimonReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("optimal.n1", "Optimal n1"), .init("optimal.n", "Optimal n"), .init("optimal.en_p0", "Optimal EN(p0)", .value),
            .init("minimax.n1", "Minimax n1"), .init("minimax.n", "Minimax n"), .init("minimax.en_p0", "Minimax EN(p0)", .value),
        ]
    }
}

extension SimonDesignReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("design.attained_alpha", "Attained alpha", .probability),
            .init("design.attained_power", "Attained power", .probability), .init("design.en_p0", "EN(p0)", .value),
            .init("design.pet_p0", "P(early stop) at p0", .probability),
        ]
    }
}
