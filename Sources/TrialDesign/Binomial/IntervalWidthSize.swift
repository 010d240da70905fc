import Probability

/// The number of patients whose interval is no wider than asked (the inverse of `ci`).
///
/// For each n the count expected is x = round(n·p) (halves rounded up), and the interval's
/// width U − L at that x is computed by the chosen method. Width is not monotone in n (x jumps
/// by whole patients: a sawtooth, like exact power), so two answers are given, as for exact
/// single-stage designs: the first n whose width is at most the target, and the first n from
/// which every n up to the search's horizon (2·first + 50) also meets it.
public struct IntervalWidthSize: Sendable, Equatable {
    public let width: Double
    public let expected: Double
    public let level: ConfidenceLevel
    public let method: IntervalMethod

    /// The largest n scanned: the widths of 10⁶ intervals take well under a second.
    public static let maximumPatients = 1_000_000

    /// - Throws: ``InvalidInput`` unless 0 < width < 1, 0 < expected < 1, and the answer lies
    ///   within ``maximumPatients`` (judged from the normal approximation n ≈ z²p(1 − p)/(w/2)²).
    public init(width: Double, expected: Double, level: ConfidenceLevel, method: IntervalMethod) throws(InvalidInput) {
        try Validate.probability(width, "width")
        try Validate.probability(expected, "expected")
        self.width = width
        self.expected = expected
        self.level = level
        self.method = method
        let z = (try? Normal.standard.upperQuantile(level.tail)) ?? 40
        let approximate = z * z * expected * (1 - expected) / (width * width / 4)
        if 2 * approximate + 50 > Double(Self.maximumPatients) {
            throw InvalidInput(parameter: "width",
                               requirement: "wide enough that n stays within \(Self.maximumPatients) patients (\(InvalidInput.approximateCount(approximate)) needed)",
                               value: width)
        }
    }

    /// The count expected among n patients: round(n·p).
    public func expectedCount(_ n: Int) -> Int { Int((Double(n) * expected + 0.5).rounded(.down)) }

    /// The interval at n patients with the expected count.
    public func interval(at n: Int) throws -> ProportionInterval {
        let observed = try ObservedProportion(successes: expectedCount(n), trials: n)
        return try method.interval(observed, level)
    }

    public struct Answer: Sendable, Equatable, Codable {
        public let first: ProportionInterval
        public let stable: ProportionInterval
        /// The largest n checked for the stable answer.
        public let horizon: Int
    }

    public func solve() throws -> Answer {
        var widths: [Int: ProportionInterval] = [:]
        func meets(_ n: Int) throws -> Bool {
            let interval = try self.interval(at: n)
            widths[n] = interval
            return interval.width <= width
        }
        guard let first = try IntegerSearch.first(in: 1...Self.maximumPatients, where: meets) else {
            throw InvalidInput(parameter: "width", requirement: "reachable within \(Self.maximumPatients) patients", value: width)
        }
        let horizon = min(Self.maximumPatients, 2 * first + 50)
        guard let stable = try IntegerSearch.stable(in: first...horizon, where: meets) else {
            throw InvalidInput(parameter: "width", requirement: "reachable within \(Self.maximumPatients) patients", value: width)
        }
        return Answer(first: try widths[first] ?? interval(at: first), stable: try widths[stable] ?? interval(at: stable),
                      horizon: horizon)
    }
}
