import TrialDesign

/// How a two-arm survival answer is shown: the time unit and the endpoint's name.
public struct TwoArmSurvivalPresentation: Sendable {
    /// The time unit's plural name, as `--unit` gives it: "months".
    public let unit: String
    /// The endpoint's name, for the paragraph: "overall survival".
    public let endpoint: String
    /// A presentation in `unit` for `endpoint`.
    public init(unit: String, endpoint: String) {
        self.unit = unit
        self.endpoint = endpoint
    }
}

/// Renders `trialsize two-arm survival`: text, Markdown, LaTeX, JSON (docs/json/two-arm.md),
/// the justification paragraph (`two-arm-survival.mustache`), and the power-against-patients plot.
public enum TwoArmSurvivalReport {
    /// The report's title.
    public static let title = "Randomized two-arm survival comparison (log-rank test)"

    static func reference(_ method: TwoArmSurvivalMethod) -> Reference {
        switch method {
        case .schoenfeld: return TwoArmReferences.schoenfeld
        case .freedman: return TwoArmReferences.freedman
        case .lachinFoulkes: return TwoArmReferences.lachinFoulkes
        }
    }

    // MARK: text

    /// The answer as a document: the sections, the warnings, the methods side by side.
    public static func document(_ answer: TwoArmSurvivalQuestion.Answer, _ presentation: TwoArmSurvivalPresentation) -> Document {
        var appendix: [DocumentSection] = []
        if answer.comparesMethods {
            appendix.append(
                DocumentSection(
                    "Methods side by side",
                    [
                        .table(
                            Table(
                                header: ["method", "events", "patients", "control", "experimental", "power"],
                                rows: comparisonRows(answer)))
                    ]))
        }
        let r = answer.answers[0].result
        return Document(
            title: title,
            subtitle:
                "Control median \(NumberFormat.significant(r.design.controlMedian, 4)) \(presentation.unit), hazard ratio \(NumberFormat.significant(r.design.hazardRatio, 4)), \(r.design.rates.sides.label) alpha \(NumberFormat.significant(r.design.rates.alpha, 6))",
            sections: sections(answer, presentation), warnings: warnings(answer), appendix: appendix)
    }

    static func comparisonRows(_ answer: TwoArmSurvivalQuestion.Answer) -> [[String]] {
        answer.answers.map { a in
            let r = a.result
            return [
                r.method.label, String(r.events), String(r.patients), String(r.controlPatients), String(r.experimentalPatients),
                NumberFormat.fixed(r.attainedPower, 4),
            ]
        }
    }

