import Probability
import RealModule

/// A single-arm survival question as a planner states it, resolved into designs and answered.
///
/// The control may be given as a median or as survival at a landmark time; the alternative as a
/// median, a hazard ratio, or survival at the landmark (each converted under the Weibull
/// reference S₀(t) = exp(−ln 2 · (t/m₀)^k), with S₁ = S₀^h under proportional hazards). Which
/// unknown is solved for follows from what is given:
///
/// | given | solved for |
/// |---|---|
/// | an alternative, no `patients` | events and patients for the target power |
/// | an alternative and `patients` | the power at `patients` |
/// | `patients`, no alternative | the smallest detectable (longer) median at the target power |
///
/// Every answer can be checked by simulation (`simulate` trials under H₀ and H₁) and the
/// sample size searched by simulated power (`search`).
public struct SurvivalQuestion: Sendable, Equatable {
    // The effect.
    /// The historical control median m₀, in the chosen time unit; give it or `controlSurvival`, not both.
    public var controlMedian: Double?
    /// The control's probability of being event-free at the landmark `at`, in (0, 1): converted to m₀ under the Weibull reference.
    public var controlSurvival: Double?
    /// The median m₁ hoped for under the alternative, in the time unit; nil to give the effect otherwise or to solve for it.
    public var median: Double?
    /// The effect as h = λ₁/λ₀ (alternative / control hazard), finite, positive and not 1: below 1 means longer survival,
    /// and m₁ = m₀ · h^(−1/k).
    public var hazardRatio: Double?
    /// The probability of being event-free at the landmark `at` hoped for under the alternative, in (0, 1).
    public var survival: Double?
    /// The landmark time of `controlSurvival` and `survival`.
    public var at: Double?
    /// The Weibull shape k of the reference survival, in [0.05, 20]; 1 (the default) is exponential, which every method but log-rank needs.
    public var shape: Double = 1
    // The error rates.
    /// The nominal significance level, both tails together when `sides` is two-sided (default 0.05).
    public var alpha: Double = 0.05
    /// The target power; nil means 0.8, and with `patients` and no alternative, 0.8 too.
    public var power: Double?
    /// One-sided (the default: rejects for the direction of the alternative) or two-sided.
    public var sides: Sidedness = .oneSided
    // The trial.
    /// Patients enrolled, in 2...1,000,000: with an alternative the power is solved for, without one the detectable median;
    /// nil solves for the sample size.
    public var patients: Int?
    /// The uniform accrual period A, in the time unit; nil (with no `accrualRate`) means every patient enters at once.
    public var accrual: Double?
    /// The uniform accrual rate R, in patients per time unit, instead of `accrual`: the accrual period is then n / R.
    public var accrualRate: Double?
    /// The follow-up F after the last patient enters, the analysis at A + F; nil is 0 with accrual and, without accrual,
    /// every patient followed to the event.
    public var followUp: Double?
    /// The exponential loss-to-follow-up rate η, per time unit (a patient lost first is censored there); excludes `dropout`.
    public var lossRate: Double?
    /// The dropout fraction q in [0, 1): patients are inflated to n / (1 − q); excludes `lossRate`.
    public var dropout: Double?
    /// The methods to answer with, side by side when more than one.
    public var methods: [SurvivalMethod] = [.default]
    // The simulation check.
    /// Trials to simulate under H₀ and under H₁ with each method's own test, to check the answer; nil for no simulation.
    public var simulate: Int?
    /// The simulation's seed (default 1): the same seed gives the same answer on any number of threads.
    public var seed: UInt64 = 1
    /// Whether to search, by simulation, for the smallest n whose simulated power meets the target (needs `simulate`).
    public var search = false
    /// The upper end of the simulated search's range of patients (default 1,000, at most 10,000).
    public var searchMax: Int = SurvivalSimulation.defaultSearchPatients
    /// Threads for the simulations; nil runs on all cores. The answer does not depend on it.
    public var threads: Int?
    /// A two-stage design with an interim futility analysis, reported by this criterion
    /// (``answerTwoStage()``); nil for the single-stage question.
    public var twoStage: TwoStageCriterion?
    /// Restricted follow-up: each patient followed at most this long, the analysis when the last
    /// patient has been followed this long (instead of `followUp`; needs `accrual` or `accrualRate`).
    public var maxFollowUp: Double?

