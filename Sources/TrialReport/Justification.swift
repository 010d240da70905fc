import Foundation

/// A paragraph for a protocol or grant, with the numbered references it cites.
///
/// Each design renders its paragraph from its own Mustache template (`Templates/<name>.mustache`),
/// citing references through a ``ReferenceList`` so the numbers in the text match the list.
public struct Justification: Sendable, Equatable, Encodable {
    public let paragraph: String
    public let references: [String]

    public init(paragraph: String, references: ReferenceList) {
        self.paragraph = paragraph.trimmingWhitespace()
        self.references = references.cited.map(\.citation)
    }

    /// Renders the shipped template `template` with `context`, which the template reads;
    /// `references` must hold every reference the context cites.
    public init(template: String, context: [String: Any], references: ReferenceList) throws {
        self.init(paragraph: try TemplateLibrary.render(template, context), references: references)
    }

    /// The paragraph and its reference list in `format` (JSON callers encode the value itself).
    public func render(_ format: OutputFormat) -> String {
        let numbered = references.enumerated().map { (number: $0.offset + 1, citation: $0.element) }
        switch format {
        case .markdown:
            return paragraph + "\n\n**References**\n\n" + numbered.map { "\($0.number). \($0.citation)" }.joined(separator: "\n") + "\n"
        case .latex:
            return LaTeX.escape(paragraph) + "\n\n\\begin{enumerate}\n"
                + numbered.map { "\\item " + LaTeX.escape($0.citation) }.joined(separator: "\n") + "\n\\end{enumerate}\n"
        case .text, .json:
            return paragraph + "\n\nReferences\n" + numbered.map { "[\($0.number)] \($0.citation)" }.joined(separator: "\n") + "\n"
        }
    }
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
