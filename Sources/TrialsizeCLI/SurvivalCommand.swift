import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize survival`: a single-arm trial with a time-to-event endpoint against a historical control.
struct SurvivalCommand: DesignCommand {
    static let parameters = SurvivalQuestion.parameters

    static let configuration = CommandConfiguration(
        commandName: "survival",
        abstract: "Single-arm survival (e.g. PFS) against a historical control median: events, patients, power.",
        discussion: """
            Solves for one unknown: events and patients (default); the power with --patients N; or, with \
            --patients N and --power P but no alternative, the smallest detectable median.

            Methods: exact (default: the test on total time at risk, 2λT ~ χ²(2d), Epstein & Sobel 1953; \
            its size and power are exact when every patient is followed to the event, it needs no normal \
            approximation, and it reproduces the seed trial's 26 events), log-hazard, cube-root (Lawless), \
            log-rank (Wu 2015; the only one allowing a Weibull --shape), lachin-foulkes, or all (side by side; \
            disagreements over 10% are flagged).

            Example (Kearney et al. 2021):
              trialsize survival --control-median 8 --median 13 --dropout 0.1 --method all
            Wu (2015):
              trialsize survival --control-median 9 --shape 1.22 --hazard-ratio 0.5714 \\
                --accrual 5 --follow-up 3 --method log-rank
            """)

    // MARK: the effect
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "control-median")) var controlMedian: Double?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "median")) var median: Double?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "hazard-ratio")) var hazardRatio: Double?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "control-survival")) var controlSurvival: Double?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "survival")) var survival: Double?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "at")) var at: Double?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "shape")) var shape: Double = 1
    @Option(help: "Time unit of every time: days, weeks, months or years.")
    var unit: TimeUnit = .weeks

    // MARK: error rates
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "alpha")) var alpha: Double = 0.05
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "power")) var power: Double?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "sides")) var sides: Sidedness = .oneSided

    // MARK: the trial
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "patients")) var patients: Int?
    @OptionGroup var accrualOptions: AccrualOptions

    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "method")) var method: MethodChoice = .single(.default)

    // MARK: simulation
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "simulate")) var simulate: Int?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "seed")) var seed: UInt64 = 1
    @Flag(help: ArgumentHelp(SurvivalQuestion.parameters, "search")) var search = false
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "search-max")) var searchMax: Int = SurvivalSimulation.defaultSearchPatients
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "threads")) var threads: Int?

    // MARK: two-stage design
    @Flag(help: ArgumentHelp(SurvivalQuestion.parameters, "two-stage")) var twoStage = false
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "criterion")) var criterion: TwoStageCriterion?
    @Option(help: ArgumentHelp(SurvivalQuestion.parameters, "max-follow-up")) var maxFollowUp: Double?

    @Option(help: "The endpoint's name in the --justify paragraph.")
    var endpoint: String = "progression-free survival"

    @OptionGroup var formatting: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    /// The question exactly as typed: the design layer resolves it and picks the unknown.
    var question: SurvivalQuestion {
        var question = SurvivalQuestion()
        question.controlMedian = controlMedian
        question.controlSurvival = controlSurvival
        question.median = median
        question.hazardRatio = hazardRatio
        question.survival = survival
        question.at = at
        question.shape = shape
        question.alpha = alpha
        question.power = power
        question.sides = sides
        question.patients = patients
        accrualOptions.apply(to: &question)
        switch method {
        case let .single(chosen): question.methods = [chosen]
        case .all: question.methods = SurvivalMethod.allCases
        }
        question.simulate = simulate
        question.seed = seed
        question.search = search
        question.searchMax = searchMax
        question.threads = threads
        if twoStage { question.twoStage = criterion ?? .optimal }
        question.maxFollowUp = maxFollowUp
        return question
    }

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        if criterion != nil, !twoStage {
            throw DesignError(parameter: "criterion", requirement: "is used only with `two-stage`", value: "")
        }
        if twoStage {
            try answerTwoStage(into: &output, request: request)
            return
        }
        let solved = try question.answer()
        let answers = solved.answers
        let presentation = SurvivalPresentation(solved, unit: unit.rawValue, endpoint: endpoint)
        try request.write(SurvivalReport(answers: answers, presentation: presentation), formatting: formatting, into: &output)
    }
}

/// Time units: only a label (every time is in the same unit).
package enum TimeUnit: String, ExpressibleByArgument, CaseIterable {
    case days, weeks, months, years
}
