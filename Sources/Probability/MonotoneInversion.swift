import RealModule

/// What ``MonotoneInversion`` needs to know about a continuous distribution: its two tails,
/// its density and the density's logarithmic slope, all as plain (non-throwing) functions of x
/// inside the support. Conforming types are small structs holding precomputed constants, so the
/// generic inversion is specialised and inlined: no closures, no allocation in the hot path.
protocol TailKernel {
    /// The support's ends; `upperEnd` may be `.infinity`.
    var lowerEnd: Double { get }
    var upperEnd: Double { get }
    /// F(x) = P(X ≤ x) and Q(x) = P(X > x), each computed directly (no 1 − F).
    func lowerTail(_ x: Double) -> Double
    func upperTail(_ x: Double) -> Double
    /// The density f(x).
    func pdf(_ x: Double) -> Double
    /// f′(x) / f(x), the slope of log f: used for Halley's correction.
    func logPDFSlope(_ x: Double) -> Double
    /// The lower (or upper) tail and the density together; kernels whose two share work
    /// (the power term of the incomplete gamma and beta functions) compute it once.
    func tailAndDensity(_ x: Double, upper: Bool) -> (tail: Double, density: Double)
    /// The Taylor coefficients κ₁, …, κ₈ of log f(x + c·w) − log f(x) in powers of w, for a
    /// step c: κⱼ = cʲ (log f)⁽ʲ⁾(x) / j! (the series step uses κ₁ … κ₇). Kernels with a closed form for them get the
    /// one-shot ``MonotoneInversion`` series step; `nil` (the default) means no such step.
    func logDensityTaylor(_ x: Double, step c: Double) -> SIMD8<Double>?
}

extension TailKernel {
    @inline(__always)
    func tailAndDensity(_ x: Double, upper: Bool) -> (tail: Double, density: Double) {
        (upper ? upperTail(x) : lowerTail(x), pdf(x))
    }

    @inline(__always)
    func logDensityTaylor(_ x: Double, step c: Double) -> SIMD8<Double>? { nil }
}

/// Inverts a continuous distribution function: finds x with F(x) = p or Q(x) = q.
///
/// GSL 2.7.1's own inverses (`gsl_cdf_beta_Pinv`, `gsl_cdf_chisq_Pinv`, ...) return NaN on
/// ordinary inputs (see docs/methods/quantiles.md), so trialsize builds every quantile it
/// exposes on GSL's distribution functions instead:
///
/// * the tail that is *smaller* is always the one solved, so no probability near 1 is ever
///   subtracted from (no cancellation);
/// * steps are Halley steps on the *logarithm* of that tail,
///   h(x) = ±(log T(x) − log t), with h′ = f/T and h″ = h′(f′/f ∓ h′); on the logarithm the
///   deep tails (T ≈ c·x^a, T ≈ c·e^(−x)) are nearly linear, so a step from a good starting
///   value lands close and converges cubically;
/// * every step is kept inside a bracket [lo, hi] known to hold the root; a step that would
///   leave it, or is not finite, is replaced by bisection — geometric when the bracket spans
///   orders of magnitude in x, or in the distance to a finite upper end (a beta near 1) — so
///   the method cannot diverge and always terminates.
///
/// * after every evaluation, if the kernel gives the Taylor coefficients of log f, a
///   one-shot series step (``seriesStep(at:tail:density:target:upper:lo:hi:)``) solves the
///   degree-8 Taylor expansion of the tail around x exactly; when its truncation error is
///   provably below the answer's rounding, that is the answer. From the starting values used
///   here this ends most beta inversions after a single evaluation.
///
/// The iteration stops when a Halley step is below ``halleyStepTolerance`` (10⁻⁶) relative to
/// the distance from x to the nearer end of the support, or a Newton step below ``newtonStepTolerance`` (10⁻¹²); that step is still taken. The
/// error after a Halley step is of the order of the cube of the step (after a Newton step, its
/// square), so in both cases the answer is then limited only by the accuracy of the tail
/// function — and one evaluation of it, the most expensive part, is saved.
///
/// References: Halley's method with bracketing as in Boost.Math's `halley_iterate`
/// (tools/roots.hpp); the safeguarded Newton scheme of Press et al., *Numerical Recipes*
/// (3rd ed.), §9.4.
struct MonotoneInversion<Kernel: TailKernel> {
    let kernel: Kernel

