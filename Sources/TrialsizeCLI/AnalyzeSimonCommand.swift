import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize analyze simon`: design-adjusted inference after a Simon two-stage trial.
struct AnalyzeSimonCommand: DesignCommand {
    static let parameters = AnalysisParameters.simon
    static let configuration = CommandConfiguration(
        commandName: "simon",
        abstract: "Inference after a Simon two-stage trial: UMVUE, stage-wise p-value and exact interval (Koyama & Chen 2008).",
        discussion: """
            The interval has level 1 - 2 alpha (its lower bound is the one-sided 1 - alpha bound that \
            matches the design's test). With --attained n1,n the inference is for the stage sizes \
            actually enrolled, with the planned boundary r1.
            Example: trialsize analyze simon --design 1/10,5/29 --p0 0.1 --responses 7
            """)

    @Option(help: ArgumentHelp(AnalysisParameters.simon, "design"))
    var design: String
    @Option(help: ArgumentHelp(AnalysisParameters.simon, "p0"))
    var p0: Double
    @Option(help: ArgumentHelp(AnalysisParameters.simon, "responses"))
    var responses: Int
    @Option(help: ArgumentHelp(AnalysisParameters.simon, "stage1-responses"))
    var stage1Responses: Int?
    @Option(help: ArgumentHelp(AnalysisParameters.simon, "attained"))
    var attained: String?
    @Option(help: ArgumentHelp(AnalysisParameters.simon, "alpha"))
    var alpha: Double = 0.05

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let planned = try SimonDesign(parsing: design)
        var sizes: (n1: Int, n: Int)?
        if let attained {
            let parts = try ListOption.integers(attained, "attained")
            guard parts.count == 2 else {
                throw InvalidInput(parameter: "attained", requirement: "two whole numbers n1,n", value: attained)
            }
            sizes = (parts[0], parts[1])
        }
        let inference = try SimonInference(
            design: planned, p0: p0, responses: responses, stage1Responses: stage1Responses,
            attained: sizes, alpha: alpha)
        try request.write(SimonAnalysisReport(inference, try inference.infer()), formatting: format, into: &output)
    }
}
