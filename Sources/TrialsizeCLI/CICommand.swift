import ArgumentParser
import Foundation
import TrialDesign
import TrialReport

/// `trialsize ci`: an interval for a binomial proportion, the n for a given width, or a batch.
struct CICommand: DesignCommand {
    static let parameters = BinomialParameters.ci

    static let configuration = CommandConfiguration(
        commandName: "ci",
        abstract: "Confidence interval for a response rate: x responses among n patients (Clopper-Pearson by default).",
        discussion: """
            Examples:
              trialsize ci 4 26                         15.4% (95% CI 4.4% to 34.9%)
              trialsize ci 4 26 --method all            every method side by side
              trialsize ci --width 0.2 --expected 0.3   n for a width of at most 0.2
              trialsize ci --input counts.csv           a result per x,n line (- stdin)

            Counts are whole numbers with 0 <= x <= n <= 1000000000.
            """)

    @Argument(help: ArgumentHelp(BinomialParameters.ci, "x"))
    var x: String?

    @Argument(help: ArgumentHelp(BinomialParameters.ci, "n"))
    var n: String?

    @Option(help: ArgumentHelp(BinomialParameters.ci, "conf"))
    var conf: Double = 0.95

    @Option(help: ArgumentHelp(BinomialParameters.ci, "sides"))
    var sides: Sidedness = .twoSided

    @Option(help: ArgumentHelp(BinomialParameters.ci, "method"))
    var method: MethodChoice = .clopperPearson

    @Option(help: ArgumentHelp(BinomialParameters.ci, "width"))
    var width: Double?

    @Option(help: ArgumentHelp(BinomialParameters.ci, "expected"))
    var expected: Double?

    @Option(help: ArgumentHelp(BinomialParameters.ci, "input"))
    var input: String?

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    enum MethodChoice: String, ExpressibleByArgument, CaseIterable {
        case clopperPearson = "clopper-pearson"
        case midP = "mid-p"
        case wilson, jeffreys
        case agrestiCoull = "agresti-coull"
        case wald, all

        var methods: [IntervalMethod] {
            self == .all ? IntervalMethod.allCases : [IntervalMethod(rawValue: rawValue)!]
        }
    }

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let level = try ConfidenceLevel(conf, sides: sides)
        if input != nil || width != nil || expected != nil {
            let mode = input != nil ? "--input" : "--width"
            try request.refuse(plot: true, report: true, because: "with \(mode) (plots and reports are for one x and n)")
            if format.justify || request.template != nil {
                throw InvalidInput(
                    parameter: format.justify ? "justify" : "template",
                    requirement: "is not available with \(mode) (the paragraph is for one x and n)", value: "")
            }
        }
        if let input {
            guard x == nil, n == nil, width == nil else {
                throw InvalidInput(parameter: "input", requirement: "cannot be combined with X, N or --width", value: "")
            }
            // A batch is CSV (text) or JSON lines; Markdown or LaTeX would silently be CSV.
            guard format.choice == .text || format.choice == .json else {
                throw InvalidInput(parameter: "format", requirement: "text (CSV) or json with --input", value: format.choice.rawValue)
            }
            try BatchIntervals(level: level, methods: method.methods, json: format.format == .json).run(
                path: input, upload: output.upload, into: &output)
            return
        }
        if width != nil || expected != nil {
            guard let width else { throw InvalidInput(parameter: "width", requirement: "is required with --expected", value: "") }
            guard let expected else { throw InvalidInput(parameter: "expected", requirement: "is required with --width", value: "") }
            guard x == nil, n == nil else {
                throw InvalidInput(parameter: "width", requirement: "cannot be combined with X and N", value: "")
            }
            guard method != .all else { throw InvalidInput(parameter: "method", requirement: "a single method with --width", value: "all") }
            let problem = try IntervalWidthSize(width: width, expected: expected, level: level, method: method.methods[0])
            try request.write(IntervalWidthReport(problem, try problem.solve()), formatting: format, into: &output)
            return
        }
        guard let xText = x, let nText = n else {
            throw InvalidInput(
                parameter: "", requirement: "ci needs both X and N (trialsize ci X N), or --width with --expected, or --input FILE",
                value: "")
        }
        let trials = try Self.count(nText, "n", in: 1...ObservedProportion.maximumTrials)
        let successes = try Self.count(xText, "x", in: 0...trials)
        let observed = try ObservedProportion(successes: successes, trials: trials)
        let intervals = try method.methods.map { try $0.interval(observed, level) }
        // With --method all the paragraph is about the first method, Clopper-Pearson.
        try request.write(IntervalReport(intervals), formatting: format, into: &output)
    }

    /// A whole number typed by the user, within `range`; "4.5", "-1" and "1e3" are refused.
    static func count(_ text: String, _ parameter: String, in range: ClosedRange<Int>) throws(InvalidInput) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Int(trimmed), range.contains(value) else {
            throw InvalidInput(
                parameter: parameter, requirement: "a whole number in \(range.lowerBound)...\(range.upperBound)", value: trimmed)
        }
        return value
    }
}

