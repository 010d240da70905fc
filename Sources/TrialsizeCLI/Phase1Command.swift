import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize phase1`: phase I designs side by side.
struct Phase1Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase1",
        abstract: "Phase I designs side by side: the 3+3, BOIN and the CRM on the same scenarios.",
        subcommands: [Phase1CompareCommand.self]
    )
}

/// `trialsize phase1 compare`.
struct Phase1CompareCommand: DesignCommand {
    static var parameters: ParameterCatalog { PhaseIParameters.compare }

    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "The 3+3 (exact), BOIN and the CRM (simulated, common random numbers) on the same scenarios.",
        discussion: """
            trialsize phase1 compare --target 0.25 --truth 0.05,0.12,0.25,0.40,0.55 \\
              [--truth ... more scenarios] --patients 30 \\
              [--cohort-size 3 --start 1 --halfwidth 0.05 --prior-mtd 3] \\
              [--trials 10000 --seed 1]
            """)

    @Option(help: ArgumentHelp(PhaseIParameters.compare, "target"))
    var target: Double

    @Option(help: ArgumentHelp(PhaseIParameters.compare, "truth"))
    var truth: [String] = []

    @Option(help: ArgumentHelp(PhaseIParameters.compare, "patients"))
    var patients: Int

    @Option(help: ArgumentHelp(PhaseIParameters.compare, "cohort-size"))
    var cohortSize: Int = 1

    @Option(help: ArgumentHelp(PhaseIParameters.compare, "start"))
    var start: Int = 1

    @Option(help: ArgumentHelp(PhaseIParameters.compare, "halfwidth"))
    var halfwidth: Double = 0.05

    @Option(help: ArgumentHelp(PhaseIParameters.compare, "prior-mtd"))
    var priorMtd: Int?

    @Option(help: ArgumentHelp(PhaseIParameters.compare, "trials"))
    var trials: Int = 10_000

    @Option(help: ArgumentHelp(PhaseIParameters.compare, "seed"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(PhaseIParameters.compare, "threads"))
    var threads: Int?

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let scenarios = try TruthScenarios.parse(truth)
        if let threads { try CommonParameters.threads.validate(threads) }
        let comparison = try PhaseIComparison(
            target: target, scenarios: scenarios, patients: patients, cohortSize: cohortSize,
            start: start, halfwidth: halfwidth, priorMTD: priorMtd)
        let results = try comparison.characteristics(at: SimulationRun(trials: trials, seed: seed, threads: threads)).scenarios
        let report = PhaseICompareReport(comparison: comparison, results: results, trials: trials, seed: seed)
        try request.write(report, formatting: format, into: &output)
    }
}
