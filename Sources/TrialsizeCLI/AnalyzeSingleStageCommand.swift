import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize analyze single-stage`: the analysis of an exact single-stage (A'Hern) trial.
struct AnalyzeSingleStageCommand: DesignCommand {
    static let parameters = AnalysisParameters.singleStage
    static let configuration = CommandConfiguration(
        commandName: "single-stage",
        abstract: "Analysis of an exact single-stage trial: p-value, Clopper-Pearson interval and the rule at the attained n.",
        discussion: """
            With --planned-n, a trial that over- or under-accrued is analysed at the attained n: the \
            critical count is recomputed there (and the planned one shown beside it).
            Example:
              trialsize analyze single-stage --n 36 --responses 12 --p0 0.2 --planned-n 35
            """)

    @Option(help: ArgumentHelp(AnalysisParameters.singleStage, "n"))
    var n: Int
    @Option(help: ArgumentHelp(AnalysisParameters.singleStage, "responses"))
    var responses: Int
    @Option(help: ArgumentHelp(AnalysisParameters.singleStage, "p0"))
    var p0: Double
    @Option(help: ArgumentHelp(AnalysisParameters.singleStage, "planned-n"))
    var plannedN: Int?
    @Option(help: ArgumentHelp(AnalysisParameters.singleStage, "conf"))
    var conf: Double = 0.95
    @Option(help: ArgumentHelp(AnalysisParameters.singleStage, "alpha"))
    var alpha: Double = 0.05

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        try Validate.count(n, "n", in: 1...ObservedProportion.maximumTrials)
        try Validate.count(responses, "responses", in: 0...n)
        let inference = try BinomialInference(successes: responses, trials: n, p0: p0, conf: conf, alpha: alpha, plannedN: plannedN)
        try AnalyzeBinomialCommand.write(inference, design: true, format: format, request: request, into: &output)
    }
}
