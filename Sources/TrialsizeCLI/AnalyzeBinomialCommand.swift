import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize analyze binomial X N --p0 P`: exact p-value and Clopper-Pearson interval.
struct AnalyzeBinomialCommand: DesignCommand {
    static let parameters = AnalysisParameters.binomial
    static let configuration = CommandConfiguration(
        commandName: "binomial",
        abstract: "Exact one-sided binomial test against p0 and the Clopper-Pearson interval for x responses among n.",
        discussion: """
            Example (Kearney et al. 2021, clinical benefit):
              trialsize analyze binomial 4 26 --p0 0.1
            """)

    @Argument(help: "Responses x (a whole number, 0 <= x <= n).")
    var x: String
    @Argument(help: "Patients n (a whole number, 1 <= n <= 1000000000).")
    var n: String
    @Option(help: ArgumentHelp(AnalysisParameters.binomial, "p0"))
    var p0: Double
    @Option(help: ArgumentHelp(AnalysisParameters.binomial, "conf"))
    var conf: Double = 0.95
    @Option(help: ArgumentHelp(AnalysisParameters.binomial, "alpha"))
    var alpha: Double = 0.05

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let trials = try CICommand.count(n, "n", in: 1...ObservedProportion.maximumTrials)
        let successes = try CICommand.count(x, "x", in: 0...trials)
        let inference = try BinomialInference(successes: successes, trials: trials, p0: p0, conf: conf, alpha: alpha)
        try AnalyzeBinomialCommand.write(inference, design: false, format: format, request: request, into: &output)
    }

    static func write(
        _ inference: BinomialInference, design: Bool, format: FormatOptions, request: ReportRequest, into output: inout Output
    ) throws {
        try request.write(BinomialAnalysisReport(inference, try inference.infer(), design: design), formatting: format, into: &output)
    }
}
