import Probability

/// The exhaustive search behind ``SimonTwoStage/search()``: for each maximum size n, the design
/// with the smallest EN(p0) among all (n1, r1, r) that meet both error rates.
///
/// A design (r1/n1, r/n) rejects H0 with probability
///
///     G_p(r1, r) = P(X1 > r) + Σ_{x1 = r1+1}^{min(r, n1)} b(x1; n1, p) · P(X2 > r − x1),
///     X1 ~ Bin(n1, p), X2 ~ Bin(n − n1, p)                                   (Simon 1989, eq. 1)
///
/// and EN(p0) = n1 + (1 − PET0(r1))·(n − n1) with PET0(r1) = P(X1 ≤ r1 | p0). Three facts make
/// the search fast without skipping any design that could win (issue 18):
///
/// 1. **EN does not depend on r.** At a given n, a pair (n1, r1) whose EN(p0) already exceeds
///    the best design found at that n (or, for the frontier, the minimax design's EN) cannot
///    win, whatever r is: it is skipped before any binomial sum is formed.
/// 2. **For fixed (n1, n2), EN(p0) falls as r1 rises**, so r1 is scanned downward from its
///    largest value with PET(p1) ≤ β (above it the power 1 − PET(p1) is too small): the first
///    r1 meeting both error rates is that pair's best design, and the scan stops there or as soon
///    as EN exceeds the best at n. Going down one r1 adds one term to each sum (O(1)); the
///    critical value r (the smallest with G_p0 ≤ α) can only rise as r1 falls, and each rise
///    recomputes the two sums.
/// 3. **The critical value is monotone in n2** (adding a stage-2 patient cannot lower P(reject)),
///    and rises by at most one per patient, so the r of a pair's first r1 starts from the one
///    found for the same n1 at the previous n, and is usually found with one or two sums.
///
/// Within an n, pairs are visited from the stage-1 size of the previous n's best design outward,
/// so a good design, and with it a tight bound, is found first. The order changes only what is
/// skipped, never the answer: every design with EN(p0) within a relative 2e-12 of the smallest
/// at n is kept, and the one reported is chosen among those in (n1, r1) order by the same rule as
/// before (the first, unless a later one is smaller by more than a relative 1e-12).
///
/// Stage-1 sums skip counts whose probability under p1 is below 1e-17 in total, as before; every
/// reported design is re-evaluated exactly afterwards.
struct SimonSearch {
    let alpha: Double
    let power: Double
    let beta: Double
    private(set) var null: BinomialTables
    private(set) var alternative: BinomialTables

    /// What the search keeps per stage-1 size n1.
    private struct StageOne {
        /// The largest r1 with PET(p1) = P(X1 ≤ r1 | p1) ≤ β (summed in r1 order), or −1.
        let r1Max: Int
        /// PET(p0) for r1 = 0...r1Max, summed in r1 order.
        let pet0: [Double]
        /// The largest stage-1 count summed: above it P(X1 > x | p1) < 1e-17.
        let top: Int
        /// The critical value r at r1 = r1Max for stage-2 size `cachedN2` (0: none yet).
        var cachedN2 = 0
        var cachedR = 0
        /// For the frontier: the largest n2 with EN(p0) within the minimax design's (per r1).
        var lastN2: [Int] = []
    }
    private var stageOne: [StageOne?] = []

    /// A design that meets both error rates, with its EN(p0) as the search computes it.
    struct Candidate {
        let n1: Int, r1: Int, r: Int, n: Int
        let en: Double
        var design: SimonDesign { SimonDesign(unchecked: r1, n1, r, n) }
    }

    init(p0: Double, p1: Double, alpha: Double, power: Double) {
        self.alpha = alpha
        self.power = power
        self.beta = 1 - power
        null = BinomialTables(probability: p0)
        alternative = BinomialTables(probability: p1)
    }

    /// Makes the tables hold every row up to `n`.
    mutating func extendTables(to n: Int) throws(ProbabilityError) {
        try null.extend(to: n)
        try alternative.extend(to: n)
    }

