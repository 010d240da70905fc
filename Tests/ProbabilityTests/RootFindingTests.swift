import Testing

@testable import Probability

private struct Boom: Error, Equatable { let at: Double }

@Suite("Root finding: GSL Brent and bracket expansion")
struct RootFindingTests {
    @Test("known roots to the requested tolerance")
    func knownRoots() throws {
        // √2, the Dottie number (cos x = x), and ln 2 / 8-week median: rates solving e^(−λ·8) = 1/2.
        let sqrt2 = try RootFinding.brent(in: 0...2) { $0 * $0 - 2 }
        #expect(abs(sqrt2 - 2.0.squareRoot()) <= 4e-13 * 2.0.squareRoot())
        let dottie = try RootFinding.brent(in: 0...1, relativeTolerance: 1e-15) { cosine($0) - $0 }
        #expect(abs(dottie - 0.739_085_133_215_160_6) < 1e-14)
        // A root at an end of the bracket is returned exactly.
        #expect(try RootFinding.brent(in: 1...3) { $0 - 1 } == 1)
        #expect(try RootFinding.brent(in: 1...3) { $0 - 3 } == 3)
        // The chi-squared critical value through Brent agrees with the quantile.
        let chi = try ChiSquared(degreesOfFreedom: 52)
        let target = try chi.upperQuantile(0.05)
        let root = try RootFinding.brent(in: 1...200) { try chi.survival($0) - 0.05 }
        #expect(abs(root / target - 1) < 1e-12)
    }

    @Test("bad brackets and tolerances are refused")
    func refusals() {
        #expect(throws: ProbabilityError.noSignChange(function: "RootFinding.brent", lower: 0, upper: 1)) {
            try RootFinding.brent(in: 0...1) { $0 * $0 + 1 }
        }
        #expect(throws: ProbabilityError.self) {
            try RootFinding.brent(in: ClosedRange(uncheckedBounds: (lower: -Double.infinity, upper: 1))) { $0 }
        }
        // (A range with a NaN end cannot be built: Swift's ClosedRange traps at the caller.)
        #expect(throws: ProbabilityError.self) { try RootFinding.brent(in: -1...1, relativeTolerance: 0) { $0 } }
        #expect(throws: ProbabilityError.self) { try RootFinding.brent(in: -1...1, relativeTolerance: .nan) { $0 } }
        #expect(throws: ProbabilityError.self) { try RootFinding.brent(in: -1...1, maximumIterations: 0) { $0 } }
        #expect(throws: ProbabilityError.self) { try RootFinding.brent(in: -1...1) { _ in .nan } }
        // A function that is NaN inside the bracket (not at its ends) stops GSL; the error is typed.
        #expect(throws: ProbabilityError.self) {
            try RootFinding.brent(in: -1...2) { x in x > -0.5 && x < 1.5 ? .nan : x }
        }
        // A tolerance that cannot be met within the cap.
        #expect(throws: ProbabilityError.noConvergence(function: "RootFinding.brent", iterations: 3)) {
            try RootFinding.brent(in: 0...10, maximumIterations: 3) { $0 * $0 * $0 - 2 }
        }
    }

    @Test("an error thrown inside the GSL callback is rethrown, and the next call still works")
    func throwingClosure() throws {
        var calls = 0
        #expect(throws: Boom(at: 1.5)) {
            try RootFinding.brent(in: 0...4) { x in
                calls += 1
                if calls == 3 { throw Boom(at: 1.5) }
                return x - 3
            }
        }
        #expect(calls == 3)  // the callback stopped at the throw: no further evaluations
        // Thrown at the bracket's ends (before GSL) as well.
        #expect(throws: Boom(at: 0)) { try RootFinding.brent(in: 0...4) { _ in throw Boom(at: 0) } }
        let root = try RootFinding.brent(in: 0...4) { $0 - 3 }
        #expect(abs(root - 3) < 1e-12)
    }

    @Test("bracket expansion upward, downward, at the limits and at the cap")
    func bracketExpansion() throws {
        // f(x) = x − 100 from 0 with step 1: [0,1], [1,3], [3,7], ... first sign change in [63, 127].
        let up = try RootFinding.bracket(from: 0, initialStep: 1) { $0 - 100 }
        #expect(up == 63...127)
        let down = try RootFinding.bracket(from: 0, initialStep: -1) { $0 + 10 }
        #expect(down == -15 ... -7)
        let root = try RootFinding.brent(in: up) { $0 - 100 }
        #expect(abs(root - 100) < 1e-10)
        // A limit clips the expansion; a root beyond it is not found.
        let clipped = try RootFinding.bracket(from: 0, initialStep: 1, upperLimit: 50) { $0 - 50 }
        #expect(clipped.upperBound == 50)
        #expect(throws: ProbabilityError.self) {
            try RootFinding.bracket(from: 0, initialStep: 1, upperLimit: 40) { $0 - 50 }
        }
        #expect(throws: ProbabilityError.noConvergence(function: "RootFinding.bracket", iterations: 5)) {
            try RootFinding.bracket(from: 0, initialStep: 1, maximumExpansions: 5) { $0 - 1e6 }
        }
        for bad in [Double.nan, .infinity, 0] {
            #expect(throws: ProbabilityError.self) { try RootFinding.bracket(from: 0, initialStep: bad) { $0 } }
            #expect(throws: ProbabilityError.self) { try RootFinding.bracket(from: bad == 0 ? .nan : bad, initialStep: 1) { $0 } }
        }
        #expect(throws: ProbabilityError.self) { try RootFinding.bracket(from: 0, initialStep: 1, maximumExpansions: 0) { $0 - 1 } }
        #expect(throws: ProbabilityError.self) { try RootFinding.bracket(from: 0, initialStep: 1) { $0 > 2 ? .nan : $0 - 5 } }
        #expect(throws: Boom(at: 7)) { try RootFinding.bracket(from: 0, initialStep: 1) { _ in throw Boom(at: 7) } }
    }
}

/// cos via the normal density's relative: keep Foundation out; cos x = Re e^{ix} through a Taylor
/// series is overkill — use the identity cos x = 1 − 2 sin²(x/2) with a short series on [0, 1].
private func cosine(_ x: Double) -> Double {
    // Taylor series, |x| ≤ 1: 20 terms are far past double precision.
    var term = 1.0, sum = 1.0
    for k in 1...20 {
        term *= -x * x / Double((2 * k - 1) * (2 * k))
        sum += term
    }
    return sum
}
