import TrialDesign

/// Renders `survival --two-stage`: the two-stage one-sample log-rank design with an interim
/// futility analysis (text, Markdown, LaTeX, JSON, justification, report page).
public struct TwoStageSurvivalReport: DesignReporting {
    /// The answer: the problem, the optimal, minimax and admissible designs, the design chosen by the
    /// criterion, the single-stage log-rank n for comparison, and the simulation when run.
    public let answer: TwoStageSurvivalAnswer
    /// The time unit and endpoint name the labels use.
    public let presentation: Presentation

    /// A report of `answer`, labelled as `presentation` says.
    public init(_ answer: TwoStageSurvivalAnswer, _ presentation: Presentation) {
        self.answer = answer
        self.presentation = presentation
    }

    /// The shipped template, `Templates/two-stage-survival.mustache`.
    public static let templateName = "two-stage-survival"
    /// Yes: the JSON body has its own `warnings` key.
    public var bodyCarriesWarnings: Bool { true }

    /// Wu, Chen, Wei, Weiss and Chauhan (2020): the two-stage one-sample log-rank design, with (Z1, Z)
    /// bivariate normal.
    public static let wu2020 = Reference(
        key: "wu-2020",
        citation:
            "Wu J, Chen L, Wei J, Weiss H, Chauhan A. Two-stage phase II survival trial design. Pharm Stat. 2020;19(3):214-229. doi:10.1002/pst.1983"
    )
    /// Kwak and Jung (2014): optimal two-stage designs with the one-sample log-rank test.
    public static let kwakJung = Reference(
        key: "kwak-jung-2014",
        citation:
            "Kwak M, Jung SH. Phase II clinical trials with time-to-event endpoints: optimal two-stage designs with one-sample log-rank test. Stat Med. 2014;33(12):2004-2016."
    )
    /// Jung, Lee, Kim and George (2004): the admissible designs between minimax and optimal.
    public static let jung2004 = Reference(
        key: "jung-2004",
        citation:
            "Jung SH, Lee T, Kim K, George SL. Admissible two-stage designs for phase II cancer clinical trials. Statistics in Medicine. 2004;23(4):561-569."
    )

    /// The time unit and endpoint name, for labels only.
    public struct Presentation: Sendable {
        /// The time unit's plural name, as `--unit` gives it: "weeks".
        public let unit: String
        /// The endpoint's name, for the paragraph: "progression-free survival".
        public let endpoint: String
        /// A presentation in `unit` for `endpoint`.
        public init(unit: String, endpoint: String) {
            self.unit = unit
            self.endpoint = endpoint
        }
    }

    static let title = "Two-stage single-arm survival design (one-sample log-rank, interim futility analysis)"
    static let ruleText =
        "at the interim analysis stop for futility when Z₁ ≤ c1; at the final analysis reject H0 when Z > c, with Z = (E − O)/√E"

    static func number(_ value: Double) -> String { NumberFormat.significant(value, 4) }

    static func describe(_ d: TwoStageSurvivalDesign) -> String {
        "n1 \(d.n1), c1 \(NumberFormat.fixed(d.c1, 3)); n \(d.n), c \(NumberFormat.fixed(d.c, 3)): EN(H0) \(NumberFormat.fixed(d.expectedN, 1)), PET(H0) \(NumberFormat.fixed(d.earlyStop, 3))"
    }

    static func inputRows(_ s: TwoStageSurvivalAnswer, _ p: Presentation) -> [(String, String)] {
        let design = s.problem.design, setting = design.setting
        var rows: [(String, String)] = []
        switch s.control {
        case let .landmark(survival, at):
            rows.append(
                (
                    "Control survival at \(number(at)) \(p.unit)",
                    NumberFormat.percent(survival) + " (median \(number(setting.controlMedian)) \(p.unit))"
                ))
        default:
            rows.append(("Control median", "\(number(setting.controlMedian)) \(p.unit)"))
        }
        switch s.alternative {
        case let .landmark(survival, at):
            rows.append(
                (
                    "Alternative survival at \(number(at)) \(p.unit)",
                    NumberFormat.percent(survival) + " (median \(number(design.median)) \(p.unit))"
                ))
        case let .hazardRatio(ratio):
            rows.append(("Hazard ratio", number(ratio) + " (median \(number(design.median)) \(p.unit))"))
        case .median:
            rows.append(("Alternative median", "\(number(design.median)) \(p.unit)"))
        }
        if case .hazardRatio = s.alternative {} else { rows.append(("Hazard ratio (alternative / control)", number(design.hazardRatio))) }
        rows.append(("Survival model", setting.isExponential ? "exponential" : "Weibull, shape \(number(setting.shape))"))
        rows.append(("Alpha", NumberFormat.significant(setting.rates.alpha, 6) + " one-sided"))
        rows.append(("Power", NumberFormat.significant(setting.rates.power, 6)))
        rows.append(("Accrual rate", NumberFormat.rate(s.problem.rate, perUnit: p.unit)))
        if let cap = s.problem.maximumFollowUp {
            rows.append(("Restricted follow-up", "each patient followed at most \(number(cap)) \(p.unit)"))
        } else {
            rows.append(("Follow-up after the last entry", "\(number(s.problem.followUp)) \(p.unit)"))
        }
        if case let .rate(eta) = setting.loss { rows.append(("Loss to follow-up", "exponential, rate \(number(eta)) per \(p.unit)")) }
        rows.append(("Criterion", s.criterion.rawValue))
        return rows
    }

