/// A results table with a header row: methods side by side, a design's stages, CRM
/// selection by dose. Rendered as aligned text, a Markdown pipe table, a LaTeX `tabular`,
/// or a row of an HTML report.
public struct LegacyTable: Sendable, Equatable {
    /// The heading above the table: "Methods compared".
    public var title: String
    public var headers: [String]
    /// Each row has one cell per header.
    public var rows: [[String]]
    /// Free lines after the table (footnotes).
    public var notes: [String]

    public init(_ title: String, headers: [String], rows: [[String]], notes: [String] = []) {
        precondition(rows.allSatisfy { $0.count == headers.count }, "every row of \(title) needs \(headers.count) cells")
        self.title = title
        self.headers = headers
        self.rows = rows
        self.notes = notes
    }

    /// The table in `format`: text and JSON give aligned text.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .markdown:
            return "### " + title + "\n\n" + Layout.table(headers: headers, rows: rows, markdown: true)
                + notes.map { "\n" + $0 }.joined() + (notes.isEmpty ? "" : "\n")
        case .latex:
            let columns = "l" + String(repeating: "r", count: max(0, headers.count - 1))
            var out = "\\paragraph{" + LaTeX.escape(title) + "}\n\\begin{tabular}{" + columns + "}\n\\hline\n"
            out += headers.map(LaTeX.escape).joined(separator: " & ") + " \\\\\n\\hline\n"
            for row in rows { out += row.map(LaTeX.escape).joined(separator: " & ") + " \\\\\n" }
            out += "\\hline\n\\end{tabular}\n"
            for note in notes { out += "\n" + LaTeX.escape(note) + "\n" }
            return out
        case .text, .json:
            let indented = Layout.table(headers: headers, rows: rows, leftAligned: 1).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            return title + "\n" + indented + "\n" + notes.map { "  " + $0 + "\n" }.joined()
        }
    }

    /// Whether `cell` reads as a number (right-aligned in HTML): "0.8094", "30", "15.4%", "(4%, 35%)".
    static func isNumeric(_ cell: String) -> Bool {
        let stripped = cell.filter { !" %(),−-–≤≥<>=".contains($0) }
        return !stripped.isEmpty && stripped.allSatisfy { $0.isNumber || $0 == "." || $0 == "e" }
    }
}
