import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize toxicity-boundary`: a continuous toxicity-monitoring rule for a phase II trial.
struct ToxicityBoundaryCommand: DesignCommand {
    static let parameters = ToxicityBoundary.parameters

    static let configuration = CommandConfiguration(
        commandName: "toxicity-boundary",
        abstract: "Toxicity monitoring rule: stop when toxicities exceed a boundary (Ivanova et al. 2005, clinfun toxbdry).",
        discussion: """
            Rule: stop at look k when the toxicities among the first n_k evaluable patients exceed b_k.
            --shape 0 is Pocock-type, 0.5 O'Brien-Fleming-type. One number for --looks monitors after every patient.
            Examples:
              trialsize toxicity-boundary --p0 0.2 --p1 0.35 --looks 10,20,30,40
              trialsize toxicity-boundary --p0 0.1 --p1 0.3 --looks 30 --shape 0.5
            """)

    @Option(help: ArgumentHelp(ToxicityBoundary.parameters, "p0")) var p0: Double
    @Option(help: ArgumentHelp(ToxicityBoundary.parameters, "p1")) var p1: Double
    @Option(help: ArgumentHelp(ToxicityBoundary.parameters, "looks", valueName: "n1,n2,...")) var looks: String
    @Option(help: ArgumentHelp(ToxicityBoundary.parameters, "alpha")) var alpha: Double = 0.1
    @Option(help: ArgumentHelp(ToxicityBoundary.parameters, "power")) var power: Double = 0.9
    @Option(help: ArgumentHelp(ToxicityBoundary.parameters, "shape")) var shape: Double = 0
    @Option(help: ArgumentHelp(ToxicityBoundary.parameters, "priority")) var priority: ToxicityBoundary.Priority = .null
    @Option(help: ArgumentHelp(ToxicityBoundary.parameters, "rates", valueName: "r1,r2,...")) var rates: String?

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let parsedRates = try rates.map { text throws -> [Double] in
            try text.split(separator: ",", omittingEmptySubsequences: false).map { field throws -> Double in
                guard let value = Double(field.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                    throw DesignError(
                        parameter: "rates", requirement: "comma-separated numbers in [0, 1]", value: text.isEmpty ? "\"\"" : text)
                }
                return value
            }
        }
        let design = try ToxicityBoundary(
            p0: p0, p1: p1, looks: try ToxicityBoundary.looks(parsing: looks), alpha: alpha, power: power,
            shape: shape, priority: priority, rates: parsedRates)
        try request.write(ToxicityBoundaryReport(try design.solve()), formatting: format, into: &output)
    }
}

extension ToxicityBoundary.Priority: ExpressibleByArgument {}
