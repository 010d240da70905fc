/// The pieces of WordprocessingML (ECMA-376 Part 1, §17) that a ``WordDocument`` is written in:
/// paragraphs, runs, tables and inline pictures, as XML text.
///
/// Every string a user or a design supplied goes through ``escape(_:)``: the five XML
/// specials become entities and characters XML 1.0 forbids (C0 controls other than tab and
/// newline) are dropped, so no input can break the document's markup.
enum WordXML {
    /// `text` safe inside an element or a double-quoted attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0 allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
                let value = scalar.value
                if value >= 0x20 && value != 0xFFFE && value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Character formatting of a run.
    struct RunStyle: OptionSet {
        let rawValue: Int
        static let bold = RunStyle(rawValue: 1)
        static let small = RunStyle(rawValue: 2)
    }

    /// One run of text; a newline in `text` becomes a line break (`w:br`), a tab a `w:tab`.
    static func run(_ text: String, _ style: RunStyle = []) -> String {
        var properties = ""
        if style.contains(.bold) { properties += "<w:b/>" }
        if style.contains(.small) { properties += "<w:sz w:val=\"18\"/>" }
        let pieces = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            "<w:t xml:space=\"preserve\">" + escape(String(line)).replacingTabs() + "</w:t>"
        }
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + pieces.joined(separator: "<w:br/>") + "</w:r>"
    }

    /// A paragraph of one run in the named paragraph style (`Title`, `Heading1`, `ListBullet`…).
    static func paragraph(
        _ text: String, style: String? = nil, run runStyle: RunStyle = [], alignment: String? = nil,
        keepWithNext: Bool = false
    ) -> String {
        paragraph(runs: run(text, runStyle), style: style, alignment: alignment, keepWithNext: keepWithNext)
    }

    /// A paragraph of runs already written.
    static func paragraph(runs: String, style: String? = nil, alignment: String? = nil, keepWithNext: Bool = false) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepWithNext { properties += "<w:keepNext/>" }
        if let alignment { properties += "<w:jc w:val=\"\(alignment)\"/>" }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs + "</w:p>"
    }

    /// A table as wide as the text: `widths` are the columns' shares (fractions adding to 1) of
    /// the width their cell margins leave;
    /// each cell a paragraph aligned left or right. With `header`, the first row is bold,
    /// ruled below and repeated at the top of each page; `ruled` draws rules above and below
    /// the table (a results table), otherwise it has no lines (label–value rows).
    static func table(header: [String]?, rows: [[String]], widths: [Double], rightAligned: [Bool], ruled: Bool) -> String {
        // Each column is its cell margins (60 twips a side) plus its share of what the margins leave
        // of a 6.5-inch (9,360-twip) text width; Word takes the pct widths, LibreOffice the grid.
        let total = 5000  // fiftieths of a percent: 5000 is the text width
        let content = Double(9360 - 120 * widths.count)
        let twips = widths.map { Int((120 + $0 * content).rounded()) }
        let shares = twips.map { Int((Double($0) / 9360 * Double(total)).rounded()) }
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"\(total)\" w:type=\"pct\"/><w:tblLayout w:type=\"autofit\"/>"
        let rule = ruled ? "single" : "nil"
        out += "<w:tblBorders><w:top w:val=\"\(rule)\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>"
        out += "<w:bottom w:val=\"\(rule)\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>"
        out += "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/><w:left w:val=\"nil\"/><w:right w:val=\"nil\"/></w:tblBorders>"
        out += "<w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar>"
        out +=
            "<w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
        out += "</w:tblPr><w:tblGrid>"
        out += twips.map { "<w:gridCol w:w=\(quoted($0))/>" }.joined()
        out += "</w:tblGrid>"
        func row(_ cells: [String], isHeader: Bool) -> String {
            var xml = "<w:tr>" + (isHeader ? "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>")
            for (index, cell) in cells.enumerated() {
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(shares[index])\" w:type=\"pct\"/>"
                if isHeader { xml += "<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>" }
                xml += "</w:tcPr>"
                xml += paragraph(
                    cell, style: "TableText", run: isHeader ? .bold : [],
                    alignment: rightAligned[index] ? "right" : nil)
                xml += "</w:tc>"
            }
            return xml + "</w:tr>"
        }
        if let header { out += row(header, isHeader: true) }
        out += rows.map { row($0, isHeader: false) }.joined()
        return out + "</w:tbl>"
    }

    /// An SVG picture inline in its own centred paragraph, `width` × `height` in EMU (914,400
    /// per inch); `svg` is the relationship id of the image part. Word 2016 and later read it
    /// through Office's `asvg:svgBlip` extension; LibreOffice reads the SVG that the plain
    /// `a:blip` names (where Word writes a PNG copy: trialsize has no rasteriser, so Word 2013
    /// and earlier cannot show the plot).
    static func picture(id: Int, name: String, description: String, width: Int, height: Int, svg: String) -> String {
        let extent = "cx=\"\(width)\" cy=\"\(height)\""
        var out = "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/><w:keepNext/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"
        out += "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent \(extent)/>"
        out += "<wp:docPr id=\"\(id)\" name=\"\(escape(name))\" descr=\"\(escape(description))\"/>"
        out += "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
        out += "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
        out += "<pic:nvPicPr><pic:cNvPr id=\"\(id)\" name=\"\(escape(name))\"/><pic:cNvPicPr/></pic:nvPicPr>"
        out += "<pic:blipFill><a:blip r:embed=\"\(svg)\"><a:extLst>"
        out += "<a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip r:embed=\"\(svg)\"/></a:ext>"
        out += "</a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        out +=
            "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext \(extent)/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
        out += "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        return out
    }

    static func quoted(_ value: Int) -> String { "\"\(value)\"" }
}

extension String {
    /// Tabs inside a `w:t` become `w:tab` elements (Word ignores a literal tab character).
    fileprivate func replacingTabs() -> String {
        contains("\t")
            ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "</w:t><w:tab/><w:t xml:space=\"preserve\">")
            : self
    }
}
