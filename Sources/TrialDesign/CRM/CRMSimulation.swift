import Probability
import RealModule

/// How patients arrive and when DLTs happen in a simulated TITE-CRM trial (Cheung & Chappell 2000).
public struct TITESettings: Sendable, Equatable {
    /// How patients arrive in a simulated TITE-CRM trial, at ``rate`` patients per time unit.
    public enum Arrival: String, Sendable, Codable, CaseIterable {
        /// A Poisson process: exponential gaps with mean 1/rate.
        case poisson
        /// One patient every 1/rate time units.
        case fixed
    }

    /// The time to a DLT, given a DLT within the window. Each is the conditional law, given T ≤ window,
    /// of a latent time T with P(T ≤ window) = the dose's true DLT probability p.
    public enum TimeToDLT: String, Sendable, Codable, CaseIterable {
        /// Uniform on (0, window).
        case uniform
        /// Exponential with hazard −ln(1 − p)/window.
        case exponential
        /// Weibull with the given shape and the scale that puts probability p in the window
        /// (shape > 1: late-onset DLTs).
        case weibull
    }

    /// The length T of the DLT observation window, in the trial's time unit, in (0, 10⁶]: a DLT-free patient
    /// counts fully once followed this long.
    public let window: Double
    /// How patients arrive: a Poisson process or fixed gaps, at ``rate`` per time unit either way.
    public let arrival: Arrival
    /// Patients per unit of time.
    public let rate: Double
    /// The law of the time to a DLT, for a patient who has one within the window.
    public let timeToDLT: TimeToDLT
    /// The Weibull shape of the time to DLT, in [0.01, 100]; used only by ``TimeToDLT/weibull``.
    public let shape: Double
    /// How a DLT-free patient still in the window is weighted in the likelihood at each dose decision.
    public let weighting: TITEWeighting

    /// The longest DLT window accepted, in any unit.
    public static let maximumWindow = 1e6
    /// The accrual rates accepted, patients per time unit: beyond them the trial's calendar
    /// (arrival gaps of 1/rate) loses precision or overflows, and no trial accrues so.
    public static let rateRange: ClosedRange<Double> = 1e-3...1e3
    /// The Weibull shapes accepted for the time to DLT.
    public static let shapeRange: ClosedRange<Double> = 0.01...100

    /// - Throws: ``InvalidInput`` naming `window` outside (0, 10⁶], `rate` outside [0.001, 1000] or `shape` outside [0.01, 100].
    public init(
        window: Double, arrival: Arrival = .poisson, rate: Double = 1, timeToDLT: TimeToDLT = .uniform,
        shape: Double = 2, weighting: TITEWeighting = .linear
    ) throws(InvalidInput) {
        try Validate.interval(window, "window", above: 0, below: Self.maximumWindow, closedAbove: true)
        try CRMParameters.rate.validate(rate)
        try CRMParameters.shape.validate(shape)
        self.window = window
        self.arrival = arrival
        self.rate = rate
        self.timeToDLT = timeToDLT
        self.shape = shape
        self.weighting = weighting
    }

    /// The time to DLT of a patient whose latent uniform u fell below the dose's DLT probability p:
    /// u | u < p is uniform on (0, p), and F⁻¹(u) inverts the latent time's CDF F with F(window) = p.
    @inline(__always)
    func timeToDLT(uniform u: Double, probability p: Double) -> Double {
        switch timeToDLT {
        case .uniform: return window * u / p
        case .exponential: return window * Double.log(onePlus: -u) / Double.log(onePlus: -p)
        case .weibull: return window * Double.pow(Double.log(onePlus: -u) / Double.log(onePlus: -p), 1 / shape)
        }
    }
}