    static func sections(_ answer: TwoArmSurvivalQuestion.Answer, _ presentation: TwoArmSurvivalPresentation) -> [DocumentSection] {
        guard let first = answer.answers.first?.result else { return [] }
        let design = first.design
        let rates = design.rates
        let unit = presentation.unit
        var inputs: [(String, String)] = [
            ("Control median", NumberFormat.significant(design.controlMedian, 6) + " " + unit + statementNote(answer.control, unit))
        ]
        if first.unknown != .detectableHazardRatio {
            inputs.append(
                (
                    "Experimental median",
                    NumberFormat.significant(design.experimentalMedian, 6) + " " + unit
                        + (answer.alternative.map { statementNote($0, unit) } ?? "")
                ))
            inputs.append(("Hazard ratio", NumberFormat.significant(design.hazardRatio, 6) + " (experimental / control)"))
        }
        inputs.append(("Alpha", NumberFormat.significant(rates.alpha, 6) + " " + rates.sides.label))
        if first.unknown == .power {
            inputs.append(("Patients", String(first.patients)))
        } else {
            inputs.append(("Power", NumberFormat.significant(rates.power, 6)))
            if first.unknown == .detectableHazardRatio { inputs.append(("Patients", String(first.patients))) }
        }
        inputs.append(("Allocation", NumberFormat.significant(design.allocation, 6) + " : 1 (experimental : control)"))
        inputs.append(contentsOf: followUpRows(design, unit))

        var sections = [DocumentSection("Inputs", rows: inputs)]
        sections.append(
            DocumentSection(
                "Method",
                rows: [
                    ("Test", "log-rank test under proportional hazards, " + rates.sides.label),
                    ("Sizing", answer.answers.map { $0.result.method.label }.joined(separator: "; ")),
                ], notes: methodNotes(answer.answers.map(\.result.method))))
        for methodAnswer in answer.answers {
            let r = methodAnswer.result
            var rows: [(String, String)] = []
            switch r.unknown {
            case .sampleSize:
                rows.append(("Events", "\(r.events) (\(NumberFormat.fixed(r.eventsUnrounded, 2)) before rounding up)"))
                rows.append(("Patients", "\(r.patients): \(r.controlPatients) control, \(r.experimentalPatients) experimental"))
                rows.append(
                    (
                        "Attained power",
                        NumberFormat.fixed(r.attainedPower, 4)
                            + (r.method.sizesEvents ? " at \(r.events) events" : " with \(r.patients) patients")
                    ))
            case .power:
                rows.append(("Power", NumberFormat.fixed(r.attainedPower, 4)))
                rows.append(("Expected events", NumberFormat.fixed(r.eventsUnrounded, 2)))
                rows.append(("Patients", "\(r.patients): \(r.controlPatients) control, \(r.experimentalPatients) experimental"))
            case .detectableHazardRatio:
                rows.append(
                    (
                        "Detectable hazard ratio",
                        NumberFormat.significant(r.design.hazardRatio, 4)
                            + " (experimental median " + NumberFormat.significant(r.design.experimentalMedian, 4) + " " + unit + ")"
                    ))
                rows.append(("Expected events", NumberFormat.fixed(r.eventsUnrounded, 2)))
                rows.append(("Power", NumberFormat.fixed(r.attainedPower, 4)))
            }
            rows.append(
                (
                    "Event probability",
                    "control " + NumberFormat.fixed(r.controlEventProbability, 4)
                        + ", experimental " + NumberFormat.fixed(r.experimentalEventProbability, 4)
                ))
            if let period = r.accrualPeriod, case .accrualRate = r.design.followUp {
                rows.append(("Accrual period", NumberFormat.significant(period, 4) + " " + unit))
            }
            let title = answer.comparesMethods ? "Answer: " + r.method.label : "Answer"
            sections.append(DocumentSection(title, rows: rows))
            if let simulation = methodAnswer.simulation {
                sections.append(
                    DocumentSection(
                        "Simulation" + (answer.comparesMethods ? ": " + r.method.label : ""),
                        rows: [
                            ("Trials", "\(simulation.trials) under H0 and under H1 (seed \(simulation.seed))"),
                            (
                                "Type I error",
                                NumberFormat.fixed(simulation.typeIError, 4) + " (SE "
                                    + NumberFormat.fixed(simulation.typeIErrorStandardError, 4) + ")"
                            ),
                            (
                                "Power",
                                NumberFormat.fixed(simulation.power, 4) + " (SE " + NumberFormat.fixed(simulation.powerStandardError, 4)
                                    + ")"
                            ),
                            ("Mean events under H1", NumberFormat.fixed(simulation.meanEvents, 1)),
                        ],
                        notes: [
                            "Each simulated trial is analysed by the log-rank test at calendar time A + F (all patients followed to the event when no accrual is given)."
                        ]))
            }
        }
        if let search = answer.search {
            sections.append(searchSection(search, target: rates.power))
        }
        sections.append(DocumentSection("Assumptions", notes: assumptions(design, unit)))
        return sections
    }

