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
              trialsize boin next --target 0.25 --levels 1,1,1,2,2,2 \\
                --dlts 0,0,0,0,1,0 --doses 5
              trialsize boin select --target 0.25 --patients 3,3,15,9,0 --dlts 0,0,4,4,0
              trialsize boin simulate --target 0.25 --truth 0.05,0.12,0.25,0.40,0.55 \\
                --cohort-size 3 --cohorts 10
            TITE-BOIN (late-onset toxicity, a DLT window of 28 days):
              trialsize boin next --target 0.25 --levels 1,1,1,2,2,2 \\
                --dlts 0,0,0,0,1,0 --follow-up 28,28,28,20,9,4 --window 28 --doses 5
              trialsize boin simulate --target 0.25 --truth 0.05,0.12,0.25,0.40 \\
                --window 28 --rate 0.25
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
        discussion: """
            trialsize boin boundaries --target 0.25 [--cohort-size 3 --cohorts 10] \\
              [--phi1 0.15 --phi2 0.35 --eliminate 0.95]
            """)

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
            Per patient:
              trialsize boin next --target 0.25 --levels 1,1,1,2,2,2 \\
                --dlts 0,0,0,0,1,0 --doses 5
            Per dose:
              trialsize boin next --target 0.25 --patients 3,3,0,0,0 \\
                --dlts 0,1,0,0,0 --current 2
            TITE-BOIN:
              trialsize boin next --target 0.25 --levels 1,1,1,2,2,2 \\
                --dlts 0,0,0,0,1,0 --follow-up 28,28,28,20,9,4 --window 28 --doses 5
            Per patient, the current level is the last patient's. With --window (TITE-BOIN, Yuan et al. 2018), \
            --follow-up gives each patient's follow-up so far (for a DLT, the time to it), in the window's unit.
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

    @Option(help: ArgumentHelp(PhaseIParameters.next, "window"))
    var window: Double?

    @Option(help: ArgumentHelp(PhaseIParameters.next, "follow-up"))
    var followUp: String?

    @OptionGroup var unitOption: PhaseIUnitOption

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let boundaries = try boin.boundaries()
        if let window {
            guard patients == nil, current == nil else {
                throw InvalidInput(
                    parameter: patients != nil ? "patients" : "current",
                    requirement: "not given with --window (TITE-BOIN needs each patient: --levels, --dlts, --follow-up)", value: "")
            }
            guard let levels else {
                throw InvalidInput(parameter: "levels", requirement: "given with --window (one level per patient)", value: "")
            }
            guard let doses else { throw InvalidInput(parameter: "doses", requirement: "given with --levels", value: "") }
            guard let followUp else {
                throw InvalidInput(
                    parameter: "follow-up", requirement: "given with --window (one time per patient, in [0, window])", value: "")
            }
            let decision = try TITEBOINDecision(
                boundaries: boundaries, window: window, levels: try ListOption.integers(levels, "levels"),
                dlts: try ListOption.integers(dlts, "dlts"), followUp: try ListOption.doubles(followUp, "follow-up"),
                doses: doses, stopAt: stopAt)
            var report = TITEBOINNextReport(decision: decision)
            report.unit = unitOption.name
            try request.write(report, formatting: format, into: &output)
            return
        }
        guard followUp == nil else { throw InvalidInput(parameter: "follow-up", requirement: "given only with --window", value: "") }
        let decision: BOINDecision
        switch (levels, patients) {
        case let (levels?, nil):
            guard current == nil else {
                throw InvalidInput(
                    parameter: "current", requirement: "given only with --patients (per patient, it is the last patient's level)", value: ""
                )
            }
            guard let doses else { throw InvalidInput(parameter: "doses", requirement: "given with --levels", value: "") }
            decision = try BOINDecision(
                boundaries: boundaries, levels: try ListOption.integers(levels, "levels"), dlts: try ListOption.integers(dlts, "dlts"),
                doses: doses, stopAt: stopAt)
        case let (nil, patients?):
            guard doses == nil else {
                throw InvalidInput(
                    parameter: "doses", requirement: "given only with --levels (with --patients the list sets the levels)", value: "")
            }
            guard let current else { throw InvalidInput(parameter: "current", requirement: "given with --patients", value: "") }
            decision = try BOINDecision(
                boundaries: boundaries, patients: try ListOption.integers(patients, "patients"),
                dlts: try ListOption.integers(dlts, "dlts"),
                current: current, stopAt: stopAt)
        case (nil, nil):
            throw InvalidInput(parameter: "levels", requirement: "given (per patient), or --patients (per dose)", value: "")
        case (_?, _?):
            throw InvalidInput(parameter: "patients", requirement: "not given with --levels", value: "")
        }
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
        discussion: """
            trialsize boin select --target 0.25 --patients 3,3,15,9,0 \\
              --dlts 0,0,4,4,0 [--bound-mtd]
            """)

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
        let selection = try BOINSelection(
            boundaries: try boin.boundaries(), patients: try ListOption.integers(patients, "patients"),
            dlts: try ListOption.integers(dlts, "dlts"), boundMTD: boundMtd)
        let report = BOINSelectReport(selection: selection)
        try request.write(report, formatting: format, into: &output)
    }
}

