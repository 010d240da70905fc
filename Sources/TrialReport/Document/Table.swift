/// A results table with a header row: methods side by side, the posterior by dose level,
/// attained error rates by n. Cells are formatted text (through ``NumberFormat``); each
/// column is aligned as text (left) or as numbers (right, so digits line up).
public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable {
        case left, right
    }

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
}
