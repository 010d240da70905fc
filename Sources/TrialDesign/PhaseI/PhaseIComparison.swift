import Probability

/// The 3+3, BOIN and the CRM on the same true dose–toxicity scenarios (`trialsize phase1 compare`).
///
/// - 3+3: exact (``ThreePlusThree``), from `start`; its sample size is random.
/// - BOIN: simulated (``BOINSimulationDesign``), `patients` in cohorts of `cohortSize` from `start`, the BOIN
///   package's defaults (φ1 = 0.6φ, φ2 = 1.4φ, elimination at 0.95).
/// - CRM: simulated (``CRMSimulationDesign``), empiric model with the skeleton calibrated by Lee & Cheung's
///   indifference interval (`halfwidth`, `priorMTD`), the same patients, cohorts and start, no skipping and no
///   escalation right after a DLT, no early stopping.
///
/// Common random numbers: both simulations use the same seed, the same blocks of trials, and one latent uniform
/// per patient in order (patient i of trial t has a DLT at dose d when u_{t,i} < p_d), so trial t of BOIN and
/// trial t of the CRM see the same patients; differences between the designs are not blurred by different draws.
public struct PhaseIComparison: Sendable {
    /// The target DLT probability.
    public let target: Double
    /// The true dose–toxicity curves, each a DLT probability per level.
    public let scenarios: [[Double]]
    /// Patients per trial for BOIN and the CRM.
    public let patients: Int
    /// Patients per cohort for BOIN and the CRM.
    public let cohortSize: Int
    /// The starting level of all three designs.
    public let start: Int
    /// The half-width of the indifference interval that calibrates the CRM skeleton.
    public let halfwidth: Double
    /// The level at which the CRM skeleton equals the target.
    public let priorMTD: Int
    /// BOIN's boundaries (the package's defaults for the target).
    public let boin: BOINBoundaries
    /// The CRM's calibrated skeleton.
    public let skeleton: [Double]

    /// - Throws: ``InvalidInput``: `target` outside (0.05, 0.6); scenarios with 2…20 levels each (the CRM needs 2),
    ///   all the same length; `patients` outside 1…200 or not a multiple of `cohort-size`; `start`, `prior-mtd`
    ///   outside the levels; `halfwidth` outside (0, min(target, 1 − target)).
    public init(
        target: Double, scenarios: [[Double]], patients: Int, cohortSize: Int = 1, start: Int = 1,
        halfwidth: Double = 0.05, priorMTD: Int? = nil
    ) throws(InvalidInput) {
        boin = try BOINBoundaries(target: target)
        guard let levels = scenarios.first?.count else {
            throw InvalidInput(parameter: "truth", requirement: "given at least once", value: "")
        }
        try Validate.count(levels, "truth", in: 2...BOINSelection.maximumLevels)
        try PhaseIParameters.cohortSize.validate(cohortSize)
        try Validate.count(patients, "patients", in: 1...CRMSimulationDesign.maximumPatients)
        guard patients % cohortSize == 0 else {
            throw InvalidInput(parameter: "patients", requirement: "a multiple of the cohort size (\(cohortSize))", value: String(patients))
        }
        try Validate.count(start, "start", in: 1...levels)
        let prior = priorMTD ?? (levels + 1) / 2
        try Validate.count(prior, "prior-mtd", in: 1...levels)
        skeleton = try Skeleton.calibrated(target: target, halfwidth: halfwidth, levels: levels, priorMTD: prior)
        self.target = target
        self.scenarios = scenarios
        self.patients = patients
        self.cohortSize = cohortSize
        self.start = start
        self.halfwidth = halfwidth
        self.priorMTD = prior
        // Each scenario's designs validate its truth.
        for truth in scenarios { _ = try design(truth) }
    }

