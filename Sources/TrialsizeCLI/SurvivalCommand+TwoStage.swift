import ArgumentParser
import TrialDesign
import TrialReport

extension SurvivalCommand {
    /// `survival --two-stage`: the two-stage design with an interim futility analysis.
    func answerTwoStage(into output: inout Output, request: ReportRequest) throws {
        let solved = try question.answerTwoStage()
        let presentation = TwoStageSurvivalReport.Presentation(unit: unit.rawValue, endpoint: endpoint)
        try request.write(TwoStageSurvivalReport(solved, presentation), formatting: formatting, into: &output)
    }
}

extension TwoStageCriterion: ExpressibleByArgument {}
