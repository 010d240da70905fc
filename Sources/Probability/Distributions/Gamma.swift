internal import CGSL
import RealModule

/// The gamma distribution with shape k and scale θ (mean kθ, variance kθ²).
///
/// Distribution functions are the regularised incomplete gamma of `IncompleteGamma` (series
/// and Legendre continued fraction, with the power term written around its peak; GSL 2.7.1's
/// `gsl_cdf_gamma_P` is 1e-3 wrong at shape 10⁶ — see docs/methods/distributions.md).
/// Quantiles do not use GSL's inverse (GSL 2.7.1's chi-squared lower-tail
/// inverse returns NaN from about 22,000 degrees of freedom): they come from
/// `MonotoneInversion` started at the Wilson–Hilferty approximation (Johnson, Kotz &
/// Balakrishnan, *Continuous Univariate Distributions* vol. 1, 2nd ed., §17.5) or, for small
/// shapes, at the leading terms of the tails' expansions.
public struct Gamma: Sendable, Equatable {
    /// k > 0.
    public let shape: Double
    /// θ > 0.
    public let scale: Double

    /// - Throws: ``ProbabilityError`` unless k and θ are finite and positive.
    public init(shape: Double, scale: Double = 1) throws(ProbabilityError) {
        try Check.positive(shape, "shape", in: "Gamma.init")
        try Check.positive(scale, "scale", in: "Gamma.init")
        self.shape = shape
        self.scale = scale
    }

    /// kθ.
    public var mean: Double { shape * scale }

    /// P(X ≤ x); 0 for x ≤ 0.
    public func cdf(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Gamma.cdf")
        if x <= 0 { return 0 }
        return try Check.result(IncompleteGamma(shape: shape).tails(x / scale).lower, in: "Gamma.cdf", "P(k, x/θ) at x = \(x)")
    }

    /// P(X > x); 1 for x ≤ 0.
    public func survival(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Gamma.survival")
        if x <= 0 { return 1 }
        return try Check.result(
            IncompleteGamma(shape: shape).tails(x / scale).upper, in: "Gamma.survival",
            "Q(k, x/θ) at x = \(x)")
    }

    /// The density at x; 0 for x < 0. At x = 0 with shape < 1 the density is unbounded and
    /// this throws `nonFinite`.
    public func density(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Gamma.density")
        if x < 0 { return 0 }
        if x > 0 {
            return try Check.result(
                IncompleteGamma(shape: shape).density(x / scale) / scale, in: "Gamma.density",
                "density at x = \(x)")
        }
        // x = 0: unbounded for shape < 1, 1/θ for shape 1, 0 above.
        if shape < 1 { throw .nonFinite(function: "Gamma.density", detail: "the density is unbounded at x = 0") }
        return shape == 1 ? 1 / scale : 0
    }

    /// The x with P(X ≤ x) = p, for 0 < p < 1. Underflows to 0 when the true quantile is below
    /// the smallest double (shape 0.01 and p = 1e-15 gives about 1e-1500).
    public func quantile(_ p: Double) throws(ProbabilityError) -> Double {
        try Check.openProbability(p, "p", in: "Gamma.quantile")
        let kernel = GammaKernel(shape: shape, scale: scale)
        let start = p <= 0.5 ? kernel.start(tail: p, upper: false) : kernel.start(tail: 1 - p, upper: true)
        return try MonotoneInversion(kernel).quantile(p, start: start, function: "Gamma.quantile")
    }

    /// The x with P(X > x) = q, for 0 < q < 1.
    public func upperQuantile(_ q: Double) throws(ProbabilityError) -> Double {
        try Check.openProbability(q, "q", in: "Gamma.upperQuantile")
        let kernel = GammaKernel(shape: shape, scale: scale)
        let start = q <= 0.5 ? kernel.start(tail: q, upper: true) : kernel.start(tail: 1 - q, upper: false)
        return try MonotoneInversion(kernel).upperQuantile(q, start: start, function: "Gamma.upperQuantile")
    }
}

/// P(k, x/θ), Q(k, x/θ) and the gamma density, for `MonotoneInversion`.
struct GammaKernel: TailKernel {
    let shape: Double
    let scale: Double
    let incomplete: IncompleteGamma

    @inline(__always)
    init(shape: Double, scale: Double) {
        GSLRuntime.prepare()
        self.shape = shape
        self.scale = scale
        incomplete = IncompleteGamma(shape: shape)
    }

    var lowerEnd: Double { 0 }
    var upperEnd: Double { .infinity }
    @inline(__always) func lowerTail(_ x: Double) -> Double { incomplete.tails(x / scale).lower }
    @inline(__always) func upperTail(_ x: Double) -> Double { incomplete.tails(x / scale).upper }
    @inline(__always) func pdf(_ x: Double) -> Double { incomplete.density(x / scale) / scale }
    @inline(__always) func logPDFSlope(_ x: Double) -> Double { (shape - 1) / x - 1 / scale }
    @inline(__always) func tailAndDensity(_ x: Double, upper: Bool) -> (tail: Double, density: Double) {
        let all = incomplete.tailsAndDensity(x / scale)
        return (upper ? all.upper : all.lower, all.density / scale)
    }

    /// A starting value for the x whose lower tail (or, when `upper`, upper tail) is `tail` ≤ 0.5.
    ///
    /// Wilson–Hilferty: (X/k)^(1/3) is close to normal with mean 1 − 1/(9k) and variance
    /// 1/(9k). For shapes below 1 the leading terms of the tails are used instead:
    /// P(k, x) ≈ x^k / Γ(k + 1) near 0 and Q(k, x) ≈ x^(k−1) e^(−x) / Γ(k) for large x.
    func start(tail: Double, upper: Bool) -> Double {
        let z = gsl_cdf_ugaussian_Qinv(Swift.max(tail, 1e-300))  // > 0 for tail < 0.5
        let c = 1 / (9 * shape)
        let cube = 1 - c + (upper ? z : -z) * c.squareRoot()
        if shape >= 1, cube > 0 {
            return shape * scale * cube * cube * cube
        }
        if upper {
            let x0 = -Double.log(tail) - gsl_sf_lngamma(shape)
            if x0 > 1 {
                let x1 = x0 + (shape - 1) * Double.log(x0)
                if x1.isFinite && x1 > 0 { return scale * x1 }
            }
        }
        let lowerTail = upper ? 1 - tail : tail
        let small = Double.exp((Double.log(lowerTail) + gsl_sf_lngamma(shape + 1)) / shape)
        return scale * (small.isFinite && small > 0 ? small : shape)
    }
}
