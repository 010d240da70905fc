internal import CGSL

/// The normal (Gaussian) distribution with mean μ and standard deviation σ.
///
/// Distribution functions and quantiles come from GSL (`gsl_cdf_gaussian_P/Q` and the
/// Wichura AS 241 inverse `gsl_cdf_gaussian_Pinv/Qinv`, accurate to about 1e-15 relative).
public struct Normal: Sendable, Equatable {
    /// μ.
    public let mean: Double
    /// σ > 0.
    public let standardDeviation: Double

    /// The standard normal distribution, N(0, 1).
    public static let standard = Normal(uncheckedMean: 0, standardDeviation: 1)

    /// - Throws: ``ProbabilityError/domain(function:argument:value:requirement:)`` unless
    ///   `mean` is finite and `standardDeviation` finite and positive.
    public init(mean: Double = 0, standardDeviation: Double = 1) throws(ProbabilityError) {
        try Check.finite(mean, "mean", in: "Normal.init")
        try Check.positive(standardDeviation, "standardDeviation", in: "Normal.init")
        self.init(uncheckedMean: mean, standardDeviation: standardDeviation)
    }

    private init(uncheckedMean mean: Double, standardDeviation: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// P(X ≤ x).
    public func cdf(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Normal.cdf")
        GSLRuntime.prepare()
        return gsl_cdf_gaussian_P(x - mean, standardDeviation)
    }

    /// P(X > x), computed directly (no cancellation in the upper tail).
    public func survival(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Normal.survival")
        GSLRuntime.prepare()
        return gsl_cdf_gaussian_Q(x - mean, standardDeviation)
    }

    /// The density at x.
    public func density(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Normal.density")
        GSLRuntime.prepare()
        return gsl_ran_gaussian_pdf(x - mean, standardDeviation)
    }

    /// The x with P(X ≤ x) = p, for 0 < p < 1.
    public func quantile(_ p: Double) throws(ProbabilityError) -> Double {
        try Check.openProbability(p, "p", in: "Normal.quantile")
        GSLRuntime.prepare()
        return mean + (try Check.result(gsl_cdf_gaussian_Pinv(p, standardDeviation), in: "Normal.quantile", "p = \(p)"))
    }

    /// The x with P(X > x) = q, for 0 < q < 1: the critical value z₁₋q for q = α.
    public func upperQuantile(_ q: Double) throws(ProbabilityError) -> Double {
        try Check.openProbability(q, "q", in: "Normal.upperQuantile")
        GSLRuntime.prepare()
        return mean + (try Check.result(gsl_cdf_gaussian_Qinv(q, standardDeviation), in: "Normal.upperQuantile", "q = \(q)"))
    }
}
