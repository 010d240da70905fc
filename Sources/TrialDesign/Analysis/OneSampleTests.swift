import Probability
import RealModule

/// A test of one arm's survival data against the historical control, and its answer.
public struct OneSampleTest: Sendable, Equatable, Codable {
    /// Which of the two tests on data.
    public enum Method: String, Sendable, Codable {
        /// Exact Poisson test on the events given the expected count (total time at risk).
        case exactPoisson = "exact-poisson"
        /// The one-sample log-rank test.
        case oneSampleLogRank = "one-sample-log-rank"
    }

    /// The test this answer comes from.
    public let method: Method
    /// Observed events O.
    public let observed: Int
    /// Expected events under the control, E = Σ Λ₀(tᵢ).
    public let expected: Double
    /// The statistic: O for the exact test, Z = (E − O)/√E for the log-rank test.
    public let statistic: Double
    /// One-sided p-value against longer survival than the control (fewer events than expected).
    public let pValue: Double
    /// The hazard ratio against the control, O / E, and its exact two-sided interval at `conf`
    /// (exact test only; nil bounds for the log-rank test).
    public let hazardRatio: Double
    /// The exact lower limit of the hazard ratio (0 when O = 0); nil for the log-rank test.
    public let hazardRatioLower: Double?
    /// The exact upper limit of the hazard ratio; nil for the log-rank test.
    public let hazardRatioUpper: Double?
}

/// The tests on data that match the designs of `trialsize survival`.
///
/// Both compare the observed events O = Σ δᵢ with the number expected under the control,
/// E = Σ Λ₀(tᵢ), which for the exponential control is λ₀ T, T the total time at risk.
///
/// * Exact test (Epstein & Sobel 1953; Cox 1953): given the follow-up, O ~ Poisson(θ E) with θ
///   the hazard ratio against the control (exact for exponential or Weibull times with known
///   shape, since Λ₀(t) is then exponential with rate θ). H₀: θ = 1 against θ < 1 (longer
///   survival) has the exact one-sided p-value
///       p = P(Poisson(E) ≤ O) = Q(O + 1, E)
///   (Q the regularised upper incomplete gamma), and θ has the exact interval
///       [χ²_{a}(2O) / 2E,  χ²_{1−a}(2O + 2) / 2E],  a = (1 − conf)/2,
///   (Garwood 1936), whose lower end is 0 when O = 0. For the exponential control
///   λ = θ λ₀ and the median is ln 2 / λ.
/// * One-sample log-rank (Breslow 1975; Finkelstein, Muzikansky & Schoenfeld 2003; Wu 2015):
///       Z = (E − O)/√E,   p = 1 − Φ(Z),
///   as OneArm2stage's `LRT` prints it (vignette Example 4: O = 18, E = 16.0611, Z = −0.4838).
public enum OneSampleTests {
    /// E = Σ Λ₀(tᵢ).
    public static func expectedEvents(_ sample: SurvivalSample, control: ControlReference) -> Double {
        if control.isExponential { return sample.totalTime * control.hazard }
        var sum = 0.0
        for t in sample.times { sum += control.cumulativeHazard(t) }
        return sum
    }

    /// The exact Poisson test and the hazard ratio's exact interval.
    ///
    /// - Throws: ``DesignError`` (a numerical failure from the probability layer) only for arguments validation rules
    ///   out (E ≤ 0).
    public static func exact(observed o: Int, expected e: Double, conf: Double) throws(DesignError) -> OneSampleTest {
        try DesignError.numerics { () throws(ProbabilityError) in
            let a = (1 - conf) / 2
            let p = try Gamma(shape: Double(o + 1)).survival(e)
            let lower = o == 0 ? 0 : try Gamma(shape: Double(o)).quantile(a) / e
            let upper = try Gamma(shape: Double(o + 1)).upperQuantile(a) / e
            return OneSampleTest(
                method: .exactPoisson, observed: o, expected: e, statistic: Double(o), pValue: p,
                hazardRatio: Double(o) / e, hazardRatioLower: lower, hazardRatioUpper: upper)
        }
    }

    /// The one-sample log-rank test.
    public static func logRank(observed o: Int, expected e: Double) throws(DesignError) -> OneSampleTest {
        try DesignError.numerics { () throws(ProbabilityError) in
            let z = (e - Double(o)) / e.squareRoot()
            return OneSampleTest(
                method: .oneSampleLogRank, observed: o, expected: e, statistic: z,
                pValue: try Normal.standard.survival(z), hazardRatio: Double(o) / e,
                hazardRatioLower: nil, hazardRatioUpper: nil)
        }
    }
}
