import Probability

/// A'Hern's exact single-stage phase II design (A'Hern, Stat Med 2001;20:859-866).
///
/// n patients are treated and H0: p ≤ p0 is rejected when responses ≥ r. For each n the
/// critical count r is the smallest with P(X ≥ r | n, p0) ≤ α (α/2 with --sides 2), so the
/// attained alpha never exceeds the nominal one; the attained power is P(X ≥ r | n, p1).
/// Exact power is not monotone in n (the "sawtooth"), so two designs are reported: the first
/// n meeting the power, and the first n from which every n up to the horizon does.
public struct ExactSingleStage: Sendable, Equatable {
    /// The response rate of no interest, in (0, 1): H0 is p ≤ p0, and the attained alpha is computed at p0.
    public let p0: Double
    /// The response rate hoped for, in (p0, 1): the attained power is computed at p1.
    public let p1: Double
    /// The nominal α, the target power and the sidedness; with two sides the critical count is set at α/2 in the upper
    /// tail, the only one this test rejects in.
    public let errorRates: ErrorRates

    /// The largest n scanned (a documented cap): refused beyond it.
    public static let maximumPatients = 20_000

    /// - Throws: ``InvalidInput`` unless 0 < p0 < p1 < 1, and the normal approximation to n
    ///   stays under ``maximumPatients``.
    public init(p0: Double, p1: Double, errorRates: ErrorRates) throws(InvalidInput) {
        try Validate.probability(p0, "p0")
        try Validate.probability(p1, "p1")
        guard p1 > p0 else {
            throw InvalidInput(parameter: "p1", requirement: "greater than `p0` (\(InvalidInput.describe(p0)))", value: p1)
        }
        self.p0 = p0
        self.p1 = p1
        self.errorRates = errorRates
        let approximate = Self.normalApproximation(p0: p0, p1: p1, errorRates: errorRates)
        if 2 * approximate + 50 > Double(Self.maximumPatients) {
            throw InvalidInput(
                parameter: "p1",
                requirement:
                    "far enough from `p0` that n stays within \(Self.maximumPatients) (\(InvalidInput.approximateCount(approximate)) needed)",
                value: p1)
        }
    }

    /// Fleiss's normal approximation, n ≈ [z_α√(p0q0) + z_β√(p1q1)]²/(p1 − p0)², as a guide to the scan's size.
    static func normalApproximation(p0: Double, p1: Double, errorRates: ErrorRates) -> Double {
        let za = (try? Normal.standard.upperQuantile(errorRates.tailAlpha)) ?? 40
        let zb = (try? Normal.standard.upperQuantile(errorRates.beta)) ?? 40
        let root = za * (p0 * (1 - p0)).squareRoot() + zb * (p1 * (1 - p1)).squareRoot()
        return root * root / ((p1 - p0) * (p1 - p0))
    }

    /// One n's rule and its attained error rates.
    public struct Characteristics: Sendable, Equatable, Codable {
        /// The number of patients treated.
        public let n: Int
        /// Reject H0 when responses ≥ r (r = n + 1: never, no rule has alpha ≤ α).
        public let r: Int
        /// P(X ≥ r | n, p0), exact: the type I error the rule attains, at most the nominal α (α/2 with two sides) up to a relative
        /// rounding slack of 1e-12; 0 when r = n + 1.
        public let attainedAlpha: Double
        /// P(X ≥ r | n, p1), exact: the probability that the rule rejects H0 when the response rate is p1.
        public let attainedPower: Double
    }

    /// The rule and attained alpha and power at `n` (the forward function a plot draws).
    public func characteristics(n: Int) throws(DesignError) -> Characteristics {
        try DesignError.numerics { () throws(ProbabilityError) in
            let null = try Binomial(trials: n, probability: p0)
            let alternative = try Binomial(trials: n, probability: p1)
            // P(X ≥ r | p0) decreases in r: the smallest r with it ≤ α, by bisection.
            let r =
                IntegerSearch.firstMonotone(in: 0...(n + 1)) { ErrorRateTolerance.withinAlpha(null.atLeast($0), errorRates.tailAlpha) }
                ?? (n + 1)
            return Characteristics(n: n, r: r, attainedAlpha: null.atLeast(r), attainedPower: alternative.atLeast(r))
        }
    }

    /// The two sample sizes of the sawtooth search, and how far the stable one was checked.
    public struct Answer: Sendable, Equatable, Codable {
        /// The first n meeting both error rates.
        public let first: Characteristics
        /// The first n from which every n up to `horizon` meets both.
        public let stable: Characteristics
        /// The largest n checked for ``stable``: 2·first + 50, at most ``ExactSingleStage/maximumPatients``.
        public let horizon: Int
    }

    /// The horizon of the stable search: every n up to 2·first + 50 is checked.
    public static func horizon(first: Int) -> Int { IntegerSearch.horizon(first: first, cap: maximumPatients) }

    /// Scans n upward for the first n whose exact power reaches the target (every n meets α, by the choice of r),
    /// then finds the stable n up to the horizon.
    /// - Throws: ``DesignError`` naming `p1` when no n up to ``maximumPatients`` reaches the power.
    public func solve() throws(DesignError) -> Answer {
        try designErrors {
            var cache: [Int: Characteristics] = [:]
            func meets(_ n: Int) throws -> Bool {
                let c = try characteristics(n: n)
                cache[n] = c
                return ErrorRateTolerance.reachesPower(c.attainedPower, errorRates.power)
            }
            guard let search = try IntegerSearch.sawtooth(in: 1...Self.maximumPatients, where: meets) else {
                throw InvalidInput(parameter: "p1", requirement: "reachable within \(Self.maximumPatients) patients", value: p1)
            }
            return Answer(
                first: try cache[search.first] ?? characteristics(n: search.first),
                stable: try cache[search.stable] ?? characteristics(n: search.stable), horizon: search.horizon)
        }
    }

    /// Characteristics for every n in `range` (the sawtooth table).
    public func table(_ range: ClosedRange<Int>) throws(DesignError) -> [Characteristics] {
        try designErrors {
            try range.map { n throws(DesignError) in try characteristics(n: n) }
        }
    }
}
