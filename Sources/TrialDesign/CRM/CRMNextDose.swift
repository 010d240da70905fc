/// The CRM's recommendation for the next patient from the outcomes so far (O'Quigley, Pepe & Fisher 1990;
/// TITE-CRM: Cheung & Chappell 2000): the posterior of β by adaptive quadrature, the plug-in DLT estimates
/// p_k(E[β | data]), and the level closest to the target, subject to the ``EscalationRestrictions``.
///
/// The "current" level is the most recent patient's; "right after a DLT" means that patient had one.
/// With no patients yet the recommendation is the prior's closest level, capped by no-skipping at level 1.
///
/// Safety: P(p_k > target | data) is reported for every level; a treated level above
/// ``excessThreshold`` (0.95) is flagged, and with a `safetyThreshold` θ the trial stops when
/// P(p₁ > target | data) > θ, even the lowest dose being probably too toxic (the posterior
/// safety rule of, e.g., Zohar & Chevret 2001; θ = 0.9 is common).
public struct CRMNextDose: Sendable {
    /// The dose–toxicity model (kind, skeleton, intercept) the recommendation is computed from.
    public let model: DoseToxicityModel
    /// Target DLT probability θ of the MTD, in (0, 1).
    public let target: Double
    /// The outcomes so far, in order of enrolment.
    public let data: CRMData
    /// The prior variance σ² of β, in [0.01, 100] (1.34 by default, as dfcrm).
    public let priorVariance: Double
    /// The escalation restrictions that turn ``closestLevel`` into ``nextLevel``.
    public let restrictions: EscalationRestrictions
    /// The posterior of β given ``data``: the DLT estimates, their intervals and P(p_k > target | data) for each level.
    public let posterior: CRMPosterior
    /// The level closest to the target, ignoring the restrictions.
    public let closestLevel: Int
    /// The recommended level (still the model's when ``stopsForSafety``).
    public let nextLevel: Int
    /// The safety rule's threshold: stop when P(p₁ > target | data) exceeds it; nil for no rule.
    public let safetyThreshold: Double?
    /// P(p_k > target | data) for each level.
    public var aboveTarget: [Double] { posterior.aboveTarget ?? [] }
    /// Whether the safety rule stops the trial: even the lowest level is probably above the target.
    public var stopsForSafety: Bool {
        guard let safetyThreshold, let lowest = aboveTarget.first else { return false }
        return lowest > safetyThreshold
    }
    /// The posterior probability above which a treated level is flagged as clearly too toxic.
    public static let excessThreshold = 0.95

    /// The treated levels whose posterior P(p_k > target) exceeds ``excessThreshold`` (1-based).
    public var excessiveLevels: [Int] {
        aboveTarget.indices.filter { k in aboveTarget[k] > Self.excessThreshold && data.levels.contains(k + 1) }.map { $0 + 1 }
    }

    /// Computes the posterior and the recommended level from the outcomes so far.
    /// - Parameters:
    ///   - model: the dose-toxicity model with its skeleton (empiric or one-parameter logistic).
    ///   - target: the target DLT probability, in (0, 1).
    ///   - data: the patients so far: each one's level and DLT outcome, with the TITE weights if any.
    ///   - priorVariance: σ² of the normal prior on β, in [0.01, 100].
    ///   - restrictions: the escalation rules (no skipping, no escalation right after a DLT).
    ///   - intervalLevel: the probability each posterior DLT interval holds (`credibility`), in (0, 1).
    ///   - safetyThreshold: the safety rule's threshold on P(p₁ > target | data), in (0.5, 1); nil for no rule.
    /// - Throws: ``InvalidInput`` naming `target`, `safety-stop`, `prior-variance` or `credibility`; a numerical
    ///   failure if the quadrature fails.
    public init(
        model: DoseToxicityModel, target: Double, data: CRMData,
        priorVariance: Double = CRMPosterior.defaultPriorVariance,
        restrictions: EscalationRestrictions = .init(), intervalLevel: Double = 0.9,
        safetyThreshold: Double? = nil
    ) throws(DesignError) {
        _ = try CRMTarget(target)
        if let safetyThreshold { try CRMParameters.next["safety-stop"]!.validate(safetyThreshold) }
        self.safetyThreshold = safetyThreshold
        self.model = model
        self.target = target
        self.data = data
        self.priorVariance = priorVariance
        self.restrictions = restrictions
        posterior = try CRMPosterior(model: model, data: data, priorVariance: priorVariance, intervalLevel: intervalLevel, target: target)
        closestLevel = DoseRecommendation.closest(posterior.plugInEstimates, target: target)
        let current = data.levels.last ?? 1
        nextLevel = DoseRecommendation.next(
            closest: closestLevel, current: current,
            highestTried: data.highestLevelTried ?? 0,
            lastHadDLT: data.dlt.last ?? false, restrictions: restrictions)
    }
}
