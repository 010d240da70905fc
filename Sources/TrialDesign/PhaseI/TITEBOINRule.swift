/// The time-to-event BOIN (TITE-BOIN) rule for late-onset toxicity: BOIN's boundaries applied to a DLT rate
/// estimated with the pending patients' partial follow-up (Yuan, Lin, Li, Nie & Warren 2018, Clin Cancer Res
/// 24:4921-4930; the approximated likelihood behind it: Lin & Yuan 2020, Biostatistics 21:807-824).
///
/// At the current dose, with n patients treated, y DLTs observed, m patients *pending* (no DLT yet and
/// follow-up tᵢ shorter than the assessment window W) and the **standardized total follow-up time** of the
/// pending patients STFT = Σᵢ tᵢ / W:
///
///     p̃ = (y + φ/2) / (n − m + 1)                        posterior mean of p from the n − m patients whose
///                                                        outcome is known, under the prior Beta(φ/2, 1 − φ/2)
///     p̂ = { y + p̃/(1 − p̃) · (m − STFT) } / n            each pending patient's DLT imputed by its expected value,
///                                                        p(1 − tᵢ/W)/(1 − p) under a uniform time to DLT in the window
///
/// (φ the target). With no patient pending, p̂ = y/n: BOIN itself. Then
///
/// 1. **Elimination** as BOIN's, on the patients whose outcome is known: a level with n − m ≥ 3 and
///    P(p > φ | y, n − m) > cutoff under Beta(1, 1) is eliminated with every higher level; level 1 eliminated
///    stops the trial. (Elimination is kept once triggered.)
/// 2. **Suspension**: when more than half of the current dose's patients are pending (m > n/2), accrual is
///    suspended until enough outcomes are known; so escalation (or any move) needs at least half of the
///    patients at the dose to have completed their window or had a DLT. (At a dose above the highest level
///    not eliminated the next cohort moves down at once instead.)
/// 3. **Escalate** when p̂ ≤ λe, **de-escalate** when p̂ ≥ λd, stay otherwise, with BOIN's limits (never above
///    the highest level not eliminated, never below level 1) and its `n.earlystop` rule. With m = 0 the
///    comparison is BOIN's decision table itself (counts: y ≤ ⌊λe·n⌋, y ≥ the table's de-escalation count),
///    so without pending patients TITE-BOIN decides exactly as BOIN.
public enum TITEBOINRule {
    /// What the next cohort gets.
    public enum Action: String, Sendable, Codable {
        case escalate, stay, deescalate
        /// More than half of the current dose's patients are pending: wait.
        case suspend
        /// Level 1 is eliminated: stop, no MTD.
        case stopForToxicity = "stop_for_toxicity"
        /// `stopAt` patients at the current level and the rule says stay: stop and select the MTD.
        case stopAndSelect = "stop_and_select"
    }

    /// p̃ = (y + φ/2)/(n − m + 1): the posterior mean of the DLT probability from the patients whose outcome is known,
    /// under the prior Beta(φ/2, 1 − φ/2) (prior mean φ/2, effective sample size 1).
    @inline(__always)
    public static func completedPosteriorMean(target: Double, patients n: Int, dlts y: Int, pending m: Int) -> Double {
        (Double(y) + target / 2) / (Double(n - m) + 1)
    }

    /// p̂ = {y + p̃/(1 − p̃)(m − STFT)}/n, the DLT rate at a dose with pending patients (y/n when m = 0).
    /// p̃/(1 − p̃) is computed as (y + φ/2)/(n − m − y + 1 − φ/2), whose denominator is positive.
    @inline(__always)
    public static func estimate(target: Double, patients n: Int, dlts y: Int, pending m: Int, stft: Double) -> Double {
        guard m > 0 else { return Double(y) / Double(n) }
        let odds = (Double(y) + target / 2) / (Double(n - m - y) + 1 - target / 2)
        return (Double(y) + odds * (Double(m) - stft)) / Double(n)
    }

    /// Whether accrual is suspended: more than half of the n patients at the dose pending (2m > n).
    @inline(__always)
    public static func suspends(patients n: Int, pending m: Int) -> Bool { 2 * m > n }

    /// The lowest level (0-based) eliminated on the known outcomes, `levels` when none: n − m ≥ 3 and
    /// y ≥ the elimination boundary of n − m.
    static func firstEliminated(patients n: [Int], dlts y: [Int], pending m: [Int], eliminate: [Int]) -> Int {
        for i in n.indices {
            let known = n[i] - m[i]
            if known >= 3 && y[i] >= eliminate[known] { return i }
        }
        return n.count
    }

    /// The decision at the current level `d` (0-based), given the lowest eliminated level `eliminated`
    /// (0-based, `levels` when none). Returns the action and the next level (0-based; nil when the trial stops or
    /// waits). `escalate`, `deescalate` are BOIN's table by n (entry 0 unused).
    static func decide(
        d: Int, levels k: Int, n: Int, y: Int, m: Int, stft: Double, eliminated: Int, target: Double,
        lambdaE: Double, lambdaD: Double, escalateMax: Int, deescalateMin: Int, stopAt: Int
    ) -> (Action, Int?) {
        let highestOpen = eliminated - 1
        if highestOpen < 0 { return (.stopForToxicity, nil) }
        if suspends(patients: n, pending: m) {
            // Never wait at (or above) an eliminated dose: move down at once.
            return d > highestOpen ? (.deescalate, highestOpen) : (.suspend, nil)
        }
        let up: Bool, down: Bool
        if m == 0 {
            up = y <= escalateMax
            down = y >= deescalateMin
        } else {
            let p = estimate(target: target, patients: n, dlts: y, pending: m, stft: stft)
            up = p <= lambdaE
            down = p >= lambdaD
        }
        // As BOINDecision (the BOIN package's order): the n.earlystop rule first, then the move.
        let cannotEscalate = d >= highestOpen || d == k - 1
        let staysPut = (!up && !down) || (d == 0 && down) || (up && cannotEscalate)
        if n >= stopAt && staysPut { return (.stopAndSelect, nil) }
        if up && !cannotEscalate { return (.escalate, d + 1) }
        if down && d > 0 { return (.deescalate, min(d - 1, highestOpen)) }
        if d > highestOpen { return (.deescalate, highestOpen) }
        return (.stay, d)
    }
}
