import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize two-arm binomial`: patients per arm to compare two response rates.
struct TwoArmBinomialCommand: DesignCommand {
    static let parameters = TwoArmParameters.binomial

    static let configuration = CommandConfiguration(
        commandName: "binomial",
        abstract: "Randomized comparison of two response rates: Fisher's exact test, normal approximations.",
        discussion: """
            Methods: fisher (default: the exact power of the one-sided Fisher exact test, first and stable n, \
            since exact power is a sawtooth), normal (no continuity correction), continuity (Casagrande, Pike & \
            Smith 1978), or all side by side.
            Example:
              trialsize two-arm binomial --p0 0.2 --p1 0.4 --alpha 0.025 --power 0.8 \\
                --method all
            """)

    @Option(help: ArgumentHelp(TwoArmParameters.binomial, "p0")) var p0: Double
    @Option(help: ArgumentHelp(TwoArmParameters.binomial, "p1")) var p1: Double
    @OptionGroup var errorRates: ErrorRateOptions
    @Option(help: ArgumentHelp(TwoArmParameters.binomial, "allocation")) var allocation: Double = 1
    @Option(help: ArgumentHelp(TwoArmParameters.binomial, "method")) var method: TwoProportionsMethodChoice = .single(.default)
    @Flag(help: ArgumentHelp(TwoArmParameters.binomial, "table")) var table = false

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let design = try TwoProportions(p0: p0, p1: p1, allocation: allocation, rates: try errorRates.errorRates())
        let methods = method.methods(all: [.fisher, .normal, .continuity])
        let answers = try methods.map { m throws(DesignError) in try design.solve(m) }
        var rows: [TwoProportions.Characteristics]?
        if table {
            let center = answers[0].stable.controlPatients
            let low = max(1, min(answers[0].first.controlPatients, center) - 5)
            let high = min(TwoProportions.maximumFisherPatientsPerArm, center + 5)
            // Fisher's exact power is tabulated up to its cap per arm; an answer beyond it has no table
            // (a range with low > high once trapped: --allocation 0.01).
            guard low <= high else {
                throw DesignError(
                    parameter: "table",
                    requirement:
                        "is available only when the control arm needs at most \(TwoProportions.maximumFisherPatientsPerArm) patients (it needs \(center); leave out --table)",
                    value: "")
            }
            rows = try (low...high).map { n throws(DesignError) in try design.fisher(controlPatients: n) }
        }
        try request.write(TwoProportionsReporting(design, answers, table: rows), formatting: format, into: &output)
    }
}
