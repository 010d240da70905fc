/// An input outside what a design allows, reported in the user's own terms.
///
/// `parameter` is the input's kebab-case name, which the command line shows as its option
/// (`alpha` → `--alpha`); `requirement` says what is allowed. The description is one line,
/// such as `alpha must be in (0, 0.5], got 1.5`.
public struct InvalidInput: Error, Equatable, Sendable, CustomStringConvertible {
    public let parameter: String
    public let requirement: String
    public let value: String

    public init(parameter: String, requirement: String, value: String) {
        self.parameter = parameter
        self.requirement = requirement
        self.value = value
    }

    public init(parameter: String, requirement: String, value: Double) {
        self.init(parameter: parameter, requirement: requirement, value: Self.describe(value))
    }

    public var description: String {
        value.isEmpty ? "\(parameter) \(requirement)" : "\(parameter) must be \(requirement), got \(value)"
    }

    /// An estimated count for a refusal message, rounded up: `about 10015`, or `more than 10^12`
    /// when it is too large (or not finite) to convert to an Int without trapping.
    static func approximateCount(_ value: Double) -> String {
        value.isFinite && value < 1e12 ? "about \(Int(value.rounded(.up)))" : "more than 10^12"
    }

    /// A number as a person typed it: `0.05`, `30`, `nan`, `inf`.
    static func describe(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

/// The checks every design runs on its inputs, so each rule is written once.
public enum Validate {
    /// `value` lies in the open interval (lower, upper), or (lower, upper] when `closedAbove`.
    public static func interval(
        _ value: Double, _ parameter: String, above lower: Double, below upper: Double, closedAbove: Bool = false
    ) throws(InvalidInput) {
        let inside = value > lower && (closedAbove ? value <= upper : value < upper)
        guard inside else {
            let text = "in (\(InvalidInput.describe(lower)), \(InvalidInput.describe(upper))\(closedAbove ? "]" : ")")"
            throw InvalidInput(parameter: parameter, requirement: text, value: value)
        }
    }

    /// `value` is a probability strictly between 0 and 1.
    public static func probability(_ value: Double, _ parameter: String) throws(InvalidInput) {
        try interval(value, parameter, above: 0, below: 1)
    }

    /// `value` is finite and strictly positive.
    public static func positive(_ value: Double, _ parameter: String) throws(InvalidInput) {
        guard value.isFinite, value > 0 else {
            throw InvalidInput(parameter: parameter, requirement: "a finite number > 0", value: value)
        }
    }

    /// `value` is finite and not negative.
    public static func nonNegative(_ value: Double, _ parameter: String) throws(InvalidInput) {
        guard value.isFinite, value >= 0 else {
            throw InvalidInput(parameter: parameter, requirement: "a finite number >= 0", value: value)
        }
    }

    /// A whole number within `range`.
    public static func count(_ value: Int, _ parameter: String, in range: ClosedRange<Int>) throws(InvalidInput) {
        guard range.contains(value) else {
            throw InvalidInput(parameter: parameter, requirement: "a whole number in \(range.lowerBound)...\(range.upperBound)",
                               value: String(value))
        }
    }
}
