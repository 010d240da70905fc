/// Whether a test rejects in one tail or in both.
public enum Sidedness: Int, Sendable, Codable, CaseIterable {
    case oneSided = 1
    case twoSided = 2

    /// The probability each rejection tail is given: α for one-sided tests, α/2 for two-sided.
    public func tailProbability(alpha: Double) -> Double { alpha / Double(rawValue) }

    /// The word reports print after the significance level: "one-sided" or "two-sided".
    public var label: String { self == .oneSided ? "one-sided" : "two-sided" }
}

/// The error rates a design is built for: significance level α, power 1 − β, and sidedness.
///
/// α is the probability of rejecting the null hypothesis when it holds, summed over both
/// tails for a two-sided test; power is the probability of rejecting it under the alternative.
public struct ErrorRates: Sendable, Equatable, Codable {
    /// The nominal significance level α, in [1e-10, 0.25] one-sided or [1e-10, 0.5] two-sided; both tails together when two-sided.
    public let alpha: Double
    /// The target power 1 − β: the probability of rejecting H0 under the alternative, in (α, 1).
    public let power: Double
    /// Whether the test rejects in one tail (the phase II convention) or splits α over both.
    public let sides: Sidedness

    /// The largest α accepted: beyond 0.5 a one-sided test rejects more often than not.
    public static let maximumAlpha = 0.5
    /// The smallest α accepted, so each tail's probability stays a normal, positive double.
    public static let minimumAlpha = 1e-10

    /// The largest one-sided α accepted: a one-sided test at α above 0.25 is no protocol's test
    /// (issue 12: `--alpha 0.5` gave a 4-patient trial without a word).
    public static let maximumOneSidedAlpha = 0.25
    /// Above this α every report warns that the significance level is unusually lax.
    public static let warningAlpha = 0.2

    /// - Throws: ``InvalidInput`` unless 0 < α ≤ 0.25 (one-sided) or ≤ 0.5 (two-sided), and α < power < 1.
    public init(alpha: Double, power: Double, sides: Sidedness = .oneSided) throws(DesignError) {
        // The lower end 1e-10: 5e-324 halves to 0 in each tail of a two-sided test, where no quantile exists.
        try CommonParameters.alpha.validate(alpha)
        if sides == .oneSided, alpha > Self.maximumOneSidedAlpha {
            throw DesignError(
                parameter: CommonParameters.alpha.key,
                requirement: "at most \(Self.maximumOneSidedAlpha) for a one-sided test (at most \(Self.maximumAlpha) with --sides 2)",
                value: alpha)
        }
        // The declared range (0, 1) narrowed by alpha: power at or below alpha is no test.
        try Validate.interval(power, CommonParameters.power.key, above: alpha, below: 1)
        self.alpha = alpha
        self.power = power
        self.sides = sides
    }

    /// What every report must say about these rates: α above 0.2 is accepted but unusual.
    public var warnings: [String] {
        alpha > Self.warningAlpha
            ? ["The significance level \(alpha) is above \(Self.warningAlpha): the type I error is unusually high for a confirmatory test."]
            : []
    }

    /// β = 1 − power.
    public var beta: Double { 1 - power }

    /// The rejection probability in the tail that the alternative lies in.
    public var tailAlpha: Double { sides.tailProbability(alpha: alpha) }
}
