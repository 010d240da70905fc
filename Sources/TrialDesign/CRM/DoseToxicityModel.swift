import RealModule

/// The one-parameter dose–toxicity model of the continual reassessment method (CRM).
///
/// A skeleton s₁ < … < s_K (prior guesses of the DLT probabilities) labels the doses, and one
/// parameter β moves the whole curve (O'Quigley, Pepe & Fisher 1990; Cheung 2011, ch. 3):
///
/// * **empiric** ("power") model: p_k(β) = s_k^exp(β);
/// * **logistic** model with a fixed intercept a: p_k(β) = logit⁻¹(a + exp(β)·x_k), with the
///   dose labels backed out of the skeleton, x_k = logit(s_k) − a, so that p_k(0) = s_k (as dfcrm).
///
/// In both, p_k(β) decreases in β: a larger β means a less toxic drug. For the logistic model the
/// labels must all be negative (a > logit(s_K)), or the curve would not stay increasing in dose.
public struct DoseToxicityModel: Sendable, Equatable {
    /// The form of the curve: `empiric` (power) p_k = s_k^exp(β), or `logistic` with the fixed intercept a.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case empiric, logistic
    }

    /// Which of the two models this is.
    public let kind: Kind
    /// The skeleton s₁ < … < s_K, level 1 first: the prior guesses of the DLT probabilities, p_k(0) = s_k.
    public let skeleton: [Double]
    /// The fixed intercept a of the logistic model (unused by the empiric model).
    public let intercept: Double
    /// ln s_k (empiric) or logit(s_k) − a (logistic): what exp(β) multiplies.
    public let doseLabels: [Double]

    /// dfcrm's default intercept for the logistic model.
    public static let defaultIntercept = 3.0
    /// The most dose levels a design may have.
    public static let maximumLevels = 20

    /// - Throws: ``InvalidInput`` (`skeleton`) unless the skeleton has 2…20 values, strictly increasing,
    ///   inside (0, 1); (`intercept`) unless, for the logistic model, a is finite and above logit(s_K).
    public init(kind: Kind = .empiric, skeleton: [Double], intercept: Double = defaultIntercept) throws(InvalidInput) {
        try Self.validateSkeleton(skeleton)
        if kind == .logistic {
            let highest = Self.logit(skeleton[skeleton.count - 1])
            guard intercept.isFinite, intercept > highest else {
                throw InvalidInput(
                    parameter: "intercept",
                    requirement:
                        "a finite number above logit(highest skeleton value) = \(InvalidInput.describe((highest * 1e4).rounded() / 1e4))",
                    value: intercept)
            }
        }
        self.kind = kind
        self.skeleton = skeleton
        self.intercept = intercept
        switch kind {
        case .empiric: doseLabels = skeleton.map { Double.log($0) }
        case .logistic: doseLabels = skeleton.map { Self.logit($0) - intercept }
        }
    }

    /// A skeleton must be strictly increasing, inside (0, 1), with 2…``maximumLevels`` values.
    public static func validateSkeleton(_ skeleton: [Double], parameter: String = "skeleton") throws(InvalidInput) {
        guard (2...maximumLevels).contains(skeleton.count) else {
            throw InvalidInput(
                parameter: parameter, requirement: "a list of 2 to \(maximumLevels) probabilities",
                value: "\(skeleton.count) values")
        }
        for value in skeleton where !(value > 0 && value < 1) {
            throw InvalidInput(parameter: parameter, requirement: "probabilities in (0, 1)", value: value)
        }
        for k in 1..<skeleton.count where !(skeleton[k] > skeleton[k - 1]) {
            throw InvalidInput(
                parameter: parameter, requirement: "strictly increasing",
                value: "\(InvalidInput.describe(skeleton[k - 1])) then \(InvalidInput.describe(skeleton[k]))")
        }
    }

    /// The number of dose levels K (the skeleton's length), 2…20.
    public var levels: Int { skeleton.count }

    /// p_k(β) for level index `k` (0-based).
    @inline(__always)
    public func probability(_ k: Int, beta: Double) -> Double {
        let scale = Double.exp(beta)
        switch kind {
        case .empiric: return Double.exp(scale * doseLabels[k])
        case .logistic: return 1 / (1 + Double.exp(-(intercept + scale * doseLabels[k])))
        }
    }

    /// (ln p_k(β), ln(1 − p_k(β))), each computed without cancellation.
    @inline(__always)
    public func logProbabilities(_ k: Int, beta: Double) -> (dlt: Double, noDLT: Double) {
        let scale = Double.exp(beta)
        switch kind {
        case .empiric:
            let logP = scale * doseLabels[k]
            return (logP, Double.log(-Double.expMinusOne(logP)))
        case .logistic:
            let eta = intercept + scale * doseLabels[k]
            return (-Self.softplus(-eta), -Self.softplus(eta))
        }
    }

    /// β* such that p_k(β) > t exactly when β < β* (p_k decreases in β when its dose label is
    /// negative, as every validated skeleton's is): empiric p_k = exp(e^β d_k) gives
    /// β* = ln(ln t / d_k); logistic p_k = 1/(1 + e^−(a + e^β d_k)) gives β* = ln((logit t − a) / d_k),
    /// or −∞ when p_k never exceeds t. nil for a label that is not negative.
    public func betaThreshold(_ k: Int, probability t: Double) -> Double? {
        let d = doseLabels[k]
        guard d < 0, t > 0, t < 1 else { return nil }
        switch kind {
        case .empiric:
            return Double.log(Double.log(t) / d)
        case .logistic:
            let ratio = (Double.log(t / (1 - t)) - intercept) / d
            return ratio > 0 ? Double.log(ratio) : -.infinity
        }
    }

    /// The DLT probabilities of every level at β.
    public func probabilities(beta: Double) -> [Double] {
        (0..<levels).map { probability($0, beta: beta) }
    }

    /// ln(1 + eˣ) without overflow.
    @inline(__always)
    static func softplus(_ x: Double) -> Double {
        x > 0 ? x + Double.log(onePlus: Double.exp(-x)) : Double.log(onePlus: Double.exp(x))
    }

    static func logit(_ p: Double) -> Double { Double.log(p / (1 - p)) }
}
