import Probability
import RealModule

/// The two-stage single-arm survival design on the one-sample log-rank test, with an interim
/// futility analysis (Kwak & Jung, Stat Med 2014; Wu, Chen, Wei, Weiss & Chauhan, Pharm Stat
/// 2020;19:214-229, the designs of the OneArm2stage R package).
///
/// Patients enter uniformly at `rate` per time unit; n patients take A = n/rate, and the final
/// analysis is at A + F. The interim analysis is at t₁ = n₁/rate, when n₁ patients have entered,
/// on their follow-up to t₁. With Z = (E − O)/√E (E the events expected under the reference
/// survival S₀, O those observed):
///
/// * at the interim, stop for futility when Z₁ ≤ c₁;
/// * at the final analysis, reject H₀ (declare the treatment promising) when Z > c.
///
/// **Joint distribution.** Per patient of the n (entry uniform over [0, A]), Wu's integrals
/// (``OneSampleLogRank/Terms``) with the censoring survival of each analysis give under H₁ the
/// mean ω and variance σ² of (E − O)/n and the expected E per patient p₀; with G₁(t) =
/// max(0, t₁ − t)/A at the interim they are n₁/n times the integrals of an accrual of length t₁
/// with no follow-up. Under H₀, (Z₁, Z) is bivariate normal with means 0 and correlation
/// ρ₀ = √(v₁/v) (v₁, v: E per patient under S₀ at each analysis; the score process has
/// independent increments). Under H₁ (Wu 2020, eq. 5–8),
///
///     Z₁ ~ N(√n ω₁/√p₀₁, σ₁²/p₀₁),   Z ~ N(√n ω/√p₀, σ²/p₀),   corr = σ₁/σ,
///
/// so α = P₀(Z₁ > c₁, Z > c) and power = P₁(Z₁ > c₁, Z > c) are bivariate normal orthant
/// probabilities (`BivariateNormal`). The probability of early stopping under H₀ is Φ(c₁),
/// and the expected sample size EN₀ = n − (n − n₁)Φ(c₁).
///
/// **Conventions and difference from OneArm2stage 1.2.1.** The interim mean above is √n ω₁/√p₀₁
/// with ω₁, p₀₁ per patient of the n (equivalently √n₁ times the per-patient values of the
/// patients entered by t₁). OneArm2stage's `phase2.TTE` multiplies the per-patient-of-n values
/// by √(rate · t₁) = √n₁ instead, as if only n₁ patients with entry spread over the whole
/// accrual period had been analysed (its `Sim` simulates exactly that), which understates the
/// interim information by the factor √(n₁/n). trialsize uses the design as run (every patient
/// entered by t₁ analysed; ``TwoStageSimulation`` checks it); ``Drift/oneArm2stage`` reproduces
/// OneArm2stage's convention for the tests.
public struct TwoStageLogRank: Sendable, Equatable {
    /// The single-arm design: control and alternative medians, shape, one-sided error rates, and loss rate.
    public let design: SingleArmSurvival
    /// Patients per time unit.
    public let rate: Double
    /// Follow-up after the last patient enters (with restricted follow-up, L: the final
    /// analysis is when the last patient has been followed L).
    public let followUp: Double
    /// Restricted follow-up L: each patient is followed at most L (OneArm2stage's rKJ designs);
    /// nil for follow-up to the analysis.
    public let maximumFollowUp: Double?

    /// The documented cap on the maximum sample size searched.
    public static let maximumPatients = 3000

    /// Which interim mean under H₁ (see the type's documentation).
    public enum Drift: Sendable, Equatable {
        /// √n ω₁/√p₀₁: every patient entered by t₁ is analysed (the design as run).
        case entered
        /// √(rate·t₁) ω₁/√p₀₁: OneArm2stage 1.2.1's `phase2.TTE`.
        case oneArm2stage
    }

