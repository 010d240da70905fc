import Foundation
import Testing
import TrialDesign

@testable import TrialReport

@Suite("Binomial reports and justifications")
struct BinomialReportTests {
    let seed = try! IntervalMethod.clopperPearson.interval(ObservedProportion(successes: 4, trials: 26), ConfidenceLevel(0.95))

    @Test func templatesAreShipped() {
        for name in ["ci", "single-stage", "simon"] {
            #expect(TemplateLibrary.source(named: name)?.hasPrefix("{{% CONTENT_TYPE: TEXT}}") == true, "\(name)")
        }
    }

    @Test func intervalSummaryAndSections() throws {
        #expect(IntervalReport.summary(seed) == "15.4% (95% CI 4.4% to 34.9%)")
        let text = try IntervalReport([seed]).render(.text)
        for section in ["Inputs", "Method", "Answer", "Assumptions"] { #expect(text.contains("\n\(section)\n")) }
        let markdown = try IntervalReport([seed]).render(.markdown)
        #expect(markdown.hasPrefix("## ") && markdown.contains("### Answer"))
    }

    @Test func intervalJustification() throws {
        let justification = try IntervalReport.justification(seed)
        #expect(justification.paragraph.contains("Of 26 evaluable patients, 4 responded (15.4%)."))
        #expect(justification.paragraph.contains("95% Clopper-Pearson exact confidence interval is 4.4% to 34.9% [1]"))
        #expect(justification.paragraph.contains("at least 95%"))
        #expect(justification.references == [BinomialReferences.clopperPearson.citation, Software.reference.citation])
        let wilson = try IntervalMethod.wilson.interval(
            ObservedProportion(successes: 4, trials: 26), ConfidenceLevel(0.9, sides: .oneSided))
        let approximate = try IntervalReport.justification(wilson)
        #expect(approximate.paragraph.contains("one-sided 90%") && approximate.paragraph.contains("not guaranteed"))
        #expect(approximate.references == [BinomialReferences.brownCaiDasGupta.citation, Software.reference.citation])
    }

    @Test func singleStageJustification() throws {
        let design = try ExactSingleStage(p0: 0.2, p1: 0.4, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        let justification = try SingleStageReport(design: design, answer: try design.solve()).justification()
        let text = justification.paragraph
        #expect(text.contains("at most 20.0% against the alternative that it is 40.0%"))
        #expect(text.contains("The trial will enrol 38 patients; the treatment will be considered promising if 13 or more respond"))
        #expect(text.contains("type I error 0.0288 and power 0.8136"))
        #expect(text.contains("35 patients (promising if 12 or more respond)"))
        #expect(justification.references == [BinomialReferences.aHern.citation, Software.reference.citation])
    }

    @Test func simonJustification() throws {
        let problem = try SimonTwoStage(p0: 0.1, p1: 0.3, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        let justification = try SimonReport.justification(problem, try problem.search(), admissible: true)
        let text = justification.paragraph
        #expect(text.contains("10 patients are enrolled in the first stage; if 1 or fewer respond, the study stops"))
        #expect(text.contains("Otherwise 19 further patients are enrolled, for a total of 29"))
        #expect(text.contains("more than 5 respond in total"))
        #expect(text.contains("if the response rate is 10.0%, the probability of stopping after the first stage is 74%"))
        #expect(text.contains("expected sample size is 15.0"))
        #expect(text.contains("would stop after 15 patients if 1 or fewer respond") && text.contains("more than 5 of 25"))
        #expect(text.contains("The 4 admissible designs [2]"))
        #expect(
            justification.references == [BinomialReferences.simon.citation, BinomialReferences.jung.citation, Software.reference.citation])
        let latex = justification.render(.latex)
        #expect(latex.contains("\\begin{enumerate}"))
    }

    @Test func batchLines() throws {
        #expect(IntervalReport.batchLine(seed, json: false).hasPrefix("4,26,0.15384615384615385,"))
        let json = IntervalReport.batchLine(seed, json: true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["method"] as? String == "clopper-pearson" && object["lower"] is Double)
    }

    /// Every `{{name}}`, `{{#name}}` and `{{^name}}` a binomial template uses is a key of the context its report
    /// builds (top level or inside a section's dictionary), and is documented in docs/templates.md.
    @Test func templateVariablesProvidedAndDocumented() throws {
        var references = ReferenceList()
        let single = try ExactSingleStage(p0: 0.2, p1: 0.4, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        let simon = try SimonTwoStage(p0: 0.1, p1: 0.3, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        let contexts: [String: [String: Any]] = [
            "ci": IntervalReport.justificationContext(seed, references: &references),
            "single-stage": SingleStageReport(design: single, answer: try single.solve()).justificationContext(references: &references),
            "simon": SimonReport(problem: simon, answer: try simon.search(), admissible: true).justificationContext(
                references: &references),
        ]
        let docs = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/templates.md"), encoding: .utf8)
        let tag = try Regex(#"\{\{[#^/]?\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}"#)
        var checked = 0
        for (name, context) in contexts {
            let source = try #require(TemplateLibrary.source(named: name))
            var keys = Set(context.keys)
            for value in context.values { if let nested = value as? [String: Any] { keys.formUnion(nested.keys) } }
            for match in source.matches(of: tag) {
                let variable = String(match.output[1].substring ?? "")
                checked += 1
                #expect(keys.contains(variable), "\(name).mustache uses {{\(variable)}}, which its context lacks")
                #expect(docs.contains("`\(variable)`"), "docs/templates.md does not document `\(variable)` of \(name)")
            }
        }
        #expect(checked > 60)
    }
}
