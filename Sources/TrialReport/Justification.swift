import Foundation

/// A paragraph for a protocol or grant, with the numbered references it cites.
///
/// Each design renders its paragraph from its own Mustache template (`Templates/<name>.mustache`),
/// citing references through a ``ReferenceList`` so the numbers in the text match the list.
/// `--template FILE` swaps the shipped template for the user's own (``TemplateChoice/user(_:)``),
/// rendered against the same context.
///
/// ```swift
/// var references = ReferenceList()
/// let context: [String: Any] = ["events": 26, "cite_exact": references.cite(.epsteinSobel)]
/// let text = try Justification(using: .shipped("survival"), context: context, references: references)
///     .render(.markdown)
/// ```
public struct Justification: Sendable, Equatable, Encodable {
    /// The text as the template left it (blank lines between paragraphs).
    public let paragraph: String
    /// The full citations, in the order they are numbered.
    public let references: [String]
    /// The references' keys, for LaTeX's `\bibitem` labels.
    let referenceKeys: [String]

    enum CodingKeys: String, CodingKey { case paragraph, references }

    /// A paragraph already rendered, citing the references in `references` (the numbers in the text
    /// must match the list's order). Each line is trimmed of spaces, blank lines at either end are
    /// dropped and runs of blank lines are folded into one.
    public init(paragraph: String, references: ReferenceList) {
        self.paragraph = paragraph.trimmingWhitespace()
        self.references = references.cited.map(\.citation)
        self.referenceKeys = references.cited.map(\.key)
    }

    /// Renders the shipped template `template` with `context`, which the template reads;
    /// `references` must hold every reference the context cites.
    /// The context also holds `references` (the numbered list the shared `references` partial
    /// renders) unless it has its own.
    public init(template: String, context: [String: Any], references: ReferenceList) throws {
        self.init(paragraph: try TemplateLibrary.render(template, Self.withReferences(context, references)), references: references)
    }

    /// Renders the shipped template or the user's `--template` file with `context`.
    ///
    /// - Throws: ``TemplateLibrary/TemplateError`` for a broken shipped template (a bug);
    ///   `InvalidInput` for a user's template that does not parse or names a variable the
    ///   context lacks (exit 64 on the command line).
    public init(using choice: TemplateChoice, context: [String: Any], references: ReferenceList) throws {
        switch choice {
        case .shipped(let name):
            try self.init(template: name, context: context, references: references)
        case .user(let template):
            self.init(paragraph: try template.render(Self.withReferences(context, references)), references: references)
        }
    }

    /// `context` with `references` added when it has none.
    static func withReferences(_ context: [String: Any], _ references: ReferenceList) -> [String: Any] {
        var context = context
        if context["references"] == nil { context["references"] = references.context }
        return context
    }

    /// How LaTeX output lists the references.
    public enum LaTeXReferenceStyle: Sendable {
        /// `\begin{enumerate}` with items labelled [1], [2]…: pastes into any document.
        case enumerate
        /// `\begin{thebibliography}` with `\bibitem`s keyed by the references' keys: a
        /// standalone document's own bibliography, numbered in the same order.
        case thebibliography
    }

    /// The paragraph and its reference list in `format` (JSON callers encode the value itself;
    /// `.json` gives the text rendering).
    ///
    /// Text is filled to `width` columns with hanging-indented references; Markdown and LaTeX
    /// put each paragraph on one line (their renderers reflow), with special characters escaped.
    public func render(
        _ format: OutputFormat, width: Int = TextWrap.defaultWidth,
        latexReferences: LaTeXReferenceStyle = .enumerate
    ) -> String {
        let paragraphs = TextWrap.paragraphs(paragraph)
        let numbered = references.enumerated().map { (number: $0.offset + 1, citation: $0.element) }
        switch format {
        case .markdown:
            var out = paragraphs.map(Self.markdownEscape).joined(separator: "\n\n") + "\n"
            if !numbered.isEmpty {
                out +=
                    "\n**References**\n\n" + numbered.map { "\($0.number). \(Self.markdownEscape($0.citation))" }.joined(separator: "\n")
                    + "\n"
            }
            return out
        case .latex:
            var out = paragraphs.map(LaTeX.escape).joined(separator: "\n\n") + "\n"
            guard !numbered.isEmpty else { return out }
            switch latexReferences {
            case .enumerate:
                out +=
                    "\n\\begin{enumerate}\n"
                    + numbered.map { "\\item[{[\($0.number)]}] " + LaTeX.escape($0.citation) }.joined(separator: "\n")
                    + "\n\\end{enumerate}\n"
            case .thebibliography:
                let widest = String(repeating: "9", count: String(numbered.count).count)
                out +=
                    "\n\\begin{thebibliography}{\(widest)}\n"
                    + zip(numbered, referenceKeys).map { "\\bibitem{\(Self.bibliographyKey($1))} " + LaTeX.escape($0.citation) }
                    .joined(separator: "\n")
                    + "\n\\end{thebibliography}\n"
            }
            return out
        case .text, .json:
            var out = TextWrap.fill(paragraph, width: width) + "\n"
            if !numbered.isEmpty {
                out +=
                    "\nReferences\n"
                    + numbered.map { reference in
                        let label = "[\(reference.number)] "
                        return TextWrap.fill(
                            reference.citation, width: width, indent: label,
                            hangingIndent: String(repeating: " ", count: label.count))
                    }.joined(separator: "\n") + "\n"
            }
            return out
        }
    }

    /// Escapes the characters Markdown would read as emphasis or code: `*`, `_`, `` ` `` and `\`.
    static func markdownEscape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\*_`".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A `\bibitem` key: letters, digits, '-' and ':' only.
    static func bibliographyKey(_ key: String) -> String {
        let kept = key.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ":") }
        return kept.isEmpty ? "ref" : kept
    }
}

/// Which template a justification is rendered from.
public enum TemplateChoice: Sendable {
    /// A template shipped in `Templates/`, by name without `.mustache`.
    case shipped(String)
    /// The user's own file, from `--template FILE`.
    case user(UserTemplate)
}

extension String {
    /// The string without leading and trailing spaces and newlines, and with runs of blank
    /// lines that templates leave behind folded into one.
    func trimmingWhitespace() -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        var out: [String] = []
        for line in lines where !(line.isEmpty && out.last?.isEmpty == true) { out.append(line) }
        return out.joined(separator: "\n")
    }
}
