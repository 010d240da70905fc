import RealModule

/// How a pointwise confidence interval for the survival S(t) is built from Greenwood's
/// variance (R's `survfit(conf.type = ...)`).
///
/// With σ²(t) = Σ_{tⱼ ≤ t} dⱼ / (nⱼ(nⱼ − dⱼ)) (Greenwood's formula for the variance of log Ŝ)
/// and z = Φ⁻¹(1 − (1 − conf)/2):
///
/// * `log` (R's default): exp(log Ŝ ± z σ), the upper limit capped at 1;
/// * `log-log` (Kalbfleisch & Prentice 1980; SAS's default): Ŝ^exp(∓ z σ / log Ŝ), always in [0, 1];
/// * `plain`: Ŝ ± z σ Ŝ, clipped to [0, 1].
///
/// Where Ŝ = 1 (before the first event) `log` and `plain` give (1, 1) and `log-log` is undefined
/// (log(−log 1) = −∞); where Ŝ = 0 every interval is undefined. Undefined limits are R's NA, and
/// trialsize reports no bound there.
public enum ConfidenceTransform: String, Sendable, Codable, CaseIterable {
    case log
    case logLog = "log-log"
    case plain

    /// (lower, upper) for Ŝ with standard error σ of log Ŝ; nil where undefined (R's NA).
    public func interval(survival s: Double, logStandardError sigma: Double, z: Double) -> (lower: Double, upper: Double)? {
        if s >= 1 { return self == .logLog ? nil : (1, 1) }
        guard s > 0, sigma.isFinite else { return nil }
        switch self {
        case .log:
            let logS = Double.log(s)
            return (Double.exp(logS - z * sigma), min(1, Double.exp(logS + z * sigma)))
        case .logLog:
            let logS = Double.log(s)
            // log(−log S) ± z σ / |log S|; a larger −log S is a smaller S.
            let centre = Double.log(-logS), spread = z * sigma / -logS
            return (Double.exp(-Double.exp(centre + spread)), Double.exp(-Double.exp(centre - spread)))
        case .plain:
            let half = z * sigma * s
            return (max(0, s - half), min(1, s + half))
        }
    }
}
