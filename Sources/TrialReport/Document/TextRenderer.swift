/// Plain text for a terminal: the title underlined, then each section: its rows with the
/// values aligned, its notes and tables indented by two spaces. Figures are left out.
public enum TextRenderer {
    /// The document as plain text: every section (the warnings and appendix included) except those
    /// made only of figures.
    public static func render(_ document: Document) -> String {
        var out = document.title + "\n" + String(repeating: "=", count: document.title.count) + "\n"
        for section in document.allSections where !section.blocks.allSatisfy(\.isFigure) {
            out += "\n" + section.title + "\n"
            for block in section.blocks { out += render(block) }
        }
        return out
    }

    static func render(_ block: Block) -> String {
        switch block {
        case let .rows(rows):
            let width = rows.map(\.label.count).max() ?? 0
            return rows.map { "  " + $0.label + String(repeating: " ", count: width - $0.label.count) + "  " + $0.value + "\n" }.joined()
        case let .notes(notes):
            return notes.map { "  " + $0 + "\n" }.joined()
        case let .paragraph(text):
            return TextWrap.fill(text, indent: "  ", hangingIndent: "  ") + "\n"
        case let .table(table):
            return lines(table).map { "  " + $0 + "\n" }.joined() + table.footnotes.map { "  " + $0 + "\n" }.joined()
        case .figure:
            return ""
        }
    }

    /// The header and rows with every column padded to its widest cell, two spaces between
    /// columns: numeric columns right-aligned (numbers line up on their last digit), text columns
    /// (method names, yes/no) left-aligned; no trailing spaces.
    public static func lines(_ table: Table) -> [String] {
        var widths = table.header.map(\.count)
        for row in table.rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            let text = cells.enumerated().map { i, cell in
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                return table.alignment[i] == .right ? padding + cell : cell + padding
            }.joined(separator: "  ")
            return String(text.reversed().drop { $0 == " " }.reversed())
        }
        return [line(table.header)] + table.rows.map(line)
    }
}

extension Block {
    var isFigure: Bool { if case .figure = self { true } else { false } }
}
