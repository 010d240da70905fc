import Foundation
import Testing
import TrialDesign
import ZIPFoundation

@testable import TrialReport

/// `--report FILE.docx`: the Word package holds every part Word needs, every XML part is
/// well-formed, the content is the HTML page's (sections, tables, figures, justification,
/// references), user text cannot break the markup, and the bytes are the same on every run.
/// scripts/check-docx.py reads every command's document with python-docx, independently.
@Suite("Word document")
struct WordDocumentTests {
    static func seedDocument() throws -> (WordDocument, Document) {
        let report = try HTMLReportTests.seedReport()
        let document = try report.fullDocument(justification: try report.justification())
        return (try report.wordDocument(justification: try report.justification(), generator: "trialsize tests"), document)
    }

    /// The archive's parts by path.
    static func parts(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }

    @Test("the package has Word's parts and every XML part is well-formed")
    func package() throws {
        let parts = try Self.parts(try Self.seedDocument().0.data())
        for required in [
            "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
            "word/styles.xml", "word/numbering.xml", "docProps/core.xml",
        ] {
            #expect(parts[required] != nil, "missing \(required)")
        }
        for (path, bytes) in parts where path.hasSuffix(".xml") || path.hasSuffix(".rels") || path.hasSuffix(".svg") {
            let (error, _) = XMLCheck.parse(String(decoding: bytes, as: UTF8.self))
            #expect(error == nil, "\(path): \(error ?? "")")
        }
        // Every picture's relationship ids name a part that exists.
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        let relationships = XMLCheck.parse(String(decoding: try #require(parts["word/_rels/document.xml.rels"]), as: UTF8.self)).check
        let targets = Dictionary(uniqueKeysWithValues: relationships.attributes.compactMap { a in a["Id"].map { ($0, a["Target"] ?? "") } })
        let embedded = XMLCheck.parse(document).check.attributes.compactMap { $0["r:embed"] }
        #expect(embedded.count == 4, "two figures, each named by a:blip and by Office's svgBlip")
        for id in embedded {
            let target = try #require(targets[id], "no relationship \(id)")
            #expect(parts["word/" + target] != nil, "\(id) -> \(target) is not in the package")
        }
    }

    @Test("the content is the page's: sections, tables, figures, justification, references")
    func content() throws {
        let (word, document) = try Self.seedDocument()
        let xml = String(decoding: try #require(try Self.parts(try word.data())["word/document.xml"]), as: UTF8.self)
        let check = XMLCheck.parse(xml).check
        let styles = check.attributes.compactMap { $0["w:val"] }
        // One Heading 1 per section, plus Justification and References.
        let headings = zip(check.elements, check.attributes).filter { $0.0 == "w:pStyle" && $0.1["w:val"] == "Heading1" }.count
        #expect(headings == document.allSections.count + 2)
        for section in document.allSections { #expect(xml.contains(">\(WordXML.escape(section.title))<")) }
        // Every label and value of every row, every table cell, every note is there.
        for block in document.allSections.flatMap(\.blocks) {
            switch block {
            case let .rows(rows):
                for row in rows { #expect(xml.contains(WordXML.escape(row.value)), "missing \(row.value)") }
            case let .table(table):
                for cell in table.header + table.rows.joined() {
                    #expect(xml.contains(">\(WordXML.escape(cell))<"), "missing cell \(cell)")
                }
            case let .notes(notes):
                for note in notes { #expect(xml.contains(WordXML.escape(note)), "missing note \(note)") }
            case .paragraph, .figure:
                break
            }
        }
        let justification = try #require(document.justification)
        #expect(styles.filter { $0 == "Reference" }.count == justification.references.count)
        #expect(styles.filter { $0 == "Caption" }.count == document.figures.count)
        #expect(check.elements.filter { $0 == "w:tbl" }.count >= 2)
        #expect(check.elements.contains("w:tblHeader"), "a results table repeats its header row on each page")
    }

    @Test(
        "text a user typed cannot break the markup",
        arguments: [
            "<script>alert(1)</script>", "a & b \"quoted\" 'single'", "]]><w:p/>", "bell \u{7} and null \u{0} tab\tend",
            "line one\nline two",
        ])
    func hostileText(_ text: String) throws {
        let document = Document(
            title: text, subtitle: text, sections: [DocumentSection(text, rows: [Row(text, text)], notes: [text])],
            warnings: [text], appendix: [DocumentSection(text, [.table(Table(header: [text], rows: [[text]]))])])
        let parts = try Self.parts(try WordDocument(document, generator: text).data())
        for (path, bytes) in parts where path.hasSuffix(".xml") {
            let xml = String(decoding: bytes, as: UTF8.self)
            let (error, check) = XMLCheck.parse(xml)
            #expect(error == nil, "\(path): \(error ?? "")")
            #expect(!check.elements.contains("script"))
            #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
        }
    }

    @Test("the same report gives the same bytes")
    func deterministic() throws {
        let (word, _) = try Self.seedDocument()
        #expect(try word.data() == word.data())
    }

    @Test("a picture keeps its SVG's proportions, at most 6 inches wide")
    func pictureSize() {
        #expect(WordPackage.size(ofSVG: "<?xml version=\"1.0\"?><svg xmlns=\"x\" width=\"720\" height=\"450\">") == (720, 450))
        #expect(WordPackage.size(ofSVG: "<svg viewBox=\"0 0 1 1\">") == (640, 400))
    }
}
