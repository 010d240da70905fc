import Probability

@testable import TrialDesign

// The Simon search as it was before issue 18 (commit 5ba8f61), kept verbatim as the slow
// reference that SimonSearchEquivalenceTests compares the fast search with: for each n from the
// Neyman–Pearson bound, every (n1, r1) with r found by bisection (minimax), then every
// (n1, r1, n2) with EN(p0) no larger than the minimax design's, r walked up with n2. Its tables
// are built from `Binomial.mass` for every entry, as they were.

extension SimonTwoStage {
    func referenceLowerBound(cap: Int) throws(ProbabilityError) -> Int? {
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

    func referenceSearch() throws -> Answer {
        let limit = nmax ?? Self.maximumPatients
        let alpha = errorRates.tailAlpha, power = errorRates.power, beta = 1 - errorRates.power
        guard let bound = try referenceLowerBound(cap: Self.maximumPatients) else {
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
        var null = ReferenceBinomialTables(probability: p0), alternative = ReferenceBinomialTables(probability: p1)

        // Stage-1 count limit per n1: beyond it P(X1 > x | p1) < 1e-17.
        var stageOneTop: [Int] = []
        func top(_ n1: Int) -> Int {
            while stageOneTop.count <= n1 {
                let m = stageOneTop.count
                var k = m
                while k > 0 && alternative.above(m, k - 1) < 1e-17 { k -= 1 }
                stageOneTop.append(k)
            }
            return stageOneTop[n1]
        }
        // P(reject) for (n1, r1, r, n2) from the tables.
        func reject(_ t: ReferenceBinomialTables, _ n1: Int, _ r1: Int, _ r: Int, _ n2: Int, _ hi: Int) -> Double {
            var sum = t.above(n1, r)
            let upper = min(r, hi)
            if upper > r1 {
                for x1 in (r1 + 1)...upper { sum += t.mass(n1, x1) * t.above(n2, r - x1) }
            }
            return sum
        }

        // 1. Minimax.
        var minimaxFound: (design: SimonDesign, en: Double)?
        var n = bound
        while minimaxFound == nil {
            guard n <= Self.maximumPatients else {
                throw InvalidInput(
                    parameter: "p1", requirement: "far enough from `p0` for a design with n <= \(Self.maximumPatients)", value: p1)
            }
            if n > limit {
                throw InvalidInput(
                    parameter: "nmax",
                    requirement:
                        "at least \(try referenceSmallestMaximum(from: n, reject: reject)) (no design meets both error rates with n <= \(limit))",
                    value: String(limit))
            }
            try null.extend(to: n)
            try alternative.extend(to: n)
            if let found = referenceBest(
                n: n, null: null, alternative: alternative, alpha: alpha, power: power, beta: beta, top: top, reject: reject)
            {
                minimaxFound = found
            } else {
                n += 1
            }
        }
        let (minimaxDesign, minimaxEN) = minimaxFound!
        let minimaxN = minimaxDesign.n

        // 2. Every design with EN(p0) ≤ EN*.
        var frontier: [Int: (design: SimonDesign, en: Double)] = [minimaxN: (minimaxDesign, minimaxEN)]
        var complete = true
        var reach = minimaxN
        var plans: [(n1: Int, r1: Int, pet0: Double, lastN2: Int)] = []
        let enLimit = minimaxEN * (1 + 1e-12)
        var n1 = 1
        while Double(n1) < enLimit && n1 < limit {
            try null.extend(to: n1)
            try alternative.extend(to: n1)
            var pet0 = 0.0, pet1 = 0.0
            for r1 in 0..<n1 {
                pet0 += null.mass(n1, r1)
                pet1 += alternative.mass(n1, r1)
                if pet1 > beta { break }
                let reachable = pet0 < 1 ? (enLimit - Double(n1)) / (1 - pet0) : Double(limit)
                var lastN2 = limit - n1
                if reachable < Double(limit - n1) {
                    lastN2 = Int(reachable.rounded(.down))
                } else {
                    complete = complete && reachable <= Double(limit - n1)
                }
                if lastN2 >= 1 { plans.append((n1, r1, pet0, lastN2)); reach = max(reach, n1 + lastN2) }
            }
            n1 += 1
        }
        try null.extend(to: reach)
        try alternative.extend(to: reach)
        for plan in plans {
            let hi = top(plan.n1)
            let firstN2 = max(1, minimaxN - plan.n1)
            guard firstN2 <= plan.lastN2 else { continue }
            var r = plan.r1 + 1
            for n2 in firstN2...plan.lastN2 {
                let total = plan.n1 + n2
                while r < total && !ErrorRateTolerance.withinAlpha(reject(null, plan.n1, plan.r1, r, n2, hi), alpha) { r += 1 }
                if r >= total { break }
                guard ErrorRateTolerance.reachesPower(reject(alternative, plan.n1, plan.r1, r, n2, hi), power) else { continue }
                let en = Double(plan.n1) + (1 - plan.pet0) * Double(n2)
                if let current = frontier[total], current.en <= en * (1 + 1e-12) { continue }
                frontier[total] = (SimonDesign(unchecked: plan.r1, plan.n1, r, total), en)
            }
        }

        // Exact characteristics of every frontier design; optimal, minimax and the hull.
        var points: [SimonCharacteristics] = []
        for key in frontier.keys.sorted() {
            let c = try frontier[key]!.design.characteristics(p0: p0, p1: p1)
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

    /// The design with the smallest EN(p0) among those with maximum n exactly `n`, if any.
    private func referenceBest(
        n: Int, null: ReferenceBinomialTables, alternative: ReferenceBinomialTables, alpha: Double, power: Double, beta: Double,
        top: (Int) -> Int,
        reject: (ReferenceBinomialTables, Int, Int, Int, Int, Int) -> Double
    ) -> (design: SimonDesign, en: Double)? {
        var found: (design: SimonDesign, en: Double)?
        for n1 in 1..<n {
            let n2 = n - n1, hi = top(n1)
            var pet0 = 0.0, pet1 = 0.0
            for r1 in 0..<n1 {
                pet0 += null.mass(n1, r1)
                pet1 += alternative.mass(n1, r1)
                if pet1 > beta { break }
                // Smallest r in (r1, n) with P(reject | p0) ≤ α.
                var lo = r1 + 1, up = n
                while lo < up {
                    let mid = (lo + up) / 2
                    if ErrorRateTolerance.withinAlpha(reject(null, n1, r1, mid, n2, hi), alpha) { up = mid } else { lo = mid + 1 }
                }
                guard lo < n, ErrorRateTolerance.reachesPower(reject(alternative, n1, r1, lo, n2, hi), power) else { continue }
                let en = Double(n1) + (1 - pet0) * Double(n2)
                if found == nil || en < found!.en * (1 - 1e-12) { found = (SimonDesign(unchecked: r1, n1, lo, n), en) }
            }
        }
        return found
    }

    /// The smallest n with a design, for the message that refuses too small an nmax (its own
    /// tables, so the search's are left as they are).
    private func referenceSmallestMaximum(
        from start: Int,
        reject: (ReferenceBinomialTables, Int, Int, Int, Int, Int) -> Double
    ) throws -> Int {
        var null = ReferenceBinomialTables(probability: p0), alternative = ReferenceBinomialTables(probability: p1)
        var n = start
        while n <= Self.maximumPatients {
            try null.extend(to: n)
            try alternative.extend(to: n)
            let tables = alternative
            let top = { (n1: Int) -> Int in
                var k = n1
                while k > 0 && tables.above(n1, k - 1) < 1e-17 { k -= 1 }
                return k
            }
            if referenceBest(
                n: n, null: null, alternative: alternative, alpha: errorRates.tailAlpha, power: errorRates.power,
                beta: 1 - errorRates.power, top: top, reject: reject) != nil
            {
                return n
            }
            n += 1
        }
        return Self.maximumPatients
    }
}

/// Binomial mass and upper tails for every n from 0 up to a growing maximum, at one p: the
/// tables Simon's search reads instead of calling the distribution functions.
///
/// Row m holds b(k; m, p) for k = 0...m (GSL's `gsl_ran_binomial_pdf`) and the upper tails
/// P(X > k) for k = 0...m, each tail summed from the top of the row downward so every
/// term added is positive and no tail loses relative accuracy to cancellation. Rows are
/// stored one after another (row m starts at m(m + 1)/2), so a table up to n holds
/// (n + 1)(n + 2)/2 numbers of each kind.
struct ReferenceBinomialTables {
    let probability: Double
    private(set) var mass: [Double] = []
    private(set) var tail: [Double] = []
    private(set) var maximumTrials = -1

    init(probability: Double) { self.probability = probability }

    @inline(__always) static func rowStart(_ m: Int) -> Int { m * (m + 1) / 2 }

    /// Adds rows until row `n` exists.
    mutating func extend(to n: Int) throws(ProbabilityError) {
        guard n > maximumTrials else { return }
        let needed = Self.rowStart(n + 1)
        mass.reserveCapacity(needed)
        tail.reserveCapacity(needed)
        for m in (maximumTrials + 1)...n {
            let binomial = try Binomial(trials: m, probability: probability)
            let start = mass.count
            for k in 0...m { mass.append(binomial.mass(k)) }
            tail.append(contentsOf: repeatElement(0, count: m + 1))
            var above = 0.0
            for k in stride(from: m, through: 0, by: -1) {
                tail[start + k] = above  // P(X > k)
                above += mass[start + k]
            }
        }
        maximumTrials = n
    }

    /// b(k; m, p) for 0 ≤ k ≤ m.
    @inline(__always) func mass(_ m: Int, _ k: Int) -> Double { mass[Self.rowStart(m) + k] }

    /// P(X > k) for X ~ Bin(m, p): 1 for k < 0, 0 for k ≥ m.
    @inline(__always) func above(_ m: Int, _ k: Int) -> Double {
        if k < 0 { return 1 }
        if k >= m { return 0 }
        return tail[Self.rowStart(m) + k]
    }

    /// P(X ≤ k) for X ~ Bin(m, p), as 1 − P(X > k) (used only where it is not small: PET).
    @inline(__always) func atMost(_ m: Int, _ k: Int) -> Double { 1 - above(m, k) }
}
