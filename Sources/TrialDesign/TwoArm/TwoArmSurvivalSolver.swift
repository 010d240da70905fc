import Probability
import RealModule

/// What a two-arm survival question was solved for.
public enum TwoArmSurvivalUnknown: String, Sendable, Codable {
    /// Events and patients for the target power (the default).
    case sampleSize = "sample-size"
    /// The power with the patients given.
    case power
    /// The smallest detectable effect (hazard ratio below 1) with the patients given.
    case detectableHazardRatio = "detectable-hazard-ratio"
}

/// One method's answer to a two-arm survival question.
public struct TwoArmSurvivalResult: Sendable, Equatable {
    /// The design answered; for the detectable hazard ratio, the one with the hazard ratio found.
    public let design: TwoArmSurvival
    /// The method that sized this answer or gave its power.
    public let method: TwoArmSurvivalMethod
    /// What was solved for: the sample size, the power, or the detectable hazard ratio.
    public let unknown: TwoArmSurvivalUnknown
    /// Events at the analysis: the rounded-up required events (sample size), else the expected events rounded down.
    public let events: Int
    /// The events before rounding: required (sample size) or expected (power, detectable hazard ratio).
    public let eventsUnrounded: Double
    /// Patients enrolled, control plus experimental.
    public let patients: Int
    /// n_C, the control arm's patients: its share N/(1 + r) rounded up (sample size), or N − n_E (patients given).
    public let controlPatients: Int
    /// n_E, the experimental arm's patients: its share N r/(1 + r) rounded up (sample size), or rounded to the
    /// nearest patient (patients given), at least 1.
    public let experimentalPatients: Int
    /// Total patients before rounding each arm up (sample size only).
    public let patientsUnrounded: Double?
    /// The power attained: at `events` for Schoenfeld and Freedman, at `patients` for Lachin & Foulkes.
    public let attainedPower: Double
    /// Each arm's probability of an observed event with these patients.
    public let controlEventProbability: Double
    /// P_E, the experimental arm's probability of an observed event, under the accrual, follow-up and loss rate assumed (the dropout
    /// fraction is applied to the patients, not to this).
    public let experimentalEventProbability: Double
    /// The accrual period: given, or patients / accrual rate; nil when everyone is followed to the event.
    public let accrualPeriod: Double?
}

/// Solves a ``TwoArmSurvival`` design for events and patients, for power, or for the detectable
/// hazard ratio.
///
/// Rounding: events are rounded up; patients are the fewest whose expected events reach the
/// rounded events (Schoenfeld, Freedman) or the Lachin & Foulkes N, split by the allocation and
/// each arm rounded up, so each arm holds at least its share.
public enum TwoArmSurvivalSolver {
    /// The most patients any answer may need (a documented cap).
    public static let maximumPatients = 1_000_000
    /// At least one patient per arm.
    public static let minimumPatients = 2

    /// Events and patients for the target power.
    public static func sampleSize(_ design: TwoArmSurvival, method: TwoArmSurvivalMethod) throws(DesignError) -> TwoArmSurvivalResult {
        let slack = 1e-9
        let unroundedPatients: Double
        let eventsUnrounded: Double
        let events: Int
        if method.sizesEvents {
            eventsUnrounded = try design.requiredEvents(method)
            guard eventsUnrounded <= Double(maximumPatients) else { throw tooManyPatients(design) }
            events = max(1, Int((eventsUnrounded - slack).rounded(.up)))
            unroundedPatients = try design.patients(forEvents: Double(events))
        } else {
            unroundedPatients = try design.lachinFoulkesPatients()
            guard unroundedPatients <= Double(maximumPatients) else { throw tooManyPatients(design) }
            eventsUnrounded = design.expectedEvents(patients: unroundedPatients)
            events = max(1, Int((eventsUnrounded - slack).rounded(.up)))
        }
        guard unroundedPatients.isFinite, unroundedPatients <= Double(maximumPatients) else { throw tooManyPatients(design) }
        let control = max(1, Int((unroundedPatients * design.controlShare - slack).rounded(.up)))
        let experimental = max(1, Int((unroundedPatients * design.experimentalShare - slack).rounded(.up)))
        let patients = control + experimental
        let attained =
            method.sizesEvents
            ? try design.power(events: Double(events), method: method)
            : try design.power(patients: Double(patients), method: method)
        return result(
            design, method, .sampleSize, events: events, eventsUnrounded: eventsUnrounded, patients: patients,
            control: control, experimental: experimental, unrounded: unroundedPatients, attained: attained)
    }

