import Probability

/// A randomized two-arm survival question as a planner states it, resolved and answered.
///
/// The effect is stated as in the single-arm ``SurvivalQuestion`` (whose conversions it reuses):
/// the control as a median or as survival at a landmark; the experimental arm as a median, a
/// hazard ratio, or survival at the landmark, all under the exponential model
/// (S(t) = exp(−ln 2 · t/m)). Which unknown is solved for follows from what is given:
///
/// | given | solved for |
/// |---|---|
/// | an effect, no `patients` | events and patients for the target power |
/// | an effect and `patients` | the power with `patients` |
/// | `patients`, no effect | the smallest detectable hazard ratio (below 1) at the target power |
public struct TwoArmSurvivalQuestion: Sendable, Equatable {
    /// The control arm's median (or give `controlSurvival` at `at`).
    public var controlMedian: Double?
    /// The control arm's survival probability at the landmark `at`.
    public var controlSurvival: Double?
    /// The experimental arm's median hoped for.
    public var median: Double?
    /// The effect as a hazard ratio, experimental / control.
    public var hazardRatio: Double?
    /// The experimental arm's survival probability at the landmark `at`.
    public var survival: Double?
    /// The landmark time of `controlSurvival` and `survival`.
    public var at: Double?
    /// The significance level (both tails summed when two-sided).
    public var alpha: Double = 0.05
    /// The target power; nil means 0.8.
    public var power: Double?
    /// One-sided (in the direction of the effect) or two-sided.
    public var sides: Sidedness = .oneSided
    /// Experimental patients per control patient.
    public var allocation: Double = 1
    /// Total patients: asks for the power, or with no effect the detectable hazard ratio.
    public var patients: Int?
    /// The uniform accrual period (or give `accrualRate`).
    public var accrual: Double?
    /// The uniform accrual rate, patients per time unit.
    public var accrualRate: Double?
    /// Follow-up after the last patient enters.
    public var followUp: Double?
    /// The exponential loss-to-follow-up rate, both arms.
    public var lossRate: Double?
    /// The fraction of patients contributing nothing (inflation 1/(1 − q)).
    public var dropout: Double?
    /// The methods to answer with, side by side when more than one.
    public var methods: [TwoArmSurvivalMethod] = [.default]
    /// Simulated trials under H₀ and H₁ (the log-rank check), when asked.
    public var simulate: Int?
    /// The simulation's seed.
    public var seed: UInt64 = 1
    /// With `simulate`: search the smallest total n whose simulated power meets the target.
    public var search = false
    /// The upper end of the search range (total patients); nil means twice the first method's n.
    public var searchMax: Int?
    /// Threads for the simulation (the answer does not depend on them).
    public var threads: Int?

    /// An empty question: set the inputs as typed.
    public init() {}

    /// One method's answer and, when asked, its simulation.
    public struct MethodAnswer: Sendable {
        /// The method's answer.
        public let result: TwoArmSurvivalResult
        /// The simulation, when asked.
        public let simulation: TwoArmSurvivalSimulation.Result?
    }

    /// The sample size by simulated power (`search`): the same for every method, since each
    /// simulated trial is analysed by the log-rank test whatever formula sized it.
    public struct Search: Sendable {
        /// The smallest total n whose simulated power met the target.
        public let found: TwoArmSurvivalSimulation.Result
        /// The run at n − 1 (nil when n is the smallest allowed).
        public let below: TwoArmSurvivalSimulation.Result?
        /// The upper end of the range searched.
        public let limit: Int
    }

    /// The answers, one per method, with how the effect was stated.
    public struct Answer: Sendable {
        /// One answer per method, in the order asked.
        public let answers: [MethodAnswer]
        /// The simulated search, when asked.
        public let search: Search?
        /// How the control was stated.
        public let control: SurvivalQuestion.Statement
        /// nil when the detectable hazard ratio was solved for.
        public let alternative: SurvivalQuestion.Statement?
        /// Whether more than one method is compared.
        public var comparesMethods: Bool { answers.count > 1 }
    }

    /// The inputs the single-arm question resolves the same way.
    private var singleArm: SurvivalQuestion {
        var question = SurvivalQuestion()
        question.controlMedian = controlMedian
        question.controlSurvival = controlSurvival
        question.median = median
        question.hazardRatio = hazardRatio
        question.survival = survival
        question.at = at
        question.accrual = accrual
        question.accrualRate = accrualRate
        question.followUp = followUp
        question.lossRate = lossRate
        question.dropout = dropout
        return question
    }

