import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize pick-winner`: the randomized selection design of Simon, Wittes & Ellenberg (1985).
struct PickWinnerCommand: DesignCommand {
    static let parameters = TwoArmParameters.pickWinner

    static let configuration = CommandConfiguration(
        commandName: "pick-winner",
        abstract: "Pick-the-winner selection design (Simon, Wittes & Ellenberg 1985): probability of correct selection, or n per arm.",
        discussion: """
            One arm is better by --delta, the others have response rate --p0. The arm with the most responses is \
            selected when it leads every other arm by at least --min-lead responses (otherwise the trial is \
            inconclusive); --min-lead 0 breaks ties at random, as in Simon, Wittes & Ellenberg's tables.
            Give --patients-per-arm N for the selection probabilities, or --correct P (default 0.9) for the smallest n per arm.
            Example: trialsize pick-winner --arms 3 --p0 0.2 --delta 0.15 --correct 0.9
            """)

    @Option(help: ArgumentHelp(TwoArmParameters.pickWinner, "arms")) var arms: Int = 2
    @Option(help: ArgumentHelp(TwoArmParameters.pickWinner, "p0")) var p0: Double
    @Option(help: ArgumentHelp(TwoArmParameters.pickWinner, "delta")) var delta: Double
    @Option(help: ArgumentHelp(TwoArmParameters.pickWinner, "min-lead")) var minLead: Int = 1
    @Option(help: ArgumentHelp(TwoArmParameters.pickWinner, "patients-per-arm")) var patientsPerArm: Int?
    @Option(help: ArgumentHelp(TwoArmParameters.pickWinner, "correct")) var correct: Double?

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let design = try PickTheWinner(arms: arms, p0: p0, delta: delta, minimumLead: minLead)
        let outcome: PickWinnerReport.Outcome
        switch (patientsPerArm, correct) {
        case (_?, _?):
            throw DesignError(parameter: "correct", requirement: "cannot be combined with `patients-per-arm` (give one)", value: "")
        case let (n?, nil):
            outcome = .atPatients(try design.characteristics(patientsPerArm: n))
        case let (nil, target):
            outcome = .solved(try design.solve(target: target ?? 0.9))
        }
        try request.write(PickWinnerReporting(design, outcome), formatting: format, into: &output)
    }
}
