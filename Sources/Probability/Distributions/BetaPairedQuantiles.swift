import RealModule

extension Beta {
    /// Two neighbouring beta quantiles computed together: for whole numbers 0 ≤ `x` ≤ `n`, the
    /// lower-tail quantile of Beta(x, n − x + 1) and the upper-tail quantile of Beta(x + 1, n − x),
    ///
    ///     lower = Beta(x, n − x + 1).quantile(tail),   upper = Beta(x + 1, n − x).upperQuantile(tail),
    ///
    /// with lower = 0 when x = 0 and upper = 1 when x = n. These are the same numbers those two
    /// calls return (bit for bit), faster. (They are the two exact binomial confidence bounds of
    /// Clopper & Pearson, *Biometrika* 1934;26:404, since P(X ≥ x | p) = I_p(x, n − x + 1):
    /// TrialDesign's `ClopperPearson` uses them for that; this layer knows only the beta quantiles.)
    ///
    /// For 1 ≤ x ≤ n − 1 and tail ≤ ½ the two inversions run side by side: one shared normal
    /// quantile for the two AS 109 starts, the two power terms and their `exp`s, the two
    /// continued fractions, then the two series steps of `MonotoneInversion`. Each of these
    /// stages is a chain of dependent operations (a `log`, a square root, `exp`, divisions),
    /// and writing the two quantiles' chains next to each other lets the processor overlap them,
    /// which evaluating one after the other cannot (docs/methods/quantiles.md, Speed).
    /// Whenever either series step is not accepted, that quantile falls back to the ordinary
    /// call; x = 0 and x = n (a bound of 0 or 1) also go through the ordinary calls.
    ///
    /// - Throws: ``ProbabilityError`` for shapes or a tail outside the quantiles' domains.
    public static func pairedQuantiles(x: Int, n: Int, tail: Double)
        throws(ProbabilityError) -> (lower: Double, upper: Double)
    {
        guard x >= 1, x < n, tail > 0, tail <= 0.5 else {
            let lower = x <= 0 ? 0 : try Beta(a: Double(x), b: Double(n - x + 1)).quantile(tail)
            let upper = x >= n ? 1 : try Beta(a: Double(x + 1), b: Double(n - x)).upperQuantile(tail)
            return (lower, upper)
        }
        let lowerBeta = try Beta(a: Double(x), b: Double(n - x + 1))
        let upperBeta = try Beta(a: Double(x + 1), b: Double(n - x))
        // A shape of 1 has a closed form (x = 1 for the lower bound, x = n − 1 for the upper).
        guard x > 1, x < n - 1 else { return (try lowerBeta.quantile(tail), try upperBeta.upperQuantile(tail)) }
        let lowerKernel = try BetaKernel(a: lowerBeta.a, b: lowerBeta.b, function: "Beta.pairedQuantiles")
        let upperKernel = try BetaKernel(a: upperBeta.a, b: upperBeta.b, function: "Beta.pairedQuantiles")
        // As in quantile(tail) and upperQuantile(tail) for tail ≤ ½.
        let y = BetaKernel.normalQuantile(tail)
        let lowerStart = lowerKernel.start(tail: tail, normalQuantile: y, mirrored: false)
        let upperStart = upperKernel.start(tail: tail, normalQuantile: y, mirrored: true)
        let lowerComplement = 1 - lowerStart, upperComplement = 1 - upperStart
        let lowerTerm = Double.exp(lowerKernel.incomplete.logPowerTerm(lowerStart, lowerComplement))
        let upperTerm = Double.exp(upperKernel.incomplete.logPowerTerm(upperStart, upperComplement))
        let lowerTails = lowerKernel.incomplete.tailsAndDensity(lowerStart, lowerComplement, term: lowerTerm)
        let upperTails = upperKernel.incomplete.tailsAndDensity(upperStart, upperComplement, term: upperTerm)
        let lower = Self.seriesAnswer(
            lowerKernel, at: lowerStart, tail: lowerTails.lower,
            density: lowerTails.density, target: tail, upper: false)
        let upper = Self.seriesAnswer(
            upperKernel, at: upperStart, tail: upperTails.upper,
            density: upperTails.density, target: tail, upper: true)
        if let lower, let upper { return (lower, upper) }
        let lowerBound: Double, upperBound: Double
        if let lower { lowerBound = lower } else { lowerBound = try lowerBeta.quantile(tail) }
        if let upper { upperBound = upper } else { upperBound = try upperBeta.upperQuantile(tail) }
        return (lowerBound, upperBound)
    }

    /// The first iteration of ``MonotoneInversion/solve(target:upper:start:function:)`` at x:
    /// the start itself if its tail is exactly the target, else the series step's answer inside
    /// the bracket that one evaluation gives, or `nil` (the caller then runs the full inversion).
    @inline(__always)
    private static func seriesAnswer(
        _ kernel: BetaKernel, at x: Double, tail: Double, density: Double,
        target: Double, upper: Bool
    ) -> Double? {
        if tail == target { return x }
        guard !tail.isNaN else { return nil }
        // h(x) < 0 below the root: the lower tail still too small, or the upper one too large.
        let below = upper ? tail > target : tail < target
        return MonotoneInversion(kernel).seriesStep(
            at: x, tail: tail, density: density, target: target, upper: upper,
            lo: below ? x : 0, hi: below ? 1 : x)
    }
}
