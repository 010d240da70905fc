import TrialDesign

/// Binomial confidence intervals (`trialsize ci`): one method's interval, or every method's
/// side by side (`--method all`).
public struct IntervalReport: DesignReporting {
    /// One interval per method asked, for the same x and n (Clopper-Pearson first with `--method all`).
    public let intervals: [ProportionInterval]

    /// A report of `intervals`, all for the same x, n and confidence level; one for a single method,
    /// several for `--method all`.
    public init(_ intervals: [ProportionInterval]) {
        precondition(!intervals.isEmpty, "an interval report needs an interval")
        self.intervals = intervals
    }

    /// The shipped template, `Templates/ci.mustache`.
    public static let templateName = "ci"

    /// "15.4% (95% CI 4.4% to 34.9%)", or the one-sided bounds.
    public static func summary(_ interval: ProportionInterval) -> String {
        let level = NumberFormat.significant(interval.conf * 100, 6) + "%"
        if interval.sides == 1 {
            return
                "\(NumberFormat.percent(interval.estimate)) (one-sided \(level) lower bound \(NumberFormat.percent(interval.lower)), upper bound \(NumberFormat.percent(interval.upper)))"
        }
        return
            "\(NumberFormat.percent(interval.estimate)) (\(level) CI \(NumberFormat.percent(interval.lower)) to \(NumberFormat.percent(interval.upper)))"
    }

    static func methodNote(_ method: IntervalMethod) -> String {
        switch method {
        case .clopperPearson:
            return "inverts two one-sided exact binomial tests; coverage is at least nominal for every p (Clopper & Pearson 1934)"
        case .midP:
            return
                "exact binomial tails with half the observed count's probability in each; coverage near nominal on average, not guaranteed"
        case .wilson: return "inverts the score test (Wilson 1927); recommended for n < 40 by Brown, Cai & DasGupta 2001"
        case .jeffreys: return "equal-tailed Beta(x + 1/2, n - x + 1/2) posterior interval; recommended by Brown, Cai & DasGupta 2001"
        case .agrestiCoull: return "Wald interval around (x + z^2/2)/(n + z^2) (Agresti & Coull 1998)"
        case .wald:
            return "normal approximation around x/n; coverage far below nominal for small n or p near 0 or 1 (Brown, Cai & DasGupta 2001)"
        }
    }

    static func inputs(_ intervals: [ProportionInterval]) -> DocumentSection {
        let first = intervals[0]
        return DocumentSection(
            "Inputs",
            rows: [
                ["Responses (x)", String(first.successes)],
                ["Patients (n)", String(first.trials)],
                [
                    "Confidence level",
                    NumberFormat.significant(first.conf * 100, 6) + "% " + (first.sides == 1 ? "one-sided (each bound)" : "two-sided"),
                ],
            ])
    }

    static func assumptions(_ intervals: [ProportionInterval]) -> DocumentSection {
        var notes = ["Patients respond independently with a common probability p; x is binomial(n, p)."]
        if intervals[0].sides == 2 {
            notes.append("Two-sided intervals leave (1 - conf)/2 in each tail (equal-tailed).")
        } else {
            notes.append("One-sided: each bound is a one-sided bound at the stated level (p ≥ lower, and separately p ≤ upper).")
        }
        return DocumentSection("Assumptions", notes: notes)
    }

    /// The JSON of `--method all` (docs/json/ci.md): x, n, the estimate x/n, the confidence level and
    /// sides, and each method's interval under `methods`.
    public struct AllMethods: Encodable {
        let successes: Int
        let trials: Int
        let estimate: Double
        let conf: Double
        let sides: Int
        let methods: [ProportionInterval]
    }

