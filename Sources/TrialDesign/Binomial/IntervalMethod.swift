/// The ways trialsize computes an interval for a binomial proportion.
///
/// Brown, Cai & DasGupta (Stat Sci 2001;16:101-133) compare them: Clopper–Pearson is exact
/// (coverage never below nominal) and conservative; mid-p, Wilson, Jeffreys and Agresti–Coull
/// have coverage close to nominal on average; Wald is erratic and poor for small n or p near
/// 0 or 1 and is kept only for comparison.
public enum IntervalMethod: String, Sendable, Codable, CaseIterable {
    case clopperPearson = "clopper-pearson"
    case midP = "mid-p"
    case wilson
    case jeffreys
    case agrestiCoull = "agresti-coull"
    case wald

    /// The measured time to compute one interval at large n (release build, one core, under
    /// the usual load): the cost model of `ci --width` (``IntervalWidthSize/estimatedEvaluations``).
    public var secondsPerInterval: Double {
        switch self {
        case .midP: return 1.2e-4
        case .clopperPearson, .jeffreys: return 6e-5
        case .wilson, .agrestiCoull, .wald: return 2e-6
        }
    }

    /// A readable name, as a protocol would print it.
    public var title: String {
        switch self {
        case .clopperPearson: return "Clopper-Pearson exact"
        case .midP: return "mid-p exact"
        case .wilson: return "Wilson score"
        case .jeffreys: return "Jeffreys"
        case .agrestiCoull: return "Agresti-Coull"
        case .wald: return "Wald (poor; shown for comparison only)"
        }
    }

    /// Whether the method guarantees coverage of at least the nominal level for every p.
    public var isExact: Bool { self == .clopperPearson }

    /// The interval for `observed` at `level`.
    public func interval(_ observed: ObservedProportion, _ level: ConfidenceLevel) throws(DesignError) -> ProportionInterval {
        try designErrors {
            let (lower, upper): (Double, Double)
            switch self {
            case .clopperPearson: (lower, upper) = try ClopperPearson.bounds(observed, tailProbability: level.tail)
            case .midP: (lower, upper) = try MidP.bounds(observed, tail: level.tail)
            case .wilson: (lower, upper) = try ScoreIntervals.wilson(observed, tail: level.tail)
            case .jeffreys: (lower, upper) = try ScoreIntervals.jeffreys(observed, tail: level.tail)
            case .agrestiCoull: (lower, upper) = try ScoreIntervals.agrestiCoull(observed, tail: level.tail)
            case .wald: (lower, upper) = try ScoreIntervals.wald(observed, tail: level.tail)
            }
            return ProportionInterval(
                successes: observed.successes, trials: observed.trials, estimate: observed.estimate,
                lower: lower, upper: upper, conf: level.conf, sides: level.sides.rawValue,
                method: rawValue)
        }
    }
}

/// An interval (two-sided) or a pair of one-sided bounds for a binomial proportion.
///
/// With `sides` 1, `lower` and `upper` are each a one-sided bound at level `conf`.
public struct ProportionInterval: Sendable, Equatable, Codable {
    /// x, the responses observed (for `ci --width`, the count expected at this n).
    public let successes: Int
    /// n, the number of patients.
    public let trials: Int
    /// The sample proportion x / n; most methods' intervals are not centred on it.
    public let estimate: Double
    /// The lower bound, in [0, ``upper``]; with ``sides`` 1, a one-sided lower bound at level ``conf``.
    public let lower: Double
    /// The upper bound, in [``lower``, 1]; with ``sides`` 1, a one-sided upper bound at level ``conf``.
    public let upper: Double
    /// The confidence level, in (0, 1): 0.95 for a 95% interval or 95% one-sided bounds.
    public let conf: Double
    /// 2 for a two-sided interval, (1 − conf)/2 in each tail; 1 for two one-sided bounds, 1 − conf in each one's tail.
    public let sides: Int
    /// The method's ``IntervalMethod`` raw value: `clopper-pearson`, `mid-p`, `wilson`, `jeffreys`, `agresti-coull` or `wald`.
    public let method: String

    /// upper − lower.
    public var width: Double { upper - lower }
}
