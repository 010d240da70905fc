import Foundation
import Testing

@testable import TrialsizeCLI

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `--plot`, `--report`, `--template` and `--justify --format json` on every design command,
/// run through the real parser in-process.
@Suite("Plots, reports and templates from every command")
struct ReportFilesTests {
    static let commands: [(name: String, arguments: [String], plots: Int)] = [
        ("survival", ["survival", "--control-median", "8", "--median", "13", "--dropout", "0.1", "--method", "all"], 2),
        ("ci", ["ci", "4", "26", "--method", "all"], 1),
        ("single-stage", ["single-stage", "--p0", "0.2", "--p1", "0.4"], 1),
        ("simon", ["simon", "--p0", "0.1", "--p1", "0.3", "--admissible"], 2),
        ("crm-skeleton", ["crm", "skeleton", "--target", "0.25", "--halfwidth", "0.09", "--levels", "4", "--prior-mtd", "3"], 1),
        (
            "crm-simulate",
            [
                "crm", "simulate", "--halfwidth", "0.09", "--prior-mtd", "3", "--truth", "0.05,0.12,0.25,0.40",
                "--target", "0.25", "--patients", "10", "--start", "3", "--trials", "200",
            ], 1
        ),
        ("crm-next", ["crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "3,3,4", "--dlt", "0,0,1"], 1),
        (
            "crm-calibrate",
            ["crm", "calibrate", "--target", "0.25", "--levels", "3", "--prior-mtd", "2", "--patients", "6", "--trials", "20"], 1
        ),
    ]

    static func folder() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("trialsize-report-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func wellFormed(_ url: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: url.path) else { return false }
        return XMLParser(data: data).parse()
    }

    @Test(
        "--plot and --report write well-formed SVG and HTML; the answer is still printed",
        arguments: commands.map(\.name))
    func writes(name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name })
        let folder = try Self.folder()
        let page = folder.appendingPathComponent("report.html"), plot = folder.appendingPathComponent("plot.svg")
        let extra = command.plots > 0 ? ["--plot", plot.path] : []
        let result = run(command.arguments + ["--report", page.path] + extra)
        #expect(result.status == 0, "\(name): \(result.errors)")
        #expect(result.output.contains("Inputs"), "\(name): the answer is printed as usual")
        #expect(Self.wellFormed(page), "\(name): report.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.components(separatedBy: "<svg").count - 1 == command.plots, "\(name): plots inline")
        #expect(!html.contains("src=\"http") && !html.contains("<script"), "\(name): self-contained")
        #expect(html.contains("References"), "\(name): the justification and its references are in the page")
        if command.plots > 0 {
            #expect(Self.wellFormed(plot), "\(name): plot.svg")
            if command.plots > 1 {
                // Every file --plot wrote is named on standard error.
                let note = try #require(result.errors.split(separator: "\n").first { $0.hasPrefix("trialsize: --plot wrote") })
                #expect(note.hasPrefix("trialsize: --plot wrote \(command.plots) files: \(plot.path), "), "\(name)")
                for path in note.split(separator: ":").last!.split(separator: ",") {
                    #expect(Self.wellFormed(URL(fileURLWithPath: path.trimmingCharacters(in: .whitespaces))), "\(name): \(path)")
                }
            } else {
                #expect(!result.errors.contains("--plot wrote"), "\(name): one file needs no note")
            }
        }
    }

    @Test(
        "bad paths: one line, exit 64, nothing computed",
        arguments: commands.map(\.name))
    func refused(name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name })
        for bad in [["--plot", "curve.png"], ["--report", "/no/such/folder/r.html"], ["--plot", "/no/such/folder/p.svg"]] {
            let result = run(command.arguments + bad)
            #expect(result.status == 64 && result.output.isEmpty, "\(name) \(bad)")
            #expect(
                result.errors.hasPrefix("trialsize: error: --") && result.errors.filter { $0 == "\n" }.count == 1,
                "\(name): \(result.errors)")
        }
    }

    @Test(
        "--template renders the user's own wording; an unknown variable is one line, exit 64",
        arguments: commands.map(\.name))
    func template(name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name })
        let folder = try Self.folder()
        let good = folder.appendingPathComponent("mine.mustache"), bad = folder.appendingPathComponent("typo.mustache")
        try Data("My own wording.\n{{> references}}".utf8).write(to: good)
        try Data("Power {{atained_power}}.".utf8).write(to: bad)
        let ok = run(command.arguments + ["--justify", "--template", good.path])
        #expect(ok.status == 0 && ok.output.hasPrefix("My own wording.") && ok.output.contains("[1] "), "\(name): \(ok.errors)")
        let refused = run(command.arguments + ["--justify", "--template", bad.path])
        #expect(refused.status == 64 && refused.output.isEmpty, "\(name)")
        #expect(
            refused.errors
                == "trialsize: error: --template \(bad.path), line 1: {{atained_power}} is not a variable of this design (see docs/templates.md)\n",
            "\(name): \(refused.errors)")
        // Checked even when the paragraph is not printed.
        #expect(run(command.arguments + ["--template", bad.path]).status == 64, "\(name)")
    }

    @Test(
        "--justify --format json: the result's keys and the justification beside them",
        arguments: commands.map(\.name))
    func json(name: String) throws {
        let command = try #require(Self.commands.first { $0.name == name })
        let result = run(command.arguments + ["--justify", "--format", "json"])
        #expect(result.status == 0, "\(name): \(result.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(name)")
        let justification = try #require(object["justification"] as? [String: Any], "\(name)")
        #expect(justification["paragraph"] is String && (justification["references"] as? [String])?.isEmpty == false, "\(name)")
        #expect(object.count > 1, "\(name): the result is there too")
        // Text formats print the paragraph alone, ready to paste.
        let text = run(command.arguments + ["--justify"])
        #expect(!text.output.contains("Inputs\n") && text.output.contains("References\n[1] "), "\(name)")
    }
}
