import RealModule

/// The Poisson distribution with mean μ.
///
/// Tails are regularised incomplete gamma functions, P(X ≤ k) = Q(k + 1, μ) (DLMF 8.4.10),
/// from `IncompleteGamma`; the mass is its power term μ^k e^(−μ) / k!, written around its
/// peak so that it keeps full accuracy for large means (GSL 2.7.1's `gsl_ran_poisson_pdf`
/// loses 1.5e-9 relative at μ = 10⁶; docs/methods/distributions.md).
public struct Poisson: Sendable, Equatable {
    /// μ, also the variance (0 < μ ≤ ``maximumMean``).
    public let mean: Double

    /// The largest mean accepted; beyond it counts no longer fit GSL's `unsigned int`.
    public static let maximumMean = 1e9

    /// - Throws: ``ProbabilityError`` unless 0 < μ ≤ ``maximumMean``.
    public init(mean: Double) throws(ProbabilityError) {
        guard mean.isFinite, mean > 0, mean <= Self.maximumMean else {
            throw .domain(
                function: "Poisson.init", argument: "mean", value: mean,
                requirement: "in (0, \(Self.maximumMean)]")
        }
        self.mean = mean
    }

    /// P(X = k); 0 for k < 0.
    public func mass(_ k: Int) -> Double {
        guard k >= 0, k <= Int(UInt32.max) else { return 0 }
        return Double.exp(IncompleteGamma(shape: Double(k + 1)).logPowerTerm(mean)) / mean
    }

    /// P(X ≤ k).
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= Int(UInt32.max) { return 1 }
        return IncompleteGamma(shape: Double(k + 1)).tails(mean).upper
    }

    /// P(X > k).
    public func survival(_ k: Int) -> Double {
        if k < 0 { return 1 }
        if k >= Int(UInt32.max) { return 0 }
        return IncompleteGamma(shape: Double(k + 1)).tails(mean).lower
    }

    /// The smallest k with P(X ≤ k) ≥ p, for 0 ≤ p < 1.
    public func quantile(_ p: Double) throws(ProbabilityError) -> Int {
        try Check.probability(p, "p", in: "Poisson.quantile")
        guard p < 1 else {
            throw .domain(function: "Poisson.quantile", argument: "p", value: p, requirement: "in [0, 1)")
        }
        var upper = max(16, Int(mean * 2 + 40 * mean.squareRoot()))
        while cdf(upper) < p { upper *= 2 }
        return IntegerSearch.firstMonotone(in: 0...upper) { cdf($0) >= p } ?? upper
    }
}