    static func searchSection(_ search: TwoArmSurvivalQuestion.Search, target: Double) -> DocumentSection {
        let f = search.found
        var rows: [(String, String)] = [
            (
                "Smallest n by simulation",
                "\(f.controlPatients + f.experimentalPatients): \(f.controlPatients) control, \(f.experimentalPatients) experimental"
            ),
            (
                "Simulated power",
                NumberFormat.fixed(f.power, 4) + " (SE " + NumberFormat.fixed(f.powerStandardError, 4) + "), target "
                    + NumberFormat.significant(target, 6)
            ),
            (
                "Simulated type I error",
                NumberFormat.fixed(f.typeIError, 4) + " (SE " + NumberFormat.fixed(f.typeIErrorStandardError, 4) + ")"
            ),
        ]
        if let b = search.below {
            rows.append(
                (
                    "Power with one patient fewer",
                    NumberFormat.fixed(b.power, 4) + " (\(b.controlPatients + b.experimentalPatients) patients)"
                ))
        }
        rows.append(("Trials per size", "\(f.trials) under H0 and under H1 (seed \(f.seed)), sizes searched up to \(search.limit)"))
        return DocumentSection(
            "Search by simulation", rows: rows,
            notes: [
                "The same seed at every size (common random numbers); the search gallops from the formula's n and then bisects. Each size splits its patients between the arms as the formula's answer does."
            ])
    }

    static func statementNote(_ statement: SurvivalQuestion.Statement, _ unit: String) -> String {
        switch statement {
        case .median: return ""
        case let .hazardRatio(h): return " (from hazard ratio " + NumberFormat.significant(h, 6) + ")"
        case let .landmark(s, t):
            return " (from " + NumberFormat.percent(s) + " event-free at " + NumberFormat.significant(t, 6) + " " + unit + ")"
        }
    }

    static func followUpRows(_ design: TwoArmSurvival, _ unit: String) -> [(String, String)] {
        var rows: [(String, String)] = []
        switch design.followUp {
        case .untilEvent: rows.append(("Follow-up", "every patient followed to the event"))
        case let .accrual(a, f):
            rows.append(("Accrual period", NumberFormat.significant(a, 6) + " " + unit + " (uniform)"))
            rows.append(("Follow-up", NumberFormat.significant(f, 6) + " " + unit + " after the last patient enters"))
        case let .accrualRate(rate, f):
            rows.append(("Accrual rate", NumberFormat.rate(rate, perUnit: unit, digits: 6) + " (uniform)"))
            rows.append(("Follow-up", NumberFormat.significant(f, 6) + " " + unit + " after the last patient enters"))
        case let .restricted(entry, maximum):
            switch entry {
            case let .period(a): rows.append(("Accrual period", NumberFormat.significant(a, 6) + " " + unit + " (uniform)"))
            case let .rate(rate): rows.append(("Accrual rate", NumberFormat.rate(rate, perUnit: unit, digits: 6) + " (uniform)"))
            }
            rows.append(("Follow-up", "each patient at most " + NumberFormat.significant(maximum, 6) + " " + unit))
        }
        switch design.loss {
        case .none: break
        case let .rate(eta):
            rows.append(("Loss rate", NumberFormat.significant(eta, 6) + " per " + singular(unit) + " (exponential, both arms)"))
        case let .dropout(q): rows.append(("Dropout", NumberFormat.percent(q) + " (patients inflated by 1/(1 - q))"))
        }
        return rows
    }

    static func singular(_ unit: String) -> String { NumberFormat.singular(unit) }

    static func methodNotes(_ methods: [TwoArmSurvivalMethod]) -> [String] {
        methods.map { method in
            switch method {
            case .schoenfeld:
                return "Schoenfeld: D = (z_alpha + z_beta)^2 (1 + r)^2 / (r (ln h)^2) events; patients N with N x P(event) = D."
            case .freedman:
                return "Freedman: D = (z_alpha + z_beta)^2 (1 + r h)^2 / (r (1 - h)^2) events; patients N with N x P(event) = D."
            case .lachinFoulkes:
                return
                    "Lachin & Foulkes: N from the log hazard ratio, its variance under H0 at the pooled hazard and under H1 at each arm's, through each arm's event probability."
            }
        }
    }