    /// An empty question: set the control, the alternative or `patients`, and the trial's inputs, then call ``answer()``.
    public init() {}

    /// How the user stated a survival assumption, so a report can echo it in the same terms.
    public enum Statement: Sendable, Equatable {
        /// As a median (the default).
        case median
        /// As a hazard ratio against the control.
        case hazardRatio(Double)
        /// As the probability of being event-free at the landmark time.
        case landmark(survival: Double, at: Double)
    }

    /// The question answered: one ``SurvivalAnswer`` per method, and how the inputs were stated.
    public struct Answer: Sendable {
        /// The resolved assumptions every method shares: control median, shape, error rates, follow-up and loss.
        public let setting: SurvivalSetting
        /// One answer per method asked for, in the order given.
        public let answers: [SurvivalAnswer]
        /// How the control was stated (`.median` or `.landmark`).
        public let control: Statement
        /// How the alternative was stated; nil when the detectable median was solved for.
        public let alternative: Statement?
        /// Whether more than one method is compared.
        public var comparesMethods: Bool { answers.count > 1 }
    }

    /// Resolves the question and answers it with every method asked for.
    ///
    /// - Throws: ``DesignError`` naming the parameter at fault: conflicting or missing inputs,
    ///   values out of range, a question beyond a documented cap.
    public func answer() throws(DesignError) -> Answer {
        try designErrors {
            let rates = try ErrorRates(alpha: alpha, power: power ?? 0.8, sides: sides)
            let (control, controlStatement) = try resolveControl()
            let setting = try SurvivalSetting(
                controlMedian: control, shape: shape, rates: rates,
                followUp: try resolveFollowUp(), loss: try resolveLoss())
            let alternative = try resolveAlternative(controlMedian: control)
            try checkSimulation()
            if !setting.isExponential, methods.count > 1 {
                throw DesignError(
                    parameter: "shape", requirement: "1 with every method compared (only log-rank allows a Weibull reference)", value: shape
                )
            }
            var answers: [SurvivalAnswer] = []
            for method in methods {
                let result: SurvivalResult
                switch (patients, alternative) {
                case let (nil, (median, _)?):
                    result = try SurvivalSolver.sampleSize(design(setting, median), method: method)
                case let (n?, (median, _)?):
                    if power != nil {
                        throw DesignError(
                            parameter: "power",
                            requirement:
                                "cannot be combined with both `patients` and an alternative (drop `power` to find the power, or the alternative to find the detectable median)",
                            value: "")
                    }
                    result = try SurvivalSolver.power(design(setting, median), patients: n, method: method)
                case let (n?, nil):
                    result = try SurvivalSolver.detectableMedian(setting, patients: n, longer: true, method: method)
                case (nil, nil):
                    throw DesignError(
                        parameter: "median",
                        requirement:
                            "is required (or `hazard-ratio`, or `survival` with `at`; or give `patients` to find the detectable median)",
                        value: "")
                }
                answers.append(try simulateIfAsked(result))
            }
            return Answer(setting: setting, answers: answers, control: controlStatement, alternative: alternative?.statement)
        }
    }

    /// The resolved design with an alternative (for the two-stage search): the same control,
    /// alternative, follow-up and loss resolution as ``answer()``.
    func resolved() throws -> (design: SingleArmSurvival, control: Statement, alternative: Statement) {
        let rates = try ErrorRates(alpha: alpha, power: power ?? 0.8, sides: sides)
        let (control, controlStatement) = try resolveControl()
        let setting = try SurvivalSetting(
            controlMedian: control, shape: shape, rates: rates,
            followUp: try resolveFollowUp(), loss: try resolveLoss())
        guard let alternative = try resolveAlternative(controlMedian: control) else {
            throw DesignError(parameter: "median", requirement: "is required (or `hazard-ratio`, or `survival` with `at`)", value: "")
        }
        return (try design(setting, alternative.median), controlStatement, alternative.statement)
    }

