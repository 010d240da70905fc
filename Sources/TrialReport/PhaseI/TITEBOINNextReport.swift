import TrialDesign

/// `trialsize boin next --window`: the TITE-BOIN decision for the next cohort, from each patient's level, DLT
/// status and follow-up so far. It shares the `boin-next` template (its `tite` section).
public struct TITEBOINNextReport: DesignReporting {
    /// The shipped template (shared with BOIN's `next`).
    public static let templateName = "boin-next"

    /// The decision reported.
    public let decision: TITEBOINDecision

    /// The time unit of the window and follow-up (`--unit`), or nil for a bare number.
    public var unit: String?

    /// A report of the given answer; set ``unit`` afterwards to label the window and follow-up.
    public init(decision: TITEBOINDecision) { self.decision = decision }

    /// The JSON answer (docs/json/boin.md, `boin next --window`): the decision and next level (null
    /// when the trial stops or accrual is suspended), each level's patients, DLTs, pending patients
    /// and STFT, the estimate p̂ at the current level, and the boundaries.
    public struct JSON: Encodable {
        let decision: String
        let nextLevel: Int?
        let current: Int
        let patients: [Int]
        let dlts: [Int]
        let pending: [Int]
        let stft: [Double]
        let currentPatients: Int
        let currentDlts: Int
        let currentPending: Int
        let currentStft: Double
        let posteriorMean: Double
        let estimate: Double
        let suspended: Bool
        let firstEliminated: Int?
        let lambdaE: Double
        let lambdaD: Double
        let target: Double
        let window: Double
        let unit: String?
        let stopAt: Int
        let method: String
        enum CodingKeys: String, CodingKey {
            case decision, nextLevel, current, patients, dlts, pending, stft, currentPatients, currentDlts, currentPending, currentStft,
                posteriorMean, estimate, suspended, firstEliminated, lambdaE, lambdaD, target, window, unit, stopAt, method
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(decision, forKey: .decision)
            try c.encode(nextLevel, forKey: .nextLevel)
            try c.encode(current, forKey: .current)
            try c.encode(patients, forKey: .patients)
            try c.encode(dlts, forKey: .dlts)
            try c.encode(pending, forKey: .pending)
            try c.encode(stft, forKey: .stft)
            try c.encode(currentPatients, forKey: .currentPatients)
            try c.encode(currentDlts, forKey: .currentDlts)
            try c.encode(currentPending, forKey: .currentPending)
            try c.encode(currentStft, forKey: .currentStft)
            try c.encode(posteriorMean, forKey: .posteriorMean)
            try c.encode(estimate, forKey: .estimate)
            try c.encode(suspended, forKey: .suspended)
            try c.encode(firstEliminated, forKey: .firstEliminated)
            try c.encode(lambdaE, forKey: .lambdaE)
            try c.encode(lambdaD, forKey: .lambdaD)
            try c.encode(target, forKey: .target)
            try c.encode(window, forKey: .window)
            try c.encodeIfPresent(unit, forKey: .unit)
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
        case .suspend:
            return "suspend accrual: more than half of the patients at level \(d.current) are still pending; wait for more outcomes"
        case .stopForToxicity: return "stop the trial: the lowest dose is eliminated (too toxic), no MTD"
        case .stopAndSelect: return "stop the trial and select the MTD (\(d.stopAt) patients at level \(d.current) and the rule says stay)"
        }
    }

    var reason: String {
        let d = decision
        let k = d.current - 1
        let n = d.patients[k], y = d.dlts[k], m = d.pending[k]
        var text = "\(y) DLT\(y == 1 ? "" : "s") in \(n) patient\(n == 1 ? "" : "s") at level \(d.current), \(m) pending"
        if m > 0 { text += " (STFT \(NumberFormat.fixed(d.stft[k], 3)))" }
        switch d.action {
        case .suspend:
            text += ": \(m) of \(n) pending is more than half"
        case .stopForToxicity:
            break
        default:
            if m > 0 {
                text += ": p̂ = \(NumberFormat.fixed(d.estimate, 4)) (p̃ = \(NumberFormat.fixed(d.posteriorMean, 4)))"
            } else {
                text += ": p̂ = y/n = \(NumberFormat.fixed(d.estimate, 4))"
            }
            text +=
                "; escalate if p̂ ≤ λe = \(NumberFormat.fixed(d.boundaries.lambdaE, 4)), de-escalate if p̂ ≥ λd = \(NumberFormat.fixed(d.boundaries.lambdaD, 4))"
        }
        return text
    }

    var method: String {
        "TITE-BOIN decision (Yuan et al. 2018): DLT rate at the current dose p̂ = {y + p̃/(1 - p̃)(m - STFT)}/n with p̃ = (y + target/2)/(n - m + 1) (prior Beta(target/2, 1 - target/2), uniform time to DLT in the window), compared with BOIN's λe and λd; accrual suspended when more than half of the current dose's patients are pending; elimination when P(p > target | known outcomes) > \(NumberFormat.significant(decision.boundaries.eliminationCutoff)) (Beta(1, 1) prior, at least 3 known), stop after \(decision.stopAt) patients at a dose when the rule says stay"
    }

