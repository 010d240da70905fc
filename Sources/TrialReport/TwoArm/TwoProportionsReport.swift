import TrialDesign

/// Renders `trialsize two-arm binomial`: text, Markdown, LaTeX, JSON (docs/json/two-arm.md), the
/// justification (`two-arm-binomial.mustache`) and the exact-power sawtooth plot.
public enum TwoProportionsReport {
    /// The report's title.
    public static let title = "Randomized comparison of two response rates"

    static func reference(_ method: TwoProportionsMethod) -> Reference {
        switch method {
        case .normal: return TwoArmReferences.fleiss
        case .continuity: return TwoArmReferences.casagrande
        case .fisher: return TwoArmReferences.fisher
        }
    }

    static func size(_ c: TwoProportions.Characteristics) -> String {
        "\(c.patients): \(c.controlPatients) control, \(c.experimentalPatients) experimental"
    }

    /// The sections: inputs (p0, p1, error rates, allocation), the methods, one answer per method
    /// (patients per arm, with the first and stable n for Fisher's test) and the assumptions.
    public static func sections(_ design: TwoProportions, _ answers: [TwoProportions.Answer]) -> [DocumentSection] {
        let rates = design.rates
        var sections = [
            DocumentSection(
                "Inputs",
                rows: [
                    ("p0 (control response rate)", NumberFormat.significant(design.p0, 6)),
                    ("p1 (experimental response rate)", NumberFormat.significant(design.p1, 6)),
                    (
                        "Alpha",
                        NumberFormat.significant(rates.alpha, 6) + " " + rates.sides.label
                            + (rates.sides == .twoSided ? " (" + NumberFormat.significant(rates.tailAlpha, 6) + " in the tail of p1)" : "")
                    ),
                    ("Power", NumberFormat.significant(rates.power, 6)),
                    ("Allocation", NumberFormat.significant(design.allocation, 6) + " : 1 (experimental : control)"),
                ]),
            DocumentSection(
                "Method", rows: answers.map { ($0.method.rawValue, $0.method.label) },
                notes: ["The test rejects when the experimental arm responds more often than the control arm (less often when p1 < p0)."]),
        ]
        for a in answers {
            var rows: [(String, String)] = []
            switch a.method {
            case .normal, .continuity:
                rows.append(("Patients", size(a.first)))
                if let u = a.unroundedControl {
                    rows.append(
                        (
                            "Before rounding",
                            NumberFormat.fixed(u, 2) + " control, " + NumberFormat.fixed(u * design.allocation, 2) + " experimental"
                        ))
                }
                rows.append(("Approximate power", NumberFormat.fixed(a.first.attainedPower, 4)))
                if let exact = a.first.fisherPower {
                    rows.append(
                        (
                            "Fisher exact power",
                            NumberFormat.fixed(exact, 4) + " at these sizes (exact size " + NumberFormat.fixed(a.first.attainedAlpha, 4)
                                + ")"
                        ))
                }
            case .fisher:
                rows.append(
                    (
                        "First n",
                        size(a.first) + " (alpha " + NumberFormat.fixed(a.first.attainedAlpha, 4) + ", power "
                            + NumberFormat.fixed(a.first.attainedPower, 4) + ")"
                    ))
                rows.append(
                    (
                        "Stable n",
                        size(a.stable) + " (alpha " + NumberFormat.fixed(a.stable.attainedAlpha, 4) + ", power "
                            + NumberFormat.fixed(a.stable.attainedPower, 4) + ")"
                    ))
            }
            sections.append(DocumentSection(answers.count > 1 ? "Answer: " + a.method.rawValue : "Answer", rows: rows))
        }
        var assumptions = [
            "Responses are independent, with rate p0 on the control arm and p1 on the experimental arm.",
            "Each arm is rounded up: the experimental arm holds r times the control arm's (unrounded) size.",
        ]
        if answers.contains(where: { $0.method == .fisher }) {
            assumptions.append(
                "Fisher's exact test conditions on the total responses; its type I error is at most alpha at every common rate (shown at p0)."
            )
            assumptions.append(
                "Exact power is not monotone in n (sawtooth): 'stable' is the first n from which every n up to the horizon meets the power."
            )
        }
        if rates.sides == .twoSided {
            assumptions.append("Two-sided alpha is split equally; the power counts rejections in the direction of p1 only.")
        }
        sections.append(DocumentSection("Assumptions", notes: assumptions))
        return sections
    }

