import Probability
import RealModule

/// The Kaplan-Meier (product-limit) estimate of a survival curve, with Greenwood's variance and
/// pointwise confidence limits.
///
/// At each distinct time tⱼ with nⱼ patients at risk and dⱼ events (Kaplan & Meier, JASA
/// 1958;53:457-481):
///
///     Ŝ(t) = Π_{tⱼ ≤ t} (1 − dⱼ/nⱼ),
///     σ²(t) = Σ_{tⱼ ≤ t} dⱼ / (nⱼ (nⱼ − dⱼ))        (Greenwood 1926: the variance of log Ŝ),
///
/// and the limits at each time follow ``ConfidenceTransform``. Quantiles and their
/// Brookmeyer-Crowley intervals (Biometrics 1982;38:29-41) are read off the curve and its
/// limits with R's rule (``quantile(_:)``). Every number matches R's
/// `survfit(Surv(time, event) ~ 1, conf.type = ...)` (Tests/TrialDesignTests/Fixtures/km_*.csv).
public struct KaplanMeier: Sendable {
    /// One distinct time: who was at risk, what happened, and the curve just after it.
    public struct Step: Sendable, Equatable, Codable {
        /// The distinct follow-up time tⱼ, an event or a censoring time.
        public let time: Double
        /// Patients at risk just before `time`, nⱼ: those followed at least that long.
        public let atRisk: Int
        /// Events at `time`, dⱼ.
        public let events: Int
        /// Patients censored at `time` (still counted at risk of its events).
        public let censored: Int
        /// Ŝ just after `time`.
        public let survival: Double
        /// Greenwood's σ² of log Ŝ just after `time` (infinite once Ŝ = 0).
        public let variance: Double
        /// The pointwise lower confidence limit of Ŝ; nil where undefined (``ConfidenceTransform``).
        public let lower: Double?
        /// The pointwise upper confidence limit of Ŝ; nil where undefined.
        public let upper: Double?
    }

    /// One step per distinct time, ascending.
    public let steps: [Step]
    /// The two-sided level of every interval, in (0, 1).
    public let conf: Double
    /// The transform the pointwise limits, and so the quantiles' limits, are built on.
    public let transform: ConfidenceTransform
    /// Patients in the sample.
    public let count: Int

    /// The tolerance R's `quantile.survfit` allows when it asks whether the curve equals p
    /// (`sqrt(.Machine$double.eps)`).
    public static let flatTolerance = 1.4901161193847656e-08

    /// - Parameters:
    ///   - sample: the follow-up, sorted by time with events before censorings at a tie.
    ///   - conf: the two-sided level of every interval, in (0, 1).
    ///   - transform: the scale of the pointwise limits (R's `conf.type`; `log` by default, as `survfit`).
    /// - Throws: ``InvalidInput`` (parameter `conf`) outside (0, 1).
    public init(_ sample: SurvivalSample, conf: Double = 0.95, transform: ConfidenceTransform = .log) throws(InvalidInput) {
        try Validate.probability(conf, "conf")
        let z = Normal.standard.quantileOrZero(1 - (1 - conf) / 2)
        var steps: [Step] = []
        var atRisk = sample.count
        var survival = 1.0, variance = 0.0
        var i = 0
        let times = sample.times, events = sample.events
        while i < times.count {
            let time = times[i]
            var d = 0, c = 0
            while i < times.count, times[i] == time {
                if events[i] { d += 1 } else { c += 1 }
                i += 1
            }
            if d > 0 {
                survival *= 1 - Double(d) / Double(atRisk)
                variance += d == atRisk ? .infinity : Double(d) / (Double(atRisk) * Double(atRisk - d))
            }
            let limits = transform.interval(survival: survival, logStandardError: variance.squareRoot(), z: z)
            steps.append(
                Step(
                    time: time, atRisk: atRisk, events: d, censored: c, survival: survival,
                    variance: variance, lower: limits?.lower, upper: limits?.upper))
            atRisk -= d + c
        }
        self.steps = steps
        self.conf = conf
        self.transform = transform
        self.count = sample.count
    }