    /// One interval's object, or every method's under `methods` (docs/json/ci.md).
    public enum Body: Encodable {
        case single(ProportionInterval)
        case all(AllMethods)

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case let .single(interval): try interval.encode(to: encoder)
            case let .all(all): try all.encode(to: encoder)
            }
        }
    }

    /// A single interval's own object, or with several methods ``AllMethods``.
    public func jsonBody() -> Body {
        let first = intervals[0]
        return intervals.count == 1
            ? .single(first)
            : .all(
                AllMethods(
                    successes: first.successes, trials: first.trials, estimate: first.estimate, conf: first.conf,
                    sides: first.sides, methods: intervals))
    }

    /// The report: the inputs, the method (each method's note with `--method all`), the estimate and
    /// bounds (a table by method with `--method all`) and the assumptions; a warning for Wald.
    public func document() throws -> Document {
        let first = intervals[0]
        if intervals.count > 1 {
            let rows = intervals.map { interval in
                [
                    IntervalMethod(rawValue: interval.method)?.title ?? interval.method,
                    NumberFormat.fixed(interval.lower, 4), NumberFormat.fixed(interval.upper, 4), NumberFormat.fixed(interval.width, 4),
                ]
            }
            return Document(
                title: "Binomial proportion: intervals by every method",
                sections: [
                    Self.inputs(intervals),
                    DocumentSection(
                        "Method",
                        notes: intervals.compactMap { IntervalMethod(rawValue: $0.method) }.map { "\($0.title): \(Self.methodNote($0))" }),
                    DocumentSection(
                        "Answer", rows: [["Estimate", NumberFormat.percent(first.estimate)]],
                        notes: ["Intervals by method: see the table below."]),
                    Self.assumptions(intervals),
                ],
                warnings: ["Only Clopper-Pearson guarantees coverage of at least the nominal level; Wald is shown for comparison only."],
                appendix: [DocumentSection("Intervals", [.table(Table(header: ["method", "lower", "upper", "width"], rows: rows))])])
        }
        let method = IntervalMethod(rawValue: first.method) ?? .clopperPearson
        return Document(
            title: "Binomial proportion: \(method.title) interval",
            sections: [
                Self.inputs([first]),
                DocumentSection("Method", rows: [["Interval", method.title]], notes: [Self.methodNote(method)]),
                DocumentSection(
                    "Answer",
                    rows: [
                        ["Estimate", Self.summary(first)],
                        ["Lower bound", NumberFormat.fixed(first.lower, 4)],
                        ["Upper bound", NumberFormat.fixed(first.upper, 4)],
                    ]),
                Self.assumptions([first]),
            ],
            warnings: method == .wald
                ? ["Wald is a poor method, shown only for comparison; cite Clopper-Pearson, Wilson or Jeffreys instead."] : [])
    }

    /// The terminal's document with "x responses among n patients" under the title.
    public func pageDocument() throws -> Document {
        var page = try document()
        page.subtitle = "\(intervals[0].successes) responses among \(intervals[0].trials) patients"
        return page
    }

    /// One plot, `intervals`: the estimate x/n with each method's interval (or one-sided bounds).
    public func figures() throws -> [Figure] {
        let first = intervals[0]
        let level = NumberFormat.significant(first.conf * 100, 6) + "%"
        return [
            Figure(
                try Self.intervalChart(intervals), name: "intervals",
                caption:
                    "The observed proportion x/n (dot, and the dashed line) with each method's \(level) \(first.sides == 1 ? "one-sided bound" : "confidence interval") (whiskers)."
            )
        ]
    }

    /// Each method's lower and upper bound, side by side, with the estimate as a reference line.
    public static func intervalChart(_ intervals: [ProportionInterval]) throws -> Chart {
        let first = intervals[0]
        let names = intervals.map(\.method)  // the short option names, so six fit at 600 px
        let index = intervals.indices.map(Double.init)
        let level = NumberFormat.significant(first.conf * 100, 6) + "%"
        return Chart(
            title: "\(level) \(first.sides == 1 ? "one-sided bounds" : "confidence interval")\(intervals.count > 1 ? "s by method" : "")",
            subtitle: "\(first.successes) responses among \(first.trials) patients, estimate \(NumberFormat.percent(first.estimate))",
            x: Axis(title: "Method", categories: names),
            y: Axis(title: "Response rate", unit: "proportion", range: 0...1),
            series: [
                .intervals(
                    name: "x/n and its \(level) \(first.sides == 1 ? "one-sided bound" : "confidence interval")", x: index,
                    estimates: intervals.map(\.estimate), ranges: intervals.map { $0.lower...$0.upper })
            ],
            referenceLines: [ReferenceLine(y: first.estimate, label: "x/n = \(NumberFormat.fixed(first.estimate, 3))")])
    }

    /// The variables `ci.mustache` reads (listed in docs/templates.md), citing into `references`:
    /// about the first interval (Clopper-Pearson with `--method all`).
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        Self.justificationContext(intervals[0], references: &references)
    }

    static func justificationContext(_ interval: ProportionInterval, references: inout ReferenceList) -> [String: Any] {
        let method = IntervalMethod(rawValue: interval.method) ?? .clopperPearson
        let citation =
            method == .clopperPearson
            ? references.cite(BinomialReferences.clopperPearson) : references.cite(BinomialReferences.brownCaiDasGupta)
        return [
            "x": String(interval.successes), "n": String(interval.trials),
            "estimate": NumberFormat.percent(interval.estimate),
            "lower": NumberFormat.percent(interval.lower), "upper": NumberFormat.percent(interval.upper),
            "level": NumberFormat.significant(interval.conf * 100, 6) + "%",
            "one_sided": interval.sides == 1, "exact": method.isExact,
            "method": method.title, "citation": citation,
        ]
    }

    /// A paragraph for a protocol: the estimate, interval, method and references.
    public static func justification(_ interval: ProportionInterval, using choice: TemplateChoice = .shipped("ci")) throws -> Justification
    {
        try IntervalReport([interval]).justification(using: choice)
    }

    /// One line of a batch: CSV `x,n,estimate,lower,upper,conf,sides,method` or a compact JSON
    /// object, numbers in shortest round-trip form.
    public static func batchLine(_ interval: ProportionInterval, json: Bool) -> String {
        if json {
            return
                "{\"successes\":\(interval.successes),\"trials\":\(interval.trials),\"estimate\":\(interval.estimate),\"lower\":\(interval.lower),\"upper\":\(interval.upper),\"conf\":\(interval.conf),\"sides\":\(interval.sides),\"method\":\"\(interval.method)\"}\n"
        }
        return
            "\(interval.successes),\(interval.trials),\(interval.estimate),\(interval.lower),\(interval.upper),\(interval.conf),\(interval.sides),\(interval.method)\n"
    }

    /// The header of a CSV batch.
    public static let batchHeader = "x,n,estimate,lower,upper,conf,sides,method\n"
}