    static func assumptions(_ design: TwoArmSurvival, _ unit: String) -> [String] {
        var notes = [
            "Exponential survival in each arm, proportional hazards (hazard ratio h = control median / experimental median).",
            "Allocation r = \(NumberFormat.significant(design.allocation, 6)) experimental per control patient; each arm is rounded up to hold at least its share.",
            "Events are rounded up; patients are the fewest whose expected events reach them.",
        ]
        switch design.followUp {
        case .untilEvent:
            notes.append("No administrative censoring: every patient is followed until the event\(design.loss == .none ? "" : " or loss").")
        default:
            notes.append(
                "Uniform entry over the accrual period; analysis when the last patient has been followed for the follow-up time (Lachin & Foulkes 1986 event probability)."
            )
        }
        if design.rates.sides == .oneSided {
            notes.append(
                "One-sided test in the direction of the alternative (\(design.hazardRatio < 1 ? "longer" : "shorter") survival on the experimental arm)."
            )
        }
        return notes
    }

    static func warnings(_ answer: TwoArmSurvivalQuestion.Answer) -> [String] {
        var warnings: [String] = []
        let patients = answer.answers.map(\.result.patients)
        if answer.answers.first?.result.unknown == .sampleSize, let low = patients.min(), let high = patients.max(),
            Double(high) > 1.1 * Double(low)
        {
            warnings.append(
                "The methods disagree by more than 10% (\(low) to \(high) patients): Freedman's formula is conservative for hazard ratios far from 1."
            )
        }
        for a in answer.answers {
            if let s = a.simulation, a.result.unknown != .power, s.power + 3 * s.powerStandardError < a.result.design.rates.power {
                warnings.append(
                    "\(a.result.method.label): simulated power \(NumberFormat.fixed(s.power, 3)) is more than 3 standard errors below the target."
                )
            }
            if a.result.unknown == .sampleSize, a.result.attainedPower < a.result.design.rates.power - 1e-9 {
                warnings.append("\(a.result.method.label): the attained power is below the target.")
            }
        }
        return warnings
    }

    // MARK: JSON

    struct PerArm: Encodable {
        let control: Int
        let experimental: Int
    }

    struct ArmProbabilities: Encodable {
        let control: Double
        let experimental: Double
    }

    struct SimulationJSON: Encodable {
        let trials: Int
        let seed: UInt64
        let typeIError: Double
        let typeIErrorStandardError: Double
        let power: Double
        let powerStandardError: Double
        let meanEvents: Double
        let analyticPower: Double
    }

    struct SearchJSON: Encodable {
        let searchMax: Int
        let trials: Int
        let seed: UInt64
        let patients: Int
        let patientsPerArm: PerArm
        let power: Double
        let powerStandardError: Double
        let typeIError: Double
        let typeIErrorStandardError: Double
        let powerBelow: Double?

        init(_ search: TwoArmSurvivalQuestion.Search) {
            let f = search.found
            searchMax = search.limit
            trials = f.trials
            seed = f.seed
            patients = f.controlPatients + f.experimentalPatients
            patientsPerArm = PerArm(control: f.controlPatients, experimental: f.experimentalPatients)
            power = f.power
            powerStandardError = f.powerStandardError
            typeIError = f.typeIError
            typeIErrorStandardError = f.typeIErrorStandardError
            powerBelow = search.below?.power
        }
    }

    /// One method's JSON (docs/json/two-arm.md, `two-arm survival`): the error rates, the medians and
    /// hazard ratio (experimental / control), the allocation, events (required and rounded up, or
    /// expected and rounded down) and patients in total and per arm with their unrounded values, the
    /// attained power, each arm's probability of an observed event, the follow-up and loss model, the
    /// assumptions and warnings, and the simulation and search when run.
    public struct MethodJSON: Encodable {
        let method: String
        let test: String
        let solvedFor: String
        let alpha: Double
        let sides: Int
        let powerTarget: Double
        let unit: String
        let controlMedian: Double
        let experimentalMedian: Double
        let hazardRatio: Double
        let allocation: Double
        let events: Int
        let eventsUnrounded: Double
        let patients: Int
        let patientsPerArm: PerArm
        let patientsUnrounded: Double?
        let attainedPower: Double
        let eventProbability: ArmProbabilities
        let followUpModel: String
        let accrual: Double?
        let accrualRate: Double?
        let followUp: Double?
        let lossRate: Double?
        let dropout: Double?
        let assumptions: [String]
        let warnings: [String]
        let simulation: SimulationJSON?
        let search: SearchJSON?
    }

