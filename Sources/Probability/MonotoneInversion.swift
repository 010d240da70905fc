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
}

extension TailKernel {
    @inline(__always)
    func tailAndDensity(_ x: Double, upper: Bool) -> (tail: Double, density: Double) {
        (upper ? upperTail(x) : lowerTail(x), pdf(x))
    }
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

    /// h(x) with the tail and the density, from one kernel evaluation.
    @inline(__always)
    private func hAndDensity(_ x: Double, logTarget: Double, upper: Bool) -> (value: Double, tail: Double, density: Double) {
        let (tail, density) = kernel.tailAndDensity(x, upper: upper)
        return (upper ? logTarget - Double.log(tail) : Double.log(tail) - logTarget, tail, density)
    }

    /// Solves T(x) = target for the lower tail F (upper == false) or the upper tail Q.
    func solve(target: Double, upper: Bool, start: Double, function: StaticString) throws(ProbabilityError) -> Double {
        let logTarget = Double.log(target)
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
            let (value, tail, density) = hAndDensity(x, logTarget: logTarget, upper: upper)
            if value == 0 { return x }
            if value.isNaN {
                throw .nonFinite(function: "\(function)", detail: "tail probability at x = \(x)")
            }
            if value < 0 { lo = x } else { hi = x }
            // Halley on h: step = u / (1 − u h″ / (2 h′)), u = h / h′.
            let hPrime = density / tail
            let u = value / hPrime
            let slope = kernel.logPDFSlope(x)
            let correction = 1 - 0.5 * u * (upper ? slope + hPrime : slope - hPrime)
            let halley = correction >= 0.5 && correction <= 2
            // An infinite or zero derivative (a density overflowing at a subnormal x) gives no
            // usable step: bisect instead.
            let step = (hPrime.isFinite && hPrime > 0) ? (halley ? u / correction : u) : .nan
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

    /// The answer, if finite (the function's name becomes a String only on the error path).
    @inline(__always)
    private func finish(_ x: Double, _ function: StaticString) throws(ProbabilityError) -> Double {
        guard x.isFinite else { throw .nonFinite(function: "\(function)", detail: "inversion") }
        return x
    }
}
