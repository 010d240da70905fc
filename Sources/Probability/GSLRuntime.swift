internal import CGSL

/// The one place that prepares GSL for use from Swift.
///
/// GSL's default error handler calls `abort()`, which would kill the process (and a whole
/// `swift test` run) on a bad argument. It is switched off once, lazily and thread-safely,
/// before the first GSL call, and never switched back: the handler is process-global.
/// From then on GSL reports errors only through return codes and NaN, which the callers in
/// this module turn into ``ProbabilityError``.
enum GSLRuntime {
    private static let handlerOff: Void = {
        _ = gsl_set_error_handler_off()
    }()

    /// Call before any GSL function. Costs one atomic load after the first call.
    @inline(__always)
    static func prepare() {
        _ = handlerOff
    }

    /// GSL's text for a status code, e.g. "input domain error".
    static func reason(_ status: Int32) -> String {
        guard let text = gsl_strerror(status) else { return "unknown" }
        return String(cString: text)
    }

    /// Throws ``ProbabilityError/gsl(function:status:reason:)`` for a non-zero status.
    static func check(_ status: Int32, in function: String) throws(ProbabilityError) {
        guard status == GSL_SUCCESS else {
            throw .gsl(function: function, status: status, reason: reason(status))
        }
    }
}
