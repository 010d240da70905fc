import Foundation
import Testing
import TrialDesign

@testable import TrialReport

/// The plot of every design, drawn from a result these tests compute (never typed numbers),
/// compared with golden files, checked as SVG 1.1, and each design's page checked as XML.
@Suite("Design plots and pages")
struct DesignPlotTests {
    static func checkSVG(_ svg: String, _ name: String) {
        let (error, check) = XMLCheck.parse(svg)
        #expect(error == nil, "\(name): \(error ?? "")")
        let root = check.attributes.first ?? [:]
        #expect(check.elements.first == "svg" && root["version"] == "1.1" && root["xmlns"] == "http://www.w3.org/2000/svg", "\(name)")
        #expect(!svg.contains("NaN") && !svg.contains("inf"), "\(name)")
        #expect(check.elements.contains("title") && check.elements.contains("desc"), "\(name)")
    }

    /// Every figure of `report`, as golden files `design-<prefix>-<name>.svg`, and its page
    /// well-formed with every figure inline; returns the charts.
    @discardableResult
    static func expectFigures(_ report: some DesignReporting, prefix: String, count: Int) throws -> [Chart] {
        let figures = try report.figures()
        #expect(figures.count == count, "\(prefix)")
        for figure in figures {
            let svg = try figure.svg()
            checkSVG(svg, figure.name)
            try expectGolden(svg, named: "design-\(prefix)-\(figure.name).svg")
        }
        let html = try report.page(justification: try report.justification(), generator: "trialsize test").render()
        #expect(XMLCheck.parse(html).error == nil, "\(prefix) page")
        #expect(html.components(separatedBy: "<svg").count - 1 == count, "\(prefix): every plot inline")
        return figures.compactMap(\.chart)
    }

    @Test("survival (seed trial, every method): power against patients and against the median")
    func survival() throws {
        let answers = try SurvivalReportTests.seedAnswers(SurvivalMethod.allCases)
        let presentation = SurvivalPresentation(comparesMethods: true)
        let report = SurvivalReport(answers: answers, presentation: presentation)
        let charts = try Self.expectFigures(report, prefix: "survival", count: 2)
        // Each method's answer is marked (methods with the same answer share a marker), the
        // default method's at the power the forward function gives there.
        let chart = charts[0]
        for answer in answers {
            #expect(chart.markers.contains { $0.x == Double(answer.result.patients) }, "\(answer.result.method)")
        }
        let exact = try #require(answers.first { $0.result.method == .exact }?.result)
        let power = try exact.design.setting.power(patients: Double(exact.patients), median: exact.design.median, method: .exact)
        #expect(chart.markers.contains { $0.x == Double(exact.patients) && abs($0.y - power) < 1e-12 })
        let tables = try report.document().sections.flatMap(\.blocks).compactMap { if case let .table(table) = $0 { table } else { nil } }
        #expect(tables.first?.rows.count == SurvivalMethod.allCases.count, "the methods table is in the Answer section")
    }

