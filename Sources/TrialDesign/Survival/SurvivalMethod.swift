/// The established ways to size a single-arm survival trial against a historical control.
///
/// Three are *event-driven*: they give the number of events d to observe, and patients follow
/// from the probability that a patient's event is observed by the analysis. Two size the
/// trial in *patients* directly, from the whole follow-up pattern.
public enum SurvivalMethod: String, CaseIterable, Sendable, Codable {
    /// 2λT ~ χ²(2d) (Epstein & Sobel 1953). The default: its size and power are exact when every
    /// patient is followed to the event, with no normal approximation.
    case exact
    /// A normal approximation on the log hazard: d = (z₁₋α + z₁₋β)² / ln²(m₁/m₀).
    case logHazard = "log-hazard"
    /// Wilson–Hilferty's cube-root transform of the hazard estimate (Lawless 2003, §3.2).
    case cubeRoot = "cube-root"
    /// The one-sample log-rank test, Wu's (2015) exact-variance formula.
    case logRank = "log-rank"
    /// The one-sample hazard-scale form of Lachin & Foulkes (1986).
    case lachinFoulkes = "lachin-foulkes"

    /// The method used when none is named.
    public static let `default`: SurvivalMethod = .exact

    /// Whether the method's answer is a number of events (patients then follow).
    public var isEventDriven: Bool {
        switch self {
        case .exact, .logHazard, .cubeRoot: return true
        case .logRank, .lachinFoulkes: return false
        }
    }

    /// Whether the method needs an exponential reference survival (all but the log-rank test).
    public var needsExponential: Bool { self != .logRank }

    /// A short description of the test the method sizes.
    public var testDescription: String {
        switch self {
        case .exact: return "exact test on total time at risk, 2λ₀T vs χ²(2d) (Epstein & Sobel 1953)"
        case .logHazard: return "normal approximation on the log hazard, z = √d · ln(λ₀/λ̂)"
        case .cubeRoot: return "Wilson–Hilferty cube-root transform of λ̂ (Lawless)"
        case .logRank: return "one-sample log-rank test, (E − O)/√E, Wu (2015) exact variance"
        case .lachinFoulkes: return "one-sample hazard-scale test (Lachin & Foulkes 1986)"
        }
    }
}
