import TrialDesign

/// Renders binomial confidence intervals (`trialsize ci`).
public enum IntervalReport {
    /// "15.4% (95% CI 4.4% to 34.9%)", or the one-sided bounds.
    public static func summary(_ interval: ProportionInterval) -> String {
        let level = NumberFormat.significant(interval.conf * 100, 6) + "%"
        if interval.sides == 1 {
            return "\(NumberFormat.percent(interval.estimate)) (one-sided \(level) lower bound \(NumberFormat.percent(interval.lower)), upper bound \(NumberFormat.percent(interval.upper)))"
        }
        return "\(NumberFormat.percent(interval.estimate)) (\(level) CI \(NumberFormat.percent(interval.lower)) to \(NumberFormat.percent(interval.upper)))"
    }

    static func methodNote(_ method: IntervalMethod) -> String {
        switch method {
        case .clopperPearson: return "inverts two one-sided exact binomial tests; coverage is at least nominal for every p (Clopper & Pearson 1934)"
        case .midP: return "exact binomial tails with half the observed count's probability in each; coverage near nominal on average, not guaranteed"
        case .wilson: return "inverts the score test (Wilson 1927); recommended for n < 40 by Brown, Cai & DasGupta 2001"
        case .jeffreys: return "equal-tailed Beta(x + 1/2, n - x + 1/2) posterior interval; recommended by Brown, Cai & DasGupta 2001"
        case .agrestiCoull: return "Wald interval around (x + z^2/2)/(n + z^2) (Agresti & Coull 1998)"
        case .wald: return "normal approximation around x/n; coverage far below nominal for small n or p near 0 or 1 (Brown, Cai & DasGupta 2001)"
        }
    }

    static func inputs(_ intervals: [ProportionInterval]) -> Section {
        let first = intervals[0]
        return Section("Inputs", rows: [
            ("Responses (x)", String(first.successes)),
            ("Patients (n)", String(first.trials)),
            ("Confidence level", NumberFormat.significant(first.conf * 100, 6) + "% " + (first.sides == 1 ? "one-sided (each bound)" : "two-sided")),
        ])
    }

    static func assumptions(_ intervals: [ProportionInterval]) -> Section {
        var notes = ["Patients respond independently with a common probability p; x is binomial(n, p)."]
        if intervals[0].sides == 2 {
            notes.append("Two-sided intervals leave (1 - conf)/2 in each tail (equal-tailed).")
        } else {
            notes.append("With --sides 1 each bound is a one-sided bound at the stated level: p >= lower, and separately p <= upper.")
        }
        return Section("Assumptions", notes: notes)
    }

    /// One method's interval.
    public static func render(_ interval: ProportionInterval, format: OutputFormat, justification: Justification? = nil) throws -> String {
        if format == .json { return try JSONOutput.encode(interval, justification: justification) }
        let (title, sections) = parts(interval)
        return Layout.render(title: title, sections: sections, format: format)
    }

    /// The title and sections of one method's interval.
    static func parts(_ interval: ProportionInterval) -> (title: String, sections: [Section]) {
        let method = IntervalMethod(rawValue: interval.method) ?? .clopperPearson
        var sections = [inputs([interval])]
        sections.append(Section("Method", rows: [("Interval", method.title)], notes: [methodNote(method)]))
        sections.append(Section("Answer", rows: [
            ("Estimate", summary(interval)),
            ("Lower bound", NumberFormat.fixed(interval.lower, 4)),
            ("Upper bound", NumberFormat.fixed(interval.upper, 4)),
        ]))
        sections.append(assumptions([interval]))
        if method == .wald {
            sections.append(Section("Warnings", notes: ["Wald is a poor method, shown only for comparison; cite Clopper-Pearson, Wilson or Jeffreys instead."]))
        }
        return ("Binomial proportion: \(method.title) interval", sections)
    }

    /// The title, sections and table of every method's interval.
    static func parts(all intervals: [ProportionInterval]) -> (title: String, sections: [Section], table: LegacyTable) {
        let first = intervals[0]
        let rows = intervals.map { interval in
            [IntervalMethod(rawValue: interval.method)?.title ?? interval.method,
             NumberFormat.fixed(interval.lower, 4), NumberFormat.fixed(interval.upper, 4), NumberFormat.fixed(interval.width, 4)]
        }
        let table = LegacyTable("Intervals", headers: ["method", "lower", "upper", "width"], rows: rows)
        let sections = [
            inputs(intervals),
            Section("Method", notes: intervals.compactMap { IntervalMethod(rawValue: $0.method) }.map { "\($0.title): \(methodNote($0))" }),
            Section("Answer", rows: [("Estimate", NumberFormat.percent(first.estimate))], notes: ["Intervals by method: see the table below."]),
            assumptions(intervals),
            Section("Warnings", notes: ["Only Clopper-Pearson guarantees coverage of at least the nominal level; Wald is shown for comparison only."]),
        ]
        return ("Binomial proportion: intervals by every method", sections, table)
    }

