import Foundation
import Testing
import TrialDesign

@testable import TrialReport

/// Issue 12: the survival paragraph says what was asked. Each solve mode (sample size, power at a
/// given n, detectable median at a given n, simulation search) has its own true sentence, and
/// the inputs are stated in words, never as command-line flags.
@Suite("Survival paragraph by solve mode")
struct SurvivalSolveModeTests {
    static func paragraph(
        _ configure: (inout SurvivalQuestion) -> Void, unit: String = "weeks",
        endpoint: String = "progression-free survival"
    ) throws -> String {
        var question = SurvivalQuestion()
        question.controlMedian = 8
        configure(&question)
        let answer = try question.answer()
        let presentation = SurvivalPresentation(answer, unit: unit, endpoint: endpoint)
        return try SurvivalJustification.make(answer.answers, presentation).paragraph
    }

    @Test("Power at a given n: 'a study of 20 patients has 72% power', never 'required'")
    func powerAtN() throws {
        let text = try Self.paragraph {
            $0.median = 13; $0.patients = 20
        }
        #expect(text.contains("a study of 20 patients has 72% power to detect this effect"))
        #expect(!text.contains("required"))
        let thirty = try Self.paragraph {
            $0.median = 13; $0.patients = 30
        }
        #expect(thirty.contains("a study of 30 patients has 85% power"))
        #expect(!thirty.contains("required"))
    }

    @Test("Detectable median at n: '30 patients give the target power of 80% to detect a median of 12.49 weeks'")
    func detectable() throws {
        let text = try Self.paragraph {
            $0.patients = 30; $0.power = 0.8
        }
        #expect(text.contains("30 patients give the target power of 80% to detect a median of 12.49 weeks"))
        #expect(!text.contains("We hypothesise"))
        #expect(!text.contains("required"))
    }

    @Test("Sample size: 'required for the target power of 80%'")
    func sampleSize() throws {
        let text = try Self.paragraph { $0.median = 13 }
        #expect(text.contains("26 events are required for the target power of 80% (attained power 0.809 at 26 events)"))
        var question = SurvivalQuestion()
        question.controlMedian = 8; question.median = 13; question.methods = [.logRank]
        let answer = try question.answer()
        let logRank = try SurvivalJustification.make(
            answer.answers, SurvivalPresentation(answer, unit: "weeks", endpoint: "progression-free survival")
        ).paragraph
        #expect(logRank.contains("patients are required for the target power of 80%"))
    }

    @Test("Simulation search: its own sentence with the searched n")
    func search() throws {
        let text = try Self.paragraph {
            $0.median = 13; $0.simulate = 500; $0.search = true
        }
        #expect(text.contains("A search over simulated trials (500 per size, seed 1) found 25 patients to be the smallest number"))
    }

    @Test("Inputs in words: no command-line flag; landmarks with the endpoint's name")
    func inputsInWords() throws {
        let ratio = try Self.paragraph { $0.hazardRatio = 0.6 }
        #expect(!ratio.contains("--"))
        var question = SurvivalQuestion()
        question.controlSurvival = 0.3; question.survival = 0.5; question.at = 12
        let answer = try question.answer()
        let landmark = try SurvivalJustification.make(
            answer.answers, SurvivalPresentation(answer, unit: "months", endpoint: "progression-free survival")
        ).paragraph
        #expect(landmark.contains("(30% progression-free at 12 months under the control and 50% hoped for)"))
        #expect(!landmark.contains("alive"))
        let overall = try SurvivalJustification.make(
            answer.answers, SurvivalPresentation(answer, unit: "months", endpoint: "overall survival")
        ).paragraph
        #expect(overall.contains("30% alive at 12 months under the control"))
        let alternativeOnly = try Self.paragraph(
            {
                $0.survival = 0.5; $0.at = 12
            }, endpoint: "event-free survival")
        #expect(alternativeOnly.contains("50% event-free at 12 weeks hoped for"))
        #expect(!alternativeOnly.contains("--"))
    }
}
