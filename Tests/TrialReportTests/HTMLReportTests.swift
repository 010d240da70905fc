import Foundation
import Testing
@testable import TrialReport

@Suite("HTML report")
struct HTMLReportTests {
    /// A small page: one chart, so the golden file stays readable.
    static func smallReport() throws -> HTMLReport {
        try SeedReport.report(figures: [Figure(try SeedCurves.powerChart(), caption: "Power against events.")])
    }

    @Test("the seed report page: golden HTML")
    func golden() throws {
        try expectGolden(try Self.smallReport().render(), named: "report.html")
    }

    @Test("the page is well-formed, self-contained and printable")
    func structure() throws {
        let html = try SeedReport.report().render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        let (error, check) = XMLCheck.parse(html)
        #expect(error == nil, "\(error ?? "")")
        #expect(check.elements.filter { $0 == "svg" }.count == 3)
        #expect(check.elements.filter { $0 == "figure" }.count == 3)
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
        let html = try SeedReport.report().render()
        #expect(html.contains("&lt;not a design command&gt;"))
        #expect(html.contains("A&#39;Hern") || html.contains("A&apos;Hern"))
        #expect(!html.contains("<not a design command>"))
        #expect(!html.lowercased().contains("nan<") && !html.contains(">inf<"))
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
        let html = try HTMLReport(Document(title: "t", sections: [DocumentSection("Plots", [.figure(Figure(svg: svg, caption: "c"))])])).render()
        #expect(!html.contains("<?xml"))
        #expect(XMLCheck.parse(html).error == nil)
    }

    /// Writes the full demo report when `TRIALSIZE_DEMO_REPORT` names a file: used by
    /// scripts/render-report.sh, which then screenshots it in headless Chromium.
    @Test("demo report for the headless browser check",
          .enabled(if: ProcessInfo.processInfo.environment["TRIALSIZE_DEMO_REPORT"] != nil))
    func demoReport() throws {
        let path = try #require(ProcessInfo.processInfo.environment["TRIALSIZE_DEMO_REPORT"])
        try Data(try SeedReport.report().render().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try Data(try SeedCurves.powerChart().svg().utf8).write(to: folder.appendingPathComponent("demo-power.svg"), options: .atomic)
    }
}
