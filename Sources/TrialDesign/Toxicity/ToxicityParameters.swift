/// Every input of `toxicity-boundary`, declared once.
extension ToxicityBoundary {
    /// `toxicity-boundary`'s parameters, in the order its help lists them.
    public static let parameters = ParameterCatalog(
        "toxicity-boundary",
        [
            Parameter(
                "p0", label: "Acceptable toxicity rate (p0)",
                help: "The toxicity rate that is acceptable: the rule should rarely stop the trial at this rate.",
                unit: "proportion", allowed: .probability),
            Parameter(
                "p1", label: "Unacceptable toxicity rate (p1)",
                help: "The toxicity rate that is too high: the rule should usually stop the trial at this rate; greater than p0.",
                unit: "proportion", allowed: .probability),
            Parameter(
                "looks", label: "Looks",
                help:
                    "Numbers of evaluable patients at which toxicities are counted, increasing (10,20,30,40); one number N monitors after every patient from 1 to N. At most \(maximumPatients) patients.",
                allowed: .text),
            Parameter(
                "alpha", label: "Probability of stopping at p0",
                help: "The largest acceptable probability that the rule stops the trial when the toxicity rate is p0 (clinfun's cP0).",
                allowed: .interval(0.001, 0.5, closedBelow: true, closedAbove: true), default: "0.1"),
            Parameter(
                "power", label: "Probability of stopping at p1",
                help: "The probability wanted that the rule stops the trial when the toxicity rate is p1 (clinfun's cP1); above alpha.",
                allowed: .interval(0.5, 0.999, closedBelow: true, closedAbove: true), default: "0.9"),
            Parameter(
                "shape", label: "Boundary shape",
                help:
                    "Boundary shape delta: 0 is Pocock-type (the same level at every look), 0.5 O'Brien-Fleming-type (hard to cross early).",
                allowed: .interval(0, 0.5, closedBelow: true, closedAbove: true), default: "0"),
            Parameter(
                "priority", label: "Priority",
                help:
                    "Which error to hold when both cannot be met: null (stopping probability at p0 at most alpha) or alt (stopping probability at p1 at least power).",
                allowed: .choice(Priority.allCases.map(\.rawValue)), default: Priority.null.rawValue),
            Parameter(
                "rates", label: "True toxicity rates",
                help: "True toxicity rates for the operating characteristics (default: 6 rates evenly from p0 to p1, as clinfun).",
                unit: "proportion", allowed: .list(lower: 0, lowerClosed: true, upper: 1, upperClosed: true)),
        ])
}
