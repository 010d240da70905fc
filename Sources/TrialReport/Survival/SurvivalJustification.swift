import TrialDesign

/// The paragraph a grant writer pastes into a protocol, from Templates/survival.mustache.
public enum SurvivalJustification {
    /// Renders the paragraph for `primary` (for `--method all`, the default method's answer),
    /// mentioning the range the other methods give.
    /// `choice` is the shipped template or the user's `--template`, rendered with the same context.
    public static func make(
        _ answers: [SurvivalAnswer], _ presentation: SurvivalPresentation,
        using choice: TemplateChoice = .shipped("survival")
    ) throws -> Justification {
        try SurvivalReport(answers: answers, presentation: presentation).justification(using: choice)
    }

    /// The variables `survival.mustache` reads (documented in docs/templates.md), and the
    /// references they cite, in citation order.
    static func context(_ answers: [SurvivalAnswer], _ presentation: SurvivalPresentation) -> (
        context: [String: Any], references: ReferenceList
    ) {
        let primary = answers.first { $0.result.method == .default } ?? answers[0]
        let r = primary.result
        let setting = r.design.setting
        let number = SurvivalNotes.number
        var references = ReferenceList()
        let testCitation = references.cite(r.method.reference)
        var context: [String: Any] = [
            "endpoint": presentation.endpoint,
            "direction": r.design.favoursLongerSurvival ? "extends" : "shortens",
            "control_median": number(setting.controlMedian),
            "median": number(r.design.median),
            "unit": presentation.unit,
            "hazard_ratio": NumberFormat.fixed(r.design.hazardRatio, 3),
            "shape": number(setting.shape),
            "test": testName(r.method),
            "test_citation": testCitation,
            "sides": setting.rates.sides.label,
            "alpha": number(setting.rates.alpha),
            "power_percent": NumberFormat.percent(setting.rates.power, 0),
            "events": "\(r.events)",
            "patients": "\(r.patients)",
            "expected_events": NumberFormat.fixed(r.expectedEvents, 1),
            "attained_power": NumberFormat.fixed(r.attainedPower, 3),
            "follow_up": sentence(followUp(r, unit: presentation.unit)),
        ]
        let lossText = loss(setting, unit: presentation.unit)
        if !lossText.isEmpty { context["loss"] = sentence(lossText) }
        if let landmark = presentation.landmarkStatement { context["landmark"] = landmark }
        if let landmark = presentation.alternativeLandmarkStatement { context["alternative_landmark"] = landmark }
        if !setting.isExponential { context["weibull"] = true }
        // Exactly one solve mode is true, each with its own sentence in the template.
        context["event_driven"] = r.unknown == .sampleSize && r.method.isEventDriven
        context["solve_patients"] = r.unknown == .sampleSize && !r.method.isEventDriven
        context["power_at_n"] = r.unknown == .power
        context["detectable"] = r.unknown == .detectableMedian
        context["attained_power_percent"] = NumberFormat.percent(r.attainedPower, 0)
        if let search = primary.search {
            context["search"] = [
                "search_trials": "\(search.found.trials)", "search_seed": "\(search.found.seed)",
                "search_patients": "\(search.found.patients)", "search_power": NumberFormat.fixed(search.found.power, 3),
                "search_power_se": NumberFormat.fixed(search.found.powerStandardError, 3),
            ]
        }
        if let exact = r.exactCharacteristics {
            context["exact_uncensored"] = true
            context["exact_alpha"] = NumberFormat.fixed(exact.typeIError, 3)
            context["exact_power"] = NumberFormat.fixed(exact.power, 3)
        }
        if let sim = primary.simulation {
            context["simulation"] = [
                "trials": "\(sim.trials)", "seed": "\(sim.seed)", "sim_patients": "\(sim.patients)",
                "sim_alpha": NumberFormat.fixed(sim.typeIError, 3), "sim_power": NumberFormat.fixed(sim.power, 3),
                "sim_alpha_se": NumberFormat.fixed(sim.typeIErrorStandardError, 3),
                "sim_power_se": NumberFormat.fixed(sim.powerStandardError, 3),
            ]
        }
        if presentation.comparesMethods, answers.count > 1 {
            let others = answers.filter { $0.result.method != r.method }
            let parts = others.map {
                "\($0.result.patients) (\(testName($0.result.method)) \(references.cite($0.result.method.reference)))"
            }
            context["comparison"] =
                "For comparison, other established methods give " + parts.joined(separator: ", ") + " patients under the same assumptions."
        }
        return (context, references)
    }

    static func testName(_ method: SurvivalMethod) -> String {
        switch method {
        case .exact: return "exact test on the total time at risk (2λT distributed as χ² with 2d degrees of freedom)"
        case .logHazard: return "normal approximation to the log hazard"
        case .cubeRoot: return "Wilson–Hilferty cube-root test on the hazard"
        case .logRank: return "one-sample log-rank test with Wu's exact-variance sample size formula"
        case .lachinFoulkes: return "one-sample hazard test of Lachin and Foulkes"
        }
    }

    static func followUp(_ r: SurvivalResult, unit: String) -> String {
        let number = SurvivalNotes.number
        switch r.design.setting.followUp {
        case .untilEvent: return "Every patient is assumed to be followed until the event"
        case let .accrual(a, f):
            return
                "Patients are assumed to accrue uniformly over \(number(a)) \(unit) with \(number(f)) \(unit) of further follow-up, so that each patient's event is observed with probability \(NumberFormat.fixed(r.eventProbability, 2)) under the alternative"
        case let .accrualRate(rate, f):
            return
                "Patients are assumed to accrue uniformly at \(number(rate)) per \(unit.dropLast()) with \(number(f)) \(unit) of further follow-up"
        case let .restricted(entry, maximum):
            let accrual =
                switch entry {
                case let .period(a): "over \(number(a)) \(unit)"
                case let .rate(rate): "at \(number(rate)) per \(unit.dropLast())"
                }
            let calendar = r.accrualDuration.map { " (\(number($0 + maximum)) \(unit) after the first patient enters)" } ?? ""
            return
                "Patients are assumed to accrue uniformly \(accrual), and each patient is followed for at most \(number(maximum)) \(unit), so that each patient's event is observed with probability \(NumberFormat.fixed(r.eventProbability, 2)) under the alternative; the analysis is when the last patient has been followed \(number(maximum)) \(unit)\(calendar)"
        }
    }

    static func loss(_ setting: SurvivalSetting, unit: String) -> String {
        switch setting.loss {
        case .none: return ""
        case let .rate(eta):
            return "Loss to follow-up is modelled as exponential with rate \(SurvivalNotes.number(eta)) per \(unit.dropLast())"
        case let .dropout(q):
            return
                "Allowing for \(NumberFormat.percent(q, 0)) of patients to drop out without contributing follow-up, the number of patients is inflated by 1/(1 − \(SurvivalNotes.number(q)))"
        }
    }

    static func sentence(_ text: String) -> String { text.isEmpty ? "" : text + "." }
}
