import Foundation

/// A titled block of label–value rows: "Inputs", "Answer", "Assumptions".
public struct Section: Sendable, Equatable {
    public var title: String
    public var rows: [(label: String, value: String)]
    /// Free lines printed after the rows (warnings, notes).
    public var notes: [String]

    public init(_ title: String, rows: [(label: String, value: String)] = [], notes: [String] = []) {
        self.title = title
        self.rows = rows
        self.notes = notes
    }

    public static func == (lhs: Section, rhs: Section) -> Bool {
        lhs.title == rhs.title && lhs.notes == rhs.notes
            && lhs.rows.map(\.label) == rhs.rows.map(\.label) && lhs.rows.map(\.value) == rhs.rows.map(\.value)
    }
}

/// Lays out a command's answer the same way in every command: a title, then sections.
public enum Layout {
    /// Plain text: the title underlined, each section's rows with aligned values.
    public static func text(title: String, sections: [Section]) -> String {
        var out = title + "\n" + String(repeating: "=", count: title.count) + "\n"
        for section in sections {
            out += "\n" + section.title + "\n"
            let width = section.rows.map(\.label.count).max() ?? 0
            for row in section.rows {
                out += "  " + row.label + String(repeating: " ", count: width - row.label.count) + "  " + row.value + "\n"
            }
            for note in section.notes { out += "  " + note + "\n" }
        }
        return out
    }

    /// GitHub-flavoured Markdown: a heading, then each section as a two-column table.
    public static func markdown(title: String, sections: [Section]) -> String {
        var out = "## " + title + "\n"
        for section in sections {
            out += "\n### " + section.title + "\n\n"
            if !section.rows.isEmpty {
                out += "| | |\n|---|---|\n"
                for row in section.rows { out += "| \(escape(row.label)) | \(escape(row.value)) |\n" }
            }
            if !section.notes.isEmpty {
                if !section.rows.isEmpty { out += "\n" }
                for note in section.notes { out += "- " + note + "\n" }
            }
        }
        return out
    }

    /// LaTeX: the title as a subsection, each section as a two-column `tabular`.
    public static func latex(title: String, sections: [Section]) -> String {
        var out = "\\subsection*{" + LaTeX.escape(title) + "}\n"
        for section in sections {
            out += "\n\\paragraph{" + LaTeX.escape(section.title) + "}\n"
            if !section.rows.isEmpty {
                out += "\\begin{tabular}{ll}\n"
                for row in section.rows { out += LaTeX.escape(row.label) + " & " + LaTeX.escape(row.value) + " \\\\\n" }
                out += "\\end{tabular}\n"
            }
            if !section.notes.isEmpty {
                out += "\\begin{itemize}\n"
                for note in section.notes { out += "\\item " + LaTeX.escape(note) + "\n" }
                out += "\\end{itemize}\n"
            }
        }
        return out
    }

    /// The title and sections in `format` (JSON has its own encoders and is not handled here).
    public static func render(title: String, sections: [Section], format: OutputFormat) -> String {
        switch format {
        case .markdown: return markdown(title: title, sections: sections)
        case .latex: return latex(title: title, sections: sections)
        case .text, .json: return text(title: title, sections: sections)
        }
    }

    /// A table with a header row: aligned columns in text, a pipe table in Markdown.
    ///
    /// Text columns are right-aligned (numbers line up on their last digit) except the first
    /// `leftAligned` columns (labels, method names).
    public static func table(headers: [String], rows: [[String]], markdown: Bool = false, leftAligned: Int = 0) -> String {
        if markdown {
            var out = "| " + headers.map(escape).joined(separator: " | ") + " |\n"
            out += "|" + headers.map { _ in "---|" }.joined() + "\n"
            for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
            return out
        }
        let columns = headers.count
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.prefix(columns).enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            let text = cells.prefix(columns).enumerated().map { i, cell in
                let padding = String(repeating: " ", count: widths[i] - cell.count)
                return i < leftAligned ? cell + padding : padding + cell
            }.joined(separator: "  ")
            return (leftAligned > 0 ? String(text.reversed().drop { $0 == " " }.reversed()) : text) + "\n"
        }
        return line(headers) + rows.map(line).joined()
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