    private mutating func prepare(_ n1: Int) {
        if stageOne.count <= n1 { stageOne.append(contentsOf: repeatElement(nil, count: n1 + 1 - stageOne.count)) }
        guard stageOne[n1] == nil else { return }
        var pet0 = 0.0, pet1 = 0.0
        var pets: [Double] = []
        for r1 in 0..<n1 {
            pet0 += null.mass(n1, r1)
            pet1 += alternative.mass(n1, r1)
            if pet1 > beta { break }
            pets.append(pet0)
        }
        var k = n1
        while k > 0 && alternative.above(n1, k - 1) < 1e-17 { k -= 1 }
        stageOne[n1] = StageOne(r1Max: pets.count - 1, pet0: pets, top: k)
    }

    /// PET(p0) for r1 = 0...r1Max at stage-1 size n1 (the tables must hold row n1).
    mutating func earlyStopping(_ n1: Int) -> [Double] {
        prepare(n1)
        return stageOne[n1]!.pet0
    }

    /// Records, for the frontier, the largest n2 per r1 whose EN(p0) can stay within `enLimit`
    /// (capped at `limit` − n1), exactly as the search before issue 18 bounded each (n1, r1).
    mutating func setFrontierLimits(n1: Int, lastN2: [Int]) {
        prepare(n1)
        stageOne[n1]!.lastN2 = lastN2
    }

    /// The design with the smallest EN(p0) among those with maximum size exactly `n`, chosen by
    /// `rule` among the near-ties, or nil when none meets both error rates.
    ///
    /// - Parameters:
    ///   - stageOneSizes: the n1 to try (each below n; the tables must hold row n).
    ///   - start: the n1 to start from (the previous n's best), so a tight bound comes early.
    ///   - bound: only designs with EN(p0) ≤ bound are wanted (infinity for none).
    ///   - frontier: also require n2 ≤ the n1's `lastN2[r1]` (see ``setFrontierLimits(n1:lastN2:)``).
    mutating func best(n: Int, stageOneSizes: ClosedRange<Int>, start: Int?, bound: Double, frontier: Bool,
                       rule: (_ current: Double, _ challenger: Double) -> Bool) -> Candidate? {
        var found: [Candidate] = []
        var smallest = Double.infinity
        var limit = bound
        let slack = 1 + 2 * ErrorRateTolerance.relative
        let lo = stageOneSizes.lowerBound, hi = stageOneSizes.upperBound
        guard lo <= hi else { return nil }
        let centre = min(max(start ?? (lo + hi) / 2, lo), hi)
        // Visit centre, centre + 1, centre − 1, centre + 2, ... within lo...hi.
        var step = 0
        while true {
            let n1: Int
            if step == 0 {
                n1 = centre
            } else {
                let offset = (step + 1) / 2
                let candidate = step % 2 == 1 ? centre + offset : centre - offset
                if centre + offset > hi && centre - offset < lo { break }
                if candidate < lo || candidate > hi { step += 1; continue }
                n1 = candidate
            }
            step += 1
            scan(n1: n1, n2: n - n1, bound: limit, frontier: frontier) { candidate in
                found.append(candidate)
                if candidate.en < smallest {
                    smallest = candidate.en
                    limit = min(bound, smallest * slack)
                }
                return limit
            }
        }
        guard smallest.isFinite else { return nil }
        let kept = found.filter { $0.en <= smallest * slack }.sorted { ($0.n1, $0.r1) < ($1.n1, $1.r1) }
        var chosen = kept[0]
        for candidate in kept.dropFirst() where rule(chosen.en, candidate.en) { chosen = candidate }
        return chosen
    }