    static func sections(_ s: TwoStageSurvivalAnswer, _ p: Presentation) -> [DocumentSection] {
        let d = s.chosen
        var sections = [
            DocumentSection("Inputs", rows: inputRows(s, p)),
            DocumentSection(
                "Method", rows: [("Design", "Two-stage one-sample log-rank design (Wu et al. 2020; Kwak & Jung 2014)")],
                notes: [
                    "Rule: \(ruleText).",
                    "(Z1, Z) bivariate normal (Wu 2020): alpha and power are exact bivariate normal probabilities; c is set at exact level alpha for each c1, and c1 is the largest keeping the power.",
                    "Optimal minimises the expected number of patients under H0; minimax the maximum n; admissible (Jung et al. 2004) minimises (EN(H0) + n)/2. An admissible design's q range: the weights q on n for which it minimises q·n + (1 − q)·EN(H0) (q = 1 minimax, q = 0 optimal).",
                ]),
            DocumentSection(
                "Answer",
                rows: [
                    ("Interim analysis", "after \(d.n1) patients have entered, at \(number(d.interimTime)) \(p.unit)"),
                    ("Stop for futility if", "Z₁ ≤ \(NumberFormat.fixed(d.c1, 4))"),
                    ("Maximum patients", "\(d.n)"),
                    (
                        "Final analysis",
                        "at \(number(d.finalTime)) \(p.unit) (accrual \(number(Double(d.n) / s.problem.rate)) + follow-up \(number(s.problem.followUp)))"
                    ),
                    ("Reject H0 if", "Z > \(NumberFormat.fixed(d.c, 4))"),
                    ("Expected patients under H0", NumberFormat.fixed(d.expectedN, 1)),
                    ("P(early stop) under H0", NumberFormat.fixed(d.earlyStop, 4)),
                    ("Attained alpha, power", NumberFormat.fixed(d.attainedAlpha, 4) + ", " + NumberFormat.fixed(d.attainedPower, 4)),
                    (
                        "Under H1: P(early stop), expected patients",
                        NumberFormat.fixed(d.earlyStopAlternative, 4) + ", " + NumberFormat.fixed(d.expectedNAlternative, 1)
                    ),
                    (
                        "Expected events at interim (H0, H1)",
                        NumberFormat.fixed(d.interimEventsNull, 1) + ", " + NumberFormat.fixed(d.interimEventsAlternative, 1)
                    ),
                    (
                        "Expected events at final (H0, H1)",
                        NumberFormat.fixed(d.finalEventsNull, 1) + ", " + NumberFormat.fixed(d.finalEventsAlternative, 1)
                    ),
                    ("Single-stage log-rank design", "\(s.answer.singleStagePatients) patients (Wu 2015)"),
                ]),
        ]
        if let sim = s.simulation {
            sections.append(
                DocumentSection(
                    "Simulation check",
                    rows: [
                        ("Trials, seed", "\(sim.trials) under H0 and under H1, seed \(sim.seed)"),
                        ("Type I error", NumberFormat.fixed(sim.alpha, 4) + " (SE " + NumberFormat.fixed(sim.alphaStandardError, 4) + ")"),
                        ("Power", NumberFormat.fixed(sim.power, 4) + " (SE " + NumberFormat.fixed(sim.powerStandardError, 4) + ")"),
                        (
                            "P(early stop) under H0",
                            NumberFormat.fixed(sim.earlyStop, 4) + " (SE " + NumberFormat.fixed(sim.earlyStopStandardError, 4) + ")"
                        ),
                        (
                            "Patients enrolled under H0",
                            NumberFormat.fixed(sim.expectedN, 2) + " (SE " + NumberFormat.fixed(sim.expectedNStandardError, 2) + ")"
                        ),
                        (
                            "P(early stop), patients under H1",
                            NumberFormat.fixed(sim.earlyStopAlternative, 4) + ", " + NumberFormat.fixed(sim.expectedNAlternative, 2)
                        ),
                    ],
                    notes: [
                        "Entries uniform over the accrual period; at the interim every patient entered by then is analysed on follow-up to that time.",
                        "With few events the one-sample log-rank normal approximation is conservative (simulated alpha below and power above the formulas), as for the single-stage test.",
                    ]))
        }
        sections.append(
            DocumentSection(
                "Assumptions",
                notes: [
                    "Uniform accrual at the stated rate; the interim time is when the n1-th patient is expected to enter; patients keep entering during the interim analysis.",
                    "Proportional hazards against the reference survival (\(s.problem.design.setting.isExponential ? "exponential" : "Weibull")); the normal approximation of the log-rank statistics.",
                    "The search covered n from \(s.answer.searchedN.lowerBound) (the first n with a design meeting both error rates) to \(s.answer.searchedN.upperBound), and interims after at least a fifth of the patients"
                        + (s.answer.exhaustive ? ", every (n, n1)." : "; a coarse grid refined around its best point (not exhaustive)."),
                ]))
        return sections
    }