/// A CRM (or TITE-CRM) design to simulate under a true dose–toxicity curve.
///
/// Each simulated trial: patients enter in cohorts at the current level, starting at `start`; after each
/// cohort (TITE: at each arrival) the posterior mean β̂ is recomputed (``PosteriorGrid``) and the next
/// cohort gets the level whose p_k(β̂) is closest to the target, subject to the ``EscalationRestrictions``.
/// After the last patient (TITE: once everyone is fully followed) the selected MTD is the closest level,
/// unrestricted (Cheung 2011, §3.2; dfcrm `crmsim`). No early stopping.
public struct CRMSimulationDesign: Sendable {
    /// The dose–toxicity model (kind, skeleton, intercept) the simulated CRM fits.
    public let model: DoseToxicityModel
    /// The prior variance σ² of β, in [0.01, 100].
    public let priorVariance: Double
    /// Target DLT probability θ of the MTD, in (0, 1).
    public let target: Double
    /// The true DLT probability of each level (one per skeleton value, each in (0, 1)): the scenario simulated.
    public let truth: [Double]
    /// Patients in each simulated trial, 1…200; every trial enrols them all.
    public let patients: Int
    /// The 1-based level of the first cohort.
    public let start: Int
    /// Patients dosed together before each dose decision, 1…patients; the last cohort may be smaller.
    public let cohort: Int
    /// The escalation restrictions on each cohort's level (the final selection of the MTD is unrestricted).
    public let restrictions: EscalationRestrictions
    /// The TITE-CRM settings (staggered arrivals, DLTs over a window); nil for the complete-outcome CRM.
    public let tite: TITESettings?

    /// Caps: patients per trial, simulated trials, and their product (the work of one request).
    /// 2 × 10⁷ patient-trials take about 2 minutes on one core in the slowest case measured
    /// (20 levels, 200 patients: 7 µs per patient-trial, release build).
    public static let maximumPatients = 200
    /// The most simulated trials one request may ask for.
    public static let maximumTrials = 1_000_000
    /// The most patient-trials (trials × patients, summed over the scenarios) one request may ask for.
    public static let maximumPatientTrials = 20_000_000
    /// TITE-CRM recomputes the posterior from every patient in follow-up at each arrival, so its work
    /// grows as trials × patients²: capped here (about 1.5 minutes on one core with all 200 patients
    /// in follow-up at once; the seed design, 10 patients, still allows 1,000,000 trials).
    public static let maximumTITEWork = 100_000_000

    /// The cost model of a CRM simulation, before any work: each simulated patient updates the
    /// posterior on every grid point for each level with data plus two, and pays a cost that
    /// grows with the patients already in the trial, so the work is
    /// patient-trials × ((levels + 2) × grid points + 42 × patients), at 6e-10 s a unit. The grid
    /// term was fitted to the two runs timed in issue 19 (20 levels, 200 patients, 2 × 10⁷
    /// patient-trials: 2.3 min with 333 grid points, 10.2 min with 2,869), release build on 2
    /// cores, then raised by 1.4 to match scripts/worst-case.sh under load; the per-patient term
    /// (25 ns a patient) to release runs of 20 levels with 50 and 200 patients (4.6 and 8.3 µs a
    /// patient-trial, one thread). A flat 8,940 units a patient, used before, overestimated small
    /// designs 30-fold and refused `crm calibrate`'s default question (0.4 s of work).
    public static let secondsPerGridUpdate = 6e-10
    /// The cost of a simulated patient for each patient in the trial, in grid-update units (25 ns).
    public static let perPatientUnits = 42.0

    /// Refuses a simulation whose cost model exceeds ``WorkBudget/defaultSeconds``.
    public static func checkBudget(
        patientTrials: Int, model: DoseToxicityModel, priorVariance: Double,
        patients: Int, trials: Int
    ) throws(InvalidInput) {
        let nodes = PosteriorGrid.nodeCount(model: model, priorVariance: priorVariance, maximumPatients: patients)
        let units = Double(patientTrials) * (Double((model.levels + 2) * nodes) + perPatientUnits * Double(patients))
        try WorkBudget.check(
            units: units, secondsPerUnit: secondsPerGridUpdate,
            what: "posterior grid updates (patient-trials × ((levels + 2) × \(nodes) grid points + 42 × \(patients) patients))",
            parameter: "trials", value: String(trials),
            howToProceed: "lower `trials` or `patients`, or `prior-variance` (which sets the grid)")
    }

