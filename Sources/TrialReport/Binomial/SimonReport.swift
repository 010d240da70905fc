import TrialDesign

/// Renders Simon two-stage designs (`trialsize simon`).
public enum SimonReport {
    struct AdmissibleRow: Encodable {
        let r1: Int, n1: Int, r: Int, n: Int
        let enP0: Double, petP0: Double, attainedAlpha: Double, attainedPower: Double
        let qLower: Double, qUpper: Double
    }

    struct Body: Encodable {
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

    struct DesignBody: Encodable {
        let p0: Double
        let p1: Double
        let rule: String
        let design: SimonCharacteristics
    }

    static let ruleText = "stop after stage 1 when responses <= r1; reject H0 when total responses > r"

    static func describe(_ c: SimonCharacteristics) -> String {
        "\(c.r1)/\(c.n1), \(c.r)/\(c.n): EN(p0) \(NumberFormat.fixed(c.enP0, 2)), PET(p0) \(NumberFormat.fixed(c.petP0, 3)), alpha \(NumberFormat.fixed(c.attainedAlpha, 4)), power \(NumberFormat.fixed(c.attainedPower, 4))"
    }

    static func inputs(p0: Double, p1: Double, rates: ErrorRates?) -> Section {
        var rows = [
            ("p0 (uninteresting response rate)", NumberFormat.significant(p0, 6)),
            ("p1 (target response rate)", NumberFormat.significant(p1, 6)),
        ]
        if let rates {
            rows.append(("Alpha", NumberFormat.significant(rates.alpha, 6) + " " + rates.sides.label
                         + (rates.sides == .twoSided ? " (" + NumberFormat.significant(rates.tailAlpha, 6) + " in the upper tail)" : "")))
            rows.append(("Power", NumberFormat.significant(rates.power, 6)))
        }
        return Section("Inputs", rows: rows)
    }

    static func admissibleRows(_ answer: SimonTwoStage.Answer) -> [AdmissibleRow] {
        answer.admissible.map { a in
            let c = a.design
            return AdmissibleRow(r1: c.r1, n1: c.n1, r: c.r, n: c.n, enP0: c.enP0, petP0: c.petP0,
                                 attainedAlpha: c.attainedAlpha, attainedPower: c.attainedPower, qLower: a.qLower, qUpper: a.qUpper)
        }
    }

    public static func render(_ problem: SimonTwoStage, _ answer: SimonTwoStage.Answer, admissible: Bool,
                              format: OutputFormat, justification: Justification? = nil) throws -> String {
        let rates = problem.errorRates
        if format == .json {
            return try JSONOutput.encode(Body(p0: problem.p0, p1: problem.p1, alpha: rates.alpha, power: rates.power,
                                              sides: rates.sides.rawValue, rule: ruleText, optimal: answer.optimal,
                                              minimax: answer.minimax, admissible: admissible ? admissibleRows(answer) : nil,
                                              lowerBoundN: answer.lowerBound, searchedUpTo: answer.searchedUpTo,
                                              complete: answer.complete),
                                         justification: justification)
        }
        var admissibleTable = ""
        if admissible {
            let rows = admissibleRows(answer).map { a in
                ["\(a.r1)/\(a.n1)", "\(a.r)/\(a.n)", NumberFormat.fixed(a.enP0, 2), NumberFormat.fixed(a.petP0, 3),
                 NumberFormat.fixed(a.attainedAlpha, 4), NumberFormat.fixed(a.attainedPower, 4),
                 NumberFormat.fixed(a.qLower, 3) + "-" + NumberFormat.fixed(a.qUpper, 3)]
            }
            admissibleTable = TableBlock.render(
                title: "Admissible designs (Jung et al. 2004), minimax (q = 0) to optimal (q = 1)",
                headers: ["r1/n1", "r/n", "EN(p0)", "PET(p0)", "alpha", "power", "q range"], rows: rows, format: format)
        }
        return Layout.render(title: title, sections: sections(problem, answer), format: format) + admissibleTable
    }

    static let title = "Simon two-stage phase II design"

