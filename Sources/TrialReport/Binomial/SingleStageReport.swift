import TrialDesign

/// A'Hern exact single-stage designs (`trialsize single-stage`): the first and stable n, and
/// with `--table` the attained error rates of every n around them.
public struct SingleStageReport: DesignReporting {
    /// The design solved: p0, p1 and the error rates asked for.
    public let design: ExactSingleStage
    /// Its answer: the first n meeting both error rates and the stable n from which every larger n
    /// (up to the horizon) does, each with its critical count r and attained alpha and power.
    public let answer: ExactSingleStage.Answer
    /// `--table`: the rows around the answer (`ExactSingleStage.tableAround(_:)`); nil without it.
    public let table: [ExactSingleStage.Characteristics]?

    /// A report of the answer; `table` is the `--table` rows, nil for none (the page shows the rows
    /// around the answer regardless).
    public init(design: ExactSingleStage, answer: ExactSingleStage.Answer, table: [ExactSingleStage.Characteristics]? = nil) {
        self.design = design
        self.answer = answer
        self.table = table
    }

    /// The shipped template, `Templates/single-stage.mustache`.
    public static let templateName = "single-stage"

    /// The JSON answer (docs/json/single-stage.md): the inputs, the rule, `first` and `stable` with
    /// their n, r and attained error rates, the horizon searched, and the `--table` rows when asked.
    public struct Body: Encodable {
        let p0: Double
        let p1: Double
        let alpha: Double
        let power: Double
        let sides: Int
        let rule: String
        let first: ExactSingleStage.Characteristics
        let stable: ExactSingleStage.Characteristics
        let horizon: Int
        let table: [ExactSingleStage.Characteristics]?
    }

    /// The JSON answer, ``Body``.
    public func jsonBody() -> Body {
        let rates = design.errorRates
        return Body(
            p0: design.p0, p1: design.p1, alpha: rates.alpha, power: rates.power, sides: rates.sides.rawValue,
            rule: "reject H0 when responses ≥ r", first: answer.first, stable: answer.stable,
            horizon: answer.horizon, table: table)
    }

    static func rule(_ c: ExactSingleStage.Characteristics) -> String {
        "n = \(c.n), reject H0 when responses ≥ \(c.r) (alpha \(NumberFormat.fixed(c.attainedAlpha, 4)), power \(NumberFormat.fixed(c.attainedPower, 4)))"
    }

    static let title = "Exact single-stage phase II design"

    /// The report: inputs, method, the first and stable n with their attained alpha and power,
    /// assumptions, and with `--table` the attained error rates by n.
    public func document() throws -> Document {
        try document(table: table)
    }

    /// The page always shows the table around the answer.
    public func pageDocument() throws -> Document {
        var page = try document(table: table ?? design.tableAround(answer))
        let rates = design.errorRates
        page.subtitle =
            "Response rate \(NumberFormat.percent(design.p0)) vs \(NumberFormat.percent(design.p1)), \(rates.sides.label) alpha \(NumberFormat.significant(rates.alpha, 6)), power \(NumberFormat.significant(rates.power, 6))"
        return page
    }

    /// Inputs, Method, Answer, Assumptions, the sawtooth warning and the table when given.
    func document(table: [ExactSingleStage.Characteristics]?) throws -> Document {
        let rates = design.errorRates
        let sections = [
            DocumentSection(
                "Inputs",
                rows: [
                    ["p0 (uninteresting response rate)", NumberFormat.significant(design.p0, 6)],
                    ["p1 (target response rate)", NumberFormat.significant(design.p1, 6)],
                    [
                        "Alpha",
                        NumberFormat.significant(rates.alpha, 6) + " " + rates.sides.label
                            + (rates.sides == .twoSided ? " (" + NumberFormat.significant(rates.tailAlpha, 6) + " in the upper tail)" : ""),
                    ],
                    ["Power", NumberFormat.significant(rates.power, 6)],
                ]),
            DocumentSection(
                "Method", rows: [["Design", "exact single-stage binomial test (A'Hern 2001)"]],
                notes: ["For each n, r is the smallest count with P(X ≥ r | p0) ≤ alpha; power is P(X ≥ r | p1)."]),
            DocumentSection(
                "Answer",
                rows: [
                    ["First n", Self.rule(answer.first)],
                    ["Stable n", Self.rule(answer.stable)],
                ]),
            DocumentSection(
                "Assumptions",
                notes: [
                    "Responses are independent with a common probability; exact binomial probabilities, no approximation.",
                    "Rejection rule convention: reject H0 when responses ≥ r (A'Hern's r); Simon-style 'more than r - 1' is the same rule.",
                    "Attained alpha never exceeds the nominal alpha.",
                    "Power is not monotone in n (sawtooth): 'stable' is the first n from which every n up to \(answer.horizon) meets the power.",
                ]),
        ]
        var appendix: [DocumentSection] = []
        if let table {
            let rows = table.map { c in
                [
                    String(c.n), String(c.r), NumberFormat.fixed(c.attainedAlpha, 4), NumberFormat.fixed(c.attainedPower, 4),
                    design.meetsPower(c) ? "yes" : "no",
                ]
            }
            appendix.append(
                DocumentSection(
                    "Attained alpha and power by n",
                    [
                        .table(Table(header: ["n", "reject if >=", "alpha", "power", "meets power"], rows: rows))
                    ]))
        }
        return Document(title: Self.title, sections: sections, warnings: design.errorRates.warnings + answer.warnings, appendix: appendix)
    }

