import ArgumentParser
import Foundation
import TrialDesign
import TrialReport

/// The error-rate options every hypothesis-testing design shares.
struct ErrorRateOptions: ParsableArguments {
    @Option(help: ArgumentHelp(BinomialParameters.singleStage, "alpha"))
    var alpha: Double = 0.05

    @Option(help: ArgumentHelp(BinomialParameters.singleStage, "power"))
    var power: Double = 0.8

    @Option(help: ArgumentHelp(BinomialParameters.singleStage, "sides"))
    var sides: Sidedness = .oneSided

    /// The validated error rates.
    func errorRates() throws -> ErrorRates {
        try ErrorRates(alpha: alpha, power: power, sides: sides)
    }
}

/// How the answer is printed.
struct FormatOptions: ParsableArguments {
    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "Output format: text, json, markdown, latex, or docx (the full report as a Word document on standard output, for a redirect: > report.docx); csv too for a sensitivity grid (a numeric option given as a list: --power 0.8,0.9; docs/grids.md).",
            valueName: "format"))
    var choice: FormatChoice = .text

    /// The text format to render (`text` for `docx`, whose bytes come from the Word renderer).
    var format: OutputFormat { OutputFormat(rawValue: choice.rawValue) ?? .text }
    /// Whether the answer is the Word document, written to standard output.
    var word: Bool { choice == .docx }

    @Flag(help: "Print a paragraph for a protocol or grant: inputs, test, assumptions, answer and references.")
    var justify = false
}

extension Sidedness: ExpressibleByArgument {
    /// Reads `--sides`: 1 or 2; nil for anything else, which the parser reports as an invalid value.
    public init?(argument: String) {
        guard let value = Int(argument), let sides = Sidedness(rawValue: value) else { return nil }
        self = sides
    }
    /// The values the parser's help and shell completion list for `--sides`: 1 and 2.
    public static var allValueStrings: [String] { ["1", "2"] }
}

extension OutputFormat: ExpressibleByArgument {}

/// What `--format` takes: the report layer's text formats and `docx`, the Word document
/// (``WordDocument``) written to standard output as bytes.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, latex, docx
}

/// Where a design's plot, HTML report and own justification template go:
/// `--plot FILE.svg`, `--report FILE.html`, `--template FILE`.
///
/// The paths are checked before anything is computed (``validated()``), so a typo costs no
/// simulation time; the files are written with ``write(_:to:option:)``, atomically, so a
/// failure never leaves half a file.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also write the design's plot to this file, as a standalone SVG image.", valueName: "file.svg"))
    var plot: String?

    @Option(
        help: ArgumentHelp(
            "Also write the full report (inputs, results, plots, justification, references) to this file: a self-contained HTML page, or a Word document when the name ends in .docx.",
            valueName: "file.html|file.docx"))
    var report: String?

    @Option(
        help: ArgumentHelp(
            "Render the justification with your own Mustache template instead of the shipped one (variables: docs/templates.md).",
            valueName: "file"))
    var template: String?

    /// The extensions each output accepts, lower-case.
    static let plotExtensions = ["svg"]
    static let reportExtensions = ["html", "htm", "docx"]

    /// ArgumentParser's own check, so a bad path fails at parse time with exit 64.
    func validate() throws {
        do {
            _ = try validated()
        } catch {
            throw ValidationError("--\(error)")
        }
    }

    /// The checked request: output paths whose folders exist, and the user's template read.
    ///
    /// - Throws: ``InvalidInput`` naming the option: a wrong extension, a missing folder, a
    ///   path that is a folder, or an unreadable template.
    func validated() throws(InvalidInput) -> ReportRequest {
        if let plot { try Self.checkOutput(plot, option: "plot", extensions: Self.plotExtensions) }
        if let report { try Self.checkOutput(report, option: "report", extensions: Self.reportExtensions) }
        let userTemplate = try template.map { path throws(InvalidInput) in try UserTemplate(path: path) }
        return ReportRequest(plotPath: plot, reportPath: report, template: userTemplate)
    }

    /// `path` ends in one of `extensions`, is not a folder, and its folder exists.
    static func checkOutput(_ path: String, option: String, extensions: [String]) throws(InvalidInput) {
        let url = URL(fileURLWithPath: path)
        let dotted = extensions.map { "." + $0 }
        let wanted =
            dotted.count <= 2 ? dotted.joined(separator: " or ") : dotted.dropLast().joined(separator: ", ") + " or " + dotted.last!
        guard !path.isEmpty, !path.hasSuffix("/"), extensions.contains(url.pathExtension.lowercased()) else {
            throw InvalidInput(parameter: option, requirement: "a file name ending in \(wanted)", value: path.isEmpty ? "\"\"" : path)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InvalidInput(parameter: option, requirement: "a file, not a folder", value: path)
        }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InvalidInput(parameter: option, requirement: "in an existing folder (\(folder) does not exist)", value: path)
        }
    }

    /// Writes `text` to `path` atomically (a temporary file renamed into place).
    ///
    /// - Throws: ``InvalidInput`` naming `option` (`plot`, `report`) with the system's reason,
    ///   so the command line prints one line and exits 64.
    static func write(_ text: String, to path: String, option: String) throws(InvalidInput) {
        try write(Data(text.utf8), to: path, option: option)
    }

    /// Writes `data` to `path` atomically; the same errors as ``write(_:to:option:)``.
    static func write(_ data: Data, to path: String, option: String) throws(InvalidInput) {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw InvalidInput(parameter: option, requirement: "a file trialsize can write (\(reason))", value: path)
        }
    }
}

