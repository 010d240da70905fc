import Foundation
import Testing
import TrialDesign
import TrialReport

@testable import TrialsizeCLI

@Suite("Report options")
struct ReportOptionsTests {
    /// A fresh folder for one test's files.
    static func folder() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("trialsize-report-options-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The one line the command line prints for `arguments`, or nil when they pass; the
    /// options validate while parsing, so a design command refuses a bad path before computing.
    static func message(_ arguments: [String]) -> String? {
        do {
            _ = try ReportOptions.parse(arguments).validated()
            return nil
        } catch {
            #expect(ReportOptions.exitCode(for: error) == .validationFailure, "exit 64")
            return ReportOptions.message(for: error)
        }
    }

    @Test("good paths pass, and nothing is asked for by default")
    func accepted() throws {
        let folder = try Self.folder()
        let template = folder.appendingPathComponent("mine.mustache")
        try Data("{{patients}}".utf8).write(to: template)
        let request = try ReportOptions.parse([
            "--plot", folder.appendingPathComponent("p.SVG").path,
            "--report", folder.appendingPathComponent("r.html").path,
            "--template", template.path,
        ]).validated()
        #expect(request.template?.source == "{{patients}}")
        if case .user = request.templateChoice(shipped: "survival") {} else { Issue.record("the user's template was not chosen") }
        let none = try ReportOptions.parse([]).validated()
        #expect(none.plotPath == nil && none.reportPath == nil && none.template == nil)
        if case .shipped("survival") = none.templateChoice(shipped: "survival") {
        } else {
            Issue.record("the shipped template was not chosen")
        }
    }

    @Test("bad paths are refused in one line naming the option")
    func refused() throws {
        let folder = try Self.folder()
        #expect(Self.message(["--plot", "curve.png"]) == "--plot must be a file name ending in .svg, got curve.png")
        #expect(Self.message(["--report", "report.pdf"]) == "--report must be a file name ending in .html, .htm or .docx, got report.pdf")
        #expect(
            Self.message(["--plot", "/no/such/folder/curve.svg"])
                == "--plot must be in an existing folder (/no/such/folder does not exist), got /no/such/folder/curve.svg")
        let directory = folder.appendingPathComponent("looks.svg")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        #expect(Self.message(["--plot", directory.path]) == "--plot must be a file, not a folder, got \(directory.path)")
        let fresh = folder.appendingPathComponent("x.svg").path
        #expect(Self.message(["--plot", fresh]) == nil)
        #expect(
            Self.message(["--template", "/no/such/template.mustache"])
                == "--template must be a readable template file, got /no/such/template.mustache")
        #expect(Self.message(["--template", folder.path]) == "--template must be a readable template file, got \(folder.path)")
        for arguments in [["--plot", "curve.png"], ["--report", "/no/such/r.html"], ["--template", "/no/such/t"]] {
            #expect(Self.message(arguments)?.contains("\n") == false)
        }
    }

    @Test("validated() gives the same InvalidInput the parser reports")
    func invalidInput() throws {
        var options = try ReportOptions.parse([])
        options.plot = "curve.png"
        #expect(throws: InvalidInput(parameter: "plot", requirement: "a file name ending in .svg", value: "curve.png")) {
            try options.validated()
        }
    }

    @Test("files are written whole, and a failure is one line")
    func writing() throws {
        let folder = try Self.folder()
        let path = folder.appendingPathComponent("r.html").path
        try ReportOptions.write("<p>one</p>", to: path, option: "report")
        try ReportOptions.write("<p>two</p>", to: path, option: "report")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<p>two</p>")
        do {
            try ReportOptions.write("x", to: "/no/such/folder/r.html", option: "report")
            Issue.record("writing into a missing folder succeeded")
        } catch {
            #expect(error.parameter == "report")
            #expect("--\(error)".hasPrefix("--report must be a file trialsize can write ("))
            #expect(!"\(error)".contains("\n"))
        }
    }
}