    static func warnings(_ answers: [TwoProportions.Answer]) -> [String] {
        var warnings: [String] = []
        for a in answers {
            if a.method == .fisher, a.first.controlPatients != a.stable.controlPatients {
                warnings.append(
                    "Some n between \(a.first.controlPatients) and \(a.stable.controlPatients) control patients fall short of the power; plan for \(a.stable.controlPatients) if the final n may drift."
                )
            }
            if a.method == .normal, let exact = a.first.fisherPower, exact < a.first.attainedPower - 0.02 {
                warnings.append(
                    "The normal approximation overstates the power: Fisher's exact test has power \(NumberFormat.fixed(exact, 3)) at \(a.first.patients) patients."
                )
            }
        }
        return warnings
    }

    /// The answer as a document; with `--table`, Fisher's size and power around it.
    public static func document(_ design: TwoProportions, _ answers: [TwoProportions.Answer], table: [TwoProportions.Characteristics]?)
        -> Document
    {
        var appendix: [DocumentSection] = []
        if let table {
            appendix.append(
                DocumentSection(
                    "Fisher's exact test by control n",
                    [
                        .table(
                            Table(
                                header: ["control", "experimental", "alpha", "power", "meets power"],
                                rows: tableRows(design, table)))
                    ]))
        }
        return Document(
            title: title,
            subtitle:
                "Response rate \(NumberFormat.percent(design.p0)) (control) vs \(NumberFormat.percent(design.p1)) (experimental), \(design.rates.sides.label) alpha \(NumberFormat.significant(design.rates.alpha, 6))",
            sections: sections(design, answers), warnings: warnings(answers), appendix: appendix)
    }

    static func tableRows(_ design: TwoProportions, _ table: [TwoProportions.Characteristics]) -> [[String]] {
        table.map { c in
            [
                String(c.controlPatients), String(c.experimentalPatients), NumberFormat.fixed(c.attainedAlpha, 4),
                NumberFormat.fixed(c.attainedPower, 4),
                c.attainedPower >= design.rates.power ? "yes" : "no",
            ]
        }
    }

    // MARK: JSON

    struct PerArm: Encodable { let control: Int; let experimental: Int }

    struct SizeJSON: Encodable {
        let patients: Int
        let patientsPerArm: PerArm
        let attainedAlpha: Double
        let attainedPower: Double
        let fisherPower: Double?
    }

    /// One method's JSON (docs/json/two-arm.md, `two-arm binomial`): the inputs, the answer (Fisher: the
    /// stable n) in total and per arm, the attained power and Fisher's exact size at p0, Fisher's power at
    /// that size, and for Fisher the first and stable n, the horizon and the `--table` rows.
    public struct MethodJSON: Encodable {
        let method: String
        let p0: Double
        let p1: Double
        let alpha: Double
        let sides: Int
        let powerTarget: Double
        let allocation: Double
        let patients: Int
        let patientsPerArm: PerArm
        let attainedPower: Double
        let attainedAlpha: Double
        let fisherPower: Double?
        let unroundedControl: Double?
        let first: SizeJSON?
        let stable: SizeJSON?
        let horizon: Int?
        let warnings: [String]
        let table: [SizeJSON]?
    }

    /// `--method all`: every method's object (each without its own warnings) and the warnings of all.
    public struct Comparison: Encodable { let methods: [MethodJSON]; let warnings: [String] }

    static func json(_ c: TwoProportions.Characteristics) -> SizeJSON {
        SizeJSON(
            patients: c.patients, patientsPerArm: PerArm(control: c.controlPatients, experimental: c.experimentalPatients),
            attainedAlpha: c.attainedAlpha, attainedPower: c.attainedPower, fisherPower: c.fisherPower)
    }

