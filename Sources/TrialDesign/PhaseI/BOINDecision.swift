/// The BOIN decision for the next cohort, from the patients and DLTs seen so far at each level
/// (the rule the BOIN package's `get.oc` applies after each cohort; Liu & Yuan 2015).
///
/// With y DLTs in n patients at the current level d, and the decision table's row for n:
/// 1. Every level with n ≥ 3 and y ≥ the elimination boundary is eliminated, with every higher level.
///    If level 1 is eliminated the trial stops with no MTD.
/// 2. If n ≥ `stopAt` (the package's `n.earlystop`) and the decision would keep the next cohort at d
///    (stay; de-escalate at level 1; escalate at the highest level or below an eliminated one), the
///    trial stops and the MTD is selected (``BOINSelection``).
/// 3. Otherwise: escalate to d + 1 if y ≤ the escalation boundary (unless d is the highest level or
///    d + 1 is eliminated: stay); de-escalate to d − 1 if y ≥ the de-escalation boundary (stay at level
///    1); stay otherwise. The next level is never above the highest level not eliminated.
public struct BOINDecision: Sendable {
    /// What the next cohort gets (or that the trial stops).
    public enum Action: String, Sendable, Codable {
        case escalate, stay, deescalate
        /// Level 1 is eliminated: stop, no MTD.
        case stopForToxicity = "stop_for_toxicity"
        /// `stopAt` patients at the current level and the rule says stay: stop and select the MTD.
        case stopAndSelect = "stop_and_select"
    }

    /// The design's boundaries and elimination rule.
    public let boundaries: BOINBoundaries
    /// Patients treated at each level so far.
    public let patients: [Int]
    /// DLTs at each level so far.
    public let dlts: [Int]
    /// The level the last cohort received (1-based).
    public let current: Int
    /// The `n.earlystop` rule: patients at one dose after which a "stay" stops the trial.
    public let stopAt: Int
    /// The decision table row at the current level's count.
    public let row: BOINBoundaries.Row
    /// The decision.
    public let action: Action
    /// The level for the next cohort (1-based); nil when the trial stops.
    public let nextLevel: Int?
    /// The lowest eliminated level (1-based), nil when none.
    public let firstEliminated: Int?

    /// - Parameters:
    ///   - boundaries: the escalation and de-escalation boundaries (and elimination rule) of the target.
    ///   - patients: patients treated per level (≤ 20 levels).
    ///   - dlts: DLTs per level, as many as `patients`, each at most that level's patients.
    ///   - current: the level the last cohort received (1-based); it must have patients.
    ///   - stopAt: the `n.earlystop` rule (default 100, the package's).
    /// - Throws: ``InvalidInput`` for inconsistent counts, `current` outside the levels or without patients,
    ///   `stop-at` outside 1…1000.
    public init(boundaries: BOINBoundaries, patients: [Int], dlts: [Int], current: Int, stopAt: Int = 100) throws(InvalidInput) {
        try BOINSelection.validateCounts(patients: patients, dlts: dlts)
        try Validate.count(current, "current", in: 1...patients.count)
        guard patients[current - 1] > 0 else {
            throw InvalidInput(parameter: "current", requirement: "a level with patients", value: "\(current) (no patients there)")
        }
        try Validate.count(stopAt, "stop-at", in: 1...BOINBoundaries.maximumPatients)
        self.boundaries = boundaries
        self.patients = patients
        self.dlts = dlts
        self.current = current
        self.stopAt = stopAt
        let k = patients.count
        var eliminated: Int? = nil
        for i in 0..<k where patients[i] >= 3 {
            if let e = boundaries.eliminationBoundary(patients[i]), dlts[i] >= e { eliminated = i + 1; break }
        }
        firstEliminated = eliminated
        let d = current
        let n = patients[d - 1], y = dlts[d - 1]
        row = boundaries.row(n)
        let highestOpen = (eliminated ?? (k + 1)) - 1
        if highestOpen < 1 {
            action = .stopForToxicity
            nextLevel = nil
            return
        }
        let escalate = y <= row.escalateMax, deescalate = y >= row.deescalateMin
        let cannotEscalate = d >= highestOpen
        let staysPut = (!escalate && !deescalate) || (d == 1 && deescalate) || (escalate && cannotEscalate)
        if n >= stopAt && staysPut {
            action = .stopAndSelect
            nextLevel = nil
            return
        }
        if escalate && !cannotEscalate {
            action = .escalate
            nextLevel = d + 1
        } else if deescalate && d > 1 {
            action = .deescalate
            nextLevel = min(d - 1, highestOpen)
        } else {
            // Stay, unless the current level has itself been eliminated from below.
            action = d > highestOpen ? .deescalate : .stay
            nextLevel = min(d, highestOpen)
        }
    }
}

extension BOINDecision {
    /// The decision from each patient's level and outcome, in order of enrolment: the counts per
    /// level are tallied from the lists, and the current level is the last patient's.
    /// - Parameters:
    ///   - boundaries: the escalation and de-escalation boundaries (and elimination rule) of the target.
    ///   - levels: each patient's level (1-based), in order of enrolment; at least one patient.
    ///   - dlts: each patient's outcome, 0 (no DLT) or 1 (DLT); as many as `levels`.
    ///   - doses: the number of dose levels, 1…20.
    ///   - stopAt: the `n.earlystop` rule (default 100, the package's).
    /// - Throws: ``InvalidInput`` naming `doses`, `levels` (a level outside 1…doses, or no patient), `dlts` (not 0/1,
    ///   or not one per patient) or `stop-at`.
    public init(boundaries: BOINBoundaries, levels: [Int], dlts: [Int], doses: Int, stopAt: Int = 100) throws(InvalidInput) {
        try Validate.count(doses, "doses", in: 1...BOINSelection.maximumLevels)
        guard !levels.isEmpty else {
            throw InvalidInput(parameter: "levels", requirement: "at least one patient's level", value: "none")
        }
        guard dlts.count == levels.count else {
            throw InvalidInput(
                parameter: "dlts", requirement: "one 0/1 per patient (\(levels.count) levels given)", value: "\(dlts.count) values")
        }
        var patients = [Int](repeating: 0, count: doses), events = patients
        for (level, dlt) in zip(levels, dlts) {
            try Validate.count(level, "levels", in: 1...doses)
            guard dlt == 0 || dlt == 1 else {
                throw InvalidInput(parameter: "dlts", requirement: "a list of 0 (no DLT) and 1 (DLT)", value: String(dlt))
            }
            patients[level - 1] += 1
            events[level - 1] += dlt
        }
        try self.init(boundaries: boundaries, patients: patients, dlts: events, current: levels[levels.count - 1], stopAt: stopAt)
    }
}
