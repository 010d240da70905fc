import Probability
import RealModule

/// The normal approximation on the log hazard.
///
/// The maximum-likelihood hazard λ̂ = d / T has ln λ̂ approximately normal with variance 1/d
/// (delta method on the exponential likelihood), so z = √d · ln(λ₀/λ̂) and
///
///     power(d) = Φ(√d · |ln(m₁/m₀)| − z₁₋α)   [+ Φ(−√d · |ln(m₁/m₀)| − z₁₋α/2) two-sided],
///     d = (z₁₋α + z₁₋β)² / ln²(m₁/m₀).
///
/// Seed check: m₀ = 8, m₁ = 13, one-sided α = 0.05, power 0.8: d = 26.23, so 27 events
/// (Kearney et al. 2021). The approximation is exact only as d → ∞.
public enum LogHazardTest {
    /// Φ(√d · |ln h| − z) when `events` = d events are observed (fractional allowed), with z = z₁₋α, or z₁₋α/₂ plus the
    /// wrong tail's term two-sided.
    ///
    /// `hazardRatio` is h = λ₁/λ₀; the power depends only on |ln h|, so a longer and a shorter median the same factor away
    /// from the control's have the same power. The target power in `rates` is not used.
    public static func power(events: Double, hazardRatio: Double, rates: ErrorRates) throws(DesignError) -> Double {
        try designErrors {
            try NormalTestPower.power(shift: events.squareRoot() * abs(Double.log(hazardRatio)), rates: rates)
        }
    }

    /// The closed-form (unrounded) events d = (z₁₋α + z₁₋β)² / (ln h)², with z₁₋α/₂ in place of z₁₋α for a
    /// two-sided test (`rates.tailAlpha`; the wrong tail's power is ignored here, as in the usual formula).
    public static func events(hazardRatio: Double, rates: ErrorRates) throws(DesignError) -> Double {
        try designErrors {
            let za = try Normal.standard.upperQuantile(rates.tailAlpha)
            let zb = try Normal.standard.upperQuantile(rates.beta)
            let effect = Double.log(hazardRatio)
            return (za + zb) * (za + zb) / (effect * effect)
        }
    }
}
