import RealModule

/// The exponential distribution with rate λ (mean 1/λ, median ln 2 / λ).
///
/// Closed forms: F(x) = 1 − e^(−λx), computed as −expm1(−λx) so small x keeps full precision.
public struct Exponential: Sendable, Equatable {
    /// λ > 0, the hazard.
    public let rate: Double

    /// - Throws: ``ProbabilityError`` unless λ is finite and positive.
    public init(rate: Double) throws(ProbabilityError) {
        try Check.positive(rate, "rate", in: "Exponential.init")
        self.rate = rate
    }

    /// The exponential distribution whose median is `median`: λ = ln 2 / median.
    public init(median: Double) throws(ProbabilityError) {
        try Check.positive(median, "median", in: "Exponential.init")
        try self.init(rate: Double.log(2) / median)
    }

    /// 1 / λ.
    public var mean: Double { 1 / rate }
    /// ln 2 / λ.
    public var median: Double { Double.log(2) / rate }

    /// F(x) = 1 − e^(−λx), as −expm1(−λx); 0 for x ≤ 0.
    public func cdf(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Exponential.cdf")
        return x <= 0 ? 0 : -Double.expMinusOne(-rate * x)
    }

    /// S(x) = e^(−λx); 1 for x ≤ 0.
    public func survival(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Exponential.survival")
        return x <= 0 ? 1 : Double.exp(-rate * x)
    }

    /// f(x) = λ e^(−λx); 0 for x < 0.
    public func density(_ x: Double) throws(ProbabilityError) -> Double {
        try Check.finite(x, "x", in: "Exponential.density")
        return x < 0 ? 0 : rate * Double.exp(-rate * x)
    }

    /// −log(1 − p) / λ, computed as −log1p(−p) / λ.
    public func quantile(_ p: Double) throws(ProbabilityError) -> Double {
        try Check.openProbability(p, "p", in: "Exponential.quantile")
        return try Check.result(-Double.log(onePlus: -p) / rate, in: "Exponential.quantile", "−log(1 − p)/λ overflows")
    }

    /// −log(q) / λ.
    public func upperQuantile(_ q: Double) throws(ProbabilityError) -> Double {
        try Check.openProbability(q, "q", in: "Exponential.upperQuantile")
        return try Check.result(-Double.log(q) / rate, in: "Exponential.upperQuantile", "−log(q)/λ overflows")
    }
}
