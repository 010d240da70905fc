import ArgumentParser
import Probability
import TrialDesign
import TrialReport

/// `trialsize crm simulate`: operating characteristics of a CRM or TITE-CRM design.
struct CRMSimulateCommand: ParsableCommand, AnsweringCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Operating characteristics by simulation: selection per level, correct selection, patients and DLTs per level.",
        discussion: """
            trialsize crm simulate --skeleton 0.05,0.12,0.25,0.40 --truth 0.05,0.12,0.25,0.40 --target 0.25 \\
              --patients 10 --start 3 --trials 10000 --seed 1 [--cohort 1] \\
              [--tite --window 21 --arrival poisson --rate 1 --time-to-dlt uniform]
            Instead of --skeleton, --halfwidth and --prior-mtd calibrate one (Lee & Cheung 2009) for the levels of --truth.
            The same seed gives the same answer on any number of threads.
            """
    )

    @OptionGroup var modelOptions: CRMModelOptions

    @Option(help: "The skeleton (comma-separated, strictly increasing, in (0, 1)).")
    var skeleton: String?

    @Option(help: "Calibrate the skeleton with this half-width instead of giving --skeleton. Allowed: (0, min(target, 1 - target)).")
    var halfwidth: Double?

    @Option(help: "With --halfwidth: the prior MTD level.")
    var priorMtd: Int?

    @Option(help: "True DLT probability of each level (comma-separated, in (0, 1)), as many as the skeleton.")
    var truth: String

    @Option(help: "Patients per trial. Allowed: 1...\(CRMSimulationDesign.maximumPatients).")
    var patients: Int

    @Option(help: "Starting level. Allowed: 1...levels.")
    var start: Int

    @Option(help: "Patients per cohort (dosed together). Allowed: 1...patients.")
    var cohort: Int = 1

    @Option(help: "Simulated trials. Allowed: 1...\(CRMSimulationDesign.maximumTrials), with trials × patients ≤ \(CRMSimulationDesign.maximumPatientTrials).")
    var trials: Int = 10_000

    @Option(help: "Random seed (the answer depends only on it, not on the threads).")
    var seed: UInt64 = 1

    @Option(help: "Threads (default: all cores). Allowed: 1...256.")
    var threads: Int?

    @Option(help: "Prior variance of beta (dfcrm's default 1.34). Allowed: [0.01, 100].")
    var priorVariance: Double = CRMPosterior.defaultPriorVariance

    @Flag(help: "Simulate TITE-CRM: staggered arrivals and DLTs over a window.")
    var tite = false

    @Option(help: "TITE: length of the DLT window. Allowed: (0, 1e6].")
    var window: Double?

    @Option(help: "TITE: arrivals, poisson or fixed.")
    var arrival: TITESettings.Arrival?

    @Option(help: "TITE: patients per unit of time. Allowed: > 0.")
    var rate: Double?

    @Option(help: "TITE: time to DLT within the window: uniform, exponential or weibull.")
    var timeToDlt: TITESettings.TimeToDLT?

    @Option(help: "TITE: Weibull shape for --time-to-dlt weibull. Allowed: [0.01, 100].")
    var shape: Double?

    @Option(help: "TITE weights: linear or adaptive.")
    var weights: TITEWeighting?

    @OptionGroup var restrictionOptions: CRMRestrictionOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let target = try CRMTarget(modelOptions.target).target
        let truthValues = try ListOption.doubles(truth, "truth")
        let skeletonValues: [Double]
        switch (skeleton, halfwidth) {
        case let (skeleton?, nil):
            guard priorMtd == nil else {
                throw InvalidInput(parameter: "prior-mtd", requirement: "given only with --halfwidth", value: "")
            }
            skeletonValues = try ListOption.doubles(skeleton, "skeleton")
        case let (nil, halfwidth?):
            guard let priorMtd else { throw InvalidInput(parameter: "prior-mtd", requirement: "given with --halfwidth", value: "") }
            skeletonValues = try Skeleton.calibrated(target: target, halfwidth: halfwidth, levels: truthValues.count,
                                                     priorMTD: priorMtd, model: modelOptions.model, intercept: modelOptions.intercept)
        case (nil, nil):
            throw InvalidInput(parameter: "skeleton", requirement: "given (or --halfwidth and --prior-mtd)", value: "")
        case (_?, _?):
            throw InvalidInput(parameter: "halfwidth", requirement: "not given with --skeleton", value: "")
        }
        let model = try DoseToxicityModel(kind: modelOptions.model, skeleton: skeletonValues, intercept: modelOptions.intercept)
        var settings: TITESettings?
        if tite {
            guard let window else { throw InvalidInput(parameter: "window", requirement: "given with --tite", value: "") }
            settings = try TITESettings(window: window, arrival: arrival ?? .poisson, rate: rate ?? 1,
                                        timeToDLT: timeToDlt ?? .uniform, shape: shape ?? 2, weighting: weights ?? .linear)
        } else {
            let titeOnly: [(String, Bool)] = [("window", window != nil), ("arrival", arrival != nil), ("rate", rate != nil),
                                              ("time-to-dlt", timeToDlt != nil), ("shape", shape != nil), ("weights", weights != nil)]
            if let (name, _) = titeOnly.first(where: \.1) {
                throw InvalidInput(parameter: name, requirement: "given only with --tite", value: "")
            }
        }
        if let threads { try Validate.count(threads, "threads", in: 1...256) }
        let design = try CRMSimulationDesign(model: model, target: target, truth: truthValues, patients: patients, start: start,
                                             cohort: cohort, priorVariance: priorVariance,
                                             restrictions: restrictionOptions.restrictions, tite: settings)
        let result = try design.simulate(trials: trials, seed: seed, threads: threads ?? MonteCarlo.defaultThreads)
        let report = CRMSimulationReport(result: result)
        let justification = request.needsJustification(format)
            ? try report.justification(using: request.templateChoice(shipped: "crm-simulate")) : nil
        output.write(try report.render(format.format, justification: format.justify ? justification : nil))
        try request.write { try report.document(justification: justification) }
    }
}