    /// The last step at or before `t`; nil before the first time.
    func step(at t: Double) -> Step? {
        var low = 0, high = steps.count  // first index with time > t
        while low < high {
            let mid = (low + high) / 2
            if steps[mid].time <= t { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : steps[low - 1]
    }

    /// The estimate at a landmark time.
    public struct Landmark: Sendable, Equatable, Codable {
        /// The landmark time, in the data's time unit.
        public let time: Double
        /// nil beyond the longest follow-up, where the curve is not estimated.
        public let survival: Double?
        /// The lower confidence limit of Ŝ(`time`); nil where undefined (Ŝ = 0, or Ŝ = 1 under log-log) or beyond the
        /// longest follow-up.
        public let lower: Double?
        /// The upper confidence limit of Ŝ(`time`); nil where the lower one is.
        public let upper: Double?
        /// Patients still at risk just before `time` (followed at least that long).
        public let atRisk: Int
        /// Whether `time` lies beyond the longest follow-up, where the curve is not estimated.
        public let beyondFollowUp: Bool
    }

    /// Ŝ(t) with its limits (R's `summary(fit, times = t)`); no estimate beyond the longest follow-up.
    public func landmark(_ t: Double) -> Landmark {
        let last = steps.last!.time
        let risk = atRisk(justBefore: t)
        guard let step = step(at: t) else {
            let limits = transform.interval(survival: 1, logStandardError: 0, z: 1)
            return Landmark(time: t, survival: 1, lower: limits?.lower, upper: limits?.upper, atRisk: risk, beyondFollowUp: false)
        }
        if t > last { return Landmark(time: t, survival: nil, lower: nil, upper: nil, atRisk: 0, beyondFollowUp: true) }
        return Landmark(
            time: t, survival: step.survival, lower: step.lower, upper: step.upper, atRisk: risk,
            beyondFollowUp: false)
    }

    /// Patients whose follow-up is at least `t` (the numbers-at-risk row of a plot).
    public func atRisk(justBefore t: Double) -> Int {
        var low = 0, high = steps.count  // first index with time >= t
        while low < high {
            let mid = (low + high) / 2
            if steps[mid].time < t { low = mid + 1 } else { high = mid }
        }
        return low == steps.count ? 0 : steps[low].atRisk
    }

    /// A quantile of the survival time: the time by which a fraction `probability` of patients
    /// have had the event (the median is 0.5), with its Brookmeyer-Crowley interval.
    public struct Quantile: Sendable, Equatable, Codable {
        /// The event probability of this quantile: 0.5 for the median, 0.25 for the time by which a quarter have had the event.
        public let probability: Double
        /// nil: not reached (the curve stays above 1 − probability).
        public let estimate: Double?
        /// nil: not estimable from these data.
        public let lower: Double?
        /// nil: unbounded above (the upper confidence limit of S stays above 1 − probability).
        public let upper: Double?
    }

    /// The quantile for `probability` (0.5 for the median) and its interval, by R's rule
    /// (`quantile.survfit`, survival 3.5): the estimate is the first time the curve falls to or
    /// below p = 1 − probability; where the curve sits at p (within ``flatTolerance``) over an
    /// interval, the midpoint of that interval, and where it sits at p to the end of
    /// follow-up, the midpoint between where it reached p and the longest follow-up. The
    /// interval applies the same rule to the lower limit of S, which falls to p first (giving
    /// the quantile's lower limit), and to the upper limit of S (its upper limit): Brookmeyer & Crowley's inversion
    /// of the pointwise test, with the chosen transform.
    public func quantile(_ probability: Double) -> Quantile {
        quantiles([probability])[0]
    }

    /// ``quantile(_:)`` for several probabilities, reading each curve once.
    public func quantiles(_ probabilities: [Double]) -> [Quantile] {
        let times = steps.map(\.time)
        let estimate = CrossingCurve(times, steps.map { $0.survival })
        let fromLower = CrossingCurve(times, steps.map(\.lower))
        let fromUpper = CrossingCurve(times, steps.map(\.upper))
        return probabilities.map { q in
            Quantile(probability: q, estimate: estimate.crossing(q), lower: fromLower.crossing(q), upper: fromUpper.crossing(q))
        }
    }
}

/// A step curve S read the way R's `survival:::findq` reads it, on the scale F = 1 − S
/// starting at (0, 0): repeated F values are dropped (the first time each value is reached
/// is kept), undefined values (R's NA) are skipped, and the quantile for probability q is
///
///     (x[i₁] + x[i₂]) / 2,   i₁ = the point with the smallest F ≥ q − tol,  i₂ = the smallest F ≥ q + tol,
///
/// which is the first time F reaches q when F passes q, and the midpoint of a flat stretch
/// where F = q (within tol). When no F reaches q + tol but the last value equals q, the flat
/// stretch runs to the longest follow-up x_max, and the answer is (x[i₁] + x_max)/2. For a
/// monotone curve "the smallest F ≥ q" is the first time it is reached; a confidence limit
/// need not be monotone, and R's rule (followed here) then takes the smallest value.
struct CrossingCurve {
    var x: [Double] = [0]
    var f: [Double] = [0]
    /// The last kept value; nil when it is undefined (then R skips the end-of-follow-up rule).
    var last: Double? = 0
    let xmax: Double
    var fmax = 0.0

    init(_ times: [Double], _ survival: [Double?]) {
        xmax = times.last ?? 0
        // F = 1 − S never decreases for the estimate and usually not for a limit; then a repeated
        // value can only follow its first occurrence, and no set of seen values is needed.
        var monotone = true, highest = 0.0
        for s in survival { if let s { let v = 1 - s; if v < highest { monotone = false; break }; highest = v } }
        var seen: Set<Double> = monotone ? [] : [0]
        var seenUndefined = false
        var previous: Double?? = .some(0)
        for (time, s) in zip(times, survival) {
            let value = s.map { 1 - $0 }
            if value == previous { continue }  // the common case: a censoring leaves the curve where it was
            previous = value
            if let value {
                if monotone {
                    guard value != f.last else { continue }
                } else {
                    guard seen.insert(value).inserted else { continue }
                }
                x.append(time)
                f.append(value)
                last = value
                fmax = max(fmax, value)
            } else {
                guard !seenUndefined else { continue }
                seenUndefined = true
                last = nil
            }
        }
    }

    /// The time for probability q, or nil (R's NA).
    func crossing(_ q: Double) -> Double? {
        let tol = KaplanMeier.flatTolerance
        guard fmax >= q else { return nil }
        var i1 = -1, i2 = -1
        for i in f.indices {
            if f[i] + tol >= q, i1 < 0 || f[i] < f[i1] { i1 = i }
            if f[i] - tol >= q, i2 < 0 || f[i] < f[i2] { i2 = i }
        }
        guard i1 >= 0 else { return nil }
        if let last, abs(q - last) < tol { return (x[i1] + xmax) / 2 }
        guard i2 >= 0 else { return nil }
        return (x[i1] + x[i2]) / 2
    }
}

extension Normal {
    /// Φ⁻¹(p) for 0 < p < 1 (never throws there); 0 otherwise, never reached by validated input.
    func quantileOrZero(_ p: Double) -> Double { (try? quantile(p)) ?? 0 }
}
