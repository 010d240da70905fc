import Foundation
import Testing
import TrialDesign
@testable import TrialReport

@Suite("HTML report")
struct HTMLReportTests {
    /// The seed trial's phase II question (every survival method side by side) as the survival
    /// command builds its `--report` page: sections, the methods table, both plots, the justification.
    static func seedDocument() throws -> DesignReport {
        let answers = try SurvivalReportTests.seedAnswers(SurvivalMethod.allCases)
        let presentation = SurvivalPresentation(comparesMethods: true)
        return try SurvivalReport.document(answers, presentation,
                                           justification: try SurvivalJustification.make(answers, presentation))
    }

    /// A small page: one chart, so the golden file stays readable.
    static func smallReport() throws -> HTMLReport {
        var document = try seedDocument()
        document.plots = Array(document.plots.prefix(1))
        return document.page(generator: "trialsize tests")
    }

    @Test("the seed design's page: golden HTML")
    func golden() throws {
        try expectGolden(try Self.smallReport().render(), named: "report.html")
    }

    @Test("the page is well-formed, self-contained and printable")
    func structure() throws {
        let document = try Self.seedDocument()
        #expect(document.plots.count == 2 && document.tables.count == 1)
        let html = try document.page(generator: "trialsize tests").render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        let (error, check) = XMLCheck.parse(html)
        #expect(error == nil, "\(error ?? "")")
        #expect(check.elements.filter { $0 == "svg" }.count == document.plots.count)
        #expect(check.elements.filter { $0 == "figure" }.count == document.plots.count)
        #expect(check.elements.contains("ol") && check.elements.contains("table"))
        #expect(html.contains("@media print"))
        // Nothing is fetched: no scripts, no external stylesheets or images.
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("<img") && !html.contains("src="))
        let urls = html.components(separatedBy: "http").dropFirst().map { "http" + $0.prefix(30) }
        #expect(urls.allSatisfy { $0.hasPrefix("http://www.w3.org/2000/svg") }, "\(urls)")
        // Ids are unique, so the inline SVGs' clip paths do not clash.
        let ids = check.attributes.compactMap { $0["id"] }
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
        // Citations link to their references.
        #expect(html.contains("<a href=\"#ref-1\">[1]</a>") && html.contains("<li id=\"ref-1\">"))
    }

    @Test("text is escaped, with no NaN anywhere")
    func escaping() throws {
        var document = try Self.seedDocument()
        document.sections.append(Section("Warnings", notes: ["<not a design command>: A'Hern's table, for comparison"]))
        let html = try document.page(generator: "trialsize tests").render()
        #expect(html.contains("&lt;not a design command&gt;"))
        #expect(html.contains("A&#39;Hern") || html.contains("A&apos;Hern"))
        #expect(!html.contains("<not a design command>"))
        #expect(!html.lowercased().contains("nan<") && !html.contains(">inf<"))
    }

    @Test("a page with only a title still renders every part it has")
    func bare() throws {
        let html = try HTMLReport(title: "Bare & plain").render()
        #expect(XMLCheck.parse(html).error == nil)
        #expect(html.contains("<h1>Bare &amp; plain</h1>"))
        #expect(!html.contains("<figure") && !html.contains("Justification"))
    }

    @Test("a pre-rendered SVG document loses its XML declaration in the page")
    func svgFigure() throws {
        let svg = try SeedCurves.sawtoothChart().svg(id: "own")
        let html = try HTMLReport(title: "t", figures: [Figure(svg: svg, caption: "c")]).render()
        #expect(!html.contains("<?xml"))
        #expect(XMLCheck.parse(html).error == nil)
    }
}
