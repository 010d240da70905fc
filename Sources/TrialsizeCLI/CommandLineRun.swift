import ArgumentParser
import TrialDesign
import TrialReport

/// Runs one command line from parsing to exit status, mapping every failure to one line.
///
/// * an answer: exit 0;
/// * `--help` / `--version`: the text, exit 0;
/// * input outside its range (a ``DesignError`` of kind `invalidInput`, its parameter keys written as options) or an argument the parser rejects: one line
///   `trialsize: error: ...` on standard error, exit 64 (EX_USAGE);
/// * anything else (a numerical failure that should not happen): one line, exit 1;
/// * an answer that could not be written to standard output (checked in `main.swift`): one line, exit 74.
public enum CommandLineRun {
    /// Exit status of a refused input: one line `trialsize: error: ...` (EX_USAGE).
    public static let usageStatus: Int32 = 64
    /// Exit status of a failure that should not happen: one line `trialsize: internal error: ...`.
    public static let internalFailureStatus: Int32 = 1
    /// The answer could not be written (EX_IOERR): a full disk, a closed output.
    public static let outputFailureStatus: Int32 = 74

    /// Parses `arguments` (the command line without the program name), runs the command into
    /// `output` and writes any error as one line to `errors`; returns the exit status.
    public static func execute(_ arguments: [String], output: inout Output, errors: inout Output) -> Int32 {
        do {
            try ArgumentChecks.check(arguments)
            if output.isTerminal, FormatWords.asksForWord(arguments) {
                throw DesignError(
                    parameter: "format",
                    requirement:
                        "docx needs standard output redirected to a file (> report.docx), or use --report report.docx: a Word document is not text for a terminal",
                    value: "")
            }
            if let grid = try SensitivityGrid.plan(arguments) {
                let errorSink = errors
                output.warningSink = { text in
                    var sink = errorSink; sink.write(text)
                }
                try SensitivityGrid.run(grid, into: &output)
                return 0
            }
            var command = try Trialsize.parseAsRoot(NegativeValues.joined(arguments))
            if let answering = command as? any AnsweringCommand {
                let errorSink = errors
                output.warningSink = { text in
                    var sink = errorSink; sink.write(text)
                }
                try answering.answer(into: &output)
            } else {
                try command.run()
            }
            return 0
        } catch let failure as DesignError where failure.kind == .invalidInput {
            errors.write("trialsize: error: \(oneLine(failure.commandLineMessage))\n")
            return usageStatus
        } catch let failure as DesignError {
            errors.write("trialsize: internal error: \(oneLine(failure.commandLineMessage))\n")
            return internalFailureStatus
        } catch {
            let code = Trialsize.exitCode(for: error)
            if code == .success {
                output.write(Trialsize.fullMessage(for: error) + "\n")
                return 0
            }
            let message =
                Trialsize.message(for: error)
                .split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? "\(error)"
            if code == .validationFailure {
                errors.write("trialsize: error: \(oneLine(message))\n")
                return usageStatus
            }
            errors.write("trialsize: internal error: \(oneLine(message))\n")
            return internalFailureStatus
        }
    }

    /// Runs one command line as ``execute(_:output:errors:)`` does (the same argument checks,
    /// parser and command) but returns the report it would have written instead of rendering
    /// it: the web page's and the sensitivity grid's way to run a command.
    ///
    /// - Returns: nil for a mode that prints something other than one report (a CSV batch).
    /// - Throws: what the checks, the parser or the command throw.
    package static func capturedReport(_ arguments: [String], upload: Output.Upload? = nil) throws -> (any Reporting)? {
        try ArgumentChecks.check(arguments)
        let command = try Trialsize.parseAsRoot(NegativeValues.joined(arguments))
        guard let answering = command as? any AnsweringCommand else { return nil }
        let capture = ReportCapture()
        var output = Output { _ in }
        output.reportCapture = capture
        output.upload = upload
        try answering.answer(into: &output)
        return capture.report
    }

    /// `text` on one line: a value the user typed may hold a line break or other control
    /// character (`--skeleton $'0.1\n0.2'`), which is shown escaped so the error stays one line.
    package static func oneLine(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _
            where scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .lineSeparator
                || scalar.properties.generalCategory == .paragraphSeparator:
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
