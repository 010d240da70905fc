import ArgumentParser
import Foundation
import TrialDesign
import TrialReport

#if canImport(Glibc)
import Glibc
#endif

/// Where a command writes: standard output in the real program, a buffer in tests.
public struct Output {
    private let sink: (String) -> Void
    /// Where warnings go: standard error (set by ``CommandLineRun``); nil drops them.
    var warningSink: ((String) -> Void)?
    /// Set by the web front end (`WebRegistry` in TrialsizeServe): ``ReportRequest/write(_:formatting:into:)``
    /// hands the report value here instead of rendering it, so `trialsize serve` runs each
    /// command's own parsing and validation and gets the same report the command would print.
    var reportCapture: ReportCapture?
    /// A data file held in memory, read by a command given `--input -` (`ci`, `analyze survival`)
    /// instead of standard input: the file the web page received, or the fuzz harness's bytes.
    public var upload: Upload?

    /// A data file held in memory: its name as the user's browser sent it, and its bytes.
    public struct Upload: Sendable {
        /// The name errors and reports show for the file.
        public let name: String
        /// The file's contents.
        public let bytes: [UInt8]

        /// A data file named `name` holding `bytes`.
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }

        /// Runs `body` with the bytes open as a read-only `FILE` (fmemopen: nothing touches the
        /// file system); nil when the stream cannot be opened.
        func withFile<T>(_ body: (UnsafeMutablePointer<FILE>) throws -> T) rethrows -> T? {
            // An empty file still needs a buffer address for fmemopen; it is opened with size 0.
            var storage = bytes.isEmpty ? [0] : bytes
            let size = bytes.count
            return try storage.withUnsafeMutableBytes { buffer in
                guard let file = fmemopen(buffer.baseAddress, size, "r") else { return nil }
                defer { fclose(file) }
                return try body(file)
            }
        }
    }

    /// Where a binary answer goes (`--format docx`): standard output's bytes in the real program,
    /// a buffer in tests; nil where only text can go.
    public var byteSink: (([UInt8]) -> Void)?
    /// Whether this output is a terminal, where `--format docx` is refused (``CommandLineRun``).
    public var isTerminal = false

    /// An output that hands every piece of text to `sink`.
    public init(_ sink: @escaping (String) -> Void) { self.sink = sink }

    /// Standard output, through ``StandardOutput/shared`` (buffered; a failed write is remembered).
    public static var standard: Output {
        var output = Output { StandardOutput.shared.write($0) }
        output.byteSink = { StandardOutput.shared.write(bytes: $0) }
        output.isTerminal = isatty(1) != 0
        return output
    }

    /// Standard error.
    public static var standardError: Output {
        Output { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Writes `text` to the sink.
    public mutating func write(_ text: String) { sink(text) }

    /// Writes a Word document's bytes (`--format docx`).
    /// - Throws: ``InvalidInput`` naming `format` where the output takes only text.
    func writeWord(_ data: Data) throws {
        guard let byteSink else {
            throw InvalidInput(
                parameter: "format", requirement: "text, json, markdown or latex here (a Word document needs standard output)",
                value: "docx")
        }
        byteSink(Array(data))
    }

    /// Each warning as one line `trialsize: warning: ...` on the warning sink (standard error),
    /// whatever the format, so a warning is never hidden by `--justify` or JSON.
    func warn(_ warnings: [String]) {
        for warning in warnings { warningSink?("trialsize: warning: \(CommandLineRun.oneLine(warning))\n") }
    }

    /// One line `trialsize: ...` on the warning sink (standard error): what was done besides the
    /// answer, such as the files `--plot` wrote.
    func note(_ text: String) {
        warningSink?("trialsize: \(CommandLineRun.oneLine(text))\n")
    }
}

/// Holds the report a command produced when its ``Output`` was set to capture it (the web page).
final class ReportCapture {
    var report: (any Reporting)?
}

/// A command that writes its answer to an ``Output`` instead of printing, so the fuzz and
/// golden tests can run the real commands in-process.
package protocol AnsweringCommand {
    func answer(into output: inout Output) throws
}

/// A design's command: it answers into an ``Output`` and names the parameter catalog its
/// options come from, so the registry (``Trialsize/designCommands``), `trialsize parameters` and
/// the tests that keep options and declarations in step all read one list.
package protocol DesignCommand: ParsableCommand, AnsweringCommand {
    /// The parameters the command's options declare (help, ranges, defaults).
    static var parameters: ParameterCatalog { get }
}

extension AnsweringCommand where Self: ParsableCommand {
    /// Answers to standard output (``CommandLineRun`` calls `answer(into:)` itself, with the
    /// warning sink bound; this is the path when a command is run on its own).
    func run() throws {
        var output = Output.standard
        try answer(into: &output)
    }
}

/// The process's standard output, written with write(2) in 64 KiB blocks so that a failure (a full
/// disk, a closed pipe) is seen and reported: an answer that could not be written is never a success.
/// Only the command line's main thread writes to it.
public final class StandardOutput: @unchecked Sendable {
    /// The one standard output of the process.
    public static let shared = StandardOutput()

    private var buffer: [UInt8] = []
    /// The errno of the first failed write; 0 while every write succeeded.
    private(set) var failure: Int32 = 0

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered; returns the errno of the first failure, or 0.
    @discardableResult
    public func flush() -> Int32 {
        var offset = 0
        while offset < buffer.count, failure == 0 {
            let written = buffer[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
            } else {
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
        return failure
    }
}
