import Testing

@testable import Probability

@Suite("Quantile smoke tests (published values)")
struct QuantileSmokeTests {
    /// Clopper–Pearson 95% interval for 4/26 from beta quantiles: (0.0436, 0.3487)
    /// (Kearney et al. 2021 report 4% to 35%; published-cases.md).
    @Test func clopperPearsonSeed() throws {
        let lower = try Beta(a: 4, b: 23).quantile(0.025)
        let upper = try Beta(a: 5, b: 22).upperQuantile(0.025)
        #expect(abs(lower - 0.04356) < 1e-4)
        #expect(abs(upper - 0.34868) < 1e-4)
        #expect(abs(try Beta(a: 4, b: 23).cdf(lower) - 0.025) < 1e-13)
    }

    @Test func chiSquaredRoundTrip() throws {
        for dof in [1.0, 2, 52, 1e4, 1e6] {
            for p in [1e-15, 0.025, 0.5, 0.975] {
                let d = try ChiSquared(degreesOfFreedom: dof)
                let x = try d.quantile(p)
                #expect(abs(try d.cdf(x) / p - 1) < 1e-10, "dof \(dof) p \(p)")
                let y = try d.upperQuantile(p)
                #expect(abs(try d.survival(y) / p - 1) < 1e-10, "dof \(dof) q \(p)")
            }
        }
    }

    @Test func badArgumentsThrow() {
        #expect(throws: ProbabilityError.self) { try Beta(a: -1, b: 2) }
        #expect(throws: ProbabilityError.self) { try ChiSquared(degreesOfFreedom: 4).quantile(1.5) }
        #expect(throws: ProbabilityError.self) { try Normal.standard.quantile(.nan) }
    }
}

@Suite("Seed trial: exact exponential test (published-cases.md)")
struct SeedTrialTests {
    /// Kearney et al. 2021: median 8 vs 13 weeks, one-sided α = 0.05. With d events,
    /// 2λT ~ χ²(2d); rejecting when 2λ₀T exceeds χ²_{0.95}(2d), the power is
    /// Q_{χ²(2d)}((λ₁/λ₀)·χ²_{0.95}(2d)) with λ₁/λ₀ = 8/13: 0.8094 at 26 events, 0.8523 at 30.
    @Test func exactPower() throws {
        func power(_ events: Int) throws -> Double {
            let chi = try ChiSquared(degreesOfFreedom: Double(2 * events))
            return try chi.survival(8.0 / 13 * chi.upperQuantile(0.05))
        }
        #expect(abs(try power(26) - 0.8094) < 5e-5)
        #expect(abs(try power(30) - 0.8523) < 5e-5)
        #expect(try power(25) < 0.8)  // 26 is the first event count reaching 80%
    }
}
