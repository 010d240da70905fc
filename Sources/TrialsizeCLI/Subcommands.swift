import ArgumentParser
import TrialDesign

extension Trialsize {
    /// The design commands, in the order `--help` lists them. Add a new design here.
    static let designCommands: [any ParsableCommand.Type] = [
        SurvivalCommand.self,
        CICommand.self,
        SingleStageCommand.self,
        SimonCommand.self,
        ToxicityBoundaryCommand.self,
        TwoArmCommand.self,
        PickWinnerCommand.self,
        CRMCommand.self,
        AnalyzeCommand.self,
        BOINCommand.self,
        ThreePlusThreeCommand.self,
        Phase1Command.self,
        ParametersCommand.self,
        TemplateCommand.self,
        ServeCommand.self,
    ]

    /// Every design command, leaves of the command tree, with its full name (`crm simulate`).
    static var designLeaves: [(name: String, command: any DesignCommand.Type)] {
        func leaves(_ command: any ParsableCommand.Type, prefix: String) -> [(name: String, command: any DesignCommand.Type)] {
            let name = (prefix.isEmpty ? "" : prefix + " ") + (command.configuration.commandName ?? "")
            if let design = command as? any DesignCommand.Type { return [(name, design)] }
            return command.configuration.subcommands.flatMap { leaves($0, prefix: name) }
        }
        return designCommands.flatMap { leaves($0, prefix: "") }
    }

    /// The parameter catalogs of every design command, in the order `--help` lists the commands.
    static var parameterCatalogs: [ParameterCatalog] {
        designLeaves.map { ParameterCatalog($0.name, $0.command.parameters.parameters) }
    }
}

/// What the web server (Sources/TrialsizeServe, another module of this package) needs of the
/// command line: the design commands and the parser's words for an error.
package enum CommandRegistry {
    /// Every design command with its full name (`crm simulate`), in the order `--help` lists them.
    package static var designs: [(name: String, command: any DesignCommand.Type)] { Trialsize.designLeaves }

    /// The parser's full message for an error it threw (its first line is the one-line refusal).
    package static func message(for error: any Error) -> String { Trialsize.message(for: error) }
}