    /// - Throws: ``InvalidInput``: `target` outside (0, 1); `truth` not one probability in (0, 1) per skeleton
    ///   value; `patients` outside 1…200; `start` outside the levels; `cohort` outside 1…patients;
    ///   `prior-variance` outside [0.01, 100].
    public init(
        model: DoseToxicityModel, target: Double, truth: [Double], patients: Int, start: Int,
        cohort: Int = 1, priorVariance: Double = CRMPosterior.defaultPriorVariance,
        restrictions: EscalationRestrictions = .init(), tite: TITESettings? = nil
    ) throws(InvalidInput) {
        _ = try CRMTarget(target)
        guard truth.count == model.levels else {
            throw InvalidInput(
                parameter: "truth", requirement: "one DLT probability per skeleton value (\(model.levels))",
                value: "\(truth.count) values")
        }
        for p in truth where !(p > 0 && p < 1) {
            throw InvalidInput(parameter: "truth", requirement: "probabilities in (0, 1)", value: p)
        }
        try Validate.count(patients, "patients", in: 1...Self.maximumPatients)
        try Validate.count(start, "start", in: 1...model.levels)
        try Validate.count(cohort, "cohort", in: 1...patients)
        try CRMPosterior.validatePriorVariance(priorVariance)
        self.model = model
        self.priorVariance = priorVariance
        self.target = target
        self.truth = truth
        self.patients = patients
        self.start = start
        self.cohort = cohort
        self.restrictions = restrictions
        self.tite = tite
    }

    /// The true MTD: the level whose true DLT probability is closest to the target (the lower on a tie).
    public var trueMTD: Int { DoseRecommendation.closest(truth, target: target) }

    /// Refuses, before any work, `trials` outside 1…1,000,000, beyond 2 × 10⁷ patient-trials, (TITE) beyond 10⁸ for
    /// trials × patients², or beyond the work budget, all counted over `scenarios` true curves simulated with this
    /// design's settings (`crm simulate` with several `truth`).
    public func checkWork(trials: Int, scenarios: Int = 1) throws(InvalidInput) {
        try Validate.count(trials, "trials", in: 1...Self.maximumTrials)
        let per = scenarios > 1 ? " × scenarios" : ""
        guard trials * patients * scenarios <= Self.maximumPatientTrials else {
            throw InvalidInput(
                parameter: "trials",
                requirement:
                    "such that trials × patients\(per) ≤ \(Self.maximumPatientTrials) (at most \(Self.maximumPatientTrials / (patients * scenarios)) with \(patients) patients; lower `trials` or `patients`)",
                value: String(trials))
        }
        if tite != nil, trials * patients * patients * scenarios > Self.maximumTITEWork {
            throw InvalidInput(
                parameter: "trials",
                requirement:
                    "such that trials × patients²\(per) ≤ \(Self.maximumTITEWork) with `tite` (at most \(Self.maximumTITEWork / (patients * patients * scenarios)) with \(patients) patients; lower `trials` or `patients`)",
                value: String(trials))
        }
        try Self.checkBudget(
            patientTrials: trials * patients * scenarios, model: model, priorVariance: priorVariance, patients: patients, trials: trials)
    }

    /// Simulates `trials` trials with `seed`; the answer does not depend on `threads`.
    /// - Throws: ``InvalidInput`` (`trials`) outside 1…1,000,000, beyond 2 × 10⁷ patient-trials, or
    ///   (TITE) beyond 10⁸ for trials × patients² (``checkWork(trials:scenarios:)``).
    public func simulate(trials: Int, seed: UInt64, threads: Int = MonteCarlo.defaultThreads) throws(DesignError)
        -> CRMOperatingCharacteristics
    {
        try designErrors {
            try checkWork(trials: trials)
            let grid = PosteriorGrid(model: model, priorVariance: priorVariance, maximumPatients: patients)
            let design = self
            let blocks = try MonteCarlo.run(trials: trials, seed: seed, threads: threads) { range, stream in
                var tally = CRMTally(levels: design.model.levels)
                var trial = SimulatedTrial(design: design, grid: grid)
                for _ in range {
                    if design.tite != nil { trial.runTITE(stream) } else { trial.run(stream) }
                    tally.add(trial)
                }
                return tally
            }
            var total = CRMTally(levels: model.levels)
            for block in blocks { total.merge(block) }
            return CRMOperatingCharacteristics(design: self, tally: total, seed: seed)
        }
    }
}

