/// The chi-squared distribution with ν degrees of freedom: a gamma with shape ν/2 and scale 2.
///
/// 2λT has this distribution with ν = 2d when T is the total time at risk of d exponential
/// events with rate λ (Epstein & Sobel 1953), which makes it the exact reference distribution
/// of the single-arm exponential survival test.
public struct ChiSquared: Sendable, Equatable {
    /// ν > 0 (need not be a whole number).
    public let degreesOfFreedom: Double
    private let gamma: Gamma

    /// - Throws: ``ProbabilityError`` unless ν is finite and positive.
    public init(degreesOfFreedom: Double) throws(ProbabilityError) {
        try Check.positive(degreesOfFreedom, "degreesOfFreedom", in: "ChiSquared.init")
        self.degreesOfFreedom = degreesOfFreedom
        self.gamma = try Gamma(shape: degreesOfFreedom / 2, scale: 2)
    }

    /// P(X ≤ x); 0 for x ≤ 0.
    public func cdf(_ x: Double) throws(ProbabilityError) -> Double { try gamma.cdf(x) }
    /// P(X > x), computed directly (not as 1 − cdf), so it keeps its relative accuracy in the upper tail.
    public func survival(_ x: Double) throws(ProbabilityError) -> Double { try gamma.survival(x) }
    /// The density at x; 0 for x < 0.
    public func density(_ x: Double) throws(ProbabilityError) -> Double { try gamma.density(x) }
    /// The x with P(X ≤ x) = p, 0 < p < 1.
    public func quantile(_ p: Double) throws(ProbabilityError) -> Double { try gamma.quantile(p) }
    /// The x with P(X > x) = q, 0 < q < 1: the critical value of a test at level q.
    public func upperQuantile(_ q: Double) throws(ProbabilityError) -> Double { try gamma.upperQuantile(q) }
}
