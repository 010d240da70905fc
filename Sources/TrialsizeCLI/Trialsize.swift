import ArgumentParser
import TrialReport

/// The root command: `trialsize <design> [options]`.
struct Trialsize: ParsableCommand {
    static let version = Software.version

    static let configuration = CommandConfiguration(
        commandName: "trialsize",
        abstract: "Power and sample size for phase I/II cancer trials, on the GNU Scientific Library.",
        discussion: """
            Every answer states its method and assumptions: the test, its sidedness, the rounding \
            rule, accrual and follow-up, and the attained alpha and power.

            Worked example (the phase II design of Kearney et al., Breast Cancer Res Treat 2021):
              trialsize survival --control-median 8 --median 13 --alpha 0.05 --power 0.8 --dropout 0.1

            Exit status: 0 for an answer, 64 for input outside the allowed range (one line naming \
            the option), 1 for an internal failure.
            """,
        version: version,
        subcommands: Trialsize.designCommands
    )
}
