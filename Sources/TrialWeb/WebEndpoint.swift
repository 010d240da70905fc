import Foundation
import TrialDesign
import TrialReport

/// One design as the web front end sees it: its name, what it answers, the form's fields (from
/// the design's ``ParameterCatalog``) and how to run it.
///
/// TrialWeb holds no statistics and never parses a command line: the command line builds one
/// endpoint per design command (`WebRegistry` in Sources/TrialsizeServe) whose ``run`` goes through
/// the command's own parser, validation and report, so a page, the JSON API and the terminal
/// give the same numbers and refuse the same inputs with the same requirement.
public struct WebEndpoint: Sendable {
    /// The command's name: `survival`, `crm simulate`.
    public let command: String
    /// One line: what the design answers (the command's abstract).
    public let abstract: String
    /// The form's fields in order: the catalog's parameters a web user may set (file paths and
    /// thread counts are left to the command line) and the command's presentation options
    /// (the time unit, the endpoint's name).
    public let fields: [Parameter]
    /// The keys given as positional arguments on the command line (`trialsize ci 4 26`), in order.
    public let positionalKeys: [String]
    /// The data file a page may send (`analyze survival`'s CSV), read in memory; nil for a design
    /// answered from its fields alone. A design with one is asked by POST (the file is not in the
    /// address), and its answer has no download links.
    public let upload: Parameter?
    /// An example the index page links to, as form values keyed by snake_case key.
    public let example: [(key: String, value: String)]
    /// Runs the design on validated-by-type values and returns its report (what `--format`
    /// would render). Throws ``DesignError`` for an input the design refuses, ``WebInputError``
    /// for one the command's parser refuses, or ``WebInputError/noPage`` for a mode that prints
    /// something other than one report.
    public let run: @Sendable (WebInputs) throws -> any Reporting

    /// An endpoint from its parts, as `WebRegistry` (in TrialsizeServe) builds one per design command; each
    /// argument is the property of the same name.
    public init(
        command: String, abstract: String, fields: [Parameter], positionalKeys: [String] = [], upload: Parameter? = nil,
        example: [(key: String, value: String)] = [], run: @escaping @Sendable (WebInputs) throws -> any Reporting
    ) {
        self.upload = upload
        self.command = command
        self.abstract = abstract
        self.fields = fields
        self.positionalKeys = positionalKeys
        self.example = example
        self.run = run
    }

    /// The page's path: `/survival`, `/crm/simulate`.
    public var path: String { "/" + command.split(separator: " ").joined(separator: "/") }
    /// The JSON API's path: `/api/v1/survival`.
    public var apiPath: String { "/api/v1" + path }

    /// Whether a request may run a simulation: the command simulates trials (`--trials`), or the
    /// request asks for one (`--simulate`, `--search`). Such requests share a smaller pool.
    public func isHeavy(_ inputs: WebInputs) -> Bool {
        fields.contains { $0.key == "trials" } || inputs.values.contains { $0.parameter.key == "simulate" || $0.parameter.key == "search" }
    }

    /// The command line a user would type for these inputs: `trialsize survival --control-median 8 --median 13`.
    public func commandLine(_ inputs: WebInputs) -> String {
        var words = ["trialsize"] + command.split(separator: " ").map(String.init)
        if let upload, let file = inputs.upload { words += ["--" + upload.key, ShellQuote.quote(file.name)] }
        for key in positionalKeys {
            if let given = inputs.values.first(where: { $0.parameter.key == key }) { words += given.values.map(ShellQuote.quote) }
        }
        for given in inputs.values where !positionalKeys.contains(given.parameter.key) {
            if case .flag = given.parameter.allowed {
                words.append("--" + given.parameter.key)
            } else {
                for value in given.values { words += ["--" + given.parameter.key, ShellQuote.quote(value)] }
            }
        }
        return words.joined(separator: " ")
    }
}

/// The values a request gave, each matched to its field and checked for its type (a number
/// where a number is expected, a word from the menu, a flag on or off); the design checks the
/// ranges. Only declared fields appear; empty fields are left out (the design's default).
public struct WebInputs: Sendable {
    /// One field the request gave: its declared parameter and its value or values, checked for their type.
    public struct Given: Sendable {
        /// The field's declared parameter: its key, label and what it allows.
        public let parameter: Parameter
        /// One value, or several for a repeatable parameter (`truth`); a flag that is on has `[]`.
        public let values: [String]
    }
    /// The fields given, one entry each, in the order the form lists them (the catalog's); empty fields are left out.
    public var values: [Given]
    /// The data file sent with the form, if any.
    public var upload: WebUpload?

    /// Inputs from fields already matched and checked (``FormInputs/inputs(_:fields:)``), and the data file sent, if any.
    public init(_ values: [Given], upload: WebUpload? = nil) {
        self.values = values
        self.upload = upload
    }

    /// The argument vector for the command's parser: `--key=value` for each option (so a
    /// negative number is never read as an option name), `--flag`, then `--` and the positionals.
    public func arguments(command: String, positionalKeys: [String]) -> [String] {
        var arguments = command.split(separator: " ").map(String.init)
        for given in values where !positionalKeys.contains(given.parameter.key) {
            if case .flag = given.parameter.allowed {
                arguments.append("--" + given.parameter.key)
            } else {
                arguments += given.values.map { "--\(given.parameter.key)=\($0)" }
            }
        }
        let positionals = positionalKeys.compactMap { key in values.first { $0.parameter.key == key }?.values.first }
        if !positionals.isEmpty { arguments += ["--"] + positionals }
        return arguments
    }

    /// The value given for `key`, if any.
    public func value(_ key: String) -> String? { values.first { $0.parameter.key == key }?.values.first }
}

/// A data file sent with a form or in a JSON body, held in memory.
public struct WebUpload: Sendable {
    /// The file's name as the browser sent it (shown in the report and the command line).
    public let name: String
    /// The file's contents as received, not decoded: a form's file part, or the UTF-8 text of the upload's field.
    public let bytes: [UInt8]

    /// A file named `name` holding `bytes`.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// An input the web front end refuses before the design sees it, or one the command's parser
/// refuses: the field at fault (its declared kebab-case key; empty when the problem is the
/// request as a whole) and what is wrong, so each response names the field its own way
/// (the form by its label, the API by its snake_case key).
public struct WebInputError: Error, Sendable, Equatable {
    /// The declared kebab-case key of the field at fault; empty when the problem is the request as a whole.
    public let parameter: String
    /// What is wrong, after the field's name: "must be a number, got abc".
    public let detail: String

    /// A refusal of the field whose kebab-case key is `parameter`, with `detail` the words after its name: "must be a number, got abc".
    public init(parameter: String, _ detail: String) {
        self.parameter = parameter
        self.detail = detail
    }

    /// A message about the request as a whole (a parser's own wording).
    public init(_ message: String) {
        self.parameter = ""
        self.detail = message
    }

    /// The one-line message with the field written as `name` returns it.
    public func message(naming name: (String) -> String) -> String {
        parameter.isEmpty ? detail : name(parameter) + " " + detail
    }

    /// The command has a mode that prints something other than one report (a CSV batch).
    public static let noPage = WebInputError("this mode has no web page; use the command line")
}
