/// A titled table printed after a report's sections (the sawtooth table, the admissible designs,
/// every interval method): aligned text, a Markdown pipe table or a LaTeX `tabular`.
enum TableBlock {
    static func render(title: String, headers: [String], rows: [[String]], format: OutputFormat) -> String {
        switch format {
        case .markdown:
            return "\n### " + title + "\n\n" + Layout.table(headers: headers, rows: rows, markdown: true)
        case .latex:
            let columns = String(repeating: "r", count: headers.count)
            return "\n\\paragraph{" + LaTeX.escape(title) + "}\n\\begin{tabular}{" + columns + "}\n"
                + headers.map(LaTeX.escape).joined(separator: " & ") + " \\\\\n"
                + rows.map { $0.map(LaTeX.escape).joined(separator: " & ") + " \\\\\n" }.joined() + "\\end{tabular}\n"
        case .text, .json:
            return "\n" + title + "\n" + Layout.table(headers: headers, rows: rows).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
    }
}
