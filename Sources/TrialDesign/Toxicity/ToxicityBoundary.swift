import Probability

/// A continuous toxicity-monitoring rule for a phase II trial: stop enrolling when the number of
/// toxicities among the first n_k evaluable patients exceeds b_k (Ivanova, Qaqish & Schell,
/// Biometrics 2005;61:540-545; clinfun's `toxbdry`).
///
/// **Boundaries.** At look k, with information fraction t_k = n_k / N, the boundary is the
/// binomial quantile that a one-sided test of level α_k = Φ(z_a / t_k^δ) would use:
///
///     b_k = qbinom(1 − Φ(z_a / t_k^δ), n_k, p0),   z_a = Φ⁻¹(a),
///
/// so δ = 0 tests every look at the same level a (Pocock-type) and δ = 0.5 makes early looks
/// harder to cross (O'Brien–Fleming-type). The nominal level a is searched (clinfun's
/// `getBoundary`, reproduced step for step) so that the probability of ever crossing,
/// P(cross | p0) (``BoundaryCrossing``), straddles `alpha` (priority null) or P(cross | p1)
/// straddles `power` (priority alt): the search brackets a between a₀ and a₁, then bisects (or
/// interpolates linearly once a₁ − a₀ ≤ 0.01) at most 11 times, until the two boundaries differ
/// by at most one toxicity in total over the looks. The **low** boundary crosses with
/// probability at least the threshold, the **high** one with less. With priority null the high
/// boundary is the rule (P(stop | p0) ≤ alpha); with priority alt the low one
/// (P(stop | p1) ≥ power).
public struct ToxicityBoundary: Design, Equatable {
    /// Which error the search holds.
    public enum Priority: String, Sendable, CaseIterable, Codable {
        /// P(cross | p0) ≤ alpha: the rule rarely stops an acceptable treatment.
        case null
        /// P(cross | p1) ≥ power: the rule usually stops an unacceptable treatment.
        case alt
    }

    /// A stopping rule to evaluate: the boundaries b_k, one per look (stop when toxicities exceed b_k).
    public typealias Point = [Int]
    /// A rule's exact operating characteristics, one per true rate in ``rates``.
    public typealias Characteristics = [BoundaryCrossing]
    /// The one answer: the rule the search finds.
    public typealias Unknown = SingleUnknown
    /// The two searched boundaries, the rule the priority picks, and their characteristics.
    public typealias Solution = ToxicityBoundaryResult

    /// The acceptable toxicity rate, in (0, 1): the rule should rarely stop the trial at it.
    public let p0: Double
    /// The unacceptable toxicity rate, in (p0, 1): the rule should usually stop the trial at it.
    public let p1: Double
    /// Numbers of evaluable patients at the looks, increasing.
    public let looks: [Int]
    /// The threshold for P(cross | p0) (clinfun's cP0).
    public let alpha: Double
    /// The threshold for P(cross | p1) (clinfun's cP1).
    public let power: Double
    /// The boundary shape δ in [0, 0.5].
    public let shape: Double
    /// Which threshold the search holds when both cannot be met: `alpha` at p0 (null, the default) or `power` at p1 (alt).
    public let priority: Priority
    /// True toxicity rates for the operating characteristics.
    public let rates: [Double]

    /// The documented cap on the largest look: the recursion is O(looks × b²) per rate.
    public static let maximumPatients = 1000
    /// Rates in the operating-characteristics table at most.
    public static let maximumRates = 50
    /// The number of rates from p0 to p1 when none are given (clinfun's `ngrid`).
    public static let defaultGrid = 6
    /// The search's refinement steps after bracketing (clinfun's `niter`).
    static let refinements = 10

