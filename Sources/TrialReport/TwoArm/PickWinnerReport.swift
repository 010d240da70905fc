import TrialDesign

/// Renders `trialsize pick-winner`: text, Markdown, LaTeX, JSON (docs/json/pick-winner.md), the
/// justification (`pick-winner.mustache`) and the selection probability against n.
public enum PickWinnerReport {
    /// The report's title.
    public static let title = "Pick-the-winner randomized phase II selection design"

    /// What was asked: the probabilities at a given n, or the n for a target.
    public enum Outcome: Sendable {
        case atPatients(PickTheWinner.Characteristics)
        case solved(PickTheWinner.Answer)

        var answer: PickTheWinner.Characteristics {
            switch self {
            case let .atPatients(c): return c
            case let .solved(a): return a.stable
            }
        }
    }

    static func rule(_ design: PickTheWinner) -> String {
        design.minimumLead == 0
            ? "select the arm with the most responses; ties broken at random"
            : "select the arm with the most responses if it leads every other arm by at least \(design.minimumLead) response\(design.minimumLead == 1 ? "" : "s"); otherwise the trial is inconclusive"
    }

    static func probabilities(_ c: PickTheWinner.Characteristics) -> String {
        "correct " + NumberFormat.fixed(c.correct, 4) + ", inconclusive " + NumberFormat.fixed(c.inconclusive, 4) + ", wrong "
            + NumberFormat.fixed(c.wrong, 4)
    }

    /// The sections: inputs, method and rule, the answer (the probabilities at the given n, or the
    /// first and stable n per arm for the target), and the assumptions.
    public static func sections(_ design: PickTheWinner, _ outcome: Outcome) -> [DocumentSection] {
        var inputs: [(String, String)] = [
            ("Arms", String(design.arms)),
            ("p0 (other arms)", NumberFormat.significant(design.p0, 6)),
            ("Best arm", NumberFormat.significant(design.bestRate, 6) + " (p0 + delta " + NumberFormat.significant(design.delta, 6) + ")"),
            (
                "Minimum lead",
                design.minimumLead == 0
                    ? "0 (ties broken at random)" : "\(design.minimumLead) response\(design.minimumLead == 1 ? "" : "s")"
            ),
        ]
        var answer: [(String, String)] = []
        switch outcome {
        case let .atPatients(c):
            inputs.append(("Patients per arm", String(c.patientsPerArm)))
            answer = [
                ("P(correct selection)", NumberFormat.fixed(c.correct, 4)), ("P(inconclusive)", NumberFormat.fixed(c.inconclusive, 4)),
                ("P(wrong arm)", NumberFormat.fixed(c.wrong, 4)), ("Total patients", String(c.patientsPerArm * design.arms)),
            ]
        case let .solved(a):
            inputs.append(("Target P(correct)", NumberFormat.significant(a.target, 6)))
            answer = [
                ("First n per arm", "\(a.first.patientsPerArm) (\(probabilities(a.first)))"),
                ("Stable n per arm", "\(a.stable.patientsPerArm) (\(probabilities(a.stable)))"),
                ("Total patients", String(a.stable.patientsPerArm * design.arms)),
            ]
        }
        let sections = [
            DocumentSection("Inputs", rows: inputs),
            DocumentSection(
                "Method", rows: [("Design", "pick-the-winner selection (Simon, Wittes & Ellenberg 1985)"), ("Rule", rule(design))],
                notes: ["Probabilities are exact sums over every binomial outcome of the arms; nothing is simulated."]),
            DocumentSection("Answer", rows: answer),
            DocumentSection(
                "Assumptions",
                notes: [
                    "One arm has response rate p0 + delta and every other arm p0 (the least favourable configuration for a given delta).",
                    "Responses are independent; each arm has the same number of patients.",
                    "A selection design, not a test: there is no control of the type I error (with no better arm, some arm is still selected).",
                ]),
        ]
        return sections
    }

    static func warnings(_ outcome: Outcome) -> [String] {
        guard case let .solved(a) = outcome, a.first.patientsPerArm != a.stable.patientsPerArm else { return [] }
        return [
            "Some n between \(a.first.patientsPerArm) and \(a.stable.patientsPerArm) per arm fall short of the target; plan for \(a.stable.patientsPerArm)."
        ]
    }

    /// The report: ``sections(_:_:)`` under a subtitle with the arms and the rates, and a warning when
    /// some n between the first and the stable n misses the target.
    public static func document(_ design: PickTheWinner, _ outcome: Outcome) -> Document {
        Document(
            title: title,
            subtitle:
                "\(design.arms) arms, response rate \(NumberFormat.percent(design.p0)) vs \(NumberFormat.percent(design.bestRate)) on the best arm",
            sections: sections(design, outcome), warnings: warnings(outcome))
    }

    struct ProbabilitiesJSON: Encodable {
        let patientsPerArm: Int
        let pCorrect: Double
        let pInconclusive: Double
        let pWrong: Double
    }

    /// The JSON answer (docs/json/pick-winner.md): what was solved for, the inputs, the patients per
    /// arm and in total, P(correct), P(inconclusive) and P(wrong) at that n, and when solving the
    /// first and stable n and the horizon.
    public struct Body: Encodable {
        let solvedFor: String
        let arms: Int
        let p0: Double
        let delta: Double
        let minLead: Int
        let target: Double?
        let patientsPerArm: Int
        let patients: Int
        let pCorrect: Double
        let pInconclusive: Double
        let pWrong: Double
        let first: ProbabilitiesJSON?
        let stable: ProbabilitiesJSON?
        let horizon: Int?
    }

