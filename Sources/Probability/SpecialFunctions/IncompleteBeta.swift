internal import CGSL
import RealModule

/// The regularised incomplete beta function I_x(a, b) and its complement, for one pair of
/// shapes, each computed directly where it is the smaller.
///
/// * the power term x^a (1−x)^b / B(a, b): for a, b ≥ 10 written around the peak
///   x₀ = a/(a+b) as exp(a·(log(1+s) − s) + b·(log(1+t) − t) + ½ log(ab / (2π(a+b))) − Δ),
///   s = x/x₀ − 1, t = (1−x)/(1−x₀) − 1, Δ = S(a) + S(b) − S(a+b) (Stirling corrections);
///   for one shape below 10 and the other above, the analogous mixed form; for both below 10,
///   `gsl_sf_lnbeta`. Formed naively, the logarithms cancel and lose about 1e-9 relative at
///   a + b = 10⁶.
/// * the continued fraction of DLMF 8.17.22 by the modified Lentz method, on whichever side
///   x < (a+1)/(a+b+2) makes it converge fast (about √max(a, b) steps at worst).
///
/// GSL 2.7.1's `gsl_cdf_beta_P/Q` is replaced here because it returns NaN at a = b = 10⁶,
/// x = 0.5 (its continued fraction stops at a fixed cap), is 2e-10 wrong at a = b = 10⁵, and
/// for a > 10⁵ with b < 10 switches to the approximation A&S 26.5.17, which returns 0 for
/// the binomial P(X = 0) = 3.7e-44 at n = 10⁶, p = 10⁻⁴. See docs/methods/distributions.md.
struct IncompleteBeta {
    let a: Double
    let b: Double
    private let sum: Double
    /// 1/a and 1/b: the power term divides by the shapes at every evaluation.
    private let inverseA: Double
    private let inverseB: Double
    /// The constant part of the log power term (depends on the case; see ``logPowerTerm``).
    private let constant: Double
    private let kind: Kind
    private enum Kind { case bothLarge, aSmall, bSmall, bothSmall }

    /// The cap on continued-fraction steps; enough for every a, b ≤ 10¹⁰.
    static var maximumSteps: Int { 2_000_000 }

    init(a: Double, b: Double) {
        self.a = a
        self.b = b
        sum = a + b
        inverseA = 1 / a
        inverseB = 1 / b
        let large = LogTerms.stirlingThreshold
        switch (a >= large, b >= large) {
        case (true, true):
            kind = .bothLarge
            constant =
                0.5 * Double.log(a * b / (a + b)) - LogTerms.halfLogTwoPi
                - (LogTerms.stirlingCorrection(a) + LogTerms.stirlingCorrection(b) - LogTerms.stirlingCorrection(a + b))
        case (false, true):
            kind = .aSmall
            constant =
                -LogTerms.logGamma(a) - 0.5 * Double.log(onePlus: a / b)
                - LogTerms.stirlingCorrection(b) + LogTerms.stirlingCorrection(a + b)
        case (true, false):
            kind = .bSmall
            constant =
                -LogTerms.logGamma(b) - 0.5 * Double.log(onePlus: b / a)
                - LogTerms.stirlingCorrection(a) + LogTerms.stirlingCorrection(a + b)
        case (false, false):
            kind = .bothSmall
            GSLRuntime.prepare()
            constant = -gsl_sf_lnbeta(a, b)
        }
    }

    /// log(x^a y^b / B(a, b)) with y = 1 − x (given separately, exactly), 0 < x < 1.
    ///
    /// The distance from the peak, d = a − (a+b)x, is formed as a·y − b·x: the product
    /// (a+b)x would carry an absolute rounding error of ulp(a+b), which b·(log(1+t) − t)
    /// turns into 5e-11 relative at a = 10⁶, b = 20.
    @inline(__always)
    func logPowerTerm(_ x: Double, _ y: Double) -> Double {
        let d = a * y - b * x
        switch kind {
        case .bothLarge:
            return LogTerms.peakTerm(a, ratio: sum * x * inverseA, excess: -d * inverseA)
                + LogTerms.peakTerm(b, ratio: sum * y * inverseB, excess: d * inverseB) + constant
        case .aSmall:
            // a log(cx) − cx − log Γ(a) + b (log(1+t) − t) − ½ log(1 + a/b) − S(b) + S(c)
            let cx = sum * x
            return a * Double.log(cx) - cx + LogTerms.peakTerm(b, ratio: sum * y * inverseB, excess: d * inverseB) + constant
        case .bSmall:
            let cy = sum * y
            return b * Double.log(cy) - cy + LogTerms.peakTerm(a, ratio: sum * x * inverseA, excess: -d * inverseA) + constant
        case .bothSmall:
            return a * Double.log(x) + b * Double.log(y) + constant
        }
    }

