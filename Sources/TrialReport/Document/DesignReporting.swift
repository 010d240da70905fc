/// A result that can be written in every output format: a ``Document`` for text, Markdown,
/// LaTeX and the HTML page, and an `Encodable` body for JSON.
///
/// Modes that give no paragraph (`ci --width`, `simon --design`) conform to this alone; a
/// design's full report conforms to ``DesignReporting``.
public protocol Reporting: Sendable {
    associatedtype Body: Encodable
    /// The sections, warnings and tables, without the justification (added by the renderer).
    func document() throws -> Document
    /// The JSON answer, keys in snake_case through ``JSONOutput``.
    func jsonBody() throws -> Body
    /// Whether ``jsonBody()`` carries its own `warnings` key; otherwise the document's
    /// warnings are added beside the body's keys.
    var bodyCarriesWarnings: Bool { get }
    /// The numbers a sensitivity grid tabulates from this answer (`--power 0.8,0.9`), the
    /// unknown solved for first; see ``GridOutput``.
    var gridOutputs: [GridOutput] { get }
}

/// A design's report: ``Reporting`` plus the justification paragraph (a Mustache template and
/// its variables), the plots and the HTML page. See ``Document`` for how a design adds one.
public protocol DesignReporting: Reporting {
    /// The shipped template in Sources/TrialReport/Templates: "single-stage".
    static var templateName: String { get }
    /// The variables the template reads (documented in docs/templates.md), citing into `references`.
    func justificationContext(references: inout ReferenceList) -> [String: Any]
    /// The plots, for `--plot` and the page (default: none).
    func figures() throws -> [Figure]
    /// The document the HTML page shows (default: ``Reporting/document()``); a report may add
    /// what the terminal leaves to an option (single-stage's table of n around the answer).
    func pageDocument() throws -> Document
}

extension Reporting {
    /// By default no: the renderer adds the document's warnings beside the JSON body's keys.
    public var bodyCarriesWarnings: Bool { false }

    /// The report in `format`. With a justification, text, Markdown and LaTeX give the paragraph
    /// and its references alone (ready to paste), and JSON gives the body with `justification`
    /// beside its keys; without one, the document (or the body).
    public func render(_ format: OutputFormat, justification: Justification? = nil) throws -> String {
        if format == .json {
            let warnings = bodyCarriesWarnings ? nil : try document().warnings
            return try JSONOutput.encode(try jsonBody(), justification: justification, warnings: warnings)
        }
        if let justification { return justification.render(format) }
        return try document().render(format)
    }
}

extension DesignReporting {
    /// By default no plots.
    public func figures() throws -> [Figure] { [] }
    /// By default the terminal's document.
    public func pageDocument() throws -> Document { try document() }

    /// The paragraph from the shipped template, or the user's own (`--template`). A shipped
    /// paragraph ends with "Calculations were performed with trialsize 0.1.0 [n]." citing
    /// ``Software/reference`` last; a user's template reads "trialsize 0.1.0" as `trialsize`.
    public func justification(using choice: TemplateChoice? = nil) throws -> Justification {
        var references = ReferenceList()
        var context = justificationContext(references: &references)
        context["trialsize"] = Software.nameAndVersion
        let choice = choice ?? .shipped(Self.templateName)
        guard case .shipped = choice else {
            return try Justification(using: choice, context: context, references: references)
        }
        let rendered = try Justification(using: choice, context: context, references: references)
        let citation = references.cite(Software.reference)
        return Justification(paragraph: rendered.paragraph + " \(Software.closingSentence) \(citation).", references: references)
    }

    /// What a full report holds: the page document, a "Plots" section with every figure, and
    /// the justification (the content of both ``page(justification:generator:)`` and
    /// ``wordDocument(justification:generator:)``).
    public func fullDocument(justification: Justification?) throws -> Document {
        var document = try pageDocument()
        let figures = try figures()
        if !figures.isEmpty { document.appendix.append(DocumentSection("Plots", figures.map(Block.figure))) }
        document.justification = justification
        return document
    }

    /// The self-contained HTML page (`--report FILE.html`).
    public func page(justification: Justification?, generator: String) throws -> HTMLReport {
        HTMLReport(try fullDocument(justification: justification), generator: generator)
    }

    /// The same report as a Word document (`--report FILE.docx`).
    public func wordDocument(justification: Justification?, generator: String) throws -> WordDocument {
        WordDocument(try fullDocument(justification: justification), generator: generator)
    }

    /// Where each plot goes for `--plot path`: the first to `path`, the others to `path` with
    /// `-<name>` before the extension.
    public func plotPaths(for path: String) throws -> [(path: String, figure: Figure)] {
        let dot = path.lastIndex(of: ".") ?? path.endIndex
        let stem = path[..<dot], ext = path[dot...]
        return try figures().enumerated().map { index, figure in
            (index == 0 ? path : "\(stem)-\(figure.name)\(ext)", figure)
        }
    }
}
