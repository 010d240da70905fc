import Foundation
import ZIPFoundation

/// The parts of a `.docx` package (ECMA-376 Part 2, Open Packaging Conventions) and the zip
/// archive that holds them: content types, relationships, the document body, styles, the
/// numbering of bullets and references, core properties, and the pictures.
struct WordPackage {
    /// A zip archive that could not be written in memory (a bug: nothing touches the disk).
    struct PackageError: Error, CustomStringConvertible {
        let reason: String
        var description: String { "could not write the Word document: \(reason)" }
    }

    let title: String
    let generator: String
    /// The content of `w:body` (``WordDocument/body(adding:)``).
    var body = ""
    /// Image parts under `word/media/`, with their relationship ids.
    private(set) var media: [(path: String, id: String, bytes: Data)] = []

    init(title: String, generator: String) {
        self.title = title
        self.generator = generator
    }

    /// Adds a figure's SVG and returns its paragraph. The picture is 6 inches wide at most, its
    /// height in the SVG's proportions.
    mutating func addPicture(_ figure: Figure, number: Int) throws(ChartError) -> String {
        let svg = try figure.svg()
        let id = "rIdFigure\(number)"
        media.append(("media/figure\(number).svg", id, Data(svg.utf8)))
        let (width, height) = Self.size(ofSVG: svg)
        let emuWidth = min(6 * 914_400, Int(width * 9525))  // 9,525 EMU per CSS pixel (96 per inch)
        let emuHeight = Int(Double(emuWidth) * height / width)
        return WordXML.picture(
            id: number, name: "Figure \(number)", description: figure.caption,
            width: emuWidth, height: emuHeight, svg: id)
    }

    /// The `width` and `height` attributes of the root `<svg>` element, in pixels (640 × 400 when absent).
    static func size(ofSVG svg: String) -> (Double, Double) {
        guard let start = svg.range(of: "<svg") else { return (640, 400) }
        let tag = svg[start.lowerBound...].prefix { $0 != ">" }
        func attribute(_ name: String) -> Double? {
            guard let range = tag.range(of: " \(name)=\"") else { return nil }
            let value = tag[range.upperBound...].prefix { $0 != "\"" }
            return Double(value.filter { $0.isNumber || $0 == "." }).flatMap { $0 > 0 ? $0 : nil }
        }
        return (attribute("width") ?? 640, attribute("height") ?? 400)
    }

    /// The zip archive, every part deflated and dated 1 January 1980 (the same bytes each time).
    func archive() throws -> Data {
        let parts: [(String, Data)] =
            [
                ("[Content_Types].xml", Data(contentTypes.utf8)),
                ("_rels/.rels", Data(Self.packageRelationships.utf8)),
                ("docProps/core.xml", Data(coreProperties.utf8)),
                ("docProps/app.xml", Data(applicationProperties.utf8)),
                ("word/document.xml", Data(documentXML.utf8)),
                ("word/_rels/document.xml.rels", Data(documentRelationships.utf8)),
                ("word/styles.xml", Data(Self.styles.utf8)),
                ("word/numbering.xml", Data(Self.numbering.utf8)),
                ("word/settings.xml", Data(Self.settings.utf8)),
            ] + media.map { ("word/" + $0.path, $0.bytes) }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let date = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the earliest a zip can date
            for (path, bytes) in parts {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw PackageError(reason: "the archive has no data") }
            return data
        } catch let error as PackageError {
            throw error
        } catch {
            throw PackageError(reason: String(describing: error))
        }
    }

    // MARK: The parts

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    var contentTypes: String {
        Self.declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
                        <Default Extension="svg" ContentType="image/svg+xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
            <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\
            <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
            </Types>
            """
    }

    static let packageRelationships =
        declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
            </Relationships>
            """

    var documentRelationships: String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var out = Self.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        out += "<Relationship Id=\"rIdStyles\" Type=\"\(base)styles\" Target=\"styles.xml\"/>"
        out += "<Relationship Id=\"rIdNumbering\" Type=\"\(base)numbering\" Target=\"numbering.xml\"/>"
        out += "<Relationship Id=\"rIdSettings\" Type=\"\(base)settings\" Target=\"settings.xml\"/>"
        out += media.map { "<Relationship Id=\"\($0.id)\" Type=\"\(base)image\" Target=\"\($0.path)\"/>" }.joined()
        return out + "</Relationships>"
    }

    var coreProperties: String {
        Self.declaration + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/">\
            <dc:title>\(WordXML.escape(title))</dc:title><dc:creator>\(WordXML.escape(generator))</dc:creator>\
            </cp:coreProperties>
            """
    }

    var applicationProperties: String {
        Self.declaration + """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
            <Application>\(WordXML.escape(generator))</Application></Properties>
            """
    }

    var documentXML: String {
        Self.declaration + """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
            xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
            xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
            xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" \
            xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main"><w:body>
            """ + body + """
                <w:sectPr><w:pgSz w:w="12240" w:h="15840"/>\
                <w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>\
                </w:sectPr></w:body></w:document>
                """
    }

    static let settings =
        declaration + """
            <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" \
            w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
            """

    /// Word's built-in style names (Title, heading 1, List Bullet, caption), so a pasted
    /// section takes on the protocol's own styles; the few of our own are based on Normal.
    static let styles =
        declaration + """
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>\
            <w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
            <w:pPr><w:spacing w:after="80"/></w:pPr><w:rPr><w:b/><w:sz w:val="34"/><w:szCs w:val="34"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
            <w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:color w:val="404040"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
            <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr>\
            <w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Reference"><w:name w:val="Reference"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="TableNote"><w:name w:val="Table Note"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:before="60" w:after="60"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Figure"><w:name w:val="Figure"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:before="120" w:after="60"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>\
            <w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:i/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="MadeBy"><w:name w:val="Made By"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="A0A0A0"/></w:pBdr><w:spacing w:before="360"/></w:pPr>\
            <w:rPr><w:color w:val="606060"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>\
            </w:styles>
            """

    /// Bullets for notes (numId 1) and "[1]", "[2]" for references (numId 2), both hanging.
    static let numbering =
        declaration + """
            <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0">\
            <w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{2022}"/><w:lvlJc w:val="left"/>\
            <w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>\
            <w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0">\
            <w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="[%1]"/><w:lvlJc w:val="left"/>\
            <w:pPr><w:ind w:left="480" w:hanging="480"/></w:pPr></w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>\
            </w:numbering>
            """
}
