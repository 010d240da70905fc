import Probability

/// How a simulated TITE-BOIN trial runs in time: the DLT assessment window and the accrual.
///
/// Assumptions (the setting of Yuan et al. 2018's simulations, with uniform times to DLT):
/// - patients arrive one at a time, as a Poisson process of `rate` patients per unit time (exponential gaps) or
///   one every 1/`rate` (`fixed`);
/// - a patient's DLT, if any, happens within the window, at a time uniform on (0, W) (latent uniform u < p: the
///   DLT happens at W·u/p);
/// - while accrual is suspended, arriving patients are not enrolled: the next patient is enrolled when accrual
///   resumes (the first time enough outcomes are known), and arrivals continue from there.
public struct TITEBOINSettings: Sendable, Equatable {
    /// The DLT assessment window W (any time unit; the accrual rate uses the same unit).
    public let window: Double
    /// Patients per unit time.
    public let rate: Double
    /// Poisson or fixed arrivals.
    public let arrival: TITESettings.Arrival

    /// - Throws: ``InvalidInput``: `window` not in (0, 10⁶]; `rate` not in [10⁻³, 10³].
    public init(window: Double, rate: Double, arrival: TITESettings.Arrival = .poisson) throws(InvalidInput) {
        try Validate.interval(window, "window", above: 0, below: TITESettings.maximumWindow, closedAbove: true)
        try PhaseIParameters.rate.validate(rate)
        self.window = window
        self.rate = rate
        self.arrival = arrival
    }
}

/// One simulated TITE-BOIN trial (``TITEBOINRule``), reusing its storage across the trials of a block.
///
/// The first cohort is treated at the starting level from time 0. The dose of each later cohort is decided when
/// its first patient arrives, from the outcomes known then; if accrual is suspended the decision waits for the
/// next DLT or window end at the current dose. Every patient of a cohort receives that dose. After the last
/// patient (or an early stop) everyone is followed to the end of their window, and the MTD is selected from the
/// complete data by ``BOINSelection``'s rule, as in BOIN. The trial's duration runs from the first arrival until
/// the last enrolled patient's DLT or window end.
struct TITEBOINTrial {
    let design: BOINSimulationDesign
    let tite: TITEBOINSettings
    let escalate: [Int]
    let deescalate: [Int]
    let eliminate: [Int]
    var n: [Int]
    var y: [Int]
    var m: [Int]
    var stft: [Double]
    /// Per patient: latent uniform (a DLT at dose d when latent < p_d), arrival gap, arrival time, level, DLT time.
    var latent: [Double]
    var gap: [Double]
    var arrival: [Double]
    var level: [Int]
    var dltTime: [Double]
    var selector: BOINSelector
    var selected = 0
    var duration = 0.0
    var enrolled = 0

    init(design: BOINSimulationDesign, tite: TITEBOINSettings, escalate: [Int], deescalate: [Int], eliminate: [Int]) {
        self.design = design
        self.tite = tite
        self.escalate = escalate
        self.deescalate = deescalate
        self.eliminate = eliminate
        n = [Int](repeating: 0, count: design.levels)
        y = n
        m = n
        stft = [Double](repeating: 0, count: design.levels)
        latent = [Double](repeating: 0, count: design.patients)
        gap = latent
        arrival = latent
        dltTime = latent
        level = [Int](repeating: 0, count: design.patients)
        selector = BOINSelector(levels: design.levels)
    }

    /// The counts known at time `t` over the `enrolled` patients: n (treated), y (DLTs seen), m (pending), STFT.
    mutating func observe(at t: Double) {
        let w = tite.window
        for k in 0..<design.levels { n[k] = 0; y[k] = 0; m[k] = 0; stft[k] = 0 }
        // Absolute times, computed exactly as in `nextEvent`, so a patient whose window ends at t is complete at t.
        for j in 0..<enrolled {
            let k = level[j]
            n[k] += 1
            if arrival[j] + dltTime[j] <= t {
                y[k] += 1
            } else if arrival[j] + w > t {
                m[k] += 1
                stft[k] += (t - arrival[j]) / w
            }
        }
    }

    /// The first time after `t` when a pending patient at level `d` has a DLT or completes the window.
    func nextEvent(after t: Double, level d: Int) -> Double {
        var next = Double.infinity
        for j in 0..<enrolled where level[j] == d {
            let end = arrival[j] + min(dltTime[j], tite.window)
            if end > t && end < next { next = end }
        }
        return next
    }

    mutating func run(_ stream: RandomStream) {
        let k = design.levels
        let total = design.patients
        let w = tite.window
        // Draw every random number first: latent uniforms, then arrival gaps.
        for i in 0..<total { latent[i] = stream.uniform() }
        for i in 0..<total { gap[i] = tite.arrival == .poisson ? stream.exponential(mean: 1 / tite.rate) : 1 / tite.rate }
        var d = design.start - 1
        var firstEliminated = k
        var stoppedForToxicity = false
        var clock = 0.0
        enrolled = 0
        let size = design.cohortSize
        cohorts: for cohort in 0..<design.cohorts {
            if cohort > 0 {
                clock += gap[enrolled]
                while true {
                    observe(at: clock)
                    firstEliminated = min(
                        firstEliminated, TITEBOINRule.firstEliminated(patients: n, dlts: y, pending: m, eliminate: eliminate))
                    let (action, next) = TITEBOINRule.decide(
                        d: d, levels: k, n: n[d], y: y[d], m: m[d], stft: stft[d], eliminated: firstEliminated,
                        target: design.boundaries.target, lambdaE: design.boundaries.lambdaE, lambdaD: design.boundaries.lambdaD,
                        escalateMax: escalate[n[d]], deescalateMin: deescalate[n[d]], stopAt: design.stopAt)
                    switch action {
                    case .suspend:
                        let resume = nextEvent(after: clock, level: d)
                        // A pending patient always has a later event; the guard only rules out an endless wait.
                        guard resume.isFinite else { break }
                        clock = resume
                        continue
                    case .stopForToxicity:
                        stoppedForToxicity = true
                        break cohorts
                    case .stopAndSelect:
                        break cohorts
                    case .escalate, .stay, .deescalate:
                        d = next ?? d
                    }
                    break
                }
            }
            let count = min(size, total - enrolled)
            for c in 0..<count {
                if c > 0 { clock += gap[enrolled] }
                let i = enrolled
                let p = design.truth[d]
                arrival[i] = clock
                level[i] = d
                dltTime[i] = latent[i] < p ? w * latent[i] / p : .infinity
                enrolled += 1
            }
        }
        // Complete follow-up: the final data and the trial's duration.
        duration = 0
        for i in 0..<k { n[i] = 0; y[i] = 0 }
        for j in 0..<enrolled {
            n[level[j]] += 1
            if dltTime[j] <= w { y[level[j]] += 1 }
            duration = max(duration, arrival[j] + min(dltTime[j], w))
        }
        if stoppedForToxicity {
            selected = 0
            return
        }
        var eliminatedAtEnd = k
        for i in 0..<k where n[i] >= 3 && y[i] >= eliminate[n[i]] { eliminatedAtEnd = i; break }
        let choice = selector.select(
            patients: n, dlts: y, firstEliminated: eliminatedAtEnd, target: design.boundaries.target,
            lambdaD: design.boundaries.lambdaD, boundMTD: design.boundMTD)
        selected = choice.map { $0 + 1 } ?? 0
    }
}
