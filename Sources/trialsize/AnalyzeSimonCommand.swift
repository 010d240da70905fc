import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize analyze simon`: design-adjusted inference after a Simon two-stage trial.
struct AnalyzeSimonCommand: ParsableCommand, AnsweringCommand {
    static let configuration = CommandConfiguration(
        commandName: "simon",
        abstract: "Inference after a Simon two-stage trial: UMVUE, stage-wise p-value and exact interval (Koyama & Chen 2008).",
        discussion: """
            The interval has level 1 - 2 alpha (its lower bound is the one-sided 1 - alpha bound that \
            matches the design's test). With --attained n1,n the inference is for the stage sizes \
            actually enrolled, with the planned boundary r1.
            Example: trialsize analyze simon --design 1/10,5/29 --p0 0.1 --responses 7
            """)

    @Option(help: "The planned design r1/n1,r/n: stop after n1 if responses <= r1; promising if more than r of n.")
    var design: String
    @Option(help: "Response rate of no interest (null hypothesis), in (0, 1).")
    var p0: Double
    @Option(help: "Total responses (stage 1 and 2).")
    var responses: Int
    @Option(help: "Responses in stage 1 (checked against the total and r1).")
    var stage1Responses: Int?
    @Option(help: "Stage sizes actually enrolled, n1,n, when they differ from the plan.")
    var attained: String?
    @Option(help: "One-sided significance level of the design. Allowed: (0, 0.5).")
    var alpha: Double = 0.05

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let planned = try SimonDesign(parsing: design)
        var sizes: (n1: Int, n: Int)?
        if let attained {
            let parts = try ListOption.integers(attained, "attained")
            guard parts.count == 2 else { throw InvalidInput(parameter: "attained", requirement: "two whole numbers n1,n", value: attained) }
            sizes = (parts[0], parts[1])
        }
        let inference = try SimonInference(design: planned, p0: p0, responses: responses, stage1Responses: stage1Responses,
                                           attained: sizes, alpha: alpha)
        let result = try inference.infer()
        let justification = request.needsJustification(format)
            ? try InferenceReport.justification(inference, result, using: request.templateChoice(shipped: "analyze-simon")) : nil
        try format.write(into: &output, justification: justification,
                         report: { try InferenceReport.render(inference, result, format: format.format) },
                         json: { try InferenceReport.render(inference, result, format: .json, justification: $0) })
        try request.write { InferenceReport.document(inference, result, justification: justification) }
    }
}
