import RealModule
import Testing

@testable import Probability

private struct Stop: Error, Equatable {}

@Suite("Quadrature: QAGS, QAGIU, QAGIL, QAGI")
struct QuadratureTests {
    @Test("known integrals on finite, half-infinite and infinite ranges")
    func knownIntegrals() throws {
        let normal = Normal.standard
        // ∫ φ = 1 over the whole line (QAGI).
        let whole = try Quadrature.integrate(over: -Double.infinity...Double.infinity) { try normal.density($0) }
        #expect(abs(whole.value - 1) < 1e-12)
        #expect(whole.absoluteError < 1e-9)
        // ∫_0^∞ x e^(−x) dx = Γ(2) = 1 (QAGIU).
        let gammaTwo = try Quadrature.integrate(over: 0...Double.infinity) { $0 * Double.exp(-$0) }
        #expect(abs(gammaTwo.value - 1) < 1e-12)
        // ∫_−∞^0 e^x dx = 1 (QAGIL).
        let left = try Quadrature.integrate(over: -Double.infinity...0) { Double.exp($0) }
        #expect(abs(left.value - 1) < 1e-12)
        // ∫_0^1 x^(−1/2) dx = 2: an end-point singularity QAGS extrapolates away.
        let singular = try Quadrature.integrate(over: 0...1) { 1 / $0.squareRoot() }
        #expect(abs(singular.value - 2) < 1e-10)
        // ∫_0^1.96 φ = Φ(1.96) − 1/2, against the normal CDF.
        let partial = try Quadrature.integrate(over: 0...1.96) { try normal.density($0) }
        #expect(abs(partial.value - (try normal.cdf(1.96) - 0.5)) < 1e-14)
        // ∫_0^x of the gamma density equals its CDF (shape 3.5, x = 2).
        let gamma = try Gamma(shape: 3.5)
        let area = try Quadrature.integrate(over: 0...2) { try gamma.density($0) }
        #expect(abs(area.value / (try gamma.cdf(2)) - 1) < 1e-12)
        // An empty range is 0.
        #expect(try Quadrature.integrate(over: 3...3) { _ in 1 } == .init(value: 0, absoluteError: 0))
    }

    @Test("bad ranges, tolerances and integrands are typed errors")
    func refusals() {
        // (A range with a NaN end cannot be built: Swift's ClosedRange traps at the caller.)
        #expect(throws: ProbabilityError.self) {
            try Quadrature.integrate(over: ClosedRange(uncheckedBounds: (lower: Double.infinity, upper: .infinity))) { $0 }
        }
        #expect(throws: ProbabilityError.self) { try Quadrature.integrate(over: 0...1, relativeTolerance: 0) { $0 } }
        #expect(throws: ProbabilityError.self) { try Quadrature.integrate(over: 0...1, relativeTolerance: -1) { $0 } }
        #expect(throws: ProbabilityError.self) { try Quadrature.integrate(over: 0...1, relativeTolerance: .nan) { $0 } }
        // A tolerance GSL cannot honour (below 50 ε with no absolute tolerance).
        #expect(throws: ProbabilityError.self) { try Quadrature.integrate(over: 0...1, relativeTolerance: 1e-20) { $0 } }
        // A NaN integrand and a divergent integral.
        #expect(throws: ProbabilityError.self) { try Quadrature.integrate(over: 0...1) { _ in .nan } }
        #expect(throws: ProbabilityError.self) { try Quadrature.integrate(over: 0...Double.infinity) { _ in 1 } }
        #expect(throws: ProbabilityError.self) { try Quadrature.integrate(over: 0...1) { 1 / $0 } }
    }

    @Test("an error thrown inside the GSL callback is rethrown, and the next call still works")
    func throwingClosure() throws {
        var calls = 0
        #expect(throws: Stop()) {
            try Quadrature.integrate(over: 0...1) { x in
                calls += 1
                if calls == 10 { throw Stop() }
                return x
            }
        }
        #expect(calls == 10)
        #expect(throws: Stop()) { try Quadrature.integrate(over: 0...Double.infinity) { _ in throw Stop() } }
        let next = try Quadrature.integrate(over: 0...1) { $0 * $0 }
        #expect(abs(next.value - 1.0 / 3) < 1e-14)
    }
}
