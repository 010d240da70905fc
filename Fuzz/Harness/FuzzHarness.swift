import TrialsizeCLI

/// What the coverage-guided fuzz targets check (`Fuzz/LineReaders`, `Fuzz/CommandLine`; built with
/// libFuzzer by `scripts/fuzz.sh`), kept in an ordinary library so that the test suite replays the
/// committed seed corpus and every finding through the very same code (`FuzzCorpusTests`).
///
/// Both targets turn libFuzzer's bytes into one or more complete runs of the command line, in memory,
/// through ``CommandLineRun/execute(_:output:errors:)``, and hold each run to the contract of
/// docs/reliability.md:
///
/// * exit 0, nothing on standard error but whole `trialsize: warning: ...` lines, and no `nan`, `inf`,
///   `infinity` or `∞` printed as a number (unless the input itself holds that word, which an answer
///   may echo: a passed-through `ci --input` column, say);
/// * or exit 64 and exactly one line on standard error, starting `trialsize: error: `;
/// * never exit 1 (an internal error), 74, or any other status. A trap or a hang ends the fuzz process
///   itself, and libFuzzer reports it with the input that caused it.
///
/// Nothing here touches the file system: a data file is handed over as ``Output/Upload`` and read
/// with `--input -`, and the command-line target refuses vectors that would read or write files.
public enum FuzzHarness {
    /// One in-memory run of the command line.
    public struct Run: Sendable {
        /// The argument vector, without the program name.
        public let arguments: [String]
        /// The exit status ``CommandLineRun/execute(_:output:errors:)`` returned.
        public let status: Int32
        /// Everything written to standard output.
        public let output: String
        /// Everything written to standard error.
        public let errors: String
    }

    /// Runs `arguments` in memory; `upload`, when given, is the file `--input -` reads.
    public static func run(_ arguments: [String], upload: [UInt8]? = nil) -> Run {
        // The sinks are called synchronously on this thread, so plain captured buffers suffice.
        final class Buffer: @unchecked Sendable { var text = "" }
        let out = Buffer(), err = Buffer()
        var output = Output { out.text += $0 }
        var errors = Output { err.text += $0 }
        if let upload { output.upload = Output.Upload(name: "fuzz input", bytes: upload) }
        let status = CommandLineRun.execute(arguments, output: &output, errors: &errors)
        return Run(arguments: arguments, status: status, output: out.text, errors: err.text)
    }

    /// What is wrong with one run, or nil when it keeps the contract. `input` is the text the run
    /// was given (arguments and data file), whose own `nan` or `inf` words an answer may echo.
    public static func problem(_ run: Run, input: String) -> String? {
        let errorLines = run.errors.split(separator: "\n", omittingEmptySubsequences: false)
        let warnings = errorLines.prefix { $0.hasPrefix("trialsize: warning: ") || $0.hasPrefix("trialsize: --plot wrote ") }.count
        let rest = errorLines.dropFirst(warnings)
        switch run.status {
        case 0:
            if rest.count > 1 || rest.first.map({ !$0.isEmpty }) == true {
                return "exit 0 with standard error output other than warning lines: \(run.errors.prefix(300))"
            }
            if let token = nonFiniteToken(run.output), nonFiniteToken(input) == nil {
                return "exit 0 printing '\(token)' as a number"
            }
        case CommandLineRun.usageStatus:
            let lines = Array(rest)
            guard lines.count == 2, lines[1].isEmpty, lines[0].hasPrefix("trialsize: error: ") else {
                return "exit 64 without exactly one line 'trialsize: error: ...' on standard error: \(run.errors.prefix(300))"
            }
        default:
            return "exit \(run.status) (only 0 and 64 are allowed): \(run.errors.prefix(300))"
        }
        return nil
    }

    /// A word `nan`, `inf` or `infinity` (any case, any sign), or `∞`: a non-finite number printed.
    /// Words that merely contain the letters ("information", "infinite") are fine.
    public static func nonFiniteToken(_ text: String) -> String? {
        if text.contains("∞") { return "∞" }
        var word = ""
        for character in text.lowercased() + " " {
            if character.isLetter {
                word.append(character)
            } else {
                if word == "nan" || word == "inf" || word == "infinity" { return word }
                word = ""
            }
        }
        return nil
    }

    // MARK: - Target (a): the `--input` readers

    /// The command lines each data file is read by: `ci --input` in text and JSON (every interval
    /// method), and `analyze survival --input` with the default columns and with an entry column and
    /// a cut-off (the `entry` column, `--cutoff`).
    public static let readerCommands: [[String]] = [
        ["ci", "--input", "-"],
        ["ci", "--input", "-", "--format", "json", "--method", "all"],
        ["analyze", "survival", "--input", "-", "--control-median", "8"],
        [
            "analyze", "survival", "--input", "-", "--control-median", "8", "--entry-column", "entry", "--cutoff", "30",
            "--format", "json",
        ],
    ]

    /// Fuzz target (a): `bytes` as the data file of every command in ``readerCommands``. Returns the
    /// first problem (the command and what is wrong), or nil.
    public static func checkLineReaders(_ bytes: [UInt8]) -> String? {
        let input = String(decoding: bytes, as: UTF8.self)
        for arguments in readerCommands {
            let result = run(arguments, upload: bytes)
            if let problem = problem(result, input: input) { return "\(arguments.joined(separator: " ")): \(problem)" }
        }
        return nil
    }

    // MARK: - Target (b): the whole command line

    /// Options and words whose work is long or touches files: a vector holding one is skipped, so
    /// that each run takes milliseconds (simulations, searches by simulation, the web server) and the
    /// fuzzer writes and reads nothing (`--plot`, `--report`, `--input`, `--template`). The CLI
    /// fuzzer of the test suite (`CLIFuzzTests`) covers these with small counts and a temporary folder.
    public static let skippedWords: Set<String> = [
        "--simulate", "--trials", "--search", "--search-max", "--width", "--report", "--plot", "--input",
        "--template", "serve", "simulate", "calibrate", "compare",
    ]

    /// The argument vector in `bytes`: split on NUL when the bytes hold one (so an argument may hold
    /// a line break), otherwise on line breaks (so a corpus file is one argument per line), each part
    /// decoded as UTF-8 with repair. Nil when the vector holds a word of ``skippedWords`` (also as
    /// `--option=value`), or more than 64 arguments.
    public static func arguments(from bytes: [UInt8]) -> [String]? {
        let separator: UInt8 = bytes.contains(0) ? 0 : 10
        var parts = bytes.split(separator: separator, omittingEmptySubsequences: false)
        if separator == 10, parts.last?.isEmpty == true { parts.removeLast() }  // a final line break
        guard parts.count <= 64 else { return nil }
        let arguments = parts.map { String(decoding: $0, as: UTF8.self) }
        for argument in arguments {
            let name = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? argument
            if skippedWords.contains(name) { return nil }
        }
        return arguments
    }

    /// Fuzz target (b): `bytes` as an argument vector (``arguments(from:)``), run once. Returns what
    /// is wrong, or nil (also for a skipped vector).
    public static func checkCommandLine(_ bytes: [UInt8]) -> String? {
        guard let arguments = arguments(from: bytes) else { return nil }
        guard let problem = problem(run(arguments), input: arguments.joined(separator: " ")) else { return nil }
        return "\(problem)\n  arguments: \(arguments.map { "'\($0)'" }.joined(separator: " "))"
    }
}
