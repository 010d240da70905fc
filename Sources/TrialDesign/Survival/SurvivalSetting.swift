import RealModule

/// Everything a single-arm survival design assumes except the alternative: the historical
/// control, the error rates, how patients are followed, and how they are lost.
///
/// The reference (control) survival is Weibull with median m₀ and shape k,
/// S₀(t) = exp(−ln 2 · (t/m₀)^k); k = 1 is the exponential model every method but the
/// one-sample log-rank test assumes. Times are in whatever unit the user chose; only ratios
/// and products of times enter the answers.
public struct SurvivalSetting: Sendable, Equatable {
    /// The historical control median m₀, in the chosen time unit, in [1e-300, 1e300].
    public let controlMedian: Double
    /// The Weibull shape k of the reference survival, in [0.05, 20]; 1 is exponential.
    public let shape: Double
    /// The nominal α, target power and sidedness.
    public let rates: ErrorRates
    /// How patients enter and how long they are followed, which decides how many events are observed.
    public let followUp: FollowUp
    /// How patients are lost: not at all, at an exponential loss rate, or as a dropout fraction inflating n.
    public let loss: Loss

    /// The control medians accepted: any time unit fits, and no hazard or median overflows.
    public static let controlMedianRange: ClosedRange<Double> = 1e-300...1e300

    /// The largest Weibull shape accepted (beyond it the reference is a step function in practice).
    public static let shapeRange: ClosedRange<Double> = 0.05...20

    /// The longest accrual period or follow-up accepted, in control medians (any shape keeps
    /// every simulated and computed time finite within it; the analysis time is finite).
    public static let maximumPeriodInMedians = 1e12

    /// The slowest accrual rate accepted, in patients per control median (so the accrual
    /// period of a million patients stays within ``maximumPeriodInMedians``).
    public static let minimumAccrualRatePerMedian = 1e-6

    /// - Throws: ``InvalidInput`` naming the option (`control-median`, `shape`, ...).
    public init(
        controlMedian: Double, shape: Double = 1, rates: ErrorRates,
        followUp: FollowUp = .untilEvent, loss: Loss = .none
    ) throws(InvalidInput) {
        try Validate.positive(controlMedian, "control-median")
        // Any unit is allowed, but the hazard ln 2 / m₀ and the medians m₀ · 1000 must stay finite.
        guard Self.controlMedianRange.contains(controlMedian) else {
            throw InvalidInput(parameter: "control-median", requirement: "in [1e-300, 1e300] (in any time unit)", value: controlMedian)
        }
        guard shape.isFinite, Self.shapeRange.contains(shape) else {
            throw InvalidInput(parameter: "shape", requirement: "in [0.05, 20] (1 is exponential)", value: shape)
        }
        try followUp.validate()
        try Self.checkRelativeToMedian(followUp, controlMedian: controlMedian)
        try loss.validate()
        self.controlMedian = controlMedian
        self.shape = shape
        self.rates = rates
        self.followUp = followUp
        self.loss = loss
    }

    /// Accrual and follow-up at most ``maximumPeriodInMedians`` control medians, and an accrual
    /// rate at least ``minimumAccrualRatePerMedian`` patients per control median, as declared in
    /// ``SurvivalQuestion/parameters``.
    static func checkRelativeToMedian(_ followUp: FollowUp, controlMedian: Double) throws(InvalidInput) {
        let longest = maximumPeriodInMedians * controlMedian
        func period(_ value: Double, _ key: String) throws(InvalidInput) {
            guard value <= longest else {
                throw InvalidInput(
                    parameter: key,
                    requirement: "at most 1e12 control medians (\(DesignError.describe(longest)))",
                    value: value)
            }
        }
        func rate(_ value: Double) throws(InvalidInput) {
            let slowest = minimumAccrualRatePerMedian / controlMedian
            guard value >= slowest else {
                throw InvalidInput(
                    parameter: "accrual-rate",
                    requirement: "at least 1e-6 patients per control median (\(DesignError.describe(slowest)))", value: value)
            }
        }
        switch followUp {
        case .untilEvent: return
        case let .accrual(duration, follow):
            try period(duration, "accrual")
            try period(follow, "follow-up")
        case let .accrualRate(value, follow):
            try rate(value)
            try period(follow, "follow-up")
        case let .restricted(entry, maximum):
            switch entry {
            case let .period(duration): try period(duration, "accrual")
            case let .rate(value): try rate(value)
            }
            try period(maximum, "max-follow-up")
        }
    }

    /// Whether the reference survival is exponential (shape 1).
    public var isExponential: Bool { shape == 1 }

    /// λ₀ = ln 2 / m₀, the control hazard when the shape is 1.
    public var controlHazard: Double { Double.log(2) / controlMedian }
}

/// A single-arm design: the setting and the median hoped for under the alternative.
///
/// Under proportional hazards S₁(t) = S₀(t)^h, so a Weibull reference keeps its shape and
/// the medians relate as m₁ = m₀ · h^(−1/k), i.e. the hazard ratio is h = (m₀/m₁)^k.
public struct SingleArmSurvival: Sendable, Equatable {
    /// Everything assumed but the alternative: the control, error rates, follow-up and loss.
    public let setting: SurvivalSetting
    /// The median m₁ hoped for under the alternative, in the setting's time unit: different from m₀ and within a factor
    /// 1000 of it.
    public let median: Double

    /// The alternative median may differ from the control's by at most this factor either way
    /// (a hazard ratio of 0.001 or 1000 for the exponential); beyond it the question is not a
    /// trial design and the arithmetic would underflow.
    public static let maximumMedianRatio = 1000.0

    /// - Throws: ``InvalidInput`` for a median that is not finite and positive, equal to the
    ///   control's, or more than ``maximumMedianRatio`` times longer or shorter.
    public init(setting: SurvivalSetting, median: Double) throws(InvalidInput) {
        try Validate.positive(median, "median")
        let ratio = median / setting.controlMedian
        guard ratio <= Self.maximumMedianRatio, ratio >= 1 / Self.maximumMedianRatio else {
            let m0 = setting.controlMedian
            throw InvalidInput(
                parameter: "median",
                requirement:
                    "within a factor \(Int(Self.maximumMedianRatio)) of `control-median`, in [\(InvalidInput.describe(m0 / Self.maximumMedianRatio)), \(InvalidInput.describe(m0 * Self.maximumMedianRatio))]",
                value: median)
        }
        guard abs(ratio - 1) > 1e-9 else {
            throw InvalidInput(
                parameter: "median", requirement: "different from `control-median` (\(InvalidInput.describe(setting.controlMedian)))",
                value: median)
        }
        self.setting = setting
        self.median = median
    }

    /// An unchecked copy with another alternative median (used by the detectable-median search).
    init(unchecked setting: SurvivalSetting, median: Double) {
        self.setting = setting
        self.median = median
    }

    /// h = λ₁/λ₀ = (m₀/m₁)^k: below 1 when the alternative median is longer.
    public var hazardRatio: Double { Double.pow(setting.controlMedian / median, setting.shape) }

    /// True when the alternative median is longer than the control's (the usual phase II hope);
    /// a one-sided test then rejects for long survival, otherwise for short survival.
    public var favoursLongerSurvival: Bool { median > setting.controlMedian }

    /// λ₁ = ln 2 / m₁ (exponential model).
    public var hazard: Double { Double.log(2) / median }
}
