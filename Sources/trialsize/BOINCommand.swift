import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize boin`: the Bayesian optimal interval (BOIN) design for phase I dose finding.
struct BOINCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boin",
        abstract: "Phase I BOIN design: decision boundaries, next-cohort decision, MTD selection, simulation.",
        discussion: """
            Worked example (target 0.25, cohorts of 3, 10 cohorts):
              trialsize boin boundaries --target 0.25 --cohort-size 3 --cohorts 10
              trialsize boin next --target 0.25 --levels 1,1,1,2,2,2 --dlts 0,0,0,0,1,0 --doses 5
              trialsize boin select --target 0.25 --patients 3,3,15,9,0 --dlts 0,0,4,4,0
              trialsize boin simulate --target 0.25 --truth 0.05,0.12,0.25,0.40,0.55 --cohort-size 3 --cohorts 10
            """,
        subcommands: [BOINBoundariesCommand.self, BOINNextCommand.self, BOINSelectCommand.self, BOINSimulateCommand.self]
    )
}

/// The boundary options every `boin` subcommand shares.
struct BOINOptions: ParsableArguments {
    @Option(help: ArgumentHelp(PhaseIParameters.boundaries, "target"))
    var target: Double

    @Option(help: ArgumentHelp(PhaseIParameters.boundaries, "phi1"))
    var phi1: Double?

    @Option(help: ArgumentHelp(PhaseIParameters.boundaries, "phi2"))
    var phi2: Double?

    @Option(help: ArgumentHelp(PhaseIParameters.boundaries, "eliminate"))
    var eliminate: Double = 0.95

    func boundaries() throws -> BOINBoundaries {
        try BOINBoundaries(target: target, phi1: phi1, phi2: phi2, eliminationCutoff: eliminate)
    }
}

/// `trialsize boin boundaries`.
struct BOINBoundariesCommand: DesignCommand {
    static var parameters: ParameterCatalog { PhaseIParameters.boundaries }

    static let configuration = CommandConfiguration(
        commandName: "boundaries",
        abstract: "The escalation and de-escalation boundaries and the decision table for the protocol.",
        discussion: "trialsize boin boundaries --target 0.25 [--cohort-size 3 --cohorts 10 --phi1 0.15 --phi2 0.35 --eliminate 0.95]")

    @OptionGroup var boin: BOINOptions

    @Option(help: ArgumentHelp(PhaseIParameters.boundaries, "cohort-size"))
    var cohortSize: Int = 3

    @Option(help: ArgumentHelp(PhaseIParameters.boundaries, "cohorts"))
    var cohorts: Int = 10

    @Option(help: ArgumentHelp(PhaseIParameters.boundaries, "stop-at"))
    var stopAt: Int = 100

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let report = try BOINBoundariesReport(boundaries: try boin.boundaries(), cohortSize: cohortSize, cohorts: cohorts, stopAt: stopAt)
        try request.write(report, formatting: format, into: &output)
    }
}

/// `trialsize boin next`.
struct BOINNextCommand: DesignCommand {
    static var parameters: ParameterCatalog { PhaseIParameters.next }

    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "The BOIN decision for the next cohort: escalate, stay, de-escalate or stop.",
        discussion: """
            Per patient:  trialsize boin next --target 0.25 --levels 1,1,1,2,2,2 --dlts 0,0,0,0,1,0 --doses 5
            Per dose:     trialsize boin next --target 0.25 --patients 3,3,0,0,0 --dlts 0,1,0,0,0 --current 2
            Per patient, the current level is the last patient's.
            """)

    @OptionGroup var boin: BOINOptions

    @Option(help: ArgumentHelp(PhaseIParameters.next, "levels"))
    var levels: String?

    @Option(help: ArgumentHelp(PhaseIParameters.next, "doses"))
    var doses: Int?

    @Option(help: ArgumentHelp(PhaseIParameters.next, "patients"))
    var patients: String?

    @Option(help: ArgumentHelp(PhaseIParameters.next, "dlts"))
    var dlts: String

    @Option(help: ArgumentHelp(PhaseIParameters.next, "current"))
    var current: Int?

    @Option(help: ArgumentHelp(PhaseIParameters.next, "stop-at"))
    var stopAt: Int = 100

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let boundaries = try boin.boundaries()
        let counts: [Int], events: [Int], currentLevel: Int
        switch (levels, patients) {
        case let (levels?, nil):
            guard current == nil else { throw InvalidInput(parameter: "current", requirement: "given only with --patients (per patient, it is the last patient's level)", value: "") }
            guard let doses else { throw InvalidInput(parameter: "doses", requirement: "given with --levels", value: "") }
            try Validate.count(doses, "doses", in: 1...BOINSelection.maximumLevels)
            let patientLevels = try ListOption.integers(levels, "levels")
            let outcomes = try ListOption.integers(dlts, "dlts")
            guard outcomes.count == patientLevels.count else {
                throw InvalidInput(parameter: "dlts", requirement: "one 0/1 per patient in --levels (\(patientLevels.count))", value: "\(outcomes.count) values")
            }
            var n = [Int](repeating: 0, count: doses), y = n
            for (level, dlt) in zip(patientLevels, outcomes) {
                try Validate.count(level, "levels", in: 1...doses)
                guard dlt == 0 || dlt == 1 else { throw InvalidInput(parameter: "dlts", requirement: "a list of 0 (no DLT) and 1 (DLT)", value: String(dlt)) }
                n[level - 1] += 1
                y[level - 1] += dlt
            }
            counts = n; events = y; currentLevel = patientLevels.last ?? 1
        case let (nil, patients?):
            guard doses == nil else { throw InvalidInput(parameter: "doses", requirement: "given only with --levels (with --patients the list sets the levels)", value: "") }
            guard let current else { throw InvalidInput(parameter: "current", requirement: "given with --patients", value: "") }
            counts = try ListOption.integers(patients, "patients")
            events = try ListOption.integers(dlts, "dlts")
            currentLevel = current
        case (nil, nil):
            throw InvalidInput(parameter: "levels", requirement: "given (per patient), or --patients (per dose)", value: "")
        case (_?, _?):
            throw InvalidInput(parameter: "patients", requirement: "not given with --levels", value: "")
        }
        let decision = try BOINDecision(boundaries: boundaries, patients: counts, dlts: events, current: currentLevel, stopAt: stopAt)
        let report = BOINNextReport(decision: decision)
        try request.write(report, formatting: format, into: &output)
    }
}

/// `trialsize boin select`.
struct BOINSelectCommand: DesignCommand {
    static var parameters: ParameterCatalog { PhaseIParameters.select }

    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "The MTD at the end of a BOIN trial: isotonic estimates, intervals and the BOIN package's selection rule.",
        discussion: "trialsize boin select --target 0.25 --patients 3,3,15,9,0 --dlts 0,0,4,4,0 [--bound-mtd]")

    @OptionGroup var boin: BOINOptions

    @Option(help: ArgumentHelp(PhaseIParameters.select, "patients"))
    var patients: String

    @Option(help: ArgumentHelp(PhaseIParameters.select, "dlts"))
    var dlts: String

    @Flag(help: ArgumentHelp(PhaseIParameters.select, "bound-mtd"))
    var boundMtd = false

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let selection = try BOINSelection(boundaries: try boin.boundaries(), patients: try ListOption.integers(patients, "patients"),
                                          dlts: try ListOption.integers(dlts, "dlts"), boundMTD: boundMtd)
        let report = BOINSelectReport(selection: selection)
        try request.write(report, formatting: format, into: &output)
    }
}

/// Repeated `--truth` scenarios, parsed and checked: equal lengths, probabilities in (0, 1).
enum TruthScenarios {
    static func parse(_ texts: [String]) throws -> [[Double]] {
        guard !texts.isEmpty else { throw InvalidInput(parameter: "truth", requirement: "given at least once", value: "") }
        guard texts.count <= 20 else {
            throw InvalidInput(parameter: "truth", requirement: "given at most 20 times", value: "\(texts.count) scenarios")
        }
        let scenarios = try texts.map { try ListOption.doubles($0, "truth") }
        for scenario in scenarios {
            try BOINSimulationDesign.validateTruth(scenario)
            guard scenario.count == scenarios[0].count else {
                throw InvalidInput(parameter: "truth", requirement: "the same number of levels in every scenario (\(scenarios[0].count))",
                                   value: "\(scenario.count) values")
            }
        }
        return scenarios
    }
}

/// `trialsize boin simulate`.
struct BOINSimulateCommand: DesignCommand {
    static var parameters: ParameterCatalog { PhaseIParameters.simulate }

    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Operating characteristics by simulation: selection per level, no MTD, patients and DLTs per level, per scenario.",
        discussion: """
            trialsize boin simulate --target 0.25 --truth 0.05,0.12,0.25,0.40,0.55 [--truth ... more scenarios] \\
              --cohort-size 3 --cohorts 10 --trials 10000 --seed 1 [--start 1 --stop-at 100 --bound-mtd]
            The BOIN R package's get.oc conventions; the same seed gives the same answer on any number of threads.
            """)

    @OptionGroup var boin: BOINOptions

    @Option(help: ArgumentHelp(PhaseIParameters.simulate, "truth"))
    var truth: [String] = []

    @Option(help: ArgumentHelp(PhaseIParameters.simulate, "cohort-size"))
    var cohortSize: Int = 3

    @Option(help: ArgumentHelp(PhaseIParameters.simulate, "cohorts"))
    var cohorts: Int = 10

    @Option(help: ArgumentHelp(PhaseIParameters.simulate, "start"))
    var start: Int = 1

    @Option(help: ArgumentHelp(PhaseIParameters.simulate, "stop-at"))
    var stopAt: Int = 100

    @Flag(help: ArgumentHelp(PhaseIParameters.simulate, "bound-mtd"))
    var boundMtd = false

    @Option(help: ArgumentHelp(PhaseIParameters.simulate, "trials"))
    var trials: Int = 10_000

    @Option(help: ArgumentHelp(PhaseIParameters.simulate, "seed"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(PhaseIParameters.simulate, "threads"))
    var threads: Int?

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let boundaries = try boin.boundaries()
        let scenarios = try TruthScenarios.parse(truth)
        if let threads { try CommonParameters.threads.validate(threads) }
        let designs = try scenarios.map {
            try BOINSimulationDesign(boundaries: boundaries, truth: $0, cohortSize: cohortSize, cohorts: cohorts, start: start,
                                     stopAt: stopAt, boundMTD: boundMtd)
        }
        try designs[0].checkWork(trials: trials, scenarios: designs.count)
        let run = SimulationRun(trials: trials, seed: seed, threads: threads)
        let results = try designs.map { try $0.characteristics(at: run) }
        let report = DoseFindingReport(design: .boin(designs[0], trials: trials, seed: seed), target: boundaries.target, scenarios: results)
        try request.write(report, formatting: format, into: &output)
    }
}

/// `trialsize three-plus-three`.
struct ThreePlusThreeCommand: DesignCommand {
    static var parameters: ParameterCatalog { PhaseIParameters.threePlusThree }

    static let configuration = CommandConfiguration(
        commandName: "three-plus-three",
        abstract: "Exact operating characteristics of the standard 3+3 design (not simulated), per scenario.",
        discussion: """
            trialsize three-plus-three --truth 0.05,0.12,0.25,0.40,0.55 [--truth ... more scenarios] [--start 1 --target 0.25]
            The variant: docs/methods/three-plus-three.md.
            """)

    @Option(help: ArgumentHelp(PhaseIParameters.threePlusThree, "truth"))
    var truth: [String] = []

    @Option(help: ArgumentHelp(PhaseIParameters.threePlusThree, "start"))
    var start: Int = 1

    @Option(help: ArgumentHelp(PhaseIParameters.threePlusThree, "target"))
    var target: Double = 0.25

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let scenarios = try TruthScenarios.parse(truth)
        let results = try scenarios.map { try ThreePlusThree(truth: $0, start: start, target: target).solve() }
        let report = DoseFindingReport(design: .threePlusThree(start: start), target: target, scenarios: results)
        try request.write(report, formatting: format, into: &output)
    }
}