    /// The beta density x^(a−1) (1−x)^(b−1) / B(a, b), 0 < x < 1, y = 1 − x.
    @inline(__always)
    func density(_ x: Double, _ y: Double) -> Double { Double.exp(logPowerTerm(x, y)) / (x * y) }

    /// (I_x(a, b), 1 − I_x(a, b)) for 0 < x < 1, y = 1 − x; NaN if the cap is reached.
    @inline(__always)
    func tails(_ x: Double, _ y: Double) -> (lower: Double, upper: Double) {
        let all = tailsAndDensity(x, y)
        return (all.lower, all.upper)
    }

    /// Both tails and the density from one evaluation of the power term (the inversion's
    /// Halley step needs all three).
    @inline(__always)
    func tailsAndDensity(_ x: Double, _ y: Double) -> (lower: Double, upper: Double, density: Double) {
        tailsAndDensity(x, y, term: Double.exp(logPowerTerm(x, y)))
    }

    /// ``tailsAndDensity(_:_:)`` with the power term x^a y^b / B(a, b) already computed.
    @inline(__always)
    func tailsAndDensity(_ x: Double, _ y: Double, term: Double) -> (lower: Double, upper: Double, density: Double) {
        let density = term / (x * y)
        if x * (sum + 2) < a + 1 {
            let p = term * Self.fraction(a, b, x, y) / a
            return (p, 1 - p, density)
        }
        let q = term * Self.fraction(b, a, y, x) / b
        return (1 - q, q, density)
    }

    /// The continued fraction of DLMF 8.17.22 for argument x with y = 1 − x:
    /// 1/(1 + d₁/(1 + d₂/(1 + …))), d₁ = −(a+b)x/(a+1),
    /// d₂ₘ = m(b−m)x / ((a+2m−1)(a+2m)), d₂ₘ₊₁ = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)).
    ///
    /// Evaluated by the forward (Wallis) recurrence with a power-of-two rescaling when B grows
    /// large and the ratio A/B checked once per pair of terms: no dependency chain through a
    /// division, unlike the modified Lentz method (Press et al., *Numerical Recipes* 3rd ed.,
    /// §5.2 and §6.4). The fraction is first brought to polynomial partial numerators by the
    /// equivalence transformation with factors γₖ = a + k (Lorentzen & Waadeland, *Continued
    /// Fractions* 1, 2008, §1.3): the k-th step becomes A ← γₖ·A + γₖγₖ₋₁dₖ·A′, where
    /// γ₂ₘγ₂ₘ₋₁d₂ₘ = m(b−m)x and γ₂ₘ₊₁γ₂ₘd₂ₘ₊₁ = −(a+m)(a+b+m)x, so the only division
    /// left per pair of terms is the convergence check's A/B (three before; the loop was
    /// bound by divider throughput). The convergents A/B are the same numbers.
    ///
    /// Each pair of steps is applied as one 2×2 matrix whose entries depend only on m:
    /// A″ = (γ₂ₘ₊₁γ₂ₘ + γ₂ₘ₊₁γ₂ₘd₂ₘ₊₁)·A + γ₂ₘ₊₁·(γ₂ₘγ₂ₘ₋₁d₂ₘ)·A′, A‴ = γ₂ₘ·A + γ₂ₘγ₂ₘ₋₁d₂ₘ·A′
    /// (the product of the two steps' matrices), so the dependency chain through (A, B) is one
    /// multiply-add per pair instead of two; and the convergence test (a division) comes after
    /// every third pair, which stops at most two pairs later. Same convergents in exact
    /// arithmetic; measured over every test fixture the errors are unchanged (within 2%).
    ///
    /// The first denominator 1 + d₁ = 1 − (a+b)x/(a+1) is formed as (a·y − b·x + 1)/(a+1):
    /// near the switch point x ≈ (a+1)/(a+b+2) the textbook form subtracts two numbers of size
    /// a+b and turned the rounding of y = 1 − x into 6e-11 relative error at a = 2.5, b = 10⁶.
    /// The continued fraction in plain doubles, recomputed with the recurrence in
    /// double-double when its value is large (above ``compensationSize``), the sign that the
    /// recurrence cancelled heavily.
    ///
    /// That happens when one shape is small, the other very large, and x lies just past the
    /// switch point (binomial tails at n = 10⁶, p = 10⁻⁴): the recurrence then cancels heavily
    /// and its rounding reached 7e-11 relative (a = 3, b = 10⁶) and 1.1e-11 (a = 81,
    /// b = 999,920, a value of 43,571 after 81 steps). The coefficients themselves are
    /// accurate: carrying A and B as unevaluated sums of two doubles brings the error to
    /// about 3e-13, at about four times the cost, paid only in that regime.
    @inline(__always)
    static func fraction(_ a: Double, _ b: Double, _ x: Double, _ y: Double) -> Double {
        let (value, _) = continuedFraction(a, b, x, y)
        if abs(value) <= compensationSize { return value }
        return compensatedContinuedFraction(a, b, x, y)
    }

