import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize two-arm survival`: events and patients for the log-rank test comparing two arms.
struct TwoArmSurvivalCommand: DesignCommand {
    static let parameters = TwoArmParameters.survival

    static let configuration = CommandConfiguration(
        commandName: "survival",
        abstract: "Randomized two-arm survival (log-rank test): events, patients per arm, power, detectable hazard ratio.",
        discussion: """
            Solves for one unknown: events and patients (default); the power with --patients N; or, with \
            --patients N and no effect, the smallest detectable hazard ratio.

            Methods: schoenfeld (default; Schoenfeld 1981), freedman (Freedman 1982), lachin-foulkes \
            (Lachin & Foulkes 1986), or all side by side. Exponential survival and proportional hazards; \
            patients from each arm's probability of an event under uniform accrual, follow-up and loss.

            Example (the seed question randomized 1:1):
              trialsize two-arm survival --control-median 8 --median 13 --accrual 52 \\
                --follow-up 26 --method all
            """)

    @Option(help: ArgumentHelp(TwoArmParameters.survival, "control-median")) var controlMedian: Double?
    @Option(help: ArgumentHelp(TwoArmParameters.survival, "median")) var median: Double?
    @Option(help: ArgumentHelp(TwoArmParameters.survival, "hazard-ratio")) var hazardRatio: Double?
    @Option(help: ArgumentHelp(TwoArmParameters.survival, "control-survival")) var controlSurvival: Double?
    @Option(help: ArgumentHelp(TwoArmParameters.survival, "survival")) var survival: Double?
    @Option(help: ArgumentHelp(TwoArmParameters.survival, "at")) var at: Double?
    @Option(help: "Time unit of every time: days, weeks, months or years.") var unit: TimeUnit = .weeks

    @Option(help: ArgumentHelp(TwoArmParameters.survival, "alpha")) var alpha: Double = 0.05
    @Option(help: ArgumentHelp(TwoArmParameters.survival, "power")) var power: Double?
    @Option(help: ArgumentHelp(TwoArmParameters.survival, "sides")) var sides: Sidedness = .oneSided
    @Option(help: ArgumentHelp(TwoArmParameters.survival, "allocation")) var allocation: Double = 1

    @Option(help: ArgumentHelp(TwoArmParameters.survival, "patients")) var patients: Int?
    @OptionGroup var accrualOptions: AccrualOptions

    @Option(help: ArgumentHelp(TwoArmParameters.survival, "method")) var method: TwoArmMethodChoice = .single(.default)

    @Option(help: ArgumentHelp(TwoArmParameters.survival, "simulate")) var simulate: Int?
    @Option(help: ArgumentHelp(TwoArmParameters.survival, "seed")) var seed: UInt64 = 1
    @Flag(help: ArgumentHelp(TwoArmParameters.survival, "search")) var search = false
    @Option(help: ArgumentHelp(TwoArmParameters.survival, "search-max")) var searchMax: Int?
    @Option(help: ArgumentHelp(TwoArmParameters.survival, "threads")) var threads: Int?

    @Option(help: "The endpoint's name in the --justify paragraph.")
    var endpoint: String = "progression-free survival"

    @OptionGroup var formatting: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    /// The question exactly as typed: the design layer resolves it and picks the unknown.
    var question: TwoArmSurvivalQuestion {
        var question = TwoArmSurvivalQuestion()
        question.controlMedian = controlMedian
        question.controlSurvival = controlSurvival
        question.median = median
        question.hazardRatio = hazardRatio
        question.survival = survival
        question.at = at
        question.alpha = alpha
        question.power = power
        question.sides = sides
        question.allocation = allocation
        question.patients = patients
        accrualOptions.apply(to: &question)
        switch method {
        case let .single(chosen): question.methods = [chosen]
        case .all: question.methods = TwoArmSurvivalMethod.allCases
        }
        question.simulate = simulate
        question.seed = seed
        question.search = search
        question.searchMax = searchMax
        question.threads = threads
        return question
    }

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let solved = try question.answer()
        let presentation = TwoArmSurvivalPresentation(unit: unit.rawValue, endpoint: endpoint)
        try request.write(TwoArmSurvivalReporting(solved, presentation), formatting: formatting, into: &output)
    }
}
