import ArgumentParser
import Probability
import RealModule
import TrialDesign
import TrialReport

/// `trialsize survival`: a single-arm trial with a time-to-event endpoint against a historical control.
struct SurvivalCommand: ParsableCommand, AnsweringCommand {
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

            Example (Kearney et al. 2021): trialsize survival --control-median 8 --median 13 --dropout 0.1 --method all
            Wu (2015): trialsize survival --control-median 9 --shape 1.22 --hazard-ratio 0.5714 --accrual 5 \
            --follow-up 3 --method log-rank
            """)

    // MARK: the effect
    @Option(help: "Historical control median, in --unit. Allowed: a finite number > 0.")
    var controlMedian: Double?
    @Option(help: "Median hoped for under the alternative, in --unit. Allowed: > 0, not equal to the control median.")
    var median: Double?
    @Option(help: "The effect as a hazard ratio (alternative / control hazard; below 1 means longer survival), instead of --median.")
    var hazardRatio: Double?
    @Option(help: "Control survival probability at --at, instead of --control-median (converted under the survival model).")
    var controlSurvival: Double?
    @Option(help: "Survival probability at --at hoped for under the alternative, instead of --median.")
    var survival: Double?
    @Option(help: "The landmark time for --control-survival and --survival, in --unit.")
    var at: Double?
    @Option(help: "Weibull shape of the reference survival (1 = exponential). Other values need --method log-rank. Allowed: [0.05, 20].")
    var shape: Double = 1
    @Option(help: "Time unit of every time: days, weeks, months or years.")
    var unit: TimeUnit = .weeks

    // MARK: error rates
    @Option(help: "Significance level, summed over both tails when --sides 2. Allowed: (0, 0.5].")
    var alpha: Double = 0.05
    @Option(help: "Target power (default 0.8). With --patients and no alternative, finds the smallest detectable median. Allowed: (alpha, 1).")
    var power: Double?
    @Option(help: "1 for a one-sided test (the phase II convention), 2 for two-sided.")
    var sides: Sidedness = .oneSided

    // MARK: the trial
    @Option(help: "Number of patients: gives the power (or, with --power and no alternative, the detectable median). Allowed: 2...1000000.")
    var patients: Int?
    @Option(help: "Uniform accrual period, in --unit. Without --accrual or --accrual-rate every patient is followed to the event.")
    var accrual: Double?
    @Option(help: "Uniform accrual rate, patients per --unit, instead of --accrual.")
    var accrualRate: Double?
    @Option(help: "Follow-up after the last patient enters, in --unit (0: the last patient is censored at entry). Default 0 with accrual.")
    var followUp: Double?
    @Option(help: "Exponential loss-to-follow-up rate per --unit (patients censored at loss).")
    var lossRate: Double?
    @Option(help: "Dropout fraction q: patients inflated to n / (1 - q). Allowed: [0, 1).")
    var dropout: Double?

    @Option(help: "Method: exact (default), log-hazard, cube-root, log-rank, lachin-foulkes or all.")
    var method: MethodChoice = .single(.default)

    // MARK: simulation
    @Option(help: "Simulate N trials under H0 and under H1 with the chosen test. Allowed: 1...1000000 (and trials x patients <= 400000000).")
    var simulate: Int?
    @Option(help: "Seed of the simulation (the same seed gives the same answer on any number of threads).")
    var seed: UInt64 = 1
    @Flag(help: "With --simulate: find the smallest number of patients whose simulated power meets the target.")
    var search = false
    @Option(help: "Upper end of the --search range. Allowed: 2...10000, with --simulate × --search-max <= 400000000.")
    var searchMax: Int = SurvivalSimulation.defaultSearchPatients
    @Option(help: "Threads for --simulate (default: all cores; the answer does not depend on it).")
    var threads: Int?

    @Option(help: "The endpoint's name in the --justify paragraph.")
    var endpoint: String = "progression-free survival"

    @OptionGroup var formatting: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func run() throws {
        var output = Output.standard
        try answer(into: &output)
    }

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let rates = try ErrorRates(alpha: alpha, power: power ?? 0.8, sides: sides)
        let (controlMedian, controlSource) = try resolveControl()
        let setting = try SurvivalSetting(controlMedian: controlMedian, shape: shape, rates: rates,
                                          followUp: try resolveFollowUp(), loss: try resolveLoss())
        let alternative = try resolveAlternative(controlMedian: controlMedian)
        let methods: [SurvivalMethod]
        switch method {
        case let .single(chosen): methods = [chosen]
        case .all: methods = SurvivalMethod.allCases
        }
        try checkSimulationOptions()
        if !setting.isExponential, methods.count > 1 {
            throw InvalidInput(parameter: "shape", requirement: "1 with --method all (only log-rank allows a Weibull reference)", value: shape)
        }
        var answers: [SurvivalAnswer] = []
        for method in methods {
            let result: SurvivalResult
            switch (patients, alternative) {
            case let (nil, (median, _)?):
                result = try SurvivalSolver.sampleSize(design(setting, median), method: method)
            case let (n?, (median, _)?):
                if power != nil {
                    throw InvalidInput(parameter: "power", requirement: "cannot be combined with both --patients and an alternative (drop --power to find the power, or the alternative to find the detectable median)", value: "")
                }
                result = try SurvivalSolver.power(design(setting, median), patients: n, method: method)
            case let (n?, nil):
                result = try SurvivalSolver.detectableMedian(setting, patients: n, longer: true, method: method)
            case (nil, nil):
                throw InvalidInput(parameter: "median", requirement: "is required (or --hazard-ratio, or --survival with --at; or give --patients to find the detectable median)", value: "")
            }
            answers.append(try simulateIfAsked(result))
        }
        let presentation = SurvivalPresentation(unit: unit.rawValue, alternativeSource: alternative?.source,
                                                controlSource: controlSource, comparesMethods: methods.count > 1,
                                                endpoint: endpoint)
        let justification = request.needsJustification(formatting)
            ? try SurvivalJustification.make(answers, presentation, using: request.templateChoice(shipped: "survival")) : nil
        try formatting.write(into: &output, justification: justification,
                             report: { SurvivalReport.render(answers, presentation, format: formatting.format) },
                             json: { try SurvivalJSON.encode(answers, presentation, justification: $0) })
        try request.write { try SurvivalReport.document(answers, presentation, justification: justification) }
    }

    // MARK: resolving the options

    /// The design, with a refusal of the median reported against the option the user gave.
    private func design(_ setting: SurvivalSetting, _ median: Double) throws -> SingleArmSurvival {
        do {
            return try SingleArmSurvival(setting: setting, median: median)
        } catch {
            let factor = Int(SingleArmSurvival.maximumMedianRatio)
            if let ratio = hazardRatio {
                throw InvalidInput(parameter: "hazard-ratio",
                                   requirement: "such that the median stays within a factor \(factor) of --control-median (with --shape 1: in [0.001, 1000]), not 1",
                                   value: ratio)
            }
            if let probability = survival {
                throw InvalidInput(parameter: "survival",
                                   requirement: "such that the median stays within a factor \(factor) of --control-median, and differs from --control-survival",
                                   value: probability)
            }
            throw error
        }
    }

    private func resolveControl() throws -> (Double, String?) {
        switch (controlMedian, controlSurvival) {
        case (_?, _?):
            throw InvalidInput(parameter: "control-survival", requirement: "cannot be combined with --control-median (give one)", value: "")
        case let (median?, nil):
            return (median, nil)
        case let (nil, probability?):
            let time = try landmark(for: "control-survival")
            try Validate.probability(probability, "control-survival")
            return (medianFromLandmark(probability, time), "\(NumberFormat.percent(probability, 1)) alive at \(NumberFormat.significant(time, 4)) \(unit.rawValue)")
        case (nil, nil):
            throw InvalidInput(parameter: "control-median", requirement: "is required (or --control-survival with --at)", value: "")
        }
    }

    private func resolveAlternative(controlMedian: Double) throws -> (median: Double, source: String?)? {
        let given = [median != nil, hazardRatio != nil, survival != nil].filter { $0 }.count
        if given > 1 {
            throw InvalidInput(parameter: hazardRatio != nil ? "hazard-ratio" : "survival",
                               requirement: "conflicts with another effect option (give one of --median, --hazard-ratio, --survival)", value: "")
        }
        if at != nil, controlSurvival == nil, survival == nil {
            throw InvalidInput(parameter: "at", requirement: "needs --control-survival or --survival", value: "")
        }
        if let median { return (median, nil) }
        if let ratio = hazardRatio {
            guard ratio.isFinite, ratio > 0, abs(ratio - 1) > 1e-9 else {
                throw InvalidInput(parameter: "hazard-ratio", requirement: "a finite number > 0 other than 1", value: ratio)
            }
            guard shape.isFinite, shape > 0 else { return (.nan, nil) }
            return (controlMedian * Double.pow(ratio, -1 / shape), "--hazard-ratio \(NumberFormat.significant(ratio, 4))")
        }
        if let probability = survival {
            let time = try landmark(for: "survival")
            try Validate.probability(probability, "survival")
            return (medianFromLandmark(probability, time), "\(NumberFormat.percent(probability, 1)) alive at \(NumberFormat.significant(time, 4)) \(unit.rawValue)")
        }
        return nil
    }

    private func landmark(for option: String) throws -> Double {
        guard let at else { throw InvalidInput(parameter: option, requirement: "needs --at (the landmark time)", value: "") }
        try Validate.positive(at, "at")
        guard SurvivalSetting.controlMedianRange.contains(at) else {
            throw InvalidInput(parameter: "at", requirement: "in [1e-300, 1e300] (in any time unit)", value: at)
        }
        return at
    }

    /// S(t) = exp(−ln 2 · (t/m)^k) solved for m: m = t · (ln 2 / −ln S)^(1/k).
    private func medianFromLandmark(_ probability: Double, _ time: Double) -> Double {
        let k = shape.isFinite && shape > 0 ? shape : 1
        return time * Double.pow(Double.log(2) / -Double.log(probability), 1 / k)
    }

    private func resolveFollowUp() throws -> FollowUp {
        switch (accrual, accrualRate) {
        case (_?, _?):
            throw InvalidInput(parameter: "accrual-rate", requirement: "cannot be combined with --accrual (give one)", value: "")
        case let (a?, nil):
            try Validate.positive(a, "accrual")
            return .accrual(duration: a, followUp: followUp ?? 0)
        case let (nil, r?): return .accrualRate(r, followUp: followUp ?? 0)
        case (nil, nil):
            if let followUp {
                // Everyone enters at once and is followed for F.
                try Validate.positive(followUp, "follow-up")
                return .accrual(duration: 0, followUp: followUp)
            }
            return .untilEvent
        }
    }

    private func resolveLoss() throws -> Loss {
        switch (lossRate, dropout) {
        case (_?, _?): throw InvalidInput(parameter: "dropout", requirement: "cannot be combined with --loss-rate (give one)", value: "")
        case let (eta?, nil): return .rate(eta)
        case let (nil, q?): return q == 0 ? .none : .dropout(q)
        case (nil, nil): return .none
        }
    }

    private func checkSimulationOptions() throws {
        if search, simulate == nil {
            throw InvalidInput(parameter: "search", requirement: "needs --simulate N", value: "")
        }
        if let simulate { try Validate.count(simulate, "simulate", in: 1...SurvivalSimulation.maximumTrials) }
        if search, let simulate { try SurvivalSimulation.checkSearch(trials: simulate, upTo: searchMax) }
        if let threads { try Validate.count(threads, "threads", in: 1...256) }
    }

    private func simulateIfAsked(_ result: SurvivalResult) throws -> SurvivalAnswer {
        guard let trials = simulate else { return SurvivalAnswer(result: result) }
        let threads = threads ?? MonteCarlo.defaultThreads
        let simulation = try SurvivalSimulation.run(result.design, method: result.method, patients: result.patients,
                                                    trials: trials, seed: seed, threads: threads)
        let found = search ? try SurvivalSimulation.search(result.design, method: result.method, trials: trials, seed: seed,
                                                           upTo: searchMax, start: result.patients, threads: threads) : nil
        return SurvivalAnswer(result: result, simulation: simulation, search: found, searchLimit: search ? searchMax : nil)
    }
}

/// Time units: only a label (every time is in the same unit).
enum TimeUnit: String, ExpressibleByArgument, CaseIterable {
    case days, weeks, months, years
}

/// One method, or all of them.
enum MethodChoice: ExpressibleByArgument {
    case single(SurvivalMethod)
    case all

    init?(argument: String) {
        if argument == "all" { self = .all; return }
        guard let method = SurvivalMethod(rawValue: argument) else { return nil }
        self = .single(method)
    }

    static var allValueStrings: [String] { SurvivalMethod.allCases.map(\.rawValue) + ["all"] }

    var defaultValueDescription: String {
        switch self {
        case let .single(method): return method.rawValue
        case .all: return "all"
        }
    }
}
