import TrialDesign

/// `trialsize crm calibrate`: the half-width δ that maximises the average probability of correct selection
/// over the plateau calibration scenarios (Lee & Cheung 2009), with the whole table searched.
public struct CRMCalibrationReport: DesignReporting {
    /// The shipped template, `Templates/crm-calibrate.mustache`.
    public static let templateName = "crm-calibrate"

    /// The search: its settings, every half-width (and prior variance) tried with its average
    /// probability of correct selection, and the best.
    public let result: CRMCalibration.Result

    /// A report of `result`.
    public init(result: CRMCalibration.Result) { self.result = result }

    /// The JSON answer (docs/json/crm.md, `crm calibrate`): the best δ with its prior variance, skeleton
    /// and average PCS ± SE, every row searched, the plateau scenarios, and the inputs.
    public struct Body: Encodable {
        let halfwidth: Double
        let skeleton: [Double]
        let averageCorrectSelection: Double
        let averageCorrectSelectionSe: Double
        let table: [CRMCalibration.Row]
        let scenarios: [[Double]]
        let target: Double
        let levels: Int
        let priorMtd: Int
        let patients: Int
        let start: Int
        let cohort: Int
        let model: String
        let intercept: Double?
        let priorVariance: Double
        let priorVariances: [Double]
        let spacing: Double
        let trialsPerScenario: Int
        let seed: UInt64
        let method: String
    }

    var searchesVariance: Bool { result.calibration.priorVariances.count > 1 }

    var method: String {
        "grid search over the half-width delta (steps of \(NumberFormat.significant(CRMCalibration.halfwidthStep)))"
            + (searchesVariance ? " and the prior variance of beta" : "")
            + "; for each, the Lee & Cheung (2009) skeleton and \(result.trialsPerScenario) simulated CRM trials per plateau scenario (same seed for every delta); criterion: average probability of correct selection"
    }

