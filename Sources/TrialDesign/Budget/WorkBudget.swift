/// The one budget on work: every accepted question answers within about ``defaultSeconds`` on
/// 2 cores of the machine this project is measured on, or is refused before any work starts.
///
/// Each command has a cost model: a function of its design value that counts work units
/// (intervals computed, posterior grid points updated, patients simulated) before any work, and
/// a measured time per unit (release build, one core, under the usual load). The estimate is
/// the product; beyond the budget the command is refused with the estimate and how to proceed.
/// The models are listed in docs/reliability.md; scripts/worst-case.sh runs each command at the
/// edge of its budget and fails when one takes more than twice it.
///
/// Simon's search needs no model of its own: its cap on n (``SimonTwoStage/maximumPatients``,
/// 3000) bounds its time, and since issue 18 the whole search at the cap takes under a second on
/// one core (0.3–0.7 s of CPU measured over the planner's range), so nothing within the cap is
/// refused for time.
public enum WorkBudget {
    /// The default budget, in seconds.
    public static let defaultSeconds: Double = 10

    /// The budget of the work running now: ``defaultSeconds`` unless a caller shares it out, as
    /// a sensitivity grid does among its points (`WorkBudget.$current.withValue(10.0 / 9) { … }`).
    @TaskLocal public static var current: Double = defaultSeconds

    /// Refuses work estimated beyond `seconds`.
    ///
    /// - Parameters:
    ///   - units: the work units the cost model counts.
    ///   - secondsPerUnit: the measured time per unit.
    ///   - what: what a unit is, plural (`mid-p intervals`).
    ///   - parameter: the key of the parameter to change (named in the refusal).
    ///   - value: its value as given.
    ///   - howToProceed: what to change, with parameter keys in backticks.
    ///   - seconds: the budget; ``current`` when nil.
    public static func check(
        units: Double, secondsPerUnit: Double, what: String, parameter: String, value: String,
        howToProceed: String, seconds: Double? = nil
    ) throws(InvalidInput) {
        let seconds = seconds ?? current
        let estimate = units * secondsPerUnit
        guard estimate.isFinite, estimate <= seconds else {
            throw InvalidInput(
                parameter: parameter,
                requirement:
                    "within the \(describe(seconds)) work budget (estimated \(describe(estimate)): \(count(units)) \(what); \(howToProceed))",
                value: value)
        }
    }

    /// "1.2 s", "12 s", "4 min", "6 h" (rounded up).
    public static func describe(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "unbounded time" }
        if seconds < 9.95 {
            let tenths = Int((seconds * 10).rounded(.up))
            return tenths % 10 == 0 ? "\(tenths / 10) s" : "\(tenths / 10).\(tenths % 10) s"
        }
        if seconds < 100 { return "\(Int(seconds.rounded(.up))) s" }
        if seconds < 6000 { return "\(Int((seconds / 60).rounded(.up))) min" }
        if seconds < 360_000 { return "\(Int((seconds / 3600).rounded(.up))) h" }
        return "over 100 hours"
    }

    /// A count for a message: "1,050,000" or "3.2e+12".
    public static func count(_ units: Double) -> String {
        guard units.isFinite, units < 1e15 else { return units.isFinite ? "\(units)" : "unbounded" }
        let whole = Int(units.rounded())
        var digits = String(whole)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits = String(digits.dropLast(3))
        }
        return digits + out
    }
}
