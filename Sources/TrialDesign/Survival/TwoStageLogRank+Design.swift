import Probability

/// The two-stage design in the shape every design has: the forward function at a given design
/// (n₁, c₁, n, c), and the solver for a criterion.
extension TwoStageLogRank: Design {
    /// A two-stage design to evaluate.
    public struct Point: Sendable, Equatable {
        /// Patients entered by the interim analysis n₁, futility boundary c₁ on Z₁, maximum patients n, final boundary c on Z.
        public let n1: Int, c1: Double, n: Int, c: Double
        /// A design to evaluate; ``characteristics(at:)`` checks that 1 ≤ n₁ < n ≤ ``TwoStageLogRank/maximumPatients``.
        public init(n1: Int, c1: Double, n: Int, c: Double) {
            self.n1 = n1
            self.c1 = c1
            self.n = n
            self.c = c
        }
    }

    /// The `survival` command's parameters (with `two-stage` and `criterion`).
    public static var parameters: ParameterCatalog { SurvivalQuestion.parameters }

    /// - Throws: ``DesignError`` naming `n1` unless 1 ≤ n₁ < n ≤ ``maximumPatients``.
    public func characteristics(at point: Point) throws(DesignError) -> TwoStageSurvivalDesign {
        guard point.n1 >= 1, point.n1 < point.n, point.n <= Self.maximumPatients else {
            throw DesignError(parameter: "n1", requirement: "in 1...n - 1 with n <= \(Self.maximumPatients)", value: String(point.n1))
        }
        return try designErrors { try characteristics(n: point.n, n1: point.n1, c1: point.c1, c: point.c) }
    }

    /// The design the criterion picks, from ``search()``.
    public func solve(for criterion: TwoStageCriterion) throws(DesignError) -> TwoStageSurvivalDesign {
        try designErrors { try search().design(criterion) }
    }
}

extension TwoStageSurvivalDesign: DesignResult {
    /// α and power, P(Z₁ > c₁, Z > c) under H₀ and H₁ by the bivariate normal approximation.
    public var attainedErrorRates: AttainedErrorRates? { AttainedErrorRates(alpha: attainedAlpha, power: attainedPower) }
}
