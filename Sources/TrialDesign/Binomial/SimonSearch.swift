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
/// Stage-1 sums skip counts whose probability (under p0 for alpha, p1 for power) is below 1e-17
/// in total; every reported design is re-evaluated exactly afterwards.
struct SimonSearch {
    let alpha: Double
    let power: Double
    let beta: Double
    private(set) var null: BinomialTables
    private(set) var alternative: BinomialTables

    // Per stage-1 size n1 (index n1; entry 0 unused), filled in n1 order by `prepare(upTo:)`.
    /// The largest r1 with PET(p1) = P(X1 ≤ r1 | p1) ≤ β (summed in r1 order), or −1.
    private var r1Max: [Int] = [-1]
    /// The largest stage-1 counts summed under p0 and p1: above them P(X1 > x | p) < 1e-17.
    private var top0: [Int] = [0]
    private var top1: [Int] = [0]
    /// Where n1's entries start in `pet0` and `lastN2`.
    private var offset: [Int] = [0]
    /// PET(p0) for r1 = 0...r1Max, summed in r1 order.
    private var pet0: [Double] = []
    /// For the frontier: the largest n2 with EN(p0) within the minimax design's, per (n1, r1).
    private var lastN2: [Int] = []
    /// For the frontier (n falling): no r1 above `star[n1]` can meet both error rates at the
    /// stage-2 sizes still to come (see ``scan(n1:n2:from:bound:frontier:report:)``).
    private var star: [Int] = [-1]
    /// The critical value last found for n1, where the next search for one starts.
    private var hint: [Int] = [-1]

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

    /// Fills the per-n1 arrays up to `n1` (the tables must hold row n1).
    private mutating func prepare(upTo n1: Int) {
        while r1Max.count <= n1 {
            let m = r1Max.count
            var p0Sum = 0.0, p1Sum = 0.0
            offset.append(pet0.count)
            for r1 in 0..<m {
                p0Sum += null.mass(m, r1)
                p1Sum += alternative.mass(m, r1)
                if p1Sum > beta { break }
                pet0.append(p0Sum)
            }
            let count = pet0.count - offset[m]
            lastN2.append(contentsOf: repeatElement(Int.max, count: count))
            r1Max.append(count - 1)
            star.append(count - 1)
            hint.append(-1)
            var k0 = m, k1 = m
            while k0 > 0 && null.above(m, k0 - 1) < 1e-17 { k0 -= 1 }
            while k1 > 0 && alternative.above(m, k1 - 1) < 1e-17 { k1 -= 1 }
            top0.append(k0)
            top1.append(k1)
        }
    }

    /// PET(p0) for r1 = 0...r1Max at stage-1 size n1 (the tables must hold row n1).
    mutating func earlyStopping(_ n1: Int) -> ArraySlice<Double> {
        prepare(upTo: n1)
        return pet0[offset[n1]..<(offset[n1] + r1Max[n1] + 1)]
    }

    /// Records, for the frontier, the largest n2 per r1 whose EN(p0) can stay within the minimax
    /// design's (capped at nmax − n1), exactly as the search before issue 18 bounded each (n1, r1).
    mutating func setFrontierLimits(n1: Int, lastN2 limits: [Int]) {
        prepare(upTo: n1)
        for (r1, limit) in limits.enumerated() { lastN2[offset[n1] + r1] = limit }
    }

