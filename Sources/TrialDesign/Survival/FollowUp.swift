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
///   depends on the number of patients.
public enum FollowUp: Sendable, Equatable {
    case untilEvent
    case accrual(duration: Double, followUp: Double)
    case accrualRate(Double, followUp: Double)

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
        }
    }

    /// The accrual period A and follow-up F for `patients` patients; nil when followed to the event.
    public func periods(patients: Double) -> (accrual: Double, followUp: Double)? {
        switch self {
        case .untilEvent: return nil
        case let .accrual(duration, followUp): return (duration, followUp)
        case let .accrualRate(rate, followUp): return (patients / rate, followUp)
        }
    }

    /// Whether the accrual period depends on the number of patients.
    public var dependsOnPatients: Bool {
        if case .accrualRate = self { return true }
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
