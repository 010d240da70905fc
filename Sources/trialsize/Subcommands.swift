import ArgumentParser

extension Trialsize {
    /// The design commands, in the order `--help` lists them. Add a new design here.
    static let designCommands: [any ParsableCommand.Type] = [
        SurvivalCommand.self,
        CICommand.self,
        SingleStageCommand.self,
        SimonCommand.self,
        TwoArmCommand.self,
        PickWinnerCommand.self,
        CRMCommand.self,
    ]
}
