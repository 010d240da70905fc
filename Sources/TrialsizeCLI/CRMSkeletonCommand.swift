import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize crm skeleton`: calibrate a skeleton, or show a given skeleton's indifference intervals.
struct CRMSkeletonCommand: DesignCommand {
    static let parameters = CRMParameters.skeletonCommand

    static let configuration = CommandConfiguration(
        commandName: "skeleton",
        abstract: "A skeleton calibrated by the indifference interval (Lee & Cheung 2009), or a given skeleton's indifference intervals.",
        discussion: """
            Calibrate:
              trialsize crm skeleton --target 0.25 --halfwidth 0.09 --levels 4 \\
                --prior-mtd 3
            Inverse:
              trialsize crm skeleton --target 0.25 --skeleton 0.05,0.12,0.25,0.40
            """
    )

    @OptionGroup var modelOptions: CRMModelOptions

    @Option(help: ArgumentHelp(CRMParameters.skeletonCommand, "halfwidth"))
    var halfwidth: Double?

    @Option(help: ArgumentHelp(CRMParameters.skeletonCommand, "levels"))
    var levels: Int?

    @Option(help: ArgumentHelp(CRMParameters.skeletonCommand, "prior-mtd"))
    var priorMtd: Int?

    @Option(help: ArgumentHelp(CRMParameters.skeletonCommand, "skeleton"))
    var skeleton: String?

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let target = try CRMTarget(modelOptions.target).target
        let model: DoseToxicityModel
        if let skeleton {
            guard halfwidth == nil, priorMtd == nil else {
                throw InvalidInput(
                    parameter: "skeleton", requirement: "cannot be combined with --halfwidth or --prior-mtd (it replaces the calibration)",
                    value: "")
            }
            let values = try ListOption.doubles(skeleton, "skeleton")
            if let levels, levels != values.count {
                throw InvalidInput(parameter: "levels", requirement: "the skeleton's length (\(values.count))", value: String(levels))
            }
            model = try DoseToxicityModel(kind: modelOptions.model, skeleton: values, intercept: modelOptions.intercept)
        } else {
            guard let halfwidth else { throw InvalidInput(parameter: "halfwidth", requirement: "given (or give --skeleton)", value: "") }
            guard let levels else { throw InvalidInput(parameter: "levels", requirement: "is required with --halfwidth", value: "") }
            guard let priorMtd else { throw InvalidInput(parameter: "prior-mtd", requirement: "is required with --halfwidth", value: "") }
            let values = try Skeleton.calibrated(
                target: target, halfwidth: halfwidth, levels: levels, priorMTD: priorMtd,
                model: modelOptions.model, intercept: modelOptions.intercept)
            model = try DoseToxicityModel(kind: modelOptions.model, skeleton: values, intercept: modelOptions.intercept)
        }
        let intervals = try Skeleton.indifferenceIntervals(model: model, target: target)
        let report = CRMSkeletonReport(
            model: model, target: target, halfwidth: skeleton == nil ? halfwidth : nil,
            priorMTD: skeleton == nil ? priorMtd : nil, intervals: intervals)
        try request.write(report, formatting: format, into: &output)
    }
}
