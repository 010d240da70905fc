import Probability

/// Simon's two-stage phase II designs (Simon, Control Clin Trials 1989;10:1-10) and the
/// admissible designs of Jung, Lee, Kim & George (Stat Med 2004;23:561-569).
///
/// Among all designs (r1/n1, r/n) with P(reject | p0) ≤ α and P(reject | p1) ≥ 1 − β:
/// * **optimal** minimises EN(p0) = n1 + (1 − PET(p0))(n − n1);
/// * **minimax** minimises n, then EN(p0);
/// * **admissible** designs minimise q·n + (1 − q)·EN(p0) for some q in [0, 1].
///
/// The search (see ``search()``) is exhaustive over every design that could be any of these.
public struct SimonTwoStage: Sendable, Equatable {
    /// The response rate of no interest, in (0, 1): H0 is p ≤ p0; the attained alpha, PET(p0) and EN(p0) are computed at it.
    public let p0: Double
    /// The response rate hoped for, in (p0, 1): the attained power, PET(p1) and EN(p1) are computed at it.
    public let p1: Double
    /// The nominal α, the target power and the sidedness; with two sides a design must have P(reject | p0) ≤ α/2.
    public let errorRates: ErrorRates
    /// The user's cap on n; nil lets the search bound itself (up to ``maximumPatients``).
    public let nmax: Int?

    /// The documented cap on n (the tables up to n hold 2(n + 1)(n + 2) numbers: 144 MB at 3000).
    public static let maximumPatients = 3000

    /// The search's cost model, seconds per unit of (smallest possible n)²: 10⁻⁷ puts the
    /// slowest question at the cap (n near 3000, measured 0.3–0.7 s of CPU in release, issue 18)
    /// at 0.9 s, within ``WorkBudget/defaultSeconds`` alone; it bounds a grid of searches.
    public static let secondsPerSquaredPatient = 1e-7

    /// - Throws: ``InvalidInput`` unless 0 < p0 < p1 < 1 and 2 ≤ nmax ≤ ``maximumPatients``.
    public init(p0: Double, p1: Double, errorRates: ErrorRates, nmax: Int? = nil) throws(InvalidInput) {
        try Validate.probability(p0, "p0")
        try Validate.probability(p1, "p1")
        guard p1 > p0 else {
            throw InvalidInput(parameter: "p1", requirement: "greater than `p0` (\(InvalidInput.describe(p0)))", value: p1)
        }
        if let nmax { try Validate.count(nmax, "nmax", in: 2...Self.maximumPatients) }
        self.p0 = p0
        self.p1 = p1
        self.errorRates = errorRates
        self.nmax = nmax
    }

    /// An admissible design and the range of Jung et al.'s (2004) weights q on the maximum sample
    /// size for which it minimises q·n + (1 − q)·EN(p0): q = 0 is the optimal design, q = 1 the minimax.
    public struct AdmissibleDesign: Sendable, Equatable, Codable {
        /// The admissible design and its operating characteristics.
        public let design: SimonCharacteristics
        /// The smallest weight q for which this design minimises q·n + (1 − q)·EN(p0): 0 for the optimal design.
        public let qLower: Double
        /// The largest such weight: 1 for the minimax design; the previous design in the list has it as its ``qLower``.
        public let qUpper: Double
    }

    /// The designs the search found, where it started and stopped, and whether it covered every candidate.
    public struct Answer: Sendable, Equatable, Codable {
        /// Simon's optimal design: the smallest EN(p0) among the designs meeting both error rates (a tie goes to the smaller n).
        public let optimal: SimonCharacteristics
        /// Simon's minimax design: the smallest n among the designs meeting both error rates, then the smallest EN(p0).
        public let minimax: SimonCharacteristics
        /// Admissible designs from minimax (q = 1) to optimal (q = 0), as clinfun's ph2simon prints them.
        public let admissible: [AdmissibleDesign]
        /// For each n searched from the minimax n on, the design with the smallest EN(p0) among
        /// those with EN(p0) no larger than the minimax design's: the frontier a plot draws.
        public let frontier: [SimonCharacteristics]
        /// The smallest n any design could have: the n at which the most powerful (randomised)
        /// single-stage test of level α first reaches the power (Neyman–Pearson).
        public let lowerBound: Int
        /// The largest n the search covered.
        public let searchedUpTo: Int
        /// True when the search covered every design with EN(p0) ≤ the minimax EN(p0), so the
        /// optimal and admissible designs are proven; false when `nmax` cut it short.
        public let complete: Bool
    }

