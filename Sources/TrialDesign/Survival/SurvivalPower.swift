import Probability

/// The forward functions: power as a function of events, or of patients, for each method.
///
/// These are what a plot draws (power against patients, power against the alternative
/// median) and what the solvers invert.
extension SingleArmSurvival {
    /// The probability that an enrolled patient's event is observed by the analysis, under the
    /// alternative (or under the null when `underNull`), before any `--dropout` inflation.
    /// Exponential: the closed form of ``EventProbability``; Weibull: Wu's p₁ by quadrature.
    public func eventProbability(patients: Double, underNull: Bool = false) throws -> Double {
        let periods = setting.followUp.periods(patients: patients)
        if setting.isExponential {
            let rate = underNull ? setting.controlHazard : hazard
            return EventProbability.exponential(rate: rate, lossRate: setting.loss.rate,
                                                accrual: periods?.accrual, followUp: periods?.followUp)
        }
        return try logRankTerms(patients: patients, hazardRatio: underNull ? 1 : hazardRatio).p1
    }

    /// Expected observed events among `patients` enrolled: n · (1 − q) · P(event).
    public func expectedEvents(patients: Double, underNull: Bool = false) throws -> Double {
        patients * setting.loss.retained * (try eventProbability(patients: patients, underNull: underNull))
    }

    /// Wu's integrals for this design with `patients` enrolled (which fixes A under an accrual rate).
    public func logRankTerms(patients: Double, hazardRatio delta: Double? = nil) throws -> OneSampleLogRank.Terms {
        try OneSampleLogRank.terms(controlMedian: setting.controlMedian, shape: setting.shape,
                                   hazardRatio: delta ?? hazardRatio,
                                   periods: setting.followUp.periods(patients: patients), lossRate: setting.loss.rate)
    }

    /// The power of an event-driven method when `events` events are observed (fractional allowed).
    /// For ``SurvivalMethod/lachinFoulkes`` the events are those under H₁, and those under H₀ are
    /// taken from the same patients; the log-rank test has no events-only form.
    public func power(events: Double, method: SurvivalMethod) throws -> Double {
        let rates = setting.rates
        switch method {
        case .exact: return try ExponentialExactTest.power(events: events, hazardRatio: hazardRatio, rates: rates)
        case .logHazard: return try LogHazardTest.power(events: events, hazardRatio: hazardRatio, rates: rates)
        case .cubeRoot: return try CubeRootTest.power(events: events, hazardRatio: hazardRatio, rates: rates)
        case .lachinFoulkes:
            let patients = events / (setting.loss.retained * (try eventProbability(patients: events)))
            let e0 = try expectedEvents(patients: patients, underNull: true)
            return try LachinFoulkes.power(eventsUnderNull: e0, eventsUnderAlternative: events, hazardRatio: hazardRatio, rates: rates)
        case .logRank:
            let patients = events / (setting.loss.retained * (try eventProbability(patients: events)))
            return try power(patients: patients, method: .logRank)
        }
    }

    /// The power with `patients` enrolled (fractional allowed). Event-driven methods are
    /// evaluated at the expected number of events; the log-rank test at n · (1 − q) patients
    /// contributing, by Wu's formula.
    public func power(patients: Double, method: SurvivalMethod) throws -> Double {
        let rates = setting.rates
        switch method {
        case .exact, .logHazard, .cubeRoot:
            return try power(events: expectedEvents(patients: patients), method: method)
        case .lachinFoulkes:
            return try LachinFoulkes.power(eventsUnderNull: expectedEvents(patients: patients, underNull: true),
                                           eventsUnderAlternative: expectedEvents(patients: patients),
                                           hazardRatio: hazardRatio, rates: rates)
        case .logRank:
            return try OneSampleLogRank.power(patients: patients * setting.loss.retained,
                                              terms: logRankTerms(patients: patients), rates: rates)
        }
    }
}
