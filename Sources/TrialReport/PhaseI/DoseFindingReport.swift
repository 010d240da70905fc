import TrialDesign

/// `trialsize boin simulate` and `trialsize three-plus-three`: operating characteristics under one or more
/// true dose–toxicity scenarios, a table per scenario, in the same shape for both designs.
public struct DoseFindingReport: DesignReporting {
    /// The shipped template.
    public static let templateName = "boin-simulate"

    /// Which design the characteristics are of.
    public enum Design: Sendable {
        /// BOIN, simulated (`design`'s truth is the first scenario's; the settings are shared).
        case boin(BOINSimulationDesign, trials: Int, seed: UInt64)
        /// The 3+3, exact.
        case threePlusThree(start: Int)
    }

    /// The design and, for BOIN, its simulation settings.
    public let design: Design
    /// The target DLT probability.
    public let target: Double
    /// One answer per true curve, in order.
    public let scenarios: [DoseFindingCharacteristics]

    /// The time unit of a TITE window and accrual rate (`--unit`), or nil for a bare number.
    public var unit: String?

    /// A report of the given answer; set ``unit`` afterwards to label a TITE-BOIN window and accrual rate.
    public init(design: Design, target: Double, scenarios: [DoseFindingCharacteristics]) {
        self.design = design
        self.target = target
        self.scenarios = scenarios
    }

    var exact: Bool { if case .threePlusThree = design { return true } else { return false } }
    /// TITE-BOIN's window and accrual; nil for BOIN and the 3+3.
    var tite: TITEBOINSettings? { if case .boin(let d, _, _) = design { return d.tite } else { return nil } }
    var name: String { exact ? "3+3" : tite != nil ? "TITE-BOIN" : "BOIN" }

    struct ScenarioJSON: Encodable {
        let truth: [Double]
        let trueMtd: Int
        let monotone: Bool
        let selection: [Double]
        let selectionSe: [Double]?
        let none: Double
        let noneSe: Double?
        let patients: [Double]
        let patientsSe: [Double]?
        let dlts: [Double]
        let dltsSe: [Double]?
        let expectedN: Double
        let expectedNSe: Double?
        let totalDlts: Double
        let totalDltsSe: Double?
        let correctSelection: Double
        let correctSelectionSe: Double?
        let overdoseSelection: Double
        let overdoseSelectionSe: Double?
        let patientsAboveMtd: Double
        let patientsAboveMtdSe: Double?
        /// TITE-BOIN only (omitted otherwise).
        let duration: Double?
        let durationSe: Double?
    }

    /// TITE-BOIN's settings in the JSON (omitted for BOIN).
    public struct TITEJSON: Encodable {
        let window: Double
        let rate: Double
        let arrival: String
        let timeToDlt: String
        /// `--unit` of the window and the rate (omitted without it).
        let unit: String?
    }

    /// The JSON answer (docs/json/boin.md `boin simulate`, docs/json/three-plus-three.md): the design's
    /// settings (the keys that do not apply, such as BOIN's boundaries for the 3+3, left out) and one object per scenario.
    public struct JSON: Encodable {
        let design: String
        let target: Double
        let start: Int
        let lambdaE: Double?
        let lambdaD: Double?
        let phi1: Double?
        let phi2: Double?
        let eliminationCutoff: Double?
        let cohortSize: Int
        let cohorts: Int?
        let stopAt: Int?
        let boundMtd: Bool?
        let trials: Int?
        let seed: UInt64?
        let tite: TITEJSON?
        let scenarios: [ScenarioJSON]
        let method: String
    }

    var start: Int {
        switch design {
        case .boin(let d, _, _): return d.start
        case .threePlusThree(let start): return start
        }
    }

    var method: String {
        switch design {
        case .boin(let d, let trials, let seed) where d.tite != nil:
            let t = d.tite!
            return
                "TITE-BOIN (Yuan et al. 2018) simulated \(trials) times per scenario (seed \(seed), the same random numbers in every scenario): DLT window \(NumberFormat.duration(t.window, unit: unit)), \(t.arrival == .poisson ? "Poisson" : "fixed") accrual of \(NumberFormat.arrivals(t.rate, unit: unit)), time to DLT uniform over the window; the dose of each cohort decided when its first patient arrives from p̂ = {y + p̃/(1 - p̃)(m - STFT)}/n, p̃ = (y + target/2)/(n - m + 1), against λe and λd; accrual suspended while more than half of the current dose's patients are pending; elimination on known outcomes; start at level \(d.start), cohorts of \(d.cohortSize), at most \(d.cohorts) cohorts, stop when the lowest dose is eliminated or \(d.stopAt) patients are at a dose and the rule says stay; MTD by isotonic regression (select.mtd) once every patient is fully followed"
                + (d.boundMTD ? ", restricted to doses with estimate ≤ λd" : "")
        case .boin(let d, let trials, let seed):
            return
                "BOIN (Liu & Yuan 2015) simulated \(trials) times per scenario (seed \(seed), the same random numbers in every scenario) with the BOIN R package's get.oc conventions: start at level \(d.start), cohorts of \(d.cohortSize), at most \(d.cohorts) cohorts, stop when the lowest dose is eliminated or \(d.stopAt) patients are at a dose and the rule says stay; MTD by isotonic regression (select.mtd)"
                + (d.boundMTD ? ", restricted to doses with estimate ≤ λd" : "")
        case .threePlusThree(let start):
            return
                "3+3 (cohorts of 3, start at level \(start); escalate after 0/3 or 1/6, a dose with 2 or more DLTs is too toxic; MTD = highest dose with at most 1 DLT in 6, filled to 6 by de-escalation), exact operating characteristics by enumerating cohort outcomes (Lin & Shih 2001)"
        }
    }

