import TrialDesign

/// The assumptions behind a survival answer, and warnings where they are shaky, in words.
enum SurvivalNotes {
    static func number(_ value: Double) -> String { NumberFormat.significant(value, 4) }

    static func followUp(_ result: SurvivalResult, unit: String) -> String {
        switch result.design.setting.followUp {
        case .untilEvent:
            return "every patient is followed until the event (no administrative censoring)"
        case let .accrual(duration, followUp):
            return "uniform accrual over \(number(duration)) \(unit), then \(number(followUp)) \(unit) of follow-up; analysis at \(number(duration + followUp)) \(unit)"
        case let .accrualRate(rate, followUp):
            let a = result.accrualDuration ?? 0
            return "uniform accrual at \(number(rate)) patients per \(unit.dropLast()) (\(number(a)) \(unit) for \(result.patients) patients), then \(number(followUp)) \(unit) of follow-up"
        }
    }

    static func loss(_ setting: SurvivalSetting, unit: String) -> String {
        switch setting.loss {
        case .none: return "no loss to follow-up"
        case let .rate(eta): return "exponential loss to follow-up at rate \(number(eta)) per \(unit.dropLast()), independent of the event (censored at loss)"
        case let .dropout(q): return "dropout inflation: patients = n / (1 − \(number(q))); dropouts are assumed to contribute no follow-up"
        }
    }

    static func model(_ setting: SurvivalSetting) -> String {
        setting.isExponential
            ? "exponential survival (constant hazard), λ = ln 2 / median"
            : "Weibull survival with shape \(number(setting.shape)), proportional hazards: S₁(t) = S₀(t)^HR"
    }

    static func rounding(_ result: SurvivalResult) -> String {
        switch result.unknown {
        case .sampleSize:
            return result.method.isEventDriven
                ? "events: the smallest whole number whose power meets the target; patients: the smallest whole n with n × P(event) × (1 − dropout) ≥ events"
                : "patients: the smallest whole n whose power meets the target; events: expected events, rounded up"
        case .power: return "power at the given patients, evaluated at their expected events"
        case .detectableMedian: return "median: the alternative whose power with the given patients equals the target (Brent's method)"
        }
    }

    static func assumptions(_ answer: SurvivalAnswer, unit: String) -> [String] {
        let result = answer.result
        let setting = result.design.setting
        var lines = [
            "survival model: " + model(setting),
            "test: \(setting.rates.sides.label) at alpha \(number(setting.rates.alpha)), \(result.design.favoursLongerSurvival ? "rejecting for a longer median" : "rejecting for a shorter median")\(setting.rates.sides == .twoSided ? " or the reverse" : "")",
            "follow-up: " + followUp(result, unit: unit),
            "loss: " + loss(setting, unit: unit),
            "rounding: " + rounding(result),
        ]
        if result.powerIsAtEvents {
            lines.append("analysis: event-driven, at the \(result.events)th event; attained power is the power at \(result.events) events")
        } else {
            lines.append("analysis: \(setting.followUp == .untilEvent ? "when every patient's event is observed" : "at the end of follow-up"); attained power is at \(result.patients) patients (\(number(result.expectedEvents)) expected events)")
        }
        if let exact = result.exactCharacteristics {
            lines.append("exact size and power (every patient followed to the event, χ²(2D) with D ~ Binomial(n, 1 − dropout)): alpha \(NumberFormat.fixed(exact.typeIError, 4)), power \(NumberFormat.fixed(exact.power, 4))")
        } else if answer.simulation == nil {
            lines.append("size and power under censoring are approximate; run --simulate to check them")
        }
        return lines
    }

    static func warnings(_ answer: SurvivalAnswer) -> [String] {
        let result = answer.result
        let setting = result.design.setting
        let alpha = setting.rates.alpha
        var warnings: [String] = []
        if !result.design.favoursLongerSurvival {
            warnings.append("the alternative median is shorter than the control's: this tests for harm, not benefit")
        }
        if result.method != .exact, result.expectedEvents < 20 {
            warnings.append("\(result.method.rawValue): only \(number(result.expectedEvents)) expected events; normal approximations are unreliable this small")
        }
        if let exact = result.exactCharacteristics {
            if exact.power < setting.rates.power - 0.005, result.unknown == .sampleSize {
                warnings.append("\(result.method.rawValue): exact power with \(result.patients) patients is \(NumberFormat.fixed(exact.power, 4)), below the target \(number(setting.rates.power))")
            }
            if abs(exact.typeIError - alpha) > 0.1 * alpha {
                warnings.append("\(result.method.rawValue): exact type I error is \(NumberFormat.fixed(exact.typeIError, 4)), not the nominal \(number(alpha))")
            }
        }
        if let sim = answer.simulation {
            let analytic = result.exactCharacteristics?.power ?? result.powerAtPatients
            if abs(sim.power - analytic) > 3 * sim.powerStandardError + 0.005 {
                warnings.append("\(result.method.rawValue): simulated power \(NumberFormat.fixed(sim.power, 4)) ± \(NumberFormat.fixed(sim.powerStandardError, 4)) differs from the analytic \(NumberFormat.fixed(analytic, 4))")
            }
            let nominal = result.exactCharacteristics?.typeIError ?? alpha
            if abs(sim.typeIError - nominal) > 3 * sim.typeIErrorStandardError + 0.002 {
                warnings.append("\(result.method.rawValue): simulated type I error \(NumberFormat.fixed(sim.typeIError, 4)) ± \(NumberFormat.fixed(sim.typeIErrorStandardError, 4)) differs from the nominal \(number(nominal))")
            }
        }
        if let search = answer.search, search.found.patients != result.patients {
            warnings.append("\(result.method.rawValue): simulation needs \(search.found.patients) patients for power \(number(setting.rates.power)); the formula gives \(result.patients)")
        }
        if result.eventProbability * setting.loss.retained < 0.5 {
            warnings.append("fewer than half the patients are expected to have their event by the analysis (\(NumberFormat.percent(result.eventProbability * setting.loss.retained))): the answer leans on the survival model beyond the follow-up")
        }
        return warnings
    }

    /// Methods whose patients differ by more than 10% from the smallest.
    static func disagreement(_ answers: [SurvivalAnswer]) -> String? {
        guard let (low, high) = SurvivalResult.disagreement(answers.map(\.result)) else { return nil }
        let listing = answers.map { "\($0.result.method.rawValue) \($0.result.patients)" }.joined(separator: ", ")
        return "methods disagree by more than 10%: \(low) to \(high) patients (\(listing)); the choice of test matters here"
    }
}
