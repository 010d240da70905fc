import Probability
import RealModule

/// The approximate intervals Brown, Cai & DasGupta (Stat Sci 2001;16:101-133) compare with
/// Clopper–Pearson. z is the standard normal upper-a quantile, p̂ = x/n.
public enum ScoreIntervals {
    /// Wilson (JASA 1927;22:209-212): inverts the score test,
    /// (x + z²/2)/(n + z²) ± z·√(x(n − x)/n + z²/4)/(n + z²). Bounds are 0 at x = 0 and 1 at x = n.
    public static func wilson(_ observed: ObservedProportion, tail a: Double) throws(DesignError) -> (Double, Double) {
        try designErrors {
            let z = try Normal.standard.upperQuantile(a)
            let x = Double(observed.successes), n = Double(observed.trials), z2 = z * z
            let centre = (x + z2 / 2) / (n + z2)
            let half = z / (n + z2) * (x * (n - x) / n + z2 / 4).squareRoot()
            let lower = observed.successes == 0 ? 0 : max(0, centre - half)
            let upper = observed.successes == observed.trials ? 1 : min(1, centre + half)
            return (lower, upper)
        }
    }

    /// Jeffreys: the equal-tailed interval of the Beta(x + ½, n − x + ½) posterior, with
    /// Brown et al.'s edge rule: lower = 0 at x = 0, upper = 1 at x = n.
    public static func jeffreys(_ observed: ObservedProportion, tail a: Double) throws(DesignError) -> (Double, Double) {
        try designErrors {
            let x = Double(observed.successes), n = Double(observed.trials)
            let posterior = try Beta(a: x + 0.5, b: n - x + 0.5)
            let lower = observed.successes == 0 ? 0 : try posterior.quantile(a)
            let upper = observed.successes == observed.trials ? 1 : try posterior.upperQuantile(a)
            return (lower, upper)
        }
    }

    /// Agresti & Coull (Am Stat 1998;52:119-126): ñ = n + z², p̃ = (x + z²/2)/ñ,
    /// p̃ ± z·√(p̃(1 − p̃)/ñ), truncated to [0, 1].
    public static func agrestiCoull(_ observed: ObservedProportion, tail a: Double) throws(DesignError) -> (Double, Double) {
        try designErrors {
            let z = try Normal.standard.upperQuantile(a)
            let x = Double(observed.successes), n = Double(observed.trials), z2 = z * z
            let nTilde = n + z2, pTilde = (x + z2 / 2) / nTilde
            let half = z * (pTilde * (1 - pTilde) / nTilde).squareRoot()
            return (max(0, pTilde - half), min(1, pTilde + half))
        }
    }

    /// Wald: p̂ ± z·√(p̂(1 − p̂)/n), truncated to [0, 1]. Degenerate (zero width) at x = 0 and
    /// x = n, and below nominal coverage for most p at small n: kept for comparison only.
    public static func wald(_ observed: ObservedProportion, tail a: Double) throws(DesignError) -> (Double, Double) {
        try designErrors {
            let z = try Normal.standard.upperQuantile(a)
            let p = observed.estimate, n = Double(observed.trials)
            let half = z * (p * (1 - p) / n).squareRoot()
            return (max(0, p - half), min(1, p + half))
        }
    }
}