    /// The smallest n whose randomised uniformly most powerful test of level α has power ≥ 1 − β.
    /// Any two-stage design's decision is a test based on at most n responses, so no design
    /// with fewer patients can meet both error rates.
    public func lowerBound(cap: Int) throws(DesignError) -> Int? {
        try DesignError.numerics { () throws(ProbabilityError) in
            let alpha = errorRates.tailAlpha, power = errorRates.power
            for n in 1...cap {
                let null = try Binomial(trials: n, probability: p0), alternative = try Binomial(trials: n, probability: p1)
                // k: the smallest count with P0(X > k) ≤ α; randomise at X = k.
                let k = IntegerSearch.firstMonotone(in: -1...n) { null.survival($0) <= alpha } ?? n
                let mass = null.mass(k)
                let gamma = k >= 0 && mass > 0 ? min(1, (alpha - null.survival(k)) / mass) : 0
                let best = alternative.survival(k) + gamma * alternative.mass(k)
                if ErrorRateTolerance.reachesPower(best, power) { return n }
            }
            return nil
        }
    }

    /// Finds the optimal, minimax and admissible designs.
    ///
    /// 1. **Minimax.** From the lower bound on n upward, the design with the smallest EN(p0) at
    ///    each n (`SimonSearch`); the first n with one is the minimax n.
    /// 2. **Everything at least as good.** An optimal or admissible design has EN(p0) no larger
    ///    than the minimax design's EN*, so n1 ≤ EN* and, as EN grows with n2,
    ///    n2 ≤ (EN* − n1)/(1 − PET(p0)) for each (n1, r1). For each n up to the largest such
    ///    n1 + n2, the design with the smallest EN(p0) within those bounds: the frontier.
    ///    This bound makes the search exhaustive without guessing an nmax; `nmax` (or the cap)
    ///    only truncates it, and the answer says so.
    ///
    /// Every (n1, r1, r) that could be any of these designs is considered; `SimonSearch` says
    /// which are skipped unexamined and why that cannot change the answer. Stage-1 sums skip
    /// counts whose probability under p1 is below 1e-17 in total (so alpha and power are off by
    /// less than that); every reported design is then re-evaluated exactly.
    public func search() throws(DesignError) -> Answer {
        try designErrors {
            let limit = nmax ?? Self.maximumPatients
            guard let bound = try lowerBound(cap: Self.maximumPatients) else {
                throw InvalidInput(
                    parameter: "p1", requirement: "far enough from `p0` for a design with n <= \(Self.maximumPatients)", value: p1)
            }
            // Refused before the search: no design has fewer patients than the Neyman–Pearson bound.
            if bound > limit {
                throw InvalidInput(
                    parameter: "nmax",
                    requirement:
                        "at least \(bound) (no test on fewer patients, even the most powerful single-stage one, meets both error rates)",
                    value: String(limit))
            }
            // The cost model: the search's work grows with the square of the smallest possible n (its
            // slowest question, bound near 3000, takes under a second); alone it never refuses, but a
            // sensitivity grid's points share the budget.
            try WorkBudget.check(
                units: Double(bound) * Double(bound), secondsPerUnit: Self.secondsPerSquaredPatient,
                what: "units (the square of the smallest possible n, \(bound))", parameter: "p1", value: String(p1),
                howToProceed: "fewer grid points, or `p1` further from `p0`")
            var engine = SimonSearch(p0: p0, p1: p1, alpha: errorRates.tailAlpha, power: errorRates.power)
            let tolerance = ErrorRateTolerance.relative

            // 1. Minimax: the first n with a design (scanned past nmax only to say how far it must go).
            var minimaxFound: SimonSearch.Candidate?
            var n = bound
            while minimaxFound == nil {
                guard n <= Self.maximumPatients else {
                    throw InvalidInput(
                        parameter: "p1", requirement: "far enough from `p0` for a design with n <= \(Self.maximumPatients)", value: p1)
                }
                try engine.extendTables(to: n)
                minimaxFound = engine.best(n: n, stageOneSizes: 1...(n - 1), start: nil, bound: .infinity, frontier: false) {
                    current, challenger in challenger < current * (1 - tolerance)
                }
                if minimaxFound == nil { n += 1 }
            }
            let minimaxCandidate = minimaxFound!
            let minimaxN = minimaxCandidate.n
            if minimaxN > limit {
                throw InvalidInput(
                    parameter: "nmax",
                    requirement: "at least \(minimaxN) (no design meets both error rates with n <= \(limit))",
                    value: String(limit))
            }

            // 2. The bounds on (n1, r1, n2) of every design with EN(p0) ≤ EN*.
            var complete = true
            var reach = minimaxN
            let enLimit = minimaxCandidate.en * (1 + tolerance)
            var n1 = 1
            while Double(n1) < enLimit && n1 < limit {
                try engine.extendTables(to: n1)
                var lastN2s: [Int] = []
                for pet0 in engine.earlyStopping(n1) {
                    let reachable = pet0 < 1 ? (enLimit - Double(n1)) / (1 - pet0) : Double(limit)
                    var lastN2 = limit - n1
                    if reachable < Double(limit - n1) {
                        lastN2 = Int(reachable.rounded(.down))
                    } else {
                        complete = complete && reachable <= Double(limit - n1)
                    }
                    lastN2s.append(lastN2)
                    if lastN2 >= 1 { reach = max(reach, n1 + lastN2) }
                }
                engine.setFrontierLimits(n1: n1, lastN2: lastN2s)
                n1 += 1
            }
            let largestN1 = n1 - 1
            try engine.extendTables(to: reach)
            // n falling, so that what one n proves about a stage-1 size holds for the next (SimonSearch).
            var larger: [SimonSearch.Candidate] = []
            if reach > minimaxN {
                var start: Int?
                let sink = Progress.sink
                for n in stride(from: reach, to: minimaxN, by: -1) {
                    sink?(Double(reach - n) / Double(reach - minimaxN))
                    let found = engine.best(n: n, stageOneSizes: 1...min(n - 1, largestN1), start: start, bound: .infinity, frontier: true)
                    {
                        current, challenger in current > challenger * (1 + tolerance)
                    }
                    if let found {
                        larger.append(found)
                        start = found.n1
                    }
                }
            }
            let frontier = [minimaxCandidate] + larger.reversed()

            // Exact characteristics of every frontier design; optimal, minimax and the hull.
            let alpha = errorRates.tailAlpha, power = errorRates.power
            var points: [SimonCharacteristics] = []
            for candidate in frontier {
                let c = try candidate.design.characteristics(p0: p0, p1: p1)
                if ErrorRateTolerance.withinAlpha(c.attainedAlpha, alpha) && ErrorRateTolerance.reachesPower(c.attainedPower, power) {
                    points.append(c)
                }
            }
            guard let minimax = points.first else {
                throw ProbabilityError.nonFinite(function: "SimonTwoStage.search", detail: "no design survived exact re-evaluation")
            }
            var optimal = minimax
            for c in points where c.enP0 < optimal.enP0 * (1 - 1e-12) { optimal = c }
            let admissible = Self.admissible(points)
            return Answer(
                optimal: optimal, minimax: minimax, admissible: admissible, frontier: points,
                lowerBound: bound, searchedUpTo: reach, complete: complete)
        }
    }

    /// Jung et al.'s admissible designs (`AdmissibleDesigns`) among `points`, minimax first.
    static func admissible(_ points: [SimonCharacteristics]) -> [AdmissibleDesign] {
        AdmissibleDesigns.hull(points, maximum: \.n, expected: \.enP0).map {
            AdmissibleDesign(design: $0.design, qLower: $0.qLower, qUpper: $0.qUpper)
        }
    }
}
