/// LaTeX that compiles in a plain `article` with no extra package: the title as
/// `\subsection*`, each section as `\subsubsection*`; label–value rows and tables as `tabular`
/// environments of `p{}` columns whose widths add up to `\linewidth` (long cells wrap, nothing
/// runs into the margin); notes as `itemize`. Text goes through ``LaTeX/escape(_:)``, so Greek
/// letters, subscripts and relations are set in math mode.
public enum LaTeXRenderer {
    /// The document as a LaTeX fragment to `\input` or paste into an `article` (no preamble), every
    /// section except those made only of figures.
    public static func render(_ document: Document) -> String {
        var out = "\\subsection*{" + LaTeX.escape(document.title) + "}\n"
        for section in document.allSections where !section.blocks.allSatisfy(\.isFigure) {
            out += "\n\\subsubsection*{" + LaTeX.escape(section.title) + "}\n"
            for block in section.blocks { out += render(block) }
        }
        return out
    }

    static func render(_ block: Block) -> String {
        switch block {
        case let .rows(rows):
            // Labels take about a third of the line, values the rest (one column gap of 2\tabcolsep).
            var out = "\\noindent\\begin{tabular}{@{}" + column(0.34, gaps: 1, share: 0.34) + column(0.66, gaps: 1, share: 0.66) + "@{}}\n"
            for row in rows {
                out += "\\raggedright " + LaTeX.escape(row.label) + " & \\raggedright " + LaTeX.escape(row.value) + " \\tabularnewline\n"
            }
            return out + "\\end{tabular}\n"
        case let .notes(notes):
            return "\\begin{itemize}\n" + notes.map { "\\item " + LaTeX.escape($0) + "\n" }.joined() + "\\end{itemize}\n"
        case let .paragraph(text):
            return "\n" + LaTeX.escape(text) + "\n\n"
        case let .table(table):
            return self.table(table)
        case .figure:
            return ""
        }
    }

    /// A `tabular` as wide as the line: each column a `p{}` whose share of `\linewidth` grows
    /// with its longest word and cell, so short numeric columns stay narrow and text wraps.
    /// Numeric columns are set flush right. Rows end in `\tabularnewline` (which `\raggedleft`
    /// does not redefine), and the table is `\small` with narrower column gaps.
    public static func table(_ table: Table) -> String {
        let count = table.header.count
        let size = FontStep.fitting(table)
        let shares = size.shares(table)
        var out = "\\par\\smallskip\\begingroup\\\(size.command)\\setlength{\\tabcolsep}{\(size.columnGap)pt}\n"
        out += "\\noindent\\begin{tabular}{@{}" + shares.map { column($0, gaps: count - 1, share: $0) }.joined() + "@{}}\n\\hline\n"
        func line(_ cells: [String]) -> String {
            zip(cells, table.alignment).map { cell, alignment in
                // \hspace{0pt} lets TeX hyphenate a cell's first word when a narrow column needs it.
                (alignment == .right ? "\\raggedleft\\hspace{0pt}" : "\\raggedright\\hspace{0pt}") + LaTeX.escape(cell)
            }.joined(separator: " & ") + " \\tabularnewline\n"
        }
        out += line(table.header) + "\\hline\n"
        out += table.rows.map(line).joined()
        out += "\\hline\n\\end{tabular}\\par\n"
        out += table.footnotes.map { "\\smallskip\\noindent " + LaTeX.escape($0) + "\\par\n" }.joined()
        return out + "\\endgroup\n"
    }

    /// The type size of a table: `\\small`, or a step or two smaller when its longest words
    /// (which a column cannot break) would not fit side by side in a plain article's 345 pt line
    /// (widths estimated by ``Table/longestWordWidths()``, gaps between columns included).
    enum FontStep: CaseIterable {
        case small, footnote, script

        var command: String { self == .small ? "small" : self == .footnote ? "footnotesize" : "scriptsize" }
        var scale: Double { self == .small ? 1 : self == .footnote ? 8 / 9 : 6.5 / 9 }
        var columnGap: Int { self == .small ? 4 : 3 }

        /// A plain article's text width, in points.
        static let line = 345.0

        static func fitting(_ table: Table) -> FontStep {
            let words = table.longestWordWidths()
            return allCases.first { step in words.reduce(0, +) * step.scale + step.gaps(words.count) <= line } ?? .script
        }

        /// Each column's share of the line less its gaps, at this size.
        func shares(_ table: Table) -> [Double] {
            table.columnShares(available: Self.line - gaps(table.header.count), scale: scale)
        }

        func gaps(_ columns: Int) -> Double { Double((columns - 1) * 2 * columnGap) }
    }

    /// `p{share·\linewidth − share·gaps·2\tabcolsep}`: the columns' widths and their gaps add up to `\linewidth`.
    static func column(_ fraction: Double, gaps: Int, share: Double) -> String {
        let f = NumberFormat.fixed(fraction, 4)
        return "p{\\dimexpr \(f)\\linewidth-\(NumberFormat.fixed(share * Double(gaps) * 2, 4))\\tabcolsep\\relax}"
    }
}
