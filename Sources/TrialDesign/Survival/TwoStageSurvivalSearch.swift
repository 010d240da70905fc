import Probability

/// Which two-stage design to report (Jung, Lee, Kim & George, Stat Med 2004;23:561-569 for
/// admissible designs).
public enum TwoStageCriterion: String, Sendable, CaseIterable, Codable {
    /// Smallest expected sample size under H₀.
    case optimal
    /// Smallest maximum sample size, then smallest expected sample size under H₀.
    case minimax
    /// Smallest (EN₀ + n)/2: the admissible design at weight q = 1/2.
    case admissible
}

/// One two-stage design (n₁, c₁, n, c) with its characteristics.
public struct TwoStageSurvivalDesign: Sendable, Equatable, Codable {
    /// Patients entered by the interim analysis.
    public let n1: Int
    /// Futility boundary on Z₁: stop when Z₁ ≤ c₁.
    public let c1: Double
    /// Maximum number of patients.
    public let n: Int
    /// Final boundary on Z: reject H₀ when Z > c.
    public let c: Double
    /// Calendar time of the interim analysis, t₁ = n₁/rate (from the first entry).
    public let interimTime: Double
    /// Calendar time of the final analysis, n/rate + follow-up.
    public let finalTime: Double
    /// P(stop at the interim | H₀) = Φ(c₁).
    public let earlyStop: Double
    /// P(stop at the interim | H₁) = Φ((c₁ − μ₁)/s₁), μ₁ and s₁ the mean and spread of Z₁ under H₁.
    public let earlyStopAlternative: Double
    /// Expected number of patients under H₀, EN₀ = n − (n − n₁)·P(early stop | H₀).
    public let expectedN: Double
    /// Expected number of patients under H₁: n − (n − n₁)·P(early stop | H₁).
    public let expectedNAlternative: Double
    /// P₀(Z₁ > c₁, Z > c) by the bivariate normal approximation; a searched design's c makes it the nominal one-sided α.
    public let attainedAlpha: Double
    /// P₁(Z₁ > c₁, Z > c) by the bivariate normal approximation; at least the target power for a searched design.
    public let attainedPower: Double
    /// Correlation of (Z₁, Z) under H₀, √(v₁/v).
    public let nullCorrelation: Double
    /// Correlation of (Z₁, Z) under H₁, σ₁/σ.
    public let alternativeCorrelation: Double
    /// Expected events by the interim analysis under H₀.
    public let interimEventsNull: Double
    /// Expected events by the interim analysis under H₁.
    public let interimEventsAlternative: Double
    /// Expected events by the final analysis under H₀.
    public let finalEventsNull: Double
    /// Expected events by the final analysis under H₁.
    public let finalEventsAlternative: Double
}

/// An admissible design and Jung et al.'s weights q on the maximum size n for which it minimises
/// q·n + (1 − q)·EN₀ (`AdmissibleDesigns`): q = 0 is the optimal design, q = 1 the minimax.
public struct TwoStageAdmissibleDesign: Sendable, Equatable, Codable {
    /// The design: one on the lower-left convex hull of (n, EN₀) over the best design at each n searched.
    public let design: TwoStageSurvivalDesign
    /// The smallest weight q in [0, 1] for which the design minimises q·n + (1 − q)·EN₀ (0 for the optimal design).
    public let qLower: Double
    /// The largest such weight q (1 for the minimax design).
    public let qUpper: Double
}

extension TwoStageLogRank {
    /// The characteristics of the design (n₁, c₁, n, c).
    public func characteristics(n: Int, n1: Int, c1: Double, c: Double, drift: Drift = .entered) throws(DesignError)
        -> TwoStageSurvivalDesign
    {
        try designErrors {
            let interim = try analysis(accrual: Double(n1) / rate, followUp: 0)
            let final = try analysis(accrual: Double(n) / rate, followUp: followUp)
            return try characteristics(
                n: n, n1: n1, c1: c1, c: c,
                moments: moments(n: n, interimTime: Double(n1) / rate, interim: interim, final: final, drift: drift))
        }
    }

    /// α, power and the correlations at an interim time t₁ that need not be a whole number of
    /// patients (to evaluate OneArm2stage's designs, whose t₁ is continuous).
    public func errorRates(n: Int, interimTime t1: Double, c1: Double, c: Double, drift: Drift = .entered) throws(DesignError)
        -> (alpha: Double, power: Double, nullCorrelation: Double, alternativeCorrelation: Double)
    {
        try designErrors {
            let m = moments(
                n: n, interimTime: t1, interim: try analysis(accrual: t1, followUp: 0),
                final: try analysis(accrual: Double(n) / rate, followUp: followUp), drift: drift)
            return (try Self.alpha(m, c1: c1, c: c), try Self.power(m, c1: c1, c: c), m.nullCorrelation, m.alternativeCorrelation)
        }
    }