    /// The sections of the text output.
    static func sections(_ problem: SimonTwoStage, _ answer: SimonTwoStage.Answer) -> [Section] {
        let rates = problem.errorRates
        let answerSection = Section("Answer", rows: [
            ("Optimal", describe(answer.optimal)),
            ("Minimax", describe(answer.minimax)),
        ])
        let searchNote = answer.complete
            ? "Search: exhaustive over every design with EN(p0) no larger than the minimax design's (n from \(answer.lowerBound), the Neyman-Pearson lower bound, to \(answer.searchedUpTo)), so no better design exists."
            : "Search: stopped at n = \(answer.searchedUpTo) (\(problem.nmax == nil ? "the cap of \(SimonTwoStage.maximumPatients)" : "--nmax")); a design with larger n and smaller EN(p0) may exist."
        var sections = [
            inputs(p0: problem.p0, p1: problem.p1, rates: rates),
            Section("Method", rows: [("Design", "Simon two-stage (Simon 1989), exact binomial probabilities")],
                    notes: ["Rule: \(ruleText).",
                            "Optimal minimises EN(p0); minimax minimises n, then EN(p0)."]),
            answerSection,
            Section("Assumptions", notes: [
                "Responses are independent with a common probability; stage 2 is always completed once opened.",
                "The trial stops early only for futility; attained alpha and power never miss the nominal values.",
                searchNote,
            ]),
        ]
        if !answer.complete {
            sections.append(Section("Warnings", notes: ["The search was cut short by --nmax; drop --nmax or raise it to prove the optimal design."]))
        }
        return sections
    }

    /// The page and plot for `--report` and `--plot`: the sections, the admissible designs,
    /// the EN(p0) against maximum n frontier and the justification.
    public static func document(_ problem: SimonTwoStage, _ answer: SimonTwoStage.Answer,
                                justification: Justification?) throws -> DesignReport {
        let rates = problem.errorRates
        let rows = admissibleRows(answer).map { a in
            ["\(a.r1)/\(a.n1)", "\(a.r)/\(a.n)", NumberFormat.fixed(a.enP0, 2), NumberFormat.fixed(a.petP0, 3),
             NumberFormat.fixed(a.attainedAlpha, 4), NumberFormat.fixed(a.attainedPower, 4),
             NumberFormat.fixed(a.qLower, 3) + "-" + NumberFormat.fixed(a.qUpper, 3)]
        }
        let table = LegacyTable("Admissible designs (Jung et al. 2004), minimax (q = 0) to optimal (q = 1)",
                          headers: ["r1/n1", "r/n", "EN(p0)", "PET(p0)", "alpha", "power", "q range"], rows: rows)
        return DesignReport(
            title: title,
            subtitle: "Response rate \(NumberFormat.percent(problem.p0)) vs \(NumberFormat.percent(problem.p1)), \(rates.sides.label) alpha \(NumberFormat.significant(rates.alpha, 6)), power \(NumberFormat.significant(rates.power, 6))",
            sections: sections(problem, answer), tables: [table],
            plots: [DesignReport.Plot(name: "frontier", chart: try frontierChart(problem, answer),
                                      caption: "Expected sample size under p0 against the maximum sample size: for each n, the design with the smallest EN(p0) that meets both error rates. The minimax, optimal and admissible designs are marked.")],
            justification: justification)
    }

