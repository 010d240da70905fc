import Probability

/// The sample size by simulated power: the smallest total n whose simulated log-rank power
/// meets the target (`SimulatedPowerSearch`, as `survival --search`).
extension TwoArmSurvivalSimulation {
    /// The largest `--search-max` accepted (total patients).
    public static let maximumSearchPatients = 10_000
    /// The cost model of a two-arm simulation: trials × total patients simulated trial-patients
    /// (each drawn under H₀ and under H₁, sorted and analysed by the log-rank test), at 1.5e-7 s
    /// each (10⁵ trials of 200 patients took 2.9 s on 2 threads, release build; docs/performance.md).
    public static let secondsPerTrialPatient = 1.5e-7

    static let searchCaps = SimulatedPowerSearch.Caps(
        maximumTrials: maximumTrials, limits: TwoArmSurvivalSolver.minimumPatients...maximumSearchPatients,
        maximumDraws: maximumPatientDraws, secondsPerTrialPatient: secondsPerTrialPatient)

    /// Refuses a search beyond the caps or the work budget before anything runs
    /// (`SimulatedPowerSearch.check(trials:upTo:caps:)`).
    public static func checkSearch(trials: Int, upTo limit: Int) throws(DesignError) {
        try SimulatedPowerSearch.check(trials: trials, upTo: limit, caps: searchCaps)
    }

    /// The smallest total n in 2...`limit` whose simulated power meets the target, each n split
    /// between the arms by ``TwoArmSurvivalSolver/split(_:_:)``, with common random numbers (the
    /// same seed at every n), galloping from `start` (the formula's n) and bisecting. Returns the
    /// run at n and at n − 1 (nil when n = 2).
    ///
    /// - Throws: ``DesignError`` naming `search-max` when even `limit` patients fall short.
    public static func search(
        _ design: TwoArmSurvival, trials: Int, seed: UInt64, upTo limit: Int,
        start: Int? = nil, threads: Int = MonteCarlo.defaultThreads
    ) throws(DesignError) -> (found: Result, below: Result?) {
        try checkSearch(trials: trials, upTo: limit)
        do {
            return try SimulatedPowerSearch.smallest(
                target: design.rates.power, lowest: TwoArmSurvivalSolver.minimumPatients, limit: limit, caps: searchCaps, start: start,
                simulate: { n in
                    let arms = try TwoArmSurvivalSolver.split(n, design.allocation)
                    return try run(
                        design, control: arms.control, experimental: arms.experimental, trials: trials, seed: seed, threads: threads)
                }, power: \.power)
        } catch let error as DesignError {
            throw error
        } catch {
            throw DesignError(numericalFailure: "two-arm search: \(error)")
        }
    }
}
