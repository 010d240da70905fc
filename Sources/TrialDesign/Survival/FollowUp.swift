import RealModule

/// How long patients are followed, which decides how many of them have their event observed.
///
/// * ``untilEvent``: every patient is followed until the event (the setting in which the
///   exact test is exact: d events, total time T, 2λT ~ χ²(2d));
/// * ``accrual(duration:followUp:)``: uniform entry over [0, A], analysis at A + F, so a
///   patient entering at a is administratively censored at A + F − a. Zero follow-up is
///   valid: the last patient is censored at entry. A = 0 means every patient enters at once
///   and is followed for F;
/// * ``accrualRate(_:followUp:)``: uniform entry at R patients per unit, so A = n / R
///   depends on the number of patients;
/// * ``restricted(_:maximum:)``: restricted follow-up (Wu, Chen, Wei, Weiss & Chauhan 2020):
///   each patient is followed at most τ from entry and the analysis is when the last patient has
///   been followed τ, so every patient without event or loss is followed exactly τ. The number
///   of observed events then does not depend on how patients entered: the entry (a period A or
///   a rate R) sets only the calendar, with the analysis at A + τ.
public enum FollowUp: Sendable, Equatable {
    case untilEvent
    case accrual(duration: Double, followUp: Double)
    case accrualRate(Double, followUp: Double)
    case restricted(Entry, maximum: Double)

    /// How patients enter a trial with ``FollowUp/restricted(_:maximum:)`` follow-up.
    public enum Entry: Sendable, Equatable {
        /// Uniformly over a period of this length.
        case period(Double)
        /// Uniformly at this many patients per time unit.
        case rate(Double)
    }

    func validate() throws(InvalidInput) {
        switch self {
        case .untilEvent:
            return
        case let .accrual(duration, followUp):
            // A = 0 is everyone entering at once (`--follow-up` without accrual); then F must be > 0.
            try Validate.nonNegative(duration, "accrual")
            if duration == 0 { try Validate.positive(followUp, "follow-up") } else { try Validate.nonNegative(followUp, "follow-up") }
        case let .accrualRate(rate, followUp):
            try Validate.positive(rate, "accrual-rate")
            // n / R must stay finite: 168 patients at 2.2e-308 a week overflowed the accrual period.
            guard rate >= 1e-300, rate <= 1e300 else {
                throw InvalidInput(parameter: "accrual-rate", requirement: "in [1e-300, 1e300] patients per time unit", value: rate)
            }
            try Validate.nonNegative(followUp, "follow-up")
        case let .restricted(entry, maximum):
            try Validate.positive(maximum, "max-follow-up")
            switch entry {
            case let .period(duration): try FollowUp.accrual(duration: duration, followUp: maximum).validate()
            case let .rate(rate): try FollowUp.accrualRate(rate, followUp: maximum).validate()
            }
        }
    }

    /// The calendar: the accrual period A and the follow-up F after the last entry for `patients`
    /// patients, the analysis at A + F; nil when followed to the event. With restricted
    /// follow-up F is the maximum τ.
    public func periods(patients: Double) -> (accrual: Double, followUp: Double)? {
        switch self {
        case .untilEvent: return nil
        case let .accrual(duration, followUp): return (duration, followUp)
        case let .accrualRate(rate, followUp): return (patients / rate, followUp)
        case let .restricted(.period(duration), maximum): return (duration, maximum)
        case let .restricted(.rate(rate), maximum): return (patients / rate, maximum)
        }
    }

    /// What decides each patient's administrative censoring, as an entry spread A and a
    /// follow-up F (a patient entering at a ∈ [0, A] is censored A + F − a after entry): the
    /// calendar ``periods(patients:)`` except with restricted follow-up, where every patient is
    /// censored exactly τ after entry, as if all entered at once (A = 0, F = τ). The statistics
    /// (event probabilities, Wu's integrals, the simulation) use this; reports use the calendar.
    public func observation(patients: Double) -> (accrual: Double, followUp: Double)? {
        if case let .restricted(_, maximum) = self { return (0, maximum) }
        return periods(patients: patients)
    }

    /// Whether a patient's chance of an observed event depends on the number of patients (it
    /// does when the accrual period grows with n and follow-up is not restricted).
    public var dependsOnPatients: Bool {
        if case .accrualRate = self { return true }
        return false
    }

    /// The parameter that sets how long patients are followed, to name in a refusal.
    public var followUpParameter: String {
        if case .restricted = self { return "max-follow-up" }
        return "follow-up"
    }

    /// Whether each patient's follow-up is restricted to a maximum.
    public var isRestricted: Bool {
        if case .restricted = self { return true }
        return false
    }
}

/// How patients are lost to follow-up.
///
/// * ``rate(_:)``: loss times are exponential with rate η, independent of the event:
///   a patient lost before the event is censored at the loss;
/// * ``dropout(_:)``: the simple inflation n / (1 − q): a fraction q of patients is assumed to
///   contribute no information at all (simulated as lost at entry).
public enum Loss: Sendable, Equatable {
    case none
    case rate(Double)
    case dropout(Double)

    func validate() throws(InvalidInput) {
        switch self {
        case .none: return
        case let .rate(eta): try Validate.positive(eta, "loss-rate")
        case let .dropout(q):
            guard q.isFinite, q >= 0, q < 1 else {
                throw InvalidInput(parameter: "dropout", requirement: "in [0, 1)", value: q)
            }
        }
    }

    /// η, the exponential loss rate (0 unless ``rate(_:)``).
    public var rate: Double {
        if case let .rate(eta) = self { return eta }
        return 0
    }

    /// The fraction of patients who contribute (1 − q for ``dropout(_:)``, else 1).
    public var retained: Double {
        if case let .dropout(q) = self { return 1 - q }
        return 1
    }
}

/// The probability that an exponential event is observed by the analysis.
///
/// With event rate λ, loss rate η (μ = λ + η), uniform entry over [0, A] and analysis at A + F,
/// a patient is observed for min(loss, A + F − entry); integrating over entry
/// (the event probability of Lachin & Foulkes 1986, with uniform entry):
///
///     P(event) = λ/μ · [1 − e^(−μF) (1 − e^(−μA)) / (μA)],
///
/// which tends to λ/μ · (1 − e^(−μF)) as A → 0 and to λ/μ with unlimited follow-up.
public enum EventProbability {
    /// P(event observed) for event rate λ (`rate`) and loss rate η (`lossRate`, 0 for none), in [0, 1].
    ///
    /// With `accrual` A and `followUp` F (both nil when patients are followed to the event or loss) it is the
    /// formula above; without them λ/μ, the chance that the event comes before the loss.
    public static func exponential(rate lambda: Double, lossRate eta: Double, accrual: Double?, followUp: Double?) -> Double {
        let mu = lambda + eta
        let share = lambda / mu
        guard let a = accrual, let f = followUp else { return share }
        let byFollowUp = Double.exp(-mu * f)
        let x = mu * a
        // (1 − e^(−x)) / x, accurate for small x.
        let entryAverage = x < 1e-8 ? 1 - x / 2 : -Double.expMinusOne(-x) / x
        return share * (1 - byFollowUp * entryAverage)
    }
}
