import TrialDesign

/// `trialsize crm simulate`: operating characteristics of a CRM or TITE-CRM design by simulation.
///
/// The JSON keeps the per-level arrays (`truth`, `selection`, `patients_per_level`, ...) side by side so a
/// plot of selection probability against the true DLT curve needs no reshaping. With several `--truth`
/// scenarios the top-level keys are the first scenario's (the single-scenario shape, unchanged) and
/// `scenarios` holds every scenario's answer in order, each simulated with the same seed.
public struct CRMSimulationReport: DesignReporting {
    /// The shipped template, `Templates/crm-simulate.mustache`.
    public static let templateName = "crm-simulate"

    /// The first scenario's answer (the only one of a single-scenario run).
    public let result: CRMOperatingCharacteristics
    /// Every scenario's answer, in order (the same design settings and seed, different true curves).
    public let scenarios: [CRMOperatingCharacteristics]
    /// Seconds the simulation took (reported in text only, never in JSON, so JSON stays reproducible).
    public let seconds: Double?

    /// A report of a single scenario; `seconds` is the time the simulation took, for the text only.
    public init(result: CRMOperatingCharacteristics, seconds: Double? = nil) {
        self.init(scenarios: [result], seconds: seconds)
    }

    /// The time unit of the window and the accrual rate (`--unit`), or nil for a bare number.
    public var unit: String?

    /// A report of one or more scenarios (at least one), all simulated with the same design settings and seed.
    public init(scenarios: [CRMOperatingCharacteristics], seconds: Double? = nil) {
        precondition(!scenarios.isEmpty, "a CRM simulation report needs a scenario")
        result = scenarios[0]
        self.scenarios = scenarios
        self.seconds = seconds
    }

    /// One scenario's answer in the JSON's `scenarios` list.
    public struct ScenarioJSON: Encodable {
        let truth: [Double]
        let trueMtd: Int
        let selection: [Double]
        let selectionSe: [Double]
        let correctSelection: Double
        let correctSelectionSe: Double
        let patientsPerLevel: [Double]
        let patientsPerLevelSe: [Double]
        let dltsPerLevel: [Double]
        let dltsPerLevelSe: [Double]
        let dltRate: Double
        let dltRateSe: Double
        let duration: Double?
        let durationSe: Double?
    }

    /// TITE settings in the JSON (omitted without `--tite`): the DLT window, `poisson` or `fixed`
    /// arrivals, the accrual rate per time unit, the time-to-DLT distribution (with its Weibull shape),
    /// the weighting and `--unit`.
    public struct TITEJSON: Encodable {
        let window: Double
        let arrival: String
        let rate: Double
        let timeToDlt: String
        let shape: Double?
        let weighting: String
        /// `--unit` of the window and the rate (omitted without it).
        let unit: String?
    }

    /// The JSON answer (docs/json/crm.md, `crm simulate`): the first scenario's operating
    /// characteristics with their Monte Carlo SEs, the inputs, the simulation size and seed, and
    /// every scenario under `scenarios`.
    public struct Body: Encodable {
        let selection: [Double]
        let selectionSe: [Double]
        let trueMtd: Int
        let correctSelection: Double
        let correctSelectionSe: Double
        let patientsPerLevel: [Double]
        let patientsPerLevelSe: [Double]
        let dltsPerLevel: [Double]
        let dltsPerLevelSe: [Double]
        let dltRate: Double
        let dltRateSe: Double
        let duration: Double?
        let durationSe: Double?
        let truth: [Double]
        let skeleton: [Double]
        let model: String
        let intercept: Double?
        let target: Double
        let priorVariance: Double
        let patients: Int
        let start: Int
        let cohort: Int
        let noSkipping: Bool
        let noEscalationAfterDlt: Bool
        let tite: TITEJSON?
        let trials: Int
        let seed: UInt64
        let scenarios: [ScenarioJSON]
        let method: String
    }

