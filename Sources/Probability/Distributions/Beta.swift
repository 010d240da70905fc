internal import CGSL
import RealModule

/// The beta distribution with shapes a and b on [0, 1].
///
/// Distribution functions are GSL's regularised incomplete beta I_x(a, b) (`gsl_cdf_beta_P/Q`).
/// Quantiles do not use `gsl_cdf_beta_Pinv`, which in GSL 2.7.1 returns NaN for about 0.8% of
/// ordinary Clopper–Pearson bounds; they come from ``MonotoneInversion`` on I_x(a, b).
public struct Beta: Sendable, Equatable {
    public let a: Double
    public let b: Double

    public init(a: Double, b: Double) throws(ProbabilityError) {
        try Check.positive(a, "a", in: "Beta.init")
        try Check.positive(b, "b", in: "Beta.init")
        self.a = a
        self.b = b
    }

    public var mean: Double { a / (a + b) }

    /// I_x(a, b); 0 below the support, 1 above it.
    public func cdf(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Beta.cdf")
        GSLRuntime.prepare()
        return x <= 0 ? 0 : x >= 1 ? 1 : gsl_cdf_beta_P(x, a, b)
    }

    /// 1 − I_x(a, b), computed as I_{1−x}(b, a).
    public func survival(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Beta.survival")
        GSLRuntime.prepare()
        return x <= 0 ? 1 : x >= 1 ? 0 : gsl_cdf_beta_Q(x, a, b)
    }

    public func density(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Beta.density")
        GSLRuntime.prepare()
        return (x < 0 || x > 1) ? 0 : gsl_ran_beta_pdf(x, a, b)
    }

    /// The x with I_x(a, b) = p, for 0 ≤ p ≤ 1 (p = 0 gives 0, p = 1 gives 1).
    public func quantile(_ p: Double) throws(ProbabilityError) -> Double {
        try Check.probability(p, "p", in: "Beta.quantile")
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        return try inversion.quantile(p, start: mean, function: "Beta.quantile")
    }

    /// The x with 1 − I_x(a, b) = q, for 0 ≤ q ≤ 1.
    public func upperQuantile(_ q: Double) throws(ProbabilityError) -> Double {
        try Check.probability(q, "q", in: "Beta.upperQuantile")
        if q == 0 { return 1 }
        if q == 1 { return 0 }
        return try inversion.upperQuantile(q, start: mean, function: "Beta.upperQuantile")
    }

    private var inversion: MonotoneInversion {
        GSLRuntime.prepare()
        let (a, b) = (self.a, self.b)
        return MonotoneInversion(
            lowerTail: { gsl_cdf_beta_P($0, a, b) },
            upperTail: { gsl_cdf_beta_Q($0, a, b) },
            density: { gsl_ran_beta_pdf($0, a, b) },
            lower: 0, upper: 1)
    }
}
