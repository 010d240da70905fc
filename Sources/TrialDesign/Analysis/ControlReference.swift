import RealModule

/// The historical control a single-arm survival trial is compared with: Weibull survival with
/// median m₀ and shape k, S₀(t) = exp(−ln 2 · (t/m₀)^k), cumulative hazard
/// Λ₀(t) = ln 2 · (t/m₀)^k; k = 1 is the exponential control of the design commands.
public struct ControlReference: Sendable, Equatable, Codable {
    /// The control's median survival m₀, in the data's time unit, in [1e-300, 1e300].
    public let median: Double
    /// The Weibull shape k, in [0.05, 20]; 1 is the exponential control.
    public let shape: Double

    /// - Throws: ``InvalidInput`` naming `control-median` (in [1e-300, 1e300]) or `shape` (in [0.05, 20]),
    ///   the ranges the design commands accept.
    public init(median: Double, shape: Double = 1) throws(InvalidInput) {
        try Validate.positive(median, "control-median")
        guard SurvivalSetting.controlMedianRange.contains(median) else {
            throw InvalidInput(parameter: "control-median", requirement: "in [1e-300, 1e300] (in any time unit)", value: median)
        }
        guard shape.isFinite, SurvivalSetting.shapeRange.contains(shape) else {
            throw InvalidInput(parameter: "shape", requirement: "in [0.05, 20] (1 is exponential)", value: shape)
        }
        self.median = median
        self.shape = shape
    }

    /// The reference whose survival at `time` is `survival` (OneArm2stage's `S0` at `x0`):
    /// m₀ = x₀ · (ln 2 / −ln S₀)^(1/k).
    public init(survival: Double, at time: Double, shape: Double = 1) throws(InvalidInput) {
        try Validate.probability(survival, "control-survival")
        try Validate.positive(time, "control-time")
        try self.init(median: time * Double.pow(Double.log(2) / -Double.log(survival), 1 / shape), shape: shape)
    }

    /// Whether the control is exponential (k = 1): constant hazard ``hazard``, and E = λ₀ T.
    public var isExponential: Bool { shape == 1 }

    /// Λ₀(t) = ln 2 · (t/m₀)^k.
    public func cumulativeHazard(_ t: Double) -> Double {
        t <= 0 ? 0 : Double.log(2) * (isExponential ? t / median : Double.pow(t / median, shape))
    }

    /// S₀(t) = exp(−Λ₀(t)).
    public func survival(_ t: Double) -> Double { Double.exp(-cumulativeHazard(t)) }

    /// λ₀ = ln 2 / m₀ (the hazard when k = 1).
    public var hazard: Double { Double.log(2) / median }
}
