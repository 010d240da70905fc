import Probability

/// Power of a test whose statistic is approximately normal.
///
/// Under H₀ the estimate has spread s₀ around its null value; under H₁ it has spread s₁ and
/// lies Δ ≥ 0 away from the null value in the direction tested. With z = z₁₋α/sides,
///
///     power = Φ((Δ − z·s₀) / s₁)  [+ Φ((−Δ − z·s₀) / s₁) for a two-sided test],
///
/// the second term being the (small) chance of rejecting in the wrong tail.
enum NormalTestPower {
    static func power(shift: Double, nullSpread: Double = 1, alternativeSpread: Double = 1, rates: ErrorRates) throws -> Double {
        let z = try Normal.standard.upperQuantile(rates.tailAlpha)
        var power = try Normal.standard.survival((z * nullSpread - shift) / alternativeSpread)
        if rates.sides == .twoSided {
            power += try Normal.standard.cdf((-z * nullSpread - shift) / alternativeSpread)
        }
        return min(power, 1)
    }
}
