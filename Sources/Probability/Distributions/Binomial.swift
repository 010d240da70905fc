import RealModule

/// The binomial distribution: the number of successes in n independent trials with success
/// probability p.
///
/// Tails are regularised incomplete beta functions, P(X > k) = I_p(k + 1, n − k) (DLMF 8.17.5),
/// from `IncompleteBeta`, so they keep their relative accuracy far into the tails (below
/// 1e-300) and for n up to ``maximumTrials``. The mass is the same power term,
/// P(X = k) = p^k (1−p)^(n−k) / ((n+1) B(k+1, n−k+1)). GSL 2.7.1's `gsl_cdf_binomial_P`
/// returns 0 for P(X = 0) = 3.7e-44 at n = 10⁶, p = 10⁻⁴, and NaN near the mean at n = 10⁶,
/// p = 0.5; `gsl_ran_binomial_pdf` loses 3e-9 relative at n = 10⁶
/// (docs/methods/distributions.md).
public struct Binomial: Sendable, Equatable {
    /// n, the number of trials (0 ≤ n ≤ ``maximumTrials``).
    public let trials: Int
    /// p, the success probability of each trial (0 ≤ p ≤ 1).
    public let probability: Double

    /// The largest n accepted: GSL takes n as a C `unsigned int`; 10⁹ keeps well inside it.
    public static let maximumTrials = 1_000_000_000

    /// - Throws: ``ProbabilityError`` unless 0 ≤ n ≤ ``maximumTrials`` and 0 ≤ p ≤ 1.
    public init(trials: Int, probability: Double) throws(ProbabilityError) {
        guard trials >= 0, trials <= Self.maximumTrials else {
            throw .domain(
                function: "Binomial.init", argument: "trials", value: Double(trials),
                requirement: "in 0...\(Self.maximumTrials)")
        }
        try Check.probability(probability, "probability", in: "Binomial.init")
        self.trials = trials
        self.probability = probability
    }

    /// P(X = k); 0 outside 0...n.
    public func mass(_ k: Int) -> Double {
        guard k >= 0, k <= trials else { return 0 }
        if probability == 0 { return k == 0 ? 1 : 0 }
        if probability == 1 { return k == trials ? 1 : 0 }
        let q = 1 - probability
        let term = IncompleteBeta(a: Double(k + 1), b: Double(trials - k + 1)).logPowerTerm(probability, q)
        return Double.exp(term) / (Double(trials + 1) * probability * q)
    }

    /// P(X ≤ k); 0 for k < 0 and 1 for k ≥ n.
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= trials { return 1 }
        return tails(k).atMost
    }

    /// P(X > k); 1 for k < 0 and 0 for k ≥ n.
    public func survival(_ k: Int) -> Double {
        if k < 0 { return 1 }
        if k >= trials { return 0 }
        return tails(k).above
    }

    /// (P(X ≤ k), P(X > k)) for 0 ≤ k < n: P(X > k) = I_p(k + 1, n − k).
    @inline(__always)
    private func tails(_ k: Int) -> (atMost: Double, above: Double) {
        if probability == 0 { return (1, 0) }
        if probability == 1 { return (0, 1) }
        let (lower, upper) = IncompleteBeta(a: Double(k + 1), b: Double(trials - k)).tails(probability, 1 - probability)
        return (upper, lower)
    }

    /// P(X ≥ k), the upper tail that a "reject when responses ≥ k" rule uses.
    public func atLeast(_ k: Int) -> Double { k <= 0 ? 1 : survival(k - 1) }

    /// The smallest k with P(X ≤ k) ≥ p, for 0 ≤ p ≤ 1.
    public func quantile(_ p: Double) throws(ProbabilityError) -> Int {
        try Check.probability(p, "p", in: "Binomial.quantile")
        return IntegerSearch.firstMonotone(in: 0...trials) { cdf($0) >= p } ?? trials
    }
}