    /// The page and plot for `--report` and `--plot`: the sections, the intervals side by side
    /// (one with a single method) and the justification.
    public static func document(_ intervals: [ProportionInterval], justification: Justification?) throws -> DesignReport {
        let first = intervals[0]
        let title: String, sections: [Section], tables: [LegacyTable]
        if intervals.count == 1 {
            (title, sections) = parts(first)
            tables = []
        } else {
            let table: LegacyTable
            (title, sections, table) = parts(all: intervals)
            tables = [table]
        }
        return DesignReport(
            title: title, subtitle: "\(first.successes) responses among \(first.trials) patients",
            sections: sections, tables: tables,
            plots: [DesignReport.Plot(name: "intervals", chart: try intervalChart(intervals),
                                      caption: "The lower and upper bounds of each method's interval; the dashed line is the observed proportion x/n.")],
            justification: justification)
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
                Series(name: "upper bound", kind: .points, x: index, y: intervals.map(\.upper)),
                Series(name: "lower bound", kind: .points, x: index, y: intervals.map(\.lower)),
            ],
            referenceLines: [ReferenceLine(y: first.estimate, label: "x/n = \(NumberFormat.fixed(first.estimate, 3))")])
    }

    struct AllMethods: Encodable {
        let successes: Int
        let trials: Int
        let estimate: Double
        let conf: Double
        let sides: Int
        let methods: [ProportionInterval]
    }

    /// Every method side by side (`--method all`).
    public static func render(all intervals: [ProportionInterval], format: OutputFormat, justification: Justification? = nil) throws -> String {
        let first = intervals[0]
        if format == .json {
            return try JSONOutput.encode(AllMethods(successes: first.successes, trials: first.trials, estimate: first.estimate,
                                                    conf: first.conf, sides: first.sides, methods: intervals),
                                         justification: justification)
        }
        let (title, sections, table) = parts(all: intervals)
        return Layout.render(title: title, sections: sections, format: format)
            + TableBlock.render(title: table.title, headers: table.headers, rows: table.rows, format: format)
    }

    /// The variables `ci.mustache` reads (listed in docs/templates.md), citing into `references`.
    public static func justificationContext(_ interval: ProportionInterval, references: inout ReferenceList) -> [String: Any] {
        let method = IntervalMethod(rawValue: interval.method) ?? .clopperPearson
        let citation = method == .clopperPearson
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
    public static func justification(_ interval: ProportionInterval, using choice: TemplateChoice = .shipped("ci")) throws -> Justification {
        var references = ReferenceList()
        let context = justificationContext(interval, references: &references)
        return try Justification(using: choice, context: context, references: references)
    }

    /// One line of a batch: CSV `x,n,estimate,lower,upper,conf,sides,method` or a compact JSON
    /// object, numbers in shortest round-trip form.
    public static func batchLine(_ interval: ProportionInterval, json: Bool) -> String {
        if json {
            return "{\"successes\":\(interval.successes),\"trials\":\(interval.trials),\"estimate\":\(interval.estimate),\"lower\":\(interval.lower),\"upper\":\(interval.upper),\"conf\":\(interval.conf),\"sides\":\(interval.sides),\"method\":\"\(interval.method)\"}\n"
        }
        return "\(interval.successes),\(interval.trials),\(interval.estimate),\(interval.lower),\(interval.upper),\(interval.conf),\(interval.sides),\(interval.method)\n"
    }

    /// The header of a CSV batch.
    public static let batchHeader = "x,n,estimate,lower,upper,conf,sides,method\n"
}

/// Renders the n for an interval width (`trialsize ci --width`).
public enum IntervalWidthReport {
    struct Row: Encodable {
        let n: Int
        let expectedCount: Int
        let lower: Double
        let upper: Double
        let width: Double
        init(_ i: ProportionInterval) { (n, expectedCount, lower, upper, width) = (i.trials, i.successes, i.lower, i.upper, i.width) }
    }

    struct Body: Encodable {
        let width: Double
        let expected: Double
        let conf: Double
        let sides: Int
        let method: String
        let first: Row
        let stable: Row
        let horizon: Int
    }

    public static func render(_ problem: IntervalWidthSize, _ answer: IntervalWidthSize.Answer, format: OutputFormat) throws -> String {
        if format == .json {
            return try JSONOutput.encode(Body(width: problem.width, expected: problem.expected, conf: problem.level.conf,
                                              sides: problem.level.sides.rawValue, method: problem.method.rawValue,
                                              first: Row(answer.first), stable: Row(answer.stable), horizon: answer.horizon))
        }
        func describe(_ i: ProportionInterval) -> String {
            "n = \(i.trials) (x = \(i.successes): \(IntervalReport.summary(i)), width \(NumberFormat.fixed(i.width, 4)))"
        }
        var sections = [
            Section("Inputs", rows: [
                ("Largest width", NumberFormat.significant(problem.width, 6)),
                ("Expected proportion", NumberFormat.significant(problem.expected, 6)),
                ("Confidence level", NumberFormat.significant(problem.level.conf * 100, 6) + "% " + problem.level.sides.label),
            ]),
            Section("Method", rows: [("Interval", problem.method.title)],
                    notes: ["Width upper - lower of the interval at the expected count x = round(n * expected)."]),
            Section("Answer", rows: [
                ("First n", describe(answer.first)),
                ("Stable n", describe(answer.stable)),
            ]),
            Section("Assumptions", notes: [
                "The count observed equals the count expected; a different count gives a different width.",
                "Width is not monotone in n (the count is a whole number): 'stable' is the first n from which every n up to \(answer.horizon) meets the width.",
            ]),
        ]
        if answer.first.trials != answer.stable.trials {
            sections.append(Section("Warnings", notes: ["Some n between \(answer.first.trials) and \(answer.stable.trials) give a wider interval; plan for the stable n."]))
        }
        return Layout.render(title: "Binomial proportion: patients for a \(problem.method.title) interval of given width", sections: sections, format: format)
    }
}
