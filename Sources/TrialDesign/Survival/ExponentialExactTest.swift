import Probability

/// The exact test on total time at risk (Epstein & Sobel 1953).
///
/// With d exponential events and total time at risk T, 2λT ~ χ²(2d) exactly when every
/// patient is followed to the event (or the trial stops at the d-th event). To test
/// H₀: λ = λ₀ against a longer median (λ₁ < λ₀), reject when 2λ₀T > c, c = χ²₂d upper-α
/// quantile. Under H₁, 2λ₀T = (λ₀/λ₁) · 2λ₁T, so with ρ = λ₁/λ₀ = m₀/m₁
///
///     power(d) = P(χ²₂d > ρ · c),
///
/// and against a shorter median (ρ > 1) reject when 2λ₀T < χ²₂d lower-α quantile c′:
/// power = P(χ²₂d < ρ · c′). A two-sided test puts α/2 in each tail and adds both terms.
/// Seed check: m₀ = 8, m₁ = 13, one-sided α = 0.05 gives 0.8094 at d = 26 and 0.8523 at
/// d = 30 (Kearney et al. 2021). d may be fractional (the χ² family is continuous in its
/// degrees of freedom), which the patients-based power uses for expected events.
public enum ExponentialExactTest {
    /// The exact power with `events` events at hazard ratio ρ = λ₁/λ₀.
    public static func power(events: Double, hazardRatio rho: Double, rates: ErrorRates) throws(DesignError) -> Double {
        try designErrors {
            let chi = try ChiSquared(degreesOfFreedom: 2 * events)
            let tail = rates.tailAlpha
            var power = 0.0
            if rates.sides == .twoSided || rho < 1 {
                power += try chi.survival(rho * chi.upperQuantile(tail))
            }
            if rates.sides == .twoSided || rho > 1 {
                power += try chi.cdf(rho * chi.quantile(tail))
            }
            return min(power, 1)
        }
    }

    /// The critical values of 2λ₀T with d events: (lower, upper); a one-sided test uses one of them.
    public static func criticalValues(events: Int, rates: ErrorRates) throws(DesignError) -> (lower: Double, upper: Double) {
        try designErrors {
            let chi = try ChiSquared(degreesOfFreedom: 2 * Double(events))
            return (try chi.quantile(rates.tailAlpha), try chi.upperQuantile(rates.tailAlpha))
        }
    }
}
