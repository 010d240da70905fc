import Foundation
import TrialDesign

/// Reads a CSV file of follow-up for `trialsize analyze survival`: a header line naming the
/// columns, then one patient per line.
///
/// * Fields are separated by commas; spaces and double quotes around a field are ignored (so
///   R's `write.csv` output reads as is); quoted fields holding commas are not supported.
/// * Blank lines are skipped; a line ending in CR LF is read as LF.
/// * The time column holds finite numbers >= 0; the event column 1 (event: progression or
///   death) or 0 (censored); the optional entry column finite numbers >= 0 (calendar time of
///   entry, for `--cutoff`).
/// * The file is read in 64 KiB blocks; a line longer than ``maximumLineLength`` bytes (binary
///   garbage, one enormous line) is refused when it passes the cap, and a file with more than
///   ``SurvivalSample/maximumPatients`` patients when the next row would pass it, so memory
///   stays proportional to the rows accepted.
///
/// Every problem is one ``InvalidInput`` naming `input` and the line number (exit 64).
struct SurvivalCSV {
    var timeColumn = "time"
    var eventColumn = "event"
    var entryColumn: String?

    /// The longest line accepted, in bytes.
    static let maximumLineLength = 4096

    struct Rows {
        var times: [Double] = []
        var events: [Bool] = []
        var entries: [Double] = []
    }

    /// The rows of the file at `path` (`-`: standard input, or `upload` when the web page
    /// handed one over: a data file read in memory, never from the file system).
    func read(path: String, upload: Output.Upload? = nil) throws(InvalidInput) -> Rows {
        if path == "-", let upload {
            guard !upload.bytes.isEmpty else {
                throw InvalidInput(
                    parameter: "input", requirement: "a CSV file with a header line (\(timeColumn),\(eventColumn))", value: "an empty file")
            }
            let rows = upload.withFile { file in Result { () throws(InvalidInput) -> Rows in try read(file, name: upload.name) } }
            guard let rows else { throw InvalidInput(parameter: "input", requirement: "a readable file", value: upload.name) }
            return try rows.get()
        }
        let file: UnsafeMutablePointer<FILE>? = path == "-" ? fdopen(0, "r") : fopen(path, "r")
        guard let file else { throw InvalidInput(parameter: "input", requirement: "a readable file or -", value: path) }
        defer { if path != "-" { fclose(file) } }
        return try read(file, name: path)
    }

