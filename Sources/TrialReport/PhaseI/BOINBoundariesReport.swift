import TrialDesign

/// `trialsize boin boundaries`: λe, λd and the decision table for the protocol.
public struct BOINBoundariesReport: DesignReporting {
    /// The shipped template.
    public static let templateName = "boin-boundaries"

    /// The boundaries reported.
    public let boundaries: BOINBoundaries
    /// Patients per cohort.
    public let cohortSize: Int
    /// Number of cohorts.
    public let cohorts: Int
    /// The `n.earlystop` rule (limits the table's rows).
    public let stopAt: Int
    /// The rows shown: n = cohort size, 2 × cohort size, … up to min(patients, stop-at), as the package's
    /// `boundary_tab`.
    public let rows: [BOINBoundaries.Row]

    /// - Throws: `InvalidInput` (`cohort-size` outside 1…100, `cohorts` outside 1…1000 or beyond 1000 patients,
    ///   `stop-at` outside 1…1000).
    public init(boundaries: BOINBoundaries, cohortSize: Int, cohorts: Int, stopAt: Int = 100) throws {
        try Validate.count(cohortSize, "cohort-size", in: 1...100)
        try Validate.count(cohorts, "cohorts", in: 1...BOINBoundaries.maximumPatients)
        guard cohortSize * cohorts <= BOINBoundaries.maximumPatients else {
            throw InvalidInput(
                parameter: "cohorts", requirement: "such that cohorts × cohort size ≤ \(BOINBoundaries.maximumPatients)",
                value: String(cohorts))
        }
        try Validate.count(stopAt, "stop-at", in: 1...BOINBoundaries.maximumPatients)
        self.boundaries = boundaries
        self.cohortSize = cohortSize
        self.cohorts = cohorts
        self.stopAt = stopAt
        let last = min(cohortSize * cohorts, stopAt)
        guard last >= cohortSize else {
            throw InvalidInput(parameter: "stop-at", requirement: "at least the cohort size (\(cohortSize))", value: String(stopAt))
        }
        rows = stride(from: cohortSize, through: last, by: cohortSize).map(boundaries.row)
    }

