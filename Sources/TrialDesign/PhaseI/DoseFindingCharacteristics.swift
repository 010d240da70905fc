/// Operating characteristics of a phase I dose-finding design under one true dose–toxicity scenario,
/// in the same shape for every design (BOIN simulated, 3+3 exact), so they can be set side by side.
/// Simulated values carry their Monte Carlo standard error; exact ones have standard error 0.
public struct DoseFindingCharacteristics: Sendable {
    /// The target DLT probability (names the true MTD).
    public let target: Double
    /// The true DLT probability of each level.
    public let truth: [Double]
    /// Simulated trials; nil for exact characteristics.
    public let trials: Int?
    /// P(select level k), k = 1…K.
    public let selection: [MonteCarloEstimate]
    /// P(no level selected: the trial stopped for toxicity, or no level was admissible).
    public let none: MonteCarloEstimate
    /// Mean patients treated at each level.
    public let patients: [MonteCarloEstimate]
    /// Mean DLTs at each level.
    public let dlts: [MonteCarloEstimate]
    /// Mean patients in the trial (the expected sample size).
    public let totalPatients: MonteCarloEstimate
    /// Mean DLTs in the trial.
    public let totalDLTs: MonteCarloEstimate
    /// The true MTD: the level whose true DLT probability is closest to the target (the lower on a tie).
    public let trueMTD: Int
    /// P(select the true MTD).
    public var correctSelection: MonteCarloEstimate { selection[trueMTD - 1] }
    /// P(select a level above the true MTD).
    public let overdoseSelection: MonteCarloEstimate
    /// Mean patients treated above the true MTD.
    public let patientsAboveMTD: MonteCarloEstimate
    /// Mean trial duration, from the first arrival until every enrolled patient has had a DLT or a full window
    /// (TITE-BOIN only; nil otherwise).
    public let duration: MonteCarloEstimate?

    init(target: Double, truth: [Double], tally t: DoseFindingTally, timed: Bool = false) {
        self.target = target
        self.truth = truth
        trials = t.trials
        let count = t.trials
        selection = t.selections.map { MonteCarloEstimate(count: $0, of: count) }
        none = MonteCarloEstimate(count: t.none, of: count)
        patients = t.patients.indices.map {
            MonteCarloEstimate(sum: Double(t.patients[$0]), sumOfSquares: Double(t.patientsSquared[$0]), count: count)
        }
        dlts = t.dlts.indices.map { MonteCarloEstimate(sum: Double(t.dlts[$0]), sumOfSquares: Double(t.dltsSquared[$0]), count: count) }
        totalPatients = MonteCarloEstimate(sum: Double(t.totalPatients), sumOfSquares: Double(t.totalPatientsSquared), count: count)
        totalDLTs = MonteCarloEstimate(sum: Double(t.totalDLTs), sumOfSquares: Double(t.totalDLTsSquared), count: count)
        let mtd = DoseRecommendation.closest(truth, target: target)
        trueMTD = mtd
        overdoseSelection = MonteCarloEstimate(count: t.selections[mtd...].reduce(0, +), of: count)
        patientsAboveMTD = MonteCarloEstimate(sum: Double(t.above), sumOfSquares: Double(t.aboveSquared), count: count)
        duration = timed ? MonteCarloEstimate(sum: t.duration, sumOfSquares: t.durationSquared, count: count) : nil
    }

    /// Exact characteristics (standard errors 0).
    init(
        target: Double, truth: [Double], selection: [Double], none: Double, patients: [Double], dlts: [Double],
        patientsAboveMTD: Double
    ) {
        self.target = target
        self.truth = truth
        trials = nil
        self.selection = selection.map { MonteCarloEstimate(exact: $0) }
        self.none = MonteCarloEstimate(exact: none)
        self.patients = patients.map { MonteCarloEstimate(exact: $0) }
        self.dlts = dlts.map { MonteCarloEstimate(exact: $0) }
        totalPatients = MonteCarloEstimate(exact: patients.reduce(0, +))
        totalDLTs = MonteCarloEstimate(exact: dlts.reduce(0, +))
        let mtd = DoseRecommendation.closest(truth, target: target)
        trueMTD = mtd
        overdoseSelection = MonteCarloEstimate(exact: selection[mtd...].reduce(0, +))
        self.patientsAboveMTD = MonteCarloEstimate(exact: patientsAboveMTD)
        duration = nil
    }

    /// Whether the true DLT probabilities do not increase with dose somewhere (the designs assume they do).
    public var truthIsMonotone: Bool { zip(truth, truth.dropFirst()).allSatisfy { $0 <= $1 } }
}

extension MonteCarloEstimate {
    /// An exact value: standard error 0.
    init(exact value: Double) {
        estimate = value
        standardError = 0
    }
}

/// Running integer sums over simulated trials (merging blocks in order is exact).
struct DoseFindingTally: Sendable {
    var trials = 0
    var selections: [Int]
    var none = 0
    var patients: [Int]
    var patientsSquared: [Int]
    var dlts: [Int]
    var dltsSquared: [Int]
    var totalPatients = 0
    var totalPatientsSquared = 0
    var totalDLTs = 0
    var totalDLTsSquared = 0
    /// Patients above the true MTD, needing the MTD: set by the caller.
    var mtd: Int
    var above = 0
    var aboveSquared = 0
    /// Sums of trial durations (TITE-BOIN); blocks are merged in order, so the sum is the same on any thread count.
    var duration = 0.0
    var durationSquared = 0.0

    init(levels: Int, trueMTD: Int = Int.max) {
        selections = [Int](repeating: 0, count: levels)
        patients = selections
        patientsSquared = selections
        dlts = selections
        dltsSquared = selections
        mtd = trueMTD
    }

    /// `selected` is 1-based, 0 for none.
    mutating func add(selected: Int, patients n: [Int], dlts y: [Int]) {
        trials += 1
        if selected == 0 { none += 1 } else { selections[selected - 1] += 1 }
        var tn = 0, ty = 0, over = 0
        for k in n.indices {
            patients[k] += n[k]
            patientsSquared[k] += n[k] * n[k]
            dlts[k] += y[k]
            dltsSquared[k] += y[k] * y[k]
            tn += n[k]
            ty += y[k]
            if k >= mtd { over += n[k] }
        }
        totalPatients += tn
        totalPatientsSquared += tn * tn
        totalDLTs += ty
        totalDLTsSquared += ty * ty
        above += over
        aboveSquared += over * over
    }

    mutating func add(duration t: Double) {
        duration += t
        durationSquared += t * t
    }

    mutating func merge(_ other: DoseFindingTally) {
        trials += other.trials
        none += other.none
        for k in selections.indices {
            selections[k] += other.selections[k]
            patients[k] += other.patients[k]
            patientsSquared[k] += other.patientsSquared[k]
            dlts[k] += other.dlts[k]
            dltsSquared[k] += other.dltsSquared[k]
        }
        totalPatients += other.totalPatients
        totalPatientsSquared += other.totalPatientsSquared
        totalDLTs += other.totalDLTs
        totalDLTsSquared += other.totalDLTsSquared
        above += other.above
        aboveSquared += other.aboveSquared
        duration += other.duration
        durationSquared += other.durationSquared
    }
}
