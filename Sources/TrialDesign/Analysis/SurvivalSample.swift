/// Right-censored follow-up of one arm: each patient's time and whether it ended in the event
/// (progression or death) or was censored.
///
/// The sample is kept sorted by time, with events before censorings at a tied time (a patient
/// censored at t was still at risk of the events at t: the Kaplan-Meier convention, Kaplan &
/// Meier 1958, and R's `survival::survfit`).
public struct SurvivalSample: Sendable, Equatable {
    /// Follow-up times, ascending.
    public let times: [Double]
    /// Whether each time ended in the event (true) or was censored (false), in the same order.
    public let events: [Bool]

    /// The most patients an analysis accepts (10⁷): the Kaplan-Meier estimate and the tests
    /// answer in about a second at this size, and the arrays need about 90 MB.
    public static let maximumPatients = 10_000_000
    /// The longest follow-up time accepted (10³⁰⁰, in any unit), so that the total time at risk of
    /// ``maximumPatients`` patients, and the midpoint of two times, stay finite (libFuzzer found
    /// times near 10³⁰⁸ printing "inf weeks" and failing JSON encoding).
    public static let maximumTime = 1e300

    /// - Throws: ``InvalidInput`` (parameter `input`) for an empty sample, more than
    ///   ``maximumPatients`` patients, or a time that is negative, above ``maximumTime`` or not
    ///   finite (naming its position, counted from 1).
    public init(times: [Double], events: [Bool]) throws(InvalidInput) {
        guard times.count == events.count else {
            throw InvalidInput(
                parameter: "input", requirement: "as many event codes as times",
                value: "\(times.count) times and \(events.count) codes")
        }
        guard !times.isEmpty else {
            throw InvalidInput(parameter: "input", requirement: "at least one patient", value: "none")
        }
        guard times.count <= Self.maximumPatients else {
            throw InvalidInput(
                parameter: "input", requirement: "at most \(Self.maximumPatients) patients",
                value: String(times.count))
        }
        for (index, time) in times.enumerated() where !(time >= 0 && time <= Self.maximumTime) {
            throw InvalidInput(
                parameter: "input", requirement: "times in [0, 1e300]",
                value: "\(InvalidInput.describe(time)) for patient \(index + 1)")
        }
        // Sort (time, censored) so that at a tie events (0) come before censorings (1).
        var keyed = (0..<times.count).map { (times[$0], events[$0] ? 0 : 1) }
        keyed.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        self.times = keyed.map(\.0)
        self.events = keyed.map { $0.1 == 0 }
    }

    /// Patients.
    public var count: Int { times.count }
    /// Events observed, O = Σ δᵢ.
    public var eventCount: Int { events.reduce(0) { $0 + ($1 ? 1 : 0) } }
    /// Total time at risk, T = Σ tᵢ.
    public var totalTime: Double { times.reduce(0, +) }
}

extension SurvivalSample {
    /// The follow-up as it stood at calendar time `cutoff` of a trial with staggered entry:
    /// patient i, entered at eᵢ and followed for tᵢ, is left out when eᵢ ≥ cutoff, and otherwise
    /// followed for min(tᵢ, cutoff − eᵢ), with the event counted only when tᵢ ≤ cutoff − eᵢ
    /// (an interim analysis of the final data, as OneArm2stage's interim data sets are made).
    ///
    /// - Throws: ``InvalidInput`` (parameter `input`) when the three lists differ in length or an
    ///   entry time is negative, above ``maximumTime`` or not finite; (parameter `cutoff`) when no
    ///   patient had entered by `cutoff`; and as ``init(times:events:)`` for the times kept.
    public init(times: [Double], events: [Bool], entries: [Double], cutoff: Double) throws(InvalidInput) {
        guard entries.count == times.count, events.count == times.count else {
            throw InvalidInput(
                parameter: "input", requirement: "an entry time and an event code for every time",
                value: "\(times.count) times, \(events.count) codes and \(entries.count) entry times")
        }
        for (index, entry) in entries.enumerated() where !(entry >= 0 && entry <= Self.maximumTime) {
            throw InvalidInput(
                parameter: "input", requirement: "entry times in [0, 1e300]",
                value: "\(InvalidInput.describe(entry)) for patient \(index + 1)")
        }
        var kept: [Double] = [], happened: [Bool] = []
        for i in times.indices where entries[i] < cutoff {
            let available = cutoff - entries[i]
            kept.append(min(times[i], available))
            happened.append(events[i] && times[i] <= available)
        }
        guard !kept.isEmpty else {
            throw InvalidInput(parameter: "cutoff", requirement: "after the first entry time", value: cutoff)
        }
        try self.init(times: kept, events: happened)
    }
}
