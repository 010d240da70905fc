import RealModule
import Testing

@testable import Probability

/// Seeded random parameters far beyond the fixtures' grids: every quantile must come back
/// finite, inside the support, and reproduce its tail probability through the distribution
/// function to 1e-9 beyond what the answer's own rounding allows (f(x)·ulp(x)/T), or else be
/// the right double: the target lies between the tails at its two neighbouring doubles (the
/// linear allowance undercounts where the tail bends sharply within one ulp, as
/// (1 − x)^24 does six ulps below 1).
@Suite("Quantile fuzzing")
struct QuantileFuzzTests {
    static func logUniform(_ s: RandomStream, _ lo: Double, _ hi: Double) -> Double {
        Double.exp(Double.log(lo) + s.uniform() * (Double.log(hi) - Double.log(lo)))
    }

    static func excess(tail: Double, target: Double, density: Double, x: Double) -> Double {
        let allowed = 1e-9 + density * x.ulp / tail
        return abs(tail / target - 1) / allowed
    }

    /// True when the tail at x's neighbours brackets the target (to 1e-9): x is the right double.
    static func bracketed(_ tail: (Double) throws -> Double, _ x: Double, _ target: Double, upper: Bool) rethrows -> Bool {
        let below = try tail(x.nextDown), above = try tail(x.nextUp)
        let (small, large) = upper ? (above, below) : (below, above)
        return small <= target * (1 + 1e-9) && large >= target * (1 - 1e-9)
    }

    @Test("beta: 10,000 random (a, b, p) with shapes from 0.01 to 10⁷ and p from 1e-300")
    func beta() throws {
        let s = RandomStream(seed: 2026, stream: 11)
        var worst = 0.0, worstCase = ""
        for _ in 0..<10_000 {
            let a = Self.logUniform(s, 0.01, 1e7), b = Self.logUniform(s, 0.01, 1e7)
            let p = Self.logUniform(s, 1e-300, 0.5)
            let d = try Beta(a: a, b: b)
            for upper in [false, true] {
                let x = upper ? try d.upperQuantile(p) : try d.quantile(p)
                #expect(x >= 0 && x <= 1, "a=\(a) b=\(b) p=\(p) upper=\(upper): \(x)")
                guard x > 0 && x < 1 else { continue }  // the answer rounded to an end
                let tail = upper ? try d.survival(x) : try d.cdf(x)
                // A density that overflows (shape < 1 at a subnormal x) throws; no allowance is then
                // computable, and such an x is as accurate as its few subnormal bits allow.
                guard let density = try? d.density(x) else { continue }
                var e = Self.excess(tail: tail, target: p, density: density, x: x)
                if e > 1, try Self.bracketed(upper ? d.survival : d.cdf, x, p, upper: upper) { e = 0 }
                if e > worst { worst = e; worstCase = "a=\(a) b=\(b) p=\(p) upper=\(upper) x=\(x) tail=\(tail)" }
            }
        }
        print("beta fuzz: worst \(worst) of allowance at \(worstCase)")
        #expect(worst <= 1, "\(worstCase)")
    }

    @Test("gamma: 10,000 random (k, p) with shapes from 0.01 to 10⁷ and p from 1e-300")
    func gamma() throws {
        let s = RandomStream(seed: 2026, stream: 12)
        var worst = 0.0, worstCase = ""
        for _ in 0..<10_000 {
            let k = Self.logUniform(s, 0.01, 1e7)
            let p = Self.logUniform(s, 1e-300, 0.5)
            let d = try Gamma(shape: k, scale: 1)
            for upper in [false, true] {
                let x = upper ? try d.upperQuantile(p) : try d.quantile(p)
                #expect(x >= 0 && x.isFinite, "k=\(k) p=\(p) upper=\(upper): \(x)")
                guard x > 0 else { continue }  // underflowed (documented)
                let tail = upper ? try d.survival(x) : try d.cdf(x)
                // A density that overflows (shape < 1 at a subnormal x) throws; no allowance is then
                // computable, and such an x is as accurate as its few subnormal bits allow.
                guard let density = try? d.density(x) else { continue }
                var e = Self.excess(tail: tail, target: p, density: density, x: x)
                if e > 1, try Self.bracketed(upper ? d.survival : d.cdf, x, p, upper: upper) { e = 0 }
                if e > worst { worst = e; worstCase = "k=\(k) p=\(p) upper=\(upper) x=\(x) tail=\(tail)" }
            }
        }
        print("gamma fuzz: worst \(worst) of allowance at \(worstCase)")
        #expect(worst <= 1, "\(worstCase)")
    }
}
