import Probability
import RealModule

/// A simulation check of a two-stage one-sample log-rank design: the trial as run, under H₀ and
/// under H₁.
///
/// Each simulated trial draws n entry times uniformly over the accrual period [0, n/rate] (as
/// OneArm2stage's `GenDat_KJ`), Weibull event times from S₀ (H₀) or S₁ = S₀^δ (H₁), and
/// exponential loss times when a loss rate is given. At t₁ the patients entered by then are
/// analysed on their follow-up to t₁: Z₁ = (E₁ − O₁)/√E₁, with E₁ = Σ Λ₀(xᵢ); the trial stops
/// when Z₁ ≤ c₁ (or when no event is expected yet, E₁ = 0, which the normal approximation cannot
/// judge; counted as continuing). Otherwise every patient is analysed at n/rate + F and H₀ is
/// rejected when Z > c. The patients enrolled are those entered by t₁ when the trial stops, else n.
///
/// Blocks of trials use `RandomStream`(seed, block) through `MonteCarlo.run`, so the answer
/// is the same on any number of threads.
public enum TwoStageSimulation {
    /// The documented cap: trials × n ≤ this (each trial simulated under H₀ and H₁), so a check
    /// stays within about 10 s (4·10⁷ patient draws took 9.5 s on one loaded core).
    public static let maximumPatientDraws = 40_000_000

    /// What the simulated trials under one hypothesis (H₀ or H₁) did, as counts and sums over the trials.
    public struct Arm: Sendable, Equatable, Codable {
        /// Trials that rejected H₀ at the final analysis (Z > c after continuing past the interim).
        public let rejections: Int
        /// Trials stopped for futility at the interim (Z₁ ≤ c₁).
        public let earlyStops: Int
        /// The patients enrolled, summed over the trials: those entered by t₁ when a trial stopped, else n.
        public let patientsEnrolled: Double
        /// The squares of each trial's patients enrolled, summed over the trials (for the standard error of the mean).
        public let patientsEnrolledSquares: Double
    }

    /// The simulated operating characteristics of one two-stage design, each with its Monte Carlo standard error.
    public struct Result: Sendable, Equatable, Codable {
        /// Simulated trials under each hypothesis.
        public let trials: Int
        /// The seed the trials were drawn from; the same seed gives the same result on any number of threads.
        public let seed: UInt64
        /// The trials simulated under H₀ (the control median).
        public let null: Arm
        /// The trials simulated under H₁ (the alternative median).
        public let alternative: Arm

        func proportion(_ count: Int) -> Double { Double(count) / Double(trials) }
        func standardError(_ count: Int) -> Double {
            let p = proportion(count)
            return (p * (1 - p) / Double(trials)).squareRoot()
        }
        /// The simulated type I error: the share of trials under H₀ that rejected.
        public var alpha: Double { proportion(null.rejections) }
        /// Monte Carlo standard error of ``alpha``, √(p(1 − p)/trials).
        public var alphaStandardError: Double { standardError(null.rejections) }
        /// The simulated power: the share of trials under H₁ that rejected.
        public var power: Double { proportion(alternative.rejections) }
        /// Monte Carlo standard error of ``power``.
        public var powerStandardError: Double { standardError(alternative.rejections) }
        /// The simulated probability of stopping for futility at the interim under H₀.
        public var earlyStop: Double { proportion(null.earlyStops) }
        /// Monte Carlo standard error of ``earlyStop``.
        public var earlyStopStandardError: Double { standardError(null.earlyStops) }
        /// The simulated probability of stopping for futility at the interim under H₁.
        public var earlyStopAlternative: Double { proportion(alternative.earlyStops) }
        /// Monte Carlo standard error of ``earlyStopAlternative``.
        public var earlyStopAlternativeStandardError: Double { standardError(alternative.earlyStops) }
        func mean(_ arm: Arm) -> Double { arm.patientsEnrolled / Double(trials) }
        func meanStandardError(_ arm: Arm) -> Double {
            let m = mean(arm)
            let variance = max(0, arm.patientsEnrolledSquares / Double(trials) - m * m) * Double(trials) / Double(max(1, trials - 1))
            return (variance / Double(trials)).squareRoot()
        }
        /// The mean number of patients enrolled under H₀ (the simulated EN₀).
        public var expectedN: Double { mean(null) }
        /// The standard error of ``expectedN``: the sample standard deviation over √trials.
        public var expectedNStandardError: Double { meanStandardError(null) }
        /// The mean number of patients enrolled under H₁.
        public var expectedNAlternative: Double { mean(alternative) }
        /// The standard error of ``expectedNAlternative``.
        public var expectedNAlternativeStandardError: Double { meanStandardError(alternative) }
    }

