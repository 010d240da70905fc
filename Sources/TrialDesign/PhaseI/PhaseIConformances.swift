import Probability

// The phase I designs in the shared Design / DesignResult shapes (issue 11).

extension BOINSimulationDesign: Design {
    /// `boin simulate`'s parameters.
    public static var parameters: ParameterCatalog { PhaseIParameters.simulate }

    /// The operating characteristics under the design's true curve, simulated with the given trials and seed,
    /// identical on any number of threads.
    public func characteristics(at run: SimulationRun) throws(DesignError) -> DoseFindingCharacteristics {
        try designErrors { try simulate(trials: run.trials, seed: run.seed, threads: run.threads ?? MonteCarlo.defaultThreads) }
    }

    /// The operating characteristics of a default run (10,000 trials, seed 1).
    public func solve(for unknown: SingleUnknown = .answer) throws(DesignError) -> DoseFindingCharacteristics {
        try characteristics(at: SimulationRun(trials: 10_000, seed: 1))
    }
}

extension ThreePlusThree: Design {
    /// `three-plus-three`'s parameters.
    public static var parameters: ParameterCatalog { PhaseIParameters.threePlusThree }

    /// The exact operating characteristics (nothing to choose: the point is empty).
    public func characteristics(at point: Void) throws(DesignError) -> DoseFindingCharacteristics { characteristics() }

    /// The exact operating characteristics.
    public func solve(for unknown: SingleUnknown = .answer) throws(DesignError) -> DoseFindingCharacteristics { characteristics() }
}

extension PhaseIComparison: Design {
    /// `phase1 compare`'s parameters.
    public static var parameters: ParameterCatalog { PhaseIParameters.compare }

    /// Every scenario under every design, simulated with the given trials and seed.
    public func characteristics(at run: SimulationRun) throws(DesignError) -> Result {
        Result(
            scenarios: try designErrors {
                try self.run(trials: run.trials, seed: run.seed, threads: run.threads ?? MonteCarlo.defaultThreads)
            })
    }

    /// The comparison of a default run (10,000 trials per scenario and design, seed 1).
    public func solve(for unknown: SingleUnknown = .answer) throws(DesignError) -> Result {
        try characteristics(at: SimulationRun(trials: 10_000, seed: 1))
    }

    /// The comparison's answer: one ``Scenario`` per true curve.
    public struct Result: DesignResult {
        /// One entry per true curve, in order.
        public let scenarios: [Scenario]
        /// A warning for each non-monotone true curve.
        public var warnings: [String] { scenarios.flatMap(\.boin.warnings) }
    }
}

extension DoseFindingCharacteristics: DesignResult {
    /// A non-monotone true curve (the designs assume toxicity increases with dose).
    public var warnings: [String] {
        truthIsMonotone
            ? []
            : [
                "The true DLT probabilities \(truth.map { "\($0)" }.joined(separator: ", ")) do not increase with dose; the designs assume they do."
            ]
    }
}