    func scenarioJSON(_ s: DoseFindingCharacteristics) -> ScenarioJSON {
        let se = { (e: [MonteCarloEstimate]) in exact ? nil : e.map(\.standardError) }
        let one = { (e: MonteCarloEstimate) in exact ? nil : e.standardError }
        return ScenarioJSON(
            truth: s.truth, trueMtd: s.trueMTD, monotone: s.truthIsMonotone,
            selection: s.selection.map(\.estimate), selectionSe: se(s.selection),
            none: s.none.estimate, noneSe: one(s.none),
            patients: s.patients.map(\.estimate), patientsSe: se(s.patients),
            dlts: s.dlts.map(\.estimate), dltsSe: se(s.dlts),
            expectedN: s.totalPatients.estimate, expectedNSe: one(s.totalPatients),
            totalDlts: s.totalDLTs.estimate, totalDltsSe: one(s.totalDLTs),
            correctSelection: s.correctSelection.estimate, correctSelectionSe: one(s.correctSelection),
            overdoseSelection: s.overdoseSelection.estimate, overdoseSelectionSe: one(s.overdoseSelection),
            patientsAboveMtd: s.patientsAboveMTD.estimate, patientsAboveMtdSe: one(s.patientsAboveMTD),
            duration: s.duration?.estimate, durationSe: s.duration?.standardError)
    }

    /// The sections, tables and warnings.
    public func document() throws -> Document { layout.document }

    /// The JSON answer.
    public func jsonBody() throws -> JSON { json }

    var json: JSON {
        switch design {
        case .boin(let d, let trials, let seed):
            let b = d.boundaries
            return JSON(
                design: "boin", target: target, start: d.start, lambdaE: b.lambdaE, lambdaD: b.lambdaD, phi1: b.phi1, phi2: b.phi2,
                eliminationCutoff: b.eliminationCutoff, cohortSize: d.cohortSize, cohorts: d.cohorts, stopAt: d.stopAt,
                boundMtd: d.boundMTD, trials: trials, seed: seed,
                tite: d.tite.map {
                    TITEJSON(window: $0.window, rate: $0.rate, arrival: $0.arrival.rawValue, timeToDlt: "uniform", unit: unit)
                },
                scenarios: scenarios.map(scenarioJSON), method: method)
        case .threePlusThree(let start):
            return JSON(
                design: "3+3", target: target, start: start, lambdaE: nil, lambdaD: nil, phi1: nil, phi2: nil, eliminationCutoff: nil,
                cohortSize: 3, cohorts: nil, stopAt: nil, boundMtd: nil, trials: nil, seed: nil, tite: nil,
                scenarios: scenarios.map(scenarioJSON), method: method)
        }
    }

    func table(_ s: DoseFindingCharacteristics, index: Int) -> PhaseITable {
        let e = exact
        return PhaseITable(
            "Scenario \(index + 1): by dose level",
            headers: ["level", "true P(DLT)", "P(selected as MTD)", "patients", "DLTs"],
            rows: s.truth.indices.map { k in
                [
                    String(k + 1) + (k + 1 == s.trueMTD ? "*" : ""), NumberFormat.fixed(s.truth[k], 3),
                    PhaseIFormat.estimate(s.selection[k], 3, exact: e), PhaseIFormat.estimate(s.patients[k], 2, exact: e),
                    PhaseIFormat.estimate(s.dlts[k], 2, exact: e),
                ]
            } + [["none", "-", PhaseIFormat.estimate(s.none, 3, exact: e), "-", "-"]],
            notes: [
                "* the true MTD (true DLT probability closest to the target). "
                    + (e ? "Exact expectations." : "Means over simulated trials ± Monte Carlo standard error.")
            ])
    }

