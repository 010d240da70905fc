internal import CGSL

/// One-dimensional root finding with GSL's Brent–Dekker solver (`gsl_root_fsolver_brent`).
///
/// Brent's method combines bisection, secant and inverse quadratic interpolation; on a
/// bracket where f changes sign it always converges (Brent, *Algorithms for Minimization
/// without Derivatives*, 1973, ch. 4).
public enum RootFinding {
    /// The iteration cap of ``brent(in:absoluteTolerance:relativeTolerance:maximumIterations:_:)``.
    public static let defaultMaximumIterations = 200
    /// The cap on doublings in ``bracket(from:initialStep:lowerLimit:upperLimit:maximumExpansions:_:)``.
    public static let defaultMaximumExpansions = 60

    /// A root of `f` inside `interval`, where f(lower) and f(upper) differ in sign.
    ///
    /// Stops when the bracket is narrower than `absoluteTolerance + relativeTolerance · |x|`
    /// (`gsl_root_test_interval`). An error thrown by `f` is rethrown unchanged.
    public static func brent(
        in interval: ClosedRange<Double>,
        absoluteTolerance: Double = 0,
        relativeTolerance: Double = 1e-13,
        maximumIterations: Int = defaultMaximumIterations,
        _ f: @escaping (Double) throws -> Double
    ) throws -> Double {
        let function = "RootFinding.brent"
        guard interval.lowerBound.isFinite, interval.upperBound.isFinite else {
            throw ProbabilityError.domain(
                function: function, argument: "interval",
                value: interval.upperBound - interval.lowerBound, requirement: "finite")
        }
        guard absoluteTolerance >= 0, relativeTolerance >= 0, absoluteTolerance + relativeTolerance > 0,
            absoluteTolerance.isFinite, relativeTolerance.isFinite
        else {
            throw ProbabilityError.domain(
                function: function, argument: "tolerance", value: absoluteTolerance,
                requirement: "finite, non-negative, not both zero")
        }
        guard maximumIterations >= 1 else {
            throw ProbabilityError.domain(
                function: function, argument: "maximumIterations",
                value: Double(maximumIterations), requirement: "at least 1")
        }
        let fLower = try f(interval.lowerBound)
        let fUpper = try f(interval.upperBound)
        guard fLower.isFinite, fUpper.isFinite else {
            throw ProbabilityError.nonFinite(function: function, detail: "f at the bracket's ends")
        }
        if fLower == 0 { return interval.lowerBound }
        if fUpper == 0 { return interval.upperBound }
        guard (fLower < 0) != (fUpper < 0) else {
            throw ProbabilityError.noSignChange(function: function, lower: interval.lowerBound, upper: interval.upperBound)
        }
        GSLRuntime.prepare()
        guard let solver = gsl_root_fsolver_alloc(cgsl_root_fsolver_brent()) else {
            throw ProbabilityError.gsl(function: function, status: Int32(GSL_ENOMEM), reason: "allocation failed")
        }
        defer { gsl_root_fsolver_free(solver) }
        return try GSLClosure(f).withFunction { gslFunction in
            try GSLRuntime.check(
                gsl_root_fsolver_set(solver, &gslFunction, interval.lowerBound, interval.upperBound), in: function)
            for _ in 0..<maximumIterations {
                try GSLRuntime.check(gsl_root_fsolver_iterate(solver), in: function)
                let lo = gsl_root_fsolver_x_lower(solver)
                let hi = gsl_root_fsolver_x_upper(solver)
                if gsl_root_test_interval(lo, hi, absoluteTolerance, relativeTolerance) == GSL_SUCCESS {
                    return try Check.result(gsl_root_fsolver_root(solver), in: function, "root")
                }
            }
            throw ProbabilityError.noConvergence(function: function, iterations: maximumIterations)
        }
    }

    /// Grows an interval from `start` until `f` changes sign across it.
    ///
    /// Tries [start, start + step], then doubles the step, moving upward (a positive step) or
    /// downward (a negative one), never beyond the limits. Returns the bracket found.
    public static func bracket(
        from start: Double,
        initialStep: Double,
        lowerLimit: Double = -.greatestFiniteMagnitude,
        upperLimit: Double = .greatestFiniteMagnitude,
        maximumExpansions: Int = defaultMaximumExpansions,
        _ f: (Double) throws -> Double
    ) throws -> ClosedRange<Double> {
        let function = "RootFinding.bracket"
        guard start.isFinite, initialStep.isFinite, initialStep != 0, start >= lowerLimit, start <= upperLimit else {
            throw ProbabilityError.domain(
                function: function, argument: "start", value: start,
                requirement: "finite, within the limits, with a finite non-zero step")
        }
        guard maximumExpansions >= 1 else {
            throw ProbabilityError.domain(
                function: function, argument: "maximumExpansions",
                value: Double(maximumExpansions), requirement: "at least 1")
        }
        let fStart = try f(start)
        guard fStart.isFinite else { throw ProbabilityError.nonFinite(function: function, detail: "f(start)") }
        var step = initialStep
        var previous = start
        for _ in 0..<maximumExpansions {
            let next = min(max(previous + step, lowerLimit), upperLimit)
            let value = try f(next)
            guard value.isFinite else { throw ProbabilityError.nonFinite(function: function, detail: "f(\(next))") }
            if (value < 0) != (fStart < 0) || value == 0 {
                return min(previous, next)...max(previous, next)
            }
            if next == lowerLimit || next == upperLimit { break }
            previous = next
            step *= 2
        }
        throw ProbabilityError.noConvergence(function: function, iterations: maximumExpansions)
    }
}