    /// The design, with a refusal of the median reported against the parameter the user gave.
    private func design(_ setting: SurvivalSetting, _ median: Double) throws -> SingleArmSurvival {
        do {
            return try SingleArmSurvival(setting: setting, median: median)
        } catch {
            let factor = Int(SingleArmSurvival.maximumMedianRatio)
            if let ratio = hazardRatio {
                throw DesignError(
                    parameter: "hazard-ratio",
                    requirement:
                        "such that the median stays within a factor \(factor) of `control-median` (with `shape` 1: in [0.001, 1000]), not 1",
                    value: ratio)
            }
            if let probability = survival {
                throw DesignError(
                    parameter: "survival",
                    requirement:
                        "such that the median stays within a factor \(factor) of `control-median`, and differs from `control-survival`",
                    value: probability)
            }
            throw error
        }
    }

    func resolveControl() throws(DesignError) -> (Double, Statement) {
        switch (controlMedian, controlSurvival) {
        case (_?, _?):
            throw DesignError(parameter: "control-survival", requirement: "cannot be combined with `control-median` (give one)", value: "")
        case let (median?, nil):
            return (median, .median)
        case let (nil, probability?):
            let time = try landmark(for: "control-survival")
            try Validate.probability(probability, "control-survival")
            return (medianFromLandmark(probability, time), .landmark(survival: probability, at: time))
        case (nil, nil):
            throw DesignError(parameter: "control-median", requirement: "is required (or `control-survival` with `at`)", value: "")
        }
    }

    func resolveAlternative(controlMedian: Double) throws(DesignError) -> (median: Double, statement: Statement)? {
        let given = [median != nil, hazardRatio != nil, survival != nil].filter { $0 }.count
        if given > 1 {
            throw DesignError(
                parameter: hazardRatio != nil ? "hazard-ratio" : "survival",
                requirement: "conflicts with another effect (give one of `median`, `hazard-ratio`, `survival`)", value: "")
        }
        if at != nil, controlSurvival == nil, survival == nil {
            throw DesignError(parameter: "at", requirement: "needs `control-survival` or `survival`", value: "")
        }
        if let median { return (median, .median) }
        if let ratio = hazardRatio {
            guard ratio.isFinite, ratio > 0, abs(ratio - 1) > 1e-9 else {
                throw DesignError(parameter: "hazard-ratio", requirement: "a finite number > 0 other than 1", value: ratio)
            }
            guard shape.isFinite, shape > 0 else { return (.nan, .hazardRatio(ratio)) }
            return (controlMedian * Double.pow(ratio, -1 / shape), .hazardRatio(ratio))
        }
        if let probability = survival {
            let time = try landmark(for: "survival")
            try Validate.probability(probability, "survival")
            return (medianFromLandmark(probability, time), .landmark(survival: probability, at: time))
        }
        return nil
    }

    private func landmark(for parameter: String) throws(DesignError) -> Double {
        guard let at else { throw DesignError(parameter: parameter, requirement: "needs `at` (the landmark time)", value: "") }
        try Validate.positive(at, "at")
        guard SurvivalSetting.controlMedianRange.contains(at) else {
            throw DesignError(parameter: "at", requirement: "in [1e-300, 1e300] (in any time unit)", value: at)
        }
        return at
    }

    /// S(t) = exp(−ln 2 · (t/m)^k) solved for m: m = t · (ln 2 / −ln S)^(1/k).
    private func medianFromLandmark(_ probability: Double, _ time: Double) -> Double {
        let k = shape.isFinite && shape > 0 ? shape : 1
        return time * Double.pow(Double.log(2) / -Double.log(probability), 1 / k)
    }