/// The n for an interval width (`trialsize ci --width`): the first and stable n.
public struct IntervalWidthReport: Reporting {
    /// The width question: the largest width, the expected proportion, the confidence level and the method.
    public let problem: IntervalWidthSize
    /// Its answer: the first n whose interval at the expected count is no wider than asked, and the
    /// stable n from which every n up to the horizon is.
    public let answer: IntervalWidthSize.Answer

    /// A report of `answer` to `problem`.
    public init(_ problem: IntervalWidthSize, _ answer: IntervalWidthSize.Answer) {
        self.problem = problem
        self.answer = answer
    }

    /// One n's interval in the JSON: n, the expected count round(n × expected), the bounds and the width.
    public struct Row: Encodable {
        let n: Int
        let expectedCount: Int
        let lower: Double
        let upper: Double
        let width: Double
        init(_ i: ProportionInterval) { (n, expectedCount, lower, upper, width) = (i.trials, i.successes, i.lower, i.upper, i.width) }
    }

    /// The JSON answer of `ci --width` (docs/json/ci.md): the inputs, `first` and `stable` as ``Row``s,
    /// and the horizon, the largest n checked for the stable n.
    public struct Body: Encodable {
        let width: Double
        let expected: Double
        let conf: Double
        let sides: Int
        let method: String
        let first: Row
        let stable: Row
        let horizon: Int
    }

    /// The JSON answer, ``Body``.
    public func jsonBody() -> Body {
        Body(
            width: problem.width, expected: problem.expected, conf: problem.level.conf, sides: problem.level.sides.rawValue,
            method: problem.method.rawValue, first: Row(answer.first), stable: Row(answer.stable), horizon: answer.horizon)
    }

    /// The report: the inputs, the method, the first and stable n with their intervals and widths,
    /// and the assumption that the count observed is the count expected.
    public func document() -> Document {
        func describe(_ i: ProportionInterval) -> String {
            "n = \(i.trials) (x = \(i.successes): \(IntervalReport.summary(i)), width \(NumberFormat.fixed(i.width, 4)))"
        }
        let sections = [
            DocumentSection(
                "Inputs",
                rows: [
                    ["Largest width", NumberFormat.significant(problem.width, 6)],
                    ["Expected proportion", NumberFormat.significant(problem.expected, 6)],
                    ["Confidence level", NumberFormat.significant(problem.level.conf * 100, 6) + "% " + problem.level.sides.label],
                ]),
            DocumentSection(
                "Method", rows: [["Interval", problem.method.title]],
                notes: ["Width upper - lower of the interval at the expected count x = round(n * expected)."]),
            DocumentSection(
                "Answer",
                rows: [
                    ["First n", describe(answer.first)],
                    ["Stable n", describe(answer.stable)],
                ]),
            DocumentSection(
                "Assumptions",
                notes: [
                    "The count observed equals the count expected; a different count gives a different width.",
                    "Width is not monotone in n (the count is a whole number): 'stable' is the first n from which every n up to \(answer.horizon) meets the width.",
                ]),
        ]
        return Document(
            title: "Binomial proportion: patients for a \(problem.method.title) interval of given width",
            sections: sections, warnings: answer.warnings)
    }
}

extension IntervalReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("estimate", "Estimate", .percent), .init("lower", "Lower bound", .percent), .init("upper", "Upper bound", .percent),
        ]
    }
}

extension IntervalWidthReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [.init("first.n", "Patients"), .init("first.width", "Expected width", .percent), .init("stable.n", "Stable n")]
    }
}
