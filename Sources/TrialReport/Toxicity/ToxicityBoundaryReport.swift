import TrialDesign

/// Renders a toxicity-monitoring rule (`trialsize toxicity-boundary`): the rule as a protocol
/// table, its operating characteristics, JSON, the justification paragraph and the report page.
public struct ToxicityBoundaryReport: DesignReporting {
    /// The rule found: the design's inputs, the low and high boundaries with their nominal levels, the
    /// one chosen by the priority, and the operating characteristics of each.
    public let result: ToxicityBoundaryResult

    /// A report of `result`.
    public init(_ result: ToxicityBoundaryResult) {
        self.result = result
    }

    /// The shipped template, `Templates/toxicity-boundary.mustache`.
    public static let templateName = "toxicity-boundary"
    /// Yes: the JSON body has its own `warnings` key.
    public var bodyCarriesWarnings: Bool { true }

    /// Ivanova, Qaqish and Schell (2005): continuous toxicity monitoring by a repeated significance
    /// testing boundary, the method.
    public static let ivanova = Reference(
        key: "ivanova-2005",
        citation:
            "Ivanova A, Qaqish BF, Schell MJ. Continuous toxicity monitoring in phase II trials in oncology. Biometrics. 2005;61(2):540-545."
    )
    /// clinfun's `toxbdry` (Seshan), the R function whose boundaries and conventions the rule reproduces.
    public static let clinfun = Reference(
        key: "clinfun",
        citation: "Seshan VE. clinfun: Clinical Trial Design and Data Analysis Functions. R package version 1.1.5 (function toxbdry).")

    static let title = "Toxicity monitoring rule"

    /// The rule at one true toxicity rate: P(stop) at any look (clinfun's pcross), P(stop) before the
    /// last look, the expected number of patients, and P(stopped at or before look k) for each look.
    public struct CharacteristicsRow: Encodable {
        let rate: Double
        let pStop: Double
        let pStopEarly: Double
        let expectedPatients: Double
        let stoppedBy: [Double]
        init(_ c: BoundaryCrossing) {
            rate = c.rate; pStop = c.crossing; pStopEarly = c.earlyStop; expectedPatients = c.expectedPatients; stoppedBy = c.stoppedBy
        }
    }

    /// The JSON answer (docs/json/toxicity-boundary.md): the inputs, the rule's b_k per look, both
    /// searched boundaries with their nominal levels, P(stop) and expected patients at p0 and p1, the
    /// characteristics at each rate, and the warnings.
    public struct Body: Encodable {
        let p0: Double, p1: Double
        let looks: [Int]
        let alpha: Double, power: Double, shape: Double
        let priority: String
        let rule: String
        let boundary: [Int]
        let chosenBoundary: String
        let lowBoundary: [Int], highBoundary: [Int]
        let lowNominalLevel: Double, highNominalLevel: Double
        let stopAtP0: Double, stopAtP1: Double
        let expectedPatientsAtP0: Double, expectedPatientsAtP1: Double
        let characteristics: [CharacteristicsRow]
        let lowCharacteristics: [CharacteristicsRow]
        let highCharacteristics: [CharacteristicsRow]
        let warnings: [String]
    }

    static let ruleText = "stop the trial when the number of toxicities among the first n_k evaluable patients exceeds b_k"

    /// The rule as a protocol would print it: one row per look, or, with a look after every
    /// patient, one row per run of patients sharing a boundary.
    public static func ruleRows(_ result: ToxicityBoundaryResult) -> [[String]] {
        let looks = result.design.looks, rule = result.rule
        var rows: [[String]] = []
        let everyPatient = looks.count > 1 && zip(looks.dropFirst(), looks).allSatisfy { $0 - $1 == 1 } && looks[0] == 1
        if everyPatient {
            var start = 0
            func key(_ k: Int) -> Int { rule[k] >= looks[k] ? -1 : rule[k] }
            for k in looks.indices where k == looks.count - 1 || key(k + 1) != key(k) {
                let range = looks[start] == looks[k] ? "\(looks[k])" : "\(looks[start])-\(looks[k])"
                rows.append([range, rule[k] >= looks[k] ? "no stop possible" : "\(rule[k] + 1) or more"])
                start = k + 1
            }
        } else {
            for (k, n) in looks.enumerated() {
                rows.append(["\(n)", rule[k] >= n ? "no stop possible" : "\(rule[k] + 1) or more"])
            }
        }
        return rows
    }

    static func characteristicsRows(_ list: [BoundaryCrossing]) -> [[String]] {
        list.map {
            [
                NumberFormat.significant($0.rate, 4), NumberFormat.fixed($0.crossing, 3), NumberFormat.fixed($0.earlyStop, 3),
                NumberFormat.fixed($0.expectedPatients, 1),
            ]
        }
    }

    static let characteristicsHeaders = ["True rate", "P(stop)", "P(stop before last look)", "Expected patients"]

