import Foundation

/// A design's report as a Word document (`.docx`, Office Open XML, ECMA-376): the same
/// content as the HTML page (``HTMLReport``) — inputs, method, answer, assumptions, tables,
/// warnings, plots, the justification paragraph and its numbered references — in Word's
/// own paragraph and table styles, so a grant writer can paste any part into a protocol
/// and it takes on the protocol's styles.
///
/// Section titles use Word's built-in `Heading 1`, notes `List Bullet`, the justification
/// `Normal` and the references a numbered list "[1]", "[2]". Tables are real Word tables
/// (a bold header row repeated on each page, numeric columns flush right). Plots are SVG
/// pictures, which Word 2016 or later and LibreOffice display; Word 2013 and earlier cannot
/// (use the `--plot` SVG files there).
///
/// The package is deterministic: the same document gives the same bytes (every part is
/// dated 1 January 1980 and `docProps/core.xml` carries no date), so a report can be
/// compared or checked into a protocol's repository.
///
/// ```swift
/// let word = try report.wordDocument(justification: try report.justification(), generator: "trialsize 0.1.0")
/// try word.data().write(to: URL(fileURLWithPath: "seed.docx"))
/// ```
public struct WordDocument: Sendable {
    /// The report: sections, warnings, figures, justification.
    public let document: Document
    /// "trialsize 0.1.0": named in the document's properties and its last line.
    public let generator: String

    /// The Word document for `document`, usually ``DesignReporting/fullDocument(justification:)``'s,
    /// naming `generator` in its properties and last line.
    public init(_ document: Document, generator: String) {
        self.document = document
        self.generator = generator
    }

    /// The `.docx` file's bytes.
    ///
    /// - Throws: ``ChartError`` for a chart that cannot be drawn, or `WordPackage.PackageError`
    ///   if the zip archive cannot be written (a bug; nothing here touches the file system).
    public func data() throws -> Data {
        var package = WordPackage(title: document.title, generator: generator)
        package.body = try body(adding: &package)
        return try package.archive()
    }

    /// The `w:body` content: every part of the page in reading order.
    func body(adding package: inout WordPackage) throws(ChartError) -> String {
        var out = WordXML.paragraph(document.title, style: "Title")
        if let subtitle = document.subtitle { out += WordXML.paragraph(subtitle, style: "Subtitle") }
        var figureNumber = 0
        for section in document.allSections {
            out += WordXML.paragraph(section.title, style: "Heading1", keepWithNext: true)
            for block in section.blocks {
                switch block {
                case let .rows(rows):
                    out += WordXML.table(
                        header: nil, rows: rows.map { [$0.label, $0.value] }, widths: [0.36, 0.64],
                        rightAligned: [false, false], ruled: false)
                case let .notes(notes):
                    out += notes.map { WordXML.paragraph($0, style: "ListBullet") }.joined()
                case let .paragraph(text):
                    out += WordXML.paragraph(text)
                case let .table(table):
                    out += WordXML.table(
                        header: table.header, rows: table.rows, widths: Self.columnShares(table),
                        rightAligned: table.alignment.map { $0 == .right }, ruled: true)
                    out += table.footnotes.map { WordXML.paragraph($0, style: "TableNote") }.joined()
                case let .figure(figure):
                    figureNumber += 1
                    out += try package.addPicture(figure, number: figureNumber)
                    out += WordXML.paragraph("Figure \(figureNumber). " + figure.caption, style: "Caption")
                }
            }
        }
        if let justification = document.justification {
            out += WordXML.paragraph("Justification", style: "Heading1", keepWithNext: true)
            out += TextWrap.paragraphs(justification.paragraph).map { WordXML.paragraph($0) }.joined()
            if !justification.references.isEmpty {
                out += WordXML.paragraph("References", style: "Heading1", keepWithNext: true)
                out += justification.references.map { WordXML.paragraph($0, style: "Reference") }.joined()
            }
        }
        out += WordXML.paragraph(
            "Made by \(generator). Every number in this document was computed by that program from the inputs above.",
            style: "MadeBy")
        return out
    }

    /// A table's column shares on a Letter page's 6.5-inch (468 pt) text width, less 6 pt of
    /// cell margins per column, for 10 pt Calibri (about 5% wider than the estimate's 9 pt face,
    /// with 4 pt to spare: LibreOffice wraps a word that fits with less).
    static func columnShares(_ table: Table) -> [Double] {
        table.columnShares(available: 468 - 6 * Double(table.header.count), scale: 1.1, padding: 4)
    }
}
