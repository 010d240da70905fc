/// The rules that turn DLT estimates into the next patient's dose.
///
/// The CRM's rule (O'Quigley, Pepe & Fisher 1990; Cheung 2011, §3.2) gives the next patient the level
/// whose estimated DLT probability is closest to the target θ; ties go to the lower level. Two common
/// safety restrictions (Cheung 2011, §3.4; Goodman, Zahurak & Piantadosi 1995), each switchable:
///
/// * **no skipping on escalation**: never above one level beyond the highest level tried so far;
/// * **no escalation right after a DLT**: when the most recent patient (in a simulation, the most recent
///   cohort, or under TITE any DLT that became known since the last assignment) had a DLT, never above
///   the current level (Cheung 2005's coherence).
public struct EscalationRestrictions: Sendable, Equatable, Codable {
    /// No skipping on escalation: never above one level beyond the highest level tried so far.
    public var noSkipping: Bool
    /// No escalation right after a DLT: never above the current level when the most recent patient (or cohort) had one.
    public var noEscalationAfterDLT: Bool

    /// Both restrictions are on by default; the `allow-skipping` and `allow-escalation-after-dlt` inputs turn each off.
    public init(noSkipping: Bool = true, noEscalationAfterDLT: Bool = true) {
        self.noSkipping = noSkipping
        self.noEscalationAfterDLT = noEscalationAfterDLT
    }

    /// Neither restriction: the next level is simply the closest level.
    public static let none = EscalationRestrictions(noSkipping: false, noEscalationAfterDLT: false)
}

/// The CRM's dose rules: the level whose estimate is closest to the target, and that level capped by the
/// ``EscalationRestrictions``.
public enum DoseRecommendation {
    /// The 1-based level whose estimate is closest to `target` (the lower on a tie).
    @inline(__always)
    public static func closest(_ estimates: [Double], target: Double) -> Int {
        var best = 0
        var distance = Double.infinity
        for (k, p) in estimates.enumerated() {
            let d = abs(p - target)
            if d < distance { distance = d; best = k }
        }
        return best + 1
    }

    /// The restricted recommendation: the closest level, capped at `highestTried + 1` (no skipping) and at
    /// `current` after a DLT. With no patient yet, `highestTried` and `current` are the start level − 1 and
    /// the start level. Levels are 1-based.
    @inline(__always)
    public static func next(
        closest: Int, current: Int, highestTried: Int, lastHadDLT: Bool, restrictions: EscalationRestrictions
    ) -> Int {
        var level = closest
        if restrictions.noSkipping { level = min(level, highestTried + 1) }
        if restrictions.noEscalationAfterDLT, lastHadDLT { level = min(level, current) }
        return level
    }
}