    /// A fraction larger than this is recomputed in double-double.
    static var compensationSize: Double { 64 }

    @inline(__always)
    static func continuedFraction(_ a: Double, _ b: Double, _ x: Double, _ y: Double) -> (value: Double, steps: Int) {
        let qab = a + b, qap = a + 1
        // (A, B) as one two-lane vector. After the first two partial denominators:
        // A₁ = 1, B₁ = 1; A₂ = 1, B₂ = 1 + d₁, both multiplied by γ₁ = a + 1.
        var previous = SIMD2<Double>(1, 1)
        var current = SIMD2<Double>(qap, a * y - b * x + 1)
        var value = current[0] / current[1]
        var m = 1.0
        for step in 0..<maximumSteps {
            let m2 = 2 * m
            // γ₂ₘ = a + 2m, γ₂ₘ₊₁ = a + 2m + 1 and the transformed partial numerators.
            let gammaEven = a + m2, gammaOdd = qap + m2
            let even = m * (b - m) * x
            let odd = -(a + m) * (qab + m) * x
            // The pair of steps as one 2×2 matrix whose entries do not depend on (A, B):
            // evenStep = γ₂ₘ·current + even·previous and
            // current′ = γ₂ₘ₊₁·evenStep + odd·current = (γ₂ₘ₊₁γ₂ₘ + odd)·current + γ₂ₘ₊₁·even·previous.
            let currentFactor = gammaOdd * gammaEven + odd, previousFactor = gammaOdd * even
            let evenStep = gammaEven * current + even * previous
            current = currentFactor * current + previousFactor * previous
            previous = evenStep
            // The next pair (m + 1), before the convergence test.
            let m1 = m + 1, m12 = m2 + 2
            let gammaEven1 = a + m12, gammaOdd1 = qap + m12
            let even1 = m1 * (b - m1) * x
            let odd1 = -(a + m1) * (qab + m1) * x
            let currentFactor1 = gammaOdd1 * gammaEven1 + odd1, previousFactor1 = gammaOdd1 * even1
            let evenStep1 = gammaEven1 * current + even1 * previous
            current = currentFactor1 * current + previousFactor1 * previous
            previous = evenStep1
            // And the third (m + 2).
            let m3 = m1 + 1, m32 = m12 + 2
            let gammaEven2 = a + m32, gammaOdd2 = qap + m32
            let even2 = m3 * (b - m3) * x
            let odd2 = -(a + m3) * (qab + m3) * x
            let currentFactor2 = gammaOdd2 * gammaEven2 + odd2, previousFactor2 = gammaOdd2 * even2
            let evenStep2 = gammaEven2 * current + even2 * previous
            current = currentFactor2 * current + previousFactor2 * previous
            previous = evenStep2
            m = m3
            let next = current[0] / current[1]
            if abs(next - value) <= 2 * Double.ulpOfOne * abs(next) { return (next, 3 * step + 3) }
            value = next
            let size = abs(current[1])
            if size > 0x1p500 || size < 0x1p-500 {
                let factor = size > 0x1p500 ? 0x1p-500 : 0x1p500
                current *= factor
                previous *= factor
            }
            m += 1
        }
        return (.nan, maximumSteps)
    }

