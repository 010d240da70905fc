import ArgumentParser
import Probability
import TrialDesign
import TrialReport

/// `trialsize crm calibrate`: the half-width δ with the best average correct selection (Lee & Cheung 2009).
struct CRMCalibrateCommand: ParsableCommand, AnsweringCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "The indifference half-width that maximises average correct selection over plateau scenarios (Lee & Cheung 2009).",
        discussion: "trialsize crm calibrate --target 0.25 --levels 4 --prior-mtd 3 --patients 10"
    )

    @OptionGroup var modelOptions: CRMModelOptions

    @Option(help: "Number of dose levels. Allowed: 2...20.")
    var levels: Int

    @Option(help: "The prior MTD level (where the skeleton equals the target). Allowed: 1...levels.")
    var priorMtd: Int

    @Option(help: "Patients per trial. Allowed: 1...\(CRMSimulationDesign.maximumPatients).")
    var patients: Int

    @Option(help: "Starting level (default: the prior MTD). Allowed: 1...levels.")
    var start: Int?

    @Option(help: "Patients per cohort. Allowed: 1...patients.")
    var cohort: Int = 1

    @Option(help: "Prior variance of beta (dfcrm's default 1.34). Allowed: [0.01, 100].")
    var priorVariance: Double = CRMPosterior.defaultPriorVariance

    @Option(help: "Also search the prior variance over this comma-separated grid (replaces --prior-variance). Allowed: each in [0.01, 100], at most 20.")
    var priorVariances: String?

    @Option(help: "Plateau scenarios: true DLT probability target - spacing below the MTD and target + spacing above. Allowed: (0, min(target, 1 - target)).")
    var spacing: Double = 0.10

    @Option(help: "Simulated trials per scenario and half-width. Allowed: 1...\(CRMCalibration.maximumTrialsPerScenario).")
    var trials: Int = 2000

    @Option(help: "Random seed (the same for every half-width: common random numbers).")
    var seed: UInt64 = 1

    @Option(help: "Threads (default: all cores). Allowed: 1...256.")
    var threads: Int?

    @OptionGroup var restrictionOptions: CRMRestrictionOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        if let threads { try Validate.count(threads, "threads", in: 1...256) }
        let variances = try priorVariances.map { try ListOption.doubles($0, "prior-variances") } ?? [priorVariance]
        let calibration = try CRMCalibration(
            target: modelOptions.target, levels: levels, priorMTD: priorMtd, patients: patients, start: start, cohort: cohort,
            model: modelOptions.model, intercept: modelOptions.intercept, priorVariances: variances, spacing: spacing,
            restrictions: restrictionOptions.restrictions)
        let result = try calibration.run(trialsPerScenario: trials, seed: seed, threads: threads ?? MonteCarlo.defaultThreads)
        let report = CRMCalibrationReport(result: result)
        let justification = request.needsJustification(format)
            ? try report.justification(using: request.templateChoice(shipped: "crm-calibrate")) : nil
        output.write(try report.render(format.format, justification: format.justify ? justification : nil))
        try request.write { try report.document(justification: justification) }
    }
}
