import TrialDesign

/// `trialsize boin next`: the decision for the next cohort.
public struct BOINNextReport: DesignReporting {
    /// The shipped template.
    public static let templateName = "boin-next"

    /// The decision reported.
    public let decision: BOINDecision

    /// A report of the given answer.
    public init(decision: BOINDecision) { self.decision = decision }

    /// The JSON answer (docs/json/boin.md, `boin next`): the decision and next level (null when the
    /// trial stops), the patients and DLTs by level, and the row of the decision table applied.
    public struct JSON: Encodable {
        let decision: String
        let nextLevel: Int?
        let current: Int
        let patients: [Int]
        let dlts: [Int]
        let currentPatients: Int
        let currentDlts: Int
        let escalateMax: Int
        let deescalateMin: Int
        let eliminateMin: Int?
        let firstEliminated: Int?
        let lambdaE: Double
        let lambdaD: Double
        let target: Double
        let stopAt: Int
        let method: String
        enum CodingKeys: String, CodingKey {
            case decision, nextLevel, current, patients, dlts, currentPatients, currentDlts, escalateMax, deescalateMin, eliminateMin,
                firstEliminated, lambdaE, lambdaD, target, stopAt, method
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(decision, forKey: .decision)
            try c.encode(nextLevel, forKey: .nextLevel)
            try c.encode(current, forKey: .current)
            try c.encode(patients, forKey: .patients)
            try c.encode(dlts, forKey: .dlts)
            try c.encode(currentPatients, forKey: .currentPatients)
            try c.encode(currentDlts, forKey: .currentDlts)
            try c.encode(escalateMax, forKey: .escalateMax)
            try c.encode(deescalateMin, forKey: .deescalateMin)
            try c.encode(eliminateMin, forKey: .eliminateMin)
            try c.encode(firstEliminated, forKey: .firstEliminated)
            try c.encode(lambdaE, forKey: .lambdaE)
            try c.encode(lambdaD, forKey: .lambdaD)
            try c.encode(target, forKey: .target)
            try c.encode(stopAt, forKey: .stopAt)
            try c.encode(method, forKey: .method)
        }
    }

    /// The decision in words.
    var decisionText: String {
        let d = decision
        switch d.action {
        case .escalate: return "escalate to level \(d.nextLevel ?? 0)"
        case .deescalate: return "de-escalate to level \(d.nextLevel ?? 0)"
        case .stay: return "stay at level \(d.nextLevel ?? 0)"
        case .stopForToxicity: return "stop the trial: the lowest dose is eliminated (too toxic), no MTD"
        case .stopAndSelect: return "stop the trial and select the MTD (\(d.stopAt) patients at level \(d.current) and the rule says stay)"
        }
    }

    var reason: String {
        let d = decision
        let n = d.patients[d.current - 1], y = d.dlts[d.current - 1]
        var text =
            "\(y) DLT\(y == 1 ? "" : "s") in \(n) patient\(n == 1 ? "" : "s") at level \(d.current): escalate if ≤ \(d.row.escalateMax), de-escalate if ≥ \(d.row.deescalateMin)"
        if let e = d.row.eliminateMin { text += ", eliminate if ≥ \(e)" }
        if d.action == .stay && y <= d.row.escalateMax {
            text += d.current == d.patients.count ? " (already at the highest level)" : " (the next level is eliminated)"
        }
        if d.action == .stay && y >= d.row.deescalateMin { text += " (already at the lowest level)" }
        return text
    }

    var method: String {
        "BOIN decision (Liu & Yuan 2015) with the BOIN R package's conventions: elimination when P(p > target | data) > \(NumberFormat.significant(decision.boundaries.eliminationCutoff)) (Beta(1, 1) prior, n ≥ 3), no escalation into an eliminated dose, stop after \(decision.stopAt) patients at a dose when the rule says stay"
    }

