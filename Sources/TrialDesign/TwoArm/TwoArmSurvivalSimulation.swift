import Probability
import RealModule

/// Monte Carlo check of a two-arm survival design: simulate the planned trial many times under
/// H₀ (both arms at the control hazard) and under H₁ (the experimental arm at h · λ_C), analyse
/// each by the log-rank test, and count rejections.
///
/// One simulated trial, with n_C control and n_E experimental patients:
/// 1. with `--dropout q`, each patient independently contributes nothing with probability q;
/// 2. entry uniform on [0, A] (A = n/R under an accrual rate), analysis at calendar time A + F, so a
///    patient is censored at A + F − entry; with no accrual given, no administrative censoring;
/// 3. an exponential event time at the arm's hazard and, with `--loss-rate η`, an exponential loss
///    time censoring the patient if it comes first;
/// 4. the log-rank statistic Z = (O_E − E_E)/√V, with the hypergeometric variance summed over
///    event times; a one-sided test rejects in the direction of the alternative (Z ≤ −z₁₋α when
///    h < 1), a two-sided one when |Z| ≥ z₁₋α/2.
///
/// The analysis is calendar-driven (at A + F), so the events observed vary around those planned.
/// Trials run in blocks through `MonteCarlo.run(trials:seed:threads:_:)`; trial i draws its
/// H₀ patients, then its H₁ patients, from its block's stream, so the answer does not depend on
/// the number of threads.
public enum TwoArmSurvivalSimulation {
    /// The most simulated trials per run.
    public static let maximumTrials = 1_000_000
    /// trials × patients ≤ this (each trial is simulated under H₀ and H₁): about 3 s on 2 idle cores.
    public static let maximumPatientDraws = 40_000_000

    /// The rejection counts of one run under H₀ and under H₁, with the sizes and seed that reproduce it.
    public struct Result: Sendable, Equatable, Codable {
        /// N, the number of simulated trials under each hypothesis (each trial is simulated once under H₀, once under H₁).
        public let trials: Int
        /// The run's seed: the same seed gives the same counts on any number of threads.
        public let seed: UInt64
        /// n_C, the patients enrolled in the control arm of each simulated trial (before any dropout).
        public let controlPatients: Int
        /// n_E, the patients enrolled in the experimental arm of each simulated trial (before any dropout).
        public let experimentalPatients: Int
        /// The trials simulated under H₀ (both arms at the control hazard) whose log-rank test rejected.
        public let nullRejections: Int
        /// The trials simulated under H₁ (the experimental arm at h · λ_C) whose log-rank test rejected.
        public let alternativeRejections: Int
        /// The mean number of events observed per trial under H₁.
        public let meanEvents: Double
        /// The simulated type I error, nullRejections / N (both tails when two-sided), to compare with the nominal α.
        public var typeIError: Double { Double(nullRejections) / Double(trials) }
        /// The simulated power, alternativeRejections / N: the log-rank test's power for the planned trial, up to Monte Carlo error.
        public var power: Double { Double(alternativeRejections) / Double(trials) }
        /// √(p(1 − p)/N).
        public var typeIErrorStandardError: Double { (typeIError * (1 - typeIError) / Double(trials)).squareRoot() }
        /// The Monte Carlo standard error of ``power``, √(p(1 − p)/N).
        public var powerStandardError: Double { (power * (1 - power) / Double(trials)).squareRoot() }
    }

    /// Refuses a simulation beyond the caps before any work.
    public static func check(trials: Int, patients: Int?) throws(DesignError) {
        try Validate.count(trials, "simulate", in: 1...maximumTrials)
        guard let patients else { return }
        guard trials.multipliedReportingOverflow(by: patients).partialValue <= maximumPatientDraws else {
            throw DesignError(
                parameter: "simulate",
                requirement:
                    "at most \(maximumPatientDraws / patients) with \(patients) patients (trials x patients <= \(maximumPatientDraws))",
                value: String(trials))
        }
        // The cap is sized to the budget, so alone this never refuses; it matters when the
        // budget is shared (a sensitivity grid's points).
        try WorkBudget.check(
            units: Double(trials) * Double(patients), secondsPerUnit: WorkBudget.defaultSeconds / Double(maximumPatientDraws),
            what: "simulated trial-patients", parameter: "simulate", value: String(trials),
            howToProceed: "lower `simulate` or `patients`")
    }

    /// Simulates `trials` trials with `control` and `experimental` patients.
    public static func run(
        _ design: TwoArmSurvival, control: Int, experimental: Int, trials: Int, seed: UInt64,
        threads: Int = MonteCarlo.defaultThreads
    ) throws(DesignError) -> Result {
        try check(trials: trials, patients: control + experimental)
        let z = try DesignError.numerics { () throws(ProbabilityError) in try Normal.standard.upperQuantile(design.rates.tailAlpha) }
        let plan = Plan(design: design, control: control, experimental: experimental, critical: z)
        let blocks: [[Int]]
        do {
            blocks = try MonteCarlo.run(trials: trials, seed: seed, threads: threads) { range, stream in
                var scratch = [Patient](), sortBuffer = [Patient]()
                scratch.reserveCapacity(control + experimental)
                var counts = [0, 0, 0]
                for _ in range {
                    if plan.simulate(underAlternative: false, stream, &scratch, &sortBuffer).rejects { counts[0] += 1 }
                    let alternative = plan.simulate(underAlternative: true, stream, &scratch, &sortBuffer)
                    if alternative.rejects { counts[1] += 1 }
                    counts[2] += alternative.events
                }
                return counts
            }
        } catch let error as ProbabilityError {
            throw DesignError(error)
        } catch {
            throw DesignError(ProbabilityError.nonFinite(function: "TwoArmSurvivalSimulation.run", detail: "\(error)"))
        }
        let events = blocks.reduce(0) { $0 + $1[2] }
        return Result(
            trials: trials, seed: seed, controlPatients: control, experimentalPatients: experimental,
            nullRejections: blocks.reduce(0) { $0 + $1[0] }, alternativeRejections: blocks.reduce(0) { $0 + $1[1] },
            meanEvents: Double(events) / Double(trials))
    }