    /// The design with the smallest EN(p0) among those with maximum size exactly `n`, chosen by
    /// `rule` among the near-ties, or nil when none meets both error rates.
    ///
    /// - Parameters:
    ///   - stageOneSizes: the n1 to try (each below n; the tables must hold row n).
    ///   - start: the n1 to start from (a neighbouring n's best), so a tight bound comes early.
    ///   - bound: only designs with EN(p0) ≤ bound are wanted (infinity for none).
    ///   - frontier: the frontier phase, called for n falling: require n2 ≤ `lastN2` of (n1, r1),
    ///     and skip the r1 that an earlier call proved cannot meet both error rates.
    mutating func best(
        n: Int, stageOneSizes: ClosedRange<Int>, start: Int?, bound: Double, frontier: Bool,
        rule: (_ current: Double, _ challenger: Double) -> Bool
    ) -> Candidate? {
        let lo = stageOneSizes.lowerBound, hi = stageOneSizes.upperBound
        guard lo <= hi else { return nil }
        prepare(upTo: hi)
        var found: [Candidate] = []
        var smallest = Double.infinity
        var limit = bound
        let slack = 1 + 2 * ErrorRateTolerance.relative
        let centre = min(max(start ?? (lo + hi) / 2, lo), hi)
        // Visit centre, centre + 1, centre − 1, centre + 2, ... within lo...hi.
        var step = 0
        while true {
            let n1: Int
            if step == 0 {
                n1 = centre
            } else {
                let distance = (step + 1) / 2
                if centre + distance > hi && centre - distance < lo { break }
                let candidate = step % 2 == 1 ? centre + distance : centre - distance
                if candidate < lo || candidate > hi { step += 1; continue }
                n1 = candidate
            }
            step += 1
            // The pair's most aggressive r1 that could work bounds its EN from below.
            let n2 = n - n1
            let top = frontier ? star[n1] : r1Max[n1]
            guard top >= 0 else { continue }
            let at = offset[n1] + top
            if frontier && n2 > lastN2[at] { continue }
            let en = Double(n1) + (1 - pet0[at]) * Double(n2)
            guard en <= limit else { continue }
            scan(n1: n1, n2: n2, from: top, bound: limit, frontier: frontier) { candidate in
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

    /// Scans r1 downward from `start` for the pair (n1, n2), reporting each design that meets
    /// both error rates with EN(p0) ≤ the current bound; `report` returns the new bound.
    ///
    /// In the frontier phase it also computes, at each r1 until one passes, the power of the most
    /// powerful randomised level-α test that rejects only after X1 > r1: by Neyman–Pearson it
    /// rejects for large X1 + X2 (the likelihood ratio grows with it), so it is Simon's rule at
    /// the critical r, randomised at X1 + X2 = r:
    ///
    ///     P*(r1, n2) = G_p1(r1, r) + γ·(G_p1(r1, r − 1) − G_p1(r1, r)),
    ///     γ = (α − G_p0(r1, r)) / (G_p0(r1, r − 1) − G_p0(r1, r)).
    ///
    /// P* bounds the power of every Simon design with that r1 and n2. It cannot rise with r1
    /// (a test that rejects only after X1 > r1 + 1 also rejects only after X1 > r1) and cannot
    /// fall with n2 (a test may ignore patients), so once P*(r1, n2) is short of the power, no
    /// r1' ≥ r1 works at n2 or at any smaller n2: the frontier, visited for n falling, starts
    /// each later scan of n1 below it. (Short means by more than a relative 1e-9, far above the
    /// rounding and truncation of the sums.)
    private mutating func scan(
        n1: Int, n2: Int, from start: Int, bound: Double, frontier: Bool,
        report: (Candidate) -> Double
    ) {
        guard var r = criticalValue(n1: n1, n2: n2, r1: start) else { return }
        let total = n1 + n2, base = offset[n1], hi0 = top0[n1], hi1 = top1[n1]
        let alpha = alpha, power = power, level = alpha * (1 + ErrorRateTolerance.relative)
        let proofPower = power * (1 - 1e-9)
        let proven: Int = pet0.withUnsafeBufferPointer { pets in
            lastN2.withUnsafeBufferPointer { limits in
                null.rows(n1, n2) { mass0, above0, tail0 in
                    alternative.rows(n1, n2) { mass1, above1, tail1 in
                        var r1 = start, limit = bound
                        var proving = frontier, proven = start
                        var en = Double(n1) + (1 - pets[base + r1]) * Double(n2)
                        // G at r and at r − 1, under p0 and p1.
                        var g0 = Self.rejection(mass0, above0, tail0, n1: n1, n2: n2, r1: r1, r: r, top: hi0)
                        var g1 = Self.rejection(mass1, above1, tail1, n1: n1, n2: n2, r1: r1, r: r, top: hi1)
                        var h0 = 0.0, h1 = 0.0
                        if proving {
                            h0 = Self.rejection(mass0, above0, tail0, n1: n1, n2: n2, r1: r1, r: r - 1, top: hi0)
                            h1 = Self.rejection(mass1, above1, tail1, n1: n1, n2: n2, r1: r1, r: r - 1, top: hi1)
                        }
                        while true {
                            if proving {
                                let step0 = h0 - g0
                                let gamma = step0 > 0 ? min(1, max(0, (level - g0) / step0)) : 0
                                if g1 + gamma * (h1 - g1) < proofPower { proven = r1 - 1 } else { proving = false }
                            }
                            if ErrorRateTolerance.reachesPower(g1, power) {
                                limit = report(Candidate(n1: n1, r1: r1, r: r, n: total, en: en))
                            }
                            guard r1 > 0 else { return proven }
                            r1 -= 1
                            en = Double(n1) + (1 - pets[base + r1]) * Double(n2)
                            guard en <= limit else { return proven }
                            if frontier && n2 > limits[base + r1] { return proven }
                            // One more stage-1 count continues: x1 = r1 + 1 (≤ r − 1).
                            let x1 = r1 + 1
                            if r - x1 < n2 {
                                if x1 <= min(r, hi0) { g0 += mass0[x1] * tail0[r - x1] }
                                if x1 <= min(r, hi1) { g1 += mass1[x1] * tail1[r - x1] }
                            }
                            if proving && r - 1 - x1 < n2 {
                                if x1 <= min(r - 1, hi0) { h0 += mass0[x1] * tail0[r - 1 - x1] }
                                if x1 <= min(r - 1, hi1) { h1 += mass1[x1] * tail1[r - 1 - x1] }
                            }
                            while !ErrorRateTolerance.withinAlpha(g0, alpha) {
                                r += 1
                                guard r < total else { return proven }
                                h0 = g0
                                h1 = g1
                                g0 = Self.rejection(mass0, above0, tail0, n1: n1, n2: n2, r1: r1, r: r, top: hi0)
                                g1 = Self.rejection(mass1, above1, tail1, n1: n1, n2: n2, r1: r1, r: r, top: hi1)
                            }
                        }
                    }
                }
            }
        }
        if frontier { star[n1] = min(star[n1], proven) }
    }

    /// The smallest r in (r1, n1 + n2) with P(reject | p0) ≤ α, or nil: galloping from the
    /// critical value last found for n1 (P(reject) falls as r rises, so a bisection between an r
    /// that fails and one that fits finds it).
    private mutating func criticalValue(n1: Int, n2: Int, r1: Int) -> Int? {
        let total = n1 + n2, hi = top0[n1]
        guard r1 + 1 < total else { return nil }
        let start = min(max(hint[n1], r1 + 1), total - 1)
        let alpha = alpha
        let found: Int? = null.rows(n1, n2) { mass, above, tail in
            func fits(_ r: Int) -> Bool {
                ErrorRateTolerance.withinAlpha(Self.rejection(mass, above, tail, n1: n1, n2: n2, r1: r1, r: r, top: hi), alpha)
            }
            // failing < answer ≤ fitting; r1 itself stands for "fails" (r must exceed r1).
            var failing: Int, fitting: Int
            if fits(start) {
                fitting = start
                failing = r1
                var step = 1
                while fitting - step > r1 {
                    if fits(fitting - step) { fitting -= step; step *= 2 } else { failing = fitting - step; break }
                }
            } else {
                failing = start
                var step = 1
                while true {
                    if failing + step >= total - 1 {
                        guard fits(total - 1) else { return nil }
                        fitting = total - 1
                        break
                    }
                    if fits(failing + step) { fitting = failing + step; break }
                    failing += step
                    step *= 2
                }
            }
            while fitting - failing > 1 {
                let mid = (failing + fitting) / 2
                if fits(mid) { fitting = mid } else { failing = mid }
            }
            return fitting
        }
        if let found { hint[n1] = found }
        return found
    }

    /// G_p(r1, r) from table rows: `mass` and `above` of row n1, `tail` (P(X2 > k)) of row n2,
    /// summing stage-1 counts up to `top`. Four partial sums, so the additions do not wait on
    /// each other (the order of the additions changes the result only in the last bits).
    @inline(__always)
    private static func rejection(
        _ mass: UnsafePointer<Double>, _ above: UnsafePointer<Double>, _ tail: UnsafePointer<Double>,
        n1: Int, n2: Int, r1: Int, r: Int, top: Int
    ) -> Double {
        let upper = min(r, top)
        var x1 = max(r1 + 1, r - n2 + 1)
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        while x1 + 3 <= upper {
            s0 += mass[x1] * tail[r - x1]
            s1 += mass[x1 + 1] * tail[r - x1 - 1]
            s2 += mass[x1 + 2] * tail[r - x1 - 2]
            s3 += mass[x1 + 3] * tail[r - x1 - 3]
            x1 += 4
        }
        while x1 <= upper {
            s0 += mass[x1] * tail[r - x1]
            x1 += 1
        }
        return (r < n1 ? above[r] : 0) + ((s0 + s1) + (s2 + s3))
    }
}