/// Streams one interval per `x,n` line of a file or standard input.
///
/// The input is read in blocks of 64 KiB and cut into lines, so input of any length runs in
/// constant memory; a line longer than ``maximumLineLength`` bytes (`/dev/zero`, a binary file)
/// is refused when it passes the cap, before more is read. Blank lines and a first line `x,n` are
/// skipped. A first line naming `x`, `n` and other columns (`id,x,n`) is a header: the other
/// columns pass through to every output line (``BatchColumns``). A bad line stops the run with exit 64 naming its line number, after every result
/// before it is written; so does a line over the cap or a read error (a folder given as the file).
///
/// Lines are parsed byte by byte into a chunk of up to ``chunkLines`` observations; each chunk's
/// intervals are computed and formatted (``BatchLineWriter``, no allocation per line) on every
/// core, each core a contiguous slice into its own buffer, and the buffers are written in input
/// order. Memory is bounded by the chunk, whatever the file's length (issue 18).
struct BatchIntervals {
    let level: ConfidenceLevel
    let methods: [IntervalMethod]
    let json: Bool
    /// Threads that compute a chunk (the output does not depend on it).
    var threads = ProcessInfo.processInfo.activeProcessorCount

    /// The longest line accepted, in bytes (an `x,n` line needs at most 23 plus spaces).
    static let maximumLineLength = 1024
    /// Observations parsed before they are computed and written.
    static let chunkLines = 1 << 14

    /// Reads the file at `path` (`-`: standard input, or `upload` when one is given: a data file
    /// held in memory) and writes one result per `x,n` line into `output`.
    func run(path: String, upload: Output.Upload? = nil, into output: inout Output) throws {
        if path == "-", let upload {
            let finished: Void?
            do {
                finished = try upload.withFile { file in try run(reading: file, name: upload.name, into: &output) }
            }
            guard finished != nil else {
                throw InvalidInput(parameter: "input", requirement: "a readable file", value: upload.name)
            }
            return
        }
        let file: UnsafeMutablePointer<FILE>?
        file = path == "-" ? fdopen(0, "r") : fopen(path, "r")
        guard let file else {
            throw InvalidInput(parameter: "input", requirement: "a readable file or -", value: path)
        }
        defer { if path != "-" { fclose(file) } }  // fdopen(0) is left open: standard input belongs to the process
        try run(reading: file, name: path, into: &output)
    }

