import Foundation
import Testing
import TrialDesign

@testable import TrialsizeCLI

/// The parameters each design declares once (issue 11) and the options its command has never drift
/// apart: every option that carries a design input is declared, every declaration is an option, and
/// docs/json/parameters.md is `trialsize parameters` as it prints now.
@Suite("Parameter declarations")
struct ParameterDeclarationTests {
    /// Options that say how to print or where to write, not what the design is.
    static let presentationOptions: Set<String> = [
        "format", "justify", "plot", "report", "template", "endpoint", "unit", "version", "help", "table",
    ]

    /// The long option names of `command`, from the parser's own description of it.
    static func options(of command: [String]) throws -> (options: Set<String>, positionals: Set<String>) {
        let result = run(command + ["--experimental-dump-help"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let tool = try #require(json["command"] as? [String: Any])
        var options: Set<String> = [], positionals: Set<String> = []
        for argument in tool["arguments"] as? [[String: Any]] ?? [] {
            // Long names only (`--n` of analyze single-stage is long although one letter).
            let names = (argument["names"] as? [[String: Any]] ?? []).filter { ($0["kind"] as? String)?.hasPrefix("long") == true }
                .compactMap { $0["name"] as? String }
            if argument["kind"] as? String == "positional", let name = argument["valueName"] as? String {
                positionals.insert(name)
            } else if let name = names.first {
                options.insert(name)
            }
        }
        return (options, positionals)
    }

    @Test("every design command's inputs are declared, and every declaration is an option", arguments: Trialsize.designLeaves.map(\.name))
    func optionsMatchDeclarations(command: String) throws {
        let leaf = try #require(Trialsize.designLeaves.first { $0.name == command })
        let declared = Set(leaf.command.parameters.parameters.map(\.key))
        let (options, positionals) = try Self.options(of: command.split(separator: " ").map(String.init))
        let inputs = options.subtracting(Self.presentationOptions)
        #expect(inputs.subtracting(declared).isEmpty, "options of \(command) not declared: \(inputs.subtracting(declared).sorted())")
        let missing = declared.subtracting(options).subtracting(positionals).subtracting(Self.presentationOptions)
        #expect(missing.isEmpty, "declared for \(command) but not options: \(missing.sorted())")
    }

    @Test("each option's help ends with the declared allowed range")
    func helpCarriesAllowedRange() throws {
        for leaf in Trialsize.designLeaves {
            let help = run(leaf.name.split(separator: " ").map(String.init) + ["--help"]).output
                .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            for parameter in leaf.command.parameters.parameters {
                guard case .real = parameter.allowed, let allowed = parameter.allowed.description else { continue }
                #expect(help.contains("Allowed: \(allowed)"), "\(leaf.name) --\(parameter.key): \(allowed)")
            }
        }
    }

    @Test("docs/json/parameters.md is what `trialsize parameters` prints")
    func documentCurrent() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/json/parameters.md").path
        let printed = run("parameters").output
        if ProcessInfo.processInfo.environment["TRIALSIZE_UPDATE_GOLDEN"] == "1" {
            try printed.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let document = try String(contentsOfFile: path, encoding: .utf8)
        #expect(document == printed, "regenerate with TRIALSIZE_UPDATE_GOLDEN=1 swift test --filter ParameterDeclaration")
    }

    @Test("the JSON Schema parses and names each command")
    func schema() throws {
        let result = run("parameters", "--format", "json")
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(Set(json.keys) == Set(Trialsize.designLeaves.map(\.name)))
        let survival = try #require(json["survival"] as? [String: Any])
        let properties = try #require(survival["properties"] as? [String: Any])
        let alpha = try #require(properties["alpha"] as? [String: Any])
        #expect(alpha["maximum"] as? Double == 0.5)
    }

    @Test("an error names other parameters as options on the command line")
    func keysBecomeOptions() {
        let error = DesignError(parameter: "p1", requirement: "greater than `p0` (0.2)", value: 0.1)
        #expect(error.commandLineMessage == "--p1 must be greater than --p0 (0.2), got 0.1")
        #expect(error.description == "p1 must be greater than p0 (0.2), got 0.1")
    }
}
