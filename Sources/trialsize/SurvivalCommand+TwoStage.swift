import ArgumentParser
import TrialDesign
import TrialReport

extension SurvivalCommand {
    /// `survival --two-stage`: the two-stage design with an interim futility analysis.
    func answerTwoStage(into output: inout Output, request: ReportRequest) throws {
        let solved = try question.answerTwoStage()
        let presentation = TwoStageSurvivalReport.Presentation(unit: unit.rawValue, endpoint: endpoint)
        let justification = request.needsJustification(formatting)
            ? try TwoStageSurvivalReport.justification(solved, presentation, using: request.templateChoice(shipped: "two-stage-survival")) : nil
        try formatting.write(into: &output, justification: justification,
                             report: { TwoStageSurvivalReport.render(solved, presentation, format: formatting.format) },
                             json: { try TwoStageSurvivalReport.json(solved, presentation, justification: $0) })
        try request.write { try TwoStageSurvivalReport.document(solved, presentation, justification: justification) }
    }
}

extension TwoStageCriterion: ExpressibleByArgument {}
