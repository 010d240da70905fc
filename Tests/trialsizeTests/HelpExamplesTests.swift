import ArgumentParser
import Testing

@testable import TrialsizeCLI

/// Help examples can be copied: the parser wraps any line of a discussion longer than the
/// terminal (80 columns when not a terminal), which would break a command in two. Every
/// example line (one holding `trialsize` and an option) is at most 78 characters, and a line
/// ending in ` \` is continued by an indented line. Prose may be wrapped by the parser.
@Suite("Help examples")
struct HelpExamplesTests {
    static func commands(_ command: any ParsableCommand.Type, prefix: String) -> [(String, any ParsableCommand.Type)] {
        let name = (prefix.isEmpty ? "" : prefix + " ") + (command.configuration.commandName ?? "")
        return [(name, command)] + command.configuration.subcommands.flatMap { commands($0, prefix: name) }
    }

    @Test("every help example line fits 78 columns, and continuations are indented")
    func examplesFit() {
        let all = Trialsize.designCommands.flatMap { Self.commands($0, prefix: "") }
        #expect(all.count > 25)
        for (name, command) in all {
            let lines = command.configuration.discussion.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                let example = line.contains("trialsize ") && line.contains(" --") || (index > 0 && lines[index - 1].hasSuffix(" \\"))
                if example { #expect(line.count <= 78, "\(name): \(line.count) characters: \(line)") }
                if line.hasSuffix(" \\"), index + 1 < lines.count {
                    #expect(lines[index + 1].hasPrefix("  "), "\(name): the line after \(line) is not indented")
                }
            }
        }
    }
}
