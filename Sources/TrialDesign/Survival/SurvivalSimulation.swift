import Probability
import RealModule

/// Monte Carlo check of a single-arm survival design: simulate the planned trial many times
/// under H₀ and under H₁, analyse each with the method's own test, and count rejections.
///
/// One simulated trial of n patients:
/// 1. with `--dropout q`, each patient independently contributes nothing with probability q
///    (lost at entry: the assumption behind n / (1 − q));
/// 2. entry time uniform on [0, A] (A = n/R under an accrual rate); analysis at A + F, so the
///    patient is administratively censored at A + F − entry; with no accrual given, no censoring;
/// 3. event time from the reference survival (H₀: median m₀) or from S₀^h (H₁: median m₁),
///    Weibull with the reference's shape (exponential when k = 1);
/// 4. with `--loss-rate η`, an exponential loss time, censoring the patient if it comes first.
///
/// The analysis uses only D (observed events) and S = 2 Σ Λ₀(xᵢ) (twice the events expected
/// under H₀; for the exponential S = 2λ₀T with T the total time at risk), and rejects exactly
/// where ``UncensoredCharacteristics/rejectionRegion(method:events:nullEvents:design:)`` says:
/// with censored data the exact test treats 2λ₀T as χ²(2D), which is then only approximate
/// (its size is checked, not assumed); the log-hazard and cube-root tests use λ̂ = D/T; the log-rank test O = D and E = S/2.
///
/// Every time is simulated in control medians (each time divided by m₀): the control median
/// may be anywhere in [1e-300, 1e300] and x^k must neither underflow nor overflow for shapes
/// up to 20 (at m₀ = 1e-16 and k = 20 the unscaled x^k underflowed to zero and every trial rejected).
///
/// Trials run in blocks through `MonteCarlo.run(trials:seed:threads:_:)`; trial i draws H₀'s
/// patients then H₁'s from its block's stream, so results do not depend on the thread count.
/// Nothing is allocated per simulated trial.
public enum SurvivalSimulation {
    /// The most simulated trials per run (`--simulate`).
    public static let maximumTrials = 1_000_000
    /// The most simulated patients per run: trials × patients ≤ this (about 2 minutes on 2 cores).
    public static let maximumPatientDraws = 400_000_000
    /// The largest `--search-max` accepted.
    public static let maximumSearchPatients = 10_000
    /// The default upper end of the `--search` range.
    public static let defaultSearchPatients = 1_000

    /// The rejections counted in `trials` simulated trials of `patients` patients, under H₀ and under H₁.
    public struct Result: Sendable, Equatable, Codable {
        /// Simulated trials under each hypothesis.
        public let trials: Int
        /// The seed the trials were drawn from; the same seed gives the same result on any number of threads.
        public let seed: UInt64
        /// Patients enrolled in each simulated trial (with a dropout fraction, some contribute nothing).
        public let patients: Int
        /// Trials under H₀ that rejected H₀.
        public let nullRejections: Int
        /// Trials under H₁ that rejected H₀.
        public let alternativeRejections: Int
        /// The simulated type I error: the share of trials under H₀ that rejected (either tail when two-sided).
        public var typeIError: Double { Double(nullRejections) / Double(trials) }
        /// The simulated power: the share of trials under H₁ that rejected.
        public var power: Double { Double(alternativeRejections) / Double(trials) }
        /// Monte Carlo standard error of ``typeIError``, √(p(1 − p)/N) with N = `trials`.
        public var typeIErrorStandardError: Double { (typeIError * (1 - typeIError) / Double(trials)).squareRoot() }
        /// Monte Carlo standard error of ``power``, √(p(1 − p)/N).
        public var powerStandardError: Double { (power * (1 - power) / Double(trials)).squareRoot() }
    }

    /// Simulates `trials` trials of `patients` patients each.
    public static func run(
        _ design: SingleArmSurvival, method: SurvivalMethod, patients: Int, trials: Int,
        seed: UInt64, threads: Int = MonteCarlo.defaultThreads
    ) throws(DesignError) -> Result {
        try designErrors {
            try SurvivalSolver.checkApplicable(design.setting, method)
            try Validate.count(trials, "simulate", in: 1...maximumTrials)
            try Validate.count(patients, "patients", in: SurvivalSolver.minimumPatients...SurvivalSolver.maximumPatients)
            guard trials.multipliedReportingOverflow(by: patients).partialValue <= maximumPatientDraws else {
                throw InvalidInput(
                    parameter: "simulate",
                    requirement:
                        "at most \(maximumPatientDraws / patients) with \(patients) patients (trials × patients <= \(maximumPatientDraws))",
                    value: String(trials))
            }
            try checkBudget(
                units: Double(trials) * Double(patients), parameter: "simulate", value: trials,
                howToProceed: "lower `simulate` or `patients`")
            let plan = try TrialPlan(design, method: method, patients: patients)
            let blocks = try MonteCarlo.run(trials: trials, seed: seed, threads: threads) { range, stream in
                var counts = (null: 0, alternative: 0)
                for _ in range {
                    if plan.rejects(underAlternative: false, stream) { counts.null += 1 }
                    if plan.rejects(underAlternative: true, stream) { counts.alternative += 1 }
                }
                return [counts.null, counts.alternative]
            }
            return Result(
                trials: trials, seed: seed, patients: patients,
                nullRejections: blocks.reduce(0) { $0 + $1[0] },
                alternativeRejections: blocks.reduce(0) { $0 + $1[1] })
        }
    }

