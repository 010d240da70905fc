import ArgumentParser

/// `--unit` of the phase I commands with a DLT window (`crm next`, `crm simulate`, `boin next`,
/// `boin simulate`): the unit the window, follow-up and accrual rate are stated in.
struct PhaseIUnitOption: ParsableArguments {
    @Option(
        help: "Time unit of the DLT window, follow-up and accrual rate: days, weeks, months or years (a label only: no time is converted).")
    var unit: TimeUnit?

    /// The unit's name for the reports, or nil when not given.
    var name: String? { unit?.rawValue }
}
