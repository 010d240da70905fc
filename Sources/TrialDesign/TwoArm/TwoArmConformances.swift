// The randomized designs conform to ``Design``: the forward function and the solver each already
// has, named the shared way.

extension TwoArmSurvival: Design {
    /// The inputs of `two-arm survival` (``TwoArmParameters/survival``).
    public static var parameters: ParameterCatalog { TwoArmParameters.survival }

    /// What to solve for, with the method and (for power and the detectable effect) the patients.
    public enum Question: Sendable, Equatable {
        case sampleSize(TwoArmSurvivalMethod)
        case power(patients: Int, TwoArmSurvivalMethod)
        case detectableHazardRatio(patients: Int, TwoArmSurvivalMethod)
    }

    /// Schoenfeld's power with `patients` enrolled (the plot's curve).
    public func characteristics(at patients: Int) throws(DesignError) -> Double {
        try power(patients: Double(patients), method: .schoenfeld)
    }

    /// Solves for `unknown`: events and patients, the power, or the detectable hazard ratio (``TwoArmSurvivalSolver``).
    public func solve(for unknown: Question) throws(DesignError) -> TwoArmSurvivalResult {
        switch unknown {
        case let .sampleSize(method): return try TwoArmSurvivalSolver.sampleSize(self, method: method)
        case let .power(n, method): return try TwoArmSurvivalSolver.power(self, patients: n, method: method)
        case let .detectableHazardRatio(n, method): return try TwoArmSurvivalSolver.detectableHazardRatio(self, patients: n, method: method)
        }
    }
}

extension TwoArmSurvivalResult: DesignResult {
    /// The nominal α (the methods are normal approximations, with no exact size) and the power the answer attains.
    public var attainedErrorRates: AttainedErrorRates? { AttainedErrorRates(alpha: design.rates.alpha, power: attainedPower) }
    /// Whether a sample-size answer reaches the target power (to within 1e-12); a power or detectable-hazard-ratio
    /// answer has no target and always meets it.
    public var meetsTarget: Bool { unknown != .sampleSize || attainedPower >= design.rates.power - 1e-12 }
}

extension TwoProportions: Design {
    /// The inputs of `two-arm binomial` (``TwoArmParameters/binomial``).
    public static var parameters: ParameterCatalog { TwoArmParameters.binomial }

    /// Fisher's size and exact power with `control` control patients.
    public func characteristics(at control: Int) throws(DesignError) -> Characteristics {
        try fisher(controlPatients: control)
    }

    /// The answer of `method` (``solve(_:)``): the rounded n of a normal approximation, or Fisher's first and stable n.
    public func solve(for method: TwoProportionsMethod) throws(DesignError) -> Answer {
        try solve(method)
    }
}

extension TwoProportions.Answer: DesignResult {
    /// The stable answer's attained alpha (see ``TwoProportions/Characteristics/attainedAlpha``: one tail, the direction of p1) and its
    /// power (exact for Fisher's test, approximate for the normal methods).
    public var attainedErrorRates: AttainedErrorRates? { AttainedErrorRates(alpha: stable.attainedAlpha, power: stable.attainedPower) }
    /// The sawtooth warning when some n between Fisher's first and stable n falls short of the power; empty for the normal
    /// methods, whose first and stable n are the same.
    public var warnings: [String] {
        first.controlPatients == stable.controlPatients
            ? []
            : [
                "Some n between \(first.controlPatients) and \(stable.controlPatients) control patients fall short of the power; plan for \(stable.controlPatients)."
            ]
    }
}

extension PickTheWinner: Design {
    /// The inputs of `pick-winner` (``TwoArmParameters/pickWinner``).
    public static var parameters: ParameterCatalog { TwoArmParameters.pickWinner }

    /// The selection probabilities with `n` patients per arm (``characteristics(patientsPerArm:)``).
    public func characteristics(at n: Int) throws(DesignError) -> Characteristics {
        try characteristics(patientsPerArm: n)
    }

    /// The smallest n per arm reaching the target probability of correct selection.
    public func solve(for target: Double) throws(DesignError) -> Answer {
        try solve(target: target)
    }
}

extension PickTheWinner.Answer: DesignResult {
    /// Whether the stable n's probability of correct selection reaches the target (to within a relative 1e-12).
    public var meetsTarget: Bool { stable.correct >= target * (1 - 1e-12) }
}
