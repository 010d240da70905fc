/// The TITE-BOIN decision for the next cohort from each patient's dose level, DLT status and follow-up so far
/// (``TITEBOINRule``; Yuan, Lin, Li, Nie & Warren 2018). The current level is the last patient's.
///
/// A patient is *complete* when they had a DLT or have been followed for the whole window W, *pending*
/// otherwise (no DLT, follow-up t < W); a pending patient contributes t/W to the standardized total follow-up
/// time (STFT) of their level.
public struct TITEBOINDecision: Sendable {
    /// The design's boundaries and elimination rule.
    public let boundaries: BOINBoundaries
    /// The DLT assessment window W.
    public let window: Double
    /// Patients treated per level (n), in level order.
    public let patients: [Int]
    /// DLTs observed per level (y).
    public let dlts: [Int]
    /// Patients pending per level (m): no DLT and followed less than the window.
    public let pending: [Int]
    /// The pending patients' standardized total follow-up time per level, Σ t/W, between 0 and m.
    public let stft: [Double]
    /// The level the last patient received (1-based).
    public let current: Int
    /// The `n.earlystop` rule.
    public let stopAt: Int
    /// p̃ = (y + φ/2)/(n − m + 1) at the current level: the posterior mean of the DLT probability from the patients
    /// whose outcome is known, under Beta(φ/2, 1 − φ/2).
    public let posteriorMean: Double
    /// p̂ = {y + p̃/(1 − p̃)(m − STFT)}/n at the current level, compared with λe and λd (y/n when nothing is pending).
    public let estimate: Double
    /// The decision.
    public let action: TITEBOINRule.Action
    /// The level for the next cohort (1-based); nil when the trial stops or accrual is suspended.
    public let nextLevel: Int?
    /// The lowest eliminated level (1-based), nil when none.
    public let firstEliminated: Int?

    /// - Parameters:
    ///   - boundaries: the BOIN boundaries of the target, applied to the effective sample size.
    ///   - window: the DLT assessment window, in (0, 10⁶] time units.
    ///   - levels: each patient's level (1-based), in order of enrolment.
    ///   - dlts: each patient's outcome so far, 0 (no DLT yet) or 1 (DLT); as many as `levels`.
    ///   - followUp: each patient's follow-up so far (for a patient with a DLT, the time to the DLT), in [0, window];
    ///     as many as `levels`.
    ///   - doses: the number of dose levels.
    ///   - stopAt: the `n.earlystop` rule (default 100, the BOIN package's).
    /// - Throws: ``InvalidInput``: `window` not in (0, 10⁶]; `doses` outside 1…20; unequal lists; a level outside
    ///   1…doses; a DLT not 0/1; a follow-up outside [0, window]; `stop-at` outside 1…1000.
    public init(
        boundaries: BOINBoundaries, window: Double, levels: [Int], dlts: [Int], followUp: [Double], doses: Int,
        stopAt: Int = 100
    ) throws(InvalidInput) {
        try Validate.interval(window, "window", above: 0, below: TITESettings.maximumWindow, closedAbove: true)
        try Validate.count(doses, "doses", in: 1...BOINSelection.maximumLevels)
        guard !levels.isEmpty else { throw InvalidInput(parameter: "levels", requirement: "at least one patient", value: "") }
        guard dlts.count == levels.count else {
            throw InvalidInput(
                parameter: "dlts", requirement: "one 0/1 per patient in `levels` (\(levels.count))", value: "\(dlts.count) values")
        }
        guard followUp.count == levels.count else {
            throw InvalidInput(
                parameter: "follow-up", requirement: "one time per patient in `levels` (\(levels.count))", value: "\(followUp.count) values"
            )
        }
        try Validate.count(stopAt, "stop-at", in: 1...BOINBoundaries.maximumPatients)
        var n = [Int](repeating: 0, count: doses), y = n, m = n
        var s = [Double](repeating: 0, count: doses)
        for i in levels.indices {
            try Validate.count(levels[i], "levels", in: 1...doses)
            guard dlts[i] == 0 || dlts[i] == 1 else {
                throw InvalidInput(parameter: "dlts", requirement: "a list of 0 (no DLT) and 1 (DLT)", value: String(dlts[i]))
            }
            let t = followUp[i]
            guard t >= 0, t <= window else {
                throw InvalidInput(
                    parameter: "follow-up", requirement: "each in [0, `window`] = [0, \(InvalidInput.describe(window))]", value: t)
            }
            let k = levels[i] - 1
            n[k] += 1
            if dlts[i] == 1 {
                y[k] += 1
            } else if t < window {
                m[k] += 1
                s[k] += t / window
            }
        }
        guard n.reduce(0, +) <= BOINBoundaries.maximumPatients else {
            throw InvalidInput(
                parameter: "levels", requirement: "at most \(BOINBoundaries.maximumPatients) patients", value: "\(levels.count)")
        }
        self.boundaries = boundaries
        self.window = window
        patients = n
        self.dlts = y
        pending = m
        stft = s
        current = levels[levels.count - 1]
        self.stopAt = stopAt
        let eliminate = [Int.max] + (1...max(n.max() ?? 1, 1)).map { boundaries.eliminationBoundary($0) ?? Int.max }
        let eliminated = TITEBOINRule.firstEliminated(patients: n, dlts: y, pending: m, eliminate: eliminate)
        firstEliminated = eliminated < doses ? eliminated + 1 : nil
        let d = current - 1
        let row = boundaries.row(n[d])
        posteriorMean = TITEBOINRule.completedPosteriorMean(target: boundaries.target, patients: n[d], dlts: y[d], pending: m[d])
        estimate = TITEBOINRule.estimate(target: boundaries.target, patients: n[d], dlts: y[d], pending: m[d], stft: s[d])
        let (action, next) = TITEBOINRule.decide(
            d: d, levels: doses, n: n[d], y: y[d], m: m[d], stft: s[d], eliminated: eliminated,
            target: boundaries.target, lambdaE: boundaries.lambdaE, lambdaD: boundaries.lambdaD,
            escalateMax: row.escalateMax, deescalateMin: row.deescalateMin, stopAt: stopAt)
        self.action = action
        nextLevel = next.map { $0 + 1 }
    }
}