    /// Scans r1 downward for the pair (n1, n2), reporting each design that meets both error
    /// rates with EN(p0) ≤ the current bound; `report` returns the new bound.
    private mutating func scan(n1: Int, n2: Int, bound: Double, frontier: Bool, report: (Candidate) -> Double) {
        prepare(n1)
        let stage = stageOne[n1]!
        var r1 = stage.r1Max
        guard r1 >= 0 else { return }
        if frontier && (stage.lastN2.count <= r1 || n2 > stage.lastN2[r1]) { return }
        let total = n1 + n2
        var en = Double(n1) + (1 - stage.pet0[r1]) * Double(n2)
        guard en <= bound else { return }
        guard var r = criticalValueAtTop(n1: n1, n2: n2) else { return }
        var limit = bound
        let hi = stage.top
        let alpha = alpha, power = power
        null.rows(n1, n2) { mass0, above0, tail0 in
            alternative.rows(n1, n2) { mass1, above1, tail1 in
                var g0 = Self.rejection(mass0, above0, tail0, n1: n1, n2: n2, r1: r1, r: r, top: hi)
                var g1 = Self.rejection(mass1, above1, tail1, n1: n1, n2: n2, r1: r1, r: r, top: hi)
                while true {
                    if ErrorRateTolerance.reachesPower(g1, power) {
                        limit = report(Candidate(n1: n1, r1: r1, r: r, n: total, en: en))
                    }
                    guard r1 > 0 else { return }
                    r1 -= 1
                    en = Double(n1) + (1 - stage.pet0[r1]) * Double(n2)
                    guard en <= limit else { return }
                    if frontier && n2 > stage.lastN2[r1] { return }
                    // One more stage-1 count continues: x1 = r1 + 1.
                    let x1 = r1 + 1
                    if x1 <= min(r, hi) && r - x1 < n2 {
                        g0 += mass0[x1] * tail0[r - x1]
                        g1 += mass1[x1] * tail1[r - x1]
                    }
                    while !ErrorRateTolerance.withinAlpha(g0, alpha) {
                        r += 1
                        guard r < total else { return }
                        g0 = Self.rejection(mass0, above0, tail0, n1: n1, n2: n2, r1: r1, r: r, top: hi)
                        g1 = Self.rejection(mass1, above1, tail1, n1: n1, n2: n2, r1: r1, r: r, top: hi)
                    }
                }
            }
        }
    }

    /// The smallest r in (r1Max, n1 + n2) with P(reject | p0) ≤ α at r1 = r1Max, or nil; starts
    /// from the value found for the same n1 at a smaller n2 (r only rises with n2), galloping up.
    private mutating func criticalValueAtTop(n1: Int, n2: Int) -> Int? {
        let stage = stageOne[n1]!
        let r1 = stage.r1Max, total = n1 + n2, hi = stage.top
        var low = r1 + 1
        if stage.cachedN2 > 0 && stage.cachedN2 <= n2 { low = max(low, stage.cachedR) }
        guard low < total else { return nil }
        let alpha = alpha
        let found: Int? = null.rows(n1, n2) { mass, above, tail in
            func fits(_ r: Int) -> Bool {
                ErrorRateTolerance.withinAlpha(Self.rejection(mass, above, tail, n1: n1, n2: n2, r1: r1, r: r, top: hi), alpha)
            }
            if fits(low) { return low }
            // Gallop: low fails; find an r that fits, then bisect between.
            var failing = low, step = 1
            var fitting = -1
            while true {
                let next = failing + step
                if next >= total - 1 {
                    if fits(total - 1) { fitting = total - 1 } else { return nil }
                    break
                }
                if fits(next) { fitting = next; break }
                failing = next
                step *= 2
            }
            while fitting - failing > 1 {
                let mid = (failing + fitting) / 2
                if fits(mid) { fitting = mid } else { failing = mid }
            }
            return fitting
        }
        if let found {
            stageOne[n1]!.cachedN2 = n2
            stageOne[n1]!.cachedR = found
        }
        return found
    }

    /// G_p(r1, r) from table rows: `mass` and `above` of row n1, `tail` (P(X2 > k)) of row n2.
    @inline(__always)
    private static func rejection(_ mass: UnsafePointer<Double>, _ above: UnsafePointer<Double>, _ tail: UnsafePointer<Double>,
                                  n1: Int, n2: Int, r1: Int, r: Int, top: Int) -> Double {
        var sum = r < n1 ? above[r] : 0
        let upper = min(r, top), lower = max(r1 + 1, r - n2 + 1)
        if lower <= upper {
            for x1 in lower...upper { sum += mass[x1] * tail[r - x1] }
        }
        return sum
    }
}
