import Testing

@testable import Probability

/// Every public function called with NaN, infinities, negatives, zero and out-of-range values:
/// each either throws ``ProbabilityError`` or returns the mathematically right value for a
/// legal input. None may crash, trap, hang or return NaN.
@Suite("Bad and edge inputs never crash")
struct DomainTests {
    static let bad: [Double] = [.nan, .infinity, -.infinity, -1, 0, -0.0, -.greatestFiniteMagnitude]
    static let badProbabilities: [Double] = [.nan, .infinity, -.infinity, -0.5, 1.5, -1e-300, 1 + 1e-15]

    @Test("constructors refuse every non-positive or non-finite parameter")
    func constructors() {
        for v in Self.bad {
            #expect(throws: ProbabilityError.self) { try Normal(mean: 0, standardDeviation: v) }
            #expect(throws: ProbabilityError.self) { try Gamma(shape: v, scale: 1) }
            #expect(throws: ProbabilityError.self) { try Gamma(shape: 1, scale: v) }
            #expect(throws: ProbabilityError.self) { try ChiSquared(degreesOfFreedom: v) }
            #expect(throws: ProbabilityError.self) { try Exponential(rate: v) }
            #expect(throws: ProbabilityError.self) { try Exponential(median: v) }
            #expect(throws: ProbabilityError.self) { try Beta(a: v, b: 1) }
            #expect(throws: ProbabilityError.self) { try Beta(a: 1, b: v) }
            #expect(throws: ProbabilityError.self) { try Poisson(mean: v) }
        }
        for v in [Double.nan, .infinity, -.infinity] {
            #expect(throws: ProbabilityError.self) { try Normal(mean: v, standardDeviation: 1) }
        }
        for p in Self.badProbabilities {
            #expect(throws: ProbabilityError.self) { try Binomial(trials: 10, probability: p) }
        }
        #expect(throws: ProbabilityError.self) { try Binomial(trials: -1, probability: 0.5) }
        #expect(throws: ProbabilityError.self) { try Binomial(trials: Binomial.maximumTrials + 1, probability: 0.5) }
        #expect(throws: ProbabilityError.self) { try Poisson(mean: Poisson.maximumMean * 2) }
        // A named argument in the message.
        do {
            _ = try Beta(a: -1, b: 2)
            Issue.record("Beta(a: -1) did not throw")
        } catch {
            #expect(error == .domain(function: "Beta.init", argument: "a", value: -1, requirement: "finite and > 0"))
            #expect(error.description == "Beta.init: a must be finite and > 0, got -1.0")
        }
    }

    @Test("continuous distributions: non-finite x throws, x outside the support gives the right value")
    func continuousArguments() throws {
        let normal = try Normal(mean: 1, standardDeviation: 2)
        let gamma = try Gamma(shape: 2.5, scale: 3)
        let chi = try ChiSquared(degreesOfFreedom: 3)
        let exponential = try Exponential(rate: 0.5)
        let beta = try Beta(a: 2, b: 3)
        let functions: [(String, (Double) throws -> Double)] = [
            ("normal.cdf", normal.cdf), ("normal.survival", normal.survival), ("normal.density", normal.density),
            ("gamma.cdf", gamma.cdf), ("gamma.survival", gamma.survival), ("gamma.density", gamma.density),
            ("chi.cdf", chi.cdf), ("chi.survival", chi.survival), ("chi.density", chi.density),
            ("exp.cdf", exponential.cdf), ("exp.survival", exponential.survival), ("exp.density", exponential.density),
            ("beta.cdf", beta.cdf), ("beta.survival", beta.survival), ("beta.density", beta.density),
        ]
        for (name, f) in functions {
            for x in [Double.nan, .infinity, -.infinity] {
                #expect(throws: ProbabilityError.self, "\(name)(\(x))") { try f(x) }
            }
            for x in [-1e300, -1, -0.0, 0, 0.5, 1, 2, 1e300] {
                let value = try f(x)
                #expect(value.isFinite && value >= 0, "\(name)(\(x)) = \(value)")
            }
        }
        // Outside the support: the mathematically right values.
        #expect(try gamma.cdf(-1) == 0 && gamma.survival(-1) == 1 && gamma.density(-1) == 0)
        #expect(try gamma.cdf(1e300) == 1 && gamma.survival(1e300) == 0)
        #expect(try exponential.cdf(-3) == 0 && exponential.survival(-3) == 1 && exponential.density(-3) == 0)
        #expect(try beta.cdf(-0.1) == 0 && beta.cdf(1.1) == 1 && beta.survival(1.1) == 0 && beta.density(2) == 0)
        #expect(try normal.cdf(-1e300) == 0 && normal.survival(1e300) == 0)
        // An unbounded density at the end of the support throws rather than return infinity.
        #expect(throws: ProbabilityError.self) { try Gamma(shape: 0.5).density(0) }
        #expect(throws: ProbabilityError.self) { try Beta(a: 0.5, b: 2).density(0) }
        #expect(try Gamma(shape: 1).density(0) == 1)
        #expect(try Beta(a: 2, b: 3).density(0) == 0)
    }

