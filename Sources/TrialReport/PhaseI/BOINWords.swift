import TrialDesign

/// Words the BOIN reports share: the boundaries as an input row, and a level's status in a
/// decision's table.
enum BOINWords {
    /// "λe = 0.1968, λd = 0.2984 (φ1 = 0.150, φ2 = 0.350)": the boundaries and the φ they come from.
    static func boundaries(_ b: BOINBoundaries) -> String {
        "λe = \(NumberFormat.fixed(b.lambdaE, 4)), λd = \(NumberFormat.fixed(b.lambdaD, 4)) "
            + "(φ1 = \(NumberFormat.fixed(b.phi1, 3)), φ2 = \(NumberFormat.fixed(b.phi2, 3)))"
    }

    /// The status column of level `level` (1-based): "eliminated" at or above the first eliminated
    /// level, "current" for the last cohort's level, "next" for the next cohort's, combined as
    /// "current, eliminated" or "current; next".
    static func status(level: Int, current: Int, next: Int?, firstEliminated: Int?) -> String {
        var status = firstEliminated.map { level >= $0 } ?? false ? "eliminated" : ""
        if level == current { status = status.isEmpty ? "current" : "current, " + status }
        if level == next { status += status.isEmpty ? "next" : "; next" }
        return status
    }
}
