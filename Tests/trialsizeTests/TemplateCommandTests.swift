import Foundation
import Testing
import TrialReport

@testable import TrialsizeCLI

/// `trialsize template list|show`: the shipped justification templates, printed for copying.
@Suite("trialsize template")
struct TemplateCommandTests {
    @Test("list names every justification template, and a copy of one renders the same paragraph")
    func listAndShow() throws {
        let list = run("template", "list")
        #expect(list.status == 0)
        let names = list.output.split(separator: "\n").map(String.init)
        #expect(names == TemplateCommand.justificationNames)
        #expect(names.contains("survival") && names.contains("boin-simulate") && !names.contains("report-html"))
        let shown = run("template", "show", "simon")
        #expect(shown.status == 0)
        #expect(shown.output.hasPrefix("{{% CONTENT_TYPE: TEXT}}"))
        #expect(shown.output == TemplateLibrary.source(named: "simon").map { $0.hasSuffix("\n") ? $0 : $0 + "\n" })
        // The copy, used with --template, gives the shipped paragraph without the closing sentence.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("simon-\(UUID().uuidString).mustache")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(shown.output.utf8).write(to: file)
        let shipped = run("simon", "--p0", "0.2", "--p1", "0.4", "--justify").output
        let copied = run("simon", "--p0", "0.2", "--p1", "0.4", "--justify", "--template", file.path).output
        let firstSentence = try #require(copied.split(separator: ".").first)
        #expect(shipped.hasPrefix(String(firstSentence)))
    }

    @Test("an unknown template is refused in one line with a suggestion, exit 64")
    func unknown() {
        let result = run("template", "show", "survivl")
        #expect(result.status == 64)
        #expect(result.errors.contains("unknown template 'survivl'; did you mean 'survival'?"))
        #expect(result.errors.split(separator: "\n").count == 1)
        let parameters = run("parameters", "simom")
        #expect(parameters.status == 64 && parameters.errors.contains("did you mean 'simon'?"))
    }
}
