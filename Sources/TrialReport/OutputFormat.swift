/// How a command prints its answer.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned plain text for a terminal.
    case text
    /// One JSON object with snake_case keys (documented in docs/json.md).
    case json
    /// GitHub-flavoured Markdown, for notes and protocols kept as Markdown.
    case markdown
    /// LaTeX, for protocols written in LaTeX: tables as `tabular`, references as a numbered list.
    case latex
}
