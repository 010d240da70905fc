import Probability
import RealModule

/// The one-sample log-rank test and Wu's (2015) sample-size formula.
///
/// The test compares the observed events O = Σδᵢ with the number expected under the reference
/// survival, E = Σ Λ₀(xᵢ), where xᵢ is patient i's follow-up and Λ₀ the reference cumulative
/// hazard; Z = (E − O)/√E rejects for a longer survival when Z > z₁₋α. Under H₁ with hazard
/// ratio δ (proportional hazards, S₁ = S₀^δ) and censoring survival G(t), Wu defines
///
///     p₀ = ∫ S₁ λ₀ G dt,    p₁ = δ p₀,    p₀₀ = ∫ S₁ Λ₀ λ₀ G dt,    p₀₁ = δ p₀₀,
///     ω = p₁ − p₀,    σ² = p₁ − p₁² + 2p₀₀ − p₀² − 2p₀₁ + 2p₀p₁,
///     n = (√p₀ z₁₋α + σ z₁₋β)² / ω²,
///     power(n) = Φ( (√n |ω| − √p₀ z₁₋α) / σ )
///
/// (Wu J. Sample size calculation for the one-sample log-rank test. Pharm Stat 2015;14:26–33).
/// σ² is the exact variance of O − E under H₁, which is why the formula stays
/// accurate for small samples. G combines uniform accrual over [0, A], analysis at A + F, and
/// exponential loss: G(t) = e^(−ηt) · min(1, (A + F − t)/A) on [0, A + F]. Wu's worked example
/// (Weibull shape 1.22, median 9, δ = 1/1.75, A = 5, F = 3, one-sided α 0.05, power 0.8)
/// gives n = 87.3, so 88. The integrals use QUADPACK (`Quadrature`), in time scaled by m₀.
public enum OneSampleLogRank {
    /// Wu's four integrals for one design.
    public struct Terms: Sendable, Equatable {
        /// p₀ = ∫ S₁ λ₀ G dt: the mean of a patient's contribution Λ₀(xᵢ) to E under H₁.
        public let p0: Double
        /// p₁ = δ p₀: the probability that a patient's event is observed under H₁ (the expected share of O per patient).
        public let p1: Double
        /// p₀₀ = ∫ S₁ Λ₀ λ₀ G dt, a second-moment term of σ².
        public let p00: Double
        /// p₀₁ = δ p₀₀, the other second-moment term of σ².
        public let p01: Double

        /// ω = p₁ − p₀: the mean of (O − E)/n under H₁.
        public var omega: Double { p1 - p0 }
        /// σ: the standard deviation of (O − E)/√n under H₁.
        public var sigma: Double { max(p1 - p1 * p1 + 2 * p00 - p0 * p0 - 2 * p01 + 2 * p0 * p1, 0).squareRoot() }
    }

    /// The integrals for reference median m₀, shape k, hazard ratio δ, accrual A and follow-up F
    /// (nil: followed to the event), and loss rate η. With `maximumFollowUp` L each patient is
    /// followed at most L (restricted follow-up): G(t) is multiplied by 1{t < L}.
    public static func terms(
        controlMedian m0: Double, shape k: Double, hazardRatio delta: Double,
        periods: (accrual: Double, followUp: Double)?, lossRate eta: Double,
        maximumFollowUp: Double? = nil
    ) throws(DesignError) -> Terms {
        try designErrors {
            let ln2 = Double.log(2)
            // Time in units of m₀: u = t / m₀, so Λ₀(u) = ln2 · u^k and λ₀(u) du = k ln2 u^(k−1) du.
            let etaScaled = eta * m0
            func hazard(_ u: Double) -> Double { k * ln2 * Double.pow(u, k - 1) }
            func cumulative(_ u: Double) -> Double { ln2 * Double.pow(u, k) }
            func base(_ u: Double) -> Double {
                guard u > 0 else { return 0 }  // never sampled: QUADPACK's nodes are interior
                return Double.exp(-delta * cumulative(u) - etaScaled * u) * hazard(u)
            }
            // Beyond u_max the integrand is below e^(−800) of its scale (S₁ has underflowed): the
            // range is cut there, which keeps QUADPACK away from long stretches of zeros.
            let uMax = Double.pow(800 / (delta * ln2), 1 / k)
            // For k < 1 the hazard u^(k−1) is singular at 0, and QUADPACK can fail on it (k = 0.05);
            // there the integrals are taken in v = Λ₀(u) instead (λ₀(u) du = dv, u = (v / ln 2)^(1/k),
            // smooth at 0 when 1/k > 1). For k ≥ 1 the integrand is smooth in u and is left as it was.
            let inHazardScale = k < 1
            func time(_ v: Double) -> Double { Double.pow(v / ln2, 1 / k) }
            func integrate(_ lower: Double, _ upper: Double, _ f: @escaping (Double) -> Double) throws -> Double {
                guard inHazardScale else {
                    return try Quadrature.integrate(over: lower...upper, relativeTolerance: 1e-11) { base($0) * f($0) }.value
                }
                let vLower = cumulative(lower), vUpper = upper.isFinite ? cumulative(upper) : .infinity
                return try Quadrature.integrate(over: vLower...vUpper, relativeTolerance: 1e-11) { v in
                    let u = time(v)
                    return Double.exp(-delta * v - etaScaled * u) * f(u)
                }.value
            }
            let cap = maximumFollowUp.map { $0 / m0 } ?? .infinity
            func integral(_ weight: @escaping (Double) -> Double) throws -> Double {
                guard let (a, f) = periods.map({ ($0.accrual / m0, $0.followUp / m0) }) else {
                    return try integrate(0, min(cap, uMax.isFinite && cap.isFinite ? uMax : .infinity), weight)
                }
                let end = min(uMax, cap)
                var total = 0.0
                if f > 0 {
                    total += try integrate(0, min(f, end), weight)
                }
                if a > 0, f < end {
                    let tau = a + f
                    total += try integrate(f, min(tau, end)) { weight($0) * (tau - $0) / a }
                }
                return total
            }
            let p0 = try integral { _ in 1 }
            let p00 = try integral { cumulative($0) }
            return Terms(p0: p0, p1: delta * p0, p00: p00, p01: delta * p00)
        }
    }

    /// Power with `patients` patients contributing (fractional values allowed).
    public static func power(patients n: Double, terms: Terms, rates: ErrorRates) throws(DesignError) -> Double {
        try designErrors {
            let sigma = terms.sigma
            guard sigma > 0, terms.p0 > 0 else { return rates.alpha }
            return try NormalTestPower.power(
                shift: n.squareRoot() * abs(terms.omega), nullSpread: terms.p0.squareRoot(),
                alternativeSpread: sigma, rates: rates)
        }
    }

    /// Wu's closed-form (unrounded) sample size for a one-sided test (α/2 per tail when two-sided).
    public static func patients(terms: Terms, rates: ErrorRates) throws(DesignError) -> Double {
        try designErrors {
            let za = try Normal.standard.upperQuantile(rates.tailAlpha)
            let zb = try Normal.standard.upperQuantile(rates.beta)
            let root = (terms.p0.squareRoot() * za + terms.sigma * zb) / terms.omega
            return root * root
        }
    }
}
