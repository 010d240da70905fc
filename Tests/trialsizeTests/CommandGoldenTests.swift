import Foundation
import Testing

@testable import TrialsizeCLI

/// Golden files of every command's output, run through the real parser in-process.
///
/// Each case is one representative command line per command and mode. For every case the test
/// runs the command in each `--format` (text, markdown, latex, json), once more with `--justify`
/// (text), and once with `--report FILE.html` (and `.docx`), and compares what it printed with
/// `Golden/<case>.<ext>` byte for byte (`.txt`, `.md`, `.tex`, `.json`, `-justify.txt`, `.html`).
/// When a run writes to standard error or fails, that goes to `<file>.stderr` (its exit status
/// on the first line), so refusals and warnings are pinned too.
///
/// They prove that refactoring the report layer changes no number. After a deliberate change,
/// `TRIALSIZE_UPDATE_GOLDEN=1 swift test --filter CommandGoldenTests` rewrites them; review the
/// diff before committing.
@Suite("Golden output of every command")
struct CommandGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        /// Whether `--report FILE.html` is part of the case (refused for modes without a report).
        var html = true
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // survival: each unknown, every method, a simulation, the warnings
        Case(name: "survival-solve", arguments: ["survival", "--control-median", "8", "--median", "13", "--dropout", "0.1"]),
        Case(name: "survival-power", arguments: ["survival", "--control-median", "8", "--median", "13", "--patients", "20"]),
        Case(name: "survival-detectable", arguments: ["survival", "--control-median", "8", "--patients", "30", "--power", "0.8"]),
        Case(name: "survival-all", arguments: ["survival", "--control-median", "8", "--median", "13", "--method", "all"]),
        Case(
            name: "survival-log-rank",
            arguments: [
                "survival", "--control-median", "9", "--shape", "1.22", "--hazard-ratio", "0.5714",
                "--accrual", "5", "--follow-up", "3", "--method", "log-rank", "--unit", "months",
            ]),
        Case(
            name: "survival-landmark",
            arguments: [
                "survival", "--control-survival", "0.3", "--survival", "0.5", "--at", "12",
                "--unit", "months", "--accrual-rate", "2", "--follow-up", "6", "--loss-rate", "0.01",
            ]),
        Case(
            name: "survival-simulate",
            arguments: [
                "survival", "--control-median", "8", "--median", "13", "--simulate", "300",
                "--threads", "2",
            ]),
        Case(name: "survival-warnings", arguments: ["survival", "--control-median", "13", "--median", "8", "--patients", "20"]),
        // a sensitivity grid
        Case(name: "grid-survival", arguments: ["survival", "--control-median", "8", "--median", "12,13,14", "--power", "0.8,0.9"]),
        // ci
        Case(name: "ci", arguments: ["ci", "4", "26"]),
        Case(name: "ci-one-sided", arguments: ["ci", "0", "18", "--sides", "1", "--conf", "0.9"]),
        Case(name: "ci-all", arguments: ["ci", "4", "26", "--method", "all"]),
        Case(name: "ci-wald", arguments: ["ci", "1", "12", "--method", "wald"]),
        Case(name: "ci-width", arguments: ["ci", "--width", "0.2", "--expected", "0.3"], html: false),
        Case(
            name: "ci-input",
            arguments: [
                "ci", "--input", Self.goldenFolder.appendingPathComponent("ci-input.csv").path,
                "--method", "all",
            ], html: false),
        // single-stage
        Case(name: "single-stage", arguments: ["single-stage", "--p0", "0.2", "--p1", "0.4", "--table"]),
        Case(name: "single-stage-two-sided", arguments: ["single-stage", "--p0", "0.05", "--p1", "0.2", "--sides", "2", "--power", "0.9"]),
        // simon
        Case(name: "simon", arguments: ["simon", "--p0", "0.2", "--p1", "0.4"]),
        Case(name: "simon-admissible", arguments: ["simon", "--p0", "0.1", "--p1", "0.3", "--admissible"]),
        Case(name: "simon-design", arguments: ["simon", "--p0", "0.1", "--p1", "0.3", "--design", "1/10,5/29"], html: false),
        // crm
        Case(
            name: "crm-skeleton",
            arguments: ["crm", "skeleton", "--target", "0.25", "--halfwidth", "0.09", "--levels", "4", "--prior-mtd", "3"]),
        Case(name: "crm-skeleton-given", arguments: ["crm", "skeleton", "--target", "0.25", "--skeleton", "0.05,0.12,0.25,0.40"]),
        Case(
            name: "crm-next",
            arguments: [
                "crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25",
                "--levels", "3,3,4", "--dlt", "0,0,1",
            ]),
        Case(
            name: "crm-next-tite",
            arguments: [
                "crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25",
                "--levels", "1,2,2,3", "--dlt", "0,0,1,0", "--follow-up", "21,21,5,7", "--window", "21",
            ]),
        Case(
            name: "crm-simulate",
            arguments: [
                "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--truth", "0.05,0.12,0.25,0.40",
                "--target", "0.25", "--patients", "12", "--start", "1", "--trials", "200", "--threads", "2",
            ]),
        Case(
            name: "crm-simulate-tite",
            arguments: [
                "crm", "simulate", "--halfwidth", "0.09", "--prior-mtd", "3", "--truth",
                "0.05,0.12,0.25,0.40", "--target", "0.25", "--patients", "10", "--start", "3",
                "--tite", "--window", "21", "--rate", "0.25", "--trials", "100", "--threads", "2",
            ]),
        Case(
            name: "crm-simulate-scenarios",
            arguments: [
                "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--truth", "0.05,0.12,0.25,0.40",
                "--truth", "0.25,0.40,0.50,0.60", "--target", "0.25", "--patients", "12", "--start", "1", "--trials", "200",
                "--threads", "2",
            ]),
        Case(
            name: "crm-calibrate",
            arguments: [
                "crm", "calibrate", "--target", "0.25", "--levels", "4", "--prior-mtd", "3",
                "--patients", "10", "--trials", "20", "--threads", "2",
            ]),
        // the designs and analyses added after the first wave
        Case(
            name: "survival-two-stage",
            arguments: [
                "survival", "--two-stage", "--control-median", "8", "--median", "13", "--accrual-rate", "0.25",
                "--follow-up", "26",
            ]),
        Case(
            name: "survival-restricted",
            arguments: [
                "survival", "--control-median", "8", "--median", "13", "--accrual-rate", "1", "--max-follow-up", "26",
                "--method", "log-rank",
            ]),
        Case(name: "toxicity-boundary", arguments: ["toxicity-boundary", "--p0", "0.2", "--p1", "0.35", "--looks", "10,20,30,40"]),
        Case(
            name: "two-arm-survival",
            arguments: [
                "two-arm", "survival", "--control-median", "8", "--median", "13", "--accrual", "52", "--follow-up", "26",
                "--method", "all",
            ]),
        Case(
            name: "two-arm-binomial",
            arguments: ["two-arm", "binomial", "--p0", "0.2", "--p1", "0.4", "--alpha", "0.025", "--method", "all"]),
        Case(name: "pick-winner", arguments: ["pick-winner", "--arms", "3", "--p0", "0.2", "--delta", "0.15", "--correct", "0.9"]),
        Case(
            name: "analyze-survival",
            arguments: [
                // Relative to the package root (swift test's working folder), so the golden files do not
                // hold this checkout's absolute path.
                "analyze", "survival", "--input", "docs/examples/seed-pfs.csv",
                "--control-median", "8", "--at", "12",
            ]),
        Case(name: "analyze-binomial", arguments: ["analyze", "binomial", "4", "26", "--p0", "0.1"]),
        Case(
            name: "analyze-single-stage",
            arguments: ["analyze", "single-stage", "--n", "36", "--responses", "12", "--p0", "0.2", "--planned-n", "35"]),
        Case(name: "analyze-simon", arguments: ["analyze", "simon", "--design", "1/10,5/29", "--p0", "0.1", "--responses", "7"]),
        Case(name: "boin-boundaries", arguments: ["boin", "boundaries", "--target", "0.25", "--cohort-size", "3", "--cohorts", "10"]),
        Case(
            name: "boin-next",
            arguments: ["boin", "next", "--target", "0.25", "--levels", "1,1,1,2,2,2", "--dlts", "0,0,0,0,1,0", "--doses", "5"]),
        Case(
            name: "boin-next-tite",
            arguments: [
                "boin", "next", "--target", "0.25", "--levels", "1,1,1,2,2,2", "--dlts", "0,0,0,0,1,0",
                "--follow-up", "28,28,28,28,9,20", "--window", "28", "--doses", "4",
            ]),
        Case(name: "boin-select", arguments: ["boin", "select", "--target", "0.25", "--patients", "3,3,15,9,0", "--dlts", "0,0,4,4,0"]),
        Case(
            name: "boin-simulate",
            arguments: [
                "boin", "simulate", "--target", "0.25", "--truth", "0.05,0.12,0.25,0.40,0.55", "--cohort-size", "3",
                "--cohorts", "10", "--trials", "200", "--seed", "1", "--threads", "2",
            ]),
        Case(
            name: "boin-simulate-tite",
            arguments: [
                "boin", "simulate", "--target", "0.25", "--truth", "0.05,0.12,0.25,0.40", "--truth", "0.12,0.25,0.40,0.55",
                "--window", "28", "--rate", "0.142857", "--trials", "200", "--seed", "1", "--threads", "2",
            ]),
        Case(name: "three-plus-three", arguments: ["three-plus-three", "--truth", "0.05,0.12,0.25,0.40,0.55", "--start", "1"]),
        Case(
            name: "phase1-compare",
            arguments: [
                "phase1", "compare", "--target", "0.25", "--truth", "0.05,0.12,0.25,0.40,0.55", "--patients", "30",
                "--cohort-size", "3", "--trials", "100", "--seed", "1", "--threads", "2",
            ]),
    ]

    /// The runs of one case: a file suffix and the extra arguments.
    static let variants: [(suffix: String, arguments: [String])] = [
        (".txt", []), (".md", ["--format", "markdown"]), (".tex", ["--format", "latex"]), (".json", ["--format", "json"]),
        ("-justify.txt", ["--justify"]),
    ]

    static var goldenFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    @Test(arguments: cases)
    func golden(_ testCase: Case) throws {
        for variant in Self.variants {
            let result = run(testCase.arguments + variant.arguments)
            try Self.expect(result, matches: testCase.name + variant.suffix)
            if variant.suffix == "-justify.txt", result.status == 0 {
                // Every paragraph names the program and its version, cited last.
                let text = result.output.replacingOccurrences(of: "\n", with: " ")
                #expect(text.contains("Calculations were performed with trialsize \(Trialsize.version) ["), "\(testCase.name)")
            }
        }
        guard testCase.html else { return }
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("trialsize-golden-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        let result = run(testCase.arguments + ["--report", page.path])
        let html = (try? String(contentsOf: page, encoding: .utf8)) ?? ""
        try Self.expect((result.status, html, result.errors), matches: testCase.name + ".html")
        try wordDocument(testCase, expectedStatus: result.status)
    }

    /// `--report FILE.docx` writes a zip package whenever `--report FILE.html` succeeds. Its
    /// content is checked by WordDocumentTests and, outside Swift, by scripts/check-docx.py with
    /// python-docx on the files kept in `$TRIALSIZE_DOCX_OUT` (set by scripts/test.sh).
    func wordDocument(_ testCase: Case, expectedStatus: Int32) throws {
        let folder = ProcessInfo.processInfo.environment["TRIALSIZE_DOCX_OUT"].map { URL(fileURLWithPath: $0) }
        let file = (folder ?? FileManager.default.temporaryDirectory)
            .appendingPathComponent(folder == nil ? "trialsize-golden-\(UUID().uuidString).docx" : testCase.name + ".docx")
        defer { if folder == nil { try? FileManager.default.removeItem(at: file) } }
        let result = run(testCase.arguments + ["--report", file.path])
        #expect(result.status == expectedStatus, "\(testCase.name): --report .docx exited \(result.status)")
        guard result.status == 0 else { return }
        let bytes = try Data(contentsOf: file)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(testCase.name).docx is not a zip package")
    }

    /// Compares what a run printed with its golden file (and its standard error and status with
    /// `<name>.stderr`, which exists only when the run failed or wrote to standard error).
    static func expect(
        _ result: (status: Int32, output: String, errors: String), matches name: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let stderr = result.status == 0 && result.errors.isEmpty ? nil : "exit \(result.status)\n" + result.errors
        try compare(result.output, name: name, sourceLocation: sourceLocation)
        try compare(stderr, name: name + ".stderr", sourceLocation: sourceLocation)
    }

    static func compare(_ text: String?, name: String, sourceLocation: SourceLocation) throws {
        let url = goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TRIALSIZE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            if let text {
                try Data(text.utf8).write(to: url, options: .atomic)
            } else if FileManager.default.fileExists(atPath: url.path) {
                try FileManager.default.removeItem(at: url)
            }
            return
        }
        let golden = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
        guard golden != text else { return }
        guard let golden, let text else {
            Issue.record(
                text == nil
                    ? "\(name) is no longer produced but has a golden file"
                    : "no golden file \(name); run TRIALSIZE_UPDATE_GOLDEN=1 swift test --filter CommandGoldenTests",
                sourceLocation: sourceLocation)
            return
        }
        let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, actual.count)
        Issue.record(
            """
            \(name) differs from its golden file at line \(line + 1):
              golden: \(line < expected.count ? String(expected[line]) : "<end of file>")
              now:    \(line < actual.count ? String(actual[line]) : "<end of file>")
            (TRIALSIZE_UPDATE_GOLDEN=1 rewrites the golden files)
            """, sourceLocation: sourceLocation)
    }
}
