/// One self-contained HTML page for a design: inputs, results, plots, the justification and
/// its references. Inline CSS (with print rules) and inline SVG, no scripts, no external
/// files, so it opens offline in any browser and prints cleanly.
///
/// The page is the shipped template `report-html` (Templates/report-html.mustache); every
/// text is HTML-escaped by the template, the SVG is inserted as markup. The page is also
/// well-formed XML (void elements are self-closed), which the tests check.
///
/// ```swift
/// let report = HTMLReport(
///     title: "Single-arm survival design",
///     sections: [inputs, answer, assumptions],
///     tables: [methods],
///     figures: [Figure(powerChart, caption: "Power against events; 27 events marked.")],
///     justification: justification)
/// try report.render()   // the page, to write with ReportOptions.write(_:to:option:)
/// ```
public struct HTMLReport: Sendable {
    public var title: String
    /// A line under the title: the question in words.
    public var subtitle: String?
    /// Label–value sections (Inputs, Method, Answer, Assumptions, Warnings), as in text output.
    public var sections: [Section]
    /// Results tables after the sections.
    public var tables: [Table]
    public var figures: [Figure]
    public var justification: Justification?
    /// Named in the footer and the generator meta tag: "trialsize 0.1.0".
    public var generator: String

    public init(
        title: String, subtitle: String? = nil, sections: [Section] = [], tables: [Table] = [],
        figures: [Figure] = [], justification: Justification? = nil, generator: String = "trialsize"
    ) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
        self.tables = tables
        self.figures = figures
        self.justification = justification
        self.generator = generator
    }

    /// The page.
    ///
    /// - Throws: ``ChartError`` for a chart that cannot be drawn, or
    ///   ``TemplateLibrary/TemplateError`` if the shipped page template is broken (a bug).
    public func render() throws -> String {
        try TemplateLibrary.render("report-html", context())
    }

    /// The variables the page template reads (listed in docs/templates.md).
    public func context() throws(ChartError) -> [String: Any] {
        var figures: [[String: Any]] = []
        for (index, figure) in self.figures.enumerated() {
            let id = "figure-\(index + 1)"
            figures.append(["number": index + 1, "id": id, "svg": try figure.element(id: id), "caption": figure.caption])
        }
        var context: [String: Any] = [
            "title": title,
            "has_subtitle": subtitle != nil,
            "subtitle": subtitle ?? "",
            "sections": sections.map(Self.context(of:)),
            "tables": tables.map(Self.context(of:)),
            "has_figures": !figures.isEmpty,
            "figures": figures,
            "generator": generator,
            "has_justification": justification != nil,
        ]
        context["justification"] = justification.map(Self.context(of:)) ?? Self.context(of: Justification(paragraph: "", references: ReferenceList()))
        return context
    }

    static func context(of section: Section) -> [String: Any] {
        [
            "title": section.title,
            "slug": slug(section.title),
            "has_rows": !section.rows.isEmpty,
            "rows": section.rows.map { ["label": $0.label, "value": $0.value] },
            "has_notes": !section.notes.isEmpty,
            "notes": section.notes,
        ]
    }

    static func context(of table: Table) -> [String: Any] {
        [
            "title": table.title,
            "headers": table.headers.enumerated().map { ["text": $0.element, "numeric": $0.offset > 0] },
            "rows": table.rows.map { row in
                ["cells": row.enumerated().map { ["text": $0.element, "numeric": $0.offset > 0 && Table.isNumeric($0.element)] }]
            },
            "has_notes": !table.notes.isEmpty,
            "notes": table.notes,
        ]
    }

    /// The paragraphs, with each citation "[n]" a link to its reference; references numbered.
    static func context(of justification: Justification) -> [String: Any] {
        let count = justification.references.count
        return [
            "paragraphs": TextWrap.paragraphs(justification.paragraph).map { ["html": linkCitations(Markup.escape($0), count: count)] },
            "has_references": count > 0,
            "references": justification.references.enumerated().map { ["number": $0.offset + 1, "citation": $0.element] },
        ]
    }

    /// `[2]` becomes `<a href="#ref-2">[2]</a>` for each reference number that exists.
    static func linkCitations(_ escaped: String, count: Int) -> String {
        var out = ""
        var rest = Substring(escaped)
        while let open = rest.firstIndex(of: "[") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "]"), let number = Int(after[..<close]), (1...max(1, count)).contains(number), count > 0 {
                out += "<a href=\"#ref-\(number)\">[\(number)]</a>"
                rest = after[after.index(after: close)...]
            } else {
                out += "["
                rest = after
            }
        }
        return out + rest
    }

    /// A CSS class from a section title: "Warnings" → "section-warnings".
    static func slug(_ title: String) -> String {
        let words = title.lowercased().split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
        return "section-" + (words.isEmpty ? "untitled" : words.joined(separator: "-"))
    }
}