    static let tableHeaders = ["Design", "n1", "c1", "n", "c", "Interim time", "Final time", "EN(H0)", "PET(H0)", "alpha", "power"]

    static func tableRows(_ s: TwoStageSurvivalAnswer) -> [[String]] {
        var rows: [(String, TwoStageSurvivalDesign)] = [("optimal", s.answer.optimal), ("minimax", s.answer.minimax)]
        for a in s.answer.admissible {
            rows.append(("admissible q " + NumberFormat.fixed(a.qLower, 2) + "-" + NumberFormat.fixed(a.qUpper, 2), a.design))
        }
        return rows.map { name, d in
            [
                name, "\(d.n1)", NumberFormat.fixed(d.c1, 3), "\(d.n)", NumberFormat.fixed(d.c, 3), number(d.interimTime),
                number(d.finalTime),
                NumberFormat.fixed(d.expectedN, 1), NumberFormat.fixed(d.earlyStop, 3), NumberFormat.fixed(d.attainedAlpha, 4),
                NumberFormat.fixed(d.attainedPower, 4),
            ]
        }
    }

    /// The report: inputs, method, the chosen design (interim and final analyses and boundaries,
    /// expected patients and P(early stop), attained alpha and power, expected events), the simulation
    /// when run, the assumptions, and a table of the optimal, minimax and admissible designs.
    public func document() throws -> Document {
        Document(
            title: Self.title, sections: Self.sections(answer, presentation), warnings: answer.warnings,
            appendix: [
                DocumentSection(
                    "Optimal, minimax and admissible designs", [.table(Table(header: Self.tableHeaders, rows: Self.tableRows(answer)))])
            ])
    }

    /// The terminal's document with the medians and the criterion under the title.
    public func pageDocument() throws -> Document {
        var page = try document()
        page.subtitle =
            "Median \(Self.number(answer.problem.design.setting.controlMedian)) vs \(Self.number(answer.problem.design.median)) \(presentation.unit), \(answer.criterion.rawValue) design"
        return page
    }

    /// One plot, `designs`: expected patients under H0 against the maximum n for the admissible designs.
    public func figures() throws -> [Figure] {
        [
            Figure(
                try Self.chart(answer), name: "designs",
                caption:
                    "Expected number of patients under H0 against the maximum number, for the admissible designs from minimax to optimal.")
        ]
    }

