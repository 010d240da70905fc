import Probability

// Every design of trialsize conforms to ``Design``: these extensions name, for each, its forward
// function's point, its unknown and its answer. The statistics live in the designs' own files.

/// Runs `body`, turning any failure into a ``DesignError``: a ``DesignError`` passes through, a
/// `ProbabilityError` becomes a numerical failure, anything else a numerical failure naming it.
@usableFromInline
func designErrors<T>(_ body: () throws -> T) throws(DesignError) -> T {
    do {
        return try body()
    } catch {
        throw DesignError.wrapping(error)
    }
}

extension DesignError {
    /// `error` as a ``DesignError`` (see ``designErrors(_:)``), for an initializer that delegates to
    /// one that throws anything.
    @usableFromInline
    static func wrapping(_ error: any Error) -> DesignError {
        switch error {
        case let error as DesignError: error
        case let error as ProbabilityError: DesignError(error)
        default: DesignError(numericalFailure: String(describing: error))
        }
    }

    /// A numerical failure described in words.
    public init(numericalFailure detail: String) {
        self.init(ProbabilityError.nonFinite(function: "design", detail: detail))
    }
}

// MARK: binomial

extension ExactSingleStage: Design {
    /// `single-stage`'s parameters.
    public static var parameters: ParameterCatalog { BinomialParameters.singleStage }

    /// The rule and attained error rates at n patients.
    public func characteristics(at n: Int) throws(DesignError) -> Characteristics {
        try characteristics(n: n)
    }

    /// The first and stable n meeting both error rates.
    public func solve(for unknown: SingleUnknown = .answer) throws(DesignError) -> Answer {
        try designErrors { try solve() }
    }
}

extension ExactSingleStage.Answer: DesignResult {
    /// The stable n's attained alpha, P(X ≥ r | p0) (the upper tail alone, also with `--sides 2`), and power P(X ≥ r | p1).
    public var attainedErrorRates: AttainedErrorRates? {
        AttainedErrorRates(alpha: stable.attainedAlpha, power: stable.attainedPower)
    }
    /// A warning when the first n meeting the power and the stable n differ: a smaller final n may fall short.
    public var warnings: [String] {
        first.n == stable.n
            ? []
            : ["Some n between \(first.n) and \(stable.n) fall short of the power; plan for \(stable.n) if the final n may drift."]
    }
}

extension SimonTwoStage: Design {
    /// `simon`'s parameters.
    public static var parameters: ParameterCatalog { BinomialParameters.simon }

    /// A given two-stage design's rejection probabilities, early stopping and expected sizes under p0 and p1.
    public func characteristics(at design: SimonDesign) throws(DesignError) -> SimonCharacteristics {
        try design.characteristics(p0: p0, p1: p1)
    }

    /// The optimal, minimax and admissible designs, by exhaustive search.
    public func solve(for unknown: SingleUnknown = .answer) throws(DesignError) -> Answer {
        try designErrors { try search() }
    }
}

extension SimonTwoStage.Answer: DesignResult {
    /// The optimal design's exact attained alpha and power (the minimax design's are in ``SimonTwoStage/Answer/minimax``).
    public var attainedErrorRates: AttainedErrorRates? {
        AttainedErrorRates(alpha: optimal.attainedAlpha, power: optimal.attainedPower)
    }
    /// A warning when `nmax` cut the search short, so the optimal and admissible designs are the best found, not proven.
    public var warnings: [String] {
        complete
            ? []
            : [
                "The search stopped at n = \(searchedUpTo) before covering every design as good as the minimax one: the optimal and admissible designs are the best found, not proven."
            ]
    }
}

extension IntervalWidthSize: Design {
    /// `ci`'s parameters (`--width` and `--expected` ask for this design).
    public static var parameters: ParameterCatalog { BinomialParameters.ci }

    /// The interval at n patients with the expected count.
    public func characteristics(at n: Int) throws(DesignError) -> ProportionInterval {
        try designErrors { try interval(at: n) }
    }

    /// The first and stable n whose interval is no wider than asked.
    public func solve(for unknown: SingleUnknown = .answer) throws(DesignError) -> Answer {
        try designErrors { try solve() }
    }
}

extension IntervalWidthSize.Answer: DesignResult {
    /// A warning when the first n reaching the width and the stable n differ: some n in between give a wider interval.
    public var warnings: [String] {
        first.trials == stable.trials
            ? []
            : [
                "Some n between \(first.trials) and \(stable.trials) give a wider interval; plan for \(stable.trials) if the final n may drift."
            ]
    }
}

/// An observed proportion's confidence intervals by one or more methods (`trialsize ci X N`).
public struct ProportionEstimate: Design {
    /// The responses x out of n patients the intervals are for.
    public let observed: ObservedProportion
    /// The confidence level and whether the interval is two-sided or a pair of one-sided bounds.
    public let level: ConfidenceLevel
    /// The interval methods asked for, in the order the answer lists them; never empty.
    public let methods: [IntervalMethod]

