/// The parameters many designs share, declared once: error rates, confidence, and the
/// simulation's trials, seed and threads.
public enum CommonParameters {
    /// `alpha`: the nominal type I error, both tails together when `sides` is 2 (default 0.05).
    public static let alpha = Parameter(
        "alpha", label: "Significance level",
        help: "The type I error, summed over both tails when sides is 2: at most 0.25 one-sided, 0.5 two-sided; above 0.2 warns.",
        allowed: .interval(ErrorRates.minimumAlpha, ErrorRates.maximumAlpha, closedBelow: true, closedAbove: true), default: "0.05")

    /// `power`: the target probability of rejecting H0 under the alternative, above `alpha` (default 0.8).
    public static let power = Parameter(
        "power", label: "Power",
        help: "The target probability of rejecting the null hypothesis under the alternative; above alpha.",
        allowed: .interval(0, 1), default: "0.8")

    /// `sides`: 1 for a one-sided test (the default), 2 for a two-sided one.
    public static let sides = Parameter(
        "sides", label: "Sides",
        help: "1 for a one-sided test (the phase II convention), 2 for two-sided.",
        allowed: .choice(["1", "2"]), default: "1")

    /// `conf`: the two-sided confidence level of an interval (default 0.95).
    public static let confidence = Parameter(
        "conf", label: "Confidence level",
        help: "The two-sided confidence level of the interval.",
        allowed: .interval(0, 1), default: "0.95")

    /// `seed`: the simulation's random seed (default 1); the answer depends on it, not on the threads.
    public static let seed = Parameter(
        "seed", label: "Seed",
        help: "Seed of the simulation: the same seed gives the same answer on any number of threads.",
        allowed: .integer(0...Int.max), default: "1")

    /// `threads`: how many threads a simulation runs on (default all cores); it changes the speed, never the answer.
    public static let threads = Parameter(
        "threads", label: "Threads",
        help: "Threads for the simulation (default: all cores; the answer does not depend on it).",
        allowed: .integer(1...256))

    /// `p0`: the response rate of no interest, the null hypothesis p ≤ p0 (a proportion in (0, 1)).
    public static let p0 = Parameter(
        "p0", label: "Uninteresting response rate (p0)",
        help: "The response rate of no interest: the null hypothesis is p <= p0.",
        unit: "proportion", allowed: .probability)

    /// `p1`: the response rate hoped for under the alternative, greater than p0 (a proportion in (0, 1)).
    public static let p1 = Parameter(
        "p1", label: "Target response rate (p1)",
        help: "The response rate hoped for under the alternative; greater than p0.",
        unit: "proportion", allowed: .probability)
}
