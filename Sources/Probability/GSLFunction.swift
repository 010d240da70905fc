internal import CGSL

/// Carries a throwing Swift closure through GSL's C callback (`gsl_function`).
///
/// The C callback may capture nothing, so the closure travels in `params`. A Swift error
/// cannot cross the C frame: the callback catches it, stores it here, and returns NaN, which
/// stops GSL (`GSL_EBADFUNC` or a NaN result); the stored error is then rethrown in preference
/// to any error the GSL status produced. Each call builds its own box, so a throw leaves no
/// state behind for the next call.
final class GSLClosure {
    let body: (Double) throws -> Double
    var error: (any Error)?

    init(_ body: @escaping (Double) throws -> Double) { self.body = body }

    /// Calls `use` with a `gsl_function` that evaluates `body`; rethrows any error `body` threw.
    func withFunction<R>(_ use: (inout gsl_function) throws -> R) throws -> R {
        var function = gsl_function(
            function: { x, params in
                let box = Unmanaged<GSLClosure>.fromOpaque(params!).takeUnretainedValue()
                if box.error != nil { return .nan }
                do {
                    return try box.body(x)
                } catch {
                    box.error = error
                    return .nan
                }
            },
            params: Unmanaged.passUnretained(self).toOpaque())
        let result: R
        do {
            result = try withExtendedLifetime(self) { try use(&function) }
        } catch {
            // GSL saw the NaN the callback returned and reported a status, which `use` turned
            // into a ProbabilityError; the closure's own error is the one the caller must see.
            if let stored = self.error { throw stored }
            throw error
        }
        if let error { throw error }
        return result
    }
}
