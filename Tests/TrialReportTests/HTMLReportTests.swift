import Foundation
import Testing
import TrialDesign

@testable import TrialReport

@Suite("HTML report")
struct HTMLReportTests {
    /// The seed trial's phase II question (every survival method side by side) as the survival
    /// command builds its `--report` page: sections, the methods table, both plots, the justification.
    static func seedReport() throws -> SurvivalReport {
        SurvivalReport(
            answers: try SurvivalReportTests.seedAnswers(SurvivalMethod.allCases),
            presentation: SurvivalPresentation(comparesMethods: true))
    }

    static func seedPage() throws -> HTMLReport {
        let report = try seedReport()
        return try report.page(justification: try report.justification(), generator: "trialsize tests")
    }

    /// A small page: one chart, so the golden file stays readable.
    static func smallReport() throws -> HTMLReport {
        let report = try seedReport()
        var document = try report.pageDocument()
        document.appendix.append(DocumentSection("Plots", [.figure(try report.figures()[0])]))
        document.justification = try report.justification()
        return HTMLReport(document, generator: "trialsize tests")
    }

    @Test("the seed design's page: golden HTML")
    func golden() throws {
        try expectGolden(try Self.smallReport().render(), named: "report.html")
    }

    @Test("the page is well-formed, self-contained and printable")
    func structure() throws {
        let figures = try Self.seedReport().figures()
        #expect(figures.count == 2)
        let html = try Self.seedPage().render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        let (error, check) = XMLCheck.parse(html)
        #expect(error == nil, "\(error ?? "")")
        #expect(check.elements.filter { $0 == "svg" }.count == figures.count)
        #expect(check.elements.filter { $0 == "figure" }.count == figures.count)
        #expect(check.elements.contains("ol") && check.elements.contains("table"))
        #expect(html.contains("@media print"))
        // The methods table sits in the Answer section, not behind a "see the table" note.
        let answer = try #require(html.range(of: "<h2>Answer</h2>"))
        let assumptions = try #require(html.range(of: "<h2>Assumptions</h2>"))
        #expect(html[answer.upperBound..<assumptions.lowerBound].contains("<table class=\"results\">"))
        #expect(!html.contains("see the table"))
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
        var page = try Self.seedPage()
        page.document.warnings.append("<not a design command>: A'Hern's table, for comparison")
        page.document.sections.append(DocumentSection("Notes", [.table(Table(header: ["a & b"], rows: [["<1>"]], footnotes: ["x < y"]))]))
        let html = try page.render()
        #expect(html.contains("&lt;not a design command&gt;") && html.contains("a &amp; b") && html.contains("&lt;1&gt;"))
        #expect(html.contains("A&#39;Hern") || html.contains("A&apos;Hern"))
        #expect(!html.contains("<not a design command>"))
        #expect(!html.lowercased().contains("nan<") && !html.contains(">inf<"))
        #expect(XMLCheck.parse(html).error == nil)
    }

    @Test("a page with only a title still renders every part it has")
    func bare() throws {
        let html = try HTMLReport(Document(title: "Bare & plain", sections: [])).render()
        #expect(XMLCheck.parse(html).error == nil)
        #expect(html.contains("<h1>Bare &amp; plain</h1>"))
        #expect(!html.contains("<figure") && !html.contains("Justification"))
    }

    @Test("a pre-rendered SVG document loses its XML declaration in the page")
    func svgFigure() throws {
        let svg = try SeedCurves.sawtoothChart().svg(id: "own")
        let html = try HTMLReport(Document(title: "t", sections: [DocumentSection("Plots", [.figure(Figure(svg: svg, caption: "c"))])]))
            .render()
        #expect(!html.contains("<?xml"))
        #expect(XMLCheck.parse(html).error == nil)
    }
}