    /// The power with `patients` enrolled (split by the allocation, the experimental arm rounded
    /// to the nearest patient), at the expected events (Schoenfeld, Freedman) or at the patients
    /// (Lachin & Foulkes).
    public static func power(_ design: TwoArmSurvival, patients: Int, method: TwoArmSurvivalMethod) throws(DesignError)
        -> TwoArmSurvivalResult
    {
        let (control, experimental) = try split(patients, design.allocation)
        let expected = design.expectedEvents(patients: Double(patients))
        let attained = try design.power(patients: Double(patients), method: method)
        return result(
            design, method, .power, events: Int((expected + 1e-9).rounded(.down)), eventsUnrounded: expected,
            patients: patients, control: control, experimental: experimental, unrounded: nil, attained: attained)
    }

    /// The hazard ratio below 1 detected with the target power by `patients` patients: the
    /// root in h of power(h) = target, by Brent's method on [0.001, 1).
    ///
    /// - Throws: ``DesignError`` naming `patients` when even h = 0.001 is not detected.
    public static func detectableHazardRatio(_ design: TwoArmSurvival, patients: Int, method: TwoArmSurvivalMethod) throws(DesignError)
        -> TwoArmSurvivalResult
    {
        _ = try split(patients, design.allocation)
        let n = Double(patients)
        let target = design.rates.power
        func gap(_ logH: Double) throws(DesignError) -> Double {
            try design.with(hazardRatio: Double.exp(logH)).power(patients: n, method: method) - target
        }
        let lowest = Double.log(TwoArmSurvival.hazardRatioRange.lowerBound)
        let highest = Double.log(1 - 1e-6)
        guard try gap(lowest) >= 0 else {
            throw DesignError(
                parameter: "patients", requirement: "enough to detect a hazard ratio of 0.001 or more with the target power",
                value: String(patients))
        }
        let logH: Double
        do {
            logH = try RootFinding.brent(in: lowest...highest, relativeTolerance: 1e-12) { x in try gap(x) }
        } catch let error as DesignError {
            throw error
        } catch let error as ProbabilityError {
            throw DesignError(error)
        } catch {
            throw DesignError(ProbabilityError.nonFinite(function: "TwoArmSurvivalSolver.detectableHazardRatio", detail: "\(error)"))
        }
        let found = design.with(hazardRatio: Double.exp(logH))
        var answer = try power(found, patients: patients, method: method)
        answer = result(
            found, method, .detectableHazardRatio, events: answer.events, eventsUnrounded: answer.eventsUnrounded,
            patients: patients, control: answer.controlPatients, experimental: answer.experimentalPatients,
            unrounded: nil, attained: answer.attainedPower)
        return answer
    }

    /// (control, experimental) for `patients` in total: experimental = round(N r/(1 + r)).
    public static func split(_ patients: Int, _ allocation: Double) throws(DesignError) -> (control: Int, experimental: Int) {
        try Validate.count(patients, "patients", in: minimumPatients...maximumPatients)
        let experimental = Int((Double(patients) * allocation / (1 + allocation)).rounded())
        let clamped = min(patients - 1, max(1, experimental))
        return (patients - clamped, clamped)
    }

    static func tooManyPatients(_ design: TwoArmSurvival) -> DesignError {
        DesignError(
            parameter: "hazard-ratio",
            requirement: "far enough from 1 that at most \(maximumPatients) patients give the events needed (or lengthen `follow-up`)",
            value: design.hazardRatio)
    }

    private static func result(
        _ design: TwoArmSurvival, _ method: TwoArmSurvivalMethod, _ unknown: TwoArmSurvivalUnknown,
        events: Int, eventsUnrounded: Double, patients: Int, control: Int, experimental: Int,
        unrounded: Double?, attained: Double
    ) -> TwoArmSurvivalResult {
        let p = design.armEventProbabilities(patients: Double(patients))
        return TwoArmSurvivalResult(
            design: design, method: method, unknown: unknown, events: events, eventsUnrounded: eventsUnrounded,
            patients: patients, controlPatients: control, experimentalPatients: experimental,
            patientsUnrounded: unrounded, attainedPower: attained,
            controlEventProbability: p.control, experimentalEventProbability: p.experimental,
            accrualPeriod: design.followUp.periods(patients: Double(patients))?.accrual)
    }
}
