import Probability
import RealModule

/// The target of a CRM design: the DLT probability θ the MTD should have, and the half-width δ
/// of the indifference interval θ ± δ.
public struct CRMTarget: Sendable, Equatable {
    /// Target DLT probability θ of the MTD, in (0, 1).
    public let target: Double

    /// - Throws: ``InvalidInput`` (`target`) unless 0 < θ < 1.
    public init(_ target: Double) throws(InvalidInput) {
        try Validate.probability(target, "target")
        self.target = target
    }

    /// - Throws: ``InvalidInput`` (`halfwidth`) unless 0 < δ < min(θ, 1 − θ).
    public func validateHalfwidth(_ halfwidth: Double) throws(InvalidInput) {
        try Validate.interval(halfwidth, "halfwidth", above: 0, below: min(target, 1 - target))
    }
}

/// Skeleton calibration by the indifference interval (Lee & Cheung 2009, Clin Trials 6:227–238),
/// and its inverse: the indifference intervals a given skeleton implies (Cheung & Chappell 2002).
///
/// **Calibration.** Given θ, δ, K levels and the prior MTD ν, choose the skeleton so that, whichever
/// dose the CRM settles on, its DLT probability lies in θ ± δ: put s_ν = θ, and make neighbouring
/// doses swap at the β where the lower is at θ − δ and the upper at θ + δ. For the empiric model this
/// is closed form, s_k = θ^(r^(ν−k)) with r = ln(θ − δ) / ln(θ + δ); for the logistic model with
/// intercept a, the labels x_k = logit(s_k) − a satisfy x_{k−1} = x_k · (logit(θ−δ) − a)/(logit(θ+δ) − a)
/// below ν and the reciprocal above (dfcrm's `getprior`).
public enum Skeleton {
    /// The calibrated skeleton.
    /// - Throws: ``InvalidInput`` for θ outside (0, 1) (`target`), δ not below min(θ, 1 − θ)
    ///   (`halfwidth`), K outside 2…20 (`levels`), ν outside 1…K (`prior-mtd`), or a logistic intercept
    ///   not above logit(θ + δ) (`intercept`).
    public static func calibrated(
        target: Double, halfwidth: Double, levels: Int, priorMTD: Int,
        model: DoseToxicityModel.Kind = .empiric, intercept: Double = DoseToxicityModel.defaultIntercept
    ) throws(InvalidInput) -> [Double] {
        let goal = try CRMTarget(target)
        try goal.validateHalfwidth(halfwidth)
        try Validate.count(levels, "levels", in: 2...DoseToxicityModel.maximumLevels)
        try Validate.count(priorMTD, "prior-mtd", in: 1...levels)
        let nu = priorMTD - 1
        var skeleton = [Double](repeating: target, count: levels)
        switch model {
        case .empiric:
            let r = Double.log(target - halfwidth) / Double.log(target + halfwidth)
            for k in 0..<levels {
                skeleton[k] = Double.exp(Double.log(target) * Double.pow(r, Double(nu - k)))
            }
        case .logistic:
            let upper = DoseToxicityModel.logit(target + halfwidth) - intercept
            let lower = DoseToxicityModel.logit(target - halfwidth) - intercept
            guard intercept.isFinite, upper < 0 else {
                throw InvalidInput(
                    parameter: "intercept", requirement: "a finite number above logit(target + halfwidth)",
                    value: intercept)
            }
            let ratio = lower / upper
            let labelAtMTD = DoseToxicityModel.logit(target) - intercept
            for k in 0..<levels {
                let label = labelAtMTD * Double.pow(ratio, Double(nu - k))
                skeleton[k] = 1 / (1 + Double.exp(-(intercept + label)))
            }
        }
        // A wide δ with many levels drives the lowest values below the smallest double (or the highest to 1);
        // refuse rather than print a skeleton with a 0 in it.
        do {
            try DoseToxicityModel.validateSkeleton(skeleton)
        } catch {
            throw InvalidInput(
                parameter: "halfwidth",
                requirement: "small enough for \(levels) levels that every skeleton value stays strictly inside (0, 1) and distinct",
                value: halfwidth)
        }
        return skeleton
    }

    /// One level's indifference interval: the DLT probabilities p_k takes over the range of β in which
    /// the CRM (plug-in rule) recommends level k, and that range's ends.
    public struct IndifferenceInterval: Sendable, Equatable, Codable {
        /// The 1-based dose level.
        public let level: Int
        /// p_k at the upper end of level k's β-range (where level k+1 takes over); 0 for the top level.
        public let lower: Double
        /// p_k at the lower end of level k's β-range (where level k−1 takes over); 1 for level 1.
        public let upper: Double
    }

    /// The indifference intervals of `model`'s skeleton for target θ (Cheung & Chappell 2002; dfcrm `crmsens`).
    ///
    /// Levels k−1 and k are equally close to θ where p_{k−1}(β) + p_k(β) = 2θ; call that β = b_k (unique,
    /// since both decrease in β). Level k is recommended for β in (b_k, b_{k+1}), where its DLT probability
    /// runs over (p_k(b_{k+1}), p_k(b_k)). With b_1 = −∞ and b_{K+1} = +∞ the ends are the model's limits.
    /// When the sum never reaches 2θ (a logistic intercept below logit θ), the boundary is at −∞.
    public static func indifferenceIntervals(model: DoseToxicityModel, target: Double) throws(DesignError) -> [IndifferenceInterval] {
        try designErrors {
            _ = try CRMTarget(target)
            var boundaries = [Double](repeating: -.infinity, count: model.levels + 1)
            boundaries[model.levels] = .infinity
            for k in 1..<model.levels {
                let gap = { (beta: Double) -> Double in
                    model.probability(k - 1, beta: beta) + model.probability(k, beta: beta) - 2 * target
                }
                // The sum falls from 2·p(−∞) to 0 as β rises; bracket within |β| ≤ 40.
                if gap(-40) <= 0 { boundaries[k] = -.infinity; continue }
                if gap(40) >= 0 { boundaries[k] = .infinity; continue }
                // Two neighbours averaging the target exactly (0.236 and 0.264 for 0.25): β = 0 is the root,
                // and a bracket started on a zero never finds a sign change.
                if gap(0) == 0 { boundaries[k] = 0; continue }
                let bracket = try RootFinding.bracket(
                    from: 0, initialStep: gap(0) > 0 ? 0.5 : -0.5,
                    lowerLimit: -40, upperLimit: 40, gap)
                boundaries[k] = try RootFinding.brent(in: bracket, absoluteTolerance: 1e-13, gap)
            }
            func p(_ k: Int, _ beta: Double) -> Double {
                if beta == -.infinity {
                    return model.kind == .empiric ? 1 : 1 / (1 + Double.exp(-model.intercept))
                }
                if beta == .infinity { return 0 }
                return model.probability(k, beta: beta)
            }
            return (0..<model.levels).map { k in
                IndifferenceInterval(level: k + 1, lower: p(k, boundaries[k + 1]), upper: p(k, boundaries[k]))
            }
        }
    }
}