    var layout: PhaseIDocument {
        var inputs: [(label: String, value: String)] = [("Target DLT probability", NumberFormat.fixed(target, 3))]
        switch design {
        case .boin(let d, let trials, let seed):
            let b = d.boundaries
            inputs += [
                (
                    "Boundaries",
                    BOINWords.boundaries(b)
                ),
                (
                    "Elimination",
                    d.tite == nil
                        ? "P(p > target | data) > \(NumberFormat.significant(b.eliminationCutoff)), Beta(1, 1) prior, from 3 patients"
                        : "P(p > target | known outcomes) > \(NumberFormat.significant(b.eliminationCutoff)), Beta(1, 1) prior, from 3 patients with known outcome"
                ),
                ("Patients", "up to \(d.patients): \(d.cohorts) cohorts of \(d.cohortSize), starting at level \(d.start)"),
                ("Stop at", "\(d.stopAt) patients at one dose"),
            ]
            if let t = d.tite {
                inputs += [
                    ("DLT window", NumberFormat.duration(t.window, unit: unit)),
                    ("Accrual", "\(t.arrival == .poisson ? "Poisson" : "fixed"), \(NumberFormat.arrivals(t.rate, unit: unit))"),
                    ("Time to DLT", "uniform within the window"),
                ]
            }
            inputs += [("Simulated trials", "\(trials) per scenario (seed \(seed))")]
        case .threePlusThree(let start):
            inputs += [("Patients", "cohorts of 3, starting at level \(start); the trial size is random (up to 6 per level)")]
        }
        inputs.append(("Scenarios", String(scenarios.count)))
        var blocks: [PhaseIDocument.Block] = [
            .section(PhaseISection("Inputs", rows: inputs)),
            .section(
                PhaseISection(
                    "Method",
                    rows: [
                        ("Method", method),
                        (
                            "Reference",
                            exact
                                ? "Storer 1989; Lin & Shih 2001"
                                : tite != nil
                                    ? "Yuan et al. 2018; Lin & Yuan 2020; Liu & Yuan 2015; Yuan et al. 2016"
                                    : "Liu & Yuan 2015; Yuan et al. 2016; BOIN R package get.oc"
                        ),
                    ])),
        ]
        var warnings: [String] = []
        for (i, s) in scenarios.enumerated() {
            let e = exact
            blocks.append(
                .section(
                    PhaseISection(
                        "Scenario \(i + 1)",
                        rows: [
                            ("True DLT probabilities", PhaseIFormat.list(s.truth, 3)),
                            ("True MTD", "level \(s.trueMTD)"),
                            ("Correct selection", PhaseIFormat.percent(s.correctSelection, exact: e)),
                            ("Selection above the MTD", PhaseIFormat.percent(s.overdoseSelection, exact: e)),
                            ("No MTD selected", PhaseIFormat.percent(s.none, exact: e)),
                            ("Expected patients", PhaseIFormat.estimate(s.totalPatients, 2, exact: e)),
                            ("Patients above the MTD", PhaseIFormat.estimate(s.patientsAboveMTD, 2, exact: e)),
                            ("Expected DLTs", PhaseIFormat.estimate(s.totalDLTs, 2, exact: e)),
                        ] + (s.duration.map { [("Mean trial duration", PhaseIFormat.estimate($0, 1, exact: false))] } ?? []))))
            blocks.append(.table(table(s, index: i)))
            if !s.truthIsMonotone {
                warnings.append("Scenario \(i + 1): the true DLT probabilities do not increase with dose; the design assumes they do.")
            }
            let best = abs(s.truth[s.trueMTD - 1] - target)
            let ties = s.truth.indices.filter { abs(abs(s.truth[$0] - target) - best) <= 1e-12 }
            if ties.count > 1 {
                warnings.append(
                    "Scenario \(i + 1): levels \(ties.map { String($0 + 1) }.joined(separator: " and ")) are equally close to the target; the lower is counted as the true MTD."
                )
            }
        }
        var assumptions = [
            tite.map { t in
                "Each patient's DLT is a Bernoulli draw with the true probability of the dose given; patients are independent. Patients arrive \(t.arrival == .poisson ? "as a Poisson process" : "one every 1/rate") at \(NumberFormat.perUnit(t.rate, unit: unit)); a DLT occurs within the window of \(NumberFormat.duration(t.window, unit: unit)), at a time uniform over the window; a pending patient's outcome is imputed as in Yuan et al. 2018; while accrual is suspended arriving patients are not enrolled, and the next is enrolled when enough outcomes are known. The duration runs from the first arrival until every enrolled patient has had a DLT or a full window."
            }
                ?? "Each patient's DLT is a Bernoulli draw with the true probability of the dose given; patients are independent; every outcome is known before the next cohort is dosed."
        ]
        if exact {
            assumptions.append(
                "The 3+3 MTD is declared only on 6 patients with at most 1 DLT; if the lowest dose is too toxic no MTD is declared. The target is used only to name the true MTD (the 3+3 has no target)."
            )
        } else {
            assumptions.append(
                "Every scenario uses the same seed, so differences between scenarios are not blurred by different random numbers.")
        }
        blocks.append(.section(PhaseISection("Assumptions", notes: assumptions)))
        if !warnings.isEmpty { blocks.append(.section(PhaseISection("Warnings", notes: warnings))) }
        return PhaseIDocument(title: "\(name) operating characteristics", blocks: blocks)
    }