    /// Iteration cap: 400 steps comfortably covers pure geometric bisection over the whole
    /// double range; from the starting values used here Halley needs 2–5.
    static var maximumIterations: Int { 400 }
    /// A Halley step smaller than this, relative to x, ends the iteration (after being taken).
    static var halleyStepTolerance: Double { 1e-6 }
    /// A Newton step (taken when Halley's correction factor is out of range) smaller than this.
    static var newtonStepTolerance: Double { 1e-12 }

    init(_ kernel: Kernel) { self.kernel = kernel }

    /// The x whose lower tail probability is `p` (0 < p < 1).
    @inline(__always)
    func quantile(_ p: Double, start: Double, function: StaticString) throws(ProbabilityError) -> Double {
        p <= 0.5
            ? try solve(target: p, upper: false, start: start, function: function)
            : try solve(target: 1 - p, upper: true, start: start, function: function)
    }

    /// The x whose upper tail probability is `q` (0 < q < 1).
    @inline(__always)
    func upperQuantile(_ q: Double, start: Double, function: StaticString) throws(ProbabilityError) -> Double {
        q <= 0.5
            ? try solve(target: q, upper: true, start: start, function: function)
            : try solve(target: 1 - q, upper: false, start: start, function: function)
    }

    /// h(x), increasing in x, zero at the root; also returns the tail value used.
    @inline(__always)
    private func h(_ x: Double, logTarget: Double, upper: Bool) -> (value: Double, tail: Double) {
        if upper {
            let tail = kernel.upperTail(x)
            return (logTarget - Double.log(tail), tail)
        }
        let tail = kernel.lowerTail(x)
        return (Double.log(tail) - logTarget, tail)
    }

