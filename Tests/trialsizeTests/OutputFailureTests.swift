import Foundation
import Testing

/// An answer that could not be written is never a success (issue 19): the real binary, its standard
/// output on /dev/full, exits 74 with one line on standard error.
@Suite("Output that cannot be written")
struct OutputFailureTests {
    /// The built `trialsize` binary beside the test bundle.
    static var binary: URL? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("trialsize")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    @Test("standard output on a full device: exit 74 and one line", .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func fullDevice() throws {
        let binary = try #require(Self.binary, "the trialsize binary is built beside the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["ci", "4", "26", "--method", "all"]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 74)
        // Warnings ("trialsize: warning: ...") may come first; then exactly one error line.
        let lines = message.split(separator: "\n").filter { !$0.hasPrefix("trialsize: warning: ") }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("trialsize: error: the answer could not be written") == true)
    }

    @Test("an ordinary answer to a pipe still exits 0")
    func ordinary() throws {
        let binary = try #require(Self.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["ci", "4", "26"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("15.4%"))
    }
}
