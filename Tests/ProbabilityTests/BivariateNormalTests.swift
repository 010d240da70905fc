import TestSupport
import Testing

@testable import Probability

/// Genz's BVNU against mpmath quadrature at 30 digits (scripts/generate_bivariate_normal_fixtures.py):
/// 325 points over correlations -0.99...0.995 (every Gauss-Legendre rule and the |rho| >= 0.925
/// expansion), absolute error below 1e-14.
@Suite("Bivariate normal orthant probabilities")
struct BivariateNormalTests {
    @Test func matchesQuadrature() throws {
        let rows = try CSVFixture("bivariate_normal.csv").numericRecords
        #expect(rows.count == 325)
        var worst = 0.0
        for row in rows {
            let value = try BivariateNormal(correlation: row["rho"]!).upperOrthant(row["h"]!, row["k"]!)
            worst = max(worst, abs(value - row["upper"]!))
        }
        #expect(worst < 1e-14, "worst absolute error \(worst)")
    }

    @Test func limits() throws {
        let b = try BivariateNormal(correlation: 0.6)
        #expect(try b.upperOrthant(-.infinity, -.infinity) == 1)
        #expect(try b.upperOrthant(.infinity, 0) == 0)
        #expect(abs(try b.upperOrthant(-.infinity, 0) - 0.5) < 1e-16)
        #expect(throws: ProbabilityError.self) { try BivariateNormal(correlation: 1.5) }
        #expect(throws: ProbabilityError.self) { try b.upperOrthant(.nan, 0) }
    }
}
