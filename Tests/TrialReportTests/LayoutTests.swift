import Testing
import TrialDesign

@testable import TrialReport

@Suite("Document renderers")
struct LayoutTests {
    @Test("the seed design's sections, warnings and methods table: golden text, Markdown and LaTeX")
    func golden() throws {
        // The exact test's answer, then every method's answer side by side.
        var document = try SurvivalReport(answers: try SurvivalReportTests.seedAnswers([.exact]), presentation: SurvivalPresentation())
            .document()
        let all = try SurvivalReport(
            answers: try SurvivalReportTests.seedAnswers(SurvivalMethod.allCases),
            presentation: SurvivalPresentation(comparesMethods: true)
        ).document()
        document.appendix = all.sections.filter { $0.title == "Answer" }.map { DocumentSection("Methods compared", $0.blocks) }
        for (format, suffix) in [(OutputFormat.text, "txt"), (.markdown, "md"), (.latex, "tex")] {
            try expectGolden(document.render(format), named: "layout.\(suffix)")
        }
    }

    @Test("numeric cells are told from words, and set a column's alignment")
    func numericCells() {
        #expect(Table.isNumeric("0.8094") && Table.isNumeric("30") && Table.isNumeric("15.4%") && Table.isNumeric("(4%, 35%)"))
        #expect(!Table.isNumeric("exact") && !Table.isNumeric("") && !Table.isNumeric("n/a"))
        let table = Table(header: ["method", "n"], rows: [["exact", "30"], ["wald", "28"]])
        #expect(table.alignment == [.left, .right])
    }

    @Test("Markdown tables have a delimiter row and a blank line before them")
    func markdownTable() {
        let document = Document(
            title: "T",
            sections: [
                DocumentSection(
                    "Answer", [.rows([["a", "1"]]), .table(Table(header: ["x", "y"], rows: [["1", "b|c"]], footnotes: ["* note"]))])
            ])
        let markdown = document.render(.markdown)
        #expect(markdown.contains("| a | 1 |\n\n| x | y |\n|---:|---|\n| 1 | b\\|c |\n\n\\* note\n"))
    }

    @Test("LaTeX: math in math mode, adjacent pieces joined, tables as wide as the line")
    func latex() {
        #expect(LaTeX.escape("2λ₀T ~ χ²(2d), 15% & α, λ̂") == "2$\\lambda_0$T $\\sim$ $\\chi^2$(2d), 15\\% \\& $\\alpha$, $\\hat{\\lambda}$")
        #expect(LaTeX.escape("responses >= r, p < 1 | x") == "responses $>$= r, p $<$ 1 $|$ x")
        let tex = LaTeXRenderer.table(Table(header: ["a", "b"], rows: [["x", "1"]]))
        #expect(
            tex.contains(
                "\\begin{tabular}{@{}p{\\dimexpr 0.5000\\linewidth-1.0000\\tabcolsep\\relax}p{\\dimexpr 0.5000\\linewidth-1.0000\\tabcolsep\\relax}@{}}"
            ))
        #expect(tex.contains("\\raggedright\\hspace{0pt}x & \\raggedleft\\hspace{0pt}1 \\tabularnewline"))
    }
}