    /// One simulated patient packed into a sortable key: the bit pattern of the (positive) observed
    /// time, whose order as an unsigned integer is the time's order, with its two lowest mantissa
    /// bits replaced by the event flag (bit 0) and the arm (bit 1). The time moves by at most
    /// 3 units in the last place, far below any tie that matters; sorting plain integers is what
    /// makes 10⁵ trials of 200 patients take about a second.
    typealias Patient = UInt64

    @inline(__always) static func pack(time: Double, event: Bool, experimental: Bool) -> Patient {
        (time.bitPattern & ~3) | (event ? 1 : 0) | (experimental ? 2 : 0)
    }

    /// Everything one simulated trial needs, fixed before the run.
    struct Plan: Sendable {
        let design: TwoArmSurvival
        let control: Int
        let experimental: Int
        let critical: Double

        /// One trial: its log-rank decision and the events observed.
        func simulate(
            underAlternative: Bool, _ stream: RandomStream, _ patients: inout [Patient],
            _ sortBuffer: inout [Patient]
        ) -> (rejects: Bool, events: Int) {
            patients.removeAll(keepingCapacity: true)
            let n = control + experimental
            let periods = design.followUp.observation(patients: Double(n))
            let q = 1 - design.loss.retained
            let eta = design.loss.rate
            let controlMean = 1 / design.controlHazard
            let experimentalMean = underAlternative ? 1 / design.experimentalHazard : controlMean
            for i in 0..<n {
                let isExperimental = i >= control
                if q > 0, stream.bernoulli(q) { continue }
                var censor = Double.infinity
                if let periods { censor = periods.accrual + periods.followUp - periods.accrual * stream.uniform() }
                let eventTime = stream.exponential(mean: isExperimental ? experimentalMean : controlMean)
                if eta > 0 { censor = min(censor, stream.exponential(mean: 1 / eta)) }
                patients.append(
                    TwoArmSurvivalSimulation.pack(
                        time: min(eventTime, censor), event: eventTime <= censor,
                        experimental: isExperimental))
            }
            let (z, events) = LogRank.statistic(&patients, sortBuffer: &sortBuffer)
            guard let z else { return (false, events) }
            switch design.rates.sides {
            case .twoSided: return (abs(z) >= critical, events)
            case .oneSided: return (design.hazardRatio < 1 ? z <= -critical : z >= critical, events)
            }
        }
    }
}

/// The two-sample log-rank statistic (Mantel 1966; Peto & Peto 1972).
enum LogRank {
    /// Z = (O_E − E_E)/√V over the distinct event times, with E_E = Σ d · n_E/n and
    /// V = Σ d (n_E/n)(1 − n_E/n)(n − d)/(n − 1); nil when V = 0 (no informative event). Sorts `patients` (packed keys, see ``TwoArmSurvivalSimulation/pack(time:event:experimental:)``)
    /// with ``PatientKeySort``, `sortBuffer` its second buffer.
    static func statistic(
        _ patients: inout [TwoArmSurvivalSimulation.Patient],
        sortBuffer: inout [TwoArmSurvivalSimulation.Patient]
    ) -> (z: Double?, events: Int) {
        PatientKeySort.sort(&patients, scratch: &sortBuffer)
        var atRisk = Double(patients.count)
        var atRiskExperimental = Double(patients.reduce(0) { $0 + Int(($1 >> 1) & 1) })
        var observedMinusExpected = 0.0, variance = 0.0
        var events = 0
        var i = 0
        while i < patients.count {
            // Patients whose times agree but for the two flag bits are tied.
            let time = patients[i] >> 2
            var d = 0.0, dE = 0.0, leaving = 0.0, leavingE = 0.0
            while i < patients.count, patients[i] >> 2 == time {
                let key = patients[i]
                let experimental = key & 2 != 0
                if key & 1 != 0 { d += 1; if experimental { dE += 1 } }
                leaving += 1
                if experimental { leavingE += 1 }
                i += 1
            }
            if d > 0 {
                let share = atRiskExperimental / atRisk
                observedMinusExpected += dE - d * share
                if atRisk > 1 { variance += d * share * (1 - share) * (atRisk - d) / (atRisk - 1) }
                events += Int(d)
            }
            atRisk -= leaving
            atRiskExperimental -= leavingE
        }
        guard variance > 0 else { return (nil, events) }
        return (observedMinusExpected / variance.squareRoot(), events)
    }
}
