import Probability
import RealModule

/// The analysis of a single-arm time-to-event trial as `trialsize survival` planned it: the
/// Kaplan-Meier curve with its median (and other quantiles) and landmark survival, and the
/// primary comparison against the historical control by the exact test on total time at
/// risk and by the one-sample log-rank test.
public struct SurvivalAnalysis: Sendable {
    /// The follow-up data, sorted by time.
    public let sample: SurvivalSample
    /// The historical control the tests compare with.
    public let control: ControlReference
    /// The two-sided level of every interval, in (0, 1).
    public let conf: Double
    /// The transform the Kaplan-Meier pointwise limits are built on.
    public let transform: ConfidenceTransform
    /// Event probabilities of the quantiles reported (0.5 is the median, always reported).
    public let quantiles: [Double]
    /// Landmark times at which survival is reported.
    public let landmarks: [Double]
    /// One-sided significance level the tests' decisions are stated at.
    public let alpha: Double

    /// The most quantiles one analysis accepts, besides the median that is always reported.
    public static let maximumQuantiles = 20
    /// The most landmark times one analysis reports.
    public static let maximumLandmarks = 50

    /// - Throws: ``InvalidInput`` naming `conf` (in (0, 1)), `quantile` (in (0, 1), at most 20),
    ///   `at` (finite times ≥ 0, at most 50) or `alpha` (in (0, 0.5]).
    public init(
        sample: SurvivalSample, control: ControlReference, conf: Double = 0.95,
        transform: ConfidenceTransform = .log, quantiles: [Double] = [], landmarks: [Double] = [],
        alpha: Double = 0.05
    ) throws(InvalidInput) {
        try Validate.probability(conf, "conf")
        try Validate.interval(alpha, "alpha", above: 0, below: 0.5, closedAbove: true)
        guard quantiles.count <= Self.maximumQuantiles else {
            throw InvalidInput(
                parameter: "quantile", requirement: "at most \(Self.maximumQuantiles) values", value: String(quantiles.count))
        }
        for q in quantiles { try Validate.probability(q, "quantile") }
        guard landmarks.count <= Self.maximumLandmarks else {
            throw InvalidInput(parameter: "at", requirement: "at most \(Self.maximumLandmarks) times", value: String(landmarks.count))
        }
        for t in landmarks { try Validate.nonNegative(t, "at") }
        self.sample = sample
        self.control = control
        self.conf = conf
        self.transform = transform
        var wanted = [0.5]
        for q in quantiles where !wanted.contains(q) { wanted.append(q) }
        self.quantiles = wanted
        self.landmarks = landmarks
        self.alpha = alpha
    }

    /// The exponential model's estimate, as the design assumed: λ̂ = O/T, median ln 2/λ̂, with
    /// the exact interval of ``OneSampleTests/exact(observed:expected:conf:)``.
    public struct ExponentialFit: Sendable, Equatable, Codable {
        /// The estimated hazard λ̂ = O/T: events per unit of time at risk.
        public let hazard: Double
        /// The exact lower limit of the hazard: the hazard ratio's lower limit times λ₀ (0 when there are no events).
        public let hazardLower: Double
        /// The exact upper limit of the hazard: the hazard ratio's upper limit times λ₀.
        public let hazardUpper: Double
        /// nil when there are no events (the estimate is infinite).
        public let median: Double?
        /// The lower limit of the median, ln 2 / ``hazardUpper``.
        public let medianLower: Double
        /// nil when there are no events (unbounded).
        public let medianUpper: Double?
    }

    /// The answer of ``analyze()``: the Kaplan-Meier curve and what is read off it, the tests against the control, and the warnings.
    public struct Result: Sendable {
        /// The Kaplan-Meier estimate with its pointwise limits.
        public let kaplanMeier: KaplanMeier
        /// The median survival time with its Brookmeyer-Crowley interval (the first of ``quantiles``).
        public let median: KaplanMeier.Quantile
        /// Every quantile asked for, the median first.
        public let quantiles: [KaplanMeier.Quantile]
        /// Survival with its interval at each landmark time, in the order given.
        public let landmarks: [KaplanMeier.Landmark]
        /// The exact test then the one-sample log-rank test; empty when E < 1e-300 (every time is 0, or the follow-up
        /// is far too short), with a warning.
        public let tests: [OneSampleTest]
        /// Only for an exponential control (shape 1); nil too when the tests are not computed or a value of the fit would
        /// overflow (with a warning).
        public let exponentialFit: ExponentialFit?
        /// Patients analysed (after a cut-off, those who had entered by it).
        public let patients: Int
        /// Events observed, O.
        public let events: Int
        /// Total time at risk T = Σ tᵢ, in the data's time unit.
        public let totalTime: Double
        /// Events expected under the control, E = Σ Λ₀(tᵢ).
        public let expectedEvents: Double
        /// The longest follow-up.
        public let maximumTime: Double
        /// What the reader must be told about the answer: quantiles not reached, landmarks beyond follow-up, tests not computed.
        public let warnings: [String]
    }

