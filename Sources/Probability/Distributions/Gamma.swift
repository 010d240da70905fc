internal import CGSL
import RealModule

/// The gamma distribution with shape k and scale θ (mean kθ, variance kθ²).
///
/// Distribution functions use GSL's regularised incomplete gamma (`gsl_cdf_gamma_P/Q`).
/// Quantiles do not use GSL's inverse: they come from ``MonotoneInversion`` started at the
/// Wilson–Hilferty approximation (Johnson, Kotz & Balakrishnan, *Continuous Univariate
/// Distributions* vol. 1, 2nd ed., §17.5), because GSL 2.7.1's chi-squared lower-tail inverse
/// returns NaN from about 22,000 degrees of freedom.
public struct Gamma: Sendable, Equatable {
    public let shape: Double
    public let scale: Double

    public init(shape: Double, scale: Double = 1) throws(ProbabilityError) {
        try Check.positive(shape, "shape", in: "Gamma.init")
        try Check.positive(scale, "scale", in: "Gamma.init")
        self.shape = shape
        self.scale = scale
    }

    public var mean: Double { shape * scale }

    /// P(X ≤ x); 0 for x ≤ 0.
    public func cdf(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Gamma.cdf")
        GSLRuntime.prepare()
        return x <= 0 ? 0 : gsl_cdf_gamma_P(x, shape, scale)
    }

    /// P(X > x); 1 for x ≤ 0.
    public func survival(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Gamma.survival")
        GSLRuntime.prepare()
        return x <= 0 ? 1 : gsl_cdf_gamma_Q(x, shape, scale)
    }

    /// The density at x; 0 for x < 0.
    public func density(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Gamma.density")
        GSLRuntime.prepare()
        return x < 0 ? 0 : gsl_ran_gamma_pdf(x, shape, scale)
    }

    /// The x with P(X ≤ x) = p, for 0 < p < 1.
    public func quantile(_ p: Double) throws(ProbabilityError) -> Double {
        try Check.openProbability(p, "p", in: "Gamma.quantile")
        return try inversion.quantile(p, start: start(lowerTail: p), function: "Gamma.quantile")
    }

    /// The x with P(X > x) = q, for 0 < q < 1.
    public func upperQuantile(_ q: Double) throws(ProbabilityError) -> Double {
        try Check.openProbability(q, "q", in: "Gamma.upperQuantile")
        return try inversion.upperQuantile(q, start: start(lowerTail: 1 - q), function: "Gamma.upperQuantile")
    }

    private var inversion: MonotoneInversion {
        GSLRuntime.prepare()
        let (k, theta) = (shape, scale)
        return MonotoneInversion(
            lowerTail: { gsl_cdf_gamma_P($0, k, theta) },
            upperTail: { gsl_cdf_gamma_Q($0, k, theta) },
            density: { gsl_ran_gamma_pdf($0, k, theta) },
            lower: 0, upper: .infinity)
    }

    /// Wilson–Hilferty: (X/k)^(1/3) is close to normal with mean 1 − 1/(9k) and variance 1/(9k);
    /// for small shapes the lower-tail series F(x) ≈ x^k / Γ(k + 1) is used instead.
    private func start(lowerTail p: Double) -> Double {
        let z = gsl_cdf_ugaussian_Pinv(min(max(p, 1e-300), 1 - 1e-16))
        let c = 1 / (9 * shape)
        let cube = 1 - c + z * c.squareRoot()
        if shape >= 1, cube > 0 {
            return shape * scale * cube * cube * cube
        }
        let small = Double.exp((Double.log(p) + gsl_sf_lngamma(shape + 1)) / shape)
        return scale * (small.isFinite && small > 0 ? small : shape)
    }
}
