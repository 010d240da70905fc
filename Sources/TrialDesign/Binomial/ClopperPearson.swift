import Probability
import RealModule

/// The Clopper–Pearson ("exact") interval for a binomial proportion.
///
/// Clopper & Pearson (Biometrika 1934;26:404-413) invert the two one-sided exact binomial
/// tests: the lower bound L solves P(X ≥ x | L) = a and the upper bound U solves
/// P(X ≤ x | U) = a, with a = (1 − conf)/2 for a two-sided interval. Since
/// P(X ≥ x | p) = I_p(x, n − x + 1), these are beta quantiles:
///
///     L = Beta(x, n − x + 1).quantile(a),   U = Beta(x + 1, n − x).upperQuantile(a).
///
/// At the edges the bounds have closed forms, used exactly (no root finding, no NaN, right
/// for tiny a and for n up to 10⁹): x = 0 gives L = 0 and U = 1 − a^(1/n), computed as
/// −expm1(log(a)/n) so it keeps full relative accuracy when it is tiny; x = n gives
/// L = a^(1/n) and U = 1. One step in, x = 1 gives L = 1 − (1 − a)^(1/n) (from (1 − L)^n = 1 − a) and
/// x = n − 1 gives U = (1 − a)^(1/n) (from U^n = 1 − a), computed through log1p/expm1.
///
/// With a two-sided interval a = (1 − conf)/2 ≥ 5.5e-17 from the command line (conf is a double
/// below 1); smaller tails are reachable only through this API.
public enum ClopperPearson {
    /// (lower, upper) with `tail` = a in each tail (0 < a < 1). Away from the closed forms
    /// (2 ≤ x ≤ n − 2) the two bounds are computed together by `Beta.clopperPearsonBounds`,
    /// which returns the same numbers as ``lower(_:_:tail:)`` and ``upper(_:_:tail:)`` faster.
    public static func bounds(_ observed: ObservedProportion, tail a: Double) throws(ProbabilityError) -> (Double, Double) {
        let x = observed.successes, n = observed.trials
        if x >= 2 && x <= n - 2 {
            let (lower, upper) = try Beta.clopperPearsonBounds(successes: x, trials: n, tail: a)
            return (lower, upper)
        }
        return (try lower(x, n, tail: a), try upper(x, n, tail: a))
    }

    /// The lower bound L with P(X ≥ x | L) = a; 0 when x = 0.
    public static func lower(_ x: Int, _ n: Int, tail a: Double) throws(ProbabilityError) -> Double {
        if x == 0 { return 0 }
        if x == n { return Double.exp(Double.log(a) / Double(n)) }
        if x == 1 { return -Double.expMinusOne(Double.log(onePlus: -a) / Double(n)) }
        return try Beta(a: Double(x), b: Double(n - x + 1)).quantile(a)
    }

    /// The upper bound U with P(X ≤ x | U) = a; 1 when x = n.
    public static func upper(_ x: Int, _ n: Int, tail a: Double) throws(ProbabilityError) -> Double {
        if x == n { return 1 }
        if x == 0 { return -Double.expMinusOne(Double.log(a) / Double(n)) }
        if x == n - 1 { return Double.exp(Double.log(onePlus: -a) / Double(n)) }
        return try Beta(a: Double(x + 1), b: Double(n - x)).upperQuantile(a)
    }
}
