import Probability

/// The number of patients whose interval is no wider than asked (the inverse of `ci`).
///
/// For each n the count expected is x = round(n·p) (halves rounded up), and the interval's
/// width U − L at that x is computed by the chosen method. Width is not monotone in n (x jumps
/// by whole patients: a sawtooth, like exact power), so two answers are given, as for exact
/// single-stage designs: the first n whose width is at most the target, and the first n from
/// which every n up to the search's horizon (2·first + 50) also meets it.
///
/// A degenerate interval (zero width at x = 0 or x = n, as Wald's is) never counts as meeting
/// the width: it says nothing about precision.
///
/// Bounded work: the scan for the first n starts at ``searchStart`` (95% of the normal
/// approximation n ≈ z²p(1 − p)/(w/2)², less 50, at least 1), where every method's width is
/// still well above the target (the methods differ from the normal width by O(1/n) relative);
/// the start is checked to fail, halving it until it does. ``estimatedEvaluations`` counts the
/// intervals the search computes, known before any work.
public struct IntervalWidthSize: Sendable, Equatable {
    /// The largest acceptable width, upper − lower, as a proportion in (0, 1).
    public let width: Double
    /// The response rate expected, in (0, 1): at n patients the interval is computed at ``expectedCount(_:)`` responses.
    public let expected: Double
    /// The confidence level and sidedness; with one side the width is the distance between the two one-sided bounds.
    public let level: ConfidenceLevel
    /// The interval method whose width is sized; its cost per n is ``IntervalMethod/secondsPerInterval``.
    public let method: IntervalMethod

    /// The largest n scanned: the widths of 10⁶ intervals take well under a second.
    public static let maximumPatients = 1_000_000

    /// - Throws: ``InvalidInput`` unless 0 < width < 1, 0 < expected < 1, and the answer lies
    ///   within ``maximumPatients`` (judged from the normal approximation n ≈ z²p(1 − p)/(w/2)²),
    ///   and the search's ``estimatedEvaluations`` fit ``WorkBudget`` (exact methods only: about
    ///   a tenth of a millisecond per mid-p interval).
    public init(width: Double, expected: Double, level: ConfidenceLevel, method: IntervalMethod) throws(InvalidInput) {
        try Validate.probability(width, "width")
        try Validate.probability(expected, "expected")
        self.width = width
        self.expected = expected
        self.level = level
        self.method = method
        let z = (try? Normal.standard.upperQuantile(level.tail)) ?? 40
        let approximate = z * z * expected * (1 - expected) / (width * width / 4)
        self.normalApproximation = approximate
        if 2 * approximate + 50 > Double(Self.maximumPatients) {
            throw InvalidInput(
                parameter: "width",
                requirement:
                    "wide enough that n stays within \(Self.maximumPatients) patients (\(InvalidInput.approximateCount(approximate)) needed)",
                value: width)
        }
        try WorkBudget.check(
            units: estimatedEvaluations, secondsPerUnit: method.secondsPerInterval,
            what: "\(method.rawValue) intervals", parameter: "width", value: DesignError.describe(width),
            howToProceed: "widen `width`, or use `method` wilson, whose intervals are closed forms")
    }

    /// The normal-approximation n, z²p(1 − p)/(w/2)².
    public let normalApproximation: Double

    /// Where the scan for the first n begins (before the check that it fails there).
    public var searchStart: Int { max(1, Int((0.95 * normalApproximation).rounded(.down)) - 50) }

    /// The intervals the search computes, estimated before any work: the scan from
    /// ``searchStart`` to the first n (about 0.05·n + 50), then down from the horizon
    /// (2·first + 50) to the stable n (about first + 50).
    public var estimatedEvaluations: Double {
        let first = max(1, normalApproximation)
        return (first - Double(searchStart) + 50) + (first + 50)
    }

    /// The count expected among n patients: round(n·p).
    public func expectedCount(_ n: Int) -> Int { Int((Double(n) * expected + 0.5).rounded(.down)) }

    /// The interval at n patients with the expected count.
    public func interval(at n: Int) throws(DesignError) -> ProportionInterval {
        let observed = try ObservedProportion(successes: expectedCount(n), trials: n)
        return try method.interval(observed, level)
    }

    /// The two answers of the sawtooth search, each the interval at its n and that n's expected count (its `trials` is the n).
    public struct Answer: Sendable, Equatable, Codable {
        /// The interval at the first n whose width is at most the target.
        public let first: ProportionInterval
        /// The interval at the first n from which every n up to ``horizon`` has a width at most the target.
        public let stable: ProportionInterval
        /// The largest n checked for the stable answer.
        public let horizon: Int
    }

    /// Finds the first and the stable n whose interval at the expected count is no wider than ``width`` (a
    /// degenerate zero-width interval never counts).
    /// - Throws: ``DesignError`` naming `width` when no n up to ``maximumPatients`` reaches it, or a numerical failure of the method.
    public func solve() throws(DesignError) -> Answer {
        try designErrors {
            var widths: [Int: ProportionInterval] = [:]
            func meets(_ n: Int) throws -> Bool {
                let interval = try self.interval(at: n)
                widths[n] = interval
                let x = expectedCount(n)
                if (x == 0 || x == n) && !(interval.width > 0) { return false }
                return interval.width <= width
            }
            var start = searchStart
            while start > 1, try meets(start) { start /= 2 }
            guard let search = try IntegerSearch.sawtooth(in: start...Self.maximumPatients, where: meets) else {
                throw InvalidInput(parameter: "width", requirement: "reachable within \(Self.maximumPatients) patients", value: width)
            }
            return Answer(
                first: try widths[search.first] ?? interval(at: search.first),
                stable: try widths[search.stable] ?? interval(at: search.stable), horizon: search.horizon)
        }
    }
}
