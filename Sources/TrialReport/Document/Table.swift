/// A results table with a header row: methods side by side, the posterior by dose level,
/// attained error rates by n. Cells are formatted text (through ``NumberFormat``); each
/// column is aligned as text (left) or as numbers (right, so digits line up).
public struct Table: Sendable, Equatable {
    /// How a column's cells sit: left for text, right for numbers so their digits line up.
    public enum Alignment: Sendable, Equatable {
        case left, right
    }

    /// The column titles, one per column.
    public var header: [String]
    /// Each row has one cell per header.
    public var rows: [[String]]
    /// Lines under the table: "* the true MTD".
    public var footnotes: [String]
    /// One per column.
    public var alignment: [Alignment]

    /// A table; `alignment` defaults to right for columns whose every cell reads as a number
    /// (``isNumeric(_:)``) and left for the others.
    public init(header: [String], rows: [[String]], footnotes: [String] = [], alignment: [Alignment]? = nil) {
        precondition(rows.allSatisfy { $0.count == header.count }, "every row needs \(header.count) cells")
        precondition(alignment == nil || alignment!.count == header.count, "one alignment per column")
        self.header = header
        self.rows = rows
        self.footnotes = footnotes
        self.alignment =
            alignment
            ?? header.indices.map { column in
                !rows.isEmpty && rows.allSatisfy { Self.isNumeric($0[column]) } ? .right : .left
            }
    }

    /// Whether `cell` reads as a number: "0.8094", "30", "15.4%", "(4%, 35%)", "0.06*", "-", "1/10".
    public static func isNumeric(_ cell: String) -> Bool {
        if cell == "-" { return true }
        let stripped = cell.filter { !" %(),−-–≤≥<>=*/±".contains($0) }
        return !stripped.isEmpty && stripped.allSatisfy { $0.isNumber || $0 == "." || $0 == "e" }
    }

    /// Each column's share of the line (fractions adding to 1) for a table as wide as the text:
    /// a column's weight is its longest cell (counted up to 24 characters) or its longest word
    /// plus two, whichever is larger, so short numeric columns stay narrow and text wraps.
    /// The LaTeX and Word renderers both size columns this way.
    public func columnShares() -> [Double] {
        let weights = header.indices.map { column -> Double in
            let cells = rows.map { $0[column] }
            let longestCell = cells.map(\.count).max() ?? 0
            let longestWord = (cells + [header[column]]).flatMap { $0.split(separator: " ") }.map(\.count).max() ?? 1
            return Double(max(longestWord + 2, min(longestCell, 24) + 1))  // +2: a short word needs room for wide letters
        }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Each column's share of `available` points (fractions adding to 1): first the room its
    /// longest word needs (a column cannot break a word), the rest in ``columnShares()``'s
    /// proportions. Word widths are estimated for a 9 pt Computer Modern face (capitals 6.8 pt,
    /// other letters and digits 4.5 pt, punctuation 2.6 pt) times `scale`, plus `padding` points.
    public func columnShares(available: Double, scale: Double, padding: Double = 1) -> [Double] {
        let minimum = longestWordWidths().map { $0 * scale + padding }
        let spare = max(0, available - minimum.reduce(0, +))
        return zip(minimum, columnShares()).map { ($0 + spare * $1) / max(available, minimum.reduce(0, +)) }
    }

    /// The estimated width, in points at 9 pt, of each column's longest word (header included).
    public func longestWordWidths() -> [Double] {
        header.indices.map { column in
            (rows.map { $0[column] } + [header[column]]).flatMap { $0.split(separator: " ") }.map(Self.wordWidth).max() ?? 0
        }
    }

    static func wordWidth(_ word: Substring) -> Double {
        word.reduce(0) { sum, character in
            sum + (character.isUppercase ? 6.8 : character.isLetter || character.isNumber ? 4.5 : 2.6)
        }
    }
}
