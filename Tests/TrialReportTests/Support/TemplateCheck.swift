import Testing
import TrialReport

/// Records an issue for every variable the template uses that `context` lacks — the check each
/// design's tests run on its template and on the context its report code builds:
///
/// ```swift
/// expectNoMissingVariables(template: "survival", context: try report.justificationContext())
/// ```
///
/// Give every list in the context at least one item: a section over a list is checked against
/// the keys its items share. See ``TemplateVariables``.
func expectNoMissingVariables(template name: String, context: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
    guard let source = TemplateLibrary.source(named: name) else {
        Issue.record("no shipped template named \(name)", sourceLocation: sourceLocation)
        return
    }
    expectNoMissingVariables(source: source, named: name, context: context, sourceLocation: sourceLocation)
}

/// The same check for a template given as text.
func expectNoMissingVariables(source: String, named name: String, context: [String: Any], sourceLocation: SourceLocation = #_sourceLocation)
{
    let missing = TemplateVariables.missing(in: source, named: name, context: context)
    #expect(
        missing.isEmpty, "\(name) uses variables its context lacks: \(missing.map(\.description).joined(separator: ", "))",
        sourceLocation: sourceLocation)
}
