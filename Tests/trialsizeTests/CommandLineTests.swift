import Testing

@testable import TrialsizeCLI

/// Runs the real parser and commands in-process and captures what they print.
func run(_ arguments: String...) -> (status: Int32, output: String, errors: String) {
    run(arguments)
}

func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
    final class Buffer: @unchecked Sendable { var text = "" }
    let out = Buffer(), err = Buffer()
    var output = Output { out.text += $0 }
    var errors = Output { err.text += $0 }
    let status = CommandLineRun.execute(arguments, output: &output, errors: &errors)
    return (status, out.text, err.text)
}

@Suite("The command line")
struct CommandLineTests {
    @Test func versionAndHelp() {
        let version = run("--version")
        #expect(version.status == 0)
        #expect(version.output == Trialsize.version + "\n")
        let help = run("--help")
        #expect(help.status == 0)
        #expect(help.output.contains("USAGE: trialsize"))
    }

    @Test("an unknown option is one line and exit 64")
    func unknownOption() {
        let result = run("--no-such-option")
        #expect(result.status == 64)
        #expect(result.errors.split(separator: "\n").count == 1)
        #expect(result.errors.hasPrefix("trialsize: error: "))
    }
}
