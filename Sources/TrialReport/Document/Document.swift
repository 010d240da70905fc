/// A design's report as a value: a title, sections of blocks, warnings and (optionally) the
/// justification paragraph. Each output format renders a `Document` once, in one place
/// (``TextRenderer``, ``MarkdownRenderer``, ``LaTeXRenderer``, ``HTMLReport``), so a design never
/// writes format-specific code.
///
/// ## How a design adds its report
///
/// 1. Write a value type in `Sources/TrialReport/<Family>/<Design>Report.swift` that holds the
///    design and its result, and conform it to ``DesignReporting``:
///    - `document()` builds the sections (`Inputs`, `Method`, `Answer`, `Assumptions`, …) from
///      the result's numbers, formatted through ``NumberFormat``. Put tables in as ``Table``
///      blocks, never as pre-formatted text, and the warnings in `Document.warnings` (never a
///      "Warnings" section of your own: the renderers add it, the command line also prints
///      the warnings to standard error, and JSON carries them under `warnings`).
///    - `jsonBody()` returns the design's `Encodable` answer (snake_case keys via ``JSONOutput``).
///    - `templateName` names the shipped Mustache template and `justificationContext(references:)`
///      gives its variables (documented in docs/templates.md), citing into the reference list.
///    - `figures()` returns the plots for `--plot` and the HTML page (default: none).
///    - `gridOutputs` names the few numbers a sensitivity grid tabulates (``GridOutput``: a
///      path into the JSON body, a label, a style), the unknown solved for first.
///    The report computes nothing: every number (power curves, "meets the target", flags)
///    comes from the design layer's result.
/// 2. In the command, build the design, solve, wrap the result in the report and hand it to
///    the one shared writer (`ReportRequest.write(_:formatting:into:)` in Sources/TrialsizeCLI),
///    which prints the format asked for, `--justify`, `--report` and `--plot`.
///
/// ```swift
/// let report = SingleStageReport(design: design, answer: try design.solve(), table: nil)
/// print(try report.render(.markdown, justification: nil))
/// ```
public struct Document: Sendable {
    /// The report's heading: "Exact single-stage phase II design".
    public var title: String
    /// A line under the title in the HTML page: the question in words.
    public var subtitle: String?
    /// Inputs, Method, Answer, Assumptions, …
    public var sections: [DocumentSection]
    /// Rendered as a "Warnings" section after ``sections``; printed to standard error by the
    /// command line in every format; `warnings` in JSON.
    public var warnings: [String]
    /// Sections after the warnings: long tables asked for (`--table`, `--admissible`), plots.
    public var appendix: [DocumentSection]
    /// The paragraph and its references (shown in the HTML page; `--justify` prints it alone).
    public var justification: Justification?

    /// A document from its parts; the justification is usually left nil here and added by
    /// ``DesignReporting/fullDocument(justification:)``.
    public init(
        title: String, subtitle: String? = nil, sections: [DocumentSection], warnings: [String] = [],
        appendix: [DocumentSection] = [], justification: Justification? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
        self.warnings = warnings
        self.appendix = appendix
        self.justification = justification
    }

    /// Every section in reading order, the warnings as a section of notes.
    public var allSections: [DocumentSection] {
        sections + (warnings.isEmpty ? [] : [DocumentSection("Warnings", [.notes(warnings)])]) + appendix
    }

    /// Every figure, in reading order (for `--plot`).
    public var figures: [Figure] {
        allSections.flatMap(\.blocks).compactMap { if case let .figure(figure) = $0 { figure } else { nil } }
    }

    /// The document in a text format (text, Markdown, LaTeX). JSON is the design's own body
    /// (``Reporting/render(_:justification:)``); asked here it gives text.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .markdown: return MarkdownRenderer.render(self)
        case .latex: return LaTeXRenderer.render(self)
        case .text, .json: return TextRenderer.render(self)
        }
    }
}

/// A titled part of a document: "Inputs", "Answer", "Attained alpha and power by n".
public struct DocumentSection: Sendable {
    /// The section's heading: "Inputs", "Answer", "Attained alpha and power by n".
    public var title: String
    /// What the section shows, in order.
    public var blocks: [Block]

    /// A section of any blocks, in the order given.
    public init(_ title: String, _ blocks: [Block]) {
        self.title = title
        self.blocks = blocks
    }

    /// Label–value rows given as pairs, then a table and notes (each may be empty).
    public init(_ title: String, rows: [(String, String)], table: Table? = nil, notes: [String] = []) {
        self.init(title, rows: rows.map { Row($0.0, $0.1) }, table: table, notes: notes)
    }

    /// Label–value rows, then a table and notes (each may be empty).
    public init(_ title: String, rows: [Row], table: Table?, notes: [String] = []) {
        self.title = title
        blocks = (rows.isEmpty ? [] : [.rows(rows)]) + (table.map { [.table($0)] } ?? []) + (notes.isEmpty ? [] : [.notes(notes)])
    }

    /// The common shape: label–value rows, then notes (either may be empty).
    public init(_ title: String, rows: [Row] = [], notes: [String] = []) {
        self.title = title
        blocks = (rows.isEmpty ? [] : [.rows(rows)]) + (notes.isEmpty ? [] : [.notes(notes)])
    }
}

/// One label–value row: ("Alpha", "0.05 one-sided").
public struct Row: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// What the row states: "Alpha", "Expected patients under H0".
    public var label: String
    /// The value, formatted through ``NumberFormat`` with its unit or side: "0.05 one-sided".
    public var value: String

    /// A row of `label` and `value`.
    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }

    /// `["Alpha", "0.05"]`: a label and a value.
    public init(arrayLiteral elements: String...) {
        precondition(elements.count == 2, "a row is a label and a value")
        self.init(elements[0], elements[1])
    }
}

/// The pieces a section is made of.
public enum Block: Sendable {
    /// Label–value rows, aligned.
    case rows([Row])
    /// Free lines: assumptions, notes (a bulleted list in Markdown and LaTeX).
    case notes([String])
    /// A results table with a header row.
    case table(Table)
    /// A paragraph of prose.
    case paragraph(String)
    /// A plot: drawn in the HTML page and written by `--plot`; text formats leave it out.
    case figure(Figure)
}
