import Foundation
import Testing
import TrialDesign

@testable import TrialReport

@Suite("Template variables")
struct TemplateVariablesTests {
    @Test("finds a misspelt variable, with its line")
    func misspelt() {
        let source = "{{% CONTENT_TYPE: TEXT}}\nPower {{attained_power}}\nwith {{atained_alpha}}.\n"
        let missing = TemplateVariables.missing(in: source, named: "t", context: ["attained_power": "0.81", "attained_alpha": "0.04"])
        #expect(missing == [TemplateVariables.Missing(name: "atained_alpha", template: "t", line: 3)])
    }

    @Test("resolves names inside sections, outwards, dotted, through transforms and partials")
    func scopes() {
        let source = """
            {{! a comment {{ignored}} is not a variable }}{{#methods}}{{name}} {{events}} {{alpha}} {{.}}{{/methods}}
            {{#design}}{{n}} {{stages.first}}{{/design}} {{design.n}} {{{raw}}} {{&amp}} {{uppercased(title)}}
            {{^simulated}}no simulation{{/simulated}}{{> references}}
            """
        let context: [String: Any] = [
            "methods": [["name": "exact", "events": 26], ["name": "normal", "events": 27, "extra": 1]],
            "alpha": "0.05", "design": ["n": 30, "stages": ["first": 10]], "raw": "<b>", "amp": "&", "title": "t",
            "simulated": false, "references": [["number": 1, "citation": "A."]],
        ]
        expectNoMissingVariables(source: source, named: "scopes", context: context)
        // A key only some items have is missing inside the section.
        let partial = TemplateVariables.missing(in: "{{#methods}}{{extra}}{{/methods}}", named: "t", context: context)
        #expect(partial.map(\.name) == ["extra"])
        // A partial's variables are checked against the same scopes.
        let noReferences = TemplateVariables.missing(in: "{{> references}}", named: "t", context: [:])
        #expect(
            noReferences.map(\.name) == ["references"] && noReferences.first?.template == "references",
            "a missing section is reported once, not with every name inside it")
        #expect(TemplateVariables.missing(in: "{{> nonexistent}}", named: "t", context: [:]).map(\.name) == ["> nonexistent"])
    }

    @Test("every shipped template renders its documented context without a missing variable")
    func shippedTemplates() throws {
        var references = ReferenceList()
        _ = references.cite(SurvivalReferences.kearney)
        expectNoMissingVariables(template: "references", context: ["references": references.context])
        expectNoMissingVariables(template: "report-html", context: try HTMLReportTests.seedPage().context())
        // A page with no subtitle or justification still has every top-level variable.
        let bare = try HTMLReport(Document(title: "Bare", sections: [])).context()
        #expect(
            TemplateVariables.missing(
                in: "{{title}}{{subtitle}}{{has_subtitle}}{{has_justification}}{{generator}}",
                named: "bare", context: bare
            ).isEmpty)
        // Survival: the seed question with every optional section present (all methods, dropout).
        let survival = try SurvivalReportTests.seedAnswers(SurvivalMethod.allCases)
        var (survivalContext, _) = SurvivalJustification.context(survival, SurvivalPresentation(comparesMethods: true))
        // Sections the seed question does not reach (landmark input, Weibull reference, a
        // simulation) are filled in with the keys their builders set.
        survivalContext["landmark"] = "control 40% at 12 weeks; alternative 60% at 12 weeks"
        survivalContext["weibull"] = true
        survivalContext["simulation"] = [
            "trials": "1000", "seed": "1", "sim_patients": "30", "sim_alpha": "0.05",
            "sim_power": "0.80", "sim_alpha_se": "0.007", "sim_power_se": "0.013",
        ]
        survivalContext["alternative_landmark"] = "60% progression-free at 12 weeks"
        survivalContext["search"] = [
            "search_trials": "1000", "search_seed": "1", "search_patients": "30", "search_power": "0.80",
            "search_power_se": "0.013",
        ]
        expectNoMissingVariables(template: "survival", context: survivalContext)
        // Each solve mode is its own section; every one is checked.
        for mode in ["solve_patients", "power_at_n", "detectable"] {
            var modeContext = survivalContext
            for other in ["event_driven", "solve_patients", "power_at_n", "detectable"] { modeContext[other] = other == mode }
            expectNoMissingVariables(template: "survival", context: modeContext)
        }
        for (name, context) in try Self.designContexts() {
            expectNoMissingVariables(template: name, context: context)
        }
        #expect(
            Set(TemplateLibrary.names) == Set(["references", "report-html", "survival"] + (try Self.designContexts().map(\.name))),
            "a new template needs a line in this test, with a representative context")
    }

    /// Each design template with a context built by its report code from a design computed
    /// here (never typed numbers), choosing options that reach every optional section.
    static func designContexts() throws -> [(name: String, context: [String: Any])] {
        var contexts: [(name: String, context: [String: Any])] = []
        var references = ReferenceList()
        // ci: the seed trial's 4 responses among 26 patients, Clopper-Pearson and Wilson, one- and two-sided.
        let observed = try ObservedProportion(successes: 4, trials: 26)
        for (method, sides) in [(IntervalMethod.clopperPearson, Sidedness.twoSided), (.wilson, .oneSided)] {
            let interval = try method.interval(observed, try ConfidenceLevel(0.95, sides: sides))
            contexts.append(("ci", IntervalReport.justificationContext(interval, references: &references)))
        }
        // single-stage: A'Hern's 20% vs 40%, whose answer is a sawtooth (first n < stable n).
        let single = try ExactSingleStage(p0: 0.2, p1: 0.4, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        contexts.append(
            ("single-stage", SingleStageReport(design: single, answer: try single.solve()).justificationContext(references: &references)))
        // simon: 10% vs 30% with the admissible designs.
        let simon = try SimonTwoStage(p0: 0.1, p1: 0.3, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        contexts.append(
            (
                "simon",
                SimonReport(problem: simon, answer: try simon.search(), admissible: true).justificationContext(references: &references)
            ))
        // crm-skeleton: the seed trial's calibrated skeleton, and a given logistic one.
        let skeleton = try Skeleton.calibrated(target: 0.25, halfwidth: 0.09, levels: 4, priorMTD: 3)
        let empiric = try DoseToxicityModel(skeleton: skeleton)
        contexts.append(
            (
                "crm-skeleton",
                CRMSkeletonReport(
                    model: empiric, target: 0.25, halfwidth: 0.09, priorMTD: 3,
                    intervals: try Skeleton.indifferenceIntervals(model: empiric, target: 0.25)
                ).justificationContext(references: &references)
            ))
        let logistic = try DoseToxicityModel(
            kind: .logistic, skeleton: [0.05, 0.12, 0.25, 0.40], intercept: DoseToxicityModel.defaultIntercept)
        contexts.append(
            (
                "crm-skeleton",
                CRMSkeletonReport(
                    model: logistic, target: 0.25, halfwidth: nil, priorMTD: nil,
                    intervals: try Skeleton.indifferenceIntervals(model: logistic, target: 0.25)
                ).justificationContext(references: &references)
            ))
        // crm-next: complete outcomes, and TITE-CRM with a patient still inside the window.
        for window in [nil, 21.0] as [Double?] {
            let data = try CRMData(
                levels: [3, 3, 4], dlt: [false, false, true], weights: window == nil ? nil : [1, 0.66, 1], levelCount: 4)
            let next = try CRMNextDose(model: empiric, target: 0.25, data: data)
            contexts.append(
                (
                    "crm-next",
                    CRMNextDoseReport(
                        answer: next, window: window, weighting: window == nil ? nil : .linear,
                        followUp: window == nil ? nil : [21, 14, 7]
                    ).justificationContext(references: &references)
                ))
        }
        // crm-simulate: the seed trial's TITE-CRM phase I design, few trials.
        let tite = try TITESettings(window: 21, arrival: .poisson, rate: 0.25, timeToDLT: .uniform, shape: 2, weighting: .linear)
        let design = try CRMSimulationDesign(
            model: empiric, target: 0.25, truth: [0.05, 0.12, 0.25, 0.40], patients: 10, start: 3, tite: tite)
        contexts.append(
            (
                "crm-simulate",
                CRMSimulationReport(result: try design.simulate(trials: 200, seed: 1, threads: 1))
                    .justificationContext(references: &references)
            ))
        // crm-simulate with two scenarios (the `scenarios` section).
        let second = try CRMSimulationDesign(
            model: empiric, target: 0.25, truth: [0.12, 0.25, 0.40, 0.55], patients: 10, start: 3, tite: tite)
        contexts.append(
            (
                "crm-simulate",
                CRMSimulationReport(scenarios: [
                    try design.simulate(trials: 100, seed: 1, threads: 1),
                    try second.simulate(trials: 100, seed: 1, threads: 1),
                ])
                .justificationContext(references: &references)
            ))
        // crm-calibrate: a small search over two prior variances.
        let calibration = try CRMCalibration(target: 0.25, levels: 3, priorMTD: 2, patients: 6, priorVariances: [0.5, 1.34])
        contexts.append(
            (
                "crm-calibrate",
                CRMCalibrationReport(result: try calibration.run(trialsPerScenario: 20, seed: 1, threads: 1))
                    .justificationContext(references: &references)
            ))
        // two-arm-survival: the seed question randomized, every method, with loss, a simulation
        // and the search by simulation (the first answer's keys), then the power and detectable-hazard-ratio questions.
        var twoArm = TwoArmSurvivalQuestion()
        twoArm.controlMedian = 8
        twoArm.median = 13
        twoArm.accrual = 52
        twoArm.followUp = 26
        twoArm.lossRate = 0.005
        twoArm.methods = TwoArmSurvivalMethod.allCases
        twoArm.simulate = 200
        twoArm.search = true
        let presentation = TwoArmSurvivalPresentation(unit: "weeks", endpoint: "progression-free survival")
        contexts.append(
            ("two-arm-survival", TwoArmSurvivalReport.justificationContext(try twoArm.answer(), presentation, references: &references)))
        twoArm.simulate = nil
        twoArm.search = false
        twoArm.dropout = 0.1
        twoArm.lossRate = nil
        twoArm.methods = [.lachinFoulkes]
        twoArm.patients = 100
        var powerContext = TwoArmSurvivalReport.justificationContext(try twoArm.answer(), presentation, references: &references)
        // The simulation section is absent here; filled with the keys its builder sets, as for survival.
        powerContext["simulation"] = [
            "trials": "1000", "seed": "1", "sim_alpha": "0.05", "sim_power": "0.80",
            "sim_alpha_se": "0.007", "sim_power_se": "0.013",
        ]
        powerContext["search"] = [
            "search_patients": "112", "search_control": "56", "search_experimental": "56", "search_power": "0.80",
            "search_power_se": "0.009", "search_trials": "2000", "search_seed": "1",
        ]
        contexts.append(("two-arm-survival", powerContext))
        // two-arm-binomial: Fisher with a sawtooth (10% vs 35%), and the continuity correction.
        let proportions = try TwoProportions(p0: 0.1, p1: 0.35, rates: ErrorRates(alpha: 0.05, power: 0.8))
        contexts.append(
            (
                "two-arm-binomial",
                TwoProportionsReport.justificationContext(proportions, [try proportions.solve(.fisher)], references: &references)
            ))
        contexts.append(
            (
                "two-arm-binomial",
                TwoProportionsReport.justificationContext(proportions, [try proportions.solve(.continuity)], references: &references)
            ))
        // pick-winner: solved with a required lead, and at given patients with ties at random.
        let pick = try PickTheWinner(arms: 3, p0: 0.2, delta: 0.15, minimumLead: 1)
        contexts.append(
            ("pick-winner", PickWinnerReport.justificationContext(pick, .solved(try pick.solve(target: 0.9)), references: &references)))
        let random = try PickTheWinner(arms: 3, p0: 0.2, delta: 0.15, minimumLead: 0)
        contexts.append(
            (
                "pick-winner",
                PickWinnerReport.justificationContext(
                    random, .atPatients(try random.characteristics(patientsPerArm: 30)), references: &references)
            ))
        // analyze-survival: a small sample with a landmark (tests present), and one at time 0 (tests absent).
        let sample = try SurvivalSample(times: [1, 2, 3, 5, 8, 13], events: [true, false, true, true, false, true])
        let analysis = try SurvivalAnalysis(sample: sample, control: try ControlReference(median: 4), landmarks: [2])
        let data = SurvivalDataDescription(source: "pfs.csv", unit: "weeks", timeColumn: "time", eventColumn: "event")
        contexts.append(
            (
                "analyze-survival",
                SurvivalAnalysisReport(analysis, try analysis.analyze(), data: data).justificationContext(references: &references)
            ))
        // analyze-binomial: the seed's 4/26, as a count and as a single-stage design.
        let counted = try BinomialInference(successes: 4, trials: 26, p0: 0.1)
        for design in [false, true] {
            contexts.append(
                (
                    "analyze-binomial",
                    BinomialAnalysisReport(counted, try counted.infer(), design: design).justificationContext(references: &references)
                ))
        }
        // analyze-simon: Simon's 1/10,5/29 continued with 7 responses, and stopped with 1.
        for responses in [7, 1] {
            let inference = try SimonInference(design: try SimonDesign(r1: 1, n1: 10, r: 5, n: 29), p0: 0.1, responses: responses)
            contexts.append(
                ("analyze-simon", SimonAnalysisReport(inference, try inference.infer()).justificationContext(references: &references)))
        }
        // toxicity-boundary: every-patient looks and given looks.
        for looks in [Array(1...30), [10, 20, 30, 40]] {
            let rule = try ToxicityBoundary(p0: 0.1, p1: 0.3, looks: looks).solve()
            contexts.append(("toxicity-boundary", ToxicityBoundaryReport(rule).justificationContext(references: &references)))
        }
        // two-stage-survival: the seed trial's phase II, admissible design, Weibull, with a short simulation.
        var question = SurvivalQuestion()
        question.controlMedian = 8
        question.median = 13
        question.shape = 1.2
        question.accrualRate = 1
        question.followUp = 26
        question.twoStage = .admissible
        question.simulate = 200
        question.threads = 1
        let twoStage = try question.answerTwoStage()
        contexts.append(
            (
                "two-stage-survival",
                TwoStageSurvivalReport(twoStage, TwoStageSurvivalReport.Presentation(unit: "weeks", endpoint: "PFS"))
                    .justificationContext(references: &references)
            ))
        contexts += try PhaseITemplateContexts.all()
        return contexts
    }

    @Test("docs/templates.md names every variable each shipped template uses")
    func documented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/templates.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for name in TemplateLibrary.names {
            let source = try #require(TemplateLibrary.source(named: name))
            for variable in TemplateVariables.names(in: source) {
                #expect(text.contains("`\(variable)`"), "docs/templates.md does not document `\(variable)` of \(name)")
            }
        }
    }
}
