import TrialDesign

/// The JSON form of survival answers (keys documented in docs/json/survival.md).
public enum SurvivalJSON {
    /// The `simulation` object (`--simulate`): trials per hypothesis, seed and trial size, the simulated
    /// type I error and power with their Monte Carlo SEs, and the analytic figures beside them.
    public struct Simulation: Encodable, Sendable {
        let trials: Int
        let seed: UInt64
        let patients: Int
        let typeIError: Double
        let typeIErrorStandardError: Double
        let power: Double
        let powerStandardError: Double
        let analyticTypeIError: Double
        let analyticPower: Double
    }

    /// The `search` object (`--simulate --search`): the smallest n in 2…`search_max` whose simulated
    /// power meets the target, its power (± SE) and type I error, and the power at n − 1.
    public struct Search: Encodable, Sendable {
        let searchMax: Int
        let trials: Int
        let seed: UInt64
        let patients: Int
        let power: Double
        let powerStandardError: Double
        let typeIError: Double
        let powerBelow: Double?
    }

    /// One method's answer (docs/json/survival.md, "One method"): the inputs as resolved (medians in
    /// `unit`, the hazard ratio alternative / control), events and patients (rounded up; `unrounded`
    /// beside them), the attained power and where it was evaluated, the follow-up model, the exact
    /// uncensored figures, the assumptions and warnings, and the simulation when run.
    public struct Method: Encodable, Sendable {
        let method: String
        let test: String
        let solvedFor: String
        let alpha: Double
        let sides: Int
        let powerTarget: Double
        let unit: String
        let controlMedian: Double
        let median: Double
        let hazardRatio: Double
        let shape: Double
        let events: Int
        let expectedEvents: Double
        let patients: Int
        let unrounded: Double?
        let attainedPower: Double
        let attainedPowerAt: String
        let powerAtPatients: Double
        let eventProbability: Double
        let followUpModel: String
        let accrual: Double?
        let followUp: Double?
        /// With restricted follow-up: τ, each patient followed at most τ (also `followUp`).
        let maxFollowUp: Double?
        let lossRate: Double?
        let dropout: Double?
        let exactUncensored: UncensoredCharacteristics.Result?
        let assumptions: [String]
        let warnings: [String]
        let simulation: Simulation?
        let search: Search?
        let justification: Justification?
    }

    /// `--method all`: every method's object in the order exact, log-hazard, cube-root, log-rank,
    /// lachin-foulkes, the smallest and largest patients, and a sentence when they differ by more than 10%.
    public struct Comparison: Encodable, Sendable {
        let methods: [Method]
        let patientsRange: [Int]
        let disagreement: String?
        let justification: Justification?
    }

    static func method(_ answer: SurvivalAnswer, _ presentation: SurvivalPresentation, justification: Justification?) -> Method {
        let r = answer.result
        let setting = r.design.setting
        let periods = setting.followUp.periods(patients: Double(r.patients))
        let dropout: Double? = if case let .dropout(q) = setting.loss { q } else { nil }
        let model: String =
            switch setting.followUp {
            case .untilEvent: "until-event"
            case .accrual: "accrual"
            case .accrualRate: "accrual-rate"
            case .restricted(.period, _): "restricted-accrual"
            case .restricted(.rate, _): "restricted-accrual-rate"
            }
        let analyticAlpha = r.exactCharacteristics?.typeIError ?? setting.rates.alpha
        let analyticPower = r.exactCharacteristics?.power ?? r.powerAtPatients
        return Method(
            method: r.method.rawValue, test: r.method.testDescription, solvedFor: r.unknown.rawValue,
            alpha: setting.rates.alpha, sides: setting.rates.sides.rawValue, powerTarget: setting.rates.power,
            unit: presentation.unit, controlMedian: setting.controlMedian, median: r.design.median,
            hazardRatio: r.design.hazardRatio, shape: setting.shape, events: r.events, expectedEvents: r.expectedEvents,
            patients: r.patients, unrounded: r.unrounded, attainedPower: r.attainedPower,
            attainedPowerAt: r.powerIsAtEvents ? "events" : "patients", powerAtPatients: r.powerAtPatients,
            eventProbability: r.eventProbability, followUpModel: model, accrual: periods?.accrual, followUp: periods?.followUp,
            maxFollowUp: setting.followUp.isRestricted ? periods?.followUp : nil,
            lossRate: setting.loss.rate > 0 ? setting.loss.rate : nil, dropout: dropout,
            exactUncensored: r.exactCharacteristics,
            assumptions: SurvivalNotes.assumptions(answer, unit: presentation.unit),
            warnings: SurvivalNotes.warnings(answer),
            simulation: answer.simulation.map {
                Simulation(
                    trials: $0.trials, seed: $0.seed, patients: $0.patients, typeIError: $0.typeIError,
                    typeIErrorStandardError: $0.typeIErrorStandardError, power: $0.power,
                    powerStandardError: $0.powerStandardError, analyticTypeIError: analyticAlpha, analyticPower: analyticPower)
            },
            search: answer.search.map {
                Search(
                    searchMax: answer.searchLimit ?? 0, trials: $0.found.trials, seed: $0.found.seed, patients: $0.found.patients,
                    power: $0.found.power, powerStandardError: $0.found.powerStandardError, typeIError: $0.found.typeIError,
                    powerBelow: $0.below?.power)
            },
            justification: justification)
    }

    /// Every method side by side (`--method all`).
    static func comparison(_ answers: [SurvivalAnswer], _ presentation: SurvivalPresentation, justification: Justification?) -> Comparison {
        let counts = answers.map(\.result.patients)
        return Comparison(
            methods: answers.map { method($0, presentation, justification: nil) },
            patientsRange: [counts.min() ?? 0, counts.max() ?? 0],
            disagreement: SurvivalNotes.disagreement(answers), justification: justification)
    }

    /// One object for one method; `{"methods": [...]}` for `--method all`.
    public static func encode(_ answers: [SurvivalAnswer], _ presentation: SurvivalPresentation, justification: Justification? = nil) throws
        -> String
    {
        try SurvivalReport(answers: answers, presentation: presentation).render(.json, justification: justification)
    }
}