    @Test("single-stage: the sawtooth with first and stable n marked")
    func singleStage() throws {
        let design = try ExactSingleStage(p0: 0.2, p1: 0.4, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        let answer = try design.solve()
        #expect(answer.first.n < answer.stable.n, "A'Hern's 20% vs 40% is a sawtooth")
        let charts = try Self.expectFigures(SingleStageReport(design: design, answer: answer), prefix: "single-stage", count: 1)
        let chart = try #require(charts.first)
        #expect(chart.markers.map(\.x) == [Double(answer.first.n), Double(answer.stable.n)])
        #expect(chart.series.map(\.kind) == [.step, .step])
    }

    @Test("simon: EN(p0) against maximum n with the designs marked; P(reject H0) against the true rate")
    func simon() throws {
        let problem = try SimonTwoStage(p0: 0.1, p1: 0.3, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        let answer = try problem.search()
        let charts = try Self.expectFigures(SimonReport(problem: problem, answer: answer, admissible: false), prefix: "simon", count: 2)
        let labels = charts[0].markers.map(\.label)
        #expect(labels.contains { $0.hasPrefix("optimal") } && labels.contains { $0.hasPrefix("minimax") })
        #expect(labels.filter { $0.hasPrefix("admissible") }.count == answer.admissible.count - 2)
        // The OC curve: one line per design, the optimal design's alpha and power marked where they are.
        let oc = charts[1]
        #expect(oc.series.map(\.name) == ["optimal 1/10, 5/29", "minimax 1/15, 5/25"])
        let power = try #require(oc.markers.first { $0.label.hasPrefix("optimal power") })
        #expect(power.x == 0.3 && abs(power.y - answer.optimal.attainedPower) < 1e-15)
        #expect(oc.referenceLines.map(\.value) == [0.8, 0.05, 0.1, 0.3])
    }

    @Test("ci: every method's bounds side by side")
    func intervals() throws {
        let observed = try ObservedProportion(successes: 4, trials: 26)
        let level = try ConfidenceLevel(0.95, sides: .twoSided)
        let intervals = try IntervalMethod.allCases.map { try $0.interval(observed, level) }
        try Self.expectFigures(IntervalReport(intervals), prefix: "ci", count: 1)
    }

    @Test("crm skeleton and simulate: the skeleton's intervals; selection beside the true DLT curve")
    func crm() throws {
        let model = try DoseToxicityModel(skeleton: Skeleton.calibrated(target: 0.25, halfwidth: 0.09, levels: 4, priorMTD: 3))
        let skeleton = CRMSkeletonReport(
            model: model, target: 0.25, halfwidth: 0.09, priorMTD: 3,
            intervals: try Skeleton.indifferenceIntervals(model: model, target: 0.25))
        try Self.expectFigures(skeleton, prefix: "crm-skeleton", count: 1)
        let design = try CRMSimulationDesign(model: model, target: 0.25, truth: [0.05, 0.12, 0.25, 0.40], patients: 10, start: 3)
        let simulation = CRMSimulationReport(result: try design.simulate(trials: 500, seed: 1, threads: 1))
        try Self.expectFigures(simulation, prefix: "crm-simulate", count: 1)
        let blocks = try simulation.document().sections.flatMap(\.blocks)
        let tables = blocks.compactMap { if case let .table(table) = $0 { table } else { nil } }
        #expect(tables.first?.rows.count == 4, "the per-level table is a table, not text")
        #expect(blocks.allSatisfy { if case let .notes(notes) = $0 { !notes.contains { $0.hasPrefix("|") } } else { true } })
    }

    @Test("crm next and calibrate: the posterior by dose; correct selection against the half-width")
    func crmNextAndCalibrate() throws {
        let model = try DoseToxicityModel(skeleton: Skeleton.calibrated(target: 0.25, halfwidth: 0.09, levels: 4, priorMTD: 3))
        let data = try CRMData(levels: [3, 3, 4], dlt: [false, false, true], levelCount: 4)
        let next = CRMNextDoseReport(
            answer: try CRMNextDose(model: model, target: 0.25, data: data), window: nil, weighting: nil, followUp: nil)
        try Self.expectFigures(next, prefix: "crm-next", count: 1)
        let calibration = try CRMCalibration(target: 0.25, levels: 3, priorMTD: 2, patients: 6, priorVariances: [0.5, 1.34])
        let report = CRMCalibrationReport(result: try calibration.run(trialsPerScenario: 50, seed: 1, threads: 1))
        let charts = try Self.expectFigures(report, prefix: "crm-calibrate", count: 1)
        #expect(charts[0].series.count == 2, "one line per prior variance")
    }

    @Test("each design's justification in text, Markdown and LaTeX, as golden files")
    func justifications() throws {
        let survival = try SurvivalReportTests.seedAnswers(SurvivalMethod.allCases)
        let single = try ExactSingleStage(p0: 0.2, p1: 0.4, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        let simon = try SimonTwoStage(p0: 0.1, p1: 0.3, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        let interval = try IntervalMethod.clopperPearson.interval(
            try ObservedProportion(successes: 4, trials: 26),
            try ConfidenceLevel(0.95, sides: .twoSided))
        let model = try DoseToxicityModel(skeleton: Skeleton.calibrated(target: 0.25, halfwidth: 0.09, levels: 4, priorMTD: 3))
        let skeleton = CRMSkeletonReport(
            model: model, target: 0.25, halfwidth: 0.09, priorMTD: 3,
            intervals: try Skeleton.indifferenceIntervals(model: model, target: 0.25))
        let paragraphs: [(String, Justification)] = [
            ("survival", try SurvivalJustification.make(survival, SurvivalPresentation(comparesMethods: true))),
            ("single-stage", try SingleStageReport(design: single, answer: try single.solve()).justification()),
            ("simon", try SimonReport.justification(simon, try simon.search(), admissible: true)),
            ("ci", try IntervalReport.justification(interval)),
            ("crm-skeleton", try skeleton.justification()),
        ]
        for (name, justification) in paragraphs {
            try expectGolden(justification.render(.text), named: "justify-\(name).txt")
            try expectGolden(justification.render(.markdown), named: "justify-\(name).md")
            try expectGolden(justification.render(.latex), named: "justify-\(name).tex")
        }
    }

    @Test("several plots: the first at the given path, the others with their names")
    func plotPaths() throws {
        let answers = try SurvivalReportTests.seedAnswers([.exact])
        let report = SurvivalReport(answers: answers, presentation: SurvivalPresentation())
        #expect(try report.plotPaths(for: "out/power.svg").map(\.path) == ["out/power.svg", "out/power-median.svg"])
    }
}