    /// Refuses a run beyond the caps, before any work.
    public static func check(trials: Int, patients: Int) throws(DesignError) {
        try Validate.count(trials, "simulate", in: 1...SurvivalSimulation.maximumTrials)
        guard trials.multipliedReportingOverflow(by: patients).partialValue <= maximumPatientDraws else {
            throw DesignError(
                parameter: "simulate",
                requirement:
                    "at most \(maximumPatientDraws / patients) with a two-stage design of \(patients) patients (trials × patients <= \(maximumPatientDraws))",
                value: String(trials))
        }
        // The cap is sized to the budget, so alone this never refuses; it matters when the
        // budget is shared (a sensitivity grid's points).
        try WorkBudget.check(
            units: Double(trials) * Double(patients), secondsPerUnit: WorkBudget.defaultSeconds / Double(maximumPatientDraws),
            what: "simulated trial-patients", parameter: "simulate", value: String(trials),
            howToProceed: "lower `simulate`")
    }

    /// Simulates `trials` trials of design `d` under H₀ and under H₁, as it would be run (see the type's description).
    ///
    /// - Throws: ``DesignError`` (parameter `simulate`) beyond the caps of ``check(trials:patients:)``.
    public static func run(
        _ problem: TwoStageLogRank, _ d: TwoStageSurvivalDesign, trials: Int, seed: UInt64,
        threads: Int = MonteCarlo.defaultThreads
    ) throws(DesignError) -> Result {
        try designErrors {
            try check(trials: trials, patients: d.n)
            let setting = problem.design.setting
            let ln2 = Double.log(2)
            let k = setting.shape
            let m0 = setting.controlMedian
            let nullScale = m0 / Double.pow(ln2, 1 / k)
            let alternativeScale = problem.design.median / Double.pow(ln2, 1 / k)
            let accrual = Double(d.n) / problem.rate
            let t1 = d.interimTime, end = d.finalTime
            let eta = setting.loss.rate
            let cap = problem.maximumFollowUp ?? .infinity
            let n = d.n, c1 = d.c1, c = d.c
            // Λ₀(t) = ln 2 (t/m₀)^k.
            @Sendable func cumulative(_ t: Double) -> Double { ln2 * Double.pow(t / m0, k) }
            @Sendable func trial(_ scale: Double, _ stream: RandomStream) -> (reject: Bool, stop: Bool, enrolled: Int) {
                var o1 = 0.0, e1 = 0.0, o = 0.0, e = 0.0, entered = 0
                for _ in 0..<n {
                    let entry = accrual * stream.uniform()
                    let time = scale * Double.pow(-Double.log(stream.uniform()), 1 / k)
                    let loss = eta > 0 ? -Double.log(stream.uniform()) / eta : Double.infinity
                    let event = min(time, loss, cap)
                    let isEvent = time <= loss && time <= cap
                    if entry <= t1 {
                        entered += 1
                        let x = min(event, t1 - entry)
                        if isEvent && time <= t1 - entry { o1 += 1 }
                        e1 += cumulative(x)
                    }
                    let x = min(event, end - entry)
                    if isEvent && time <= end - entry { o += 1 }
                    e += cumulative(x)
                }
                if e1 > 0 && (e1 - o1) / e1.squareRoot() <= c1 { return (false, true, entered) }
                return (e > 0 && (e - o) / e.squareRoot() > c, false, n)
            }
            let blocks = try MonteCarlo.run(trials: trials, seed: seed, threads: threads) { range, stream in
                var counts = [0.0, 0, 0, 0, 0, 0, 0, 0]
                for _ in range {
                    for (arm, scale) in [(0, nullScale), (4, alternativeScale)] {
                        let r = trial(scale, stream)
                        if r.reject { counts[arm] += 1 }
                        if r.stop { counts[arm + 1] += 1 }
                        counts[arm + 2] += Double(r.enrolled)
                        counts[arm + 3] += Double(r.enrolled * r.enrolled)
                    }
                }
                return counts
            }
            func total(_ i: Int) -> Double { blocks.reduce(0) { $0 + $1[i] } }
            return Result(
                trials: trials, seed: seed,
                null: Arm(
                    rejections: Int(total(0)), earlyStops: Int(total(1)), patientsEnrolled: total(2), patientsEnrolledSquares: total(3)),
                alternative: Arm(
                    rejections: Int(total(4)), earlyStops: Int(total(5)), patientsEnrolled: total(6), patientsEnrolledSquares: total(7)))
        }
    }
}
