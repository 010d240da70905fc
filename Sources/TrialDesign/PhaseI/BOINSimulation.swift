import Probability

/// A BOIN design to simulate under a true dose–toxicity curve, with the BOIN package's conventions
/// (`get.oc`, version 2.7.2):
///
/// - the first cohort is treated at `start` (default the lowest level);
/// - after each cohort, with y DLTs in n patients at the current level d: if y ≥ the elimination boundary,
///   d and every higher level are eliminated, and the trial stops with no MTD when d is the lowest level;
///   if n ≥ `stopAt` and the decision would keep the next cohort at d, the trial stops; otherwise the next
///   cohort escalates (y ≤ the escalation boundary, d below the highest level and d + 1 not eliminated),
///   de-escalates (y ≥ the de-escalation boundary, d above the lowest level) or stays;
/// - the last cohort's outcomes feed only the final selection (no decision follows them);
/// - the MTD is then selected from all the data by ``BOINSelection``'s rule (isotonic estimates), which
///   may also find no admissible dose.
public struct BOINSimulationDesign: Sendable {
    /// The boundaries and elimination rule.
    public let boundaries: BOINBoundaries
    /// The true DLT probability of each level.
    public let truth: [Double]
    /// Patients per cohort.
    public let cohortSize: Int
    /// The most cohorts a trial treats.
    public let cohorts: Int
    /// The starting level (1-based).
    public let start: Int
    /// Stop when this many patients are at the current dose and the rule says stay (`n.earlystop`).
    public let stopAt: Int
    /// Select only doses whose isotonic estimate is at most λd.
    public let boundMTD: Bool
    /// TITE-BOIN (late-onset toxicity): the DLT window and accrual; nil for BOIN, every outcome known before the next
    /// cohort (`TITEBOINTrial`, ``TITEBOINRule``).
    public let tite: TITEBOINSettings?

    /// The most patients a trial treats: cohorts × cohort size.
    public var patients: Int { cohortSize * cohorts }
    /// The number of dose levels.
    public var levels: Int { truth.count }

    /// Caps: simulated trials, and trials × patients (the work of one scenario). 10⁸ patient-trials take
    /// about 4 s on one core (release build).
    public static let maximumTrials = 1_000_000
    /// The cap on trials × patients (× scenarios) of one request.
    public static let maximumPatientTrials = 100_000_000

    /// - Throws: ``InvalidInput``: `truth` with fewer than 1 or more than 20 levels, or a value outside (0, 1);
    ///   `cohort-size` outside 1…100; `cohorts` outside 1…1000 or more than 1000 patients; `start` outside the
    ///   levels; `stop-at` outside 1…1000.
    public init(
        boundaries: BOINBoundaries, truth: [Double], cohortSize: Int, cohorts: Int, start: Int = 1,
        stopAt: Int = 100, boundMTD: Bool = false, tite: TITEBOINSettings? = nil
    ) throws(InvalidInput) {
        try Self.validateTruth(truth)
        try PhaseIParameters.cohortSize.validate(cohortSize)
        try PhaseIParameters.cohorts.validate(cohorts)
        guard cohortSize * cohorts <= BOINBoundaries.maximumPatients else {
            throw InvalidInput(
                parameter: "cohorts", requirement: "such that cohorts × cohort size ≤ \(BOINBoundaries.maximumPatients)",
                value: String(cohorts))
        }
        try Validate.count(start, "start", in: 1...truth.count)
        try PhaseIParameters.stopAt.validate(stopAt)
        self.boundaries = boundaries
        self.truth = truth
        self.cohortSize = cohortSize
        self.cohorts = cohorts
        self.start = start
        self.stopAt = stopAt
        self.boundMTD = boundMTD
        self.tite = tite
    }

    /// A scenario's true DLT probabilities: 1…20 values, each in (0, 1).
    public static func validateTruth(_ truth: [Double]) throws(InvalidInput) {
        try Validate.count(truth.count, "truth", in: 1...BOINSelection.maximumLevels)
        for p in truth where !(p > 0 && p < 1) {
            throw InvalidInput(parameter: "truth", requirement: "probabilities in (0, 1)", value: p)
        }
    }

    /// TITE-BOIN looks over every enrolled patient at each decision (and at each wait while accrual is suspended),
    /// so its work grows as trials × patients²: capped here. Measured: 8 × 10⁷ (10⁵ trials of 10 patients in cohorts
    /// of 1, 8 scenarios, nearly every decision waiting) took 15 s of CPU in a debug build, a few seconds in release;
    /// the cap allows 2.2 × 10⁵ trials of the 30-patient design, or 10⁴ in each of 20 scenarios.
    public static let maximumTITEWork = 200_000_000

    /// Refuses `trials` outside 1…10⁶ or beyond 10⁸ patient-trials (over `scenarios` scenarios) before any work;
    /// with TITE-BOIN also beyond 2 × 10⁸ for trials × patients² × scenarios.
    public func checkWork(trials: Int, scenarios: Int = 1) throws(InvalidInput) {
        try PhaseIParameters.trials.validate(trials)
        guard trials * patients * scenarios <= Self.maximumPatientTrials else {
            throw InvalidInput(
                parameter: "trials",
                requirement:
                    "such that trials × patients × scenarios ≤ \(Self.maximumPatientTrials) (at most \(Self.maximumPatientTrials / (patients * scenarios)) here)",
                value: String(trials))
        }
        if tite != nil, trials * patients * patients * scenarios > Self.maximumTITEWork {
            throw InvalidInput(
                parameter: "trials",
                requirement:
                    "such that trials × patients² × scenarios ≤ \(Self.maximumTITEWork) with `window` (at most \(Self.maximumTITEWork / (patients * patients * scenarios)) here)",
                value: String(trials))
        }
        // The caps are sized within the budget (10⁸ patient-trials take about 2.5 s), so alone
        // this never refuses; it matters when the budget is shared (a sensitivity grid's points).
        try WorkBudget.check(
            units: Double(trials) * Double(patients) * Double(scenarios),
            secondsPerUnit: WorkBudget.defaultSeconds / Double(Self.maximumPatientTrials),
            what: "simulated patient-trials", parameter: "trials", value: String(trials),
            howToProceed: "lower `trials` or `patients`")
    }

