import Probability

/// The sample size by simulated power: the smallest total n whose simulated log-rank power
/// meets the target, as the single-arm ``SurvivalSimulation/search(_:method:trials:seed:upTo:start:threads:)``.
extension TwoArmSurvivalSimulation {
    /// The largest `--search-max` accepted (total patients).
    public static let maximumSearchPatients = 10_000
    /// The cost model of a two-arm simulation: trials × total patients simulated trial-patients
    /// (each drawn under H₀ and under H₁, sorted and analysed by the log-rank test), at 1.5e-7 s
    /// each (10⁵ trials of 200 patients took 2.9 s on 2 threads, release build; docs/performance.md).
    public static let secondsPerTrialPatient = 1.5e-7

    /// Refuses a search whose largest size would break the simulation cap or the work budget,
    /// before anything runs: `--simulate` × `--search-max` ≤ ``maximumPatientDraws``, and every
    /// size the search may try (at most 2⌈log₂ limit⌉ + 2, each of at most `limit` patients)
    /// within ``WorkBudget/defaultSeconds``.
    public static func checkSearch(trials: Int, upTo limit: Int) throws(DesignError) {
        try Validate.count(trials, "simulate", in: 1...maximumTrials)
        try Validate.count(limit, "search-max", in: TwoArmSurvivalSolver.minimumPatients...maximumSearchPatients)
        guard trials * limit <= maximumPatientDraws else {
            throw DesignError(parameter: "simulate",
                              requirement: "at most \(maximumPatientDraws / limit) with `search` up to `search-max` \(limit) (simulate × search-max <= \(maximumPatientDraws); lower `simulate` or `search-max`)",
                              value: String(trials))
        }
        try WorkBudget.check(units: Double(trials) * Double(limit) * Double(SurvivalSimulation.searchSizes(upTo: limit)),
                             secondsPerUnit: secondsPerTrialPatient, what: "simulated trial-patients", parameter: "simulate",
                             value: String(trials), howToProceed: "lower `simulate`, or `search-max` (to about twice the formula's n)")
    }

    /// The smallest total n in 2...`limit` whose simulated power meets the target, each n split
    /// between the arms by ``TwoArmSurvivalSolver/split(_:_:)``, with common random numbers (the
    /// same seed at every n), which keeps simulated power close to monotone in n. The search
    /// gallops from `start` (the formula's n) and then bisects. Returns the run at n and at
    /// n − 1 (nil when n = 2).
    ///
    /// - Throws: ``DesignError`` naming `search-max` when even `limit` patients fall short.
    public static func search(_ design: TwoArmSurvival, trials: Int, seed: UInt64, upTo limit: Int,
                              start: Int? = nil, threads: Int = MonteCarlo.defaultThreads) throws(DesignError) -> (found: Result, below: Result?) {
        try checkSearch(trials: trials, upTo: limit)
        let target = design.rates.power
        var runs: [Int: Result] = [:]
        func simulated(_ n: Int) throws(DesignError) -> Result {
            if let known = runs[n] { return known }
            let arms = try TwoArmSurvivalSolver.split(n, design.allocation)
            let result = try run(design, control: arms.control, experimental: arms.experimental, trials: trials, seed: seed, threads: threads)
            runs[n] = result
            return result
        }
        let lowest = TwoArmSurvivalSolver.minimumPatients
        let guess = Double(min(max(start ?? limit / 2, lowest), limit))
        var failure: DesignError?
        let found = try? IntegerSearch.firstMonotone(in: lowest...limit, from: guess) { n in
            do throws(DesignError) {
                return try simulated(n).power >= target
            } catch {
                failure = error
                throw error
            }
        }
        if let failure { throw failure }
        guard let n = found ?? nil else {
            throw DesignError(parameter: "search-max", requirement: "large enough for simulated power \(target) (raise it, up to \(maximumSearchPatients))",
                              value: String(limit))
        }
        let below = n > lowest ? try simulated(n - 1) : nil
        return (try simulated(n), below)
    }
}