    static func boundaryText(_ looks: [Int], _ bounds: [Int]) -> String {
        zip(bounds, looks).map { "\($0)/\($1)" }.joined(separator: ", ")
    }

    static func sections(_ result: ToxicityBoundaryResult) -> [DocumentSection] {
        let d = result.design
        let looksText =
            d.looks.count > 12 && d.looks == Array(1...d.looks.last!)
            ? "after every patient, 1 to \(d.looks.last!)" : d.looks.map(String.init).joined(separator: ", ")
        let sections = [
            DocumentSection(
                "Inputs",
                rows: [
                    ("p0 (acceptable toxicity rate)", NumberFormat.significant(d.p0, 6)),
                    ("p1 (unacceptable toxicity rate)", NumberFormat.significant(d.p1, 6)),
                    ("Looks (evaluable patients)", looksText),
                    ("Largest P(stop) at p0 (alpha)", NumberFormat.significant(d.alpha, 6)),
                    ("Wanted P(stop) at p1 (power)", NumberFormat.significant(d.power, 6)),
                    (
                        "Boundary shape (δ)",
                        NumberFormat.significant(d.shape, 4)
                            + (d.shape == 0 ? " (Pocock-type)" : d.shape == 0.5 ? " (O'Brien-Fleming-type)" : "")
                    ),
                    ("Priority", d.priority == .null ? "null: P(stop) at p0 at most alpha" : "alt: P(stop) at p1 at least power"),
                ]),
            DocumentSection(
                "Method", rows: [("Rule", "Repeated significance testing boundary (Ivanova, Qaqish & Schell 2005), as clinfun's toxbdry")],
                notes: [
                    "Rule: \(ruleText).",
                    "At look k, b_k is the binomial(n_k, p0) quantile at 1 − Φ(z_a / (n_k / N)^δ); the nominal level a is searched so that P(stop) at \(d.priority == .null ? "p0 stays just below alpha" : "p1 just reaches power").",
                    "Operating characteristics are exact (binomial recursion over the looks).",
                ]),
            DocumentSection(
                "Answer",
                rows: [
                    (
                        "Boundary b_k / n_k",
                        d.looks.count > 12 ? "\(d.looks.count) looks: the stopping rule table below" : boundaryText(d.looks, result.rule)
                    ),
                    ("P(stop) at p0", NumberFormat.fixed(result.ruleAtP0.crossing, 4)),
                    ("P(stop) at p1", NumberFormat.fixed(result.ruleAtP1.crossing, 4)),
                    (
                        "Expected patients at p0, p1",
                        NumberFormat.fixed(result.ruleAtP0.expectedPatients, 1) + ", "
                            + NumberFormat.fixed(result.ruleAtP1.expectedPatients, 1)
                    ),
                    (
                        "Other boundary (\(result.choice == .high ? "low" : "high"))",
                        (d.looks.count > 12
                            ? "differs at \(zip(result.low, result.high).filter { $0 != $1 }.count) looks"
                            : boundaryText(d.looks, result.choice == .high ? result.low : result.high)) + ": P(stop) at p0 "
                            + NumberFormat.fixed((result.choice == .high ? result.lowAtP0 : result.highAtP0).crossing, 4) + ", at p1 "
                            + NumberFormat.fixed((result.choice == .high ? result.lowAtP1 : result.highAtP1).crossing, 4)
                    ),
                ]),
            DocumentSection(
                "Assumptions",
                notes: [
                    "Toxicities are independent with a common probability, and each patient's toxicity is known when the count is taken.",
                    "P(stop) counts a crossing at any look, the last one included (declaring the treatment too toxic); the trial's last look is at \(d.looks.last!) patients.",
                ]),
        ]
        return sections
    }

    /// The JSON answer, ``Body``.
    public func jsonBody() -> Body {
        let d = result.design
        return Body(
            p0: d.p0, p1: d.p1, looks: d.looks, alpha: d.alpha, power: d.power, shape: d.shape, priority: d.priority.rawValue,
            rule: Self.ruleText, boundary: result.rule, chosenBoundary: result.choice.rawValue, lowBoundary: result.low,
            highBoundary: result.high,
            lowNominalLevel: result.lowLevel, highNominalLevel: result.highLevel,
            stopAtP0: result.ruleAtP0.crossing, stopAtP1: result.ruleAtP1.crossing,
            expectedPatientsAtP0: result.ruleAtP0.expectedPatients, expectedPatientsAtP1: result.ruleAtP1.expectedPatients,
            characteristics: result.ruleCharacteristics.map(CharacteristicsRow.init),
            lowCharacteristics: result.lowCharacteristics.map(CharacteristicsRow.init),
            highCharacteristics: result.highCharacteristics.map(CharacteristicsRow.init),
            warnings: result.warnings)
    }