    /// The same recurrence with A, A′, B, B′ in double-double (Dekker 1971; error-free products
    /// by Dekker's TwoProduct): used only when the plain one's value is large.
    static func compensatedContinuedFraction(_ a: Double, _ b: Double, _ x: Double, _ y: Double) -> Double {
        let qab = a + b, qap = a + 1, qam = a - 1
        var aPrevious = DoubleDouble(1), bPrevious = DoubleDouble(1)
        var aCurrent = DoubleDouble(1), bCurrent = DoubleDouble((a * y - b * x + 1) / qap)
        var value = aCurrent.value / bCurrent.value
        var m = 1.0
        for _ in 0..<maximumSteps {
            let m2 = 2 * m
            let even = m * (b - m) * x / ((qam + m2) * (a + m2))
            let odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            let aEven = aCurrent.addingProduct(even, aPrevious)
            let bEven = bCurrent.addingProduct(even, bPrevious)
            let aOdd = aEven.addingProduct(odd, aCurrent)
            let bOdd = bEven.addingProduct(odd, bCurrent)
            (aPrevious, bPrevious) = (aEven, bEven)
            (aCurrent, bCurrent) = (aOdd, bOdd)
            let next = aCurrent.value / bCurrent.value
            if abs(next - value) <= 2 * Double.ulpOfOne * abs(next) { return next }
            value = next
            let size = abs(bCurrent.high)
            if size > 0x1p500 || size < 0x1p-500 {
                let factor = size > 0x1p500 ? 0x1p-500 : 0x1p500
                aCurrent.scale(by: factor); bCurrent.scale(by: factor)
                aPrevious.scale(by: factor); bPrevious.scale(by: factor)
            }
            m += 1
        }
        return .nan
    }
}

/// An unevaluated sum high + low of two doubles, |low| ≤ ulp(high)/2: about 106 bits.
struct DoubleDouble {
    var high: Double
    var low: Double

    init(_ value: Double) { high = value; low = 0 }
    init(high: Double, low: Double) { self.high = high; self.low = low }

    var value: Double { high + low }

    /// self + c·other, with c·other.high formed exactly by Dekker's TwoProduct and the sum by
    /// Knuth's TwoSum.
    ///
    /// TwoProduct splits both factors into 26-bit halves (Veltkamp's splitting, Dekker 1971)
    /// rather than using a fused multiply-add: the package is built for baseline x86-64, where
    /// `fma` is a library call that made this loop four times slower. Exact for products
    /// below about 2^996 (the recurrence is rescaled at 2^500).
    @inline(__always)
    func addingProduct(_ c: Double, _ other: DoubleDouble) -> DoubleDouble {
        let productHigh = c * other.high
        let (cHigh, cLow) = Self.split(c)
        let (oHigh, oLow) = Self.split(other.high)
        let productError = ((cHigh * oHigh - productHigh) + cHigh * oLow + cLow * oHigh) + cLow * oLow
        let productLow = productError + c * other.low
        let sum = high + productHigh
        let virtual = sum - high
        let sumError = (high - (sum - virtual)) + (productHigh - virtual)
        let tail = sumError + low + productLow
        let newHigh = sum + tail
        return DoubleDouble(high: newHigh, low: tail - (newHigh - sum))
    }

    /// Veltkamp's splitting: value = high + low exactly, each with at most 26 significant bits.
    @inline(__always)
    static func split(_ value: Double) -> (high: Double, low: Double) {
        let t = 134_217_729.0 * value  // 2^27 + 1
        let high = t - (t - value)
        return (high, value - high)
    }

    /// Multiplies by a power of two (exact).
    @inline(__always)
    mutating func scale(by factor: Double) {
        high *= factor
        low *= factor
    }
}
