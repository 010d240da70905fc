/// This program, as a justification paragraph and a report cite it.
///
/// Every shipped justification ends with "Calculations were performed with trialsize 0.1.0 [n]."
/// citing ``reference`` (added by ``DesignReporting/justification(using:)``), so a protocol
/// records which version produced its numbers; a user's own template reads the same text as
/// the variable `trialsize`. The README's "How to cite" gives the same citation.
public enum Software {
    /// The version, also printed by `trialsize --version`.
    public static let version = "0.1.0"
    /// "trialsize 0.1.0".
    public static let nameAndVersion = "trialsize \(version)"
    /// The closing sentence of every shipped paragraph, without its citation.
    public static let closingSentence = "Calculations were performed with \(nameAndVersion)"

    /// The reference list's entry for this program.
    public static let reference = Reference(
        key: "trialsize",
        citation:
            "trialsize \(version): power and sample-size calculations for phase I/II cancer trials [software], built on the GNU Scientific Library. 2026."
    )
}
