internal import CGSL
import RealModule

/// The beta distribution with shapes a and b on [0, 1].
///
/// Distribution functions are the regularised incomplete beta I_x(a, b) of `IncompleteBeta`
/// (the continued fraction GSL uses, DLMF 8.17.22, with the power term written around its
/// peak so that it stays accurate for shapes up to 10⁹; GSL 2.7.1's `gsl_cdf_beta_P` returns
/// NaN at a = b = 10⁶ and loses up to 2e-10 relative from a + b ≈ 10⁵ — see
/// docs/methods/distributions.md).
///
/// Quantiles do not use `gsl_cdf_beta_Pinv`, which in GSL 2.7.1 returns NaN for about 0.8% of
/// ordinary Clopper–Pearson bounds (e.g. the lower 95% bound for 1716/1933); they come from
/// `MonotoneInversion` on I_x(a, b), started at the approximation of Majumder & Bhattacharjee
/// (1973, Applied Statistics AS 63/AS 109), with closed forms when a = 1 or b = 1. The kernel
/// supplies the Taylor coefficients of log f, so that the inversion's series step usually ends
/// it after one evaluation of I_x(a, b) (docs/methods/quantiles.md).
public struct Beta: Sendable, Equatable {
    /// The first shape, a > 0 (the exponent of x in the density x^(a−1) (1 − x)^(b−1)).
    public let a: Double
    /// The second shape, b > 0 (the exponent of 1 − x).
    public let b: Double

    /// - Throws: ``ProbabilityError`` unless a and b are finite and positive.
    public init(a: Double, b: Double) throws(ProbabilityError) {
        try Check.positive(a, "a", in: "Beta.init")
        try Check.positive(b, "b", in: "Beta.init")
        self.a = a
        self.b = b
    }

    /// a / (a + b).
    public var mean: Double { a / (a + b) }

    /// I_x(a, b); 0 below the support, 1 above it.
    public func cdf(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Beta.cdf")
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        return try Check.result(IncompleteBeta(a: a, b: b).tails(x, 1 - x).lower, in: "Beta.cdf", "I_x(a, b) at x = \(x)")
    }

    /// 1 − I_x(a, b), computed directly as I_{1−x}(b, a) (no cancellation).
    public func survival(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Beta.survival")
        if x <= 0 { return 1 }
        if x >= 1 { return 0 }
        return try Check.result(
            IncompleteBeta(a: a, b: b).tails(x, 1 - x).upper, in: "Beta.survival",
            "1 − I_x(a, b) at x = \(x)")
    }

    /// The density x^(a−1) (1−x)^(b−1) / B(a, b); 0 outside [0, 1]. At an end of the support
    /// where the density is unbounded (a < 1 at 0, b < 1 at 1) it throws `nonFinite`.
    public func density(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Beta.density")
        if x < 0 || x > 1 { return 0 }
        if x > 0 && x < 1 {
            return try Check.result(IncompleteBeta(a: a, b: b).density(x, 1 - x), in: "Beta.density", "density at x = \(x)")
        }
        // At an end of the support: unbounded when that shape is below 1.
        let shape = x == 0 ? a : b
        if shape < 1 { throw .nonFinite(function: "Beta.density", detail: "the density is unbounded at x = \(x)") }
        GSLRuntime.prepare()
        return try Check.result(gsl_ran_beta_pdf(x, a, b), in: "Beta.density", "density at x = \(x)")
    }

    /// The x with I_x(a, b) = p, for 0 ≤ p ≤ 1 (p = 0 gives 0, p = 1 gives 1).
    public func quantile(_ p: Double) throws(ProbabilityError) -> Double {
        try Check.probability(p, "p", in: "Beta.quantile")
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        if a == 1 { return -Double.expMinusOne(Double.log(onePlus: -p) / b) }
        if b == 1 { return Double.exp(Double.log(p) / a) }
        let kernel = try BetaKernel(a: a, b: b, function: "Beta.quantile")
        let start =
            p <= 0.5
            ? kernel.start(tail: p, mirrored: false)
            : kernel.start(tail: 1 - p, mirrored: true)
        return try MonotoneInversion(kernel).quantile(p, start: start, function: "Beta.quantile")
    }

