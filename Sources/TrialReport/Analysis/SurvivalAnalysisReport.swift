import TrialDesign

/// What the analysis report says about its input that the statistics do not know.
public struct SurvivalDataDescription: Sendable {
    /// The file ("-" is standard input).
    public var source: String
    /// The time unit, as the user named it ("weeks").
    public var unit: String
    /// The name of the column holding each patient's follow-up time (`--time-column`, default `time`).
    public var timeColumn: String
    /// The name of the column holding the event indicator, 1 for an event and 0 for a censoring (`--event-column`).
    public var eventColumn: String
    /// "entry column 'entry', follow-up cut at calendar time 3" when `--cutoff` was used.
    public var cutoff: String?
    /// The endpoint's name in sentences ("PFS").
    public var endpoint: String

    /// A description of the data read from `source`, with times in `unit`.
    public init(source: String, unit: String, timeColumn: String, eventColumn: String, cutoff: String? = nil, endpoint: String = "PFS") {
        self.source = source
        self.unit = unit
        self.timeColumn = timeColumn
        self.eventColumn = eventColumn
        self.cutoff = cutoff
        self.endpoint = endpoint
    }
}

/// Renders `trialsize analyze survival`: the Kaplan-Meier summary, the tests against the
/// historical control, the plot and the results paragraph.
public struct SurvivalAnalysisReport: DesignReporting {
    /// The analysis asked: the sample (times and events), the historical control (median, Weibull
    /// shape), the confidence level and its transform, the one-sided alpha, the quantiles and landmarks.
    public let analysis: SurvivalAnalysis
    /// The answer: the Kaplan-Meier summary (median, quantiles, landmarks), the exact Poisson and
    /// one-sample log-rank tests against the control, the exponential fit, and the warnings.
    public let result: SurvivalAnalysis.Result
    /// What the statistics do not know: the file, the unit, the column names, the cut-off and the endpoint.
    public let data: SurvivalDataDescription

    /// A report of `result`, describing its input as `data` says.
    public init(_ analysis: SurvivalAnalysis, _ result: SurvivalAnalysis.Result, data: SurvivalDataDescription) {
        self.analysis = analysis
        self.result = result
        self.data = data
    }

    /// The shipped template, `Templates/analyze-survival.mustache`.
    public static let templateName = "analyze-survival"
    static let title = "Analysis of a single-arm time-to-event trial"

    /// Yes: the JSON body has its own `warnings` key.
    public var bodyCarriesWarnings: Bool { true }

    /// The JSON answer, ``Body``.
    public func jsonBody() -> Body { Body(analysis: analysis, result: result, data: data) }

    /// The report: inputs, method, the Kaplan-Meier median, quantiles and landmarks with their
    /// intervals, the tests against the historical control, the assumptions, and the warnings.
    public func document() throws -> Document {
        Document(
            title: Self.title,
            subtitle:
                "\(result.patients) patients, \(result.events) events, against a historical median of \(AnalysisFormat.exact(analysis.control.median)) \(data.unit)",
            sections: Self.sections(analysis, result, data), warnings: result.warnings)
    }

