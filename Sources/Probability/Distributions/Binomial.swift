internal import CGSL

/// The binomial distribution: the number of successes in n independent trials with success
/// probability p.
///
/// Tails use GSL's `gsl_cdf_binomial_P/Q`, which evaluate the regularised incomplete beta
/// (P(X ≤ k) = I_{1−p}(n − k, k + 1)), so they keep their relative accuracy far into the tails
/// and for n up to ``maximumTrials``. The mass uses `gsl_ran_binomial_pdf` (log-gamma based).
public struct Binomial: Sendable, Equatable {
    public let trials: Int
    public let probability: Double

    /// The largest n accepted: GSL takes n as a C `unsigned int`; 10⁹ keeps well inside it.
    public static let maximumTrials = 1_000_000_000

    public init(trials: Int, probability: Double) throws(ProbabilityError) {
        guard trials >= 0, trials <= Self.maximumTrials else {
            throw .domain(function: "Binomial.init", argument: "trials", value: Double(trials),
                          requirement: "in 0...\(Self.maximumTrials)")
        }
        try Check.probability(probability, "probability", in: "Binomial.init")
        self.trials = trials
        self.probability = probability
    }

    /// P(X = k); 0 outside 0...n.
    public func mass(_ k: Int) -> Double {
        guard k >= 0, k <= trials else { return 0 }
        GSLRuntime.prepare()
        return gsl_ran_binomial_pdf(UInt32(k), probability, UInt32(trials))
    }

    /// P(X ≤ k); 0 for k < 0 and 1 for k ≥ n.
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= trials { return 1 }
        GSLRuntime.prepare()
        return gsl_cdf_binomial_P(UInt32(k), probability, UInt32(trials))
    }

    /// P(X > k); 1 for k < 0 and 0 for k ≥ n.
    public func survival(_ k: Int) -> Double {
        if k < 0 { return 1 }
        if k >= trials { return 0 }
        GSLRuntime.prepare()
        return gsl_cdf_binomial_Q(UInt32(k), probability, UInt32(trials))
    }

    /// P(X ≥ k), the upper tail that a "reject when responses ≥ k" rule uses.
    public func atLeast(_ k: Int) -> Double { survival(k - 1) }

    /// The smallest k with P(X ≤ k) ≥ p, for 0 ≤ p ≤ 1.
    public func quantile(_ p: Double) throws(ProbabilityError) -> Int {
        try Check.probability(p, "p", in: "Binomial.quantile")
        return IntegerSearch.firstMonotone(in: 0...trials) { cdf($0) >= p } ?? trials
    }
}