    func scenarioJSON(_ r: CRMOperatingCharacteristics) -> ScenarioJSON {
        ScenarioJSON(
            truth: r.design.truth, trueMtd: r.trueMTD, selection: r.selection.map(\.estimate),
            selectionSe: r.selection.map(\.standardError), correctSelection: r.correctSelection.estimate,
            correctSelectionSe: r.correctSelection.standardError,
            patientsPerLevel: r.patientsPerLevel.map(\.estimate), patientsPerLevelSe: r.patientsPerLevel.map(\.standardError),
            dltsPerLevel: r.dltsPerLevel.map(\.estimate), dltsPerLevelSe: r.dltsPerLevel.map(\.standardError),
            dltRate: r.dltRate.estimate, dltRateSe: r.dltRate.standardError,
            duration: r.duration?.estimate, durationSe: r.duration?.standardError)
    }

    var method: String {
        let d = result.design
        let each = scenarios.count > 1 ? " per scenario" : ""
        let seed = scenarios.count > 1 ? "seed \(result.seed), the same random numbers in every scenario" : "seed \(result.seed)"
        return (d.tite != nil ? "TITE-CRM" : "CRM")
            + " simulated \(result.trials) times\(each) (\(seed)); posterior mean of beta by a trapezoidal grid rule (agrees with adaptive quadrature to 1e-8), plug-in dose rule, final MTD = level closest to the target after complete follow-up, no early stopping"
            + (d.cohort > 1 ? "; cohorts of \(d.cohort)" : "")
    }

    /// The title, sections, warnings and JSON body.
    func parts() throws -> (title: String, sections: [DocumentSection], warnings: [String], json: Body) {
        let r = result
        let d = r.design
        var inputs: [(String, String)] = [
            ("Target DLT probability", NumberFormat.fixed(d.target, 3)),
            ("Model", CRMFormat.modelLabel(d.model.kind.rawValue, intercept: d.model.intercept)),
            ("Skeleton", CRMFormat.list(d.model.skeleton)),
            scenarios.count > 1
                ? ("Scenarios", "\(scenarios.count) true dose–toxicity curves (below)")
                : ("True DLT probabilities", CRMFormat.list(d.truth)),
            ("Prior on beta", "normal, mean 0, variance \(NumberFormat.significant(d.priorVariance))"),
            ("Patients", "\(d.patients), in cohorts of \(d.cohort), starting at level \(d.start)"),
            ("Restrictions", restrictionText),
        ]
        if let t = d.tite {
            inputs.append(("DLT window", NumberFormat.duration(t.window, unit: unit)))
            inputs.append(
                (
                    "Accrual",
                    "\(t.arrival == .poisson ? "Poisson" : "fixed"), \(NumberFormat.arrivals(t.rate, unit: unit)) (\(NumberFormat.significant(t.rate * t.window)) per window, the rate dfcrm's titesim takes)"
                ))
            inputs.append(
                (
                    "Time to DLT",
                    t.timeToDLT.rawValue + (t.timeToDLT == .weibull ? " (shape \(NumberFormat.significant(t.shape)))" : "")
                        + " within the window"
                ))
            inputs.append(("TITE weights", t.weighting.rawValue))
        }
        inputs.append(
            ("Simulated trials", scenarios.count > 1 ? "\(r.trials) per scenario (seed \(r.seed))" : "\(r.trials) (seed \(r.seed))"))
        var warnings: [String] = []
        var answerSections: [DocumentSection] = []
        let several = scenarios.count > 1
        for (i, scenario) in scenarios.enumerated() {
            let (rows, table) = answer(scenario, several: several)
            answerSections.append(DocumentSection(several ? "Scenario \(i + 1)" : "Answer", rows: rows, table: table))
            let tied = scenario.design.levelsTiedForMTD
            if tied.count > 1 {
                warnings.append(
                    (several ? "Scenario \(i + 1): levels " : "Levels ")
                        + "\(tied.map(String.init).joined(separator: " and ")) are equally close to the target; the lower is counted as the true MTD."
                )
            }
        }
        let sections =
            [
                DocumentSection("Inputs", rows: inputs),
                DocumentSection(
                    "Method",
                    rows: [
                        ("Method", method),
                        ("Reference", d.tite != nil ? "Cheung & Chappell 2000; Cheung 2011" : "O'Quigley, Pepe & Fisher 1990; Cheung 2011"),
                    ]),
            ] + answerSections + [
                DocumentSection("Assumptions", notes: assumptions)
            ]
        let t = d.tite
        let json = Body(
            selection: r.selection.map(\.estimate), selectionSe: r.selection.map(\.standardError), trueMtd: r.trueMTD,
            correctSelection: r.correctSelection.estimate, correctSelectionSe: r.correctSelection.standardError,
            patientsPerLevel: r.patientsPerLevel.map(\.estimate), patientsPerLevelSe: r.patientsPerLevel.map(\.standardError),
            dltsPerLevel: r.dltsPerLevel.map(\.estimate), dltsPerLevelSe: r.dltsPerLevel.map(\.standardError),
            dltRate: r.dltRate.estimate, dltRateSe: r.dltRate.standardError,
            duration: r.duration?.estimate, durationSe: r.duration?.standardError,
            truth: d.truth, skeleton: d.model.skeleton, model: d.model.kind.rawValue,
            intercept: d.model.kind == .logistic ? d.model.intercept : nil, target: d.target, priorVariance: d.priorVariance,
            patients: d.patients, start: d.start, cohort: d.cohort, noSkipping: d.restrictions.noSkipping,
            noEscalationAfterDlt: d.restrictions.noEscalationAfterDLT,
            tite: t.map {
                TITEJSON(
                    window: $0.window, arrival: $0.arrival.rawValue, rate: $0.rate, timeToDlt: $0.timeToDLT.rawValue,
                    shape: $0.timeToDLT == .weibull ? $0.shape : nil, weighting: $0.weighting.rawValue, unit: unit)
            },
            trials: r.trials, seed: r.seed, scenarios: scenarios.map(scenarioJSON), method: method)
        return (d.tite != nil ? "TITE-CRM operating characteristics" : "CRM operating characteristics", sections, warnings, json)
    }