    static func json(_ design: TwoProportions, _ a: TwoProportions.Answer, table: [TwoProportions.Characteristics]?, warnings: [String])
        -> MethodJSON
    {
        // The answer is the stable n (for the normal methods the one n).
        let c = a.stable
        let isFisher = a.method == .fisher
        return MethodJSON(
            method: a.method.rawValue, p0: design.p0, p1: design.p1, alpha: design.rates.alpha, sides: design.rates.sides.rawValue,
            powerTarget: design.rates.power, allocation: design.allocation, patients: c.patients,
            patientsPerArm: PerArm(control: c.controlPatients, experimental: c.experimentalPatients),
            attainedPower: c.attainedPower, attainedAlpha: c.attainedAlpha, fisherPower: c.fisherPower,
            unroundedControl: a.unroundedControl, first: isFisher ? json(a.first) : nil, stable: isFisher ? json(a.stable) : nil,
            horizon: a.horizon, warnings: warnings, table: isFisher ? table?.map(json) : nil)
    }

    /// One object for one method; `{"methods": [...], "warnings": [...]}` for several.
    public enum Body: Encodable {
        case one(MethodJSON)
        case several(Comparison)
        public func encode(to encoder: any Encoder) throws {
            switch self {
            case let .one(body): try body.encode(to: encoder)
            case let .several(body): try body.encode(to: encoder)
            }
        }
    }

    /// The JSON answer: one method's object, or ``Comparison`` with several methods.
    public static func body(_ design: TwoProportions, _ answers: [TwoProportions.Answer], table: [TwoProportions.Characteristics]?) -> Body
    {
        let warnings = self.warnings(answers)
        if answers.count > 1 {
            return .several(Comparison(methods: answers.map { json(design, $0, table: table, warnings: []) }, warnings: warnings))
        }
        return .one(json(design, answers[0], table: table, warnings: warnings))
    }

    // MARK: justification

    /// The method as a sentence names it: "by the exact power of Fisher's exact test".
    static func phrase(_ method: TwoProportionsMethod) -> String {
        switch method {
        case .fisher: return "the exact power of Fisher's exact test"
        case .normal: return "the normal approximation to the difference in proportions"
        case .continuity: return "the continuity-corrected normal approximation of Casagrande, Pike and Smith"
        }
    }

    /// The variables `two-arm-binomial.mustache` reads (docs/templates.md), about the first method
    /// asked, citing its reference into `references`.
    public static func justificationContext(
        _ design: TwoProportions, _ answers: [TwoProportions.Answer],
        references: inout ReferenceList
    ) -> [String: Any] {
        let a = answers[0]
        let c = a.stable
        var context: [String: Any] = [
            "p0": NumberFormat.percent(design.p0), "p1": NumberFormat.percent(design.p1),
            "alpha": NumberFormat.significant(design.rates.alpha, 6), "sides": design.rates.sides.label,
            "power_percent": NumberFormat.percent(design.rates.power, 0),
            "allocation": design.allocation == 1 ? "1:1" : NumberFormat.significant(design.allocation, 4) + ":1 (experimental:control)",
            "method": phrase(a.method), "citation": references.cite(reference(a.method)),
            "patients": String(c.patients), "control": String(c.controlPatients), "experimental": String(c.experimentalPatients),
            "attained_power": NumberFormat.fixed(c.attainedPower, 3), "attained_alpha": NumberFormat.fixed(c.attainedAlpha, 4),
            "fisher": a.method == .fisher,
            "sawtooth": a.method == .fisher && a.first.controlPatients != a.stable.controlPatients,
            "first_patients": String(a.first.patients), "first_power": NumberFormat.fixed(a.first.attainedPower, 3),
            "horizon": a.horizon.map(String.init) ?? "",
            "fisher_power": false,
        ]
        if a.method != .fisher, let exact = c.fisherPower { context["fisher_power"] = NumberFormat.fixed(exact, 3) }
        return context
    }