/// `trialsize boin simulate`.
struct BOINSimulateCommand: DesignCommand {
    static var parameters: ParameterCatalog { PhaseIParameters.simulate }

    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Operating characteristics by simulation: selection per level, no MTD, patients and DLTs per level, per scenario.",
        discussion: """
            trialsize boin simulate --target 0.25 --truth 0.05,0.12,0.25,0.40,0.55 \\
              [--truth ... more scenarios] --cohort-size 3 --cohorts 10 \\
              --trials 10000 --seed 1 [--start 1 --stop-at 100 --bound-mtd] \\
              [--window 28 --rate 0.25 --arrival poisson]
            The BOIN R package's get.oc conventions; the same seed gives the same answer on any number of threads. \
            With --window: TITE-BOIN (Yuan et al. 2018) for late-onset toxicity, patients arriving at --rate per \
            unit time, a DLT's time uniform over the window; the trial's mean duration is reported.
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

    @Option(help: ArgumentHelp(PhaseIParameters.simulate, "window"))
    var window: Double?

    @Option(help: ArgumentHelp(PhaseIParameters.simulate, "rate"))
    var rate: Double?

    @Option(help: ArgumentHelp(PhaseIParameters.simulate, "arrival"))
    var arrival: TITESettings.Arrival?

    @OptionGroup var unitOption: PhaseIUnitOption

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let boundaries = try boin.boundaries()
        let scenarios = try TruthScenarios.parse(truth)
        if let threads { try CommonParameters.threads.validate(threads) }
        var tite: TITEBOINSettings?
        if let window {
            tite = try TITEBOINSettings(window: window, rate: rate ?? 1, arrival: arrival ?? .poisson)
        } else if rate != nil || arrival != nil {
            throw InvalidInput(parameter: rate != nil ? "rate" : "arrival", requirement: "given only with --window (TITE-BOIN)", value: "")
        }
        let designs = try scenarios.map {
            try BOINSimulationDesign(
                boundaries: boundaries, truth: $0, cohortSize: cohortSize, cohorts: cohorts, start: start,
                stopAt: stopAt, boundMTD: boundMtd, tite: tite)
        }
        try designs[0].checkWork(trials: trials, scenarios: designs.count)
        let run = SimulationRun(trials: trials, seed: seed, threads: threads)
        let results = try designs.map { try $0.characteristics(at: run) }
        var report = DoseFindingReport(design: .boin(designs[0], trials: trials, seed: seed), target: boundaries.target, scenarios: results)
        report.unit = unitOption.name
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
            trialsize three-plus-three --truth 0.05,0.12,0.25,0.40,0.55 \\
              [--truth ... more scenarios] [--start 1 --target 0.25]
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