    @Test("quantiles refuse probabilities outside their domain and answer at the ends where defined")
    func quantileArguments() throws {
        let normal = Normal.standard
        let gamma = try Gamma(shape: 2.5, scale: 3)
        let chi = try ChiSquared(degreesOfFreedom: 3)
        let exponential = try Exponential(rate: 0.5)
        let beta = try Beta(a: 2, b: 3)
        let open: [(String, (Double) throws -> Double)] = [
            ("normal.quantile", normal.quantile), ("normal.upperQuantile", normal.upperQuantile),
            ("gamma.quantile", gamma.quantile), ("gamma.upperQuantile", gamma.upperQuantile),
            ("chi.quantile", chi.quantile), ("chi.upperQuantile", chi.upperQuantile),
            ("exp.quantile", exponential.quantile), ("exp.upperQuantile", exponential.upperQuantile),
        ]
        for (name, f) in open {
            for p in Self.badProbabilities + [0, 1] {
                #expect(throws: ProbabilityError.self, "\(name)(\(p))") { try f(p) }
            }
            for p in [Double.leastNonzeroMagnitude, 1e-300, 1e-15, 0.5, 1 - 1e-16] {
                let x = try f(p)
                #expect(x.isFinite, "\(name)(\(p)) = \(x)")
            }
        }
        for p in Self.badProbabilities {
            #expect(throws: ProbabilityError.self) { try beta.quantile(p) }
            #expect(throws: ProbabilityError.self) { try beta.upperQuantile(p) }
            #expect(throws: ProbabilityError.self) { try Binomial(trials: 10, probability: 0.3).quantile(p) }
            #expect(throws: ProbabilityError.self) { try Poisson(mean: 3).quantile(p) }
        }
        // The beta quantile is defined at 0 and 1 (the support's ends).
        #expect(try beta.quantile(0) == 0 && beta.quantile(1) == 1)
        #expect(try beta.upperQuantile(0) == 1 && beta.upperQuantile(1) == 0)
        #expect(throws: ProbabilityError.self) { try Poisson(mean: 3).quantile(1) }
        #expect(try Binomial(trials: 10, probability: 0.3).quantile(1) == 10)
        #expect(try Binomial(trials: 10, probability: 0.3).quantile(0) == 0)
        // Overflow of an otherwise legal answer is an error, not infinity.
        #expect(throws: ProbabilityError.self) { try Exponential(rate: 1e-307).upperQuantile(1e-300) }
        // A quantile below the smallest double underflows to 0 (documented).
        let underflow = try Gamma(shape: 0.01).quantile(1e-15)
        #expect(underflow == 0)
    }

