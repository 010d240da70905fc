import Probability
import RealModule

/// Lawless's cube-root test: the Wilson–Hilferty transform of the hazard estimate.
///
/// Since 2λT ~ χ²(2d) and λ̂ = d/T, (λ/λ̂)^(1/3) = (χ²₂d / 2d)^(1/3), which Wilson & Hilferty
/// (1931) showed is close to normal with mean 1 − c and variance c, c = 1/(9d)
/// (Lawless, *Statistical Models and Methods for Lifetime Data*, 2nd ed. 2003, §3.2). The test
/// statistic is z = [(λ₀/λ̂)^(1/3) − (1 − c)] / √c. Under H₁, (λ₀/λ̂)^(1/3) = r · X with
/// r = (λ₀/λ₁)^(1/3) and X ~ N(1 − c, c), so against a longer median
///
///     power(d) = P(r X > 1 − c + z₁₋α √c) = Φ( [r(1 − c) − (1 − c) − z₁₋α √c] / (r √c) ),
///
/// and symmetrically against a shorter one. This is the approximation the SWOG one-arm
/// survival calculator uses; it is far closer to the exact test than the log-hazard form.
public enum CubeRootTest {
    /// The cube-root test's power when `events` events are observed (fractional allowed, as for expected events).
    ///
    /// - Parameters:
    ///   - events: The observed events d, > 0.
    ///   - hazardRatio: λ₁/λ₀ = m₀/m₁: below 1 against a longer median, above 1 against a shorter one.
    ///   - rates: The nominal α and sides (the target power is not used).
    /// - Returns: The power in [0, 1]; two-sided it includes the small chance of rejecting in the wrong tail.
    public static func power(events: Double, hazardRatio: Double, rates: ErrorRates) throws(DesignError) -> Double {
        try designErrors {
            let c = 1 / (9 * events)
            let root = c.squareRoot()
            let r = Double.pow(hazardRatio, -1.0 / 3)
            let z = try Normal.standard.upperQuantile(rates.tailAlpha)
            let center = 1 - c
            var power = 0.0
            if rates.sides == .twoSided || hazardRatio < 1 {
                power += try Normal.standard.survival(((center + z * root) / r - center) / root)
            }
            if rates.sides == .twoSided || hazardRatio > 1 {
                power += try Normal.standard.cdf(((center - z * root) / r - center) / root)
            }
            return min(power, 1)
        }
    }
}
