import Probability
import RealModule

/// Solves a single-arm survival design for its one unknown.
///
/// * ``sampleSize(_:method:)``: events and patients for the target power. Event-driven methods
///   take the smallest whole d whose power meets the target, then the smallest n whose expected
///   events n(1 − q)P(event) reach d (a relative slack of 1e-9 absorbs floating-point noise, so
///   27 / (1 − 0.1) is 30, not 31). The log-rank and Lachin–Foulkes methods take the smallest
///   whole n whose power meets the target.
/// * ``power(_:patients:method:)``: the power with n patients.
/// * ``detectableMedian(_:patients:longer:method:)``: the alternative median whose power with n
///   patients equals the target (Brent's method on the median).
///
/// Every search is capped (``maximumEvents``, ``maximumPatients``); beyond a cap the design is
/// refused with ``InvalidInput``, because an effect that small cannot be shown in practice.
public enum SurvivalSolver {
    /// The most events any method may require.
    public static let maximumEvents = 1_000_000
    /// The most patients any method may require or be given.
    public static let maximumPatients = 1_000_000
    /// The smallest trial: a survival test needs at least two patients.
    public static let minimumPatients = 2
    /// The detectable-median search covers alternatives up to this factor from the control median.
    public static let maximumMedianFactor = SingleArmSurvival.maximumMedianRatio

    /// The smallest trial meeting the target power: events and patients for an event-driven method, patients otherwise.
    ///
    /// - Throws: ``DesignError`` when the method needs an exponential reference and the shape is not 1, when the effect
    ///   is too small to show within ``maximumEvents`` events or ``maximumPatients`` patients, or when the follow-up or
    ///   the loss leaves ``maximumPatients`` patients too few events.
    public static func sampleSize(_ design: SingleArmSurvival, method: SurvivalMethod) throws(DesignError) -> SurvivalResult {
        try designErrors {
            try checkApplicable(design.setting, method)
            let target = design.setting.rates.power
            if method.isEventDriven {
                let power = { (d: Double) throws -> Double in try design.power(events: d, method: method) }
                // Start at the log-hazard closed form, then step: power increases with d.
                let guess = (try? LogHazardTest.events(hazardRatio: design.hazardRatio, rates: design.setting.rates)) ?? 1
                guard let events = try smallestMeeting(target, from: guess, lowest: 1, cap: maximumEvents, power) else {
                    throw InvalidInput(
                        parameter: "median",
                        requirement: "far enough from `control-median` to be shown with at most \(maximumEvents) events",
                        value: design.median)
                }
                let patients = try patientsForEvents(Double(events), design)
                let unrounded = try? RootFinding.brent(in: max(0.01, Double(events) - 2)...Double(events), relativeTolerance: 1e-10) {
                    try power($0) - target
                }
                return try result(
                    design, method, .sampleSize, patients: patients, events: events,
                    attained: power(Double(events)), unrounded: unrounded)
            }
            // A trial that expects under one event even at the cap cannot be sized: refuse before the search
            // (a landmark far beyond the follow-up once gave NaN powers and exit 1).
            try checkEvents(design.setting, patients: maximumPatients)
            let power = try design.patientPowerFunction(method: method)
            // Start from the patients the event-driven log-hazard answer implies, then step or bracket.
            let guess =
                (try? LogHazardTest.events(hazardRatio: design.hazardRatio, rates: design.setting.rates))
                .map { $0 / max(design.setting.loss.retained * ((try? design.eventProbability(patients: $0)) ?? 1), 1e-9) } ?? 2
            guard let patients = try smallestMeeting(target, from: guess, lowest: minimumPatients, cap: maximumPatients, power) else {
                throw InvalidInput(
                    parameter: "median",
                    requirement: "far enough from `control-median` to be shown with at most \(maximumPatients) patients",
                    value: design.median)
            }
            let unrounded = try? RootFinding.brent(in: max(0.5, Double(patients) - 4)...Double(patients), relativeTolerance: 1e-10) {
                try power($0) - target
            }
            let attained = try design.power(patients: Double(patients), method: method)
            return try result(design, method, .sampleSize, patients: patients, events: nil, attained: attained, unrounded: unrounded)
        }
    }