    @Test("discrete distributions: every k, including out of range, gives a finite probability")
    func discreteArguments() throws {
        for d in [
            try Binomial(trials: 0, probability: 0.3), try Binomial(trials: 20, probability: 0),
            try Binomial(trials: 20, probability: 1), try Binomial(trials: 1_000_000, probability: 0.5),
        ] {
            for k in [Int.min, -1, 0, 1, d.trials / 2, d.trials - 1, d.trials, d.trials + 1, Int.max] {
                for v in [d.mass(k), d.cdf(k), d.survival(k), d.atLeast(k)] {
                    #expect(v.isFinite && v >= 0 && v <= 1, "n=\(d.trials) p=\(d.probability) k=\(k): \(v)")
                }
                #expect(abs(d.cdf(k) + d.survival(k) - 1) < 1e-12)
            }
        }
        // The largest n: P(X ≤ n/2) at p = ½ is ½ + P(X = n/2)/2, and P(X = n/2) ≈ √(2/(πn)).
        let huge = try Binomial(trials: Binomial.maximumTrials, probability: 0.5)
        let half = Binomial.maximumTrials / 2
        let mass = (2 / (Double.pi * Double(Binomial.maximumTrials))).squareRoot()
        #expect(abs(huge.mass(half) / mass - 1) < 1e-9)
        // 6e-13 measured: the continued fraction at a = b = 5·10⁸ (docs/methods/distributions.md).
        #expect(abs(huge.cdf(half) - (0.5 + huge.mass(half) / 2)) < 5e-12)
        let degenerate = try Binomial(trials: 20, probability: 0)
        #expect(degenerate.mass(0) == 1 && degenerate.cdf(0) == 1 && degenerate.atLeast(1) == 0)
        let certain = try Binomial(trials: 20, probability: 1)
        #expect(certain.mass(20) == 1 && certain.cdf(19) == 0 && certain.atLeast(20) == 1)
        let poisson = try Poisson(mean: 1e9)
        for k in [Int.min, -1, 0, 999_900_000, 1_000_000_000, Int(UInt32.max), Int.max] {
            for v in [poisson.mass(k), poisson.cdf(k), poisson.survival(k)] {
                #expect(v.isFinite && v >= 0 && v <= 1, "μ=1e9 k=\(k): \(v)")
            }
        }
        #expect(try poisson.quantile(0.5) == 999_999_999 || poisson.quantile(0.5) == 1_000_000_000)
    }

    @Test("extreme but legal shapes either answer or throw, never NaN or a hang")
    func extremeShapes() {
        for (a, b) in [(1e-300, 1.0), (1e300, 1e300), (1e-10, 1e10), (1e9, 1e9)] {
            for call in [
                { try Beta(a: a, b: b).cdf(0.5) }, { try Beta(a: a, b: b).quantile(0.3) },
                { try Beta(a: a, b: b).density(0.5) },
            ] {
                do {
                    let v = try call()
                    #expect(v.isFinite, "Beta(\(a), \(b)) gave \(v)")
                } catch {
                    #expect(error is ProbabilityError)
                }
            }
        }
        for k in [1e-300, 1e-10, 1e12] {
            for call in [
                { try Gamma(shape: k).cdf(1) }, { try Gamma(shape: k).quantile(0.3) },
                { try Gamma(shape: k).upperQuantile(1e-10) },
            ] {
                do {
                    let v = try call()
                    #expect(v.isFinite, "Gamma(\(k)) gave \(v)")
                } catch {
                    #expect(error is ProbabilityError)
                }
            }
        }
    }

    @Test("random variates with invalid parameters give NaN or −1, never a hang")
    func variateArguments() {
        let stream = RandomStream(seed: 1)
        for v in [Double.nan, .infinity, -.infinity, -1, 0, -1e300] {
            #expect(stream.exponential(mean: v).isNaN)
            #expect(stream.gamma(shape: v, scale: 1).isNaN)
            #expect(stream.gamma(shape: 1, scale: v).isNaN)
            #expect(stream.weibull(scale: v, shape: 1).isNaN)
            #expect(stream.weibull(scale: 1, shape: v).isNaN)
        }
        for v in [Double.nan, .infinity, -1, 2e9] { #expect(stream.poisson(mean: v) == -1) }
        #expect(stream.poisson(mean: 0) == 0)
        for p in [Double.nan, -0.1, 1.1] { #expect(stream.binomial(trials: 10, probability: p) == -1) }
        #expect(stream.binomial(trials: -1, probability: 0.5) == -1)
        #expect(stream.binomial(trials: 10, probability: 1) == 10)
        #expect(stream.bernoulli(.nan) == false && stream.bernoulli(1) == true && stream.bernoulli(0) == false)
        #expect(stream.integer(below: 0) == 0 && stream.integer(below: -5) == 0 && stream.integer(below: 1) == 0)
        let big = stream.integer(below: Int(1) << 40)
        #expect(big >= 0 && big < Int(1) << 40)
    }
}
