import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize single-stage`: A'Hern's exact single-stage phase II design.
struct SingleStageCommand: DesignCommand {
    static let parameters = BinomialParameters.singleStage

    static let configuration = CommandConfiguration(
        commandName: "single-stage",
        abstract: "Exact single-stage phase II design (A'Hern 2001): n and the critical count r.",
        discussion: """
            Rule: reject H0 (p <= p0) when responses >= r. Prints the first n that meets both error \
            rates and the first n from which every larger n does (exact power is a sawtooth in n).
            Example:
              trialsize single-stage --p0 0.2 --p1 0.4 --alpha 0.05 --power 0.8 --table
            """)

    @Option(help: ArgumentHelp(BinomialParameters.singleStage, "p0"))
    var p0: Double

    @Option(help: ArgumentHelp(BinomialParameters.singleStage, "p1"))
    var p1: Double

    @OptionGroup var errorRates: ErrorRateOptions

    @Flag(help: ArgumentHelp(BinomialParameters.singleStage, "table"))
    var table = false

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let design = try ExactSingleStage(p0: p0, p1: p1, errorRates: try errorRates.errorRates())
        let answer = try design.solve()
        let report = SingleStageReport(design: design, answer: answer, table: table ? try design.tableAround(answer) : nil)
        try request.write(report, formatting: format, into: &output)
    }
}
