import ArgumentParser

/// `trialsize two-arm`: randomized comparisons of two arms.
struct TwoArmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "two-arm",
        abstract: "Randomized two-arm designs: survival by the log-rank test, response rates by two proportions.",
        discussion: """
            The randomized version of the seed trial's phase II question (8 vs 13 weeks, 1:1):
              trialsize two-arm survival --control-median 8 --median 13 --power 0.8
            Two response rates (Fisher's exact test and the normal approximations):
              trialsize two-arm binomial --p0 0.2 --p1 0.4 --alpha 0.025 --method all
            """,
        subcommands: [TwoArmSurvivalCommand.self, TwoArmBinomialCommand.self]
    )
}
