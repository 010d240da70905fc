import Probability
import RealModule

/// The size and exact power of the one-sided Fisher exact test comparing two binomial arms.
///
/// With X_C ~ Bin(n_C, p0) and X_E ~ Bin(n_E, p1), the test conditions on the total T = X_C + X_E:
/// given T = t, X_E is hypergeometric, P(X_E = x | t) = C(n_E, x) C(n_C, t − x) / C(N, t), and the
/// test rejects when x ≥ c(t), the smallest c with P(X_E ≥ c | t) ≤ α (Fisher 1935). So
///
///     power = Σ_{x_C} Σ_{x_E} b(x_C; n_C, p0) b(x_E; n_E, p1) · 1[x_E ≥ c(x_C + x_E)],
///
/// and the size at a common rate p is the same sum with p1 = p (at most α for every p, since
/// each conditional test has size at most α).
///
/// Each c(t) is found from the top of its conditional distribution: the largest term from log
/// factorials, the next ones by the ratio P(x − 1)/P(x) = x (n_C − t + x) / ((n_E − x + 1)(t − x + 1)),
/// stopping as soon as the tail exceeds α, so the critical values cost about the rejection
/// region's size per t; the double sum then costs n_C · n_E multiplications with both arms'
/// binomial probabilities computed once. At 500 patients per arm that is a millisecond.
/// When p1 < p0 the arms' failures are counted instead (the mirror image), so the test always
/// rejects in the direction of p1.
public enum FisherExactPower {
    /// The test's size at the common rate p0 and its exact power at (p0, p1), with `control` = n_C and `experimental` = n_E
    /// patients, each conditional test at level `tailAlpha` (α, or α/2 for a two-sided design) in the direction of p1. Both
    /// probabilities count rejections in that one direction only.
    public static func evaluate(
        control nC: Int, experimental nE: Int, p0: Double, p1: Double,
        tailAlpha: Double
    ) throws(DesignError) -> (alpha: Double, power: Double) {
        let mirrored = p1 < p0
        let q0 = mirrored ? 1 - p0 : p0
        let q1 = mirrored ? 1 - p1 : p1
        let critical = criticalValues(control: nC, experimental: nE, tailAlpha: tailAlpha)
        let control = try masses(nC, q0)
        let nullExperimental = try masses(nE, q0)
        let experimental = try masses(nE, q1)
        var power = 0.0, alpha = 0.0
        for xC in 0...nC {
            var rowPower = 0.0, rowAlpha = 0.0
            for xE in 0...nE where xE >= critical[xC + xE] {
                rowPower += experimental[xE]
                rowAlpha += nullExperimental[xE]
            }
            power += control[xC] * rowPower
            alpha += control[xC] * rowAlpha
        }
        return (min(alpha, 1), min(power, 1))
    }

    /// c(t) for t = 0...N: reject when X_E ≥ c(t) (c(t) = min(t, n_E) + 1: never).
    static func criticalValues(control nC: Int, experimental nE: Int, tailAlpha: Double) -> [Int] {
        let total = nC + nE
        var logFactorial = [Double](repeating: 0, count: total + 1)
        if total >= 1 { for k in 1...total { logFactorial[k] = logFactorial[k - 1] + Double.log(Double(k)) } }
        func logChoose(_ n: Int, _ k: Int) -> Double { logFactorial[n] - logFactorial[k] - logFactorial[n - k] }
        let limit = tailAlpha * (1 + 1e-12)
        var critical = [Int](repeating: 0, count: total + 1)
        for t in 0...total {
            let low = max(0, t - nC), high = min(t, nE)
            var x = high
            var mass = Double.exp(logChoose(nE, x) + logChoose(nC, t - x) - logChoose(total, t))
            var tail = 0.0
            var c = high + 1
            while x >= low, tail + mass <= limit {
                tail += mass
                c = x
                if x == low { break }
                // P(x − 1) from P(x).
                mass *= Double(x) * Double(nC - t + x) / (Double(nE - x + 1) * Double(t - x + 1))
                x -= 1
            }
            critical[t] = c
        }
        return critical
    }

    /// b(k; n, p) for k = 0...n.
    static func masses(_ n: Int, _ p: Double) throws(DesignError) -> [Double] {
        let binomial = try DesignError.numerics { () throws(ProbabilityError) in try Binomial(trials: n, probability: p) }
        return (0...n).map { binomial.mass($0) }
    }
}
