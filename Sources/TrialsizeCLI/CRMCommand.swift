import ArgumentParser
import Foundation
import TrialDesign
import TrialReport

/// `trialsize crm`: phase I dose finding by the continual reassessment method (CRM) and TITE-CRM.
struct CRMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm",
        abstract: "Phase I CRM and TITE-CRM: skeleton calibration, next-dose recommendation, simulation, calibration.",
        discussion: """
            Worked example (the phase I design of Kearney et al., Breast Cancer Res Treat 2021):
              trialsize crm skeleton --target 0.25 --halfwidth 0.09 --levels 4 \\
                --prior-mtd 3
              trialsize crm simulate --halfwidth 0.09 --prior-mtd 3 \\
                --truth 0.05,0.12,0.25,0.40 --target 0.25 --patients 10 --start 3 \\
                --tite --window 21 --rate 0.25
            """,
        subcommands: [CRMSkeletonCommand.self, CRMNextCommand.self, CRMSimulateCommand.self, CRMCalibrateCommand.self]
    )
}

/// The model options every `crm` subcommand shares.
struct CRMModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp(CRMParameters.simulate, "target"))
    var target: Double

    @Option(help: ArgumentHelp(CRMParameters.simulate, "model"))
    var model: DoseToxicityModel.Kind = .empiric

    @Option(help: ArgumentHelp(CRMParameters.simulate, "intercept"))
    var intercept: Double = DoseToxicityModel.defaultIntercept
}

/// Restriction switches shared by `next` and `simulate`.
struct CRMRestrictionOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(CRMParameters.simulate, "allow-skipping"))
    var allowSkipping = false

    @Flag(help: ArgumentHelp(CRMParameters.simulate, "allow-escalation-after-dlt"))
    var allowEscalationAfterDlt = false

    var restrictions: EscalationRestrictions {
        EscalationRestrictions(noSkipping: !allowSkipping, noEscalationAfterDLT: !allowEscalationAfterDlt)
    }
}

extension DoseToxicityModel.Kind: ExpressibleByArgument {}
extension TITEWeighting: ExpressibleByArgument {}
extension TITESettings.Arrival: ExpressibleByArgument {}
extension TITESettings.TimeToDLT: ExpressibleByArgument {}

/// Comma-separated lists as options.
enum ListOption {
    /// "0.05,0.12,0.25" → [0.05, 0.12, 0.25]; a bad entry names the option.
    static func doubles(_ text: String, _ parameter: String) throws(InvalidInput) -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !text.isEmpty, parts.count <= CRMData.maximumPatients else {
            throw InvalidInput(
                parameter: parameter, requirement: "a comma-separated list of 1 to \(CRMData.maximumPatients) numbers",
                value: text.isEmpty ? "nothing" : "\(parts.count) entries")
        }
        var values: [Double] = []
        for part in parts {
            guard let value = Double(part), value.isFinite else {
                throw InvalidInput(parameter: parameter, requirement: "a comma-separated list of finite numbers", value: "'\(part)'")
            }
            values.append(value)
        }
        return values
    }

    /// "3,3,4" → [3, 3, 4].
    static func integers(_ text: String, _ parameter: String) throws(InvalidInput) -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !text.isEmpty, parts.count <= CRMData.maximumPatients else {
            throw InvalidInput(
                parameter: parameter, requirement: "a comma-separated list of 1 to \(CRMData.maximumPatients) whole numbers",
                value: text.isEmpty ? "nothing" : "\(parts.count) entries")
        }
        var values: [Int] = []
        for part in parts {
            guard let value = Int(part) else {
                throw InvalidInput(parameter: parameter, requirement: "a comma-separated list of whole numbers", value: "'\(part)'")
            }
            values.append(value)
        }
        return values
    }
}
