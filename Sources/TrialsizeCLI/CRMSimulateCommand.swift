import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize crm simulate`: operating characteristics of a CRM or TITE-CRM design.
struct CRMSimulateCommand: DesignCommand {
    static let parameters = CRMParameters.simulate

    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Operating characteristics by simulation: selection per level, correct selection, patients and DLTs per level.",
        discussion: """
            trialsize crm simulate --skeleton 0.05,0.12,0.25,0.40 \\
              --truth 0.05,0.12,0.25,0.40 [--truth ... more scenarios] \\
              --target 0.25 --patients 10 --start 3 --trials 10000 --seed 1 [--cohort 1] \\
              [--tite --window 21 --arrival poisson --rate 1 --time-to-dlt uniform]
            Instead of --skeleton, --halfwidth and --prior-mtd calibrate one (Lee & Cheung 2009) for the levels \
            of --truth. Every scenario is simulated with the same seed (common random numbers): scenario k of a \
            run equals a run of that scenario alone. The same seed gives the same answer on any number of threads.
            """
    )

    @OptionGroup var modelOptions: CRMModelOptions

    @Option(help: ArgumentHelp(CRMParameters.simulate, "skeleton"))
    var skeleton: String?

    @Option(help: ArgumentHelp(CRMParameters.simulate, "halfwidth"))
    var halfwidth: Double?

    @Option(help: ArgumentHelp(CRMParameters.simulate, "prior-mtd"))
    var priorMtd: Int?

    @Option(help: ArgumentHelp(CRMParameters.simulate, "truth"))
    var truth: [String] = []

    @Option(help: ArgumentHelp(CRMParameters.simulate, "patients"))
    var patients: Int

    @Option(help: ArgumentHelp(CRMParameters.simulate, "start"))
    var start: Int

    @Option(help: ArgumentHelp(CRMParameters.simulate, "cohort"))
    var cohort: Int = 1

    @OptionGroup var simulation: SimulationOptions

    @Option(help: ArgumentHelp(CRMParameters.simulate, "prior-variance"))
    var priorVariance: Double = CRMPosterior.defaultPriorVariance

    @Flag(help: ArgumentHelp(CRMParameters.simulate, "tite"))
    var tite = false

    @Option(help: ArgumentHelp(CRMParameters.simulate, "window"))
    var window: Double?

    @Option(help: ArgumentHelp(CRMParameters.simulate, "arrival"))
    var arrival: TITESettings.Arrival?

    @Option(help: ArgumentHelp(CRMParameters.simulate, "rate"))
    var rate: Double?

    @Option(help: ArgumentHelp(CRMParameters.simulate, "time-to-dlt"))
    var timeToDlt: TITESettings.TimeToDLT?

    @Option(help: ArgumentHelp(CRMParameters.simulate, "shape"))
    var shape: Double?

    @Option(help: ArgumentHelp(CRMParameters.simulate, "weights"))
    var weights: TITEWeighting?

    @OptionGroup var restrictionOptions: CRMRestrictionOptions
    @OptionGroup var unitOption: PhaseIUnitOption

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let target = try CRMTarget(modelOptions.target).target
        let scenarios = try TruthScenarios.parse(truth)
        let truthValues = scenarios[0]
        let skeletonValues: [Double]
        switch (skeleton, halfwidth) {
        case let (skeleton?, nil):
            guard priorMtd == nil else {
                throw InvalidInput(parameter: "prior-mtd", requirement: "given only with --halfwidth", value: "")
            }
            skeletonValues = try ListOption.doubles(skeleton, "skeleton")
        case let (nil, halfwidth?):
            guard let priorMtd else { throw InvalidInput(parameter: "prior-mtd", requirement: "is required with --halfwidth", value: "") }
            skeletonValues = try Skeleton.calibrated(
                target: target, halfwidth: halfwidth, levels: truthValues.count,
                priorMTD: priorMtd, model: modelOptions.model, intercept: modelOptions.intercept)
        case (nil, nil):
            throw InvalidInput(parameter: "skeleton", requirement: "is required (or --halfwidth and --prior-mtd)", value: "")
        case (_?, _?):
            throw InvalidInput(parameter: "halfwidth", requirement: "cannot be combined with --skeleton", value: "")
        }
        let model = try DoseToxicityModel(kind: modelOptions.model, skeleton: skeletonValues, intercept: modelOptions.intercept)
        var settings: TITESettings?
        if tite {
            guard let window else { throw InvalidInput(parameter: "window", requirement: "is required with --tite", value: "") }
            settings = try TITESettings(
                window: window, arrival: arrival ?? .poisson, rate: rate ?? 1,
                timeToDLT: timeToDlt ?? .uniform, shape: shape ?? 2, weighting: weights ?? .linear)
        } else {
            let titeOnly: [(String, Bool)] = [
                ("window", window != nil), ("arrival", arrival != nil), ("rate", rate != nil),
                ("time-to-dlt", timeToDlt != nil), ("shape", shape != nil), ("weights", weights != nil),
            ]
            if let (name, _) = titeOnly.first(where: \.1) {
                throw InvalidInput(parameter: name, requirement: "given only with --tite", value: "")
            }
        }
        let designs = try scenarios.map {
            try CRMSimulationDesign(
                model: model, target: target, truth: $0, patients: patients, start: start,
                cohort: cohort, priorVariance: priorVariance,
                restrictions: restrictionOptions.restrictions, tite: settings)
        }
        let run = try simulation.run(defaultTrials: 10_000, catalog: CRMParameters.simulate)
        try designs[0].checkWork(trials: run.trials, scenarios: designs.count)
        let results = try designs.map { try $0.characteristics(at: run) }
        var report = CRMSimulationReport(scenarios: results)
        report.unit = unitOption.name
        try request.write(report, formatting: format, into: &output)
    }
}
