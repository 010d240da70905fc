import Foundation

/// Axis ticks at "nice" values: steps of 1, 2 or 5 times a power of ten.
///
/// A reader takes in 0, 0.2, 0.4 … at a glance, where 0, 0.17, 0.34 … makes them work. The
/// step is the nice number nearest to (span ÷ wanted intervals); the axis is then widened
/// outwards to the ticks just beyond the data ("loose" labelling, Heckbert 1990), so every
/// point lies inside a labelled range.
public struct NiceTicks: Sendable, Equatable {
    /// The axis range after widening: its ends are ticks.
    public let lower: Double
    /// The upper end of the widened range: the last tick, at or above the data's largest value.
    public let upper: Double
    /// The distance between neighbouring ticks: 1, 2 or 5 × 10^k.
    public let step: Double
    /// The tick values, from `lower` to `upper`.
    public let values: [Double]
    /// Decimals that print every tick exactly: 0 for a step of 10, 1 for 0.2, 2 for 0.05.
    public let decimals: Int

    /// Ticks covering `lower ... upper` with about `count` intervals (4 to 8 is readable).
    ///
    /// `integers` keeps the step at least 1 (patients, events, doses); a single value is widened
    /// by a tenth of itself (or 1 around zero) on each side.
    public init(covering lower: Double, _ upper: Double, count: Int = 5, integers: Bool = false) {
        precondition(lower.isFinite && upper.isFinite && lower <= upper, "ticks need a finite range")
        let intervals = Double(max(1, count))
        var (lower, upper) = (lower, upper)
        if upper == lower {
            let widening = lower == 0 ? 1 : abs(lower) / 10
            (lower, upper) = (lower - widening, upper + widening)
        }
        var step = Self.nice((upper - lower) / intervals, rounding: true)
        if integers { step = max(step, 1) }
        let first = (lower / step).rounded(.down) * step
        var last = (upper / step).rounded(.up) * step
        if last <= first { last = first + step }
        let steps = Int(((last - first) / step).rounded())
        // Computed from the index, not by repeated addition, so 0.1 + 0.2 never prints 0.30000000000000004.
        values = (0...steps).map { Self.clean(first + Double($0) * step, step: step) }
        self.lower = values.first!
        self.upper = values.last!
        self.step = step
        decimals = max(0, -Int((log10(step) + 1e-9).rounded(.down)))
    }

    /// A nice number near `x`: the nearest of 1, 2, 5, 10 × 10^k when `rounding`, else the
    /// smallest one ≥ x.
    public static func nice(_ x: Double, rounding: Bool) -> Double {
        precondition(x > 0 && x.isFinite)
        let exponent = (log10(x)).rounded(.down)
        let magnitude = pow(10, exponent)
        let fraction = x / magnitude
        let niceFraction: Double
        if rounding {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * magnitude
    }

    /// `value` rounded to the step's decimals, so sums of binary fractions print cleanly.
    private static func clean(_ value: Double, step: Double) -> Double {
        let scale = pow(10, max(0, -(log10(step) - 1e-9).rounded(.down) + 1))
        let rounded = (value * scale).rounded() / scale
        return rounded == 0 ? 0 : rounded
    }

    /// A tick value as its label: fixed decimals, so 0.8 and 1 print as "0.8" and "1.0" side by side.
    public func label(_ value: Double) -> String {
        NumberFormat.fixed(value, decimals)
    }
}
