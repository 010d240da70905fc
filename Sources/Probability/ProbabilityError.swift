/// Every way a call into ``Probability`` can fail.
///
/// No input ever aborts the process: arguments are checked in Swift before GSL is called,
/// GSL's own error handler is switched off (see `GSLRuntime`), and every non-zero GSL
/// status or non-finite result is turned into one of these cases.
public enum ProbabilityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An argument lies outside the function's domain, e.g. a probability of 1.5.
    /// - Parameters:
    ///   - function: the Swift function that was called, such as `"Beta.quantile"`.
    ///   - argument: the argument's name.
    ///   - value: the value given.
    ///   - requirement: the allowed range, in words, such as `"in (0, 1)"`.
    case domain(function: String, argument: String, value: Double, requirement: String)

    /// GSL returned a non-zero status code.
    case gsl(function: String, status: Int32, reason: String)

    /// A computation produced NaN or an infinity where a finite number was expected.
    case nonFinite(function: String, detail: String)

    /// An iterative method stopped at its iteration cap without meeting its tolerance.
    case noConvergence(function: String, iterations: Int)

    /// A root was sought in an interval where the function does not change sign.
    case noSignChange(function: String, lower: Double, upper: Double)

    /// A search or simulation was asked for more work than its documented cap allows.
    case limitExceeded(function: String, requested: Int, cap: Int)

    /// The computation was stopped through ``Progress/cancellation`` before it finished.
    case cancelled(function: String)

    public var description: String {
        switch self {
        case let .domain(function, argument, value, requirement):
            return "\(function): \(argument) must be \(requirement), got \(value)"
        case let .gsl(function, status, reason):
            return "\(function): GSL error \(status) (\(reason))"
        case let .nonFinite(function, detail):
            return "\(function): non-finite result (\(detail))"
        case let .noConvergence(function, iterations):
            return "\(function): no convergence after \(iterations) iterations"
        case let .noSignChange(function, lower, upper):
            return "\(function): no sign change between \(lower) and \(upper)"
        case let .limitExceeded(function, requested, cap):
            return "\(function): \(requested) exceeds the cap of \(cap)"
        case let .cancelled(function):
            return "\(function): stopped before it finished (cancelled)"
        }
    }
}

/// Domain checks shared by every distribution: they run in Swift, before any C call.
@usableFromInline
enum Check {
    /// `value` is finite.
    @inlinable
    static func finite(_ value: Double, _ argument: String, in function: String) throws(ProbabilityError) {
        guard value.isFinite else {
            throw .domain(function: function, argument: argument, value: value, requirement: "finite")
        }
    }

    /// `value` is finite and strictly positive.
    @inlinable
    static func positive(_ value: Double, _ argument: String, in function: String) throws(ProbabilityError) {
        guard value.isFinite, value > 0 else {
            throw .domain(function: function, argument: argument, value: value, requirement: "finite and > 0")
        }
    }

    /// `value` is a probability in the closed interval [0, 1].
    @inlinable
    static func probability(_ value: Double, _ argument: String, in function: String) throws(ProbabilityError) {
        guard value >= 0, value <= 1 else {
            throw .domain(function: function, argument: argument, value: value, requirement: "in [0, 1]")
        }
    }

    /// `value` is a probability in the open interval (0, 1).
    @inlinable
    static func openProbability(_ value: Double, _ argument: String, in function: String) throws(ProbabilityError) {
        guard value > 0, value < 1 else {
            throw .domain(function: function, argument: argument, value: value, requirement: "in (0, 1)")
        }
    }

    /// `value` is a finite result; otherwise the call failed silently inside C.
    @inlinable
    static func result(_ value: Double, in function: String, _ detail: @autoclosure () -> String) throws(ProbabilityError) -> Double {
        guard value.isFinite else { throw .nonFinite(function: function, detail: detail()) }
        return value
    }
}
