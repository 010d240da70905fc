import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize simon`: Simon's optimal and minimax two-stage designs, or one design's characteristics.
struct SimonCommand: DesignCommand {
    static let parameters = BinomialParameters.simon

    static let configuration = CommandConfiguration(
        commandName: "simon",
        abstract: "Simon two-stage phase II designs: optimal and minimax (and --admissible).",
        discussion: """
            Rule: stop after stage 1 when responses <= r1 of n1; reject H0 when total responses > r of n.
            Without --nmax the search bounds itself and is exhaustive; --nmax caps it (at most 3000).
            Examples:
              trialsize simon --p0 0.1 --p1 0.3 --alpha 0.05 --power 0.8
              trialsize simon --p0 0.1 --p1 0.3 --design 1/10,5/29
            """)

    @Option(help: ArgumentHelp(BinomialParameters.simon, "p0"))
    var p0: Double

    @Option(help: ArgumentHelp(BinomialParameters.simon, "p1"))
    var p1: Double

    @OptionGroup var errorRates: ErrorRateOptions

    @Option(help: ArgumentHelp(BinomialParameters.simon, "nmax"))
    var nmax: Int?

    @Flag(help: ArgumentHelp(BinomialParameters.simon, "admissible"))
    var admissible = false

    @Option(help: ArgumentHelp(BinomialParameters.simon, "design"))
    var design: String?

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        if let design {
            try request.refuse(
                plot: true, report: true,
                because: "with --design (it reports one design's characteristics; drop --design for the full report)")
            if format.justify || request.template != nil {
                throw InvalidInput(
                    parameter: format.justify ? "justify" : "template",
                    requirement: "is not available with --design (the paragraph justifies a searched design)", value: "")
            }
            try Validate.probability(p0, "p0")
            try Validate.probability(p1, "p1")
            guard p1 > p0 else {
                throw InvalidInput(parameter: "p1", requirement: "greater than --p0 (\(p0))", value: p1)
            }
            let characteristics = try SimonDesign(parsing: design).characteristics(p0: p0, p1: p1)
            try request.write(SimonDesignReport(design: characteristics, p0: p0, p1: p1), formatting: format, into: &output)
            return
        }
        let problem = try SimonTwoStage(p0: p0, p1: p1, errorRates: try errorRates.errorRates(), nmax: nmax)
        let answer = try problem.search()
        try request.write(SimonReport(problem: problem, answer: answer, admissible: admissible), formatting: format, into: &output)
    }
}