    /// Fisher's exact power and the normal approximation against n_C.
    public static func powerChart(_ design: TwoProportions, _ answers: [TwoProportions.Answer]) throws -> Chart {
        let largest = answers.map(\.stable.controlPatients).max() ?? 10
        let high = min(TwoProportions.maximumFisherPatientsPerArm, max(10, largest + largest / 3))
        let low = max(1, largest / 3)
        let step = max(1, (high - low) / 150)
        let grid = Array(stride(from: low, through: high, by: step))
        let exact = try grid.map { n throws(DesignError) in try design.fisher(controlPatients: n).attainedPower }
        let normal = try grid.map { n throws(DesignError) in try design.approximatePower(controlPatients: n, corrected: false) }
        let markers = answers.map { a in
            Marker(
                x: Double(a.stable.controlPatients), y: a.stable.attainedPower,
                label: "\(a.method.rawValue): \(a.stable.controlPatients) control, power \(NumberFormat.fixed(a.stable.attainedPower, 3))")
        }
        return Chart(
            title: "Power against patients",
            subtitle:
                "p0 = \(NumberFormat.significant(design.p0, 4)), p1 = \(NumberFormat.significant(design.p1, 4)), allocation \(NumberFormat.significant(design.allocation, 4)):1, \(design.rates.sides.label) α = \(NumberFormat.significant(design.rates.alpha, 6))",
            x: Axis(title: "Control patients", unit: "n", integers: true),
            y: Axis(title: "Power", range: 0...1),
            series: [
                Series(name: "Fisher's exact test", kind: step == 1 ? .step : .line, x: grid.map(Double.init), y: exact),
                Series(name: "normal approximation", kind: .line, x: grid.map(Double.init), y: normal, dashed: true),
            ],
            markers: markers,
            referenceLines: [ReferenceLine(y: design.rates.power, label: "target power \(NumberFormat.significant(design.rates.power, 6))")]
        )
    }
}

/// `two-arm binomial`'s report through the shared ``DesignReporting`` protocol.
public struct TwoProportionsReporting: DesignReporting {
    /// The design: p0 on the control arm, p1 on the experimental arm, the error rates and the allocation.
    public let design: TwoProportions
    /// One answer per method asked, in order.
    public let answers: [TwoProportions.Answer]
    /// `--table`: Fisher's exact size and power by control n around the answer; nil without it.
    public let table: [TwoProportions.Characteristics]?
    /// The shipped template, `Templates/two-arm-binomial.mustache`.
    public static let templateName = "two-arm-binomial"

    /// A report of `answers` to `design`, with the `--table` rows when given.
    public init(_ design: TwoProportions, _ answers: [TwoProportions.Answer], table: [TwoProportions.Characteristics]?) {
        self.design = design
        self.answers = answers
        self.table = table
    }

    /// The report; see ``TwoProportionsReport/document(_:_:table:)``.
    public func document() throws -> Document { TwoProportionsReport.document(design, answers, table: table) }
    /// The JSON answer; see ``TwoProportionsReport/body(_:_:table:)``.
    public func jsonBody() throws -> TwoProportionsReport.Body { TwoProportionsReport.body(design, answers, table: table) }
    /// Yes: the JSON body has its own `warnings` key.
    public var bodyCarriesWarnings: Bool { true }
    /// The variables `two-arm-binomial.mustache` reads; see
    /// ``TwoProportionsReport/justificationContext(_:_:references:)``.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        TwoProportionsReport.justificationContext(design, answers, references: &references)
    }
    /// One plot, `power`: Fisher's exact power and the normal approximation against the control arm's size.
    public func figures() throws -> [Figure] {
        [
            Figure(
                try TwoProportionsReport.powerChart(design, answers), name: "power",
                caption: "Exact power of Fisher's test and the normal approximation against the control arm's size; the answers are marked."
            )
        ]
    }
}

extension TwoProportionsReporting {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("patients_per_arm.control", "Control patients"), .init("patients_per_arm.experimental", "Experimental patients"),
            .init("patients", "Patients"), .init("attained_power", "Attained power", .probability),
            .init("attained_alpha", "Attained alpha", .probability),
        ]
    }
}
