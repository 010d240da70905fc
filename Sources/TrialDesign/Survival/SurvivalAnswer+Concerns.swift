/// Something about a survival answer the user must be told, decided here in the design layer
/// (the report only words it).
public enum SurvivalConcern: Sendable, Equatable {
    /// The alternative median is shorter than the control's: the test is for harm, not benefit.
    case testsForHarm
    /// A normal-approximation method with fewer than ``SurvivalAnswer/fewEvents`` expected events.
    case fewExpectedEvents(Double)
    /// Solving for n, the exact (uncensored) power at that n falls short of the target by more
    /// than 0.005.
    case exactPowerBelowTarget(exactPower: Double, target: Double)
    /// The exact (uncensored) type I error is more than 10% away from the nominal alpha.
    case exactSizeOffNominal(exactAlpha: Double, nominal: Double)
    /// The simulated power differs from the analytic one by more than 3 Monte Carlo SEs + 0.005.
    case simulatedPowerDiffers(simulated: Double, standardError: Double, analytic: Double)
    /// The simulated type I error differs from the nominal one by more than 3 SEs + 0.002.
    case simulatedSizeDiffers(simulated: Double, standardError: Double, nominal: Double)
    /// The simulated search needs a different number of patients than the formula.
    case simulationNeedsOtherPatients(simulated: Int, formula: Int)
    /// Fewer than half the patients are expected to have their event by the analysis.
    case fewEventsObserved(fraction: Double)
}

extension SurvivalAnswer {
    /// Below this many expected events the normal approximations are called unreliable.
    public static let fewEvents = 20.0

    /// What the user must be told about this answer, in order.
    public var concerns: [SurvivalConcern] {
        let setting = result.design.setting
        let alpha = setting.rates.alpha
        var concerns: [SurvivalConcern] = []
        if !result.design.favoursLongerSurvival { concerns.append(.testsForHarm) }
        if result.method != .exact, result.expectedEvents < Self.fewEvents {
            concerns.append(.fewExpectedEvents(result.expectedEvents))
        }
        if let exact = result.exactCharacteristics {
            if exact.power < setting.rates.power - 0.005, result.unknown == .sampleSize {
                concerns.append(.exactPowerBelowTarget(exactPower: exact.power, target: setting.rates.power))
            }
            if abs(exact.typeIError - alpha) > 0.1 * alpha {
                concerns.append(.exactSizeOffNominal(exactAlpha: exact.typeIError, nominal: alpha))
            }
        }
        if let sim = simulation {
            let analytic = result.exactCharacteristics?.power ?? result.powerAtPatients
            if abs(sim.power - analytic) > 3 * sim.powerStandardError + 0.005 {
                concerns.append(.simulatedPowerDiffers(simulated: sim.power, standardError: sim.powerStandardError, analytic: analytic))
            }
            let nominal = result.exactCharacteristics?.typeIError ?? alpha
            if abs(sim.typeIError - nominal) > 3 * sim.typeIErrorStandardError + 0.002 {
                concerns.append(
                    .simulatedSizeDiffers(simulated: sim.typeIError, standardError: sim.typeIErrorStandardError, nominal: nominal))
            }
        }
        if let search, search.found.patients != result.patients {
            concerns.append(.simulationNeedsOtherPatients(simulated: search.found.patients, formula: result.patients))
        }
        let observed = result.eventProbability * setting.loss.retained
        if observed < 0.5 { concerns.append(.fewEventsObserved(fraction: observed)) }
        return concerns
    }
}
