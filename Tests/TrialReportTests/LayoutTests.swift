import Testing
@testable import TrialReport

@Suite("Layout and tables")
struct LayoutTests {
    @Test("the seed report's sections and table: golden text, Markdown and LaTeX")
    func golden() throws {
        let sections = try SeedReport.sections()
        let table = try SeedReport.methods()
        let title = "Single-arm survival design"
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
