/// How a two-arm log-rank design turns the hazard ratio into events or patients.
///
/// All three plan the same analysis, the log-rank test comparing the arms under proportional
/// hazards; they differ in the approximation to its distribution under the alternative.
public enum TwoArmSurvivalMethod: String, Sendable, Codable, CaseIterable {
    /// Schoenfeld (1981): the log-rank statistic is approximately N(ln h · √(w D), 1) with
    /// w = r/(1 + r)², so D = (z₁₋α + z₁₋β)² (1 + r)² / (r (ln h)²) events.
    case schoenfeld
    /// Freedman (1982): D = (z₁₋α + z₁₋β)² (1 + r h)² / (r (1 − h)²) events.
    case freedman
    /// Lachin & Foulkes (1986): patients from the log hazard ratio with its variance under H₀
    /// (at the pooled hazard) and under H₁ (each arm's), both through each arm's probability of
    /// an event under the accrual, follow-up and loss assumed.
    case lachinFoulkes = "lachin-foulkes"

    /// Schoenfeld's events, the formula rpact, gsDesign and most protocols use.
    public static let `default` = TwoArmSurvivalMethod.schoenfeld

    /// The method as a protocol names it.
    public var label: String {
        switch self {
        case .schoenfeld: return "Schoenfeld (1981)"
        case .freedman: return "Freedman (1982)"
        case .lachinFoulkes: return "Lachin & Foulkes (1986)"
        }
    }

    /// Whether the method sizes events first (patients then follow from the event probability).
    public var sizesEvents: Bool { self != .lachinFoulkes }
}
