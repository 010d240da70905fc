/// The outcomes so far of a CRM trial, in order of enrolment: each patient's dose level (1-based), whether
/// a DLT has been observed, and the weight of a DLT-free patient in the likelihood (1 once followed for the
/// whole window, less under TITE-CRM while still in it).
public struct CRMData: Sendable, Equatable {
    /// Each patient's dose level, 1-based, in order of enrolment.
    public let levels: [Int]
    /// Whether each patient has had a DLT, in the same order.
    public let dlt: [Bool]
    /// Each patient's weight in the likelihood, in [0, 1]: 1 for a DLT-free patient followed for the whole window,
    /// less for one still in it (TITE-CRM, ``TITEWeighting``); all 1 when not given. A patient with a DLT counts fully whatever it is.
    public let weights: [Double]

    /// The most patients a data set may hold.
    public static let maximumPatients = 1000

    /// - Throws: ``InvalidInput`` (`levels`, `dlt`) for levels outside 1…`levelCount`, lists of different
    ///   lengths, more than ``maximumPatients`` patients, or (`follow-up`) weights outside [0, 1].
    public init(levels: [Int], dlt: [Bool], weights: [Double]? = nil, levelCount: Int) throws(InvalidInput) {
        guard levels.count <= Self.maximumPatients else {
            throw InvalidInput(
                parameter: "levels", requirement: "a list of at most \(Self.maximumPatients) patients",
                value: "\(levels.count)")
        }
        for level in levels where !(1...levelCount).contains(level) {
            throw InvalidInput(parameter: "levels", requirement: "dose levels in 1...\(levelCount)", value: String(level))
        }
        guard dlt.count == levels.count else {
            throw InvalidInput(
                parameter: "dlt", requirement: "one 0/1 outcome per patient in `levels` (\(levels.count))",
                value: "\(dlt.count) outcomes")
        }
        let weights = weights ?? [Double](repeating: 1, count: levels.count)
        guard weights.count == levels.count else {
            throw InvalidInput(
                parameter: "follow-up", requirement: "one time per patient in `levels` (\(levels.count))",
                value: "\(weights.count) times")
        }
        for w in weights where !(w >= 0 && w <= 1) {
            throw InvalidInput(parameter: "follow-up", requirement: "weights in [0, 1]", value: w)
        }
        self.levels = levels
        self.dlt = dlt
        self.weights = weights
    }

    /// The number of patients so far.
    public var count: Int { levels.count }
    /// The highest level any patient has received (1-based); nil before the first patient.
    public var highestLevelTried: Int? { levels.max() }
}
