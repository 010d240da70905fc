/// The accrual, follow-up and loss inputs a survival question takes as typed, shared by the
/// single-arm ``SurvivalQuestion`` and the randomized ``TwoArmSurvivalQuestion`` (which resolve
/// them the same way, into a ``FollowUp`` and a ``Loss``).
public protocol AccrualInputs {
    /// The uniform accrual period (or `accrualRate`).
    var accrual: Double? { get set }
    /// The uniform accrual rate, patients per time unit.
    var accrualRate: Double? { get set }
    /// Follow-up after the last patient enters.
    var followUp: Double? { get set }
    /// The exponential loss-to-follow-up rate.
    var lossRate: Double? { get set }
    /// The fraction of patients contributing nothing.
    var dropout: Double? { get set }
}

extension SurvivalQuestion: AccrualInputs {}
extension TwoArmSurvivalQuestion: AccrualInputs {}
