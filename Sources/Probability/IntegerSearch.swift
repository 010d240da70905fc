/// Searches over whole numbers, for discrete design problems (events, patients, counts).
///
/// Exact binomial power is not monotone in n (the "sawtooth"), so two answers matter:
/// ``first(in:where:)`` — the smallest n meeting a condition, found by scanning — and
/// ``stable(in:where:)`` — the first n from which the condition holds for *every* larger n
/// up to the end of the range searched. Conditions known to be monotone can use the faster
/// ``firstMonotone(in:where:)``.
public enum IntegerSearch {
    /// The largest range a linear scan accepts (a documented cap, so no search can hang).
    public static let maximumScan = 10_000_000

    /// The smallest n in `range` satisfying `condition`, scanning upward; nil if none does.
    /// - Throws: ``ProbabilityError/limitExceeded(function:requested:cap:)`` when the range
    ///   holds more than ``maximumScan`` values, or any error `condition` throws.
    public static func first(in range: ClosedRange<Int>, where condition: (Int) throws -> Bool) throws -> Int? {
        try checkSize(range, "IntegerSearch.first")
        for n in range where try condition(n) { return n }
        return nil
    }

    /// The first n such that every m in n...range.upperBound satisfies `condition`;
    /// nil when the condition fails at the upper bound itself.
    ///
    /// The answer is only as good as the range: it says nothing about values beyond it, so
    /// callers choose an upper bound well past the first n (and say so in their output).
    public static func stable(in range: ClosedRange<Int>, where condition: (Int) throws -> Bool) throws -> Int? {
        try checkSize(range, "IntegerSearch.stable")
        var answer: Int?
        for n in range.reversed() {
            guard try condition(n) else { break }
            answer = n
        }
        return answer
    }

    /// The two answers of a sawtooth search: the first n meeting the condition, and the first n
    /// from which every n up to `horizon` meets it.
    public struct Sawtooth: Sendable, Equatable {
        /// The smallest n in the range that meets the condition.
        public let first: Int
        /// The first n from which every n up to ``horizon`` meets the condition (at least ``first``).
        public let stable: Int
        /// The largest n checked for ``stable``.
        public let horizon: Int
    }

    /// The sawtooth search of A'Hern's (2001) exact designs and of interval-width sample sizes:
    /// the first n in `range` meeting `condition`, then the stable n over `first...horizon`,
    /// where the horizon is 2·first + 50 (capped at the range's upper bound) — far enough past the
    /// first n that exact power or width no longer oscillates across the target in practice.
    /// nil when no n in `range` meets the condition (or, which cannot happen for a condition
    /// that holds at large n, none from which it holds up to the horizon).
    public static func sawtooth(in range: ClosedRange<Int>, where condition: (Int) throws -> Bool) throws -> Sawtooth? {
        guard let first = try first(in: range, where: condition) else { return nil }
        let horizon = horizon(first: first, cap: range.upperBound)
        guard let stable = try stable(in: first...horizon, where: condition) else { return nil }
        return Sawtooth(first: first, stable: stable, horizon: horizon)
    }

    /// The stable search's horizon: 2·first + 50, at most `cap`.
    public static func horizon(first: Int, cap: Int) -> Int { min(cap, 2 * first + 50) }

    /// The smallest n in `range` satisfying a condition that, once true, stays true for all
    /// larger n, searched from a guess: gallops from `guess` (doubling the step, downward while
    /// the condition holds, upward while it fails) to bracket the answer, then bisects. About
    /// 2 log₂|n − guess| + 2 evaluations, so a good guess (a normal approximation) costs a few;
    /// nil when the condition fails at the range's upper bound. A guess outside the range (or
    /// not finite) starts at the nearer end (the lower one for NaN).
    public static func firstMonotone(
        in range: ClosedRange<Int>, from guess: Double,
        where condition: (Int) throws -> Bool
    ) throws -> Int? {
        let lowest = range.lowerBound, cap = range.upperBound
        // Clamped as a Double first: a guess beyond Int.max must not trap.
        let start = guess.isFinite ? Int(min(max(guess.rounded(.up), Double(lowest)), Double(cap))) : (guess > 0 ? cap : lowest)
        var lo: Int  // fails (or is below the range)
        var hi: Int  // meets
        if try condition(start) {
            hi = start
            var step = 1
            lo = start - step
            while lo >= lowest, try condition(lo) {
                hi = lo
                step *= 2
                lo = max(hi - step, lowest - 1)
            }
            if lo < lowest { lo = lowest - 1 }
        } else {
            lo = start
            var step = 1
            hi = min(start + step, cap)
            while try !condition(hi) {
                guard hi < cap else { return nil }
                lo = hi
                step *= 2
                hi = min(hi + step, cap)
            }
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if try condition(mid) { hi = mid } else { lo = mid }
        }
        return hi
    }

    /// The smallest n in `range` satisfying a condition that, once true, stays true for all
    /// larger n. Bisection: at most 64 evaluations for any range. nil if it fails at the upper bound.
    public static func firstMonotone(in range: ClosedRange<Int>, where condition: (Int) -> Bool) -> Int? {
        var lo = range.lowerBound
        var hi = range.upperBound
        guard condition(hi) else { return nil }
        while lo < hi {
            // (hi − lo) may exceed Int.max (e.g. Int.min...Int.max): halve it as unsigned.
            let mid = lo &+ Int(bitPattern: UInt(bitPattern: hi &- lo) / 2)
            if condition(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    private static func checkSize(_ range: ClosedRange<Int>, _ function: String) throws(ProbabilityError) {
        let (count, overflow) = range.upperBound.subtractingReportingOverflow(range.lowerBound)
        if overflow || count >= maximumScan {
            throw .limitExceeded(function: function, requested: overflow ? Int.max : count + 1, cap: maximumScan)
        }
    }
}