    /// The variables `analyze-survival.mustache` reads (docs/templates.md), citing into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        Self.justificationContext(analysis, result, data: data, references: &references)
    }

    /// A quantile in a report row: "8.29 (95% CI 7.14 to 13.9)", "not reached (95% CI 10.2 to not reached)".
    static func describe(_ q: KaplanMeier.Quantile, conf: Double, unit: String) -> String {
        let estimate = q.estimate.map { AnalysisFormat.exact($0) + " " + unit } ?? "not reached"
        let lower = q.lower.map(AnalysisFormat.exact) ?? "not estimable"
        let upper = q.upper.map(AnalysisFormat.exact) ?? "not reached"
        return "\(estimate) (\(AnalysisFormat.level(conf)) CI \(lower) to \(upper))"
    }

    static func quantileLabel(_ probability: Double) -> String {
        probability == 0.5 ? "Median" : "Time to \(NumberFormat.significant(probability * 100, 6))% events"
    }

    static func testName(_ method: OneSampleTest.Method) -> String {
        switch method {
        case .exactPoisson: "Exact test on total time at risk (events ~ Poisson)"
        case .oneSampleLogRank: "One-sample log-rank test"
        }
    }

    static func controlText(_ control: ControlReference, unit: String) -> String {
        control.isExponential
            ? "exponential, median \(AnalysisFormat.exact(control.median)) \(unit)"
            : "Weibull, median \(AnalysisFormat.exact(control.median)) \(unit), shape \(NumberFormat.significant(control.shape, 6))"
    }

    static func sections(_ analysis: SurvivalAnalysis, _ result: SurvivalAnalysis.Result, _ data: SurvivalDataDescription)
        -> [DocumentSection]
    {
        let unit = data.unit, conf = analysis.conf
        var inputs: [(String, String)] = [
            (
                "Data",
                "\(data.source == "-" ? "standard input" : data.source) (time column '\(data.timeColumn)', event column '\(data.eventColumn)': 1 = event, 0 = censored)"
            ),
            ("Historical control", controlText(analysis.control, unit: unit)),
            ("Confidence level", "\(AnalysisFormat.level(conf)) two-sided, \(analysis.transform.rawValue) transform"),
            ("Significance level", "one-sided alpha \(NumberFormat.significant(analysis.alpha, 6))"),
        ]
        if let cutoff = data.cutoff { inputs.append(("Cut-off", cutoff)) }
        var answer: [(String, String)] = [
            ("Patients", String(result.patients)),
            ("Events", "\(result.events) (\(result.patients - result.events) censored)"),
            (
                "Total time at risk",
                "\(AnalysisFormat.exact(result.totalTime)) \(unit); longest follow-up \(AnalysisFormat.exact(result.maximumTime)) \(unit)"
            ),
        ]
        for q in result.quantiles { answer.append((quantileLabel(q.probability), describe(q, conf: conf, unit: unit))) }
        for l in result.landmarks {
            let value: String
            if let s = l.survival {
                let limits =
                    l.lower.flatMap { lower in
                        l.upper.map { "\(AnalysisFormat.level(conf)) CI \(NumberFormat.percent(lower)) to \(NumberFormat.percent($0))" }
                    } ?? "CI not defined"
                value = "\(NumberFormat.percent(s)) (\(limits)); \(l.atRisk) at risk"
            } else {
                value = "not estimated (beyond the longest follow-up)"
            }
            answer.append(("Survival at \(AnalysisFormat.exact(l.time)) \(unit)", value))
        }
        answer.append(("Expected events (control)", NumberFormat.significant(result.expectedEvents, 6)))
        for test in result.tests {
            let decision = test.pValue <= analysis.alpha ? "rejects H0" : "does not reject H0"
            switch test.method {
            case .exactPoisson:
                let ratio =
                    "hazard ratio \(NumberFormat.fixed(test.hazardRatio, 3)) (\(AnalysisFormat.level(conf)) CI \(NumberFormat.fixed(test.hazardRatioLower ?? 0, 3)) to \(NumberFormat.fixed(test.hazardRatioUpper ?? 0, 3)))"
                answer.append(
                    (
                        testName(test.method),
                        "O = \(test.observed), E = \(NumberFormat.fixed(test.expected, 4)), one-sided p = \(AnalysisFormat.pValue(test.pValue)) (\(decision)); \(ratio)"
                    ))
            case .oneSampleLogRank:
                answer.append(
                    (
                        testName(test.method),
                        "Z = (E − O)/√E = \(NumberFormat.fixed(test.statistic, 4)), one-sided p = \(AnalysisFormat.pValue(test.pValue)) (\(decision))"
                    ))
            }
        }
        if let fit = result.exponentialFit {
            let four = { (t: Double) in NumberFormat.significant(t, 4) }
            let median = fit.median.map { four($0) + " " + unit } ?? "not estimable (no events)"
            answer.append(
                (
                    "Exponential median",
                    "\(median) (\(AnalysisFormat.level(conf)) CI \(four(fit.medianLower)) to \(fit.medianUpper.map(four) ?? "unbounded")); ln 2 x total time / events"
                ))
        }
        return [
            DocumentSection("Inputs", rows: inputs),
            DocumentSection(
                "Method",
                rows: [
                    ("Estimate", "Kaplan-Meier with Greenwood's variance; quantile intervals by Brookmeyer-Crowley (R survival's rule)"),
                    ("Tests", "H0: hazard equals the control's, against a lower hazard (longer survival), one-sided"),
                ],
                notes: [
                    "Exact test: O ~ Poisson(E) given the follow-up, p = P(Poisson(E) ≤ O); hazard ratio interval from chi-square quantiles (Garwood).",
                    "One-sample log-rank: Z = (E − O)/√E, p = 1 − Φ(Z), with E = sum of the control's cumulative hazard at each patient's time.",
                    "The p-values are one-sided; the intervals are two-sided at \(AnalysisFormat.level(conf)), so an interval for the hazard ratio that includes 1 can accompany a one-sided p below \(NumberFormat.significant(analysis.alpha, 6)).",
                ]),
            DocumentSection("Answer", rows: answer),
            DocumentSection(
                "Assumptions",
                notes: [
                    "Censoring is independent of the event time (non-informative).",
                    analysis.control.isExponential
                        ? "The tests assume the historical control's hazard is constant (exponential) and known without error."
                        : "The tests assume the historical control's survival is Weibull with the stated shape, known without error.",
                    "A quantile is the first time the curve falls to or below its level; where the curve sits exactly at the level over an interval, the midpoint (as R's survival package).",
                    "Times are in \(unit); a tie between an event and a censoring counts the censored patient at risk for the event.",
                ]),
        ]
    }

    // MARK: JSON

    /// The JSON answer of `analyze survival` (docs/json/analyze.md): counts, total time at risk and
    /// expected events under the control, the Kaplan-Meier median with its Brookmeyer-Crowley limits,
    /// the quantiles and landmarks, the tests, the exponential fit, and the warnings; `null` where an
    /// estimate or limit is not reached or not estimable.
    public struct Body: Encodable {
        let analysis: SurvivalAnalysis
        let result: SurvivalAnalysis.Result
        let data: SurvivalDataDescription

        enum Key: String, CodingKey {
            case n, events, totalTime, expectedEvents, maxTime, unit, conf, confType, alpha, control
            case median, medianLower, medianUpper, quantiles, landmarks, tests, exponential, warnings, source
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(result.patients, forKey: .n)
            try c.encode(result.events, forKey: .events)
            try c.encode(result.totalTime, forKey: .totalTime)
            try c.encode(result.expectedEvents, forKey: .expectedEvents)
            try c.encode(result.maximumTime, forKey: .maxTime)
            try c.encode(data.unit, forKey: .unit)
            try c.encode(data.source, forKey: .source)
            try c.encode(analysis.conf, forKey: .conf)
            try c.encode(analysis.transform.rawValue, forKey: .confType)
            try c.encode(analysis.alpha, forKey: .alpha)
            try c.encode(
                ControlJSON(
                    median: analysis.control.median, shape: analysis.control.shape,
                    model: analysis.control.isExponential ? "exponential" : "weibull"), forKey: .control)
            try c.encode(result.median.estimate, forKey: .median)
            try c.encode(result.median.lower, forKey: .medianLower)
            try c.encode(result.median.upper, forKey: .medianUpper)
            try c.encode(result.quantiles.map(QuantileJSON.init), forKey: .quantiles)
            try c.encode(result.landmarks.map(LandmarkJSON.init), forKey: .landmarks)
            try c.encode(result.tests.map { TestJSON(test: $0, alpha: analysis.alpha) }, forKey: .tests)
            try c.encode(result.exponentialFit.map(ExponentialJSON.init), forKey: .exponential)
            try c.encode(result.warnings, forKey: .warnings)
        }
    }

    struct ControlJSON: Encodable { let median: Double; let shape: Double; let model: String }

    struct QuantileJSON: Encodable {
        let q: KaplanMeier.Quantile
        enum Key: String, CodingKey { case probability, estimate, lower, upper }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(q.probability, forKey: .probability)
            try c.encode(q.estimate, forKey: .estimate)
            try c.encode(q.lower, forKey: .lower)
            try c.encode(q.upper, forKey: .upper)
        }
    }

    struct LandmarkJSON: Encodable {
        let l: KaplanMeier.Landmark
        enum Key: String, CodingKey { case time, survival, lower, upper, atRisk }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(l.time, forKey: .time)
            try c.encode(l.survival, forKey: .survival)
            try c.encode(l.lower, forKey: .lower)
            try c.encode(l.upper, forKey: .upper)
            try c.encode(l.atRisk, forKey: .atRisk)
        }
    }

    struct TestJSON: Encodable {
        let test: OneSampleTest
        let alpha: Double
        enum Key: String, CodingKey {
            case method, statistic, pValue, observed, expected, hazardRatio, hazardRatioLower, hazardRatioUpper, sides, rejects
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(test.method.rawValue, forKey: .method)
            try c.encode(test.statistic, forKey: .statistic)
            try c.encode(test.pValue, forKey: .pValue)
            try c.encode(test.observed, forKey: .observed)
            try c.encode(test.expected, forKey: .expected)
            try c.encode(test.hazardRatio, forKey: .hazardRatio)
            try c.encode(test.hazardRatioLower, forKey: .hazardRatioLower)
            try c.encode(test.hazardRatioUpper, forKey: .hazardRatioUpper)
            try c.encode(1, forKey: .sides)
            try c.encode(test.pValue <= alpha, forKey: .rejects)
        }
    }

    struct ExponentialJSON: Encodable {
        let fit: SurvivalAnalysis.ExponentialFit
        enum Key: String, CodingKey { case hazard, hazardLower, hazardUpper, median, medianLower, medianUpper }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(fit.hazard, forKey: .hazard)
            try c.encode(fit.hazardLower, forKey: .hazardLower)
            try c.encode(fit.hazardUpper, forKey: .hazardUpper)
            try c.encode(fit.median, forKey: .median)
            try c.encode(fit.medianLower, forKey: .medianLower)
            try c.encode(fit.medianUpper, forKey: .medianUpper)
        }
    }

    // MARK: the paragraph

    static func justificationContext(
        _ analysis: SurvivalAnalysis, _ result: SurvivalAnalysis.Result,
        data: SurvivalDataDescription, references: inout ReferenceList
    ) -> [String: Any] {
        let unit = data.unit, median = result.median
        var context: [String: Any] = [
            "endpoint": data.endpoint, "endpoint_capitalized": data.endpoint.prefix(1).uppercased() + data.endpoint.dropFirst(),
            "unit": unit, "n": String(result.patients), "events": String(result.events),
            "censored": String(result.patients - result.events), "level": AnalysisFormat.level(analysis.conf),
            "conf_type": analysis.transform.rawValue,
            "median_reached": median.estimate != nil,
            "median": median.estimate.map(AnalysisFormat.time) ?? "",
            "median_lower": median.lower.map(AnalysisFormat.time) ?? "not estimable",
            "median_upper": median.upper.map(AnalysisFormat.time) ?? "not reached",
            "upper_reached": median.upper != nil,
            "control_median": AnalysisFormat.time(analysis.control.median),
            "control_model": analysis.control.isExponential
                ? "exponential" : "Weibull (shape \(NumberFormat.significant(analysis.control.shape, 4)))",
            "alpha": NumberFormat.significant(analysis.alpha, 6),
            "cite_km": references.cite(AnalysisReferences.kaplanMeier),
            "cite_bc": references.cite(AnalysisReferences.brookmeyerCrowley),
            "landmarks": result.landmarks.compactMap { l -> [String: Any]? in
                guard let s = l.survival, let lower = l.lower, let upper = l.upper else { return nil }
                return [
                    "time": AnalysisFormat.time(l.time), "survival": NumberFormat.percent(s, 0),
                    "lower": NumberFormat.percent(lower, 0), "upper": NumberFormat.percent(upper, 0),
                ]
            },
        ]
        let landmarks = context["landmarks"] as? [[String: Any]] ?? []
        context["has_landmarks"] = !landmarks.isEmpty
        if !landmarks.isEmpty { context["cite_greenwood"] = references.cite(AnalysisReferences.greenwood) }
        if let exact = result.tests.first(where: { $0.method == .exactPoisson }),
            let logRank = result.tests.first(where: { $0.method == .oneSampleLogRank })
        {
            context["tests"] = true
            context["observed"] = String(exact.observed)
            context["expected"] = NumberFormat.fixed(exact.expected, 1)
            context["exact_p"] = AnalysisFormat.pStatement(exact.pValue)
            context["exact_rejects"] = exact.pValue <= analysis.alpha
            context["hazard_ratio"] = NumberFormat.fixed(exact.hazardRatio, 2)
            context["hazard_ratio_lower"] = NumberFormat.fixed(exact.hazardRatioLower ?? 0, 2)
            context["hazard_ratio_upper"] = NumberFormat.fixed(exact.hazardRatioUpper ?? 0, 2)
            context["log_rank_z"] = NumberFormat.fixed(logRank.statistic, 2)
            context["log_rank_p"] = AnalysisFormat.pStatement(logRank.pValue)
            context["cite_garwood"] = references.cite(AnalysisReferences.garwood)
            context["cite_exact"] = references.cite(SurvivalReferences.epsteinSobel)
            context["cite_log_rank"] = references.cite(AnalysisReferences.finkelstein)
        } else {
            context["tests"] = false
        }
        return context
    }
}

extension SurvivalAnalysisReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("median", "Median", .value), .init("median_lower", "Lower bound", .value), .init("median_upper", "Upper bound", .value),
        ]
    }
}
