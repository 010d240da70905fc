import TrialDesign

/// `trialsize phase1 compare`: the 3+3, BOIN and the CRM side by side, a table per scenario.
public struct PhaseICompareReport: DesignReporting {
    /// The shipped template.
    public static let templateName = "phase1-compare"

    /// The compared designs.
    public let comparison: PhaseIComparison
    /// Each scenario's answer for each design.
    public let results: [PhaseIComparison.Scenario]
    /// Simulated trials per scenario and design.
    public let trials: Int
    /// The simulation's seed.
    public let seed: UInt64

    /// A report of the given answer.
    public init(comparison: PhaseIComparison, results: [PhaseIComparison.Scenario], trials: Int, seed: UInt64) {
        self.comparison = comparison
        self.results = results
        self.trials = trials
        self.seed = seed
    }

    static let designs = ["3+3", "BOIN", "CRM"]

    func byDesign(_ s: PhaseIComparison.Scenario) -> [DoseFindingCharacteristics] { [s.threePlusThree, s.boin, s.crm] }

    struct DesignJSON: Encodable {
        let design: String
        let selection: [Double]
        let selectionSe: [Double]?
        let none: Double
        let patients: [Double]
        let patientsSe: [Double]?
        let dlts: [Double]
        let expectedN: Double
        let totalDlts: Double
        let totalDltsSe: Double?
        let correctSelection: Double
        let correctSelectionSe: Double?
        let overdoseSelection: Double
        let overdoseSelectionSe: Double?
        let patientsAtMtd: Double
        let patientsAboveMtd: Double
        let patientsAboveMtdSe: Double?
    }

    struct ScenarioJSON: Encodable {
        let truth: [Double]
        let trueMtd: Int
        let monotone: Bool
        let designs: [DesignJSON]
    }

    /// The JSON answer (docs/json/phase1.md): the shared settings and, per scenario, each design's
    /// operating characteristics.
    public struct JSON: Encodable {
        let target: Double
        let patients: Int
        let cohortSize: Int
        let start: Int
        let skeleton: [Double]
        let halfwidth: Double
        let priorMtd: Int
        let lambdaE: Double
        let lambdaD: Double
        let trials: Int
        let seed: UInt64
        let scenarios: [ScenarioJSON]
        let method: String
    }

    func designJSON(_ name: String, _ c: DoseFindingCharacteristics) -> DesignJSON {
        let exact = c.trials == nil
        return DesignJSON(
            design: name, selection: c.selection.map(\.estimate), selectionSe: exact ? nil : c.selection.map(\.standardError),
            none: c.none.estimate, patients: c.patients.map(\.estimate), patientsSe: exact ? nil : c.patients.map(\.standardError),
            dlts: c.dlts.map(\.estimate), expectedN: c.totalPatients.estimate, totalDlts: c.totalDLTs.estimate,
            totalDltsSe: exact ? nil : c.totalDLTs.standardError, correctSelection: c.correctSelection.estimate,
            correctSelectionSe: exact ? nil : c.correctSelection.standardError, overdoseSelection: c.overdoseSelection.estimate,
            overdoseSelectionSe: exact ? nil : c.overdoseSelection.standardError,
            patientsAtMtd: c.patients[c.trueMTD - 1].estimate, patientsAboveMtd: c.patientsAboveMTD.estimate,
            patientsAboveMtdSe: exact ? nil : c.patientsAboveMTD.standardError)
    }

    var method: String {
        let c = comparison
        return
            "3+3 exact (start at level \(c.start); docs/methods/three-plus-three.md); BOIN (φ1 = \(NumberFormat.fixed(c.boin.phi1, 3)), φ2 = \(NumberFormat.fixed(c.boin.phi2, 3)), elimination at 0.95) and CRM (empiric, skeleton calibrated with half-width \(NumberFormat.fixed(c.halfwidth, 3)) and prior MTD level \(c.priorMTD), no skipping, no escalation right after a DLT, no early stopping) each simulated \(trials) times per scenario with common random numbers (seed \(seed): one latent uniform per patient, the same in both designs); \(c.patients) patients in cohorts of \(c.cohortSize) from level \(c.start)"
    }