    var layout: PhaseIDocument {
        let d = decision
        let b = d.boundaries
        let table = PhaseITable(
            "Patients and DLTs by dose",
            headers: ["level", "patients", "DLTs", "DLT rate", "status"],
            rows: d.patients.indices.map { k in
                let n = d.patients[k], y = d.dlts[k]
                let status = BOINWords.status(level: k + 1, current: d.current, next: d.nextLevel, firstEliminated: d.firstEliminated)
                return [String(k + 1), String(n), String(y), n > 0 ? NumberFormat.fixed(Double(y) / Double(n), 3) : "-", status]
            })
        return PhaseIDocument(
            title: "BOIN: decision for the next cohort",
            blocks: [
                .section(
                    PhaseISection(
                        "Inputs",
                        rows: [
                            ("Target DLT probability", NumberFormat.fixed(b.target, 3)),
                            (
                                "Boundaries",
                                BOINWords.boundaries(b)
                            ),
                            ("Current level", String(d.current)),
                        ])),
                .table(table),
                .section(PhaseISection("Method", rows: [("Method", method), ("Reference", "Liu & Yuan 2015; Yuan et al. 2016")])),
                .section(
                    PhaseISection(
                        "Answer",
                        rows: [("Decision", decisionText), ("Because", reason)]
                            + (d.firstEliminated.map { [("Eliminated", "level \($0) and above")] } ?? []))),
                .section(
                    PhaseISection(
                        "Assumptions",
                        notes: [
                            "The decision uses only the patients treated at the current level (and the elimination rule at every level); all DLT outcomes are known."
                        ])),
            ])
    }

    /// The sections, tables and warnings.
    public func document() throws -> Document { layout.document }

    /// The JSON answer.
    public func jsonBody() throws -> JSON { json }

    var json: JSON {
        let d = decision
        return JSON(
            decision: d.action.rawValue, nextLevel: d.nextLevel, current: d.current, patients: d.patients, dlts: d.dlts,
            currentPatients: d.patients[d.current - 1], currentDlts: d.dlts[d.current - 1], escalateMax: d.row.escalateMax,
            deescalateMin: d.row.deescalateMin, eliminateMin: d.row.eliminateMin, firstEliminated: d.firstEliminated,
            lambdaE: d.boundaries.lambdaE, lambdaD: d.boundaries.lambdaD, target: d.boundaries.target, stopAt: d.stopAt, method: method)
    }

    /// The plots for `--plot` and the page.
    public func figures() throws -> [Figure] {
        let d = decision
        let treated = d.patients.indices.filter { d.patients[$0] > 0 }
        let chart = Chart(
            title: "Observed DLT rate by dose and the BOIN boundaries",
            subtitle: "target \(NumberFormat.fixed(d.boundaries.target, 2)); decision: \(decisionText)",
            x: Axis(
                title: "Dose level", categories: d.patients.indices.map { "level \($0 + 1)" + ($0 + 1 == d.nextLevel ? " (next)" : "") }),
            y: Axis(title: "DLT rate", range: 0...1),
            series: [
                Series(
                    name: "observed DLT rate", kind: .bars, x: treated.map(Double.init),
                    y: treated.map { Double(d.dlts[$0]) / Double(d.patients[$0]) }, valueDecimals: 2)
            ],
            referenceLines: [
                ReferenceLine(y: d.boundaries.lambdaE, label: "λe = \(NumberFormat.fixed(d.boundaries.lambdaE, 3)) (escalate at or below)"),
                ReferenceLine(
                    y: d.boundaries.lambdaD, label: "λd = \(NumberFormat.fixed(d.boundaries.lambdaD, 3)) (de-escalate at or above)"),
            ])
        return [
            Figure(
                chart, name: "decision",
                caption:
                    "The observed DLT rate at each dose tried (bars) against the escalation and de-escalation boundaries (dashed lines).")
        ]
    }

    /// The variables the template reads (listed in docs/templates.md), citing into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let d = decision
        return [
            "boin": references.cite(PhaseIReferences.liuYuan2015),
            "target": NumberFormat.fixed(d.boundaries.target, 2),
            "lambda_e": NumberFormat.fixed(d.boundaries.lambdaE, 3),
            "lambda_d": NumberFormat.fixed(d.boundaries.lambdaD, 3),
            "current": d.current,
            "n": d.patients[d.current - 1],
            "y": d.dlts[d.current - 1],
            "decision": decisionText,
            "tite": false,
            "tite_boin": "", "window": "", "m": 0, "stft": "", "estimate": "",
        ]
    }

}

extension BOINNextReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [.init("next_level", "Next level")]
    }
}
