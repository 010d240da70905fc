/// GitHub-flavoured Markdown: the title as `##`, each section as `###`; label–value rows as a
/// two-column table, notes as a list, tables as GFM pipe tables (numeric columns
/// right-aligned), blocks separated by a blank line so every table parses as a table.
public enum MarkdownRenderer {
    /// The document as Markdown, every section (the warnings and appendix included) except those
    /// made only of figures.
    public static func render(_ document: Document) -> String {
        var out = "## " + escape(document.title) + "\n"
        for section in document.allSections where !section.blocks.allSatisfy(\.isFigure) {
            out += "\n### " + escape(section.title) + "\n\n"
            out += section.blocks.filter { !$0.isFigure }.map(render).joined(separator: "\n")
        }
        return out
    }

    static func render(_ block: Block) -> String {
        switch block {
        case let .rows(rows):
            return "| | |\n|---|---|\n" + rows.map { "| \(cell($0.label)) | \(cell($0.value)) |\n" }.joined()
        case let .notes(notes):
            return notes.map { "- " + escape($0) + "\n" }.joined()
        case let .paragraph(text):
            return escape(text) + "\n"
        case let .table(table):
            return self.table(table) + table.footnotes.map { "\n" + escape($0) + "\n" }.joined()
        case .figure:
            return ""
        }
    }

    /// A GFM pipe table: a header row, the delimiter row (`---:` for numeric columns), the rows.
    public static func table(_ table: Table) -> String {
        var out = "| " + table.header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + table.alignment.map { $0 == .right ? "---:|" : "---|" }.joined() + "\n"
        for row in table.rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    /// A table cell: pipes escaped, line breaks as spaces.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Free text: a leading character that would start a list, heading or quote is escaped.
    static func escape(_ text: String) -> String {
        guard let first = text.first, "*+-#>".contains(first), text.dropFirst().first == " " else { return text }
        return "\\" + text
    }
}