    /// Selection probability by dose beside the true DLT curve, one chart per scenario.
    public func figures() throws -> [Figure] {
        try scenarios.enumerated().map { i, s in
            let levels = s.truth.indices.map(Double.init)
            let chart = Chart(
                title: "\(name): selection probability and true DLT probability by dose",
                subtitle:
                    "Scenario \(i + 1); true MTD level \(s.trueMTD), correct selection \(NumberFormat.percent(s.correctSelection.estimate, 1)), no MTD \(NumberFormat.percent(s.none.estimate, 1))",
                x: Axis(title: "Dose level", categories: s.truth.indices.map { "level \($0 + 1)" + ($0 + 1 == s.trueMTD ? " (MTD)" : "") }),
                y: Axis(title: "Probability", range: 0...1),
                series: [
                    Series(name: "P(selected as MTD)", kind: .bars, x: levels, y: s.selection.map(\.estimate), valueDecimals: 2),
                    Series(name: "true DLT probability", kind: .line, x: levels, y: s.truth),
                ],
                referenceLines: [ReferenceLine(y: target, label: "target DLT rate \(NumberFormat.fixed(target, 2))")])
            _ = try chart.svg()
            return Figure(
                chart, name: "scenario-\(i + 1)",
                caption:
                    "Scenario \(i + 1): the probability that the \(name) design selects each dose as the MTD (bars) beside the true DLT probability (line); the dashed line is the target."
            )
        }
    }

    /// The variables the template reads (listed in docs/templates.md), citing into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        var context: [String: Any] = [
            "target": NumberFormat.fixed(target, 2),
            "start": start,
            "exact": exact,
            "scenarios": scenarios.enumerated().map { i, s -> [String: Any] in
                [
                    "number": i + 1, "truth": PhaseIFormat.list(s.truth, 2), "true_mtd": s.trueMTD,
                    "pcs": NumberFormat.percent(s.correctSelection.estimate, 1), "none": NumberFormat.percent(s.none.estimate, 1),
                    "expected_n": NumberFormat.fixed(s.totalPatients.estimate, 1),
                    "above": NumberFormat.fixed(s.patientsAboveMTD.estimate, 1),
                    "duration": s.duration.map { NumberFormat.fixed($0.estimate, 1) } ?? "",
                ]
            },
        ]
        switch design {
        case .boin(let d, let trials, let seed):
            // Cited in the order the paragraph reads them (TITE-BOIN first when there is a window).
            context["tite_boin"] = d.tite != nil ? references.cite(PhaseIReferences.yuan2018) : ""
            context["boin"] = references.cite(PhaseIReferences.liuYuan2015)
            context["boin_practice"] = references.cite(PhaseIReferences.yuan2016)
            context["software"] = d.tite != nil ? "" : references.cite(PhaseIReferences.boinPackage)
            context["cohort_size"] = d.cohortSize
            context["cohorts"] = d.cohorts
            context["patients"] = d.patients
            context["trials"] = trials
            context["seed"] = String(seed)
            context["lambda_e"] = NumberFormat.fixed(d.boundaries.lambdaE, 3)
            context["lambda_d"] = NumberFormat.fixed(d.boundaries.lambdaD, 3)
            context["cutoff"] = NumberFormat.significant(d.boundaries.eliminationCutoff)
            context["tite"] = d.tite != nil
            context["window"] = d.tite.map { NumberFormat.duration($0.window, unit: unit) } ?? ""
            context["rate"] = d.tite.map { NumberFormat.perUnit($0.rate, unit: unit) } ?? ""
            for key in ["storer", "lin_shih"] { context[key] = "" }
        case .threePlusThree:
            context["storer"] = references.cite(PhaseIReferences.storer1989)
            context["lin_shih"] = references.cite(PhaseIReferences.linShih2001)
            for key in [
                "boin", "boin_practice", "software", "cohort_size", "cohorts", "patients", "trials", "seed", "lambda_e", "lambda_d",
                "cutoff",
                "tite_boin", "window", "rate",
            ] {
                context[key] = ""
            }
            context["tite"] = false
        }
        return context
    }

}

extension DoseFindingReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("correct_selection", "P(correct selection)", .probability),
            .init("overdose_selection", "P(overdose selection)", .probability),
            .init("expected_n", "Expected patients", .value), .init("total_dlts", "Expected DLTs", .value),
        ]
    }
}
