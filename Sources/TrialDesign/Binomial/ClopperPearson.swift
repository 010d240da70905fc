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
/// Most callers want ``interval(successes:trials:confidence:sides:)``, which takes the
/// confidence level (0.95 for a 95% interval). The tail-probability functions below take a itself
/// (0.025 for a two-sided 95% interval): with a two-sided interval a = (1 − conf)/2 ≥ 5.5e-17
/// from the command line (conf is a double below 1); smaller tails are reachable only through them.
///
/// ```swift
/// let ci = try ClopperPearson.interval(successes: 4, trials: 26, confidence: 0.95)
/// // ci.lower ≈ 0.0436, ci.upper ≈ 0.3485
/// ```
public enum ClopperPearson {
    /// The Clopper–Pearson interval for `successes` = x of `trials` = n at the confidence level
    /// `confidence` (0.95 for a 95% interval, not the 0.025 left in each tail).
    ///
    /// Two-sided (the default), the interval leaves (1 − confidence)/2 in each tail and covers p
    /// with probability at least `confidence` for every p. With `sides: .oneSided` each of
    /// `lower` and `upper` is a one-sided bound at level `confidence` (1 − confidence in its tail).
    ///
    /// - Throws: ``DesignError`` naming `x`, `n` or `conf` unless 0 ≤ x ≤ n, 1 ≤ n ≤ 10⁹ and
    ///   0 < confidence < 1; a numerical failure underneath (none is known) as a ``DesignError``
    ///   of kind ``DesignError/Kind/numericalFailure``.
    public static func interval(
        successes: Int, trials: Int, confidence: Double = 0.95,
        sides: Sidedness = .twoSided
    ) throws(DesignError) -> ProportionInterval {
        let observed = try ObservedProportion(successes: successes, trials: trials)
        let level = try ConfidenceLevel(confidence, sides: sides)
        let (lower, upper) = try bounds(observed, tailProbability: level.tail)
        return ProportionInterval(
            successes: successes, trials: trials, estimate: observed.estimate, lower: lower,
            upper: upper, conf: confidence, sides: sides.rawValue,
            method: IntervalMethod.clopperPearson.rawValue)
    }

    /// (lower, upper) leaving the tail probability a = `tailProbability` in each tail (0 < a < 1;
    /// 0.025 for a two-sided 95% interval; for a confidence level use
    /// ``interval(successes:trials:confidence:sides:)``). Away from the closed forms
    /// (2 ≤ x ≤ n − 2) the two bounds are computed together by `Beta.pairedQuantiles`, which
    /// returns the same numbers as ``lower(_:_:tailProbability:)`` and ``upper(_:_:tailProbability:)`` faster.
    public static func bounds(_ observed: ObservedProportion, tailProbability a: Double)
        throws(DesignError) -> (Double, Double)
    {
        let x = observed.successes, n = observed.trials
        if x >= 2 && x <= n - 2 {
            return try DesignError.numerics { () throws(ProbabilityError) in try Beta.pairedQuantiles(x: x, n: n, tail: a) }
        }
        return (try lower(x, n, tailProbability: a), try upper(x, n, tailProbability: a))
    }

    /// The lower bound L with P(X ≥ x | L) = a (the tail probability, not a confidence level); 0 when x = 0.
    public static func lower(_ x: Int, _ n: Int, tailProbability a: Double) throws(DesignError) -> Double {
        try DesignError.numerics { () throws(ProbabilityError) in
            if x == 0 { return 0 }
            if x == n { return Double.exp(Double.log(a) / Double(n)) }
            if x == 1 { return -Double.expMinusOne(Double.log(onePlus: -a) / Double(n)) }
            return try Beta(a: Double(x), b: Double(n - x + 1)).quantile(a)
        }
    }

    /// The upper bound U with P(X ≤ x | U) = a (the tail probability, not a confidence level); 1 when x = n.
    public static func upper(_ x: Int, _ n: Int, tailProbability a: Double) throws(DesignError) -> Double {
        try DesignError.numerics { () throws(ProbabilityError) in
            if x == n { return 1 }
            if x == 0 { return -Double.expMinusOne(Double.log(a) / Double(n)) }
            if x == n - 1 { return Double.exp(Double.log(onePlus: -a) / Double(n)) }
            return try Beta(a: Double(x + 1), b: Double(n - x)).upperQuantile(a)
        }
    }
}