    /// The smallest whole n in lowest...cap with power(n) ≥ target, for a power increasing in n,
    /// galloping from `guess` (``IntegerSearch/firstMonotone(in:from:where:)``); nil when even
    /// `cap` falls short.
    static func smallestMeeting(
        _ target: Double, from guess: Double, lowest: Int, cap: Int,
        _ power: (Double) throws -> Double
    ) throws -> Int? {
        try IntegerSearch.firstMonotone(in: lowest...cap, from: guess) { try power(Double($0)) >= target }
    }

    /// The power with `patients` patients enrolled, evaluated at their expected events for an event-driven method.
    ///
    /// - Throws: ``DesignError`` for `patients` outside 2...``maximumPatients``, for fewer than
    ///   ``minimumExpectedEvents`` expected under H₀, or for a method that needs an exponential reference.
    public static func power(_ design: SingleArmSurvival, patients: Int, method: SurvivalMethod) throws(DesignError) -> SurvivalResult {
        try designErrors {
            try checkApplicable(design.setting, method)
            try Validate.count(patients, "patients", in: minimumPatients...maximumPatients)
            try checkEvents(design.setting, patients: patients)
            let attained = try design.power(patients: Double(patients), method: method)
            return try result(design, method, .power, patients: patients, events: nil, attained: attained, unrounded: nil)
        }
    }

    /// The median, longer (or shorter) than the control's, that `patients` patients detect with the target power.
    public static func detectableMedian(
        _ setting: SurvivalSetting, patients: Int, longer: Bool = true,
        method: SurvivalMethod
    ) throws(DesignError) -> SurvivalResult {
        try designErrors {
            try checkApplicable(setting, method)
            try Validate.count(patients, "patients", in: minimumPatients...maximumPatients)
            try checkEvents(setting, patients: patients)
            let target = setting.rates.power
            let m0 = setting.controlMedian
            // Search on x = ln(m₁/m₀), away from 0 in the chosen direction.
            let sign = longer ? 1.0 : -1.0
            func gap(_ x: Double) throws -> Double {
                let design = SingleArmSurvival(unchecked: setting, median: m0 * Double.exp(sign * x))
                return try design.power(patients: Double(patients), method: method) - target
            }
            let far = Double.log(maximumMedianFactor) * (1 - 1e-12)
            let nearest = 1e-6
            let x: Double
            if try gap(nearest) >= 0 {
                x = nearest
            } else {
                // Shared bracketing (step 0.01, doubling) up to `far`, then Brent.
                let bracket: ClosedRange<Double>
                do {
                    bracket = try RootFinding.bracket(from: nearest, initialStep: 0.01, upperLimit: far, gap)
                } catch ProbabilityError.noConvergence {
                    throw InvalidInput(
                        parameter: "patients",
                        requirement:
                            "enough to reach `power` \(setting.rates.power) at a median within \(Int(maximumMedianFactor)) times the control's",
                        value: String(patients))
                }
                x = try RootFinding.brent(in: bracket, relativeTolerance: 1e-12, gap)
            }
            let median = m0 * Double.exp(sign * x)
            let design = try SingleArmSurvival(setting: setting, median: median)
            let attained = try design.power(patients: Double(patients), method: method)
            return try result(design, method, .detectableMedian, patients: patients, events: nil, attained: attained, unrounded: nil)
        }
    }

