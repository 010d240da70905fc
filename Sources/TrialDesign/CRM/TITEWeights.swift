/// How a patient still inside the DLT window counts in the TITE-CRM likelihood
/// (Cheung & Chappell 2000, Biometrics 56:1177–1182).
///
/// A patient followed for u of a window T without a DLT contributes 1 − w·p_k(β) instead of 1 − p_k(β).
public enum TITEWeighting: String, Sendable, Codable, CaseIterable {
    /// w = min(u/T, 1): the DLT risk is spread evenly over the window.
    case linear
    /// The adaptive weight of Cheung & Chappell (2000, §2.2), as dfcrm's `titecrm(scheme = "adaptive")`:
    /// with the z observed DLT times as fractions of T sorted, t₍₁₎ ≤ … ≤ t₍z₎ (t₍₀₎ = 0, t₍z+1₎ = 1), a
    /// patient at fraction v = u/T with m of them ≤ v gets w = (m + (v − t₍m₎)/(t₍m+1₎ − t₍m₎))/(z + 1).
    /// With no DLT yet it is the linear weight.
    case adaptive

    /// The weight of each patient. `followUp[i]` is the time patient i has been followed, or for a patient
    /// with a DLT the time to the DLT; `window` is T. Patients with a DLT get weight 1.
    public func weights(followUp: [Double], dlt: [Bool], window: Double) -> [Double] {
        let fractions = followUp.map { min($0 / window, 1) }
        var weights = fractions
        for i in weights.indices where dlt[i] { weights[i] = 1 }
        guard self == .adaptive else { return weights }
        let support = zip(fractions, dlt).filter(\.1).map(\.0).sorted()
        let z = support.count
        guard z > 0 else { return weights }
        for i in weights.indices where !dlt[i] {
            let v = fractions[i]
            if v >= 1 { weights[i] = 1; continue }
            let m = support.lazy.filter { $0 <= v }.count
            let left = m == 0 ? 0 : support[m - 1]
            let right = m == z ? 1 : support[m]
            let within = right > left ? (v - left) / (right - left) : 0
            weights[i] = (Double(m) + within) / Double(z + 1)
        }
        return weights
    }
}