    /// One scenario's answer rows and its table by dose level (with several scenarios, the scenario's true curve first).
    func answer(_ r: CRMOperatingCharacteristics, several: Bool) -> (rows: [(String, String)], table: Table) {
        let d = r.design
        let pm = { (e: MonteCarloEstimate, digits: Int) in
            "\(NumberFormat.fixed(e.estimate, digits)) ± \(NumberFormat.fixed(e.standardError, digits))"
        }
        var table = Table(
            header: ["level", "true p", "skeleton", "P(select)", "patients", "DLTs"],
            rows: (0..<d.model.levels).map { k in
                [
                    String(k + 1) + (k + 1 == r.trueMTD ? "*" : ""), NumberFormat.fixed(d.truth[k], 3),
                    NumberFormat.fixed(d.model.skeleton[k], 3),
                    pm(r.selection[k], 3), pm(r.patientsPerLevel[k], 2), pm(r.dltsPerLevel[k], 2),
                ]
            })
        table.footnotes = ["* the true MTD. Each figure is a mean over simulated trials ± its Monte Carlo standard error."]
        var rows: [(String, String)] = several ? [("True DLT probabilities", CRMFormat.list(d.truth))] : []
        rows += [
            ("True MTD", "level \(r.trueMTD) (true DLT probability closest to the target)"),
            ("Correct selection", pm(r.correctSelection, 3)),
            ("DLT rate", pm(r.dltRate, 3)),
        ]
        if let duration = r.duration { rows.append(("Mean trial duration", pm(duration, 1))) }
        if let seconds, !several { rows.append(("Time taken", NumberFormat.fixed(seconds, 2) + " s")) }
        return (rows, table)
    }

