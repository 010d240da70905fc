/// The CRM's recommendation for the next patient from the outcomes so far (O'Quigley, Pepe & Fisher 1990;
/// TITE-CRM: Cheung & Chappell 2000): the posterior of β by adaptive quadrature, the plug-in DLT estimates
/// p_k(E[β | data]), and the level closest to the target, subject to the ``EscalationRestrictions``.
///
/// The "current" level is the most recent patient's; "right after a DLT" means that patient had one.
/// With no patients yet the recommendation is the prior's closest level, capped by no-skipping at level 1.
public struct CRMNextDose: Sendable {
    public let model: DoseToxicityModel
    public let target: Double
    public let data: CRMData
    public let priorVariance: Double
    public let restrictions: EscalationRestrictions
    public let posterior: CRMPosterior
    /// The level closest to the target, ignoring the restrictions.
    public let closestLevel: Int
    /// The recommended level.
    public let nextLevel: Int

    public init(model: DoseToxicityModel, target: Double, data: CRMData,
                priorVariance: Double = CRMPosterior.defaultPriorVariance,
                restrictions: EscalationRestrictions = .init(), intervalLevel: Double = 0.9) throws {
        _ = try CRMTarget(target)
        self.model = model
        self.target = target
        self.data = data
        self.priorVariance = priorVariance
        self.restrictions = restrictions
        posterior = try CRMPosterior(model: model, data: data, priorVariance: priorVariance, intervalLevel: intervalLevel)
        closestLevel = DoseRecommendation.closest(posterior.plugInEstimates, target: target)
        let current = data.levels.last ?? 1
        nextLevel = DoseRecommendation.next(closest: closestLevel, current: current,
                                            highestTried: data.highestLevelTried ?? 0,
                                            lastHadDLT: data.dlt.last ?? false, restrictions: restrictions)
    }
}