    /// One two-stage design in the JSON: n1 and c1 (the patients entered by the interim analysis and
    /// the futility boundary on Z1), n and c (the maximum patients and the final boundary on Z), the
    /// analysis times from the first entry, EN and P(early stop) under H0 and H1, attained alpha and
    /// power, the correlations of Z1 and Z, and the expected events at each analysis under H0 and H1.
    public struct DesignBody: Encodable {
        let n1: Int, c1: Double, n: Int, c: Double
        let interimTime: Double, finalTime: Double
        let expectedN: Double, earlyStop: Double
        let expectedNAlternative: Double, earlyStopAlternative: Double
        let attainedAlpha: Double, attainedPower: Double
        let nullCorrelation: Double, alternativeCorrelation: Double
        let interimEventsNull: Double, interimEventsAlternative: Double
        let finalEventsNull: Double, finalEventsAlternative: Double
        init(_ d: TwoStageSurvivalDesign) {
            n1 = d.n1; c1 = d.c1; n = d.n; c = d.c; interimTime = d.interimTime; finalTime = d.finalTime
            expectedN = d.expectedN; earlyStop = d.earlyStop; expectedNAlternative = d.expectedNAlternative
            earlyStopAlternative = d.earlyStopAlternative; attainedAlpha = d.attainedAlpha; attainedPower = d.attainedPower
            nullCorrelation = d.nullCorrelation; alternativeCorrelation = d.alternativeCorrelation
            interimEventsNull = d.interimEventsNull; interimEventsAlternative = d.interimEventsAlternative
            finalEventsNull = d.finalEventsNull; finalEventsAlternative = d.finalEventsAlternative
        }
    }

    /// An admissible design and the weights q (`q_lower` to `q_upper`) for which it minimises
    /// q·EN(H0) + (1 − q)·n: q = 0 gives the minimax design, q = 1 the optimal.
    public struct AdmissibleBody: Encodable {
        let design: DesignBody
        let qLower: Double, qUpper: Double
    }

    /// The `simulation` object (`--simulate`): trials and seed, and the simulated alpha, power, P(early
    /// stop) and patients enrolled under H0 and H1, each with its Monte Carlo SE.
    public struct SimulationBody: Encodable {
        let trials: Int, seed: UInt64
        let alpha: Double, alphaSe: Double, power: Double, powerSe: Double
        let earlyStop: Double, earlyStopSe: Double, expectedN: Double, expectedNSe: Double
        let earlyStopAlternative: Double, earlyStopAlternativeSe: Double, expectedNAlternative: Double, expectedNAlternativeSe: Double
    }

    /// The JSON answer of `survival --two-stage` (docs/json/survival.md): the resolved inputs, the
    /// chosen design's keys flat at the top level, the optimal, minimax and admissible designs, the
    /// single-stage n, the search's range, the simulation, and the warnings.
    public struct Body: Encodable {
        let design: String
        let method: String
        let criterion: String
        let rule: String
        let controlMedian: Double, median: Double, hazardRatio: Double, shape: Double
        let alpha: Double, power: Double
        let accrualRate: Double, followUp: Double, maxFollowUp: Double?, lossRate: Double
        let unit: String
        // The chosen design, flat (the issue's keys).
        let n1: Int, c1: Double, n: Int, c: Double
        let expectedN: Double, earlyStop: Double
        let attainedAlpha: Double, attainedPower: Double
        let interimTime: Double, finalTime: Double
        let expectedNAlternative: Double, earlyStopAlternative: Double
        let optimal: DesignBody, minimax: DesignBody
        let admissible: [AdmissibleBody]
        let singleStagePatients: Int
        let searchedNLower: Int, searchedNUpper: Int, exhaustive: Bool
        let simulation: SimulationBody?
        let warnings: [String]
    }

    /// The JSON answer, ``Body``.
    public func jsonBody() -> Body {
        let s = answer, p = presentation
        let d = s.chosen, design = s.problem.design, setting = design.setting
        let simulation = s.simulation.map { r in
            SimulationBody(
                trials: r.trials, seed: r.seed, alpha: r.alpha, alphaSe: r.alphaStandardError, power: r.power,
                powerSe: r.powerStandardError,
                earlyStop: r.earlyStop, earlyStopSe: r.earlyStopStandardError, expectedN: r.expectedN,
                expectedNSe: r.expectedNStandardError,
                earlyStopAlternative: r.earlyStopAlternative, earlyStopAlternativeSe: r.earlyStopAlternativeStandardError,
                expectedNAlternative: r.expectedNAlternative, expectedNAlternativeSe: r.expectedNAlternativeStandardError)
        }
        return Body(
            design: "two-stage", method: "log-rank", criterion: s.criterion.rawValue, rule: Self.ruleText,
            controlMedian: setting.controlMedian, median: design.median, hazardRatio: design.hazardRatio, shape: setting.shape,
            alpha: setting.rates.alpha, power: setting.rates.power, accrualRate: s.problem.rate, followUp: s.problem.followUp,
            maxFollowUp: s.problem.maximumFollowUp,
            lossRate: setting.loss.rate, unit: p.unit,
            n1: d.n1, c1: d.c1, n: d.n, c: d.c, expectedN: d.expectedN, earlyStop: d.earlyStop,
            attainedAlpha: d.attainedAlpha, attainedPower: d.attainedPower, interimTime: d.interimTime, finalTime: d.finalTime,
            expectedNAlternative: d.expectedNAlternative, earlyStopAlternative: d.earlyStopAlternative,
            optimal: DesignBody(s.answer.optimal), minimax: DesignBody(s.answer.minimax),
            admissible: s.answer.admissible.map { AdmissibleBody(design: DesignBody($0.design), qLower: $0.qLower, qUpper: $0.qUpper) },
            singleStagePatients: s.answer.singleStagePatients, searchedNLower: s.answer.searchedN.lowerBound,
            searchedNUpper: s.answer.searchedN.upperBound, exhaustive: s.answer.exhaustive, simulation: simulation, warnings: s.warnings)
    }