    /// Simulates `trials` trials with `seed`; the answer does not depend on `threads`.
    public func simulate(trials: Int, seed: UInt64, threads: Int = MonteCarlo.defaultThreads) throws(DesignError)
        -> DoseFindingCharacteristics
    {
        try designErrors {
            try checkWork(trials: trials)
            let design = self
            let mtd = DoseRecommendation.closest(truth, target: boundaries.target)
            let rows = (1...patients).map { boundaries.row($0) }
            let escalate = [-1] + rows.map(\.escalateMax)
            let deescalate = [Int.max] + rows.map(\.deescalateMin)
            let eliminate = [Int.max] + rows.map { $0.eliminateMin ?? Int.max }
            if let tite {
                let blocks = try MonteCarlo.run(trials: trials, seed: seed, threads: threads) { range, stream in
                    var trial = TITEBOINTrial(design: design, tite: tite, escalate: escalate, deescalate: deescalate, eliminate: eliminate)
                    var tally = DoseFindingTally(levels: design.levels, trueMTD: mtd)
                    for _ in range {
                        trial.run(stream)
                        tally.add(selected: trial.selected, patients: trial.n, dlts: trial.y)
                        tally.add(duration: trial.duration)
                    }
                    return tally
                }
                var total = DoseFindingTally(levels: levels, trueMTD: mtd)
                for block in blocks { total.merge(block) }
                return DoseFindingCharacteristics(target: boundaries.target, truth: truth, tally: total, timed: true)
            }
            let blocks = try MonteCarlo.run(trials: trials, seed: seed, threads: threads) { range, stream in
                var trial = BOINTrial(design: design, escalate: escalate, deescalate: deescalate, eliminate: eliminate)
                var tally = DoseFindingTally(levels: design.levels, trueMTD: mtd)
                for _ in range {
                    trial.run(stream)
                    tally.add(selected: trial.selected, patients: trial.n, dlts: trial.y)
                }
                return tally
            }
            var total = DoseFindingTally(levels: levels, trueMTD: mtd)
            for block in blocks { total.merge(block) }
            return DoseFindingCharacteristics(target: boundaries.target, truth: truth, tally: total)
        }
    }
}

/// One simulated BOIN trial, reusing its storage across the trials of a block.
struct BOINTrial {
    let design: BOINSimulationDesign
    /// Decision boundaries indexed by n (entry 0 unused).
    let escalate: [Int]
    let deescalate: [Int]
    let eliminate: [Int]
    var n: [Int]
    var y: [Int]
    /// Patient i's latent uniform: a DLT at dose d when latent[i] < p_d. Every trial draws all of them first, so trial t
    /// of a block sees the same numbers in any design that draws one uniform per patient (common random numbers
    /// with the CRM simulation, `phase1 compare`).
    var latent: [Double]
    var selector: BOINSelector
    /// The selected level, 1-based; 0 for none.
    var selected = 0

    init(design: BOINSimulationDesign, escalate: [Int], deescalate: [Int], eliminate: [Int]) {
        self.design = design
        self.escalate = escalate
        self.deescalate = deescalate
        self.eliminate = eliminate
        n = [Int](repeating: 0, count: design.levels)
        y = n
        latent = [Double](repeating: 0, count: design.patients)
        selector = BOINSelector(levels: design.levels)
    }

    mutating func run(_ stream: RandomStream) {
        let k = design.levels
        let total = design.patients
        for i in 0..<k { n[i] = 0; y[i] = 0 }
        for i in 0..<total { latent[i] = stream.uniform() }
        var d = design.start - 1
        var firstEliminated = k
        let size = design.cohortSize
        var enrolled = 0
        var stoppedForToxicity = false
        for _ in 0..<design.cohorts {
            let p = design.truth[d]
            let last = enrolled + size >= total
            let count = last ? total - enrolled : size
            var events = 0
            for i in enrolled..<(enrolled + count) where latent[i] < p { events += 1 }
            y[d] += events
            n[d] += count
            enrolled += count
            if last { break }
            let nd = n[d], yd = y[d]
            if yd >= eliminate[nd] {
                firstEliminated = min(firstEliminated, d)
                if d == 0 { stoppedForToxicity = true; break }
            }
            let up = yd <= escalate[nd], down = yd >= deescalate[nd]
            let blockedAbove = d == k - 1 || firstEliminated <= d + 1
            if nd >= design.stopAt && ((!up && !down) || (d == 0 && down) || (blockedAbove && up)) { break }
            if up && d != k - 1 {
                if firstEliminated > d + 1 { d += 1 }
            } else if down && d != 0 {
                d -= 1
            }
        }
        if stoppedForToxicity {
            selected = 0
            return
        }
        // The final selection recomputes eliminations from all the data, as `select.mtd` does.
        var eliminatedAtEnd = k
        for i in 0..<k where n[i] >= 3 && y[i] >= eliminate[n[i]] { eliminatedAtEnd = i; break }
        let choice = selector.select(
            patients: n, dlts: y, firstEliminated: eliminatedAtEnd, target: design.boundaries.target,
            lambdaD: design.boundaries.lambdaD, boundMTD: design.boundMTD)
        selected = choice.map { $0 + 1 } ?? 0
    }
}
