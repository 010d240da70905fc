import Probability

/// The two boundaries of a toxicity-monitoring search, the rule the priority picks, and their
/// operating characteristics.
public struct ToxicityBoundaryResult: DesignResult, Equatable {
    /// Which of the two boundaries the rule is.
    public enum Choice: String, Sendable, Codable {
        case low, high
    }

    /// The design searched: p0 and p1, the looks, the two thresholds, the shape, the priority and the true rates.
    public let design: ToxicityBoundary
    /// The lower boundary: P(cross) at least the prioritised threshold.
    public let low: [Int]
    /// The higher boundary: P(cross) below the prioritised threshold.
    public let high: [Int]
    /// The nominal per-look level a of the low boundary (level Φ(z_a / t_k^δ) at look k).
    public let lowLevel: Double
    /// The nominal per-look level a of the high boundary.
    public let highLevel: Double
    /// The low boundary's characteristics at the design's rates.
    public let lowCharacteristics: [BoundaryCrossing]
    /// The high boundary's characteristics at the design's rates.
    public let highCharacteristics: [BoundaryCrossing]
    /// The low boundary's characteristics at p0 and at p1.
    public let lowAtP0: BoundaryCrossing, lowAtP1: BoundaryCrossing
    /// The high boundary's characteristics at p0 and at p1.
    public let highAtP0: BoundaryCrossing, highAtP1: BoundaryCrossing

    init(
        design: ToxicityBoundary, low: [Int], high: [Int], lowLevel: Double, highLevel: Double,
        lowCharacteristics: [BoundaryCrossing], highCharacteristics: [BoundaryCrossing]
    ) throws(DesignError) {
        self.design = design
        self.low = low
        self.high = high
        self.lowLevel = lowLevel
        self.highLevel = highLevel
        self.lowCharacteristics = lowCharacteristics
        self.highCharacteristics = highCharacteristics
        var ends: [BoundaryCrossing] = []
        for bounds in [low, high] {
            for rate in [design.p0, design.p1] {
                ends.append(
                    try DesignError.numerics { () throws(ProbabilityError) in
                        try BoundaryCrossing.evaluate(looks: design.looks, bounds: bounds, rate: rate)
                    })
            }
        }
        (lowAtP0, lowAtP1, highAtP0, highAtP1) = (ends[0], ends[1], ends[2], ends[3])
    }

    /// The rule: the high boundary with priority null, the low one with priority alt.
    public var choice: Choice { design.priority == .null ? .high : .low }
    /// The rule's boundaries b_k, one per look: stop when the toxicities among the first n_k patients exceed b_k.
    public var rule: [Int] { choice == .high ? high : low }
    /// The rule's exact characteristics at p0; its `crossing` is the attained alpha, P(stop | p0).
    public var ruleAtP0: BoundaryCrossing { choice == .high ? highAtP0 : lowAtP0 }
    /// The rule's exact characteristics at p1; its `crossing` is the attained power, P(stop | p1).
    public var ruleAtP1: BoundaryCrossing { choice == .high ? highAtP1 : lowAtP1 }
    /// The rule's exact characteristics at each of the design's true rates.
    public var ruleCharacteristics: [BoundaryCrossing] { choice == .high ? highCharacteristics : lowCharacteristics }

    /// P(stop | p0) as the attained alpha, P(stop | p1) as the attained power, of the rule.
    public var attainedErrorRates: AttainedErrorRates? {
        AttainedErrorRates(alpha: ruleAtP0.crossing, power: ruleAtP1.crossing)
    }

    /// Whether the rule stops with probability at most `alpha` at p0 and at least `power` at p1; too few patients can miss one.
    public var meetsTarget: Bool {
        ErrorRateTolerance.withinAlpha(ruleAtP0.crossing, design.alpha)
            && ErrorRateTolerance.reachesPower(ruleAtP1.crossing, design.power)
    }

    /// Looks where the rule cannot stop (b_k ≥ n_k: even all patients toxic do not exceed it).
    public var looksWithoutStopping: [Int] {
        zip(design.looks, rule).filter { $0.1 >= $0.0 }.map(\.0)
    }

    /// Warnings when the rule misses the `alpha` or the `power` threshold, and for looks where it cannot stop.
    public var warnings: [String] {
        var list: [String] = []
        let p0 = DesignError.describe(design.p0), p1 = DesignError.describe(design.p1)
        if !ErrorRateTolerance.withinAlpha(ruleAtP0.crossing, design.alpha) {
            list.append(
                "The rule stops with probability \(Self.fixed(ruleAtP0.crossing)) when the toxicity rate is \(p0), above the \(DesignError.describe(design.alpha)) asked for: \(design.looks.last!) patients are too few to meet both thresholds, and priority alt holds the stopping probability at \(p1) instead."
            )
        }
        if !ErrorRateTolerance.reachesPower(ruleAtP1.crossing, design.power) {
            list.append(
                "The rule stops with probability only \(Self.fixed(ruleAtP1.crossing)) when the toxicity rate is \(p1), below the \(DesignError.describe(design.power)) asked for: \(design.looks.last!) patients are too few to meet both thresholds with priority \(design.priority.rawValue)."
            )
        }
        if !looksWithoutStopping.isEmpty {
            let shown =
                looksWithoutStopping.count > 6
                ? looksWithoutStopping.prefix(6).map(String.init).joined(separator: ", ") + ", ..."
                : looksWithoutStopping.map(String.init).joined(separator: ", ")
            list.append("The rule cannot stop at the looks with \(shown) patients (the boundary is at least the number of patients).")
        }
        return list
    }

    static func fixed(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        var text = "\(scaled)"
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < 3 { text += String(repeating: "0", count: 3 - decimals) }
        }
        return text
    }
}