    struct RowJSON: Encodable {
        let n: Int
        let escalateMax: Int
        let deescalateMin: Int
        let eliminateMin: Int?
        enum CodingKeys: String, CodingKey { case n, escalateMax, deescalateMin, eliminateMin }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(n, forKey: .n)
            try c.encode(escalateMax, forKey: .escalateMax)
            try c.encode(deescalateMin, forKey: .deescalateMin)
            try c.encode(eliminateMin, forKey: .eliminateMin)  // null when no count eliminates
        }
    }

    /// The JSON answer (docs/json/boin.md, `boin boundaries`): φ, φ1, φ2, λe, λd and the decision table.
    public struct JSON: Encodable {
        let target: Double
        let phi1: Double
        let phi2: Double
        let eliminationCutoff: Double
        let lambdaE: Double
        let lambdaD: Double
        let cohortSize: Int
        let cohorts: Int
        let stopAt: Int
        let table: [RowJSON]
        let method: String
    }

    static func cell(_ value: Int?, _ n: Int) -> String {
        guard let value, value >= 0, value <= n else { return "-" }
        return String(value)
    }

    var table: PhaseITable {
        PhaseITable(
            "Decision table (DLTs among the patients treated at the current dose)",
            headers: ["patients treated", "escalate if DLTs ≤", "de-escalate if DLTs ≥", "eliminate if DLTs ≥"],
            rows: rows.map {
                [String($0.n), Self.cell($0.escalateMax, $0.n), Self.cell($0.deescalateMin, $0.n), Self.cell($0.eliminateMin, $0.n)]
            },
            notes: [
                "Otherwise stay at the current dose. A dash: no count triggers the action. Eliminating a dose eliminates every higher dose; the trial stops if the lowest dose is eliminated."
            ])
    }

    var method: String {
        "BOIN boundaries λe = log((1−φ1)/(1−φ)) / log(φ(1−φ1)/(φ1(1−φ))), λd = log((1−φ)/(1−φ2)) / log(φ2(1−φ)/(φ(1−φ2))); escalate if DLTs ≤ ⌊λe·n⌋, de-escalate if DLTs ≥ ⌈λd·n⌉; eliminate when P(p > φ | data) > \(NumberFormat.significant(boundaries.eliminationCutoff)) under a Beta(1, 1) prior, from 3 patients on"
    }

    var layout: PhaseIDocument {
        let b = boundaries
        var warnings: [String] = []
        if stopAt <= 6 {
            warnings.append("--stop-at \(stopAt) is low: the BOIN package recommends 9 to 18 patients at a dose before stopping.")
        }
        var blocks: [PhaseIDocument.Block] = [
            .section(
                PhaseISection(
                    "Inputs",
                    rows: [
                        ("Target DLT probability φ", NumberFormat.fixed(b.target, 3)),
                        ("Highest DLT probability deemed subtherapeutic φ1", NumberFormat.fixed(b.phi1, 3)),
                        ("Lowest DLT probability deemed overly toxic φ2", NumberFormat.fixed(b.phi2, 3)),
                        ("Elimination cutoff", "P(p > φ | data) > \(NumberFormat.significant(b.eliminationCutoff))"),
                        ("Cohorts", "\(cohorts) of \(cohortSize) (at most \(cohorts * cohortSize) patients)"),
                        ("Stop at", "\(stopAt) patients at one dose"),
                    ])),
            .section(
                PhaseISection(
                    "Method", rows: [("Method", method), ("Reference", "Liu & Yuan 2015; Yuan et al. 2016; BOIN R package get.boundary")])),
            .section(
                PhaseISection(
                    "Answer",
                    rows: [
                        ("Escalation boundary λe", NumberFormat.fixed(b.lambdaE, 4)),
                        ("De-escalation boundary λd", NumberFormat.fixed(b.lambdaD, 4)),
                    ])),
            .table(table),
            .section(
                PhaseISection(
                    "Assumptions",
                    notes: [
                        "The decision uses only the patients treated at the current dose; the boundaries do not depend on the dose level or the trial's history.",
                        "The de-escalation boundary is lowered to the elimination boundary where that is smaller (as the BOIN package does).",
                    ])),
        ]
        if !warnings.isEmpty { blocks.append(.section(PhaseISection("Warnings", notes: warnings))) }
        return PhaseIDocument(title: "BOIN decision boundaries", blocks: blocks)
    }

    /// The sections, tables and warnings.
    public func document() throws -> Document { layout.document }

    /// The JSON answer.
    public func jsonBody() throws -> JSON { json }

    var json: JSON {
        JSON(
            target: boundaries.target, phi1: boundaries.phi1, phi2: boundaries.phi2, eliminationCutoff: boundaries.eliminationCutoff,
            lambdaE: boundaries.lambdaE, lambdaD: boundaries.lambdaD, cohortSize: cohortSize, cohorts: cohorts, stopAt: stopAt,
            table: rows.map {
                RowJSON(n: $0.n, escalateMax: $0.escalateMax, deescalateMin: $0.deescalateMin, eliminateMin: $0.eliminateMin)
            },
            method: method)
    }

    /// The plots for `--plot` and the page.
    public func figures() throws -> [Figure] {
        let n = rows.map { Double($0.n) }
        var series = [
            Series(name: "escalate if DLTs ≤", kind: .step, x: n, y: rows.map { Double(max($0.escalateMax, 0)) }),
            Series(name: "de-escalate if DLTs ≥", kind: .step, x: n, y: rows.map { Double($0.deescalateMin) }),
        ]
        let eliminating = rows.filter { $0.eliminateMin != nil }
        if !eliminating.isEmpty {
            series.append(
                Series(
                    name: "eliminate if DLTs ≥", kind: .points, x: eliminating.map { Double($0.n) },
                    y: eliminating.map { Double($0.eliminateMin ?? 0) }, dashed: true))
        }
        let chart = Chart(
            title: "BOIN decision boundaries",
            subtitle:
                "target \(NumberFormat.fixed(boundaries.target, 2)), λe = \(NumberFormat.fixed(boundaries.lambdaE, 3)), λd = \(NumberFormat.fixed(boundaries.lambdaD, 3))",
            x: Axis(title: "Patients treated at the current dose", integers: true),
            y: Axis(title: "Number of DLTs", integers: true),
            series: series)
        return [
            Figure(
                chart, name: "boundaries",
                caption:
                    "The DLT counts that trigger each decision by the number of patients treated at the current dose: escalate at or below the lower line, de-escalate at or above the upper line, eliminate the dose at or above the points."
            )
        ]
    }

    /// The variables the template reads (listed in docs/templates.md), citing into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let b = boundaries
        // The example row: the first with at least 3 patients (where elimination starts), else the last.
        let first = rows.first { $0.n >= 3 } ?? rows.last
        return [
            "boin": references.cite(PhaseIReferences.liuYuan2015),
            "boin_practice": references.cite(PhaseIReferences.yuan2016),
            "software": references.cite(PhaseIReferences.boinPackage),
            "target": NumberFormat.fixed(b.target, 2),
            "phi1": NumberFormat.fixed(b.phi1, 3),
            "phi2": NumberFormat.fixed(b.phi2, 3),
            "lambda_e": NumberFormat.fixed(b.lambdaE, 3),
            "lambda_d": NumberFormat.fixed(b.lambdaD, 3),
            "cutoff": NumberFormat.significant(b.eliminationCutoff),
            "cohort_size": cohortSize,
            "cohorts": cohorts,
            "patients": cohorts * cohortSize,
            "cohort_text": cohortSize == 1 ? "one at a time" : "in cohorts of \(cohortSize)",
            "first_n": (first?.n ?? cohortSize) == 1 ? "1 patient" : "\(first?.n ?? cohortSize) patients",
            "first_escalate": first.map { Self.cell($0.escalateMax, $0.n) } ?? "-",
            "first_deescalate": first.map { Self.cell($0.deescalateMin, $0.n) } ?? "-",
        ]
    }

}

extension BOINBoundariesReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("lambda_e", "Escalation boundary", .value), .init("lambda_d", "De-escalation boundary", .value),
        ]
    }
}