    /// - Throws: ``DesignError`` unless 0 < p0 < p1 < 1, the looks increase from 1 to at most
    ///   ``maximumPatients`` (at least two), 0.001 ≤ alpha ≤ 0.5 ≤ power ≤ 0.999, 0 ≤ shape ≤ 0.5,
    ///   and every rate is in [0, 1].
    public init(
        p0: Double, p1: Double, looks: [Int], alpha: Double = 0.1, power: Double = 0.9, shape: Double = 0,
        priority: Priority = .null, rates: [Double]? = nil
    ) throws(DesignError) {
        let catalog = Self.parameters
        try catalog["p0"]!.validate(p0)
        try catalog["p1"]!.validate(p1)
        guard p1 > p0 else {
            throw catalog["p1"]!.invalid("greater than \(DesignError.key("p0")) (\(DesignError.describe(p0)))", value: p1)
        }
        try catalog["alpha"]!.validate(alpha)
        try catalog["power"]!.validate(power)
        try catalog["shape"]!.validate(shape)
        try Self.checkLooks(looks)
        if let rates {
            guard !rates.isEmpty, rates.count <= Self.maximumRates else {
                throw catalog["rates"]!.invalid("a list of 1 to \(Self.maximumRates) rates", value: String(rates.count) + " rates")
            }
            try catalog["rates"]!.validate(rates)
        }
        self.p0 = p0
        self.p1 = p1
        self.looks = looks
        self.alpha = alpha
        self.power = power
        self.shape = shape
        self.priority = priority
        self.rates = rates ?? Self.grid(p0, p1, Self.defaultGrid)
    }

    /// The looks as typed: `10,20,30,40`, or one number N for a look after every patient 1...N.
    /// - Throws: ``DesignError`` naming `looks` for anything else.
    public static func looks(parsing text: String) throws(DesignError) -> [Int] {
        let parameter = parameters["looks"]!
        let fields = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        var values: [Int] = []
        for field in fields {
            guard let value = Int(field) else {
                throw parameter.invalid(
                    "whole numbers of patients separated by commas (10,20,30,40) or one number", value: text.isEmpty ? "\"\"" : text)
            }
            values.append(value)
        }
        if values.count == 1 {
            guard values[0] >= 2, values[0] <= maximumPatients else {
                throw parameter.invalid("a whole number in 2...\(maximumPatients) (one look after every patient)", value: text)
            }
            return Array(1...values[0])
        }
        try checkLooks(values)
        return values
    }

    static func checkLooks(_ looks: [Int]) throws(DesignError) {
        let parameter = parameters["looks"]!
        let shown = looks.map(String.init).joined(separator: ",")
        guard looks.count >= 2 else {
            throw parameter.invalid("at least two looks (or one number for a look after every patient)", value: shown)
        }
        guard let first = looks.first, first >= 1 else { throw parameter.invalid("looks of at least 1 patient", value: shown) }
        guard let last = looks.last, last <= maximumPatients else {
            throw parameter.invalid("at most \(maximumPatients) patients at the last look", value: shown)
        }
        for k in 1..<looks.count where looks[k] <= looks[k - 1] {
            throw parameter.invalid("strictly increasing numbers of patients", value: shown)
        }
    }

    /// `count` rates from `low` to `high`, as R's `seq(low, high, length = count)`: low + i·by,
    /// the last exactly `high`.
    static func grid(_ low: Double, _ high: Double, _ count: Int) -> [Double] {
        let by = (high - low) / Double(count - 1)
        return (0..<count).map { $0 == count - 1 ? high : low + Double($0) * by }
    }

    /// The characteristics of the rule `bounds` at every rate in ``rates``.
    public func characteristics(at bounds: [Int]) throws(DesignError) -> [BoundaryCrossing] {
        guard bounds.count == looks.count else {
            throw DesignError(parameter: "looks", requirement: "one boundary per look (\(looks.count))", value: String(bounds.count))
        }
        var result: [BoundaryCrossing] = []
        for rate in rates {
            result.append(
                try DesignError.numerics { () throws(ProbabilityError) in
                    try BoundaryCrossing.evaluate(looks: looks, bounds: bounds, rate: rate)
                })
        }
        return result
    }

    /// The boundary at nominal level `level`: b_k = qbinom(1 − Φ(Φ⁻¹(level)/t_k^δ), n_k, p0).
    func boundary(level: Double) throws(ProbabilityError) -> [Int] {
        let z = try Normal.standard.quantile(level)
        let total = Double(looks.last!)
        var bounds: [Int] = []
        for n in looks {
            let denominator = Double.pow(Double(n) / total, shape)
            let quantileLevel = 1 - (try Normal.standard.cdf(z / denominator))
            bounds.append(try Self.binomialQuantile(quantileLevel, trials: n, probability: p0))
        }
        return bounds
    }

