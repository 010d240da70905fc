import Probability

/// The one error type of the design layer: an input outside what a design allows, or a
/// numerical failure underneath it.
///
/// An invalid input names the parameter by its key (``Parameter/key``: `alpha`,
/// `control-median`), never by a command-line option, so each front end names it its own way:
/// the command line as `--alpha`, the web form by the field's label. A requirement that refers
/// to another parameter writes that parameter's key between backticks ("greater than \`p0\` (0.2)");
/// ``message(naming:)`` replaces each with the front end's name for it.
///
/// The description is one line: `alpha must be in (0, 0.25], got 0.5`.
public struct DesignError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// A value the user gave (or a combination of values) that the design refuses.
        case invalidInput
        /// A computation that failed on accepted inputs (a quadrature or root finder that did
        /// not converge): a defect to report, not the user's fault.
        case numericalFailure
    }

    /// Whether the user's input is at fault (``Kind/invalidInput``) or the computation is (``Kind/numericalFailure``).
    public let kind: Kind
    /// The key of the parameter at fault (`alpha`); empty for a numerical failure.
    public let parameter: String
    /// What is allowed, or for a numerical failure what failed.
    public let requirement: String
    /// The value given, as typed; empty when the requirement alone says it all.
    public let value: String

    /// An invalid input: `parameter` must be `requirement`, got `value`.
    public init(parameter: String, requirement: String, value: String) {
        self.kind = .invalidInput
        self.parameter = parameter
        self.requirement = requirement
        self.value = value
    }

    /// An invalid input whose value is a number, written as a person would type it (``describe(_:)``: `0.05`, `nan`, `inf`).
    public init(parameter: String, requirement: String, value: Double) {
        self.init(parameter: parameter, requirement: requirement, value: Self.describe(value))
    }

    /// A numerical failure underneath a design, from the probability layer.
    public init(_ failure: ProbabilityError) {
        self.kind = .numericalFailure
        self.parameter = ""
        self.requirement = failure.description
        self.value = ""
    }

    /// The one-line message with each parameter key (the one at fault, and any in backticks in
    /// the requirement) written as `name` returns it: `{ "--" + $0 }` on the command line.
    public func message(naming name: (String) -> String) -> String {
        guard kind == .invalidInput else { return "numerical failure: " + requirement }
        let requirementText = Self.replacingKeys(in: requirement, with: name)
        let subject = name(parameter)
        if value.isEmpty, subject.isEmpty { return requirementText }
        return value.isEmpty ? "\(subject) \(requirementText)" : "\(name(parameter)) must be \(requirementText), got \(value)"
    }

    /// The message with parameters named by their keys: `alpha must be in (0, 0.25], got 0.5`.
    public var description: String { message { $0 } }

    /// Replaces each key written between backticks in `text` with `name(key)`.
    static func replacingKeys(in text: String, with name: (String) -> String) -> String {
        guard text.contains("`") else { return text }
        var out = ""
        var inside = false
        var key = ""
        for character in text {
            if character == "`" {
                if inside { out += name(key); key = "" }
                inside.toggle()
            } else if inside {
                key.append(character)
            } else {
                out.append(character)
            }
        }
        if inside { out += "`" + key }
        return out
    }

    /// An estimated count for a refusal message, rounded up: `about 10015`, or `more than 10^12`
    /// when it is too large (or not finite) to convert to an Int without trapping.
    static func approximateCount(_ value: Double) -> String {
        value.isFinite && value < 1e12 ? "about \(Int(value.rounded(.up)))" : "more than 10^12"
    }

    /// A number as a person typed it: `0.05`, `30`, `nan`, `inf`.
    public static func describe(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let text = "\(value)"  // 1e+300 as a person writes it: 1e300
        guard let plus = text.firstIndex(of: "+") else { return text }
        return String(text[..<plus] + text[text.index(after: plus)...])
    }

    /// A reference to another parameter inside a requirement: the key between backticks.
    public static func key(_ key: String) -> String { "`" + key + "`" }
}

/// The name the design layer's input errors had before ``DesignError`` covered numerical
/// failures too; the same type.
public typealias InvalidInput = DesignError

extension DesignError {
    /// Runs `body`, turning a `ProbabilityError` into a numerical-failure ``DesignError``, so a
    /// design's public API throws one type.
    @inlinable
    public static func numerics<T>(_ body: () throws(ProbabilityError) -> T) throws(DesignError) -> T {
        do { return try body() } catch { throw DesignError(error) }
    }
}
