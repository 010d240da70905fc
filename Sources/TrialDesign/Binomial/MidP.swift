import Probability
import RealModule

/// The mid-p exact interval (Lancaster 1961; Berry & Armitage, The Statistician 1995;44:417-423).
///
/// Like Clopper–Pearson, but only half the probability of the observed count enters each
/// tail: L solves ½·P(X = x | L) + P(X > x | L) = a and U solves ½·P(X = x | U) + P(X < x | U) = a.
/// With P(X ≥ k | p) = I_p(k, n − k + 1) the lower equation is
/// ½·[I_L(x, n − x + 1) + I_L(x + 1, n − x)] = a, increasing in L; the upper one is its mirror
/// written with upper tails, so nothing near 1 is ever subtracted. Both are solved by
/// Brent's method to a relative tolerance of 1e-13. Closed forms at the edges: x = 0 gives
/// U = 1 − (2a)^(1/n), x = n gives L = (2a)^(1/n); when 2a ≥ 1 these are U = 0 and L = 1, the
/// limits of the same formulas (every p leaves at most a in that tail: a one-sided level of 50% or less).
public enum MidP {
    /// The mid-p bounds (lower, upper) for `observed`, each leaving the mid-p tail probability `a`: (1 − conf)/2 for a two-sided
    /// interval, 1 − conf for one-sided bounds.
    /// - Throws: ``DesignError`` when the root finding fails (a numerical failure; none is known).
    public static func bounds(_ observed: ObservedProportion, tail a: Double) throws(DesignError) -> (Double, Double) {
        try designErrors {
            let x = observed.successes, n = observed.trials
            let nn = Double(n), xx = Double(x)
            let lower: Double
            if x == 0 {
                lower = 0
            } else if x == n {
                lower = 2 * a >= 1 ? 1 : Double.exp(Double.log(2 * a) / nn)
            } else {
                let upperShape = try Beta(a: xx, b: nn - xx + 1), upperNext = try Beta(a: xx + 1, b: nn - xx)
                lower = try solve { p in 0.5 * (try upperShape.cdf(p) + upperNext.cdf(p)) - a }
            }
            let upper: Double
            if x == n {
                upper = 1
            } else if x == 0 {
                upper = 2 * a >= 1 ? 0 : -Double.expMinusOne(Double.log(2 * a) / nn)
            } else {
                let atLeast = try Beta(a: xx, b: nn - xx + 1), above = try Beta(a: xx + 1, b: nn - xx)
                // P(X < x | p) + ½P(X = x | p) = ½[(1 − I_p(x, ·)) + (1 − I_p(x + 1, ·))]; decreasing in p.
                upper = try solve { p in a - 0.5 * (try atLeast.survival(p) + above.survival(p)) }
            }
            return (lower, upper)
        }
    }

    /// The root in (0, 1) of an increasing g with g(0) < 0 < g(1).
    private static func solve(_ g: @escaping (Double) throws -> Double) throws -> Double {
        try RootFinding.brent(in: 0...1, absoluteTolerance: 1e-300, relativeTolerance: 1e-13, g)
    }
}
