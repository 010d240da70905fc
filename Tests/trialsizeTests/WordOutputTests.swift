import Foundation
import Testing
import ZIPFoundation

@testable import TrialsizeCLI

/// `--format docx` (issue 12): the full report as a Word document on standard output, the same
/// bytes `--report FILE.docx` writes; refused for a terminal and where only text can go.
@Suite("--format docx")
struct WordOutputTests {
    /// Runs a command with an output that takes bytes, as standard output does.
    static func runBinary(_ arguments: [String], terminal: Bool = false) -> (status: Int32, bytes: [UInt8], errors: String) {
        final class Buffer: @unchecked Sendable {
            var bytes: [UInt8] = []
            var errors = ""
        }
        let buffer = Buffer()
        var output = Output { buffer.bytes += Array($0.utf8) }
        output.byteSink = { buffer.bytes += $0 }
        output.isTerminal = terminal
        var errors = Output { buffer.errors += $0 }
        let status = CommandLineRun.execute(arguments, output: &output, errors: &errors)
        return (status, buffer.bytes, buffer.errors)
    }

    /// The text of `word/document.xml` in a .docx package.
    static func documentXML(_ bytes: [UInt8]) throws -> String {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        return String(decoding: xml, as: UTF8.self)
    }

    @Test("the seed question as a Word document: the same bytes as --report FILE.docx, with the justification")
    func seedQuestion() throws {
        let arguments = ["survival", "--control-median", "8", "--median", "13", "--dropout", "0.1"]
        let word = Self.runBinary(arguments + ["--format", "docx"])
        #expect(word.status == 0, "\(word.errors)")
        #expect(word.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("word-\(UUID().uuidString).docx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(run(arguments + ["--report", path]).status == 0)
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try Self.documentXML(word.bytes) == Self.documentXML(Array(file)))
        let xml = try Self.documentXML(word.bytes)
        #expect(xml.contains("Justification") && xml.contains("Calculations were performed with trialsize"))
        #expect(xml.contains("Epstein"))
    }

    @Test("modes without a paragraph and sensitivity grids give their document too")
    func otherModes() throws {
        let width = Self.runBinary(["ci", "--width", "0.2", "--expected", "0.3", "--format", "docx"])
        #expect(width.status == 0, "\(width.errors)")
        #expect(try Self.documentXML(width.bytes).contains("Clopper"))
        let grid = Self.runBinary(["survival", "--control-median", "8", "--median", "12,13", "--format", "docx"])
        #expect(grid.status == 0, "\(grid.errors)")
        #expect(try Self.documentXML(grid.bytes).contains("Sensitivity grid"))
    }

    @Test("refused, one line, exit 64: to a terminal (before any work), with ci --input, and where only text can go")
    func refusals() {
        let terminal = Self.runBinary(["survival", "--control-median", "8", "--median", "13", "--format", "docx"], terminal: true)
        #expect(terminal.status == 64)
        #expect(terminal.bytes.isEmpty)
        #expect(
            terminal.errors
                == "trialsize: error: --format docx needs standard output redirected to a file (> report.docx), or use --report report.docx: a Word document is not text for a terminal\n"
        )
        let batch = Self.runBinary(["ci", "--input", "/dev/null", "--format", "docx"])
        #expect(batch.status == 64)
        #expect(batch.errors.contains("--format must be text (CSV) or json with --input"), "\(batch.errors)")
        let textOnly = run(["survival", "--control-median", "8", "--median", "13", "--format", "docx"])
        #expect(textOnly.status == 64)
        #expect(textOnly.errors.contains("--format must be text, json, markdown or latex here"), "\(textOnly.errors)")
    }
}
