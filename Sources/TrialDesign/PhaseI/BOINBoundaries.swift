import Probability
import RealModule

/// The Bayesian optimal interval (BOIN) design's escalation and de-escalation boundaries and its
/// decision table (Liu & Yuan 2015, JRSS-C 64:507; Yuan, Hess, Hilsenbeck & Gilbert 2016, Clin Cancer Res 22:4291).
///
/// With target φ, the highest DLT probability deemed subtherapeutic φ₁ and the lowest deemed overly
/// toxic φ₂, the boundaries minimising the probability of a wrong decision are
///
///     λe = log((1 − φ₁)/(1 − φ)) / log(φ(1 − φ₁) / (φ₁(1 − φ)))
///     λd = log((1 − φ)/(1 − φ₂)) / log(φ₂(1 − φ) / (φ(1 − φ₂)))
///
/// With y DLTs among n patients at the current dose: escalate when y/n ≤ λe, de-escalate when
/// y/n ≥ λd, stay otherwise. As counts: escalate when y ≤ ⌊λe·n⌋, de-escalate when y ≥ ⌈λd·n⌉
/// (⌊λd·n⌋ + 1 when λd·n is a whole number to within 10⁻¹²), as the BOIN package's `get.boundary`.
/// A dose (and every higher one) is eliminated when, from 3 patients on, P(p > φ | y, n) > cutoff under a
/// Beta(1, 1) prior, i.e. 1 − I_φ(y + 1, n − y + 1) > cutoff; the de-escalation boundary is then capped at
/// the elimination boundary.
public struct BOINBoundaries: Sendable, Equatable {
    /// The target DLT probability φ.
    public let target: Double
    /// φ₁: the highest DLT probability deemed subtherapeutic (default 0.6φ).
    public let phi1: Double
    /// φ₂: the lowest DLT probability deemed overly toxic (default 1.4φ).
    public let phi2: Double
    /// The posterior probability above which a dose is eliminated (the package's `cutoff.eli`).
    public let eliminationCutoff: Double
    /// The escalation boundary λe: escalate when the observed DLT rate is at most λe.
    public let lambdaE: Double
    /// The de-escalation boundary λd: de-escalate when the observed DLT rate is at least λd.
    public let lambdaD: Double

    /// The range of targets accepted (the BOIN package's own: 0.05…0.6).
    public static let targetRange = (lower: 0.05, upper: 0.6)
    /// The most patients a decision table (and a dose) can hold.
    public static let maximumPatients = 1000

    /// - Parameters:
    ///   - target: φ, in (0.05, 0.6).
    ///   - phi1: φ₁, default 0.6φ; must be in (0, 0.9φ] (the package's rule).
    ///   - phi2: φ₂, default 1.4φ; must be in [1.1φ, 1).
    ///   - eliminationCutoff: default 0.95, in [0.5, 1).
    /// - Throws: ``InvalidInput`` (`target`, `phi1`, `phi2`, `eliminate`).
    public init(target: Double, phi1: Double? = nil, phi2: Double? = nil, eliminationCutoff: Double = 0.95) throws(InvalidInput) {
        try PhaseIParameters.target.validate(target)
        let phi1 = phi1 ?? 0.6 * target
        let phi2 = phi2 ?? 1.4 * target
        // The BOIN package refuses φ₁ and φ₂ within 10% of the target (target − φ₁ < 0.1·target); so does trialsize.
        guard phi1 > 0, target - phi1 >= 0.1 * target else {
            throw InvalidInput(
                parameter: "phi1", requirement: "in (0, 0.9 × target] = (0, \(InvalidInput.describe(0.9 * target))]", value: phi1)
        }
        guard phi2 < 1, phi2 - target >= 0.1 * target else {
            throw InvalidInput(
                parameter: "phi2", requirement: "in [1.1 × target, 1) = [\(InvalidInput.describe(1.1 * target)), 1)", value: phi2)
        }
        try PhaseIParameters.eliminate.validate(eliminationCutoff)
        self.target = target
        self.phi1 = phi1
        self.phi2 = phi2
        self.eliminationCutoff = eliminationCutoff
        lambdaE = Self.log((1 - phi1) / (1 - target)) / Self.log(target * (1 - phi1) / (phi1 * (1 - target)))
        lambdaD = Self.log((1 - target) / (1 - phi2)) / Self.log(phi2 * (1 - target) / (target * (1 - phi2)))
    }

    private static func log(_ x: Double) -> Double { Double.log(x) }

    /// One column of the decision table: what to do with `n` patients treated at the current dose.
    public struct Row: Sendable, Equatable {
        /// Patients treated at the current dose.
        public let n: Int
        /// Escalate if DLTs ≤ this (−1: never).
        public let escalateMax: Int
        /// De-escalate if DLTs ≥ this.
        public let deescalateMin: Int
        /// Eliminate the dose and all higher ones if DLTs ≥ this; nil when no count eliminates (n < 3, or never).
        public let eliminateMin: Int?
    }

    /// The table for n = 1…`patients`.
    public func table(patients: Int) throws(InvalidInput) -> [Row] {
        try Validate.count(patients, "patients", in: 1...Self.maximumPatients)
        return (1...patients).map(row)
    }

    /// The decision table's entry for `n` ≥ 1 patients.
    public func row(_ n: Int) -> Row {
        let e = Int((lambdaE * Double(n)).rounded(.down))
        let x = lambdaD * Double(n)
        var d = abs(x.rounded() - x) < 1e-12 ? Int(x.rounded()) + 1 : Int(x.rounded(.up))
        let elim = eliminationBoundary(n)
        if let elim, d > elim { d = elim }
        return Row(n: n, escalateMax: e, deescalateMin: d, eliminateMin: elim)
    }

    /// The smallest y in 1…n with P(p > target | y of n, Beta(1,1) prior) > cutoff; nil for n < 3 or when none.
    public func eliminationBoundary(_ n: Int) -> Int? {
        guard n >= 3 else { return nil }
        for y in 1...n where posteriorExceedsTarget(dlts: y, patients: n) > eliminationCutoff { return y }
        return nil
    }

    /// P(p > target | y DLTs in n) under a Beta(1, 1) prior: 1 − I_target(y + 1, n − y + 1).
    public func posteriorExceedsTarget(dlts y: Int, patients n: Int) -> Double {
        // Beta parameters are ≥ 1, so the distribution is always valid.
        // Computed as 1 − CDF, exactly as the BOIN package (`1 - pbeta(...)`), so the comparison with the
        // cutoff falls the same way at the boundary.
        guard let beta = try? Beta(a: Double(y + 1), b: Double(n - y + 1)), let cdf = try? beta.cdf(target) else { return 0 }
        return 1 - cdf
    }
}