    private func read(_ file: UnsafeMutablePointer<FILE>, name path: String) throws(InvalidInput) -> Rows {
        var parser = Parser(columns: self)
        var line: [UInt8] = []
        line.reserveCapacity(Self.maximumLineLength + 1)
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            var start = 0
            var i = 0
            while i < count {
                if block[i] == 10 {
                    guard line.count + (i - start) <= Self.maximumLineLength else { throw parser.tooLong() }
                    line.append(contentsOf: block[start..<i])
                    try parser.handle(line)
                    line.removeAll(keepingCapacity: true)
                    start = i + 1
                }
                i += 1
            }
            guard line.count + (count - start) <= Self.maximumLineLength else { throw parser.tooLong() }
            line.append(contentsOf: block[start..<count])
        }
        if ferror(file) != 0 { throw InvalidInput(parameter: "input", requirement: "a readable file or -", value: path) }
        if !line.isEmpty { try parser.handle(line) }
        guard parser.header != nil else {
            throw InvalidInput(
                parameter: "input", requirement: "a CSV file with a header line (\(timeColumn),\(eventColumn))", value: "an empty file")
        }
        guard !parser.rows.times.isEmpty else {
            throw InvalidInput(parameter: "input", requirement: "at least one patient after the header", value: "none")
        }
        return parser.rows
    }

    /// The state of one read: the header's column positions and the rows so far.
    struct Parser {
        let columns: SurvivalCSV
        var header: [String]?
        var timeIndex = 0, eventIndex = 0, entryIndex = -1
        var lineNumber = 0
        var rows = Rows()

        init(columns: SurvivalCSV) { self.columns = columns }

        func tooLong() -> InvalidInput {
            InvalidInput(
                parameter: "input", requirement: "lines of at most \(SurvivalCSV.maximumLineLength) bytes",
                value: "line \(lineNumber + 1) is longer")
        }

        func problem(_ what: String, _ field: ArraySlice<UInt8>) -> InvalidInput {
            let text = String(decoding: field.prefix(40), as: UTF8.self)
            return InvalidInput(
                parameter: "input", requirement: "\(what) on line \(lineNumber)",
                value: text.isEmpty ? "an empty field" : "'\(text)'")
        }

        /// The fields of a line, without surrounding spaces and quotes.
        static func fields(_ line: [UInt8]) -> [ArraySlice<UInt8>] {
            line.split(separator: 44, omittingEmptySubsequences: false).map(trimmed)
        }

        mutating func handle(_ line: [UInt8]) throws(InvalidInput) {
            lineNumber += 1
            guard let header else {
                if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { return }
                guard line.allSatisfy({ $0 >= 32 || $0 == 9 || $0 == 13 }) else {
                    throw InvalidInput(
                        parameter: "input", requirement: "a text CSV file", value: "a control character on line \(lineNumber)")
                }
                try readHeader(Self.fields(line))
                return
            }
            // One pass over the bytes: control characters, blank lines, and where the three wanted fields lie.
            var blank = true, control = false
            var fieldCount = 1, fieldStart = 0
            var time = 0..<0, event = 0..<0, entry = 0..<0
            let count = line.count
            line.withUnsafeBufferPointer { bytes in
                for i in 0...count {
                    let byte: UInt8 = i == count ? 44 : bytes[i]
                    if byte == 44 {
                        let index = fieldCount - 1
                        if index == timeIndex { time = fieldStart..<i }
                        if index == eventIndex { event = fieldStart..<i }
                        if index == entryIndex { entry = fieldStart..<i }
                        if i < count { fieldCount += 1 }
                        fieldStart = i + 1
                        if i < count { blank = false }
                    } else if byte != 32 && byte != 9 && byte != 13 {
                        blank = false
                        if byte < 32 { control = true }
                    }
                }
            }
            if blank { return }
            if control {
                throw InvalidInput(parameter: "input", requirement: "a text CSV file", value: "a control character on line \(lineNumber)")
            }
            guard fieldCount == header.count else {
                throw InvalidInput(
                    parameter: "input", requirement: "\(header.count) fields on line \(lineNumber), as in the header",
                    value: String(fieldCount))
            }
            guard rows.times.count < SurvivalSample.maximumPatients else {
                throw InvalidInput(
                    parameter: "input", requirement: "at most \(SurvivalSample.maximumPatients) patients (the documented cap)",
                    value: "more, at line \(lineNumber)")
            }
            let timeField = Self.trimmed(line[time])
            guard let value = number(timeField), value >= 0 else {
                throw problem("a finite time >= 0 in column '\(columns.timeColumn)'", timeField)
            }
            let code = Self.trimmed(line[event])
            guard code.count == 1, let c = code.first, c == 48 || c == 49 else {
                throw problem("an event code 1 (event) or 0 (censored) in column '\(columns.eventColumn)'", code)
            }
            if entryIndex >= 0 {
                let entryField = Self.trimmed(line[entry])
                guard let start = number(entryField), start >= 0 else {
                    throw problem("a finite entry time >= 0 in column '\(columns.entryColumn ?? "")'", entryField)
                }
                rows.entries.append(start)
            }
            rows.times.append(value)
            rows.events.append(c == 49)
        }

        /// A field without surrounding spaces and one pair of double quotes.
        static func trimmed(_ field: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var f = field
            while let c = f.first, c == 32 || c == 9 || c == 13 { f = f.dropFirst() }
            while let c = f.last, c == 32 || c == 9 || c == 13 { f = f.dropLast() }
            if f.count >= 2, f.first == 34, f.last == 34 { f = f.dropFirst().dropLast() }
            return f
        }

        /// Scratch space for ``number(_:)``: a field copied and NUL-terminated for strtod.
        var scratch = [CChar](repeating: 0, count: 65)

        mutating func readHeader(_ fields: [ArraySlice<UInt8>]) throws(InvalidInput) {
            let names = fields.map { String(decoding: $0, as: UTF8.self) }
            var seen: Set<String> = []
            for name in names where !seen.insert(name).inserted {
                throw InvalidInput(
                    parameter: "input", requirement: "a header whose column names differ (line \(lineNumber))",
                    value: "'\(name)' twice")
            }
            func index(_ name: String, _ option: String) throws(InvalidInput) -> Int {
                guard let i = names.firstIndex(of: name) else {
                    let shown = names.prefix(10).joined(separator: ",")
                    throw InvalidInput(
                        parameter: option, requirement: "a column of the header (line \(lineNumber): \(shown.prefix(200)))",
                        value: "'\(name)'")
                }
                return i
            }
            timeIndex = try index(columns.timeColumn, "time-column")
            eventIndex = try index(columns.eventColumn, "event-column")
            if let entry = columns.entryColumn { entryIndex = try index(entry, "entry-column") }
            header = names
        }

        /// A decimal number (strtod's syntax, hexadecimal excluded), finite; nil otherwise.
        mutating func number(_ field: ArraySlice<UInt8>) -> Double? {
            guard !field.isEmpty, field.count < 64 else { return nil }
            var i = 0
            for byte in field {
                if byte == 120 || byte == 88 { return nil }  // 0x..: hexadecimal
                scratch[i] = CChar(bitPattern: byte)
                i += 1
            }
            scratch[i] = 0
            let length = field.count
            return scratch.withUnsafeMutableBufferPointer { pointer -> Double? in
                var end: UnsafeMutablePointer<CChar>?
                let value = strtod(pointer.baseAddress!, &end)
                guard let end, end - pointer.baseAddress! == length, value.isFinite else { return nil }
                return value
            }
        }
    }
}