    /// - Throws: ``DesignError`` unless the follow-up is set by an accrual rate, the test is
    ///   one-sided, the alternative is a longer median, and there is no dropout inflation.
    public init(design: SingleArmSurvival, maximumFollowUp: Double? = nil) throws(DesignError) {
        let setting = design.setting
        guard case let .accrualRate(rate, followUp) = setting.followUp else {
            throw DesignError(
                parameter: "two-stage", requirement: "needs `accrual-rate` (the interim time and the accrual period follow from it)",
                value: "")
        }
        guard setting.rates.sides == .oneSided else {
            throw DesignError(parameter: "sides", requirement: "1 with `two-stage` (a futility design tests one side)", value: "2")
        }
        guard design.favoursLongerSurvival else {
            throw DesignError(
                parameter: "median", requirement: "longer than `control-median` with `two-stage` (the design looks for a longer survival)",
                value: design.median)
        }
        if case .dropout = setting.loss {
            throw DesignError(
                parameter: "dropout", requirement: "left out with `two-stage` (use `loss-rate` for patients lost to follow-up)", value: "")
        }
        if let maximumFollowUp {
            guard maximumFollowUp.isFinite, maximumFollowUp > 0 else {
                throw DesignError(parameter: "max-follow-up", requirement: "a finite number > 0", value: maximumFollowUp)
            }
        }
        self.design = design
        self.rate = rate
        // With restricted follow-up the final analysis is L after the last entry.
        self.followUp = maximumFollowUp ?? followUp
        self.maximumFollowUp = maximumFollowUp
    }

    /// Normal-approximation parameters of (Z₁, Z) for n patients and the interim after n₁.
    public struct Moments: Sendable, Equatable {
        /// ρ₀ = √(v₁/v), the correlation of Z₁ and Z under H₀ (at most 1).
        public let nullCorrelation: Double
        /// σ₁/σ, the correlation of Z₁ and Z under H₁ (at most 1).
        public let alternativeCorrelation: Double
        /// The mean and standard deviation of Z₁ under H₁ (under H₀ it is standard normal).
        public let interimMean: Double, interimSpread: Double
        /// The mean and standard deviation of Z under H₁ (under H₀ it is standard normal).
        public let finalMean: Double, finalSpread: Double
        /// Expected events by the interim analysis among the patients entered by then, under H₀ and under H₁.
        public let interimEvents: (null: Double, alternative: Double)
        /// Expected events by the final analysis among the n patients, under H₀ and under H₁.
        public let finalEvents: (null: Double, alternative: Double)

        public static func == (a: Moments, b: Moments) -> Bool {
            a.nullCorrelation == b.nullCorrelation && a.alternativeCorrelation == b.alternativeCorrelation
                && a.interimMean == b.interimMean && a.finalMean == b.finalMean
        }
    }

    /// Wu's integrals (per patient) for an analysis of patients entered over `accrual` and
    /// followed `followUp` beyond, under H₁ and (hazard ratio 1) under H₀.
    struct Analysis {
        let alternative: OneSampleLogRank.Terms
        let null: OneSampleLogRank.Terms
    }

    func analysis(accrual: Double, followUp: Double) throws -> Analysis {
        let setting = design.setting
        let periods = (accrual: accrual, followUp: followUp)
        return Analysis(
            alternative: try OneSampleLogRank.terms(
                controlMedian: setting.controlMedian, shape: setting.shape, hazardRatio: design.hazardRatio,
                periods: periods, lossRate: setting.loss.rate, maximumFollowUp: maximumFollowUp),
            null: try OneSampleLogRank.terms(
                controlMedian: setting.controlMedian, shape: setting.shape, hazardRatio: 1,
                periods: periods, lossRate: setting.loss.rate, maximumFollowUp: maximumFollowUp))
    }

