import Foundation

/// One self-contained HTML page for a design: inputs, results, plots, the justification and
/// its references. Inline CSS (with print rules) and inline SVG, no scripts, no external
/// files, so it opens offline in any browser and prints cleanly.
///
/// The page is the shipped template `report-html` (Templates/report-html.mustache); every
/// text is HTML-escaped by the template, the SVG is inserted as markup. The page is also
/// well-formed XML (void elements are self-closed), which the tests check.
///
/// ```swift
/// let page = try report.page(justification: try report.justification(), generator: "trialsize 0.1.0")
/// let html = try page.render()   // the page as one string, ready to write to a file
/// ```
public struct HTMLReport: Sendable {
    /// The report: its sections (rows, notes, tables, figures), warnings and justification.
    public var document: Document
    /// Named in the footer and the generator meta tag: "trialsize 0.1.0".
    public var generator: String

    /// The page for `document`, usually ``DesignReporting/fullDocument(justification:)``'s, naming
    /// `generator` in its footer.
    public init(_ document: Document, generator: String = "trialsize") {
        self.document = document
        self.generator = generator
    }

    /// The page.
    ///
    /// - Throws: ``ChartError`` for a chart that cannot be drawn, or
    ///   ``TemplateLibrary/TemplateError`` if the shipped page template is broken (a bug).
    public func render() throws -> String {
        try TemplateLibrary.render("report-html", context())
    }

    /// The page cut in two for a front end that shows the report inside its own page
    /// (`trialsize serve`): the style sheet (the contents of `<style>`) and the report itself
    /// (the contents of `<main>`: header, sections, justification, footer), rendered by the same
    /// template and so escaped the same way.
    public func parts() throws -> (style: String, main: String) {
        let page = try render()
        guard let styleOpen = page.range(of: "<style>\n"),
            let styleClose = page.range(of: "</style>", range: styleOpen.upperBound..<page.endIndex),
            let mainOpen = page.range(of: "<main>\n"), let mainClose = page.range(of: "</main>", options: .backwards)
        else {
            throw TemplateLibrary.TemplateError(template: "report-html", reason: "the page has no <style> or <main> element")
        }
        return (String(page[styleOpen.upperBound..<styleClose.lowerBound]), String(page[mainOpen.upperBound..<mainClose.lowerBound]))
    }

    /// The variables the page template reads (listed in docs/templates.md).
    public func context() throws(ChartError) -> [String: Any] {
        var figureNumber = 0
        var sections: [[String: Any]] = []
        for section in document.allSections {
            var blocks: [[String: Any]] = []
            // Every flag in every block, so the template never reads a missing variable.
            let flags: [String: Any] = [
                "is_rows": false, "is_notes": false, "is_paragraph": false, "is_table": false, "is_figure": false,
                "rows": [[String: Any]](), "notes": [String](), "text": "", "headers": [[String: Any]](),
                "has_footnotes": false, "footnotes": [String](), "id": "", "svg": "", "number": 0, "caption": "", "numeric": false,
            ]
            func add(_ context: [String: Any]) { blocks.append(flags.merging(context) { $1 }) }
            for block in section.blocks {
                switch block {
                case let .rows(rows):
                    add(["is_rows": true, "rows": rows.map { ["label": $0.label, "value": $0.value, "cells": [[String: Any]]()] }])
                case let .notes(notes):
                    add(["is_notes": true, "notes": notes])
                case let .paragraph(text):
                    add(["is_paragraph": true, "text": text])
                case let .table(table):
                    add(Self.context(of: table))
                case let .figure(figure):
                    figureNumber += 1
                    let id = "figure-\(figureNumber)"
                    add([
                        "is_figure": true, "number": figureNumber, "id": id, "svg": try figure.element(id: id),
                        "caption": figure.caption,
                    ])
                }
            }
            sections.append(["title": section.title, "slug": Self.slug(section.title), "blocks": blocks])
        }
        var context: [String: Any] = [
            "title": document.title,
            "has_subtitle": document.subtitle != nil,
            "subtitle": document.subtitle ?? "",
            "sections": sections,
            "generator": generator,
            "has_justification": document.justification != nil,
        ]
        context["justification"] =
            document.justification.map(Self.context(of:))
            ?? Self.context(of: Justification(paragraph: "", references: ReferenceList()))
        return context
    }

    static func context(of table: Table) -> [String: Any] {
        [
            "is_table": true,
            "headers": zip(table.header, table.alignment).map { ["text": $0, "numeric": $1 == .right] },
            "rows": table.rows.map { row in
                ["cells": zip(row, table.alignment).map { ["text": $0, "numeric": $1 == .right] }, "label": "", "value": ""]
            },
            "has_footnotes": !table.footnotes.isEmpty,
            "footnotes": table.footnotes,
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
