/// The choice of the indifference half-width δ by simulation (Lee & Cheung 2009, Clin Trials 6:227–238):
/// for each δ on a grid, calibrate the skeleton (``Skeleton/calibrated(target:halfwidth:levels:priorMTD:model:intercept:)``),
/// simulate the CRM under each of K "plateau" scenarios, and keep the δ with the highest average
/// probability of correct selection.
///
/// Scenario ℓ (ℓ = 1…K) puts the true MTD at level ℓ: true DLT probability θ at level ℓ, θ − Δ at every
/// level below and θ + Δ at every level above (Δ = `spacing`, default 0.10, kept inside (0, 1)). This is
/// the plateau calibration set as trialsize defines it; Lee & Cheung's exact set may differ, so the table
/// shows every scenario and δ searched. Every δ uses the same seed (common random numbers), so
/// differences between δs are less noisy than each PCS's own standard error.
///
/// Optionally the prior variance σ² of β is searched too (`priorVariances`, a grid; Lee & Cheung 2011,
/// Stat Med 30:2081–2089, calibrate it the same way): every (δ, σ²) pair is one row.
public struct CRMCalibration: Sendable {
    /// Target DLT probability θ of the MTD, in (0, 1): every skeleton is calibrated to it and every scenario built around it.
    public let target: Double
    /// Number of dose levels K, 2…20; also the number of plateau scenarios (one with the true MTD at each level).
    public let levels: Int
    /// The 1-based level ν at which every calibrated skeleton equals θ (the prior guess of the MTD), 1…K.
    public let priorMTD: Int
    /// Patients in each simulated trial, 1…200; every trial enrols them all (no early stopping).
    public let patients: Int
    /// The 1-based level the first cohort of each simulated trial receives; the prior MTD ν when not given.
    public let start: Int
    /// Patients dosed together before each dose decision, 1…patients.
    public let cohort: Int
    /// The form of the dose–toxicity model the skeletons are calibrated for and the CRM is simulated with.
    public let model: DoseToxicityModel.Kind
    /// The fixed intercept a of the logistic model (dfcrm's default 3); unused by the empiric model.
    public let intercept: Double
    /// The prior variances searched (one value: σ² is fixed).
    public let priorVariances: [Double]
    /// The plateau gap Δ of the scenarios: true DLT probability θ − Δ below the MTD and θ + Δ above,
    /// in (0, min(θ, 1 − θ)) so that every probability stays inside (0, 1).
    public let spacing: Double
    /// The escalation restrictions of every simulated trial (both on by default).
    public let restrictions: EscalationRestrictions
    /// The half-widths δ searched: 0.01, 0.02, … below min(θ, 1 − θ), keeping those for which a skeleton
    /// exists (``Skeleton/calibrated(target:halfwidth:levels:priorMTD:model:intercept:)`` succeeds); never empty.
    public let halfwidths: [Double]

    /// The grid step of δ.
    public static let halfwidthStep = 0.01

    /// - Throws: ``InvalidInput`` for any input outside its range (see ``CRMSimulationDesign``), or
    ///   `spacing` outside (0, min(θ, 1 − θ)).
    public init(
        target: Double, levels: Int, priorMTD: Int, patients: Int, start: Int? = nil, cohort: Int = 1,
        model: DoseToxicityModel.Kind = .empiric, intercept: Double = DoseToxicityModel.defaultIntercept,
        priorVariances: [Double] = [CRMPosterior.defaultPriorVariance], spacing: Double = 0.10,
        restrictions: EscalationRestrictions = .init()
    ) throws(InvalidInput) {
        let goal = try CRMTarget(target)
        try Validate.count(levels, "levels", in: 2...DoseToxicityModel.maximumLevels)
        try Validate.count(priorMTD, "prior-mtd", in: 1...levels)
        try Validate.count(patients, "patients", in: 1...CRMSimulationDesign.maximumPatients)
        try Validate.count(start ?? priorMTD, "start", in: 1...levels)
        try Validate.count(cohort, "cohort", in: 1...patients)
        guard (1...20).contains(priorVariances.count) else {
            throw InvalidInput(
                parameter: "prior-variances", requirement: "a list of 1 to 20 variances", value: "\(priorVariances.count) values")
        }
        for variance in priorVariances {
            do { try CRMPosterior.validatePriorVariance(variance) } catch {
                throw InvalidInput(
                    parameter: priorVariances.count > 1 ? "prior-variances" : "prior-variance",
                    requirement: error.requirement, value: error.value)
            }
        }
        try Validate.interval(spacing, "spacing", above: 0, below: min(target, 1 - target))
        self.target = goal.target
        self.levels = levels
        self.priorMTD = priorMTD
        self.patients = patients
        self.start = start ?? priorMTD
        self.cohort = cohort
        self.model = model
        self.intercept = intercept
        self.priorVariances = priorVariances
        self.spacing = spacing
        self.restrictions = restrictions
        // δ = 0.01, 0.02, … below min(θ, 1 − θ), keeping those whose skeleton exists.
        var grid: [Double] = []
        var i = 1
        while Double(i) * Self.halfwidthStep < min(target, 1 - target) - 1e-12 {
            let delta = Double(i) * Self.halfwidthStep
            if (try? Skeleton.calibrated(
                target: target, halfwidth: delta, levels: levels, priorMTD: priorMTD,
                model: model, intercept: intercept)) != nil
            {
                grid.append(delta)
            }
            i += 1
        }
        guard !grid.isEmpty else {
            throw InvalidInput(parameter: "intercept", requirement: "such that some half-width gives a skeleton", value: intercept)
        }
        halfwidths = grid
    }

