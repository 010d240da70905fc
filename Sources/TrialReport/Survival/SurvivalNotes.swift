import TrialDesign

/// The assumptions behind a survival answer, and warnings where they are shaky, in words.
enum SurvivalNotes {
    static func number(_ value: Double) -> String { NumberFormat.significant(value, 4) }

    static func followUp(_ result: SurvivalResult, unit: String) -> String {
        switch result.design.setting.followUp {
        case .untilEvent:
            return "every patient is followed until the event (no administrative censoring)"
        case let .accrual(duration, followUp):
            return
                "uniform accrual over \(number(duration)) \(unit), then \(number(followUp)) \(unit) of follow-up; analysis at \(number(duration + followUp)) \(unit)"
        case let .accrualRate(rate, followUp):
            let a = result.accrualDuration ?? 0
            return
                "uniform accrual at \(NumberFormat.rate(rate, perUnit: unit)) (\(number(a)) \(unit) for \(result.patients) patients), then \(number(followUp)) \(unit) of follow-up"
        case let .restricted(entry, maximum):
            let a = result.accrualDuration ?? 0
            let accrual =
                switch entry {
                case .period: "uniform accrual over \(number(a)) \(unit)"
                case let .rate(rate):
                    "uniform accrual at \(NumberFormat.rate(rate, perUnit: unit)) (\(number(a)) \(unit) for \(result.patients) patients)"
                }
            return accrual
                + "; restricted follow-up: each patient followed at most \(number(maximum)) \(unit), analysis at \(number(a + maximum)) \(unit), when the last patient has been followed \(number(maximum)) \(unit)"
        }
    }

    static func loss(_ setting: SurvivalSetting, unit: String) -> String {
        switch setting.loss {
        case .none: return "no loss to follow-up"
        case let .rate(eta):
            return
                "exponential loss to follow-up at rate \(number(eta)) per \(unit.dropLast()), independent of the event (censored at loss)"
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
            lines.append(
                "analysis: event-driven, at the \(NumberFormat.ordinal(result.events)) event; attained power is the power at \(result.events) events"
            )
        } else {
            lines.append(
                "analysis: \(setting.followUp == .untilEvent ? "when every patient's event is observed" : setting.followUp.isRestricted ? "when the last patient has been followed the maximum" : "at the end of follow-up"); attained power is at \(result.patients) patients (\(number(result.expectedEvents)) expected events)"
            )
        }
        if let exact = result.exactCharacteristics {
            lines.append(
                "exact size and power (every patient followed to the event, χ²(2D) with D ~ Binomial(n, 1 − dropout)): alpha \(NumberFormat.fixed(exact.typeIError, 4)), power \(NumberFormat.fixed(exact.power, 4))"
            )
        } else if answer.simulation == nil {
            lines.append("size and power under censoring are approximate; run --simulate to check them")
        }
        return lines
    }

    /// The design layer's concerns (``SurvivalAnswer/concerns``), in words.
    static func warnings(_ answer: SurvivalAnswer) -> [String] {
        let result = answer.result
        let method = result.method.rawValue
        return result.design.setting.rates.warnings
            + answer.concerns.map { concern in
                switch concern {
                case .testsForHarm:
                    return "the alternative median is shorter than the control's: this tests for harm, not benefit"
                case let .fewExpectedEvents(events):
                    return "\(method): only \(number(events)) expected events; normal approximations are unreliable this small"
                case let .exactPowerBelowTarget(exactPower, target):
                    return
                        "\(method): exact power with \(result.patients) patients is \(NumberFormat.fixed(exactPower, 4)), below the target \(number(target))"
                case let .exactSizeOffNominal(exactAlpha, nominal):
                    return "\(method): exact type I error is \(NumberFormat.fixed(exactAlpha, 4)), not the nominal \(number(nominal))"
                case let .simulatedPowerDiffers(simulated, standardError, analytic):
                    return
                        "\(method): simulated power \(NumberFormat.fixed(simulated, 4)) ± \(NumberFormat.fixed(standardError, 4)) differs from the analytic \(NumberFormat.fixed(analytic, 4))"
                case let .simulatedSizeDiffers(simulated, standardError, nominal):
                    return
                        "\(method): simulated type I error \(NumberFormat.fixed(simulated, 4)) ± \(NumberFormat.fixed(standardError, 4)) differs from the nominal \(number(nominal))"
                case let .simulationNeedsOtherPatients(simulated, formula):
                    return
                        "\(method): simulation needs \(simulated) patients for power \(number(result.design.setting.rates.power)); the formula gives \(formula)"
                case let .fewEventsObserved(fraction):
                    return
                        "fewer than half the patients are expected to have their event by the analysis (\(NumberFormat.percent(fraction))): the answer leans on the survival model beyond the follow-up"
                }
            }
    }

    /// Methods whose patients differ by more than 10% from the smallest.
    static func disagreement(_ answers: [SurvivalAnswer]) -> String? {
        guard let (low, high) = SurvivalResult.disagreement(answers.map(\.result)) else { return nil }
        let listing = answers.map { "\($0.result.method.rawValue) \($0.result.patients)" }.joined(separator: ", ")
        return "methods disagree by more than 10%: \(low) to \(high) patients (\(listing)); the choice of test matters here"
    }
}
