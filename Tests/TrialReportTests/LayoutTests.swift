import Testing
import TrialDesign
@testable import TrialReport

@Suite("Layout and tables")
struct LayoutTests {
    @Test("the seed design's sections and methods table: golden text, Markdown and LaTeX")
    func golden() throws {
        // The sections of the exact test's answer, then the table of every method's answer.
        let (title, sections) = SurvivalReport.parts(try SurvivalReportTests.seedAnswers([.exact]), SurvivalPresentation())
        let (headers, rows) = SurvivalReport.tableRows(try SurvivalReportTests.seedAnswers(SurvivalMethod.allCases))
        let table = Table("Methods compared", headers: headers, rows: rows)
        for (format, suffix) in [(OutputFormat.text, "txt"), (.markdown, "md"), (.latex, "tex")] {
            let text = Layout.render(title: title, sections: sections, format: format) + "\n" + table.render(format)
            try expectGolden(text, named: "layout.\(suffix)")
        }
    }

    @Test("numeric cells are told from words")
    func numericCells() {
        #expect(Table.isNumeric("0.8094") && Table.isNumeric("30") && Table.isNumeric("15.4%") && Table.isNumeric("(4%, 35%)"))
        #expect(!Table.isNumeric("exact") && !Table.isNumeric("") && !Table.isNumeric("n/a"))
    }
}
