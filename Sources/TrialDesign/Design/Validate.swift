/// The checks every design runs on its inputs, so each rule is written once.
public enum Validate {
    /// `value` lies in the open interval (lower, upper), or (lower, upper] when `closedAbove`.
    public static func interval(
        _ value: Double, _ parameter: String, above lower: Double, below upper: Double, closedAbove: Bool = false
    ) throws(DesignError) {
        let inside = value > lower && (closedAbove ? value <= upper : value < upper)
        guard inside else {
            let text = "in (\(DesignError.describe(lower)), \(DesignError.describe(upper))\(closedAbove ? "]" : ")")"
            throw DesignError(parameter: parameter, requirement: text, value: value)
        }
    }

    /// `value` is a probability strictly between 0 and 1.
    public static func probability(_ value: Double, _ parameter: String) throws(DesignError) {
        try interval(value, parameter, above: 0, below: 1)
    }

    /// `value` is finite and strictly positive.
    public static func positive(_ value: Double, _ parameter: String) throws(DesignError) {
        guard value.isFinite, value > 0 else {
            throw DesignError(parameter: parameter, requirement: "a finite number > 0", value: value)
        }
    }

    /// `value` is finite and not negative.
    public static func nonNegative(_ value: Double, _ parameter: String) throws(DesignError) {
        guard value.isFinite, value >= 0 else {
            throw DesignError(parameter: parameter, requirement: "a finite number >= 0", value: value)
        }
    }

    /// A whole number within `range`.
    public static func count(_ value: Int, _ parameter: String, in range: ClosedRange<Int>) throws(DesignError) {
        guard range.contains(value) else {
            throw DesignError(
                parameter: parameter, requirement: "a whole number in \(range.lowerBound)...\(range.upperBound)",
                value: String(value))
        }
    }
}