    func table(_ s: PhaseIComparison.Scenario, index: Int) -> PhaseITable {
        let rows = zip(Self.designs, byDesign(s)).map { name, c -> [String] in
            let exact = c.trials == nil
            return [
                name, PhaseIFormat.percent(c.correctSelection, exact: exact), PhaseIFormat.percent(c.overdoseSelection, exact: exact),
                NumberFormat.percent(c.none.estimate, 1), NumberFormat.fixed(c.patients[c.trueMTD - 1].estimate, 2),
                PhaseIFormat.estimate(c.patientsAboveMTD, 2, exact: exact), PhaseIFormat.estimate(c.totalDLTs, 2, exact: exact),
                NumberFormat.fixed(c.totalPatients.estimate, 2),
            ]
        }
        let selection = zip(Self.designs, byDesign(s)).map { name, c in
            "\(name) selection by level: " + c.selection.map { NumberFormat.fixed($0.estimate, 3) }.joined(separator: " / ")
        }
        return PhaseITable(
            "Scenario \(index + 1): true DLT probabilities \(PhaseIFormat.list(s.boin.truth, 3)); true MTD level \(s.boin.trueMTD)",
            headers: [
                "design", "correct selection", "selects above MTD", "no MTD", "patients at MTD", "patients above MTD", "DLTs", "patients",
            ],
            rows: rows,
            notes: selection + [
                "3+3 figures are exact; BOIN and CRM figures are means over simulated trials ± Monte Carlo SE (the CRM's SE of patients above the MTD is an upper bound)."
            ])
    }

    var layout: PhaseIDocument {
        let c = comparison
        var blocks: [PhaseIDocument.Block] = [
            .section(
                PhaseISection(
                    "Inputs",
                    rows: [
                        ("Target DLT probability", NumberFormat.fixed(c.target, 3)),
                        ("Patients (BOIN, CRM)", "\(c.patients), in cohorts of \(c.cohortSize), starting at level \(c.start)"),
                        ("3+3", "cohorts of 3 starting at level \(c.start); its sample size is random"),
                        ("BOIN boundaries", "λe = \(NumberFormat.fixed(c.boin.lambdaE, 4)), λd = \(NumberFormat.fixed(c.boin.lambdaD, 4))"),
                        (
                            "CRM skeleton",
                            PhaseIFormat.list(c.skeleton, 4)
                                + " (Lee & Cheung, half-width \(NumberFormat.fixed(c.halfwidth, 3)), prior MTD level \(c.priorMTD))"
                        ),
                        ("Simulated trials", "\(trials) per scenario and design (seed \(seed))"),
                        ("Scenarios", String(c.scenarios.count)),
                    ])),
            .section(
                PhaseISection(
                    "Method",
                    rows: [
                        ("Method", method),
                        ("Reference", "Lin & Shih 2001; Liu & Yuan 2015; O'Quigley, Pepe & Fisher 1990; Lee & Cheung 2009"),
                    ])),
        ]
        var warnings: [String] = []
        for (i, s) in results.enumerated() {
            blocks.append(.table(table(s, index: i)))
            if !s.boin.truthIsMonotone {
                warnings.append("Scenario \(i + 1): the true DLT probabilities do not increase with dose; the designs assume they do.")
            }
        }
        blocks.append(
            .section(
                PhaseISection(
                    "Assumptions",
                    notes: [
                        "Each patient's DLT is a Bernoulli draw with the true probability of the dose given; every outcome is known before the next cohort is dosed.",
                        "The true MTD is the level whose true DLT probability is closest to the target (the lower on a tie). The CRM as simulated never stops early; BOIN stops when the lowest dose is eliminated; the 3+3 stops when the lowest dose is too toxic.",
                        "The 3+3's sample size is random: compare its mean patients with the fixed \(c.patients) of BOIN and the CRM.",
                    ])))
        if !warnings.isEmpty { blocks.append(.section(PhaseISection("Warnings", notes: warnings))) }
        return PhaseIDocument(title: "Phase I designs compared: 3+3, BOIN and CRM", blocks: blocks)
    }

    /// The sections, tables and warnings.
    public func document() throws -> Document { layout.document }

    /// The JSON answer.
    public func jsonBody() throws -> JSON { json }