    /// R's `qbinom(q, n, p)`: the smallest x with P(X ≤ x) ≥ q·(1 − 64ε) (R's fuzz for left
    /// continuity); n when q + 1.01ε ≥ 1, 0 when q ≤ 0.
    static func binomialQuantile(_ q: Double, trials: Int, probability: Double) throws(ProbabilityError) -> Int {
        if q <= 0 { return 0 }
        if q + 1.01 * Double.ulpOfOne >= 1 { return trials }
        let target = q * (1 - 64 * Double.ulpOfOne)
        let distribution = try Binomial(trials: trials, probability: probability)
        return IntegerSearch.firstMonotone(in: 0...trials) { distribution.cdf($0) >= target } ?? trials
    }

    /// P(cross) at the rate the priority holds.
    private func crossing(_ bounds: [Int], at rate: Double) throws(ProbabilityError) -> Double {
        try BoundaryCrossing.evaluate(looks: looks, bounds: bounds, rate: rate).crossing
    }

    /// Searches the nominal level (clinfun's `getBoundary`, step for step) and returns both
    /// boundaries with their characteristics.
    ///
    /// - Throws: ``DesignError`` naming `looks` when even stopping at the first toxicity cannot
    ///   reach the threshold the priority holds (too few patients).
    public func solve(for unknown: SingleUnknown = .answer) throws(DesignError) -> ToxicityBoundaryResult {
        let threshold = priority == .null ? alpha : power
        let rate = priority == .null ? p0 : p1
        let found = try DesignError.numerics { () throws(ProbabilityError) in try search(threshold: threshold, rate: rate) }
        guard let (low, high, lowLevel, highLevel) = found else { throw tooFewPatients(threshold: threshold, rate: rate) }
        return try ToxicityBoundaryResult(
            design: self, low: low, high: high, lowLevel: lowLevel, highLevel: highLevel,
            lowCharacteristics: characteristics(at: low), highCharacteristics: characteristics(at: high))
    }

    private func tooFewPatients(threshold: Double, rate: Double) -> DesignError {
        let name = priority == .null ? "p0" : "p1", target = priority == .null ? "alpha" : "power"
        return DesignError(
            parameter: "looks",
            requirement:
                "a larger last look: no boundary of this shape stops with probability \(DesignError.key(target)) (\(DesignError.describe(threshold))) when the toxicity rate is \(DesignError.key(name)) (\(DesignError.describe(rate)))",
            value: String(looks.last!) + " patients")
    }

    /// The bracketing and refinement of `getBoundary`; nil when the nominal level would have to
    /// exceed 1 (R fails there with NaN).
    private func search(threshold: Double, rate: Double) throws(ProbabilityError) -> (
        low: [Int], high: [Int], lowLevel: Double, highLevel: Double
    )? {
        var alpha0 = alpha / Double(looks.count)
        var r0 = try boundary(level: alpha0)
        var cross0 = try crossing(r0, at: rate)
        var alpha1 = alpha
        var r1 = try boundary(level: alpha1)
        var cross1 = try crossing(r1, at: rate)
        if priority == .alt {
            // Lower alpha0 until its boundary crosses less often than `power` at p1.
            while cross0 > threshold {
                alpha1 = alpha0; r1 = r0; cross1 = cross0
                alpha0 *= 0.5
                guard alpha0 >= 1e-300 else { return nil }
                r0 = try boundary(level: alpha0)
                cross0 = try crossing(r0, at: rate)
            }
        }
        // Raise alpha1 until its boundary crosses at least as often as the threshold.
        while cross1 < threshold {
            alpha0 = alpha1; r0 = r1; cross0 = cross1
            alpha1 *= 1.4
            guard alpha1 < 1 else { return nil }
            r1 = try boundary(level: alpha1)
            cross1 = try crossing(r1, at: rate)
        }
        var iteration = 0
        while zip(r0, r1).reduce(0, { $0 + $1.0 - $1.1 }) > 1 && iteration <= Self.refinements {
            iteration += 1
            let level =
                alpha1 - alpha0 > 0.01
                ? (alpha1 + alpha0) / 2
                : alpha0 + (alpha1 - alpha0) * (threshold - cross0) / (cross1 - cross0)
            let r = try boundary(level: level)
            let c = try crossing(r, at: rate)
            if c < threshold {
                alpha0 = level; r0 = r; cross0 = c
            } else {
                alpha1 = level; r1 = r; cross1 = c
            }
        }
        return (r1, r0, alpha1, alpha0)
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
