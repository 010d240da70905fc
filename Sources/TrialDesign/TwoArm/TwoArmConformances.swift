// The randomized designs conform to ``Design``: the forward function and the solver each already
// has, named the shared way.

extension TwoArmSurvival: Design {
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

    public func solve(for unknown: Question) throws(DesignError) -> TwoArmSurvivalResult {
        switch unknown {
        case let .sampleSize(method): return try TwoArmSurvivalSolver.sampleSize(self, method: method)
        case let .power(n, method): return try TwoArmSurvivalSolver.power(self, patients: n, method: method)
        case let .detectableHazardRatio(n, method): return try TwoArmSurvivalSolver.detectableHazardRatio(self, patients: n, method: method)
        }
    }
}

extension TwoArmSurvivalResult: DesignResult {
    public var attainedErrorRates: AttainedErrorRates? { AttainedErrorRates(alpha: design.rates.alpha, power: attainedPower) }
    public var meetsTarget: Bool { unknown != .sampleSize || attainedPower >= design.rates.power - 1e-12 }
}

extension TwoProportions: Design {
    public static var parameters: ParameterCatalog { TwoArmParameters.binomial }

    /// Fisher's size and exact power with `control` control patients.
    public func characteristics(at control: Int) throws(DesignError) -> Characteristics {
        try fisher(controlPatients: control)
    }

    public func solve(for method: TwoProportionsMethod) throws(DesignError) -> Answer {
        try solve(method)
    }
}

extension TwoProportions.Answer: DesignResult {
    public var attainedErrorRates: AttainedErrorRates? { AttainedErrorRates(alpha: stable.attainedAlpha, power: stable.attainedPower) }
    public var warnings: [String] {
        first.controlPatients == stable.controlPatients
            ? []
            : [
                "Some n between \(first.controlPatients) and \(stable.controlPatients) control patients fall short of the power; plan for \(stable.controlPatients)."
            ]
    }
}

extension PickTheWinner: Design {
    public static var parameters: ParameterCatalog { TwoArmParameters.pickWinner }

    public func characteristics(at n: Int) throws(DesignError) -> Characteristics {
        try characteristics(patientsPerArm: n)
    }

    /// The smallest n per arm reaching the target probability of correct selection.
    public func solve(for target: Double) throws(DesignError) -> Answer {
        try solve(target: target)
    }
}

extension PickTheWinner.Answer: DesignResult {
    public var meetsTarget: Bool { stable.correct >= target * (1 - 1e-12) }
}
