import TrialDesign

/// `trialsize boin select`: the MTD at the end of a BOIN trial, with isotonic estimates and intervals.
public struct BOINSelectReport: DesignReporting {
    /// The shipped template.
    public static let templateName = "boin-select"

    /// The selection reported.
    public let selection: BOINSelection

    /// A report of the given answer.
    public init(selection: BOINSelection) { self.selection = selection }

    struct LevelJSON: Encodable {
        let level: Int
        let patients: Int
        let dlts: Int
        let estimate: Double?
        let lower: Double?
        let upper: Double?
        let pOverdose: Double?
        let eliminated: Bool
        enum CodingKeys: String, CodingKey { case level, patients, dlts, estimate, lower, upper, pOverdose, eliminated }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(level, forKey: .level)
            try c.encode(patients, forKey: .patients)
            try c.encode(dlts, forKey: .dlts)
            try c.encode(estimate, forKey: .estimate)
            try c.encode(lower, forKey: .lower)
            try c.encode(upper, forKey: .upper)
            try c.encode(pOverdose, forKey: .pOverdose)
            try c.encode(eliminated, forKey: .eliminated)
        }
    }

    /// The JSON answer (docs/json/boin.md, `boin select`): the selected MTD level (null when no dose is
    /// selected) and each level's isotonic estimate, interval and overdose probability.
    public struct JSON: Encodable {
        let mtd: Int?
        let estimates: [LevelJSON]
        let firstEliminated: Int?
        let target: Double
        let eliminationCutoff: Double
        let boundMtd: Bool
        let method: String
        enum CodingKeys: String, CodingKey { case mtd, estimates, firstEliminated, target, eliminationCutoff, boundMtd, method }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(mtd, forKey: .mtd)
            try c.encode(estimates, forKey: .estimates)
            try c.encode(firstEliminated, forKey: .firstEliminated)
            try c.encode(target, forKey: .target)
            try c.encode(eliminationCutoff, forKey: .eliminationCutoff)
            try c.encode(boundMtd, forKey: .boundMtd)
            try c.encode(method, forKey: .method)
        }
    }

    var method: String {
        "BOIN selection (BOIN R package select.mtd): doses with P(p > target | data) > \(NumberFormat.significant(selection.boundaries.eliminationCutoff)) (Beta(1, 1) prior, n ≥ 3) eliminated with all higher doses; isotonic regression (pooled adjacent violators) of (y + 0.05)/(n + 0.1) with weights 1/variance of Beta(y + 0.05, n − y + 0.05); MTD = the admissible dose whose estimate is closest to the target, the lower on a tie"
            + (selection.boundMTD ? "; only doses with estimate ≤ λd (\(NumberFormat.fixed(selection.boundaries.lambdaD, 3)))" : "")
    }

    func isEliminated(_ level: Int) -> Bool { selection.firstEliminated.map { level >= $0 } ?? false }

    var layout: PhaseIDocument {
        let s = selection
        let f = { (v: Double?) in v.map { NumberFormat.fixed($0, 3) } ?? "-" }
        let table = PhaseITable(
            "Estimated DLT probability by dose",
            headers: ["level", "patients", "DLTs", "isotonic estimate", "95% interval", "P(p > target)"],
            rows: s.patients.indices.map { k in
                [
                    String(k + 1) + (k + 1 == s.mtd ? " (MTD)" : "") + (isEliminated(k + 1) ? " (eliminated)" : ""),
                    String(s.patients[k]), String(s.dlts[k]), f(s.estimates[k]),
                    s.lower[k] == nil ? "-" : "(\(f(s.lower[k])), \(f(s.upper[k])))", f(s.overdose[k]),
                ]
            },
            notes: [
                "Estimates, interval ends and P(p > target) are each made non-decreasing in dose by isotonic regression; a dash: no patients."
            ])
        let answer: String
        if let mtd = s.mtd {
            answer = "level \(mtd) (estimated DLT probability \(f(s.estimates[mtd - 1])))"
        } else if s.firstEliminated == 1 {
            answer = "none: the lowest dose is eliminated (too toxic)"
        } else {
            answer = "none: no admissible dose"
        }
        var warnings: [String] = []
        if s.patients.contains(where: { $0 > 0 && $0 < 3 }) {
            warnings.append("A dose with fewer than 3 patients cannot be eliminated and its estimate is unreliable.")
        }
        var blocks: [PhaseIDocument.Block] = [
            .section(
                PhaseISection(
                    "Inputs",
                    rows: [
                        ("Target DLT probability", NumberFormat.fixed(s.boundaries.target, 3)),
                        ("Patients by level", s.patients.map(String.init).joined(separator: ", ")),
                        ("DLTs by level", s.dlts.map(String.init).joined(separator: ", ")),
                    ])),
            .section(PhaseISection("Method", rows: [("Method", method), ("Reference", "Yuan et al. 2016; BOIN R package select.mtd")])),
            .section(
                PhaseISection(
                    "Answer", rows: [("MTD", answer)] + (s.firstEliminated.map { [("Eliminated", "level \($0) and above")] } ?? []))),
            .table(table),
            .section(
                PhaseISection(
                    "Assumptions",
                    notes: [
                        "DLT probability increases with dose; the 95% intervals are equal-tailed Beta(y + 0.05, n − y + 0.05) quantiles, made monotone."
                    ])),
        ]
        if !warnings.isEmpty { blocks.append(.section(PhaseISection("Warnings", notes: warnings))) }
        return PhaseIDocument(title: "BOIN maximum tolerated dose", blocks: blocks)
    }

    /// The sections, tables and warnings.
    public func document() throws -> Document { layout.document }

    /// The JSON answer.
    public func jsonBody() throws -> JSON { json }

    var json: JSON {
        let s = selection
        return JSON(
            mtd: s.mtd,
            estimates: s.patients.indices.map { k in
                LevelJSON(
                    level: k + 1, patients: s.patients[k], dlts: s.dlts[k], estimate: s.estimates[k], lower: s.lower[k],
                    upper: s.upper[k], pOverdose: s.overdose[k], eliminated: isEliminated(k + 1))
            },
            firstEliminated: s.firstEliminated, target: s.boundaries.target, eliminationCutoff: s.boundaries.eliminationCutoff,
            boundMtd: s.boundMTD, method: method)
    }

    /// The plots for `--plot` and the page.
    public func figures() throws -> [Figure] {
        let s = selection
        let treated = s.patients.indices.filter { s.patients[$0] > 0 }
        let x = treated.map(Double.init)
        let chart = Chart(
            title: "Isotonic estimate of the DLT probability by dose",
            subtitle: "BOIN, target \(NumberFormat.fixed(s.boundaries.target, 2)); MTD: \(s.mtd.map { "level \($0)" } ?? "none")",
            x: Axis(title: "Dose level", categories: s.patients.indices.map { "level \($0 + 1)" + ($0 + 1 == s.mtd ? " (MTD)" : "") }),
            y: Axis(title: "DLT probability", range: 0...1),
            series: [
                .intervals(
                    name: "isotonic estimate and 95% interval", x: x, estimates: treated.map { s.estimates[$0] ?? 0 },
                    ranges: treated.map { k in
                        let low = s.lower[k] ?? 0, high = s.upper[k] ?? 0
                        return min(low, high)...max(low, high)
                    }, valueDecimals: 2)
            ],
            referenceLines: [ReferenceLine(y: s.boundaries.target, label: "target \(NumberFormat.fixed(s.boundaries.target, 2))")])
        return [
            Figure(
                chart, name: "estimates",
                caption:
                    "The isotonic estimate of each treated dose's DLT probability (dots, values beside them) with its 95% interval (whiskers); the dashed line is the target."
            )
        ]
    }

    /// The variables the template reads (listed in docs/templates.md), citing into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let s = selection
        return [
            "boin": references.cite(PhaseIReferences.yuan2016),
            "software": references.cite(PhaseIReferences.boinPackage),
            "target": NumberFormat.fixed(s.boundaries.target, 2),
            "patients": s.patients.reduce(0, +),
            "has_mtd": s.mtd != nil,
            "mtd": s.mtd ?? 0,
            "estimate": s.mtd.flatMap { s.estimates[$0 - 1] }.map { NumberFormat.fixed($0, 2) } ?? "",
            "lower": s.mtd.flatMap { s.lower[$0 - 1] }.map { NumberFormat.fixed($0, 2) } ?? "",
            "upper": s.mtd.flatMap { s.upper[$0 - 1] }.map { NumberFormat.fixed($0, 2) } ?? "",
            "cutoff": NumberFormat.significant(s.boundaries.eliminationCutoff),
        ]
    }

}

extension BOINSelectReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [.init("mtd", "MTD")]
    }
}