    /// Estimates the curve, reads the quantiles and landmarks off it, and runs both tests against the control.
    /// - Throws: ``DesignError`` (`input`) when the events expected under the control overflow; otherwise only a numerical failure.
    public func analyze() throws(DesignError) -> Result {
        try designErrors {
            let km = try KaplanMeier(sample, conf: conf, transform: transform)
            let quantiles = self.quantiles.map { km.quantile($0) }
            let landmarks = self.landmarks.map { km.landmark($0) }
            let o = sample.eventCount, t = sample.totalTime
            let e = OneSampleTests.expectedEvents(sample, control: control)
            // Times up to 1e300 against a control median down to 1e-300 can overflow E.
            guard e.isFinite else {
                throw InvalidInput(
                    parameter: "input", requirement: "follow-up times for which the expected events under the control are finite",
                    value: "more than 1.8e308 expected")
            }
            var warnings: [String] = []
            var tests: [OneSampleTest] = []
            var fit: ExponentialFit?
            // Below 1e-300 expected events the exact interval's upper hazard ratio, chi-square / 2E, may overflow.
            if e >= 1e-300 {
                let exact = try OneSampleTests.exact(observed: o, expected: e, conf: conf)
                tests = [exact, try OneSampleTests.logRank(observed: o, expected: e)]
                if control.isExponential, let upper = exact.hazardRatioUpper, let lowerRatio = exact.hazardRatioLower {
                    let l0 = control.hazard, ln2 = Double.log(2)
                    let lower = lowerRatio * l0
                    let candidate = ExponentialFit(
                        hazard: Double(o) / t, hazardLower: lower, hazardUpper: upper * l0,
                        median: o > 0 ? ln2 * t / Double(o) : nil, medianLower: ln2 / (upper * l0),
                        medianUpper: lower > 0 ? ln2 / lower : nil)
                    // An extreme total time (a few subnormal times) can make the hazard or a median overflow.
                    let values =
                        [candidate.hazard, candidate.hazardLower, candidate.hazardUpper, candidate.medianLower]
                        + [candidate.median, candidate.medianUpper].compactMap { $0 }
                    if values.allSatisfy(\.isFinite) {
                        fit = candidate
                    } else {
                        warnings.append(
                            "The total time at risk is too small for a finite exponential hazard: the exponential fit is not shown.")
                    }
                }
            } else if e > 0 {
                warnings.append(
                    "The follow-up is too short for any events to be expected under the control (fewer than 1e-300 expected): the tests against the control are not computed."
                )
            } else {
                warnings.append(
                    "Every follow-up time is 0, so no events are expected under the control: the tests against the control are not computed."
                )
            }
            if o == 0 {
                warnings.append("No events were observed: the median and every quantile are not reached, and the curve is flat at 1.")
            }
            for q in quantiles where q.estimate == nil && o > 0 {
                warnings.append(
                    "The \(q.probability == 0.5 ? "median" : "quantile \(q.probability)") is not reached: the curve stays above \(1 - q.probability) over the follow-up."
                )
            }
            for l in landmarks where l.beyondFollowUp {
                warnings.append(
                    "The landmark \(l.time) lies beyond the longest follow-up (\(sample.times.last!)): the curve is not estimated there.")
            }
            return Result(
                kaplanMeier: km, median: quantiles[0], quantiles: quantiles, landmarks: landmarks, tests: tests,
                exponentialFit: fit, patients: sample.count, events: o, totalTime: t, expectedEvents: e,
                maximumTime: sample.times.last!, warnings: warnings)
        }
    }
}