    /// One plot, `sawtooth`: exact power and type I error against n, the first and stable n marked.
    public func figures() throws -> [Figure] {
        let caption =
            answer.isSawtooth
            ? "Exact power (solid) and type I error (dashed) against n: the sawtooth. The first n meeting both error rates (\(answer.first.n)) and the stable n from which every larger n does (\(answer.stable.n)) are marked."
            : "Exact power (solid) and type I error (dashed) against n; the answer, n = \(answer.stable.n), is marked."
        return [Figure(try Self.sawtoothChart(design, answer), name: "sawtooth", caption: caption)]
    }

    /// Exact power and type I error against n (`.step`: each n holds over n ± ½), from
    /// `ExactSingleStage.characteristics(n:)`, with the first and stable n marked.
    public static func sawtoothChart(_ design: ExactSingleStage, _ answer: ExactSingleStage.Answer) throws -> Chart {
        let rates = design.errorRates
        let low = max(1, answer.first.n - max(8, answer.first.n / 3))
        let high = answer.stable.n + max(8, answer.stable.n / 5)
        let rows = try design.table(low...high)
        let n = rows.map { Double($0.n) }
        var markers = [
            Marker(
                x: Double(answer.first.n), y: answer.first.attainedPower,
                label: "first n = \(answer.first.n) (r = \(answer.first.r)), power \(NumberFormat.fixed(answer.first.attainedPower, 3))",
                shape: .diamond)
        ]
        if answer.stable.n != answer.first.n {
            markers.append(
                Marker(
                    x: Double(answer.stable.n), y: answer.stable.attainedPower,
                    label:
                        "stable n = \(answer.stable.n) (r = \(answer.stable.r)), power \(NumberFormat.fixed(answer.stable.attainedPower, 3))",
                    shape: .square))
        }
        return Chart(
            title: "Exact power against patients",
            subtitle:
                "p0 = \(NumberFormat.significant(design.p0, 6)), p1 = \(NumberFormat.significant(design.p1, 6)), \(rates.sides.label) α = \(NumberFormat.significant(rates.alpha, 6)); reject H0 when responses ≥ r",
            x: Axis(title: "Patients", unit: "n", integers: true),
            y: Axis(title: "Probability of rejecting H0", range: 0...1),
            series: [
                Series(name: "power at p1", kind: .step, x: n, y: rows.map(\.attainedPower)),
                Series(name: "type I error at p0", kind: .step, x: n, y: rows.map(\.attainedAlpha), dashed: true),
            ],
            markers: markers,
            referenceLines: [
                ReferenceLine(y: rates.power, label: "target power \(NumberFormat.significant(rates.power, 6))"),
                ReferenceLine(y: rates.tailAlpha, label: "alpha \(NumberFormat.significant(rates.tailAlpha, 6))"),
            ])
    }

    /// The variables `single-stage.mustache` reads (listed in docs/templates.md).
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let rates = design.errorRates
        return [
            "p0": NumberFormat.percent(design.p0), "p1": NumberFormat.percent(design.p1),
            "alpha": NumberFormat.significant(rates.alpha, 6), "sides": rates.sides.label,
            "power_percent": NumberFormat.percent(rates.power, 0),
            "n": String(answer.stable.n), "r": String(answer.stable.r),
            "attained_alpha": NumberFormat.fixed(answer.stable.attainedAlpha, 4),
            "attained_power": NumberFormat.fixed(answer.stable.attainedPower, 4),
            "sawtooth": answer.isSawtooth,
            "first_n": String(answer.first.n), "first_r": String(answer.first.r),
            "first_power": NumberFormat.fixed(answer.first.attainedPower, 4),
            "horizon": String(answer.horizon),
            "citation": references.cite(BinomialReferences.aHern),
        ]
    }
}

extension SingleStageReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("first.n", "Patients"), .init("first.r", "Responses needed"),
            .init("first.attained_alpha", "Attained alpha", .probability),
            .init("first.attained_power", "Attained power", .probability), .init("stable.n", "Stable n"),
        ]
    }
}
