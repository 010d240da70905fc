import RealModule

/// Inverts a continuous, increasing distribution function: finds x with F(x) = p or Q(x) = q.
///
/// GSL 2.7.1's own inverses (`gsl_cdf_beta_Pinv`, `gsl_cdf_chisq_Pinv`, ...) return NaN on
/// ordinary inputs (see docs/methods/quantiles.md), so trialsize builds every quantile it
/// exposes on GSL's distribution functions instead:
///
/// * the tail that is *smaller* is always the one solved, so no probability near 1 is ever
///   subtracted from (no cancellation);
/// * Newton steps are taken on the *logarithm* of that tail, h(x) = log F(x) − log p, whose
///   derivative is f(x)/F(x); for the log-concave families used here this converges from
///   either side, also deep in the tails;
/// * every step is kept inside a bracket [lo, hi] known to hold the root; a step that would
///   leave it, or is not finite, is replaced by bisection (geometric when the bracket spans
///   orders of magnitude), so the method cannot diverge and always terminates.
///
/// Reference: the safeguarded Newton scheme of Press et al., *Numerical Recipes* (3rd ed.), §9.4.
struct MonotoneInversion {
    /// The distribution's lower tail F(x), upper tail Q(x) and density f(x).
    var lowerTail: (Double) -> Double
    var upperTail: (Double) -> Double
    var density: (Double) -> Double
    /// The support's ends; `upper` may be `.infinity`.
    var lower: Double
    var upper: Double
    /// Iteration cap: 400 steps comfortably covers pure geometric bisection over the whole
    /// double range; Newton usually needs fewer than ten.
    static let maximumIterations = 400

    /// The x whose lower tail probability is `p` (0 < p < 1).
    func quantile(_ p: Double, start: Double, function: String) throws(ProbabilityError) -> Double {
        p <= 0.5
            ? try solve(target: p, useUpperTail: false, start: start, function: function)
            : try solve(target: 1 - p, useUpperTail: true, start: start, function: function)
    }

    /// The x whose upper tail probability is `q` (0 < q < 1).
    func upperQuantile(_ q: Double, start: Double, function: String) throws(ProbabilityError) -> Double {
        q <= 0.5
            ? try solve(target: q, useUpperTail: true, start: start, function: function)
            : try solve(target: 1 - q, useUpperTail: false, start: start, function: function)
    }

    /// Solves tail(x) = target, where tail is F (increasing) or Q (decreasing).
    private func solve(target: Double, useUpperTail: Bool, start: Double, function: String) throws(ProbabilityError) -> Double {
        let logTarget = Double.log(target)
        // h(x) is increasing in x in both cases; h = 0 at the root.
        func h(_ x: Double) -> (value: Double, tail: Double) {
            let tail = useUpperTail ? upperTail(x) : lowerTail(x)
            let logTail = Double.log(tail)
            return (useUpperTail ? logTarget - logTail : logTail - logTarget, tail)
        }
        var lo = lower
        var hi = upper
        var x = min(max(start, lower), upper)
        if !(x > lower && x < upper) || !x.isFinite {
            x = upper.isFinite ? 0.5 * (lower + upper) : lower + 1
        }
        // An infinite upper end: step out until the root is bracketed.
        if !hi.isFinite {
            var probe = max(x, 1)
            for _ in 0..<2100 {
                if h(probe).value >= 0 { break }
                lo = probe
                probe *= 2
            }
            guard probe.isFinite, h(probe).value >= 0 else {
                throw .noConvergence(function: function, iterations: 2100)
            }
            hi = probe
            if !(x > lo && x < hi) { x = 0.5 * (lo + hi) }
        }
        for _ in 0..<Self.maximumIterations {
            let (value, tail) = h(x)
            if value == 0 { return x }
            if value < 0 { lo = x } else { hi = x }
            // Newton on the log tail: x − h / h', with h' = f / tail.
            let f = density(x)
            var next = x - value * tail / f
            if !next.isFinite || next <= lo || next >= hi {
                next = (lo > 0 && hi / lo > 4) ? (lo * hi).squareRoot() : lo + 0.5 * (hi - lo)
            }
            if abs(next - x) <= 2 * Double.ulpOfOne * abs(next) || next == lo || next == hi {
                return try Check.result(next, in: function, "inversion")
            }
            x = next
        }
        throw .noConvergence(function: function, iterations: Self.maximumIterations)
    }
}
