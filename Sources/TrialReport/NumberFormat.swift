import Foundation

/// The one place numbers become text, so every command rounds the same way.
public enum NumberFormat {
    /// An accrual rate in words: "1 patient per week", "2.5 patients per week" (the unit
    /// given in the plural, as the reports carry it).
    public static func rate(_ value: Double, perUnit unit: String, digits: Int = 4) -> String {
        let shown = significant(value, digits)
        return "\(shown) \(shown == "1" ? "patient" : "patients") per \(singular(unit))"
    }

    /// A time unit in the singular: "days" → "day" (units are given in the plural).
    static func singular(_ unit: String) -> String { unit.hasSuffix("s") ? String(unit.dropLast()) : unit }

    /// A time with its unit, as a report states the DLT window: "21 days", "1 week"; the number
    /// alone when no unit was given (`--unit` left out).
    public static func duration(_ value: Double, unit: String?) -> String {
        let shown = significant(value)
        guard let unit else { return shown }
        return shown + " " + (shown == "1" ? singular(unit) : unit)
    }

    /// A rate per time unit: "0.25 per day"; "0.25 per unit time" when no unit was given.
    public static func perUnit(_ value: Double, unit: String?) -> String {
        significant(value) + " per " + (unit.map(singular) ?? "unit time")
    }

    /// Patients arriving at a rate: "0.25 patients per day"; "... per unit time" without a unit.
    public static func arrivals(_ value: Double, unit: String?) -> String {
        unit.map { rate(value, perUnit: $0) } ?? significant(value) + " patients per unit time"
    }

    /// An English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 32nd, 101st, 111th.
    public static func ordinal(_ n: Int) -> String {
        let lastTwo = abs(n) % 100, last = abs(n) % 10
        let suffix = (11...13).contains(lastTwo) ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th"
        return String(n) + suffix
    }

    /// `value` with exactly `digits` decimals: `fixed(0.80937, 4)` is `0.8094`.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let text = String(format: "%.\(max(0, digits))f", value)
        // Never print "-0.000".
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// A proportion as a percentage with `digits` decimals: `percent(0.15385, 1)` is `15.4%`.
    public static func percent(_ proportion: Double, _ digits: Int = 1) -> String {
        fixed(proportion * 100, digits) + "%"
    }

    /// `value` with `digits` significant digits, without trailing zeros: `significant(26.2345, 4)` is `26.23`.
    public static func significant(_ value: Double, _ digits: Int = 4) -> String {
        guard value.isFinite else { return fixed(value, 0) }
        var text = String(format: "%.\(max(1, digits))g", value)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
