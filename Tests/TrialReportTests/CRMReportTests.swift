import Foundation
import Testing
import TrialDesign

@testable import TrialReport

@Suite("CRM reports")
struct CRMReportTests {
    @Test("the CRM templates are shipped and start with the content-type line")
    func templates() {
        for name in ["crm-skeleton", "crm-next", "crm-simulate", "crm-calibrate"] {
            let source = TemplateLibrary.source(named: name)
            #expect(source?.hasPrefix("{{% CONTENT_TYPE: TEXT}}") == true, "\(name)")
        }
    }

    @Test("skeleton report: sections, JSON keys, and a paragraph whose citations match its list")
    func skeleton() throws {
        let model = try DoseToxicityModel(skeleton: Skeleton.calibrated(target: 0.25, halfwidth: 0.09, levels: 4, priorMTD: 3))
        let report = CRMSkeletonReport(
            model: model, target: 0.25, halfwidth: 0.09, priorMTD: 3,
            intervals: try Skeleton.indifferenceIntervals(model: model, target: 0.25))
        let text = try report.render(.text)
        for section in ["Inputs", "Method", "Answer", "Assumptions"] { #expect(text.contains("\n" + section + "\n")) }
        let json = try report.render(.json)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["prior_mtd"] as? Int == 3)
        #expect(object?["indifference_intervals"] != nil)
        let paragraph = try report.justification()
        #expect(paragraph.paragraph.contains("0.25 ± 0.09 (0.16 to 0.34)"))
        #expect(paragraph.references.count == 4, "three publications and trialsize itself")
        #expect(paragraph.paragraph.hasSuffix("Calculations were performed with \(Software.nameAndVersion) [4]."))
        for n in 1...paragraph.references.count { #expect(paragraph.paragraph.contains("[\(n)]")) }
    }

    @Test("simulation report: per-level arrays side by side for plotting")
    func simulation() throws {
        let design = try CRMSimulationDesign(
            model: DoseToxicityModel(skeleton: [0.05, 0.12, 0.25, 0.40]), target: 0.25,
            truth: [0.05, 0.12, 0.25, 0.40], patients: 10, start: 3)
        let report = CRMSimulationReport(result: try design.simulate(trials: 500, seed: 2, threads: 1))
        let object =
            try JSONSerialization.jsonObject(with: Data(try report.render(.json, justification: try report.justification()).utf8))
            as? [String: Any]
        for key in ["selection", "selection_se", "truth", "skeleton", "patients_per_level", "dlts_per_level"] {
            #expect((object?[key] as? [Any])?.count == 4, "\(key)")
        }
        #expect(object?["true_mtd"] as? Int == 3)
        #expect((object?["justification"] as? [String: Any])?["paragraph"] is String)
        #expect(try report.render(.markdown).contains("| level | true p |"))
        // With --justify, text formats give the paragraph alone, ready to paste (as every command does).
        let markdown = try report.render(.markdown, justification: try report.justification())
        #expect(!markdown.contains("| level | true p |") && markdown.contains("**References**"))
        let paragraph = try report.justification()
        for n in 1...paragraph.references.count { #expect(paragraph.paragraph.contains("[\(n)]")) }
    }
}