    func characteristics(n: Int, n1: Int, c1: Double, c: Double, moments m: Moments) throws -> TwoStageSurvivalDesign {
        let pet0 = try Normal.standard.cdf(c1)
        let pet1 = try Normal.standard.cdf((c1 - m.interimMean) / m.interimSpread)
        let saved = Double(n - n1)
        return TwoStageSurvivalDesign(
            n1: n1, c1: c1, n: n, c: c, interimTime: Double(n1) / rate, finalTime: Double(n) / rate + followUp,
            earlyStop: pet0, earlyStopAlternative: pet1,
            expectedN: Double(n) - saved * pet0, expectedNAlternative: Double(n) - saved * pet1,
            attainedAlpha: try Self.alpha(m, c1: c1, c: c), attainedPower: try Self.power(m, c1: c1, c: c),
            nullCorrelation: m.nullCorrelation, alternativeCorrelation: m.alternativeCorrelation,
            interimEventsNull: m.interimEvents.null, interimEventsAlternative: m.interimEvents.alternative,
            finalEventsNull: m.finalEvents.null, finalEventsAlternative: m.finalEvents.alternative)
    }

    /// The answer of a search.
    public struct Answer: Sendable, Equatable {
        /// The design with the smallest expected sample size under H₀, EN₀, over every n searched.
        public let optimal: TwoStageSurvivalDesign
        /// The design with the smallest maximum sample size n, then the smallest EN₀ at that n.
        public let minimax: TwoStageSurvivalDesign
        /// Admissible designs from minimax (q = 0) to optimal (q = 1).
        public let admissible: [TwoStageAdmissibleDesign]
        /// The single-stage log-rank design's n (Wu 2015) with the same inputs.
        public let singleStagePatients: Int
        /// The range of n searched, from the minimax n to 1.5 times it (n₁ in [max(2, ⌈0.2 n⌉), n − 1] for each n).
        public let searchedN: ClosedRange<Int>
        /// True when every (n, n₁) pair was evaluated; false when the coarse-to-fine search was used (more than
        /// ``TwoStageLogRank/exhaustiveLimit`` pairs).
        public let exhaustive: Bool

        /// The design `criterion` picks; for ``TwoStageCriterion/admissible``, the admissible design whose q range holds 1/2.
        public func design(_ criterion: TwoStageCriterion) -> TwoStageSurvivalDesign {
            switch criterion {
            case .optimal: return optimal
            case .minimax: return minimax
            case .admissible:
                return admissible.first { $0.qLower <= 0.5 && 0.5 <= $0.qUpper }?.design ?? optimal
            }
        }
    }

    /// Searches the optimal, minimax and admissible designs.
    ///
    /// For each (n, n₁), c is set at exact level α for each c₁, and c₁ is raised (Brent) to the
    /// largest value at which the power still meets the target: for fixed (n, n₁) that
    /// maximises the early stopping Φ(c₁) and so minimises EN₀. n₁ runs over
    /// [max(2, ⌈0.2 n⌉), n − 1] (the interim during accrual, after at least a fifth of the
    /// patients) and n from the first n with a feasible design (the minimax n) to 1.5 times it.
    /// When that is at most ``exhaustiveLimit`` pairs every pair is evaluated; otherwise a grid
    /// of about 16 values of n and of n₁ is refined by single steps around its best point
    /// (EN₀ is smooth in both), and the answer says the search was not exhaustive.
    public func search() throws(DesignError) -> Answer { try designErrors { try search(exhaustiveLimit: Self.exhaustiveLimit) } }