    /// `ci`'s parameters.
    public static var parameters: ParameterCatalog { BinomialParameters.ci }

    /// - Throws: ``DesignError`` (parameter `method`) when `methods` is empty.
    public init(observed: ObservedProportion, level: ConfidenceLevel, methods: [IntervalMethod] = [.clopperPearson]) throws(DesignError) {
        guard !methods.isEmpty else { throw BinomialParameters.intervalMethod.invalid("at least one method") }
        self.observed = observed
        self.level = level
        self.methods = methods
    }

    /// The interval by `method`.
    public func characteristics(at method: IntervalMethod) throws(DesignError) -> ProportionInterval {
        try designErrors { try method.interval(observed, level) }
    }

    /// The interval by every method asked for, in order.
    public func solve(for unknown: SingleUnknown = .answer) throws(DesignError) -> Intervals {
        var intervals: [ProportionInterval] = []
        for method in methods { intervals.append(try characteristics(at: method)) }
        return Intervals(intervals: intervals)
    }

    /// The intervals of a ``ProportionEstimate``.
    public struct Intervals: DesignResult {
        /// One interval per method, in the order the methods were asked for.
        public let intervals: [ProportionInterval]
    }
}

// MARK: survival

extension SurvivalQuestion: Design {
    /// The power of each method asked for, at `patients` patients (the alternative as given).
    public func characteristics(at patients: Int) throws(DesignError) -> [SurvivalResult] {
        var question = self
        question.patients = patients
        question.power = nil
        question.simulate = nil
        question.search = false
        return try designErrors { try question.answer().answers.map(\.result) }
    }

    /// The answer for `unknown`: the sample size (patients ignored), the power at `patients`,
    /// or the detectable median at `patients` (the alternative ignored).
    public func solve(for unknown: SurvivalResult.Unknown) throws(DesignError) -> Answer {
        var question = self
        switch unknown {
        case .sampleSize:
            question.patients = nil
        case .power:
            guard patients != nil else { throw DesignError(parameter: "patients", requirement: "is required to find the power", value: "") }
            question.power = nil
        case .detectableMedian:
            guard patients != nil else {
                throw DesignError(parameter: "patients", requirement: "is required to find the detectable median", value: "")
            }
            question.median = nil
            question.hazardRatio = nil
            question.survival = nil
        }
        return try designErrors { try question.answer() }
    }

    /// The unknown the inputs ask for: the sample size without `patients`, the power with
    /// `patients` and an alternative, the detectable median with `patients` alone.
    public var naturalUnknown: SurvivalResult.Unknown {
        guard patients != nil else { return .sampleSize }
        return median != nil || hazardRatio != nil || survival != nil ? .power : .detectableMedian
    }
}

// MARK: CRM

extension CRMSimulationDesign: Design {
    /// `crm simulate`'s parameters.
    public static var parameters: ParameterCatalog { CRMParameters.simulate }

    /// The operating characteristics under the design's true curve, simulated with the given
    /// trials and seed (`Point`), identical on any number of threads.
    public func characteristics(at run: SimulationRun) throws(DesignError) -> CRMOperatingCharacteristics {
        try designErrors { try simulate(trials: run.trials, seed: run.seed, threads: run.threads ?? MonteCarlo.defaultThreads) }
    }

    /// The operating characteristics of a default run (10,000 trials, seed 1).
    public func solve(for unknown: SingleUnknown = .answer) throws(DesignError) -> CRMOperatingCharacteristics {
        try characteristics(at: SimulationRun(trials: 10_000, seed: 1))
    }
}

extension CRMOperatingCharacteristics: DesignResult {}

extension CRMCalibration: Design {
    /// `crm calibrate`'s parameters.
    public static var parameters: ParameterCatalog { CRMParameters.calibrate }

    /// Correct selection of every half-width and prior variance over the plateau scenarios.
    public func characteristics(at run: SimulationRun) throws(DesignError) -> Result {
        try designErrors { try self.run(trialsPerScenario: run.trials, seed: run.seed, threads: run.threads ?? MonteCarlo.defaultThreads) }
    }

    /// The calibration of a default run (2,000 trials per scenario, seed 1).
    public func solve(for unknown: SingleUnknown = .answer) throws(DesignError) -> Result {
        try characteristics(at: SimulationRun(trials: 2_000, seed: 1))
    }
}

extension CRMCalibration.Result: DesignResult {}

/// How a simulation is run: trials, seed and threads (the answer depends only on the first two).
public struct SimulationRun: Sendable, Equatable {
    /// Simulated trials (per scenario where the design has several).
    public let trials: Int
    /// The random seed: the same trials and seed give the same answer on any number of threads.
    public let seed: UInt64
    /// nil: all cores.
    public let threads: Int?

    /// A run of `trials` trials from `seed`; nil `threads` runs on all cores. Nothing is validated here.
    public init(trials: Int, seed: UInt64, threads: Int? = nil) {
        self.trials = trials
        self.seed = seed
        self.threads = threads
    }
}
