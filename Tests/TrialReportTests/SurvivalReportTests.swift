import Foundation
import Testing
import TrialDesign

@testable import TrialReport

/// Rendering of survival answers: sections, the side-by-side table, JSON keys, the template.
@Suite("Survival report")
struct SurvivalReportTests {
    static func seedAnswers(_ methods: [SurvivalMethod]) throws -> [SurvivalAnswer] {
        let setting = try SurvivalSetting(controlMedian: 8, rates: ErrorRates(alpha: 0.05, power: 0.8), loss: .dropout(0.1))
        let design = try SingleArmSurvival(setting: setting, median: 13)
        return try methods.map { SurvivalAnswer(result: try SurvivalSolver.sampleSize(design, method: $0)) }
    }

    @Test("one method: every section in order, numbers through NumberFormat")
    func sections() throws {
        let text = try SurvivalReport(answers: try Self.seedAnswers([.logHazard]), presentation: SurvivalPresentation()).render(.text)
        let order = ["Inputs", "Method", "Answer", "Assumptions", "Warnings"].map { text.range(of: "\n" + $0 + "\n")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(zip(order, order.dropFirst()).allSatisfy { $0! < $1! })
        #expect(text.contains("events             27 (unrounded 26.23)"))
        #expect(text.contains("patients           30 (27 expected events)"))
        #expect(text.contains("exact power with 30 patients is 0.7838, below the target 0.8"))
    }

    @Test("every method: one table row per method and the disagreement flag")
    func table() throws {
        let text = try SurvivalReport(
            answers: try Self.seedAnswers(SurvivalMethod.allCases), presentation: SurvivalPresentation(comparesMethods: true)
        ).render(.text)
        for method in SurvivalMethod.allCases { #expect(text.contains("  " + method.rawValue + "  ")) }
        #expect(text.contains("methods disagree by more than 10%: 29 to 36 patients"))
        #expect(!text.contains("@@"))
    }

    @Test("JSON: snake_case keys, methods array for a comparison, no NaN")
    func json() throws {
        let answers = try Self.seedAnswers(SurvivalMethod.allCases)
        let text = try SurvivalJSON.encode(answers, SurvivalPresentation(comparesMethods: true))
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let methods = try #require(object["methods"] as? [[String: Any]])
        #expect(methods.count == 5)
        #expect(object["patients_range"] as? [Int] == [29, 36])
        #expect(methods[0]["power_target"] as? Double == 0.8)
        #expect(methods[0]["attained_power_at"] as? String == "events")
    }

    @Test("the survival template is shipped and renders without stray spaces")
    func template() throws {
        #expect(TemplateLibrary.names.contains("survival"))
        #expect(TemplateLibrary.source(named: "survival")?.hasPrefix("{{% CONTENT_TYPE: TEXT}}") == true)
        let justification = try SurvivalJustification.make(try Self.seedAnswers([.exact]), SurvivalPresentation())
        #expect(justification.paragraph.contains("26 events are required for the target power of 80% (attained power 0.809 at 26 events)"))
        #expect(justification.paragraph.contains("inflated by 1/(1 − 0.1)"))
        #expect(justification.paragraph.contains("enrol 29 patients"))
        #expect(!justification.paragraph.contains("  "))
        #expect(justification.references.first?.hasPrefix("Epstein B, Sobel M.") == true)
    }
}
