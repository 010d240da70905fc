import RealModule
import Testing

@testable import Probability

/// Exact (Clopper–Pearson) bounds over wide grids of ordinary intervals, where GSL 2.7.1's
/// `gsl_cdf_beta_Pinv/Qinv` return NaN for about 0.5% of bounds (3,048 of 571,142 for
/// n = 1, 8, …, 1996, every x; reproduced in docs/methods/quantiles.md). The mpmath fixtures
/// check accuracy at ~300 intervals; this sweep checks every bound is finite, ordered, and
/// reproduces its tail probability through the CDF to 1e-12 beyond what the bound's own
/// rounding allows.
@Suite("Clopper–Pearson sweep")
struct ClopperPearsonSweepTests {
    /// The round trip's relative error in units of what the bound's own rounding allows:
    /// a double x carries ulp(x)/2, which moves the tail by f(x)·ulp(x)/2 (for x = n − 1 near 1
    /// that is 4e-11 relative). A value ≤ 1 means the tail is reproduced to 1e-12 beyond that.
    static func excessError(_ tail: Double, _ target: Double, _ x: Double, _ d: Beta) throws -> Double {
        let allowed = try 1e-12 + d.density(x) * x.ulp / tail
        return abs(tail / target - 1) / allowed
    }

    static func check(n: Int, alpha: Double, worst: inout Double) throws {
        func excess(_ tail: Double, _ x: Double, _ d: Beta) throws -> Double {
            try excessError(tail, alpha / 2, x, d)
        }
        var previousLower = -1.0, previousUpper = -1.0
        for x in 0...n {
            let lower = x == 0 ? 0 : try Beta(a: Double(x), b: Double(n - x + 1)).quantile(alpha / 2)
            let upper = x == n ? 1 : try Beta(a: Double(x + 1), b: Double(n - x)).upperQuantile(alpha / 2)
            #expect(lower.isFinite && upper.isFinite && lower < upper, "\(x)/\(n): (\(lower), \(upper))")
            #expect(lower > previousLower && upper > previousUpper, "\(x)/\(n) not increasing in x")
            #expect(lower <= Double(x) / Double(n) && upper >= Double(x) / Double(n))
            if x > 0 {
                let d = try Beta(a: Double(x), b: Double(n - x + 1))
                worst = max(worst, try excess(d.cdf(lower), lower, d))
            }
            if x < n {
                let d = try Beta(a: Double(x + 1), b: Double(n - x))
                worst = max(worst, try excess(d.survival(upper), upper, d))
            }
            previousLower = lower
            previousUpper = upper
        }
    }

    @Test("every x for n = 1826 and 1933 (GSL's known failures 44/1826 and 1716/1933)")
    func knownFailures() throws {
        var worst = 0.0
        try Self.check(n: 1826, alpha: 0.05, worst: &worst)
        try Self.check(n: 1933, alpha: 0.05, worst: &worst)
        // The bounds themselves match mpmath to 5e-14 (DistributionFixtureTests).
        #expect(worst <= 1, "worst tail round trip \(worst) of its allowance")
    }

    @Test("every x for n = 1, 132, 263, …, 1966 at α = 0.05, 0.1 and 0.01", arguments: [0.05, 0.1, 0.01])
    func grid(alpha: Double) throws {
        var worst = 0.0
        for n in stride(from: 1, through: 2000, by: 131) { try Self.check(n: n, alpha: alpha, worst: &worst) }
        // The bounds themselves match mpmath to 5e-14 (DistributionFixtureTests).
        #expect(worst <= 1, "worst tail round trip \(worst) of its allowance")
    }

    /// For x = 0 the upper bound is 1 − (α/2)^(1/n) exactly (published-cases.md), and the
    /// published 95% intervals 3/20, 0/18, 18/18, 7/30 to four decimals.
    @Test("published intervals")
    func published() throws {
        for n in [1, 18, 100, 2000, 1_000_000] {
            let upper = try Beta(a: 1, b: Double(n)).upperQuantile(0.025)
            // 1 − (α/2)^(1/n), formed as −expm1(log(α/2)/n) so the reference keeps its digits.
            let exact = -Double.expMinusOne(Double.log(0.025) / Double(n))
            #expect(abs(upper / exact - 1) < 1e-13, "n = \(n)")
        }
        let cases: [(Int, Int, Double, Double)] = [
            (3, 20, 0.0321, 0.3789), (0, 18, 0, 0.1853), (18, 18, 0.8147, 1),
            (7, 30, 0.0993, 0.4228), (4, 26, 0.0436, 0.3487),
        ]
        for (x, n, lo, hi) in cases {
            let lower = x == 0 ? 0 : try Beta(a: Double(x), b: Double(n - x + 1)).quantile(0.025)
            let upper = x == n ? 1 : try Beta(a: Double(x + 1), b: Double(n - x)).upperQuantile(0.025)
            #expect(abs(lower - lo) < 5e-5 && abs(upper - hi) < 5e-5, "\(x)/\(n): (\(lower), \(upper))")
        }
    }
}
