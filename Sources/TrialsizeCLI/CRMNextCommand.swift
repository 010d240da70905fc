import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize crm next`: the posterior and the next patient's dose from the outcomes so far.
struct CRMNextCommand: DesignCommand {
    static let parameters = CRMParameters.next

    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Posterior DLT estimates and the recommended next dose from the outcomes so far (CRM or TITE-CRM).",
        discussion: """
            Complete outcomes:
              trialsize crm next --skeleton 0.05,0.12,0.25,0.40 --target 0.25 \\
                --levels 3,3,4 --dlt 0,0,1
            TITE-CRM: ... --follow-up 21,14,7 --window 21 --weights adaptive
            Before any patient (the starting dose):
              trialsize crm next --skeleton 0.05,0.12,0.25,0.40 --target 0.25
            Safety rule: ... --safety-stop 0.9
              (stop when P(the lowest dose's DLT rate > target) > 0.9)
            Patients are listed in order of enrolment. For a patient with a DLT, --follow-up is the time to the DLT.
            """
    )

    @OptionGroup var modelOptions: CRMModelOptions

    @Option(help: ArgumentHelp(CRMParameters.next, "skeleton"))
    var skeleton: String

    @Option(help: ArgumentHelp(CRMParameters.next, "levels"))
    var levels: String?

    @Option(help: ArgumentHelp(CRMParameters.next, "dlt"))
    var dlt: String?

    @Option(help: ArgumentHelp(CRMParameters.next, "follow-up"))
    var followUp: String?

    @Option(help: ArgumentHelp(CRMParameters.next, "window"))
    var window: Double?

    @Option(help: ArgumentHelp(CRMParameters.next, "weights"))
    var weights: TITEWeighting = .linear

    @Option(help: ArgumentHelp(CRMParameters.next, "prior-variance"))
    var priorVariance: Double = CRMPosterior.defaultPriorVariance

    @Option(help: ArgumentHelp(CRMParameters.next, "credibility"))
    var credibility: Double = 0.9

    @Option(help: ArgumentHelp(CRMParameters.next, "safety-stop"))
    var safetyStop: Double?

    @OptionGroup var restrictionOptions: CRMRestrictionOptions
    @OptionGroup var unitOption: PhaseIUnitOption

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let target = try CRMTarget(modelOptions.target).target
        let model = try DoseToxicityModel(
            kind: modelOptions.model, skeleton: ListOption.doubles(skeleton, "skeleton"),
            intercept: modelOptions.intercept)
        // No patients yet (neither list): the recommendation is the starting dose.
        switch (levels, dlt) {
        case (nil, _?): throw InvalidInput(parameter: "levels", requirement: "is required with --dlt (one level per patient)", value: "")
        case (_?, nil): throw InvalidInput(parameter: "dlt", requirement: "is required with --levels (one outcome per patient)", value: "")
        default: break
        }
        let patientLevels = try levels.map { try ListOption.integers($0, "levels") } ?? []
        let outcomes = try dlt.map { try ListOption.integers($0, "dlt") } ?? []
        for y in outcomes where y != 0 && y != 1 {
            throw InvalidInput(parameter: "dlt", requirement: "a list of 0 (no DLT) and 1 (DLT)", value: String(y))
        }
        let hasDLT = outcomes.map { $0 == 1 }
        var weightValues: [Double]?
        var followUpValues: [Double]?
        switch (followUp, window) {
        case (nil, nil):
            break
        case (nil, _):
            throw InvalidInput(parameter: "follow-up", requirement: "is required with --window (one time per patient)", value: "")
        case (_, nil):
            throw InvalidInput(parameter: "window", requirement: "is required with --follow-up", value: "")
        case let (followUp?, window?):
            try Validate.positive(window, "window")
            let times = try ListOption.doubles(followUp, "follow-up")
            guard times.count == patientLevels.count else {
                throw InvalidInput(
                    parameter: "follow-up", requirement: "one time per patient in --levels (\(patientLevels.count))",
                    value: "\(times.count) times")
            }
            for t in times where !(t >= 0 && t <= window) {
                throw InvalidInput(
                    parameter: "follow-up", requirement: "in [0, \(NumberFormat.significant(window))] (the window)", value: t)
            }
            if hasDLT.count == times.count {
                for (t, y) in zip(times, hasDLT) where y && t == 0 {
                    throw InvalidInput(parameter: "follow-up", requirement: "the time to the DLT (> 0) for a patient with a DLT", value: t)
                }
            }
            followUpValues = times
            if hasDLT.count == times.count {
                weightValues = weights.weights(followUp: times, dlt: hasDLT, window: window)
            }
        }
        let data = try CRMData(levels: patientLevels, dlt: hasDLT, weights: weightValues, levelCount: model.levels)
        let answer = try CRMNextDose(
            model: model, target: target, data: data, priorVariance: priorVariance,
            restrictions: restrictionOptions.restrictions, intervalLevel: credibility,
            safetyThreshold: safetyStop)
        var report = CRMNextDoseReport(
            answer: answer, window: window, weighting: window != nil ? weights : nil,
            followUp: followUpValues)
        report.unit = unitOption.name
        try request.write(report, formatting: format, into: &output)
    }
}
