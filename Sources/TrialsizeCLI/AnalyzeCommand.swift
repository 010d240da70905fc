import ArgumentParser

/// `trialsize analyze`: the analysis of the trial a design command planned.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse a trial: Kaplan-Meier and one-sample tests, exact binomial, Simon and single-stage inference.",
        discussion: """
            The analysis of the seed trial (Kearney et al., Breast Cancer Res Treat 2021):
              trialsize analyze survival --input pfs.csv --control-median 8 --at 12 \\
                --justify
              trialsize analyze binomial 4 26 --p0 0.1
            """,
        subcommands: [AnalyzeSurvivalCommand.self, AnalyzeBinomialCommand.self, AnalyzeSingleStageCommand.self, AnalyzeSimonCommand.self]
    )
}