    /// `--method all`: every method's object (each without its own warnings), the `--search` result
    /// beside them, and the warnings of all.
    public struct Comparison: Encodable {
        let methods: [MethodJSON]
        let search: SearchJSON?
        let warnings: [String]
    }

    static func json(
        _ a: TwoArmSurvivalQuestion.MethodAnswer, _ presentation: TwoArmSurvivalPresentation, warnings: [String],
        search: TwoArmSurvivalQuestion.Search? = nil
    ) -> MethodJSON {
        let r = a.result
        let d = r.design
        var accrual: Double?, rate: Double?, followUp: Double?
        let model: String
        switch d.followUp {
        case .untilEvent: model = "until-event"
        case let .accrual(x, f): model = "accrual-period"; accrual = x; followUp = f
        case let .accrualRate(x, f): model = "accrual-rate"; rate = x; followUp = f; accrual = r.accrualPeriod
        case let .restricted(.period(x), f): model = "restricted-accrual"; accrual = x; followUp = f
        case let .restricted(.rate(x), f): model = "restricted-accrual-rate"; rate = x; followUp = f; accrual = r.accrualPeriod
        }
        var loss: Double?, dropout: Double?
        switch d.loss {
        case .none: break
        case let .rate(eta): loss = eta
        case let .dropout(q): dropout = q
        }
        return MethodJSON(
            method: r.method.rawValue, test: "log-rank", solvedFor: r.unknown.rawValue, alpha: d.rates.alpha, sides: d.rates.sides.rawValue,
            powerTarget: d.rates.power, unit: presentation.unit, controlMedian: d.controlMedian, experimentalMedian: d.experimentalMedian,
            hazardRatio: d.hazardRatio, allocation: d.allocation, events: r.events, eventsUnrounded: r.eventsUnrounded,
            patients: r.patients, patientsPerArm: PerArm(control: r.controlPatients, experimental: r.experimentalPatients),
            patientsUnrounded: r.patientsUnrounded, attainedPower: r.attainedPower,
            eventProbability: ArmProbabilities(control: r.controlEventProbability, experimental: r.experimentalEventProbability),
            followUpModel: model, accrual: accrual, accrualRate: rate, followUp: followUp, lossRate: loss, dropout: dropout,
            assumptions: assumptions(d, presentation.unit), warnings: warnings,
            simulation: a.simulation.map { s in
                SimulationJSON(
                    trials: s.trials, seed: s.seed, typeIError: s.typeIError, typeIErrorStandardError: s.typeIErrorStandardError,
                    power: s.power, powerStandardError: s.powerStandardError, meanEvents: s.meanEvents,
                    analyticPower: r.attainedPower)
            },
            search: search.map(SearchJSON.init))
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

    /// The JSON answer: one method's object, or ``Comparison`` with `--method all`.
    public static func body(_ answer: TwoArmSurvivalQuestion.Answer, _ presentation: TwoArmSurvivalPresentation) -> Body {
        let warnings = self.warnings(answer)
        if answer.comparesMethods {
            return .several(
                Comparison(
                    methods: answer.answers.map { json($0, presentation, warnings: []) },
                    search: answer.search.map(SearchJSON.init), warnings: warnings))
        }
        return .one(json(answer.answers[0], presentation, warnings: warnings, search: answer.search))
    }

    // MARK: justification

    /// The variables `two-arm-survival.mustache` reads (docs/templates.md).
    public static func justificationContext(
        _ answer: TwoArmSurvivalQuestion.Answer, _ presentation: TwoArmSurvivalPresentation,
        references: inout ReferenceList
    ) -> [String: Any] {
        let a = answer.answers[0]
        let r = a.result
        let d = r.design
        let unit = presentation.unit
        var context: [String: Any] = [
            "endpoint": presentation.endpoint, "unit": unit,
            "control_median": NumberFormat.significant(d.controlMedian, 4),
            "experimental_median": NumberFormat.significant(d.experimentalMedian, 4),
            "hazard_ratio": NumberFormat.fixed(d.hazardRatio, 3),
            "direction": d.hazardRatio < 1 ? "prolongs" : "shortens",
            "alpha": NumberFormat.significant(d.rates.alpha, 6), "sides": d.rates.sides.label,
            "power_percent": NumberFormat.percent(d.rates.power, 0),
            "allocation": d.allocation == 1 ? "1:1" : NumberFormat.significant(d.allocation, 4) + ":1, experimental to control",
            "method": r.method.label, "method_citation": references.cite(reference(r.method)),
            "events": String(r.events), "patients": String(r.patients),
            "control_patients": String(r.controlPatients), "experimental_patients": String(r.experimentalPatients),
            "attained_power": NumberFormat.fixed(r.attainedPower, 3),
            "expected_events": NumberFormat.fixed(r.eventsUnrounded, 1),
            "sample_size": r.unknown == .sampleSize, "power_mode": r.unknown == .power,
            "detectable": r.unknown == .detectableHazardRatio,
            "events_driven": r.method.sizesEvents,
            "follow_up": followUpSentence(d, r, unit),
            // Sections present only with --simulate, --method all, or a loss model.
            "simulation": false, "comparison": false, "loss": false, "search": false,
        ]
        switch d.loss {
        case .none: break
        case let .rate(eta):
            context["loss"] =
                "Patients are lost to follow-up at an exponential rate of \(NumberFormat.significant(eta, 4)) per \(singular(unit)) in both arms."
        case let .dropout(q): context["loss"] = "The number of patients allows for \(NumberFormat.percent(q, 0)) dropout."
        }
        if let s = a.simulation {
            context["simulation"] = [
                "trials": String(s.trials), "seed": String(s.seed),
                "sim_alpha": NumberFormat.fixed(s.typeIError, 3), "sim_alpha_se": NumberFormat.fixed(s.typeIErrorStandardError, 3),
                "sim_power": NumberFormat.fixed(s.power, 3), "sim_power_se": NumberFormat.fixed(s.powerStandardError, 3),
            ]
        }
        if let search = answer.search {
            let f = search.found
            context["search"] = [
                "search_patients": String(f.controlPatients + f.experimentalPatients),
                "search_control": String(f.controlPatients), "search_experimental": String(f.experimentalPatients),
                "search_power": NumberFormat.fixed(f.power, 3), "search_power_se": NumberFormat.fixed(f.powerStandardError, 3),
                "search_trials": String(f.trials), "search_seed": String(f.seed),
            ]
        }
        if answer.comparesMethods {
            context["comparison"] =
                "For comparison: "
                + answer.answers.dropFirst().map { m in
                    "\(m.result.method.label) \(references.cite(reference(m.result.method))) gives \(m.result.events) events and \(m.result.patients) patients"
                }.joined(separator: "; ") + "."
        }
        return context
    }

    static func followUpSentence(_ d: TwoArmSurvival, _ r: TwoArmSurvivalResult, _ unit: String) -> String {
        switch d.followUp {
        case .untilEvent: return "Every patient is assumed to be followed until the event."
        case let .accrual(a, f):
            return a == 0
                ? "All patients enter together and are followed for \(NumberFormat.significant(f, 4)) \(unit)."
                : "Patients are assumed to enter uniformly over \(NumberFormat.significant(a, 4)) \(unit) with \(NumberFormat.significant(f, 4)) \(unit) of follow-up after the last enters, so that \(NumberFormat.percent(r.controlEventProbability, 0)) of control and \(NumberFormat.percent(r.experimentalEventProbability, 0)) of experimental patients are expected to have an event."
        case let .accrualRate(rate, f):
            return
                "Patients are assumed to enter uniformly at \(NumberFormat.significant(rate, 4)) per \(singular(unit)) (about \(NumberFormat.significant(r.accrualPeriod ?? 0, 3)) \(unit) of accrual) with \(NumberFormat.significant(f, 4)) \(unit) of follow-up after the last enters."
        case let .restricted(_, maximum):
            return
                "Each patient is assumed to be followed for at most \(NumberFormat.significant(maximum, 4)) \(unit), the analysis being when the last patient has been followed that long."
        }
    }

    /// Power against total patients for each method, at the design's hazard ratio.
    public static func powerChart(_ answer: TwoArmSurvivalQuestion.Answer) throws -> Chart {
        let r = answer.answers[0].result
        let target = r.design.rates.power
        let high = max(10, 2 * (answer.answers.map(\.result.patients).max() ?? r.patients))
        let step = max(1, high / 120)
        let grid = Array(stride(from: 2, through: high, by: step))
        var series: [Series] = []
        var markers: [Marker] = []
        for a in answer.answers {
            let design = a.result.design
            let power = try grid.map { n throws(DesignError) in try design.power(patients: Double(n), method: a.result.method) }
            series.append(Series(name: a.result.method.label, kind: .line, x: grid.map(Double.init), y: power))
            markers.append(
                Marker(
                    x: Double(a.result.patients), y: a.result.attainedPower,
                    label: "\(a.result.method.label): \(a.result.patients) patients, power \(NumberFormat.fixed(a.result.attainedPower, 3))"
                ))
        }
        return Chart(
            title: "Power against patients",
            subtitle:
                "hazard ratio \(NumberFormat.significant(r.design.hazardRatio, 4)), allocation \(NumberFormat.significant(r.design.allocation, 4)):1, \(r.design.rates.sides.label) α = \(NumberFormat.significant(r.design.rates.alpha, 6))",
            x: Axis(title: "Patients (both arms)", unit: "n", integers: true),
            y: Axis(title: "Power", range: 0...1),
            series: series, markers: markers,
            referenceLines: [ReferenceLine(y: target, label: "target power \(NumberFormat.significant(target, 6))")])
    }
}

/// `two-arm survival`'s report through the shared ``DesignReporting`` protocol.
public struct TwoArmSurvivalReporting: DesignReporting {
    /// The answer: one result per method asked, with the simulation and search when run.
    public let answer: TwoArmSurvivalQuestion.Answer
    /// The time unit and endpoint the labels and the paragraph use.
    public let presentation: TwoArmSurvivalPresentation
    /// The shipped template, `Templates/two-arm-survival.mustache`.
    public static let templateName = "two-arm-survival"