    func resolveFollowUp() throws(DesignError) -> FollowUp {
        // How patients enter: over a period, at a rate, or (neither) all at once.
        let entry: FollowUp.Entry?
        switch (accrual, accrualRate) {
        case (_?, _?):
            throw DesignError(parameter: "accrual-rate", requirement: "cannot be combined with `accrual` (give one)", value: "")
        case let (a?, nil):
            try Validate.positive(a, "accrual")
            entry = .period(a)
        case let (nil, r?): entry = .rate(r)
        case (nil, nil): entry = nil
        }
        if let maximum = maxFollowUp {
            try Self.parameters["max-follow-up"]!.validate(maximum)
            if followUp != nil {
                throw DesignError(
                    parameter: "max-follow-up",
                    requirement:
                        "cannot be combined with `follow-up` (with restricted follow-up the analysis is when the last patient has been followed `max-follow-up`)",
                    value: "")
            }
            guard let entry else {
                throw DesignError(
                    parameter: "max-follow-up",
                    requirement:
                        "needs `accrual` or `accrual-rate` (without staggered entry every patient is followed the same time: give `follow-up` instead)",
                    value: "")
            }
            return .restricted(entry, maximum: maximum)
        }
        switch entry {
        case let .period(a)?: return .accrual(duration: a, followUp: followUp ?? 0)
        case let .rate(r)?: return .accrualRate(r, followUp: followUp ?? 0)
        case nil:
            guard let followUp else { return .untilEvent }
            // Everyone enters at once and is followed for F.
            try Validate.positive(followUp, "follow-up")
            return .accrual(duration: 0, followUp: followUp)
        }
    }

    func resolveLoss() throws(DesignError) -> Loss {
        switch (lossRate, dropout) {
        case (_?, _?): throw DesignError(parameter: "dropout", requirement: "cannot be combined with `loss-rate` (give one)", value: "")
        case let (eta?, nil): return .rate(eta)
        case let (nil, q?): return q == 0 ? .none : .dropout(q)
        case (nil, nil): return .none
        }
    }

    private func checkSimulation() throws(DesignError) {
        if search, simulate == nil {
            throw DesignError(parameter: "search", requirement: "needs `simulate`", value: "")
        }
        if let simulate { try Validate.count(simulate, "simulate", in: 1...SurvivalSimulation.maximumTrials) }
        if search, let simulate { try SurvivalSimulation.checkSearch(trials: simulate, upTo: searchMax) }
        if let threads { try CommonParameters.threads.validate(threads) }
    }

    private func simulateIfAsked(_ result: SurvivalResult) throws -> SurvivalAnswer {
        guard let trials = simulate else { return SurvivalAnswer(result: result) }
        let threads = threads ?? MonteCarlo.defaultThreads
        let simulation = try SurvivalSimulation.run(
            result.design, method: result.method, patients: result.patients,
            trials: trials, seed: seed, threads: threads)
        let found =
            search
            ? try SurvivalSimulation.search(
                result.design, method: result.method, trials: trials, seed: seed,
                upTo: searchMax, start: result.patients, threads: threads) : nil
        return SurvivalAnswer(result: result, simulation: simulation, search: found, searchLimit: search ? searchMax : nil)
    }
}

/// One method's answer with what was learned around it: the simulation, if run, and the
/// simulated search, if asked.
public struct SurvivalAnswer: Sendable {
    /// The method's analytic answer.
    public let result: SurvivalResult
    /// The simulated type I error and power at `result.patients`; nil unless a simulation was asked for.
    public let simulation: SurvivalSimulation.Result?
    /// The smallest n whose simulated power met the target, and the run at n − 1.
    public let search: (found: SurvivalSimulation.Result, below: SurvivalSimulation.Result?)?
    /// The upper end of the search range used.
    public let searchLimit: Int?

    /// An answer with, optionally, its simulation and simulated search (`searchLimit` being the search's upper end).
    public init(
        result: SurvivalResult, simulation: SurvivalSimulation.Result? = nil,
        search: (found: SurvivalSimulation.Result, below: SurvivalSimulation.Result?)? = nil, searchLimit: Int? = nil
    ) {
        self.result = result
        self.simulation = simulation
        self.search = search
        self.searchLimit = searchLimit
    }
}

extension SurvivalQuestion.Answer: DesignResult {
    /// The nominal α (not an attained one: each result's exact or simulated figures tell) and the first method's attained power.
    public var attainedErrorRates: AttainedErrorRates? {
        answers.first.map { AttainedErrorRates(alpha: setting.rates.alpha, power: $0.result.attainedPower) }
    }
    /// Whether every method solved for a sample size reaches the target power (always true for the power or a detectable median).
    public var meetsTarget: Bool {
        answers.allSatisfy { $0.result.unknown != .sampleSize || $0.result.attainedPower >= setting.rates.power - 1e-12 }
    }
}
