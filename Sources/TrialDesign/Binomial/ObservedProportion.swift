/// An observed binomial count: x responses among n patients.
///
/// Counts are whole numbers with 0 ≤ x ≤ n ≤ ``maximumTrials`` (10⁹, the largest n the
/// binomial distribution functions accept).
public struct ObservedProportion: Sendable, Equatable, Codable {
    /// x, the number of responses, 0 ≤ x ≤ n.
    public let successes: Int
    /// n, the number of patients, 1 ≤ n ≤ ``maximumTrials``.
    public let trials: Int

    /// The documented cap on n: 10⁹.
    public static let maximumTrials = 1_000_000_000

    /// - Throws: ``InvalidInput`` (parameter `x` or `n`) unless 0 ≤ x ≤ n, 1 ≤ n ≤ 10⁹.
    public init(successes: Int, trials: Int) throws(InvalidInput) {
        try Validate.count(trials, "n", in: 1...Self.maximumTrials)
        try Validate.count(successes, "x", in: 0...trials)
        self.successes = successes
        self.trials = trials
    }

    /// The sample proportion x / n.
    public var estimate: Double { Double(successes) / Double(trials) }
}

/// The confidence level of an interval or bound and whether it is two-sided.
///
/// A two-sided interval at level `conf` leaves (1 − conf)/2 in each tail; with one side,
/// each bound is a one-sided bound at level `conf` (it leaves 1 − conf in its one tail).
public struct ConfidenceLevel: Sendable, Equatable, Codable {
    /// The confidence level, in (0, 1): 0.95 for a 95% interval or a 95% one-sided bound.
    public let conf: Double
    /// Two-sided (the default): one interval with (1 − conf)/2 in each tail; one-sided: each bound alone at level `conf`.
    public let sides: Sidedness

    /// - Throws: ``InvalidInput`` (parameter `conf`) unless 0 < conf < 1.
    public init(_ conf: Double, sides: Sidedness = .twoSided) throws(InvalidInput) {
        try Validate.probability(conf, "conf")
        self.conf = conf
        self.sides = sides
    }

    /// The probability each bound leaves outside it: (1 − conf)/sides.
    public var tail: Double { (1 - conf) / Double(sides.rawValue) }
}
