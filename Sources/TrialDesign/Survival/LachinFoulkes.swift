import Probability
import RealModule

/// The one-sample hazard-scale form of Lachin & Foulkes (1986).
///
/// The hazard estimate λ̂ = D/T is approximately normal with variance λ² / (n φ(λ)), where
/// φ(λ) is the probability that a patient's event is observed by the analysis (accrual,
/// follow-up and loss enter only through φ). Evaluating the variance under each hypothesis,
///
///     √n |λ₀ − λ₁| = z₁₋α λ₀ / √φ(λ₀) + z₁₋β λ₁ / √φ(λ₁)
///
/// (the one-group form of Lachin & Foulkes 1986). Here e₀ = n φ(λ₀) and e₁ = n φ(λ₁) are the
/// expected events under each hypothesis, and with hazards scaled so λ₀ = 1 (h = λ₁/λ₀):
///
///     power = Φ( (|1 − h| − z₁₋α / √e₀) / (h / √e₁) ).
///
/// Because the variance is taken on the hazard scale, not the log scale, it needs more events
/// than the log-hazard method for a longer median (32 rather than 27 on the seed question).
public enum LachinFoulkes {
    /// Φ((|1 − h| − z₁₋α/√e₀) / (h/√e₁)), plus the wrong tail's term two-sided.
    ///
    /// - Parameters:
    ///   - e0: Events expected under H₀ from the trial's patients (n φ(λ₀), fractional).
    ///   - e1: Events expected under H₁ from the same patients (n φ(λ₁), fractional).
    ///   - h: The hazard ratio λ₁/λ₀.
    ///   - rates: The nominal α and sides (the target power is not used).
    public static func power(
        eventsUnderNull e0: Double, eventsUnderAlternative e1: Double, hazardRatio h: Double,
        rates: ErrorRates
    ) throws(DesignError) -> Double {
        try designErrors {
            try NormalTestPower.power(
                shift: abs(1 - h), nullSpread: 1 / e0.squareRoot(),
                alternativeSpread: h / e1.squareRoot(), rates: rates)
        }
    }
}
