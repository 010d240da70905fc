import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize template list|show NAME`: the shipped justification templates, to copy and edit for
/// `--template FILE` (their variables: docs/templates.md).
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "List or print the shipped justification templates, to copy and edit for --template FILE.",
        discussion: """
            Example:
              trialsize template show survival > my-survival.mustache
              trialsize survival --control-median 8 --median 13 --justify \\
                --template my-survival.mustache
            The variables each template reads are listed in docs/templates.md.
            """,
        subcommands: [List.self, Show.self])

    /// The justification templates: every shipped template but the page and the shared partial.
    static var justificationNames: [String] {
        TemplateLibrary.names.filter { $0 != "report-html" && $0 != "references" }
    }

    struct List: ParsableCommand, AnsweringCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The shipped justification templates' names.")

        func answer(into output: inout Output) throws {
            output.write(TemplateCommand.justificationNames.joined(separator: "\n") + "\n")
        }
    }

    struct Show: ParsableCommand, AnsweringCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print a shipped template (its Mustache source) to standard output.")

        @Argument(help: "The template's name (trialsize template list): survival, simon, crm-simulate, ...")
        var name: String

        func answer(into output: inout Output) throws {
            let names = TemplateCommand.justificationNames
            guard names.contains(name), let source = TemplateLibrary.source(named: name) else {
                let guess = ArgumentChecks.nearest(name, in: names).map { "; did you mean '\($0)'?" } ?? "."
                throw ValidationError("unknown template '\(name)'\(guess) The templates: " + names.joined(separator: ", "))
            }
            output.write(source.hasSuffix("\n") ? source : source + "\n")
        }
    }
}
