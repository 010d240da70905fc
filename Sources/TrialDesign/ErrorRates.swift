/// Whether a test rejects in one tail or in both.
public enum Sidedness: Int, Sendable, Codable, CaseIterable {
    case oneSided = 1
    case twoSided = 2

    /// The probability each rejection tail is given: α for one-sided tests, α/2 for two-sided.
    public func tailProbability(alpha: Double) -> Double { alpha / Double(rawValue) }

    public var label: String { self == .oneSided ? "one-sided" : "two-sided" }
}

/// The error rates a design is built for: significance level α, power 1 − β, and sidedness.
///
/// α is the probability of rejecting the null hypothesis when it holds, summed over both
/// tails for a two-sided test; power is the probability of rejecting it under the alternative.
public struct ErrorRates: Sendable, Equatable, Codable {
    public let alpha: Double
    public let power: Double
    public let sides: Sidedness

    /// The largest α accepted: beyond 0.5 a one-sided test rejects more often than not.
    public static let maximumAlpha = 0.5
    /// The smallest α accepted, so each tail's probability stays a normal, positive double.
    public static let minimumAlpha = 1e-10

    /// - Throws: ``InvalidInput`` unless 0 < α ≤ 0.5 and α < power < 1.
    public init(alpha: Double, power: Double, sides: Sidedness = .oneSided) throws(DesignError) {
        // The lower end 1e-10: 5e-324 halves to 0 in each tail of a two-sided test, where no quantile exists.
        try CommonParameters.alpha.validate(alpha)
        // The declared range (0, 1) narrowed by alpha: power at or below alpha is no test.
        try Validate.interval(power, CommonParameters.power.key, above: alpha, below: 1)
        self.alpha = alpha
        self.power = power
        self.sides = sides
    }

    /// β = 1 − power.
    public var beta: Double { 1 - power }

    /// The rejection probability in the tail that the alternative lies in.
    public var tailAlpha: Double { sides.tailProbability(alpha: alpha) }
}
