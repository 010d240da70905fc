import Foundation
import Mustache
import TrialDesign

/// A user's own justification template, from `--template FILE`.
///
/// It is rendered against the same context as the shipped template it replaces (the
/// variables in docs/templates.md), with the shipped templates available as partials
/// (`{{> references}}`). Values are inserted as typed: a template without a
/// `{{% CONTENT_TYPE: ...}}` pragma is treated as TEXT, not HTML.
///
/// Every failure is the user's to fix, so each is an `InvalidInput` naming `--template`:
/// a file that cannot be read, a template that does not parse, or a variable the design
/// does not provide (which Mustache would otherwise render as nothing).
public struct UserTemplate: Sendable, Equatable {
    /// The path as the user gave it, for messages.
    public let path: String
    /// The template's Mustache text, as read from `path` (or as given).
    public let source: String

    /// Reads the template at `path`.
    public init(path: String) throws(InvalidInput) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else { throw InvalidInput(parameter: "template", requirement: "a readable template file", value: path) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InvalidInput(parameter: "template", requirement: "a UTF-8 text file", value: path)
        }
        self.init(path: path, source: text)
    }

    /// A template given as text; `path` names it in messages.
    public init(path: String, source: String) {
        self.path = path
        self.source = source
    }

    /// The template rendered with `context`.
    ///
    /// - Throws: `InvalidInput` (parameter `template`) when the template does not parse or
    ///   uses a variable `context` lacks.
    public func render(_ context: [String: Any]) throws(InvalidInput) -> String {
        do {
            _ = try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            throw InvalidInput(
                parameter: "template", requirement: "\(path), line \(error.context.lineNumber): \(Self.explain(error.error))",
                value: "")
        } catch {
            throw InvalidInput(parameter: "template", requirement: "\(path): \(error)", value: "")
        }
        if let missing = TemplateVariables.missing(in: source, named: path, context: context).first {
            let what =
                missing.name.hasPrefix("> ")
                ? "the partial {{\(missing.name)}} does not exist"
                : "{{\(missing.name)}} is not a variable of this design"
            throw InvalidInput(
                parameter: "template", requirement: "\(missing.template), line \(missing.line): \(what) (see docs/templates.md)",
                value: "")
        }
        let typed = source.contains("CONTENT_TYPE") ? source : "{{% CONTENT_TYPE: TEXT}}" + source
        do {
            return try TemplateLibrary.render(source: typed, name: path, context)
        } catch {
            throw InvalidInput(parameter: "template", requirement: "\(path): \(error)", value: "")
        }
    }

    /// A parser error in words.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another section's name"
        case .unfinishedName: return "a tag is not closed or its name is malformed"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .unrecognisedConfigVariable: return "unknown pragma (only CONTENT_TYPE: TEXT or HTML)"
        case .invalidConfigVariableSyntax: return "a pragma is malformed"
        default: return "\(error)"
        }
    }
}