    /// The report: inputs, method, the boundary with P(stop) and expected patients at p0 and p1 (and
    /// the other boundary's), assumptions, then the stopping-rule table and the operating characteristics.
    public func document() throws -> Document {
        Document(
            title: Self.title, sections: Self.sections(result), warnings: result.warnings,
            appendix: [
                DocumentSection(
                    "Stopping rule: stop if toxicities reach",
                    [.table(Table(header: ["Patients evaluated", "Toxicities"], rows: Self.ruleRows(result)))]),
                DocumentSection(
                    "Operating characteristics of the rule",
                    [
                        .table(
                            Table(
                                header: Self.characteristicsHeaders,
                                rows: Self.characteristicsRows(result.ruleCharacteristics)))
                    ]),
            ])
    }

    /// The terminal's document with the acceptable and unacceptable rates and the last look under the title.
    public func pageDocument() throws -> Document {
        var page = try document()
        let d = result.design
        page.subtitle =
            "Acceptable toxicity \(NumberFormat.percent(d.p0)), unacceptable \(NumberFormat.percent(d.p1)), up to \(d.looks.last!) patients"
        return page
    }

    /// One plot, `stopping`: P(stop) and P(stop before the last look) against the true toxicity rate.
    public func figures() throws -> [Figure] {
        [
            Figure(
                try Self.chart(result), name: "stopping",
                caption:
                    "Probability that the rule stops the trial (at any look, and before the last look) against the true toxicity rate; p0 and p1 are marked."
            )
        ]
    }

    /// P(stop) against the true toxicity rate for the rule, with p0 and p1 marked.
    public static func chart(_ result: ToxicityBoundaryResult) throws -> Chart {
        let d = result.design
        let top = min(1, d.p1 + 1.5 * (d.p1 - d.p0))
        let rates = (0...60).map { Double($0) / 60 * top }
        let curve = try rates.map { rate throws -> BoundaryCrossing in
            try ToxicityBoundary(
                p0: d.p0, p1: d.p1, looks: d.looks, alpha: d.alpha, power: d.power, shape: d.shape,
                priority: d.priority, rates: [rate]
            ).characteristics(at: result.rule)[0]
        }
        return Chart(
            title: "Probability of stopping for toxicity",
            subtitle:
                "Boundary \(d.shape == 0 ? "Pocock-type" : "shape \(NumberFormat.significant(d.shape, 3))"), looks up to \(d.looks.last!) patients",
            x: Axis(title: "True toxicity rate", range: 0...top),
            y: Axis(title: "Probability", range: 0...1),
            series: [
                Series(name: "P(stop)", kind: .line, x: rates, y: curve.map(\.crossing)),
                Series(name: "P(stop before the last look)", kind: .line, x: rates, y: curve.map(\.earlyStop), dashed: true),
            ],
            markers: [
                Marker(
                    x: d.p0, y: result.ruleAtP0.crossing,
                    label: "p0 \(NumberFormat.significant(d.p0, 4)): \(NumberFormat.fixed(result.ruleAtP0.crossing, 3))", shape: .circle),
                Marker(
                    x: d.p1, y: result.ruleAtP1.crossing,
                    label: "p1 \(NumberFormat.significant(d.p1, 4)): \(NumberFormat.fixed(result.ruleAtP1.crossing, 3))", shape: .square),
            ])
    }

    /// The variables `toxicity-boundary.mustache` reads (listed in docs/templates.md).
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let d = result.design
        let clauses = Self.ruleRows(result).filter { $0[1] != "no stop possible" }.map { row -> String in
            let patients = row[0].replacingOccurrences(of: "-", with: " to ")
            return row[1] + " toxicities among the first " + patients + (row[0] == "1" ? " patient" : " patients")
        }
        return [
            "p0": NumberFormat.percent(d.p0), "p1": NumberFormat.percent(d.p1),
            "max_patients": String(d.looks.last!),
            "every_patient": d.looks == Array(1...d.looks.last!),
            "looks": d.looks.map(String.init).joined(separator: ", "),
            "shape": d.shape == 0
                ? "Pocock-type" : d.shape == 0.5 ? "O'Brien-Fleming-type" : "shape-\(NumberFormat.significant(d.shape, 3))",
            "alpha": NumberFormat.significant(d.alpha, 4), "power": NumberFormat.significant(d.power, 4),
            "stop_p0": NumberFormat.fixed(result.ruleAtP0.crossing, 3), "stop_p1": NumberFormat.fixed(result.ruleAtP1.crossing, 3),
            "en_p0": NumberFormat.fixed(result.ruleAtP0.expectedPatients, 1),
            "en_p1": NumberFormat.fixed(result.ruleAtP1.expectedPatients, 1),
            "rule": clauses.joined(separator: "; "),
            "citation": references.cite(Self.ivanova),
            "software_citation": references.cite(Self.clinfun),
        ]
    }

}

extension ToxicityBoundaryReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("stop_at_p0", "P(stop) at p0", .probability), .init("stop_at_p1", "P(stop) at p1", .probability),
            .init("expected_patients_at_p0", "Expected patients at p0", .value),
            .init("expected_patients_at_p1", "Expected patients at p1", .value),
        ]
    }
}