    /// Expected patients under H0 against the maximum n: the admissible designs, optimal and minimax marked.
    public static func chart(_ s: TwoStageSurvivalAnswer) throws -> Chart {
        let points = s.answer.admissible.map(\.design)
        var markers = [
            Marker(
                x: Double(s.answer.minimax.n), y: s.answer.minimax.expectedN,
                label: "minimax n \(s.answer.minimax.n), EN \(NumberFormat.fixed(s.answer.minimax.expectedN, 1))", shape: .square)
        ]
        if s.answer.optimal != s.answer.minimax {
            markers.append(
                Marker(
                    x: Double(s.answer.optimal.n), y: s.answer.optimal.expectedN,
                    label: "optimal n \(s.answer.optimal.n), EN \(NumberFormat.fixed(s.answer.optimal.expectedN, 1))", shape: .circle))
        }
        return Chart(
            title: "Expected patients under H0 against maximum patients",
            subtitle:
                "Two-stage one-sample log-rank, hazard ratio \(number(s.problem.design.hazardRatio)), one-sided α = \(number(s.problem.design.setting.rates.alpha)), power \(number(s.problem.design.setting.rates.power))",
            x: Axis(title: "Maximum patients", unit: "n", integers: true),
            y: Axis(title: "Expected patients under H0", unit: "EN(H0)"),
            series: [Series(name: "admissible designs", kind: .points, x: points.map { Double($0.n) }, y: points.map(\.expectedN))],
            markers: markers)
    }

    /// The variables `two-stage-survival.mustache` reads (listed in docs/templates.md).
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let s = answer, p = presentation
        let d = s.chosen, design = s.problem.design, setting = design.setting
        var context: [String: Any] = [
            "endpoint": p.endpoint, "unit": p.unit,
            "control_median": Self.number(setting.controlMedian), "median": Self.number(design.median),
            "hazard_ratio": Self.number(design.hazardRatio),
            "weibull": !setting.isExponential, "shape": Self.number(setting.shape),
            "alpha": NumberFormat.significant(setting.rates.alpha, 6), "power_percent": NumberFormat.percent(setting.rates.power, 0),
            "rate": NumberFormat.rate(s.problem.rate, perUnit: p.unit), "follow_up": Self.number(s.problem.followUp),
            "criterion": s.criterion.rawValue,
            "n1": String(d.n1), "c1": NumberFormat.fixed(d.c1, 3), "n": String(d.n), "c": NumberFormat.fixed(d.c, 3),
            "interim_time": Self.number(d.interimTime), "final_time": Self.number(d.finalTime),
            "en": NumberFormat.fixed(d.expectedN, 1), "pet": NumberFormat.percent(d.earlyStop, 0),
            "attained_alpha": NumberFormat.fixed(d.attainedAlpha, 4), "attained_power": NumberFormat.fixed(d.attainedPower, 4),
            "single_n": String(s.answer.singleStagePatients),
            "citation": references.cite(Self.wu2020) + references.cite(Self.kwakJung),
            "admissible": s.criterion == .admissible,
        ]
        if s.criterion == .admissible { context["admissible_citation"] = references.cite(Self.jung2004) }
        if let sim = s.simulation {
            context["simulation"] = [
                "trials": String(sim.trials), "alpha": NumberFormat.fixed(sim.alpha, 4), "power": NumberFormat.fixed(sim.power, 4),
                "pet": NumberFormat.fixed(sim.earlyStop, 3), "en": NumberFormat.fixed(sim.expectedN, 1),
            ]
        }
        return context
    }

}

extension TwoStageSurvivalReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("n1", "Stage 1 patients"), .init("n", "Patients"), .init("expected_n", "Expected patients under H0", .value),
            .init("attained_alpha", "Attained alpha", .probability), .init("attained_power", "Attained power", .probability),
        ]
    }
}