    /// EN(p0) against the maximum n (`SimonTwoStage.Answer.frontier`), with the optimal,
    /// minimax and other admissible designs marked.
    public static func frontierChart(_ problem: SimonTwoStage, _ answer: SimonTwoStage.Answer) throws -> Chart {
        let rates = problem.errorRates
        let frontier = answer.frontier.isEmpty ? [answer.minimax, answer.optimal] : answer.frontier
        func name(_ c: SimonCharacteristics) -> String { "\(c.r1)/\(c.n1), \(c.r)/\(c.n)" }
        var markers: [Marker] = []
        if answer.optimal.n == answer.minimax.n, answer.optimal.enP0 == answer.minimax.enP0 {
            markers.append(Marker(x: Double(answer.optimal.n), y: answer.optimal.enP0, label: "optimal = minimax \(name(answer.optimal))", shape: .circle))
        } else {
            markers.append(Marker(x: Double(answer.minimax.n), y: answer.minimax.enP0,
                                  label: "minimax \(name(answer.minimax)), EN \(NumberFormat.fixed(answer.minimax.enP0, 1))", shape: .square))
            markers.append(Marker(x: Double(answer.optimal.n), y: answer.optimal.enP0,
                                  label: "optimal \(name(answer.optimal)), EN \(NumberFormat.fixed(answer.optimal.enP0, 1))", shape: .circle))
        }
        for a in answer.admissible where a.design.n != answer.optimal.n && a.design.n != answer.minimax.n {
            markers.append(Marker(x: Double(a.design.n), y: a.design.enP0, label: "admissible \(name(a.design))", shape: .diamond))
        }
        return Chart(
            title: "Expected sample size against maximum sample size",
            subtitle: "Simon two-stage, p0 = \(NumberFormat.significant(problem.p0, 6)), p1 = \(NumberFormat.significant(problem.p1, 6)), \(rates.sides.label) α = \(NumberFormat.significant(rates.alpha, 6)), power \(NumberFormat.significant(rates.power, 6))",
            x: Axis(title: "Maximum sample size", unit: "n", integers: true),
            y: Axis(title: "Expected sample size under p0", unit: "EN(p0)"),
            series: [Series(name: "smallest EN(p0) at each n", kind: .points,
                            x: frontier.map { Double($0.n) }, y: frontier.map(\.enP0))],
            markers: markers)
    }

    /// The operating characteristics of one given design (`--design`).
    public static func render(design c: SimonCharacteristics, p0: Double, p1: Double, format: OutputFormat) throws -> String {
        if format == .json { return try JSONOutput.encode(DesignBody(p0: p0, p1: p1, rule: ruleText, design: c)) }
        let sections = [
            inputs(p0: p0, p1: p1, rates: nil),
            Section("Method", rows: [("Design", "Simon two-stage (Simon 1989), exact binomial probabilities")],
                    notes: ["Rule: \(ruleText)."]),
            Section("Answer", rows: [
                ("Design", "\(c.r1)/\(c.n1), \(c.r)/\(c.n)"),
                ("Attained alpha", NumberFormat.fixed(c.attainedAlpha, 4)),
                ("Attained power", NumberFormat.fixed(c.attainedPower, 4)),
                ("EN(p0), PET(p0)", NumberFormat.fixed(c.enP0, 2) + ", " + NumberFormat.fixed(c.petP0, 3)),
                ("EN(p1), PET(p1)", NumberFormat.fixed(c.enP1, 2) + ", " + NumberFormat.fixed(c.petP1, 3)),
            ]),
            Section("Assumptions", notes: ["Responses are independent with a common probability; stage 2 is always completed once opened."]),
        ]
        return Layout.render(title: "Simon two-stage design: operating characteristics", sections: sections, format: format)
    }

    /// The variables `simon.mustache` reads (listed in docs/templates.md).
    public static func justificationContext(_ problem: SimonTwoStage, _ answer: SimonTwoStage.Answer, admissible: Bool,
                                            references: inout ReferenceList) -> [String: Any] {
        let rates = problem.errorRates
        func design(_ c: SimonCharacteristics) -> [String: Any] {
            ["r1": String(c.r1), "n1": String(c.n1), "r": String(c.r), "n": String(c.n), "n2": String(c.n - c.n1),
             "en": NumberFormat.fixed(c.enP0, 1), "pet": NumberFormat.percent(c.petP0, 0),
             "attained_alpha": NumberFormat.fixed(c.attainedAlpha, 4), "attained_power": NumberFormat.fixed(c.attainedPower, 4)]
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

    public static func justification(_ problem: SimonTwoStage, _ answer: SimonTwoStage.Answer, admissible: Bool,
                                     using choice: TemplateChoice = .shipped("simon")) throws -> Justification {
        var references = ReferenceList()
        let context = justificationContext(problem, answer, admissible: admissible, references: &references)
        return try Justification(using: choice, context: context, references: references)
    }
}