    var json: JSON {
        let c = comparison
        return JSON(
            target: c.target, patients: c.patients, cohortSize: c.cohortSize, start: c.start, skeleton: c.skeleton,
            halfwidth: c.halfwidth, priorMtd: c.priorMTD, lambdaE: c.boin.lambdaE, lambdaD: c.boin.lambdaD, trials: trials, seed: seed,
            scenarios: results.map { s in
                ScenarioJSON(
                    truth: s.boin.truth, trueMtd: s.boin.trueMTD, monotone: s.boin.truthIsMonotone,
                    designs: zip(["3+3", "boin", "crm"], byDesign(s)).map { designJSON($0, $1) })
            }, method: method)
    }

    /// Per scenario: each design's selection probability by dose (lines with points) beside the true DLT curve.
    public func figures() throws -> [Figure] {
        results.enumerated().map { i, s in
            let levels = s.boin.truth.indices.map(Double.init)
            let chart = Chart(
                title: "Selection probability by dose: 3+3, BOIN, CRM",
                subtitle:
                    "Scenario \(i + 1); true MTD level \(s.boin.trueMTD); correct selection 3+3 \(NumberFormat.percent(s.threePlusThree.correctSelection.estimate, 1)), BOIN \(NumberFormat.percent(s.boin.correctSelection.estimate, 1)), CRM \(NumberFormat.percent(s.crm.correctSelection.estimate, 1))",
                x: Axis(
                    title: "Dose level",
                    categories: s.boin.truth.indices.map { "level \($0 + 1)" + ($0 + 1 == s.boin.trueMTD ? " (MTD)" : "") }),
                y: Axis(title: "Probability", range: 0...1),
                series: [
                    Series(name: "3+3", kind: .line, x: levels, y: s.threePlusThree.selection.map(\.estimate)),
                    Series(name: "BOIN", kind: .line, x: levels, y: s.boin.selection.map(\.estimate)),
                    Series(name: "CRM", kind: .line, x: levels, y: s.crm.selection.map(\.estimate)),
                    Series(name: "true DLT probability", kind: .line, x: levels, y: s.boin.truth, dashed: true),
                ],
                referenceLines: [ReferenceLine(y: comparison.target, label: "target \(NumberFormat.fixed(comparison.target, 2))")])
            return Figure(
                chart, name: "scenario-\(i + 1)",
                caption:
                    "Scenario \(i + 1): the probability that each design selects each dose as the MTD, beside the true DLT probability (dashed); the horizontal line is the target."
            )
        }
    }

    /// The variables the template reads (listed in docs/templates.md), citing into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let c = comparison
        return [
            "storer": references.cite(PhaseIReferences.storer1989),
            "lin_shih": references.cite(PhaseIReferences.linShih2001),
            "boin": references.cite(PhaseIReferences.liuYuan2015),
            "crm": references.cite(CRMReferences.oQuigley1990),
            "calibration": references.cite(CRMReferences.leeCheung2009),
            "target": NumberFormat.fixed(c.target, 2),
            "patients": c.patients,
            "cohort_size": c.cohortSize,
            "start": c.start,
            "halfwidth": NumberFormat.fixed(c.halfwidth, 2),
            "trials": trials,
            "seed": String(seed),
            "scenarios": results.enumerated().map { i, s -> [String: Any] in
                [
                    "number": i + 1, "truth": PhaseIFormat.list(s.boin.truth, 2), "true_mtd": s.boin.trueMTD,
                    "pcs_3p3": NumberFormat.percent(s.threePlusThree.correctSelection.estimate, 1),
                    "pcs_boin": NumberFormat.percent(s.boin.correctSelection.estimate, 1),
                    "pcs_crm": NumberFormat.percent(s.crm.correctSelection.estimate, 1),
                    "n_3p3": NumberFormat.fixed(s.threePlusThree.totalPatients.estimate, 1),
                ]
            },
        ]
    }

}

extension PhaseICompareReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``): each design's probability of
    /// selecting the true MTD (one scenario; with several the first is tabulated).
    public var gridOutputs: [GridOutput] {
        zip(["3+3", "BOIN", "CRM"], 0...).map { name, index in
            GridOutput("scenarios.0.designs.\(index).correct_selection", "\(name) P(correct selection)", .probability)
        }
    }
}
