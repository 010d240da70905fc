import Probability

/// The forward functions: power as a function of events, or of patients, for each method.
///
/// These are what a plot draws (power against patients, power against the alternative
/// median) and what the solvers invert.
extension SingleArmSurvival {
    /// The probability that an enrolled patient's event is observed by the analysis, under the
    /// alternative (or under the null when `underNull`), before any `--dropout` inflation.
    /// Exponential: the closed form of ``EventProbability``; Weibull: Wu's p₁ by quadrature.
    public func eventProbability(patients: Double, underNull: Bool = false) throws(DesignError) -> Double {
        let periods = setting.followUp.observation(patients: patients)
        if setting.isExponential {
            let rate = underNull ? setting.controlHazard : hazard
            return EventProbability.exponential(
                rate: rate, lossRate: setting.loss.rate,
                accrual: periods?.accrual, followUp: periods?.followUp)
        }
        return try logRankTerms(patients: patients, hazardRatio: underNull ? 1 : hazardRatio).p1
    }

    /// Expected observed events among `patients` enrolled: n · (1 − q) · P(event).
    public func expectedEvents(patients: Double, underNull: Bool = false) throws(DesignError) -> Double {
        patients * setting.loss.retained * (try eventProbability(patients: patients, underNull: underNull))
    }

    /// Wu's integrals for this design with `patients` enrolled (which fixes A under an accrual rate).
    public func logRankTerms(patients: Double, hazardRatio delta: Double? = nil) throws(DesignError) -> OneSampleLogRank.Terms {
        try designErrors {
            try OneSampleLogRank.terms(
                controlMedian: setting.controlMedian, shape: setting.shape,
                hazardRatio: delta ?? hazardRatio,
                periods: setting.followUp.observation(patients: patients), lossRate: setting.loss.rate)
        }
    }

    /// The power of an event-driven method when `events` events are observed (fractional allowed).
    /// For ``SurvivalMethod/lachinFoulkes`` the events are those under H₁, and those under H₀ are
    /// taken from the same patients; the log-rank test has no events-only form.
    public func power(events: Double, method: SurvivalMethod) throws(DesignError) -> Double {
        try designErrors {
            let rates = setting.rates
            switch method {
            case .exact: return try ExponentialExactTest.power(events: events, hazardRatio: hazardRatio, rates: rates)
            case .logHazard: return try LogHazardTest.power(events: events, hazardRatio: hazardRatio, rates: rates)
            case .cubeRoot: return try CubeRootTest.power(events: events, hazardRatio: hazardRatio, rates: rates)
            case .lachinFoulkes:
                let patients = try patients(expectingEvents: events)
                let e0 = try expectedEvents(patients: patients, underNull: true)
                return try LachinFoulkes.power(eventsUnderNull: e0, eventsUnderAlternative: events, hazardRatio: hazardRatio, rates: rates)
            case .logRank:
                return try power(patients: patients(expectingEvents: events), method: .logRank)
            }
        }
    }

    /// The (fractional) number of patients whose expected events under H₁ equal `events`.
    /// Under an accrual rate the accrual period grows with n, so it is found with Brent's method
    /// (expected events increase with n).
    public func patients(expectingEvents events: Double) throws(DesignError) -> Double {
        try designErrors {
            let perPatient = setting.loss.retained * (try eventProbability(patients: 1))
            guard setting.followUp.dependsOnPatients else { return events / perPatient }
            let low = events / setting.loss.retained
            var high = max(2 * low, 1)
            while try expectedEvents(patients: high) < events {
                high *= 2
                guard high <= Double(SurvivalSolver.maximumPatients) * 4 else {
                    throw InvalidInput(
                        parameter: setting.followUp.followUpParameter,
                        requirement: "long enough to expect \(events) events from at most \(SurvivalSolver.maximumPatients) patients",
                        value: setting.followUp.periods(patients: 1)?.followUp ?? 0)
                }
            }
            return try RootFinding.brent(in: low...high, relativeTolerance: 1e-12) { try self.expectedEvents(patients: $0) - events }
        }
    }

    /// The power with `patients` enrolled (fractional allowed). Event-driven methods are
    /// evaluated at the expected number of events; the log-rank test at n · (1 − q) patients
    /// contributing, by Wu's formula.
    public func power(patients: Double, method: SurvivalMethod) throws(DesignError) -> Double {
        try designErrors {
            let rates = setting.rates
            switch method {
            case .exact, .logHazard, .cubeRoot:
                return try power(events: expectedEvents(patients: patients), method: method)
            case .lachinFoulkes:
                return try LachinFoulkes.power(
                    eventsUnderNull: expectedEvents(patients: patients, underNull: true),
                    eventsUnderAlternative: expectedEvents(patients: patients),
                    hazardRatio: hazardRatio, rates: rates)
            case .logRank:
                return try OneSampleLogRank.power(
                    patients: patients * setting.loss.retained,
                    terms: logRankTerms(patients: patients), rates: rates)
            }
        }
    }
}

extension SingleArmSurvival {
    /// `power(patients:method:)` as a function of n, with everything that does not depend on n
    /// (Wu's integrals, the event probabilities) computed once, for the solvers' searches.
    func patientPowerFunction(method: SurvivalMethod) throws -> (Double) throws -> Double {
        guard !setting.followUp.dependsOnPatients else {
            return { try self.power(patients: $0, method: method) }
        }
        let rates = setting.rates
        let retained = setting.loss.retained
        switch method {
        case .exact, .logHazard, .cubeRoot:
            let perPatient = retained * (try eventProbability(patients: 1))
            return { try self.power(events: $0 * perPatient, method: method) }
        case .lachinFoulkes:
            let perPatient0 = retained * (try eventProbability(patients: 1, underNull: true))
            let perPatient1 = retained * (try eventProbability(patients: 1))
            let h = hazardRatio
            return {
                try LachinFoulkes.power(
                    eventsUnderNull: $0 * perPatient0, eventsUnderAlternative: $0 * perPatient1, hazardRatio: h, rates: rates)
            }
        case .logRank:
            let terms = try logRankTerms(patients: 1)
            return { try OneSampleLogRank.power(patients: $0 * retained, terms: terms, rates: rates) }
        }
    }
}

extension SurvivalSetting {
    /// Power with `patients` patients against the alternative median `median`: the curve a plot
    /// of power against patients, or against the alternative median, draws.
    /// - Throws: ``InvalidInput`` for a median the design would refuse.
    public func power(patients: Double, median: Double, method: SurvivalMethod) throws(DesignError) -> Double {
        try SurvivalSolver.checkApplicable(self, method)
        return try SingleArmSurvival(setting: self, median: median).power(patients: patients, method: method)
    }

    /// Power when `events` events are observed, against the alternative median `median`.
    public func power(events: Double, median: Double, method: SurvivalMethod) throws(DesignError) -> Double {
        try SurvivalSolver.checkApplicable(self, method)
        return try SingleArmSurvival(setting: self, median: median).power(events: events, method: method)
    }
}
