/// The standard 3+3 design's exact operating characteristics (the A+B designs of Lin & Shih 2001,
/// Biostatistics 2:203, with A = B = 3), computed from the binomial probabilities of each cohort's
/// outcome, not simulated.
///
/// The variant (stated in docs/methods/three-plus-three.md): cohorts of 3, the first at `start`.
/// - Escalation phase, at a level with no patients yet: 0 DLTs in 3 → escalate; 1 in 3 → 3 more at the
///   same level, then at most 1 in 6 → escalate, 2 or more → the level is too toxic; 2 or more in 3 → too
///   toxic. At the highest level, 0 in 3 also gets 3 more, and at most 1 in 6 there makes it the MTD
///   (so the MTD is always declared on 6 patients).
/// - De-escalation: when a level is too toxic, the next lower level is examined: with 6 patients (at most
///   1 DLT) it is the MTD; with 3 (0 DLTs) it gets 3 more and is the MTD if at most 1 in 6, else too toxic;
///   below the starting level (no patients) it gets 3, then 3 more unless 2 or more DLTs, and is the MTD
///   if at most 1 in 6. A too-toxic lowest level ends the trial with no MTD.
///
/// Exactness: the escalation phase reaches level j with probability R_j = Π_{i<j} (A_i + B_i), where
/// A_i = q_i³ and B_i = 3p_iq_i²·q_i³ (q = 1 − p) are the escalation probabilities with 3 and 6 patients;
/// each level's outcomes are independent of the others', so given escalation a level escalated with 3
/// patients with probability A_i/(A_i + B_i). The de-escalation phase is a chain down the levels; every
/// expectation is a finite sum over at most K levels, and nothing is sampled.
public struct ThreePlusThree: Sendable {
    /// The target DLT probability, used only to name the true MTD.
    public let target: Double
    /// The true DLT probability of each level.
    public let truth: [Double]
    /// The starting level (1-based).
    public let start: Int

    /// - Throws: ``InvalidInput``: `truth` with 1…20 values in (0, 1); `start` outside the levels;
    ///   `target` outside (0, 1) (used only to name the true MTD).
    public init(truth: [Double], start: Int = 1, target: Double) throws(InvalidInput) {
        try BOINSimulationDesign.validateTruth(truth)
        try Validate.count(start, "start", in: 1...truth.count)
        try Validate.probability(target, "target")
        self.truth = truth
        self.start = start
        self.target = target
    }

    /// P(Y = y) for Y ~ Binomial(3, p), y = 0…3.
    static func cohort(_ p: Double) -> [Double] {
        let q = 1 - p
        return [q * q * q, 3 * p * q * q, 3 * p * p * q, p * p * p]
    }

    /// The exact operating characteristics.
    public func characteristics() -> DoseFindingCharacteristics {
        var acc = Accumulation(levels: truth.count)
        let k = truth.count, s = start - 1
        var reach = 1.0
        // Conditional probability, given escalation from level j, that it escalated with only 3 patients.
        var withThree = [Double](repeating: 0, count: k)
        for j in s..<k {
            let p = truth[j], c = Self.cohort(p)
            let top = j == k - 1
            // First cohort.
            acc.patients[j] += reach * 3
            acc.dlts[j] += reach * 3 * p
            // Second cohort after 1 DLT (and after 0 at the top level).
            let expand = c[1] + (top ? c[0] : 0)
            acc.patients[j] += reach * expand * 3
            acc.dlts[j] += reach * expand * 3 * p
            let escalateThree = top ? 0 : c[0]
            // 1 then 0 (total 1 in 6); at the top also 0 then 0 or 1.
            let escalateSix = c[1] * c[0] + (top ? c[0] * (c[0] + c[1]) : 0)
            let toxic = 1 - escalateThree - escalateSix
            if top {
                acc.selection[j] += reach * escalateSix
            }
            withThree[j] = escalateThree / (escalateThree + escalateSix)
            acc.deescalate(from: j, probability: reach * toxic, start: s, truth: truth, withThree: withThree)
            reach *= escalateThree + escalateSix
        }
        var aboveMTD = 0.0
        let mtd = DoseRecommendation.closest(truth, target: target)
        for j in mtd..<k { aboveMTD += acc.patients[j] }
        return DoseFindingCharacteristics(
            target: target, truth: truth, selection: acc.selection, none: acc.none,
            patients: acc.patients, dlts: acc.dlts, patientsAboveMTD: aboveMTD)
    }

    /// Expected counts, weighted by probability.
    struct Accumulation {
        var selection: [Double]
        var patients: [Double]
        var dlts: [Double]
        var none = 0.0

        init(levels: Int) {
            selection = [Double](repeating: 0, count: levels)
            patients = selection
            dlts = selection
        }

        /// Level `toxic` was found too toxic with probability `probability`: walk down.
        mutating func deescalate(from toxic: Int, probability: Double, start: Int, truth: [Double], withThree: [Double]) {
            var w = probability
            var j = toxic - 1
            while w > 0 {
                guard j >= 0 else { none += w; return }
                let p = truth[j], c = ThreePlusThree.cohort(p)
                if j >= start {
                    // Treated in the escalation phase: 6 patients → MTD; 3 patients (0 DLTs) → 3 more.
                    selection[j] += w * (1 - withThree[j])
                    let fill = w * withThree[j]
                    patients[j] += fill * 3
                    dlts[j] += fill * 3 * p
                    selection[j] += fill * (c[0] + c[1])
                    w = fill * (c[2] + c[3])
                } else {
                    // Below the start: 3, then 3 more unless 2 or more DLTs; MTD if at most 1 in 6.
                    patients[j] += w * 3
                    dlts[j] += w * 3 * p
                    let more = w * (c[0] + c[1])
                    patients[j] += more * 3
                    dlts[j] += more * 3 * p
                    selection[j] += w * (c[0] * (c[0] + c[1]) + c[1] * c[0])
                    w *= 1 - (c[0] * (c[0] + c[1]) + c[1] * c[0])
                }
                j -= 1
            }
        }
    }
}