    /// A report of `answer`, labelled as `presentation` says.
    public init(_ answer: TwoArmSurvivalQuestion.Answer, _ presentation: TwoArmSurvivalPresentation) {
        self.answer = answer
        self.presentation = presentation
    }

    /// The report; see ``TwoArmSurvivalReport/document(_:_:)``.
    public func document() throws -> Document { TwoArmSurvivalReport.document(answer, presentation) }
    /// The JSON answer; see ``TwoArmSurvivalReport/body(_:_:)``.
    public func jsonBody() throws -> TwoArmSurvivalReport.Body { TwoArmSurvivalReport.body(answer, presentation) }
    /// Yes: the JSON body has its own `warnings` key.
    public var bodyCarriesWarnings: Bool { true }
    /// The variables `two-arm-survival.mustache` reads; see
    /// ``TwoArmSurvivalReport/justificationContext(_:_:references:)``.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        TwoArmSurvivalReport.justificationContext(answer, presentation, references: &references)
    }
    /// One plot, `power`: the log-rank test's power against the total number of patients, by method.
    public func figures() throws -> [Figure] {
        [
            Figure(
                try TwoArmSurvivalReport.powerChart(answer), name: "power",
                caption: "Power of the log-rank test against the total number of patients, by method; the answer is marked.")
        ]
    }
}

extension TwoArmSurvivalReporting {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("events", "Events"), .init("patients", "Patients"),
            .init("patients_per_arm.control", "Control patients"), .init("patients_per_arm.experimental", "Experimental patients"),
        ]
            + (answer.answers.first?.result.unknown == .detectableHazardRatio
                ? [.init("hazard_ratio", "Detectable hazard ratio", .value)] : []) + [
                .init("attained_power", "Attained power", .probability),
                .init("simulation.power", "Simulated power", .probability),
            ]
    }
}