/// What ``ReportOptions`` asked for, checked.
struct ReportRequest {
    /// Where to write the plot and the report; nil when not asked for.
    let plotPath: String?
    let reportPath: String?
    /// The user's template, read; nil for the shipped one.
    let template: UserTemplate?

    /// The shipped template `name`, or the user's own when `--template` was given.
    func templateChoice(shipped name: String) -> TemplateChoice {
        template.map(TemplateChoice.user) ?? .shipped(name)
    }
}

extension ReportRequest {
    /// Whether a command must render its justification: to print it (`--justify`), to put it in
    /// the page (`--report`), or to check the user's `--template` (refused with exit 64 when it
    /// names a variable the design does not have, even when nothing else uses it).
    func needsJustification(_ formatting: FormatOptions) -> Bool {
        formatting.justify || reportPath != nil || template != nil
    }

    /// Refuses `--plot` for a command without plots, and `--plot`/`--report` for a mode that has
    /// no report, before anything is computed.
    func refuse(plot: Bool = false, report: Bool = false, because reason: String) throws(InvalidInput) {
        if plot, let plotPath { throw InvalidInput(parameter: "plot", requirement: "left out \(reason)", value: plotPath) }
        if report, let reportPath { throw InvalidInput(parameter: "report", requirement: "left out \(reason)", value: reportPath) }
    }
}

extension ReportRequest {
    /// The one path every design command writes through: the report in the format asked for
    /// (with `--justify`, the paragraph alone; JSON with `justification` and `warnings` beside
    /// its keys), its warnings on standard error, and the `--plot` and `--report` files.
    func write<Report: DesignReporting>(_ report: Report, formatting: FormatOptions, into output: inout Output) throws {
        if let capture = output.reportCapture {
            capture.report = report
            return
        }
        let justification =
            needsJustification(formatting) || formatting.word
            ? try report.justification(using: templateChoice(shipped: Report.templateName)) : nil
        let document = try report.document()
        output.warn(document.warnings)
        if formatting.word {
            try output.writeWord(try report.wordDocument(justification: justification, generator: "trialsize \(Trialsize.version)").data())
        } else if formatting.format == .json || formatting.justify {
            output.write(try report.render(formatting.format, justification: formatting.justify ? justification : nil))
        } else {
            output.write(document.render(formatting.format))
        }
        let plots = try writeFiles(report, justification: justification)
        if plots.count > 1 {
            // --plot FILE.svg wrote more than FILE.svg: say so rather than leave files unmentioned.
            output.note("--plot wrote \(plots.count) files: " + plots.joined(separator: ", "))
        }
    }

    /// The same for a mode with no paragraph, plot or page (`ci --width`, `simon --design`).
    func write<Report: Reporting>(_ report: Report, formatting: FormatOptions, into output: inout Output) throws {
        if let capture = output.reportCapture {
            capture.report = report
            return
        }
        let document = try report.document()
        output.warn(document.warnings)
        if formatting.word {
            try output.writeWord(try WordDocument(document, generator: "trialsize \(Trialsize.version)").data())
            return
        }
        output.write(formatting.format == .json ? try report.render(.json) : document.render(formatting.format))
    }

    /// `--plot` and `--report`, computed only when asked for. With several plots, `--plot FILE.svg`
    /// writes the first to FILE.svg and the others to FILE-<name>.svg.
    /// Returns the plot files written (none without `--plot`).
    @discardableResult
    func writeFiles<Report: DesignReporting>(_ report: Report, justification: Justification?) throws -> [String] {
        var written: [String] = []
        if let plotPath {
            let paths = try report.plotPaths(for: plotPath)
            guard !paths.isEmpty else {
                throw InvalidInput(parameter: "plot", requirement: "left out for this command (it draws no plot)", value: plotPath)
            }
            for (path, figure) in paths {
                try ReportOptions.write(try figure.svg(), to: path, option: "plot")
                written.append(path)
            }
        }
        if let reportPath {
            let generator = "trialsize \(Trialsize.version)"
            if URL(fileURLWithPath: reportPath).pathExtension.lowercased() == "docx" {
                let word = try report.wordDocument(justification: justification, generator: generator)
                try ReportOptions.write(try word.data(), to: reportPath, option: "report")
            } else {
                try ReportOptions.write(
                    try report.page(justification: justification, generator: generator).render(),
                    to: reportPath, option: "report")
            }
        }
        return written
    }
}

/// Reads `--format` from a raw argument vector, before the parser (the terminal check and the
/// sensitivity grid, which take their format before any command runs).
enum FormatWords {
    /// The last `--format` value given, if any.
    static func value(in arguments: [String]) -> String? {
        var value: String?
        for (index, token) in arguments.enumerated() {
            if token == "--" { break }
            if token == "--format", index + 1 < arguments.count { value = arguments[index + 1] }
            if token.hasPrefix("--format=") { value = String(token.dropFirst("--format=".count)) }
        }
        return value
    }

    /// Whether the arguments ask for the Word document on standard output.
    static func asksForWord(_ arguments: [String]) -> Bool { value(in: arguments) == "docx" }
}