    /// The smallest n whose expected events reach `events`.
    static func patientsForEvents(_ events: Double, _ design: SingleArmSurvival) throws -> Int {
        let slack = 1 - 1e-9
        if !design.setting.followUp.dependsOnPatients {
            let perPatient = design.setting.loss.retained * (try design.eventProbability(patients: 1))
            let exact = events / perPatient
            guard exact <= Double(maximumPatients) else { throw tooManyPatients(design) }
            return max(minimumPatients, Int((exact * slack).rounded(.up)))
        }
        guard
            let n = IntegerSearch.firstMonotone(
                in: minimumPatients...maximumPatients,
                where: {
                    ((try? design.expectedEvents(patients: Double($0))) ?? 0) >= events * slack
                })
        else { throw tooManyPatients(design) }
        return n
    }

    private static func tooManyPatients(_ design: SingleArmSurvival) -> InvalidInput {
        let requirement = "such that at most \(maximumPatients) patients give the events needed"
        if let periods = design.setting.followUp.periods(patients: 1) {
            return InvalidInput(
                parameter: design.setting.followUp.followUpParameter, requirement: "long enough " + requirement, value: periods.followUp)
        }
        return InvalidInput(parameter: "loss-rate", requirement: "small enough " + requirement, value: design.setting.loss.rate)
    }

    /// The fewest events a design must expect under the null hypothesis with the given patients. With
    /// less than one event the tests' approximations say nothing (the exact test's χ²(2D) at D ≈ 4e-9
    /// claimed power 1 at a hazard ratio of 1.0000), and QUADPACK and the quantiles fail on such
    /// degenerate inputs, so the design is refused, naming what starves it of events.
    public static let minimumExpectedEvents = 1.0

    static func checkEvents(_ setting: SurvivalSetting, patients: Int) throws {
        let null = SingleArmSurvival(unchecked: setting, median: setting.controlMedian)
        let expected = try null.expectedEvents(patients: Double(patients), underNull: true)
        guard expected >= minimumExpectedEvents else {
            let shown = expected.isFinite ? "\(Double(Int((expected * 1e4).rounded())) / 1e4)" : "none"
            let requirement =
                "enough for at least 1 expected event under the null hypothesis (\(patients) patients expect \(expected < 1e-4 ? "fewer than 0.0001" : shown))"
            // More patients help when a realistic number would do; otherwise the follow-up or the loss is the problem.
            if expected > 0, Double(patients) / expected <= Double(maximumPatients) {
                throw InvalidInput(parameter: "patients", requirement: requirement, value: String(patients))
            }
            if setting.loss.rate > 0 {
                throw InvalidInput(parameter: "loss-rate", requirement: "small " + requirement, value: setting.loss.rate)
            }
            if let periods = setting.followUp.periods(patients: Double(patients)) {
                throw InvalidInput(
                    parameter: setting.followUp.followUpParameter, requirement: "long " + requirement, value: periods.followUp)
            }
            throw InvalidInput(parameter: "patients", requirement: requirement, value: String(patients))
        }
    }

    static func checkApplicable(_ setting: SurvivalSetting, _ method: SurvivalMethod) throws(InvalidInput) {
        if method.needsExponential, !setting.isExponential {
            throw InvalidInput(
                parameter: "shape",
                requirement: "1 (exponential) unless `method` log-rank: \(method.rawValue) assumes exponential survival",
                value: setting.shape)
        }
    }

    private static func result(
        _ design: SingleArmSurvival, _ method: SurvivalMethod, _ unknown: SurvivalResult.Unknown,
        patients: Int, events: Int?, attained: Double, unrounded: Double?
    ) throws -> SurvivalResult {
        let n = Double(patients)
        let expected = try design.expectedEvents(patients: n)
        let atPatients = try design.power(patients: n, method: method)
        return SurvivalResult(
            method: method, unknown: unknown, design: design,
            events: events ?? Int((expected * (1 - 1e-9)).rounded(.up)),
            expectedEvents: expected, patients: patients, unrounded: unrounded,
            attainedPower: attained, powerAtPatients: atPatients,
            eventProbability: try design.eventProbability(patients: n),
            accrualDuration: design.setting.followUp.periods(patients: n)?.accrual,
            exactCharacteristics: try UncensoredCharacteristics.evaluate(
                design, method: method,
                patients: patients, events: events))
    }
}