    /// Solves T(x) = target for the lower tail F (upper == false) or the upper tail Q.
    func solve(target: Double, upper: Bool, start: Double, function: StaticString) throws(ProbabilityError) -> Double {
        // Needed only for a Halley step or to bracket an infinite upper end (the series step
        // usually ends the search before either).
        var logTarget = kernel.upperEnd.isFinite ? Double.nan : Double.log(target)
        var lo = kernel.lowerEnd
        var hi = kernel.upperEnd
        var x = start
        if !(x > lo && x < hi) || !x.isFinite {
            x = hi.isFinite ? 0.5 * (lo + hi) : lo + 1
        }
        // An infinite upper end: step out until the root is bracketed (cap: 2100 doublings
        // reach the largest double from any start ≥ 1).
        if !hi.isFinite {
            var probe = Swift.max(x, 1)
            var bracketed = false
            for _ in 0..<2100 {
                let value = h(probe, logTarget: logTarget, upper: upper).value
                if value >= 0 { bracketed = true; break }
                if value.isNaN || !probe.isFinite { break }
                lo = probe
                probe *= 2
            }
            guard bracketed, probe.isFinite else {
                throw .noConvergence(function: "\(function)", iterations: 2100)
            }
            hi = probe
            if !(x > lo && x < hi) { x = 0.5 * (lo + hi) }
        }
        for _ in 0..<Self.maximumIterations {
            let (tail, density) = kernel.tailAndDensity(x, upper: upper)
            if tail == target { return x }
            if tail.isNaN {
                throw .nonFinite(function: "\(function)", detail: "tail probability at x = \(x)")
            }
            // h(x) < 0 below the root: the lower tail still too small, or the upper one too large.
            if upper ? tail > target : tail < target { lo = x } else { hi = x }
            if let answer = seriesStep(at: x, tail: tail, density: density, target: target, upper: upper, lo: lo, hi: hi) {
                return answer
            }
            if logTarget.isNaN { logTarget = Double.log(target) }
            let value: Double = upper ? logTarget - Double.log(tail) : Double.log(tail) - logTarget
            // Halley on h: step = u / (1 − u h″ / (2 h′)), u = h / h′.
            let hPrime = density / tail
            let u = value / hPrime
            let slope = kernel.logPDFSlope(x)
            let correction = 1 - 0.5 * u * (upper ? slope + hPrime : slope - hPrime)
            let halley = correction >= 0.5 && correction <= 2
            // An infinite or zero derivative (a density overflowing at a subnormal x) gives no
            // usable step: bisect instead.
            let step: Double = (hPrime.isFinite && hPrime > 0) ? (halley ? u / correction : u) : .nan
            var next = x - step
            // Steps are measured against the distance to the nearer end of the support, where
            // the tails bend most (a beta with b = 0.05 near x = 1). A converged step is
            // accepted before the bracket test: at the root, x − step may equal x = lo.
            let scale = Swift.min(abs(next - kernel.lowerEnd), abs(kernel.upperEnd - next))
            let tolerance = halley ? Self.halleyStepTolerance : Self.newtonStepTolerance
            if next.isFinite && next >= lo && next <= hi && (abs(step) <= tolerance * scale || next == x) {
                return try finish(next, function)
            }
            if !next.isFinite || next <= lo || next >= hi {
                let end = kernel.upperEnd
                if lo > 0 && hi / lo > 4 {
                    // √lo·√hi, not √(lo·hi): the product underflows for subnormal quantiles.
                    next = lo.squareRoot() * hi.squareRoot()
                } else if lo == 0 {
                    next = hi.isFinite ? Swift.min(x, hi) / 1024 : x
                    if next <= lo { return lo }
                } else if end.isFinite && hi == end && lo > 0.5 * end {
                    // Mirror of the lo = 0 case: close in on a finite upper end geometrically.
                    next = end - (end - lo) / 1024
                } else if end.isFinite && hi < end && (end - lo) > 4 * (end - hi) {
                    // Geometric in the distance to the upper end (a beta's upper tail near 1).
                    next = end - (end - lo).squareRoot() * (end - hi).squareRoot()
                } else {
                    next = lo + 0.5 * (hi - lo)
                }
                if next <= lo || next >= hi { return try finish(next <= lo ? lo : hi, function) }
            }
            x = next
        }
        throw .noConvergence(function: "\(function)", iterations: Self.maximumIterations)
    }