    /// The moments from the interim analysis (per patient entered by t₁) and the final one (per patient).
    func moments(n: Int, interimTime t1: Double, interim: Analysis, final: Analysis, drift: Drift = .entered) -> Moments {
        let fraction = t1 * rate / Double(n)
        func scaled(_ t: OneSampleLogRank.Terms) -> OneSampleLogRank.Terms {
            OneSampleLogRank.Terms(p0: fraction * t.p0, p1: fraction * t.p1, p00: fraction * t.p00, p01: fraction * t.p01)
        }
        let i = scaled(interim.alternative), f = final.alternative
        let v1 = fraction * interim.null.p0, v = final.null.p0
        let root = Double(n).squareRoot()
        let interimRoot = drift == .entered ? root : (rate * t1).squareRoot()
        return Moments(
            nullCorrelation: min(1, (v1 / v).squareRoot()),
            alternativeCorrelation: min(1, i.sigma / f.sigma),
            interimMean: interimRoot * abs(i.omega) / i.p0.squareRoot(), interimSpread: i.sigma / i.p0.squareRoot(),
            finalMean: root * abs(f.omega) / f.p0.squareRoot(), finalSpread: f.sigma / f.p0.squareRoot(),
            interimEvents: (Double(n) * v1, Double(n) * i.p1), finalEvents: (Double(n) * v, Double(n) * f.p1))
    }

    /// α = P₀(Z₁ > c₁, Z > c).
    static func alpha(_ m: Moments, c1: Double, c: Double) throws -> Double {
        try BivariateNormal(correlation: m.nullCorrelation).upperOrthant(c1, c)
    }

    /// Power = P₁(Z₁ > c₁, Z > c).
    static func power(_ m: Moments, c1: Double, c: Double) throws -> Double {
        try BivariateNormal(correlation: m.alternativeCorrelation)
            .upperOrthant((c1 - m.interimMean) / m.interimSpread, (c - m.finalMean) / m.finalSpread)
    }

    /// The final boundary c with P₀(Z₁ > c₁, Z > c) = α exactly (c ≤ z₁₋α; c decreases as c₁ rises).
    static func finalBoundary(_ m: Moments, c1: Double, alpha: Double) throws -> Double {
        let top = try Normal.standard.upperQuantile(alpha)
        if c1 == -.infinity { return top }
        // Safeguarded Newton: f(c) = P₀(Z₁ > c₁, Z > c) − α falls in c with
        // f′(c) = −φ(c) Φ((c₁ − ρc)/√(1 − ρ²)) rewritten for the upper tail of Z₁ given Z = c.
        let rho = m.nullCorrelation, spread = (1 - rho * rho).squareRoot()
        var low = -12.0, high = top
        guard try Self.alpha(m, c1: c1, c: low) - alpha > 0 else { return low }
        var c = top
        for _ in 0..<100 {
            let f = try Self.alpha(m, c1: c1, c: c) - alpha
            if f == 0 { return c }
            if f > 0 { low = c } else { high = c }
            let slope = spread > 0 ? -(try Normal.standard.density(c)) * (try Normal.standard.survival((c1 - rho * c) / spread)) : 0
            var next = slope < 0 ? c - f / slope : (low + high) / 2
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - c) <= 1e-13 * max(1, abs(c)) || high - low <= 1e-13 { return next }
            c = next
        }
        return c
    }

    /// The lowest interim boundary searched: below it the interim never stops (Φ(−8) ≈ 6e-16).
    static let lowestInterimBoundary = -8.0

    /// The largest c₁ (most early stopping under H₀) at which, with c at exact level α, the power
    /// still reaches the target; nil when even the single-stage test (c₁ = −∞) misses it.
    static func largestInterimBoundary(_ m: Moments, alpha: Double, power target: Double) throws -> (c1: Double, c: Double)? {
        let low = lowestInterimBoundary
        let top = try Normal.standard.upperQuantile(alpha) - 1e-9
        func slack(_ c1: Double) throws -> Double { try power(m, c1: c1, c: try finalBoundary(m, c1: c1, alpha: alpha)) - target }
        guard try slack(low) >= 0 else { return nil }
        if try slack(top) >= 0 { return (top, try finalBoundary(m, c1: top, alpha: alpha)) }
        let c1 = try RootFinding.brent(in: low...top, absoluteTolerance: 1e-9, relativeTolerance: 0, slack)
        // Brent returns a point within the tolerance of the root: step back until feasible.
        var feasible = c1
        for _ in 0..<100 where try slack(feasible) < 0 { feasible -= 1e-9 }
        guard try slack(feasible) >= 0 else { return nil }
        return (feasible, try finalBoundary(m, c1: feasible, alpha: alpha))
    }
}