/// One simulated trial's state, reused across the trials of a block.
struct SimulatedTrial {
    let design: CRMSimulationDesign
    let grid: PosteriorGrid
    var work: [Double] = []
    var dlts: [Int]
    var completed: [Int]
    var treated: [Int]
    var selected = 0
    var duration = 0.0
    // TITE patient records
    var arrival: [Double] = []
    var level: [Int] = []
    var hasDLT: [Bool] = []
    var dltTime: [Double] = []

    init(design: CRMSimulationDesign, grid: PosteriorGrid) {
        self.design = design
        self.grid = grid
        dlts = [Int](repeating: 0, count: design.model.levels)
        completed = dlts
        treated = dlts
    }

    mutating func reset() {
        for k in dlts.indices { dlts[k] = 0; completed[k] = 0; treated[k] = 0 }
    }

    /// Complete-data states seen in this block and their closest level. The posterior depends on the data
    /// only through the counts (DLTs, DLT-free) per level, and a block revisits the same few hundred states
    /// thousands of times, so each is computed once; the answer is the same as without the cache.
    var memo: [CountsKey: Int] = [:]

    /// The counts of up to 8 levels, 8 bits each (counts never exceed the 200-patient cap).
    struct CountsKey: Hashable {
        let dlts: UInt64
        let completed: UInt64
    }

    /// The closest level to the target at the posterior mean of the current counts.
    mutating func closestLevel(partialLevels: [Int] = [], partialWeights: [Double] = []) -> Int {
        guard partialLevels.isEmpty, dlts.count <= 8 else { return computeClosestLevel(partialLevels, partialWeights) }
        var a: UInt64 = 0, b: UInt64 = 0
        for k in dlts.indices {
            a |= UInt64(dlts[k]) << (8 * UInt64(k))
            b |= UInt64(completed[k]) << (8 * UInt64(k))
        }
        let key = CountsKey(dlts: a, completed: b)
        if let level = memo[key] { return level }
        let level = computeClosestLevel([], [])
        memo[key] = level
        return level
    }

    mutating func computeClosestLevel(_ partialLevels: [Int], _ partialWeights: [Double]) -> Int {
        let beta = grid.betaMean(
            dlts: dlts, completed: completed, partialLevels: partialLevels,
            partialWeights: partialWeights, work: &work)
        var best = 0
        var distance = Double.infinity
        for k in 0..<design.model.levels {
            let d = abs(design.model.probability(k, beta: beta) - design.target)
            if d < distance { distance = d; best = k }
        }
        return best + 1
    }

    /// A CRM trial with complete outcomes before each cohort's dose is chosen.
    mutating func run(_ stream: RandomStream) {
        reset()
        var current = design.start
        var highest = design.start - 1
        var enrolled = 0
        while enrolled < design.patients {
            let size = min(design.cohort, design.patients - enrolled)
            var cohortDLT = false
            let p = design.truth[current - 1]
            for _ in 0..<size {
                treated[current - 1] += 1
                if stream.uniform() < p {
                    dlts[current - 1] += 1
                    cohortDLT = true
                } else {
                    completed[current - 1] += 1
                }
            }
            enrolled += size
            highest = max(highest, current)
            if enrolled < design.patients {
                current = DoseRecommendation.next(
                    closest: closestLevel(), current: current, highestTried: highest,
                    lastHadDLT: cohortDLT, restrictions: design.restrictions)
            }
        }
        selected = closestLevel()
        duration = 0
    }

