import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize crm calibrate`: the half-width δ with the best average correct selection (Lee & Cheung 2009).
struct CRMCalibrateCommand: DesignCommand {
    static let parameters = CRMParameters.calibrate

    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "The indifference half-width that maximises average correct selection over plateau scenarios (Lee & Cheung 2009).",
        discussion: "trialsize crm calibrate --target 0.25 --levels 4 --prior-mtd 3 --patients 10"
    )

    @OptionGroup var modelOptions: CRMModelOptions

    @Option(help: ArgumentHelp(CRMParameters.calibrate, "levels"))
    var levels: Int

    @Option(help: ArgumentHelp(CRMParameters.calibrate, "prior-mtd"))
    var priorMtd: Int

    @Option(help: ArgumentHelp(CRMParameters.calibrate, "patients"))
    var patients: Int

    @Option(help: ArgumentHelp(CRMParameters.calibrate, "start"))
    var start: Int?

    @Option(help: ArgumentHelp(CRMParameters.calibrate, "cohort"))
    var cohort: Int = 1

    @Option(help: ArgumentHelp(CRMParameters.calibrate, "prior-variance"))
    var priorVariance: Double = CRMPosterior.defaultPriorVariance

    @Option(help: ArgumentHelp(CRMParameters.calibrate, "prior-variances"))
    var priorVariances: String?

    @Option(help: ArgumentHelp(CRMParameters.calibrate, "spacing"))
    var spacing: Double = 0.10

    @OptionGroup var simulation: SimulationOptions

    @OptionGroup var restrictionOptions: CRMRestrictionOptions
    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let variances = try priorVariances.map { try ListOption.doubles($0, "prior-variances") } ?? [priorVariance]
        let calibration = try CRMCalibration(
            target: modelOptions.target, levels: levels, priorMTD: priorMtd, patients: patients, start: start, cohort: cohort,
            model: modelOptions.model, intercept: modelOptions.intercept, priorVariances: variances, spacing: spacing,
            restrictions: restrictionOptions.restrictions)
        let result = try calibration.characteristics(at: try simulation.run(defaultTrials: 2000, catalog: CRMParameters.calibrate))
        let report = CRMCalibrationReport(result: result)
        try request.write(report, formatting: format, into: &output)
    }
}