    /// - Throws: ``DesignError`` naming the parameter at fault.
    public func answer() throws(DesignError) -> Answer {
        let rates = try ErrorRates(alpha: alpha, power: power ?? 0.8, sides: sides)
        let inputs = singleArm
        let (control, controlStatement) = try inputs.resolveControl()
        let alternative = try inputs.resolveAlternative(controlMedian: control)
        let followUp = try inputs.resolveFollowUp()
        let loss = try inputs.resolveLoss()
        try TwoArmParameters.allocation.validate(allocation)
        if let simulate { try TwoArmSurvivalSimulation.check(trials: simulate, patients: nil) }
        if search, simulate == nil { throw DesignError(parameter: "search", requirement: "needs `simulate`", value: "") }
        if let threads { try CommonParameters.threads.validate(threads) }
        // The formulas first (microseconds), so every simulation is checked before any runs.
        var results: [TwoArmSurvivalResult] = []
        for method in methods {
            switch (patients, alternative) {
            case let (nil, (median, _)?):
                results.append(try TwoArmSurvivalSolver.sampleSize(try design(control, median, rates, followUp, loss), method: method))
            case let (n?, (median, _)?):
                if power != nil {
                    throw DesignError(
                        parameter: "power",
                        requirement:
                            "cannot be combined with both `patients` and an effect (drop `power` to find the power, or the effect to find the detectable hazard ratio)",
                        value: "")
                }
                results.append(
                    try TwoArmSurvivalSolver.power(try design(control, median, rates, followUp, loss), patients: n, method: method))
            case let (n?, nil):
                // Any hazard ratio below 1 stands in for the one being solved for.
                let placeholder = try TwoArmSurvival(
                    controlMedian: control, hazardRatio: 0.5, allocation: allocation, rates: rates,
                    followUp: followUp, loss: loss)
                results.append(try TwoArmSurvivalSolver.detectableHazardRatio(placeholder, patients: n, method: method))
            case (nil, nil):
                throw DesignError(
                    parameter: "median",
                    requirement:
                        "is required (or `hazard-ratio`, or `survival` with `at`; or give `patients` to find the detectable hazard ratio)",
                    value: "")
            }
        }
        let threadCount = threads ?? MonteCarlo.defaultThreads
        var limit: Int?
        if search, let trials = simulate, let first = results.first {
            let chosen = searchMax ?? Self.defaultSearchMax(formula: first.patients)
            try TwoArmSurvivalSimulation.checkSearch(trials: trials, upTo: chosen)
            limit = chosen
        }
        if let trials = simulate {
            for r in results { try TwoArmSurvivalSimulation.check(trials: trials, patients: r.patients) }
        }
        var answers: [MethodAnswer] = []
        for r in results {
            var simulation: TwoArmSurvivalSimulation.Result?
            if let trials = simulate {
                simulation = try TwoArmSurvivalSimulation.run(
                    r.design, control: r.controlPatients, experimental: r.experimentalPatients,
                    trials: trials, seed: seed, threads: threadCount)
            }
            answers.append(MethodAnswer(result: r, simulation: simulation))
        }
        var found: Search?
        if let limit, let trials = simulate, let first = results.first {
            let run = try TwoArmSurvivalSimulation.search(
                first.design, trials: trials, seed: seed, upTo: limit, start: first.patients,
                threads: threadCount)
            found = Search(found: run.found, below: run.below, limit: limit)
        }
        return Answer(answers: answers, search: found, control: controlStatement, alternative: alternative?.statement)
    }

    /// The default upper end of the search: twice the formula's n (at least 20), within
    /// ``TwoArmSurvivalSimulation/maximumSearchPatients``.
    public static func defaultSearchMax(formula patients: Int) -> Int {
        min(max(2 * patients, 20), TwoArmSurvivalSimulation.maximumSearchPatients)
    }

    /// The design, with a refusal of the effect reported against the parameter the user gave.
    private func design(
        _ control: Double, _ median: Double, _ rates: ErrorRates, _ followUp: FollowUp,
        _ loss: Loss
    ) throws(DesignError) -> TwoArmSurvival {
        try Validate.positive(median, "median")
        let ratio = control / median
        let key = hazardRatio != nil ? "hazard-ratio" : survival != nil ? "survival" : "median"
        guard TwoArmSurvival.hazardRatioRange.contains(ratio), abs(ratio - 1) > 1e-9 else {
            let given = hazardRatio ?? survival ?? median
            let what =
                key == "hazard-ratio"
                ? "in [0.001, 1000] and not 1"
                : key == "survival"
                    ? "different from `control-survival` and within a factor 1000 of it on the hazard scale"
                    : "different from `control-median` and within a factor 1000 of it"
            throw DesignError(parameter: key, requirement: what, value: given)
        }
        return try TwoArmSurvival(
            controlMedian: control, hazardRatio: ratio, allocation: allocation, rates: rates,
            followUp: followUp, loss: loss)
    }
}

extension TwoArmSurvivalQuestion.Answer: DesignResult {
    /// For the first method's answer: the nominal α (the methods are normal approximations) and the power
    /// it attains; nil when there is no answer.
    public var attainedErrorRates: AttainedErrorRates? {
        answers.first.map { AttainedErrorRates(alpha: $0.result.design.rates.alpha, power: $0.result.attainedPower) }
    }
    /// Whether every sample-size answer reaches the target power (to within 1e-12); power and
    /// detectable-hazard-ratio answers have no target.
    public var meetsTarget: Bool {
        answers.allSatisfy { $0.result.unknown != .sampleSize || $0.result.attainedPower >= $0.result.design.rates.power - 1e-12 }
    }
}