    /// The cost model of a simulation, before any work: trials × patients simulated trial-patients
    /// (each drawn under H₀ and under H₁), at 1.5e-7 s each (4 × 10⁸ took 62 to 76 s in the
    /// runs timed for issue 19, release build).
    public static let secondsPerTrialPatient = 1.5e-7

    /// The caps of the single-arm search.
    static let searchCaps = SimulatedPowerSearch.Caps(
        maximumTrials: maximumTrials, limits: SurvivalSolver.minimumPatients...maximumSearchPatients,
        maximumDraws: maximumPatientDraws, secondsPerTrialPatient: secondsPerTrialPatient)

    static func checkBudget(units: Double, parameter: String, value: Int, howToProceed: String) throws(InvalidInput) {
        try WorkBudget.check(
            units: units, secondsPerUnit: secondsPerTrialPatient, what: "simulated trial-patients",
            parameter: parameter, value: String(value), howToProceed: howToProceed)
    }

    /// Refuses a search beyond the caps or the budget before anything runs (`SimulatedPowerSearch.check(trials:upTo:caps:)`).
    public static func checkSearch(trials: Int, upTo limit: Int) throws(InvalidInput) {
        try SimulatedPowerSearch.check(trials: trials, upTo: limit, caps: searchCaps)
    }

    /// The smallest n in 2...`upTo` whose simulated power meets the target, with common random
    /// numbers (the same seed at every n), galloping from `start` (the formula's n, when known)
    /// and bisecting (`SimulatedPowerSearch`). Returns the result at n and at n − 1 (nil when n = 2).
    public static func search(
        _ design: SingleArmSurvival, method: SurvivalMethod, trials: Int, seed: UInt64,
        upTo limit: Int = defaultSearchPatients, start: Int? = nil,
        threads: Int = MonteCarlo.defaultThreads
    ) throws(DesignError) -> (found: Result, below: Result?) {
        try designErrors {
            try checkSearch(trials: trials, upTo: limit)
            return try SimulatedPowerSearch.smallest(
                target: design.setting.rates.power, lowest: SurvivalSolver.minimumPatients, limit: limit, caps: searchCaps, start: start,
                simulate: { try run(design, method: method, patients: $0, trials: trials, seed: seed, threads: threads) }, power: \.power)
        }
    }
}

/// Everything one simulated trial needs, computed once: the rejection regions for every D.
private struct TrialPlan: Sendable {
    let patients: Int
    let accrual: Double?
    let followUp: Double
    let lossRate: Double
    let dropout: Double
    let shape: Double
    let exponential: Bool
    /// Event-time scales under H₀ and H₁: exponential means, or Weibull scales.
    let nullScale: Double
    let alternativeScale: Double
    /// Λ₀(x) = cumulativeFactor · x^k.
    let cumulativeFactor: Double
    /// Reject when S > upper[D] or S < lower[D].
    let upper: [Double]
    let lower: [Double]

    init(_ design: SingleArmSurvival, method: SurvivalMethod, patients: Int) throws {
        let setting = design.setting
        self.patients = patients
        let periods = setting.followUp.observation(patients: Double(patients))
        // Time unit: the control median m₀ (so the control median is 1).
        let unit = setting.controlMedian
        accrual = periods.map { $0.accrual / unit }
        followUp = periods.map { $0.followUp / unit } ?? .infinity
        lossRate = setting.loss.rate * unit
        dropout = 1 - setting.loss.retained
        shape = setting.shape
        exponential = setting.isExponential
        let ln2 = Double.log(2)
        // Weibull with median m: scale b = m / (ln 2)^(1/k); exponential mean m / ln 2.
        let ratio = design.median / unit
        nullScale = exponential ? 1 / ln2 : 1 / Double.pow(ln2, 1 / shape)
        alternativeScale = exponential ? ratio / ln2 : ratio / Double.pow(ln2, 1 / shape)
        cumulativeFactor = ln2
        let nullEvents = try design.expectedEvents(patients: Double(patients), underNull: true)
        var upper = [Double](repeating: .infinity, count: patients + 1)
        var lower = [Double](repeating: -.infinity, count: patients + 1)
        for d in 0...patients {
            let region = try UncensoredCharacteristics.rejectionRegion(method: method, events: d, nullEvents: nullEvents, design: design)
            if let u = region.upper { upper[d] = u }
            if let l = region.lower { lower[d] = l }
        }
        self.upper = upper
        self.lower = lower
    }

    @inline(__always)
    func rejects(underAlternative: Bool, _ stream: RandomStream) -> Bool {
        let scale = underAlternative ? alternativeScale : nullScale
        var events = 0
        var cumulative = 0.0
        for _ in 0..<patients {
            if dropout > 0, stream.uniform() < dropout { continue }
            let standard = -Double.log(stream.uniform())
            let time = exponential ? scale * standard : scale * Double.pow(standard, 1 / shape)
            var limit = followUp
            if let accrual { limit = accrual + followUp - accrual * stream.uniform() }
            if lossRate > 0 { limit = min(limit, -Double.log(stream.uniform()) / lossRate) }
            let observed: Double
            if time <= limit {
                events += 1
                observed = time
            } else {
                observed = limit
            }
            cumulative += exponential ? observed : Double.pow(observed, shape)
        }
        let s = 2 * cumulativeFactor * cumulative
        return s > upper[events] || s < lower[events]
    }
}