    /// The x with 1 − I_x(a, b) = q, for 0 ≤ q ≤ 1 (q = 0 gives 1, q = 1 gives 0).
    public func upperQuantile(_ q: Double) throws(ProbabilityError) -> Double {
        try Check.probability(q, "q", in: "Beta.upperQuantile")
        if q == 0 { return 1 }
        if q == 1 { return 0 }
        if a == 1 { return -Double.expMinusOne(Double.log(q) / b) }
        if b == 1 { return Double.exp(Double.log(onePlus: -q) / a) }
        let kernel = try BetaKernel(a: a, b: b, function: "Beta.upperQuantile")
        let start =
            q <= 0.5
            ? kernel.start(tail: q, mirrored: true)
            : kernel.start(tail: 1 - q, mirrored: false)
        return try MonotoneInversion(kernel).upperQuantile(q, start: start, function: "Beta.upperQuantile")
    }
}

/// I_x(a, b), its complement and density, with the shapes' constants computed once per quantile.
/// (Non-finite constants for absurd shapes surface as a `nonFinite` error from the inversion.)
struct BetaKernel: TailKernel {
    let a: Double
    let b: Double
    let incomplete: IncompleteBeta

    @inline(__always)
    init(a: Double, b: Double, function: StaticString) throws(ProbabilityError) {
        GSLRuntime.prepare()
        self.a = a
        self.b = b
        incomplete = IncompleteBeta(a: a, b: b)
    }

    var lowerEnd: Double { 0 }
    var upperEnd: Double { 1 }
    @inline(__always) func lowerTail(_ x: Double) -> Double { incomplete.tails(x, 1 - x).lower }
    @inline(__always) func upperTail(_ x: Double) -> Double { incomplete.tails(x, 1 - x).upper }
    @inline(__always) func pdf(_ x: Double) -> Double { incomplete.density(x, 1 - x) }
    @inline(__always) func logPDFSlope(_ x: Double) -> Double { (a - 1) / x - (b - 1) / (1 - x) }
    @inline(__always) func tailAndDensity(_ x: Double, upper: Bool) -> (tail: Double, density: Double) {
        let all = incomplete.tailsAndDensity(x, 1 - x)
        return (upper ? all.upper : all.lower, all.density)
    }

    /// log f(x + s) − log f(x) = (a − 1) log(1 + s/x) + (b − 1) log(1 − s/(1 − x)), so with
    /// s = c·w: κⱼ = −[(a − 1)(−c/x)ʲ + (b − 1)(c/(1 − x))ʲ] / j.
    @inline(__always) func logDensityTaylor(_ x: Double, step c: Double) -> SIMD8<Double>? {
        let u = -c / x, v = c / (1 - x)
        let am1 = a - 1, bm1 = b - 1
        let u2: Double = u * u, u4: Double = u2 * u2
        let v2: Double = v * v, v4: Double = v2 * v2
        let u3: Double = u2 * u, u5: Double = u4 * u, u6: Double = u4 * u2, u7: Double = u4 * u3, u8: Double = u4 * u4
        let v3: Double = v2 * v, v5: Double = v4 * v, v6: Double = v4 * v2, v7: Double = v4 * v3, v8: Double = v4 * v4
        let uPowers = SIMD8<Double>(u, u2, u3, u4, u5, u6, u7, u8)
        let vPowers = SIMD8<Double>(v, v2, v3, v4, v5, v6, v7, v8)
        let reciprocals = SIMD8<Double>(1, 1.0 / 2, 1.0 / 3, 1.0 / 4, 1.0 / 5, 1.0 / 6, 1.0 / 7, 1.0 / 8)
        return -(am1 * uPowers + bm1 * vPowers) * reciprocals
    }