    var layout: PhaseIDocument {
        let d = decision
        let b = d.boundaries
        let table = PhaseITable(
            "Patients, DLTs and pending outcomes by dose",
            headers: ["level", "patients", "DLTs", "pending", "STFT", "status"],
            rows: d.patients.indices.map { k in
                let status = BOINWords.status(level: k + 1, current: d.current, next: d.nextLevel, firstEliminated: d.firstEliminated)
                return [
                    String(k + 1), String(d.patients[k]), String(d.dlts[k]), String(d.pending[k]),
                    NumberFormat.fixed(d.stft[k], 3), status,
                ]
            },
            notes: [
                "Pending: no DLT yet and followed for less than the window. STFT: the pending patients' follow-up divided by the window, summed."
            ])
        return PhaseIDocument(
            title: "TITE-BOIN: decision for the next cohort",
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
                            ("DLT window", NumberFormat.duration(d.window, unit: unit)),
                            ("Current level", String(d.current)),
                        ])),
                .table(table),
                .section(
                    PhaseISection(
                        "Method", rows: [("Method", method), ("Reference", "Yuan et al. 2018; Lin & Yuan 2020; Liu & Yuan 2015")])),
                .section(
                    PhaseISection(
                        "Answer",
                        rows: [("Decision", decisionText), ("Because", reason)]
                            + (d.firstEliminated.map { [("Eliminated", "level \($0) and above")] } ?? []))),
                .section(
                    PhaseISection(
                        "Assumptions",
                        notes: [
                            "A pending patient's chance of a DLT later in the window is imputed assuming the time to DLT is uniform over the window (Yuan et al. 2018).",
                            "The decision uses the patients at the current level (and the elimination rule, on known outcomes, at every level); follow-up times are as of now, in the window's unit.",
                        ])),
            ])
    }

    /// The sections, tables and warnings.
    public func document() throws -> Document { layout.document }

    /// The JSON answer.
    public func jsonBody() throws -> JSON {
        let d = decision
        let k = d.current - 1
        return JSON(
            decision: d.action.rawValue, nextLevel: d.nextLevel, current: d.current, patients: d.patients, dlts: d.dlts,
            pending: d.pending, stft: d.stft, currentPatients: d.patients[k], currentDlts: d.dlts[k], currentPending: d.pending[k],
            currentStft: d.stft[k], posteriorMean: d.posteriorMean, estimate: d.estimate, suspended: d.action == .suspend,
            firstEliminated: d.firstEliminated, lambdaE: d.boundaries.lambdaE, lambdaD: d.boundaries.lambdaD,
            target: d.boundaries.target, window: d.window, unit: unit, stopAt: d.stopAt, method: method)
    }

    /// The plots for `--plot` and the page: the TITE-BOIN estimate at the current dose against the boundaries.
    public func figures() throws -> [Figure] {
        let d = decision
        let treated = d.patients.indices.filter { d.patients[$0] > 0 }
        let chart = Chart(
            title: "DLT rate by dose (pending outcomes imputed) and the BOIN boundaries",
            subtitle: "target \(NumberFormat.fixed(d.boundaries.target, 2)); decision: \(decisionText)",
            x: Axis(
                title: "Dose level", categories: d.patients.indices.map { "level \($0 + 1)" + ($0 + 1 == d.nextLevel ? " (next)" : "") }),
            y: Axis(title: "DLT rate", range: 0...1),
            series: [
                Series(
                    name: "TITE-BOIN estimate", kind: .bars, x: treated.map(Double.init),
                    y: treated.map {
                        TITEBOINRule.estimate(
                            target: d.boundaries.target, patients: d.patients[$0], dlts: d.dlts[$0],
                            pending: d.pending[$0], stft: d.stft[$0])
                    }, valueDecimals: 2)
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
                    "The TITE-BOIN estimate of the DLT rate at each dose tried (bars; pending outcomes imputed) against the escalation and de-escalation boundaries (dashed lines)."
            )
        ]
    }

    /// The variables the template reads (listed in docs/templates.md), citing into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let d = decision
        let k = d.current - 1
        let titeBOIN = references.cite(PhaseIReferences.yuan2018)
        return [
            "tite": true,
            "tite_boin": titeBOIN,
            "boin": references.cite(PhaseIReferences.liuYuan2015),
            "window": NumberFormat.duration(d.window, unit: unit),
            "m": d.pending[k],
            "stft": NumberFormat.fixed(d.stft[k], 2),
            "estimate": NumberFormat.fixed(d.estimate, 3),
            "target": NumberFormat.fixed(d.boundaries.target, 2),
            "lambda_e": NumberFormat.fixed(d.boundaries.lambdaE, 3),
            "lambda_d": NumberFormat.fixed(d.boundaries.lambdaD, 3),
            "current": d.current,
            "n": d.patients[k],
            "y": d.dlts[k],
            "decision": decisionText,
        ]
    }
}

extension TITEBOINNextReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [.init("next_level", "Next level")]
    }
}