    var assumptions: [String] {
        let d = result.design
        var out = [
            "Each patient's DLT is a Bernoulli draw with the true probability of the level given; patients are independent.",
            "The trial always enrols all \(d.patients) patients (no early stopping); the selected level is the one whose estimate is closest to the target once every outcome is known.",
        ]
        if let t = d.tite {
            out.append(
                "Arrivals: \(t.arrival == .poisson ? "a Poisson process" : "one every 1/rate") at \(NumberFormat.perUnit(t.rate, unit: unit)); each patient's dose uses the outcomes known at arrival; a DLT occurs within the window of \(NumberFormat.duration(t.window, unit: unit)), its time \(timeToDLTText(t)) given that it occurs; duration runs from the first arrival until every patient has had a DLT or a full window."
            )
        } else {
            out.append("Every patient's outcome is known before the next cohort is dosed.")
        }
        if scenarios.count > 1 {
            out.append(
                "Every scenario uses the same seed (common random numbers), so differences between scenarios are not blurred by different random numbers; scenario k equals a run of that scenario alone with the same seed."
            )
        }
        return out
    }

    func timeToDLTText(_ t: TITESettings) -> String {
        switch t.timeToDLT {
        case .uniform: return "uniform over the window"
        case .exponential: return "exponential (constant hazard) truncated to the window"
        case .weibull: return "Weibull with shape \(NumberFormat.significant(t.shape)) truncated to the window"
        }
    }

    var restrictionText: String { result.design.restrictions.summary }

    /// The report: inputs, method, one answer section per scenario (correct selection, DLT rate, and a
    /// table by dose level, each ± its Monte Carlo SE) and the assumptions.
    public func document() throws -> Document {
        let (title, sections, warnings, _) = try parts()
        return Document(title: title, sections: sections, warnings: warnings)
    }

    /// The JSON answer, ``Body``.
    public func jsonBody() throws -> Body { try parts().json }

    /// The variables `crm-simulate.mustache` reads (listed in docs/templates.md), citing into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let r = result
        let d = r.design
        return [
            "crm": references.cite(CRMReferences.oQuigley1990),
            "tite": d.tite != nil,
            "tite_citation": d.tite != nil ? references.cite(CRMReferences.cheungChappell2000) : "",
            "book": references.cite(CRMReferences.cheung2011),
            "model": d.model.kind.rawValue,
            "skeleton": CRMFormat.list(d.model.skeleton, 3),
            "target": NumberFormat.fixed(d.target, 2),
            "patients": d.patients,
            "cohort": d.cohort,
            "start": d.start,
            "levels": d.model.levels,
            "window": d.tite.map { NumberFormat.duration($0.window, unit: unit) } ?? "",
            "truth": CRMFormat.list(d.truth, 2),
            "trials": r.trials,
            "seed": String(r.seed),
            "true_mtd": r.trueMTD,
            "pcs": NumberFormat.percent(r.correctSelection.estimate, 1),
            "pcs_se": NumberFormat.percent(r.correctSelection.standardError, 1),
            "dlt_rate": NumberFormat.percent(r.dltRate.estimate, 1),
            "restrictions": restrictionText,
            "several": scenarios.count > 1,
            "scenario_count": scenarios.count,
            "scenarios": scenarios.enumerated().map { i, s -> [String: Any] in
                [
                    "number": i + 1, "truth": CRMFormat.list(s.design.truth, 2), "true_mtd": s.trueMTD,
                    "pcs": NumberFormat.percent(s.correctSelection.estimate, 1),
                    "pcs_se": NumberFormat.percent(s.correctSelection.standardError, 1),
                    "dlt_rate": NumberFormat.percent(s.dltRate.estimate, 1),
                ]
            },
        ]
    }

}

extension CRMSimulationReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("correct_selection", "P(correct selection)", .probability), .init("dlt_rate", "DLT rate", .probability),
            .init("duration", "Duration", .value),
        ]
    }
}