    /// Reads `file` (shown as `path` in errors) to its end, as ``run(path:upload:into:)`` describes.
    private func run(reading file: UnsafeMutablePointer<FILE>, name path: String, into output: inout Output) throws {
        var lineNumber = 0
        var chunk: [ObservedProportion] = []
        chunk.reserveCapacity(Self.chunkLines)
        // The first non-blank line decides the layout: `x,n` lines (a first line `x,n` skipped),
        // or a header naming x, n and columns to pass through (``BatchColumns``).
        var decided = false
        var columns: BatchColumns?
        var prefixes: [[UInt8]] = []
        var pending = ""  // output written before the first computed chunk (the CSV header)
        var line: [UInt8] = []
        line.reserveCapacity(Self.maximumLineLength + 1)
        var block = [UInt8](repeating: 0, count: 1 << 16)
        // For the progress bar: the share of a regular file read so far.
        var status = stat()
        let size = fstat(fileno(file), &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : 0
        var bytesRead = 0

        func flush() {
            if !pending.isEmpty { output.write(pending); pending = "" }
        }
        func tooLong() -> InvalidInput {
            InvalidInput(
                parameter: "input", requirement: "lines of at most \(Self.maximumLineLength) characters",
                value: "line \(lineNumber + 1) is longer")
        }
        /// Parses one line (with its line ending) into the chunk; throws for a bad line.
        func handle(_ bytes: UnsafeBufferPointer<UInt8>) throws(InvalidInput) {
            lineNumber += 1
            if let columns {
                let text = String(decoding: bytes, as: UTF8.self)
                if text.allSatisfy(\.isWhitespace) { return }
                guard let values = columns.values(text), values.n >= 1, values.n <= ObservedProportion.maximumTrials, values.x <= values.n,
                    let observed = try? ObservedProportion(successes: values.x, trials: values.n)
                else {
                    throw InvalidInput(
                        parameter: "input",
                        requirement:
                            "lines of the header's \(columns.count) columns, with x and n whole numbers 0 <= x <= n <= \(ObservedProportion.maximumTrials)",
                        value: "line \(lineNumber): \(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(60))")
                }
                chunk.append(observed)
                prefixes.append(columns.prefix(values.extras, json: json))
                return
            }
            let parsed = Self.parse(bytes)
            if parsed.blank { return }
            if !decided {
                decided = true
                if parsed.counts == nil, let header = BatchColumns(header: String(decoding: bytes, as: UTF8.self)) {
                    columns = header
                    if !json { pending = header.csvHeader(IntervalReport.batchHeader) }
                    return
                }
                if !json { pending = IntervalReport.batchHeader }
            }
            guard let (successes, trials) = parsed.counts,
                trials >= 1, trials <= ObservedProportion.maximumTrials, successes <= trials,
                let observed = try? ObservedProportion(successes: successes, trials: trials)
            else {
                let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if lineNumber == 1 && text.lowercased().replacingOccurrences(of: " ", with: "") == "x,n" { return }
                throw InvalidInput(
                    parameter: "input",
                    requirement: "lines of x,n with whole numbers 0 <= x <= n <= \(ObservedProportion.maximumTrials)",
                    value: "line \(lineNumber): \(text.prefix(60))")
            }
            chunk.append(observed)
        }

        // After any error (a bad or long line, a read error), every result computed before it is
        // written first, then the error: nothing already computed is dropped.
        do {
            while true {
                let count = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
                if count == 0 { break }
                bytesRead += count
                try block.withUnsafeBufferPointer { bytes throws in
                    var start = 0
                    for i in 0..<count where bytes[i] == 10 {
                        if line.isEmpty {
                            guard i - start + 1 <= Self.maximumLineLength + 1 else { throw tooLong() }
                            try handle(UnsafeBufferPointer(rebasing: bytes[start...i]))
                        } else {
                            guard line.count + (i - start) <= Self.maximumLineLength else { throw tooLong() }
                            line.append(contentsOf: bytes[start...i])
                            try line.withUnsafeBufferPointer { try handle($0) }
                            line.removeAll(keepingCapacity: true)
                        }
                        start = i + 1
                        if chunk.count == Self.chunkLines {
                            // Emptied also when it throws.
                            defer { chunk.removeAll(keepingCapacity: true); prefixes.removeAll(keepingCapacity: true) }
                            flush()
                            try compute(chunk, prefixes: columns == nil ? nil : prefixes, into: &output)
                            if size > 0 { WorkProgress.report(Double(bytesRead) / Double(size)) }
                        }
                    }
                    guard line.count + (count - start) <= Self.maximumLineLength else { throw tooLong() }
                    line.append(contentsOf: bytes[start..<count])
                }
            }
            if ferror(file) != 0 {
                throw InvalidInput(parameter: "input", requirement: "a readable file or -", value: path)
            }
            if !line.isEmpty { try line.withUnsafeBufferPointer { try handle($0) } }
        } catch {
            flush()
            try compute(chunk, prefixes: columns == nil ? nil : prefixes, into: &output)
            throw error
        }
        if !decided, !json { pending = IntervalReport.batchHeader }  // an empty file still gets its header
        flush()
        try compute(chunk, prefixes: columns == nil ? nil : prefixes, into: &output)
    }

    /// Computes and writes a chunk's intervals in input order, on up to ``threads`` threads
    /// (contiguous slices of at least 256 observations). If an interval fails, every line before
    /// it is written, then the error is thrown.
    func compute(_ observations: [ObservedProportion], prefixes: [[UInt8]]? = nil, into output: inout Output) throws {
        guard !observations.isEmpty else { return }
        let workers = max(1, min(threads, observations.count / 256))
        let methods = methods, level = level, writer = BatchLineWriter(json: json)
        let per = (observations.count + workers - 1) / workers
        @Sendable func work(_ w: Int) -> (bytes: [UInt8], failure: (any Error)?) {
            let range = (w * per)..<min(observations.count, (w + 1) * per)
            var buffer: [UInt8] = []
            buffer.reserveCapacity(range.count * methods.count * (json ? 150 : 80))
            var failure: (any Error)?
            lines: for i in range {
                for method in methods {
                    do {
                        let interval = try method.interval(observations[i], level)
                        if let prefixes {
                            // Passed-through columns: before the CSV line, or first inside the JSON object.
                            let start = buffer.count
                            if json {
                                writer.append(interval, to: &buffer)
                                buffer.insert(contentsOf: prefixes[i], at: start + 1)
                            } else {
                                buffer.append(contentsOf: prefixes[i])
                                writer.append(interval, to: &buffer)
                            }
                        } else {
                            writer.append(interval, to: &buffer)
                        }
                    } catch {
                        failure = error
                        break lines
                    }
                }
            }
            return (buffer, failure)
        }
        for (buffer, failure) in ParallelWork.map(workers: workers, work) {
            output.write(String(decoding: buffer, as: UTF8.self))
            if let failure { throw failure }
        }
    }

    /// `x,n` with optional spaces around each number and a line ending: whole numbers only
    /// (no signs, decimals or exponents), at most 10 digits each. Byte by byte, for speed.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (blank: Bool, counts: (Int, Int)?) {
        var i = 0
        func skipSpace() { while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 13 || bytes[i] == 10 { i += 1 } }
        func number() -> Int? {
            let start = i
            var value = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, i - start < 10 {
                value = value * 10 + Int(bytes[i] - 48)
                i += 1
            }
            return i > start && (i >= bytes.count || bytes[i] < 48 || bytes[i] > 57) ? value : nil
        }
        skipSpace()
        if i == bytes.count { return (true, nil) }
        guard let x = number() else { return (false, nil) }
        skipSpace()
        guard i < bytes.count, bytes[i] == 44 else { return (false, nil) }
        i += 1
        skipSpace()
        guard let n = number() else { return (false, nil) }
        skipSpace()
        return (false, i == bytes.count ? (x, n) : nil)
    }
}
