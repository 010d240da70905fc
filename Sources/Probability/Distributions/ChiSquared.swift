/// The chi-squared distribution with ν degrees of freedom: a gamma with shape ν/2 and scale 2.
///
/// 2λT has this distribution with ν = 2d when T is the total time at risk of d exponential
/// events with rate λ (Epstein & Sobel 1953), which makes it the exact reference distribution
/// of the single-arm exponential survival test.
public struct ChiSquared: Sendable, Equatable {
    public let degreesOfFreedom: Double
    private let gamma: Gamma

    public init(degreesOfFreedom: Double) throws(ProbabilityError) {
        try Check.positive(degreesOfFreedom, "degreesOfFreedom", in: "ChiSquared.init")
        self.degreesOfFreedom = degreesOfFreedom
        self.gamma = try Gamma(shape: degreesOfFreedom / 2, scale: 2)
    }

    public func cdf(_ x: Double) throws(ProbabilityError) -> Double { try gamma.cdf(x) }
    public func survival(_ x: Double) throws(ProbabilityError) -> Double { try gamma.survival(x) }
    public func density(_ x: Double) throws(ProbabilityError) -> Double { try gamma.density(x) }
    public func quantile(_ p: Double) throws(ProbabilityError) -> Double { try gamma.quantile(p) }
    public func upperQuantile(_ q: Double) throws(ProbabilityError) -> Double { try gamma.upperQuantile(q) }
}