    func design(_ truth: [Double]) throws(InvalidInput) -> (ThreePlusThree, BOINSimulationDesign, CRMSimulationDesign) {
        let threePlusThree = try ThreePlusThree(truth: truth, start: start, target: target)
        let boinDesign = try BOINSimulationDesign(
            boundaries: boin, truth: truth, cohortSize: cohortSize, cohorts: patients / cohortSize,
            start: start)
        let crm = try CRMSimulationDesign(
            model: try DoseToxicityModel(skeleton: skeleton), target: target, truth: truth,
            patients: patients, start: start, cohort: cohortSize)
        return (threePlusThree, boinDesign, crm)
    }

    /// One scenario's answer for each design.
    public struct Scenario: Sendable {
        /// The 3+3, exact.
        public let threePlusThree: DoseFindingCharacteristics
        /// BOIN, simulated.
        public let boin: DoseFindingCharacteristics
        /// The CRM, simulated.
        public let crm: DoseFindingCharacteristics
    }

    /// Refuses `trials` outside 1…1,000,000 or with trials × patients × scenarios × 2 designs beyond what the CRM allows.
    public func checkWork(trials: Int) throws(InvalidInput) {
        try Validate.count(trials, "trials", in: 1...CRMSimulationDesign.maximumTrials)
        let work = trials * patients * scenarios.count
        guard work <= CRMSimulationDesign.maximumPatientTrials else {
            throw InvalidInput(
                parameter: "trials",
                requirement:
                    "such that trials × patients × scenarios ≤ \(CRMSimulationDesign.maximumPatientTrials) (at most \(CRMSimulationDesign.maximumPatientTrials / (patients * scenarios.count)) here)",
                value: String(trials))
        }
    }

    /// Every scenario under every design; the answer does not depend on `threads`.
    public func run(trials: Int, seed: UInt64, threads: Int = MonteCarlo.defaultThreads) throws(DesignError) -> [Scenario] {
        try designErrors {
            try checkWork(trials: trials)
            return try scenarios.map { truth in
                let (threePlusThree, boinDesign, crm) = try design(truth)
                return Scenario(
                    threePlusThree: threePlusThree.characteristics(),
                    boin: try boinDesign.simulate(trials: trials, seed: seed, threads: threads),
                    crm: DoseFindingCharacteristics(crm: try crm.simulate(trials: trials, seed: seed, threads: threads)))
            }
        }
    }
}

extension DoseFindingCharacteristics {
    /// A CRM simulation in the common shape. The CRM always treats all its patients and never stops early (`none` 0);
    /// the standard error of the mean patients above the true MTD is bounded by the sum of the per-level SEs (the CRM's
    /// tally keeps per-level sums only), so it is conservative.
    init(crm r: CRMOperatingCharacteristics) {
        let d = r.design
        target = d.target
        truth = d.truth
        trials = r.trials
        selection = r.selection
        none = MonteCarloEstimate(exact: 0)
        patients = r.patientsPerLevel
        dlts = r.dltsPerLevel
        totalPatients = MonteCarloEstimate(exact: Double(d.patients))
        totalDLTs = MonteCarloEstimate(
            estimate: r.dltRate.estimate * Double(d.patients),
            standardError: r.dltRate.standardError * Double(d.patients))
        trueMTD = r.trueMTD
        let above = r.selection[r.trueMTD...]
        overdoseSelection = MonteCarloEstimate(
            count: Int((above.reduce(0) { $0 + $1.estimate } * Double(r.trials)).rounded()), of: r.trials)
        let patientsAbove = r.patientsPerLevel[r.trueMTD...]
        patientsAboveMTD = MonteCarloEstimate(
            estimate: patientsAbove.reduce(0) { $0 + $1.estimate },
            standardError: patientsAbove.reduce(0) { $0 + $1.standardError })
        duration = nil
    }
}

extension MonteCarloEstimate {
    init(estimate: Double, standardError: Double) {
        self.estimate = estimate
        self.standardError = standardError
    }
}