    /// A TITE-CRM trial: the dose of each arriving cohort uses the outcomes known at its arrival, with
    /// DLT-free patients still in the window weighted.
    mutating func runTITE(_ stream: RandomStream) {
        guard let tite = design.tite else { return }
        reset()
        let n = design.patients
        arrival.removeAll(keepingCapacity: true)
        level.removeAll(keepingCapacity: true)
        hasDLT.removeAll(keepingCapacity: true)
        dltTime.removeAll(keepingCapacity: true)
        var current = design.start
        var highest = design.start - 1
        var clock = 0.0
        var lastDecision = 0.0
        var partialLevels: [Int] = [], partialWeights: [Double] = []
        var followUp: [Double] = [], observed: [Bool] = [], weights: [Double] = []
        for i in 0..<n {
            if i > 0 {
                clock += tite.arrival == .poisson ? stream.exponential(mean: 1 / tite.rate) : 1 / tite.rate
            }
            if i > 0, i % design.cohort == 0 {
                // What is known at time `clock`.
                for k in dlts.indices { dlts[k] = 0; completed[k] = 0 }
                followUp.removeAll(keepingCapacity: true)
                observed.removeAll(keepingCapacity: true)
                var newDLT = false
                for j in 0..<i {
                    let seen = hasDLT[j] && arrival[j] + dltTime[j] <= clock
                    if seen && arrival[j] + dltTime[j] > lastDecision { newDLT = true }
                    observed.append(seen)
                    followUp.append(seen ? dltTime[j] : min(clock - arrival[j], tite.window))
                }
                if tite.weighting == .adaptive {
                    weights = tite.weighting.weights(followUp: followUp, dlt: observed, window: tite.window)
                } else {
                    // Linear weights inline, without the general function's temporary arrays.
                    weights.removeAll(keepingCapacity: true)
                    for j in 0..<i { weights.append(observed[j] ? 1 : min(followUp[j] / tite.window, 1)) }
                }
                partialLevels.removeAll(keepingCapacity: true)
                partialWeights.removeAll(keepingCapacity: true)
                for j in 0..<i {
                    let k = level[j] - 1
                    if observed[j] {
                        dlts[k] += 1
                    } else if weights[j] >= 1 {
                        completed[k] += 1
                    } else if weights[j] > 0 {
                        partialLevels.append(k)
                        partialWeights.append(weights[j])
                    }
                }
                let closest = closestLevel(partialLevels: partialLevels, partialWeights: partialWeights)
                current = DoseRecommendation.next(
                    closest: closest, current: level[i - 1], highestTried: highest,
                    lastHadDLT: newDLT, restrictions: design.restrictions)
                lastDecision = clock
            }
            let p = design.truth[current - 1]
            let u = stream.uniform()
            arrival.append(clock)
            level.append(current)
            hasDLT.append(u < p)
            dltTime.append(u < p ? tite.timeToDLT(uniform: u, probability: p) : tite.window)
            highest = max(highest, current)
            treated[current - 1] += 1
        }
        // Final analysis once everyone has been followed: complete data.
        for k in dlts.indices { dlts[k] = 0; completed[k] = 0 }
        duration = 0
        for j in 0..<n {
            if hasDLT[j] { dlts[level[j] - 1] += 1 } else { completed[level[j] - 1] += 1 }
            duration = max(duration, arrival[j] + dltTime[j])
        }
        selected = closestLevel()
    }
}

/// Running sums over simulated trials (exact integer sums, so merging blocks in order is exact).
struct CRMTally: Sendable {
    var trials = 0
    var selections: [Int]
    var treated: [Int]
    var treatedSquared: [Int]
    var dlts: [Int]
    var dltsSquared: [Int]
    var totalDLTs = 0
    var totalDLTsSquared = 0
    var duration = 0.0
    var durationSquared = 0.0

    init(levels: Int) {
        selections = [Int](repeating: 0, count: levels)
        treated = selections
        treatedSquared = selections
        dlts = selections
        dltsSquared = selections
    }

    mutating func add(_ trial: SimulatedTrial) {
        trials += 1
        selections[trial.selected - 1] += 1
        var total = 0
        for k in selections.indices {
            let n = trial.treated[k], y = trial.dlts[k]
            treated[k] += n
            treatedSquared[k] += n * n
            dlts[k] += y
            dltsSquared[k] += y * y
            total += y
        }
        totalDLTs += total
        totalDLTsSquared += total * total
        duration += trial.duration
        durationSquared += trial.duration * trial.duration
    }

