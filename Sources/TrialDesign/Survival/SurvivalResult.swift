/// What a survival calculation found, for one method.
///
/// `events` and `patients` are the reported whole numbers; `attainedPower` is the power at
/// those numbers: at `events` observed events for an event-driven method that was solved for
/// its size (the analysis happens at the d-th event), otherwise at `patients` enrolled.
public struct SurvivalResult: Sendable, Equatable {
    /// Which quantity was solved for.
    public enum Unknown: String, Sendable, Codable {
        case sampleSize = "sample-size"
        case power
        case detectableMedian = "detectable-median"
    }

    /// The method the numbers were computed by.
    public let method: SurvivalMethod
    /// What was solved for: the sample size, the power at given patients, or the detectable median.
    public let unknown: Unknown
    /// The design the numbers belong to (its median is the solved one for a detectable median).
    public let design: SingleArmSurvival
    /// Events to observe (event-driven sizes) or expected events rounded up.
    public let events: Int
    /// Expected observed events among `patients`: n · (1 − q) · P(event | H₁).
    public let expectedEvents: Double
    /// Patients to enrol, at least 2. For a sample size the smallest whole n meeting the target (for an event-driven
    /// method, the smallest whose expected events reach `events`, dropout included); otherwise as given.
    public let patients: Int
    /// The unrounded solution (events for event-driven methods, patients otherwise); nil when
    /// the power was asked for.
    public let unrounded: Double?
    /// The power at the reported numbers (see the type's description).
    public let attainedPower: Double
    /// The power evaluated at `patients` enrolled (equals `attainedPower` but for event-driven sizes).
    public let powerAtPatients: Double
    /// P(an enrolled patient's event is observed by the analysis | H₁), before `--dropout`.
    public let eventProbability: Double
    /// The accrual period implied (A, or n / R under an accrual rate); nil when followed to the event.
    public let accrualDuration: Double?
    /// The exact size and power when every patient is followed to the event (no accrual, no
    /// loss rate); nil otherwise, where only simulation can tell.
    public let exactCharacteristics: UncensoredCharacteristics.Result?

    /// Whether the power was evaluated at a number of events (true) or of patients.
    public var powerIsAtEvents: Bool { method.isEventDriven && unknown == .sampleSize }
}