    /// The root of the tail's Taylor expansion of degree 8 around x, if its truncation error is
    /// below 10⁻¹⁶ of the distance to the nearer end of the support; otherwise `nil`.
    ///
    /// With the first-order step c = ±(t − T(x))/f(x) (+ for the lower tail) and
    /// φ(w) = f(x + c·w)/f(x) = exp(Σⱼ κⱼ wʲ), the equation T(x + c·w) = t is
    /// ∫₀ʷ φ = 1, i.e. P(w) = Σₘ pₘ wᵐ = 1 with pₘ = φₘ₋₁/m, where the coefficients of
    /// the exponential of a series follow from φ′ = (Σ jκⱼwʲ⁻¹)·φ:
    /// φ₀ = 1, φₖ = (1/k) Σⱼ₌₁ᵏ jκⱼ φₖ₋ⱼ (Knuth, TAOCP 2, §4.7; Henrici, *Applied and
    /// Computational Complex Analysis* 1, §1.6). This is Schröder's (1870) method of order 9
    /// — the series form of Householder's methods, of which Newton and Halley are the first two
    /// — so a start within about 10⁻² of the tail's scale lands within rounding.
    ///
    /// P(w) = 1 is solved by one Halley step from the series reversion to fourth order,
    /// w₀ = 1 − p₂ + (2p₂² − p₃) − (5p₂³ − 5p₂p₃ + p₄) (Abramowitz & Stegun 3.6.25), whose
    /// error is of order p₂⁴ (about 10⁻⁸ here); the step's own error is of order its cube.
    /// The dropped terms are of size |c·p₉| ≪ |c·p₈|; requiring |c·p₈| ≤ 10⁻¹⁶·scale keeps
    /// them far below the answer's rounding while the pₘ decrease geometrically (ratio about
    /// κ₁/m here), and a start too far out for that (a deep tail from a rough start) is left to
    /// the Halley iteration.
    @inline(__always)
    func seriesStep(
        at x: Double, tail: Double, density: Double, target: Double, upper: Bool,
        lo: Double, hi: Double
    ) -> Double? {
        let c = (upper ? tail - target : target - tail) / density
        guard c.isFinite, c != 0, let kappa = kernel.logDensityTaylor(x, step: c) else { return nil }
        let scale = Swift.min(abs(x - kernel.lowerEnd), abs(kernel.upperEnd - x))
        // jκⱼ, then φ₁…φ₇ (φ₀ = 1), written out with constant reciprocals (no division).
        let k1 = kappa[0], k2 = 2 * kappa[1], k3 = 3 * kappa[2], k4 = 4 * kappa[3]
        let k5 = 5 * kappa[4], k6 = 6 * kappa[5], k7 = 7 * kappa[6]
        let phi1 = k1
        let phi2 = (k2 + k1 * phi1) * (1.0 / 2)
        let phi3 = (k3 + k1 * phi2 + k2 * phi1) * (1.0 / 3)
        let phi4 = (k4 + k1 * phi3 + k2 * phi2 + k3 * phi1) * (1.0 / 4)
        let phi5 = (k5 + k1 * phi4 + k2 * phi3 + k3 * phi2 + k4 * phi1) * (1.0 / 5)
        let phi6 = (k6 + k1 * phi5 + k2 * phi4 + k3 * phi3 + k4 * phi2 + k5 * phi1) * (1.0 / 6)
        let phi7 = (k7 + k1 * phi6 + k2 * phi5 + k3 * phi4 + k4 * phi3 + k5 * phi2 + k6 * phi1) * (1.0 / 7)
        // pₘ = φₘ₋₁/m; p₈ is the last term kept.
        let p2 = phi1 * (1.0 / 2), p3 = phi2 * (1.0 / 3), p4 = phi3 * (1.0 / 4), p5 = phi4 * (1.0 / 5)
        let p6 = phi5 * (1.0 / 6), p7 = phi6 * (1.0 / 7), p8 = phi7 * (1.0 / 8)
        guard abs(c * p8) <= 1e-16 * scale else { return nil }
        let w = 1 - p2 + (2 * p2 * p2 - p3) - (5 * p2 * p2 * p2 - 5 * p2 * p3 + p4)
        // One Halley step on P(w) = 1: P(w)/w, P′(w) and P″(w) by Horner's rule.
        let value = ((((((p8 * w + p7) * w + p6) * w + p5) * w + p4) * w + p3) * w + p2) * w + 1
        let slope =
            ((((((8 * p8 * w + 7 * p7) * w + 6 * p6) * w + 5 * p5) * w + 4 * p4) * w + 3 * p3) * w
                + 2 * p2) * w + 1
        let curvature =
            (((((56 * p8 * w + 42 * p7) * w + 30 * p6) * w + 20 * p5) * w + 12 * p4) * w + 6 * p3) * w
            + 2 * p2
        // Halley: u/(1 − u·P″/(2P′)) with u = (P(w) − 1)/P′, written with one division.
        let residual = value * w - 1
        let step = residual * slope / (slope * slope - 0.5 * residual * curvature)
        // The error after a Halley step is about K·step³ with K = O(p₂², p₃) ≪ 1 here: below
        // 10⁻¹⁶ of the scale once |step| ≤ 10⁻⁵ and |c·step| ≤ 10⁻⁶·scale.
        guard abs(step) <= 1e-5, abs(c * step) <= 1e-6 * scale else { return nil }
        let answer = x + c * (w - step)
        return answer >= lo && answer <= hi && answer.isFinite ? answer : nil
    }

    /// The answer, if finite (the function's name becomes a String only on the error path).
    @inline(__always)
    private func finish(_ x: Double, _ function: StaticString) throws(ProbabilityError) -> Double {
        guard x.isFinite else { throw .nonFinite(function: "\(function)", detail: "inversion") }
        return x
    }
}