    static func json(_ c: PickTheWinner.Characteristics) -> ProbabilitiesJSON {
        ProbabilitiesJSON(patientsPerArm: c.patientsPerArm, pCorrect: c.correct, pInconclusive: c.inconclusive, pWrong: c.wrong)
    }

    /// The JSON answer for `outcome`: at the stable n when solving for n.
    public static func body(_ design: PickTheWinner, _ outcome: Outcome) -> Body {
        let c = outcome.answer
        var target: Double?, first: ProbabilitiesJSON?, stable: ProbabilitiesJSON?, horizon: Int?
        if case let .solved(a) = outcome { target = a.target; first = json(a.first); stable = json(a.stable); horizon = a.horizon }
        return Body(
            solvedFor: target == nil ? "p-correct" : "patients-per-arm", arms: design.arms, p0: design.p0, delta: design.delta,
            minLead: design.minimumLead, target: target, patientsPerArm: c.patientsPerArm, patients: c.patientsPerArm * design.arms,
            pCorrect: c.correct, pInconclusive: c.inconclusive, pWrong: c.wrong, first: first, stable: stable, horizon: horizon)
    }

    /// The variables `pick-winner.mustache` reads (docs/templates.md).
    public static func justificationContext(_ design: PickTheWinner, _ outcome: Outcome, references: inout ReferenceList) -> [String: Any] {
        let c = outcome.answer
        var context: [String: Any] = [
            "arms": String(design.arms), "p0": NumberFormat.percent(design.p0), "best": NumberFormat.percent(design.bestRate),
            "delta": NumberFormat.percent(design.delta), "n": String(c.patientsPerArm), "total": String(c.patientsPerArm * design.arms),
            "rule": rule(design), "correct": NumberFormat.fixed(c.correct, 3), "inconclusive": NumberFormat.fixed(c.inconclusive, 3),
            "has_inconclusive": design.minimumLead > 0,
            "citation": references.cite(TwoArmReferences.simonWittesEllenberg),
            "target": false,
        ]
        if case let .solved(a) = outcome { context["target"] = NumberFormat.percent(a.target, 0) }
        return context
    }

    /// P(correct) and P(inconclusive) against n per arm.
    public static func selectionChart(_ design: PickTheWinner, _ outcome: Outcome) throws -> Chart {
        let n = outcome.answer.patientsPerArm
        let high = min(PickTheWinner.maximumPatientsPerArm, max(10, 2 * n))
        let step = max(1, high / 150)
        let grid = Array(stride(from: 1, through: high, by: step))
        let rows = try grid.map { m throws(DesignError) in try design.characteristics(patientsPerArm: m) }
        var series = [Series(name: "P(correct selection)", kind: .line, x: grid.map(Double.init), y: rows.map(\.correct))]
        if design.minimumLead > 0 {
            series.append(Series(name: "P(inconclusive)", kind: .line, x: grid.map(Double.init), y: rows.map(\.inconclusive), dashed: true))
        }
        var lines: [ReferenceLine] = []
        if case let .solved(a) = outcome {
            lines.append(ReferenceLine(y: a.target, label: "target \(NumberFormat.significant(a.target, 6))"))
        }
        return Chart(
            title: "Selection probability against patients per arm",
            subtitle:
                "\(design.arms) arms, p0 = \(NumberFormat.significant(design.p0, 4)), best arm \(NumberFormat.significant(design.bestRate, 4)), minimum lead \(design.minimumLead)",
            x: Axis(title: "Patients per arm", unit: "n", integers: true), y: Axis(title: "Probability", range: 0...1),
            series: series,
            markers: [
                Marker(
                    x: Double(n), y: outcome.answer.correct,
                    label: "n = \(n) per arm, P(correct) \(NumberFormat.fixed(outcome.answer.correct, 3))")
            ],
            referenceLines: lines)
    }
}

/// `pick-winner`'s report through the shared ``DesignReporting`` protocol.
public struct PickWinnerReporting: DesignReporting {
    /// The design: the number of arms, p0, the best arm's advantage delta and the minimum lead.
    public let design: PickTheWinner
    /// The question answered: the probabilities at a given n, or the n for a target P(correct).
    public let outcome: PickWinnerReport.Outcome
    /// The shipped template, `Templates/pick-winner.mustache`.
    public static let templateName = "pick-winner"

    /// A report of `outcome` for `design`.
    public init(_ design: PickTheWinner, _ outcome: PickWinnerReport.Outcome) {
        self.design = design
        self.outcome = outcome
    }

    /// The report; see ``PickWinnerReport/document(_:_:)``.
    public func document() throws -> Document { PickWinnerReport.document(design, outcome) }
    /// The JSON answer; see ``PickWinnerReport/Body``.
    public func jsonBody() throws -> PickWinnerReport.Body { PickWinnerReport.body(design, outcome) }
    /// The variables `pick-winner.mustache` reads (docs/templates.md), citing into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        PickWinnerReport.justificationContext(design, outcome, references: &references)
    }
    /// One plot, `selection`: P(correct selection), and P(inconclusive) with a minimum lead, against patients per arm.
    public func figures() throws -> [Figure] {
        [
            Figure(
                try PickWinnerReport.selectionChart(design, outcome), name: "selection",
                caption: "Probability of selecting the best arm (and of an inconclusive trial) against patients per arm.")
        ]
    }
}

extension PickWinnerReporting {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("patients_per_arm", "Patients per arm"), .init("patients", "Patients"),
            .init("p_correct", "P(correct selection)", .probability), .init("p_inconclusive", "P(inconclusive)", .probability),
        ]
    }
}