    /// The title, sections, warnings and JSON body.
    func parts() throws -> (title: String, sections: [DocumentSection], warnings: [String], json: Body) {
        let c = result.calibration
        let best = result.best
        let inputs: [(String, String)] = [
            ("Target DLT probability", NumberFormat.fixed(c.target, 3)),
            ("Model", CRMFormat.modelLabel(c.model.rawValue, intercept: c.intercept)),
            ("Dose levels", "\(c.levels), prior MTD level \(c.priorMTD)"),
            ("Patients", "\(c.patients), in cohorts of \(c.cohort), starting at level \(c.start)"),
            (
                "Prior on beta",
                "normal, mean 0, variance "
                    + (searchesVariance
                        ? "searched over " + c.priorVariances.map { NumberFormat.significant($0) }.joined(separator: ", ")
                        : NumberFormat.significant(c.priorVariances[0]))
            ),
            (
                "Calibration scenarios",
                "\(c.levels) plateaus: target at the MTD, target - \(NumberFormat.fixed(c.spacing, 2)) below, target + \(NumberFormat.fixed(c.spacing, 2)) above"
            ),
            ("Simulated trials", "\(result.trialsPerScenario) per scenario and delta (seed \(result.seed))"),
        ]
        let table0 = Table(
            header: ["delta"] + (searchesVariance ? ["variance"] : []) + (1...c.levels).map { "PCS MTD=\($0)" } + ["average", "se"],
            rows: result.rows.map { row in
                [NumberFormat.fixed(row.halfwidth, 2) + (row == best ? "*" : "")]
                    + (searchesVariance ? [NumberFormat.significant(row.priorVariance)] : [])
                    + row.correctSelection.map { NumberFormat.fixed($0, 3) }
                    + [NumberFormat.fixed(row.averageCorrectSelection, 3), NumberFormat.fixed(row.standardError, 3)]
            })
        var table = table0
        table.footnotes = ["* the best half-width. PCS: probability of correct selection in the scenario with the MTD at that level."]
        let near = result.rows.filter { $0.averageCorrectSelection >= best.averageCorrectSelection - 2 * best.standardError }
        let warnings: [String] = []
        let sections = [
            DocumentSection("Inputs", rows: inputs),
            DocumentSection("Method", rows: [("Method", method), ("Reference", "Lee & Cheung 2009; Cheung 2011, ch. 8")]),
            DocumentSection(
                "Answer",
                rows: [
                    ("Half-width (delta)", NumberFormat.fixed(best.halfwidth, 2)),
                    ("Prior variance", NumberFormat.significant(best.priorVariance)),
                    ("Skeleton", CRMFormat.list(best.skeleton)),
                    (
                        "Average correct selection",
                        "\(NumberFormat.fixed(best.averageCorrectSelection, 3)) ± \(NumberFormat.fixed(best.standardError, 3))"
                    ),
                    (
                        "Within 2 SE of the best",
                        near.map {
                            NumberFormat.fixed($0.halfwidth, 2)
                                + (searchesVariance ? " (variance \(NumberFormat.significant($0.priorVariance)))" : "")
                        }.joined(separator: ", ")
                    ),
                ], table: table),
            DocumentSection(
                "Assumptions",
                notes: [
                    "The calibration set is trialsize's plateau set (the MTD at each level in turn, flat neighbours at target ± spacing); Lee & Cheung's own set may differ in its spacing, so change --spacing to match a published table.",
                    "Every delta is simulated with the same seed (common random numbers): their differences are less noisy than the standard errors shown, which are for each average on its own.",
                    "No early stopping; the selected level is the one closest to the target after all patients.",
                ]),
        ]
        let json = Body(
            halfwidth: best.halfwidth, skeleton: best.skeleton, averageCorrectSelection: best.averageCorrectSelection,
            averageCorrectSelectionSe: best.standardError, table: result.rows, scenarios: c.scenarios, target: c.target,
            levels: c.levels, priorMtd: c.priorMTD, patients: c.patients, start: c.start, cohort: c.cohort,
            model: c.model.rawValue, intercept: c.model == .logistic ? c.intercept : nil, priorVariance: best.priorVariance,
            priorVariances: c.priorVariances,
            spacing: c.spacing, trialsPerScenario: result.trialsPerScenario, seed: result.seed, method: method)
        return ("CRM calibration of the half-width", sections, warnings, json)
    }

    /// The report: inputs, method, the best half-width with its skeleton and the half-widths within
    /// two standard errors of it, the table of every δ searched, and the assumptions.
    public func document() throws -> Document {
        let (title, sections, warnings, _) = try parts()
        return Document(title: title, sections: sections, warnings: warnings)
    }

    /// The JSON answer, ``Body``.
    public func jsonBody() throws -> Body { try parts().json }

    /// The variables `crm-calibrate.mustache` reads (listed in docs/templates.md), citing into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let c = result.calibration
        return [
            "crm": references.cite(CRMReferences.oQuigley1990),
            "calibration": references.cite(CRMReferences.leeCheung2009),
            "book": references.cite(CRMReferences.cheung2011),
            "model": c.model.rawValue,
            "target": NumberFormat.fixed(c.target, 2),
            "levels": c.levels,
            "prior_mtd": c.priorMTD,
            "patients": c.patients,
            "halfwidth": NumberFormat.fixed(result.best.halfwidth, 2),
            "searches_variance": searchesVariance,
            "variance": NumberFormat.significant(result.best.priorVariance),
            "skeleton": CRMFormat.list(result.best.skeleton, 3),
            "pcs": NumberFormat.percent(result.best.averageCorrectSelection, 1),
            "first": NumberFormat.fixed(result.rows.first?.halfwidth ?? 0, 2),
            "last": NumberFormat.fixed(result.rows.last?.halfwidth ?? 0, 2),
            "trials": result.trialsPerScenario,
            "spacing": NumberFormat.fixed(c.spacing, 2),
        ]
    }

}

extension CRMCalibrationReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("halfwidth", "Half-width", .value), .init("average_correct_selection", "Average P(correct selection)", .probability),
        ]
    }
}