    /// The search with its own limit on pairs evaluated one by one (0 forces the coarse-to-fine search).
    func search(exhaustiveLimit: Int) throws -> Answer {
        let rates = design.setting.rates
        // Wu's (2015) single-stage n; with restricted follow-up G(t) = 1{t < L} does not depend
        // on n, so the formula is closed.
        let single =
            maximumFollowUp == nil
            ? try SurvivalSolver.sampleSize(design, method: .logRank).patients
            : Int(
                min(
                    1e9,
                    try OneSampleLogRank.patients(
                        terms: try analysis(accrual: 1, followUp: followUp).alternative,
                        rates: rates)
                ).rounded(.up))
        guard single <= Self.maximumPatients else {
            throw DesignError(
                parameter: "median",
                requirement:
                    "far enough from `control-median` for a single-stage design of at most \(Self.maximumPatients) patients (it needs \(single))",
                value: design.median)
        }
        var finals: [Int: Analysis] = [:], interims: [Int: Analysis] = [:]
        func final(_ n: Int) throws -> Analysis {
            if let known = finals[n] { return known }
            let value = try analysis(accrual: Double(n) / rate, followUp: followUp)
            finals[n] = value
            return value
        }
        func interim(_ n1: Int) throws -> Analysis {
            if let known = interims[n1] { return known }
            let value = try analysis(accrual: Double(n1) / rate, followUp: 0)
            interims[n1] = value
            return value
        }
        func best(_ n: Int, _ n1: Int) throws -> TwoStageSurvivalDesign? {
            let m = moments(n: n, interimTime: Double(n1) / rate, interim: try interim(n1), final: try final(n))
            guard let (c1, c) = try Self.largestInterimBoundary(m, alpha: rates.tailAlpha, power: rates.power) else { return nil }
            return try characteristics(n: n, n1: n1, c1: c1, c: c, moments: m)
        }
        func firstInterim(_ n: Int) -> Int { max(2, Int((0.2 * Double(n)).rounded(.up))) }

        // Minimax n: the first n with a feasible design (checked at the middle interim, where the
        // single-stage limit c₁ → −∞ is nearly independent of n₁).
        var n = max(4, Int(0.8 * Double(single)))
        while try best(n, max(firstInterim(n), n / 2)) == nil {
            n += 1
            guard n <= Self.maximumPatients else {
                throw DesignError(
                    parameter: "median",
                    requirement: "far enough from `control-median` for a two-stage design of at most \(Self.maximumPatients) patients",
                    value: design.median)
            }
        }
        let lowest = n
        let highest = min(Self.maximumPatients, Int((1.5 * Double(lowest)).rounded(.up)))
        var frontier: [Int: TwoStageSurvivalDesign] = [:]
        func bestOver(_ n: Int, _ interims: [Int]) throws -> TwoStageSurvivalDesign? {
            var found: TwoStageSurvivalDesign?
            for n1 in interims where n1 < n {
                if let d = try best(n, n1), found == nil || d.expectedN < found!.expectedN { found = d }
            }
            return found
        }
        func bestAt(_ n: Int, exhaustive: Bool) throws -> TwoStageSurvivalDesign? {
            if let known = frontier[n] { return known }
            let range = firstInterim(n)...(n - 1)
            let found =
                exhaustive || range.count <= 20
                ? try bestOver(n, Array(range))
                : try Self.refine(range) { n1 in try best(n, n1) }
            frontier[n] = found
            return found
        }
        let pairs = (lowest...highest).reduce(0) { $0 + max(0, $1 - firstInterim($1)) }
        let exhaustive = pairs <= exhaustiveLimit
        if exhaustive {
            for n in lowest...highest { _ = try bestAt(n, exhaustive: true) }
        } else {
            _ = try Self.refine(lowest...highest) { n in try bestAt(n, exhaustive: false) }
            for n in lowest...min(highest, lowest + 3) { _ = try bestAt(n, exhaustive: false) }
        }
        let points = frontier.values.sorted { ($0.n, $0.expectedN) < ($1.n, $1.expectedN) }
        guard let minimax = points.first(where: { $0.n == lowest }) ?? points.first else {
            throw DesignError(
                parameter: "median", requirement: "far enough from `control-median` for a two-stage design", value: design.median)
        }
        let optimal = points.min { $0.expectedN < $1.expectedN }!
        return Answer(
            optimal: optimal, minimax: minimax, admissible: Self.admissible(points), singleStagePatients: single,
            searchedN: lowest...highest, exhaustive: exhaustive)
    }

    /// The design with the smallest EN₀ over `range`, found coarse to fine: about 16 evenly spaced
    /// values, then the two neighbours at half the spacing around the best so far, halving down
    /// to single steps (EN₀ is smooth in n and n₁).
    static func refine(_ range: ClosedRange<Int>, _ evaluate: (Int) throws -> TwoStageSurvivalDesign?) throws -> TwoStageSurvivalDesign? {
        var step = max(1, range.count / 16)
        var bestPoint: (Int, TwoStageSurvivalDesign)?
        func consider(_ x: Int) throws {
            guard range.contains(x), let d = try evaluate(x) else { return }
            if bestPoint == nil || d.expectedN < bestPoint!.1.expectedN { bestPoint = (x, d) }
        }
        for x in Swift.stride(from: range.lowerBound, through: range.upperBound, by: step) { try consider(x) }
        try consider(range.upperBound)
        while step > 1, let (center, _) = bestPoint {
            step = (step + 1) / 2
            try consider(center - step)
            try consider(center + step)
        }
        return bestPoint?.1
    }

    /// Pairs (n, n₁) evaluated one by one at most; beyond, the coarse-to-fine search.
    public static let exhaustiveLimit = 2500

    /// Jung et al.'s admissible designs (`AdmissibleDesigns`) among `points`, minimax first.
    static func admissible(_ points: [TwoStageSurvivalDesign]) -> [TwoStageAdmissibleDesign] {
        AdmissibleDesigns.hull(points, maximum: \.n, expected: \.expectedN).map {
            TwoStageAdmissibleDesign(design: $0.design, qLower: $0.qLower, qUpper: $0.qUpper)
        }
    }
}
