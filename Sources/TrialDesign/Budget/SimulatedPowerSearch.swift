import Probability

/// The sample size by simulated power, shared by `survival --search` and `two-arm survival
/// --search`: the smallest n whose simulated power meets the target, with the caps and the work
/// budget checked before anything runs.
///
/// Simulated power is close to monotone in n when every n uses the same seed (common random
/// numbers), so the search gallops from a start (the formula's n) and bisects
/// (``IntegerSearch/firstMonotone(in:from:where:)``): about 2 log₂|n − start| + 2 sizes, never
/// the whole range. Its worst case, which the budget bounds, is ``sizes(upTo:)`` sizes of at
/// most `limit` patients each.
enum SimulatedPowerSearch {
    /// The sizes a search over 2 ... `limit` may simulate, at most: 2⌈log₂ limit⌉ + 2.
    static func sizes(upTo limit: Int) -> Int {
        var bits = 0
        while (1 << bits) < limit { bits += 1 }
        return 2 * bits + 2
    }

    /// The caps of one kind of simulation.
    struct Caps {
        /// The most trials per size (`simulate`).
        let maximumTrials: Int
        /// The range of `search-max`.
        let limits: ClosedRange<Int>
        /// trials × search-max ≤ this.
        let maximumDraws: Int
        /// The cost model: seconds per simulated trial-patient.
        let secondsPerTrialPatient: Double
    }

    /// Refuses a search beyond the caps or the budget, before any work: `simulate` in range,
    /// `search-max` in range, `simulate` × `search-max` within the draws cap (so no size the
    /// search may reach is refused half-way), and the worst case within ``WorkBudget``.
    static func check(trials: Int, upTo limit: Int, caps: Caps) throws(DesignError) {
        try Validate.count(trials, "simulate", in: 1...caps.maximumTrials)
        try Validate.count(limit, "search-max", in: caps.limits)
        guard trials * limit <= caps.maximumDraws else {
            throw DesignError(
                parameter: "simulate",
                requirement:
                    "at most \(caps.maximumDraws / limit) with `search` up to `search-max` \(limit) (simulate × search-max <= \(caps.maximumDraws); lower `simulate` or `search-max`)",
                value: String(trials))
        }
        try WorkBudget.check(
            units: Double(trials) * Double(limit) * Double(sizes(upTo: limit)),
            secondsPerUnit: caps.secondsPerTrialPatient, what: "simulated trial-patients", parameter: "simulate",
            value: String(trials), howToProceed: "lower `simulate`, or `search-max` (to about twice the formula's n)")
    }

    /// The smallest n in `lowest`...`limit` whose simulated power (`power` of `simulate(n)`)
    /// meets `target`, galloping from `start`; each size is simulated once. Returns the run at n
    /// and at n − 1 (nil when n is `lowest`).
    ///
    /// - Throws: ``DesignError`` naming `search-max` when even `limit` falls short; whatever
    ///   `simulate` throws.
    static func smallest<Run>(
        target: Double, lowest: Int, limit: Int, caps: Caps, start: Int?,
        simulate: (Int) throws -> Run, power: (Run) -> Double
    ) throws -> (found: Run, below: Run?) {
        var runs: [Int: Run] = [:]
        func simulated(_ n: Int) throws -> Run {
            if let known = runs[n] { return known }
            let run = try simulate(n)
            runs[n] = run
            return run
        }
        let guess = Double(min(max(start ?? limit / 2, lowest), limit))
        guard let n = try IntegerSearch.firstMonotone(in: lowest...limit, from: guess, where: { try power(simulated($0)) >= target }) else {
            throw DesignError(
                parameter: "search-max",
                requirement: "large enough for simulated power \(target) (raise it, up to \(caps.limits.upperBound))",
                value: String(limit))
        }
        let below = n > lowest ? try simulated(n - 1) : nil
        return (try simulated(n), below)
    }
}