    /// A starting value for the x whose lower tail is `tail` (≤ 0.5), or, when `mirrored`,
    /// whose upper tail is `tail`: the initial approximation of AS 109 (Majumder &
    /// Bhattacharjee 1973, after Cran, Martin & Thomas 1977, AS R19), as used by R's qbeta.
    ///
    /// With y the upper normal quantile of `tail` (Hastings' rational approximation,
    /// Abramowitz & Stegun 26.2.22): for a, b > 1,
    /// x = a / (a + b e^(2w)), w = y √(h + r)/h − (t − s)(r + 5/6 − 2/(3h)),
    /// r = (y² − 3)/6, s = 1/(2a − 1), t = 1/(2b − 1), h = 2/(s + t);
    /// otherwise a chi-squared (Wilson–Hilferty) or power-law approximation of the tail.
    /// The mirrored case solves Beta(b, a) and returns 1 − x, carried as its own number so
    /// that an answer near 0 keeps its relative precision.
    @inline(__always)
    func start(tail: Double, mirrored: Bool) -> Double {
        start(tail: tail, normalQuantile: Self.normalQuantile(tail), mirrored: mirrored)
    }

    /// The upper normal quantile of `tail` (≤ 0.5) from Hastings' rational approximation
    /// (A&S 26.2.22, absolute error below 3e-3): the first ingredient of ``start(tail:mirrored:)``.
    @inline(__always)
    static func normalQuantile(_ tail: Double) -> Double {
        let r = (-2 * Double.log(tail)).squareRoot()
        return r - (2.30753 + 0.27061 * r) / (1 + (0.99229 + 0.04481 * r) * r)
    }

    /// ``start(tail:mirrored:)`` with the normal quantile `y` of `tail` given (two bounds of a
    /// Clopper–Pearson interval share it).
    @inline(__always)
    func start(tail: Double, normalQuantile y: Double, mirrored: Bool) -> Double {
        let (pp, qq) = mirrored ? (b, a) : (a, b)
        var r: Double
        var x: Double
        var complement: Double
        if pp > 1 && qq > 1 {
            r = (y * y - 3) * (1.0 / 6)
            // With P = 2a − 1, Q = 2b − 1: s = 1/P, t = 1/Q, 1/h = (P + Q)/(2PQ), t − s = (P − Q)/(PQ),
            // and √(h + r)/h = √(1/h + r/h²): one division instead of five (the start's
            // divisions are all on the quantile's critical path).
            let bigP = pp + pp - 1, bigQ = qq + qq - 1
            let inversePQ = 1 / (bigP * bigQ)
            let inverseH = 0.5 * (bigP + bigQ) * inversePQ
            let w =
                y * (inverseH + r * inverseH * inverseH).squareRoot()
                - (bigP - bigQ) * inversePQ * (r + 5.0 / 6 - (2.0 / 3) * inverseH)
            let e = qq * Double.exp(w + w)
            let inverseSum = 1 / (pp + e)
            x = pp * inverseSum
            complement = e * inverseSum
        } else {
            let logBeta = gsl_sf_lnbeta(a, b)  // needed only here
            r = qq + qq
            var t = 1 / (9 * qq)
            let c = 1 - t + y * t.squareRoot()
            t = r * c * c * c
            if t <= 0 {
                complement = Double.exp((Double.log(onePlus: -tail) + Double.log(qq) + logBeta) / qq)
                x = 1 - complement
            } else {
                t = (4 * pp + r - 2) / t
                if t <= 1 {
                    x = Double.exp((Double.log(tail * pp) + logBeta) / pp)
                    complement = 1 - x
                } else {
                    x = 1 - 2 / (t + 1)
                    complement = 2 / (t + 1)
                }
            }
        }
        let answer = mirrored ? complement : x
        return answer > 0 && answer < 1 ? answer : a / (a + b)
    }
}
