internal import CGSL

/// Adaptive numerical integration with GSL's QUADPACK routines (Piessens et al., 1983).
///
/// * finite ranges: QAGS, 21-point Gauss–Kronrod with Wynn's epsilon extrapolation, which
///   copes with integrable end-point singularities;
/// * half-infinite and infinite ranges: QAGIU / QAGI, which map the range onto (0, 1].
public enum Quadrature {
    /// The value of an integral and GSL's estimate of its absolute error.
    public struct Estimate: Sendable, Equatable {
        /// The integral.
        public let value: Double
        /// GSL's estimate of |value − true integral|.
        public let absoluteError: Double
    }

    /// The most subintervals one integral may use (GSL workspace size).
    public static let maximumSubintervals = 1000

    /// ∫ f(x) dx over `range`, which may have infinite ends.
    public static func integrate(
        over range: ClosedRange<Double>,
        absoluteTolerance: Double = 0,
        relativeTolerance: Double = 1e-10,
        _ f: @escaping (Double) throws -> Double
    ) throws -> Estimate {
        let function = "Quadrature.integrate"
        guard !range.lowerBound.isNaN, !range.upperBound.isNaN,
            range.lowerBound != .infinity, range.upperBound != -.infinity
        else {
            throw ProbabilityError.domain(function: function, argument: "range", value: .nan, requirement: "an ordered range of reals")
        }
        guard absoluteTolerance >= 0, relativeTolerance >= 0, absoluteTolerance + relativeTolerance > 0 else {
            throw ProbabilityError.domain(
                function: function, argument: "tolerance", value: relativeTolerance,
                requirement: "non-negative, not both zero")
        }
        if range.lowerBound == range.upperBound { return Estimate(value: 0, absoluteError: 0) }
        GSLRuntime.prepare()
        guard let workspace = gsl_integration_workspace_alloc(maximumSubintervals) else {
            throw ProbabilityError.gsl(function: function, status: Int32(GSL_ENOMEM), reason: "allocation failed")
        }
        defer { gsl_integration_workspace_free(workspace) }
        var value = 0.0
        var error = 0.0
        let (a, b) = (range.lowerBound, range.upperBound)
        let limit = maximumSubintervals
        let status: Int32 = try GSLClosure(f).withFunction { gslFunction in
            switch (a.isFinite, b.isFinite) {
            case (true, true):
                return gsl_integration_qags(&gslFunction, a, b, absoluteTolerance, relativeTolerance, limit, workspace, &value, &error)
            case (true, false):
                return gsl_integration_qagiu(&gslFunction, a, absoluteTolerance, relativeTolerance, limit, workspace, &value, &error)
            case (false, true):
                return gsl_integration_qagil(&gslFunction, b, absoluteTolerance, relativeTolerance, limit, workspace, &value, &error)
            case (false, false):
                return gsl_integration_qagi(&gslFunction, absoluteTolerance, relativeTolerance, limit, workspace, &value, &error)
            }
        }
        try GSLRuntime.check(status, in: function)
        _ = try Check.result(value, in: function, "integral")
        return Estimate(value: value, absoluteError: error)
    }
}