    mutating func merge(_ other: CRMTally) {
        trials += other.trials
        for k in selections.indices {
            selections[k] += other.selections[k]
            treated[k] += other.treated[k]
            treatedSquared[k] += other.treatedSquared[k]
            dlts[k] += other.dlts[k]
            dltsSquared[k] += other.dltsSquared[k]
        }
        totalDLTs += other.totalDLTs
        totalDLTsSquared += other.totalDLTsSquared
        duration += other.duration
        durationSquared += other.durationSquared
    }
}

/// An estimate and its Monte Carlo standard error.
public struct MonteCarloEstimate: Sendable, Equatable, Codable {
    /// The mean over the simulated trials (for a probability, the proportion of trials).
    public let estimate: Double
    /// Its Monte Carlo standard error: sample sd / √N, or √(p(1 − p)/N) for a proportion; 0 from a single trial.
    public let standardError: Double

    /// The mean of N values from their sum and sum of squares; SE = sample sd / √N.
    init(sum: Double, sumOfSquares: Double, count: Int) {
        let n = Double(count)
        estimate = sum / n
        let variance = count > 1 ? max(sumOfSquares - sum * sum / n, 0) / (n - 1) : 0
        standardError = (variance / n).squareRoot()
    }

    /// A proportion from a count; SE = √(p(1 − p)/N).
    init(count: Int, of total: Int) {
        estimate = Double(count) / Double(total)
        standardError = (estimate * (1 - estimate) / Double(total)).squareRoot()
    }
}

/// The operating characteristics of a CRM design, each with its Monte Carlo standard error.
public struct CRMOperatingCharacteristics: Sendable {
    /// The design that was simulated.
    public let design: CRMSimulationDesign
    /// The number of simulated trials N.
    public let trials: Int
    /// The seed of the simulation: with the design and ``trials`` it fixes every number, whatever the thread count.
    public let seed: UInt64
    /// P(select level k), k = 1…K.
    public let selection: [MonteCarloEstimate]
    /// The true MTD: the 1-based level whose true DLT probability is closest to the target (the lower on a tie).
    public let trueMTD: Int
    /// P(select the true MTD).
    public let correctSelection: MonteCarloEstimate
    /// Mean patients treated at each level.
    public let patientsPerLevel: [MonteCarloEstimate]
    /// Mean DLTs at each level.
    public let dltsPerLevel: [MonteCarloEstimate]
    /// Mean proportion of patients with a DLT (total DLTs / patients).
    public let dltRate: MonteCarloEstimate
    /// Mean trial duration (TITE only): from the first arrival until every patient has a DLT or a full window.
    public let duration: MonteCarloEstimate?

    init(design: CRMSimulationDesign, tally: CRMTally, seed: UInt64) {
        self.design = design
        trials = tally.trials
        self.seed = seed
        let n = tally.trials
        selection = tally.selections.map { MonteCarloEstimate(count: $0, of: n) }
        trueMTD = design.trueMTD
        correctSelection = selection[trueMTD - 1]
        patientsPerLevel = tally.treated.indices.map {
            MonteCarloEstimate(sum: Double(tally.treated[$0]), sumOfSquares: Double(tally.treatedSquared[$0]), count: n)
        }
        dltsPerLevel = tally.dlts.indices.map {
            MonteCarloEstimate(sum: Double(tally.dlts[$0]), sumOfSquares: Double(tally.dltsSquared[$0]), count: n)
        }
        let patients = Double(design.patients)
        dltRate = MonteCarloEstimate(
            sum: Double(tally.totalDLTs) / patients,
            sumOfSquares: Double(tally.totalDLTsSquared) / (patients * patients), count: n)
        duration =
            design.tite == nil
            ? nil
            : MonteCarloEstimate(sum: tally.duration, sumOfSquares: tally.durationSquared, count: n)
    }
}