    /// The calibration scenarios: row ℓ is the true DLT curve with the MTD at level ℓ + 1.
    public var scenarios: [[Double]] {
        (0..<levels).map { mtd in
            (0..<levels).map { k in k < mtd ? target - spacing : (k == mtd ? target : target + spacing) }
        }
    }

    /// One row of the calibration table: the CRM with one (δ, σ²) pair, simulated under every plateau scenario.
    public struct Row: Sendable, Equatable, Codable {
        /// The indifference half-width δ this row's skeleton is calibrated with.
        public let halfwidth: Double
        /// The prior variance σ² of β this row simulates.
        public let priorVariance: Double
        /// The skeleton calibrated for ``halfwidth``, level 1 first; it equals θ at the prior MTD.
        public let skeleton: [Double]
        /// P(correct selection) in each scenario.
        public let correctSelection: [Double]
        /// The mean of ``correctSelection`` over the K scenarios: the criterion the calibration maximises.
        public let averageCorrectSelection: Double
        /// Monte Carlo standard error of the average.
        public let standardError: Double
    }

    /// What ``run(trialsPerScenario:seed:threads:)`` found: every row searched and the best one.
    public struct Result: Sendable {
        /// The calibration that was run: its inputs and the δ grid.
        public let calibration: CRMCalibration
        /// One row per (δ, σ²) pair: δ ascending and, within each δ, the variances in the order given.
        public let rows: [Row]
        /// The row with the highest average probability of correct selection (the first in ``rows`` on a tie).
        public let best: Row
        /// Simulated trials for each scenario of each row.
        public let trialsPerScenario: Int
        /// The seed of every simulation: the same for every row and scenario (common random numbers); with the
        /// inputs and ``trialsPerScenario`` it fixes every number, whatever the thread count.
        public let seed: UInt64
    }

    /// Simulated trials per scenario and δ, at most this many.
    public static let maximumTrialsPerScenario = 100_000

    /// Simulated patient-trials over every scenario, half-width and variance, at most this many
    /// (the same budget as one simulation: about 2 minutes on one core in the slowest case).
    public static let maximumPatientTrials = CRMSimulationDesign.maximumPatientTrials

    /// - Throws: ``InvalidInput`` (`trials`) outside 1…100,000 or beyond 2 × 10⁷ simulated patient-trials in all.
    public func run(trialsPerScenario: Int, seed: UInt64, threads: Int) throws(DesignError) -> Result {
        try Validate.count(trialsPerScenario, "trials", in: 1...Self.maximumTrialsPerScenario)
        let pairs = halfwidths.count * priorVariances.count
        let work = trialsPerScenario * patients * levels * pairs
        guard work <= Self.maximumPatientTrials else {
            throw InvalidInput(
                parameter: "trials",
                requirement:
                    "such that trials × patients × levels × \(pairs) (half-width, variance) pairs ≤ \(Self.maximumPatientTrials) (at most \(Self.maximumPatientTrials / (patients * levels * pairs)) here; lower `trials`, or give fewer `prior-variances`)",
                value: String(trialsPerScenario))
        }
        // The cost model up front, at the widest grid of any variance tried (the grid does not
        // depend on the skeleton).
        let widest = try DoseToxicityModel(
            kind: model,
            skeleton: Skeleton.calibrated(
                target: target, halfwidth: halfwidths[0], levels: levels,
                priorMTD: priorMTD, model: model, intercept: intercept),
            intercept: intercept)
        try CRMSimulationDesign.checkBudget(
            patientTrials: work, model: widest, priorVariance: priorVariances.max() ?? 1,
            patients: patients, trials: trialsPerScenario)
        var rows: [Row] = []
        for delta in halfwidths {
            for priorVariance in priorVariances {
                let skeleton = try Skeleton.calibrated(
                    target: target, halfwidth: delta, levels: levels, priorMTD: priorMTD,
                    model: model, intercept: intercept)
                let doseModel = try DoseToxicityModel(kind: model, skeleton: skeleton, intercept: intercept)
                var pcs: [Double] = []
                var variance = 0.0
                for truth in scenarios {
                    let design = try CRMSimulationDesign(
                        model: doseModel, target: target, truth: truth, patients: patients,
                        start: start, cohort: cohort, priorVariance: priorVariance,
                        restrictions: restrictions)
                    let result = try design.simulate(trials: trialsPerScenario, seed: seed, threads: threads)
                    pcs.append(result.correctSelection.estimate)
                    variance += result.correctSelection.standardError * result.correctSelection.standardError
                }
                let average = pcs.reduce(0, +) / Double(levels)
                rows.append(
                    Row(
                        halfwidth: delta, priorVariance: priorVariance, skeleton: skeleton, correctSelection: pcs,
                        averageCorrectSelection: average, standardError: variance.squareRoot() / Double(levels)))
            }
        }
        let best = rows.max { $0.averageCorrectSelection < $1.averageCorrectSelection }!
        return Result(calibration: self, rows: rows, best: best, trialsPerScenario: trialsPerScenario, seed: seed)
    }
}
