/// One input of a design, declared once: its key, what it means, its unit, what is allowed and
/// its default.
///
/// Everything a front end needs comes from this one declaration: the command line's option
/// (`--` + ``key``) and its help text ending in "Allowed: …" (``helpText``), the validation and
/// its one-line error (`validate(_:)`), the JSON key (``jsonKey``) and schema
/// (`trialsize parameters`), the web form's field, and the CLI fuzzer's grammar. Designs list
/// theirs in a ``ParameterCatalog``.
///
/// ```swift
/// static let alpha = Parameter("alpha", label: "Significance level",
///     help: "The type I error, summed over both tails when sides is 2.",
///     allowed: .interval(0, 0.25, closedAbove: true), default: "0.05")
/// ```
public struct Parameter: Sendable, Hashable {
    /// The kebab-case key: `control-median`. The command line's option is `--control-median`.
    public let key: String
    /// A short label for a form or a table of inputs: "Control median".
    public let label: String
    /// What the parameter means, as one or two sentences.
    public let help: String
    /// The unit the value is in, when it has one: "weeks" is not fixed, so time parameters say
    /// "time unit" and the front end names the chosen unit.
    public let unit: String?
    /// What values are accepted.
    public let allowed: Allowed
    /// The default as a user would type it; nil when the parameter is required or has no
    /// default (a mode switch).
    public let defaultValue: String?
    /// Whether the option may be given more than once (one scenario per `--truth`); every other
    /// option given twice is refused rather than the last value silently winning.
    public let repeatable: Bool

    /// Declares a parameter from its key, label, help, unit, allowed values and default (each a property
    /// above). Nothing is checked here: a design checks each value it is given with `validate(_:)`.
    public init(
        _ key: String, label: String, help: String, unit: String? = nil, allowed: Allowed,
        default defaultValue: String? = nil, repeatable: Bool = false
    ) {
        self.repeatable = repeatable
        self.key = key
        self.label = label
        self.help = help
        self.unit = unit
        self.allowed = allowed
        self.defaultValue = defaultValue
    }

    /// The snake_case key of the JSON API and the web form: `control_median`.
    public var jsonKey: String { key.replacingHyphens() }

    /// The help text a front end shows: the meaning, then "Allowed: …" (the default is shown by
    /// each front end its own way: the command line's parser appends "(default: …)").
    public var helpText: String {
        // A choice's words are listed by the front end itself (the parser's "values: …", a form's menu).
        if case .choice = allowed { return help }
        guard let description = allowed.description else { return help }
        return help + " Allowed: \(description)."
    }

    /// `value` when it is allowed.
    /// - Throws: ``DesignError`` naming this parameter and what is allowed.
    @discardableResult
    public func validate(_ value: Double) throws(DesignError) -> Double {
        guard allowed.contains(value) else {
            throw DesignError(parameter: key, requirement: allowed.requirement, value: value)
        }
        return value
    }

    /// `value` when it is allowed (a whole-number parameter).
    /// - Throws: ``DesignError`` naming this parameter and what is allowed.
    @discardableResult
    public func validate(_ value: Int) throws(DesignError) -> Int {
        guard allowed.contains(Double(value)) else {
            throw DesignError(parameter: key, requirement: allowed.requirement, value: String(value))
        }
        return value
    }

    /// Each value of a list parameter (a skeleton, true DLT rates) when all are allowed.
    /// - Throws: ``DesignError`` naming this parameter, the position and what is allowed.
    @discardableResult
    public func validate(_ values: [Double]) throws(DesignError) -> [Double] {
        for (index, value) in values.enumerated() where !allowed.contains(value) {
            throw DesignError(
                parameter: key, requirement: "a list whose entries are each \(allowed.requirement) (entry \(index + 1) is not)",
                value: DesignError.describe(value))
        }
        return values
    }

    /// An error naming this parameter: `requirement` is what is allowed in context.
    public func invalid(_ requirement: String, value: Double) -> DesignError {
        DesignError(parameter: key, requirement: requirement, value: value)
    }

    /// An error naming this parameter with the value as typed.
    public func invalid(_ requirement: String, value: String = "") -> DesignError {
        DesignError(parameter: key, requirement: requirement, value: value)
    }
}

extension String {
    func replacingHyphens() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}

/// The values a ``Parameter`` accepts: a real interval, a whole-number range, one of a set of
/// words, a list, free text, or a flag.
public enum Allowed: Sendable, Hashable {
    /// A real number between `lower` and `upper`, each end open or closed; nil for no bound
    /// (still finite). `finite: true` always holds: no NaN or infinity is ever accepted.
    case real(lower: Double?, lowerClosed: Bool, upper: Double?, upperClosed: Bool)
    /// A whole number in the range.
    case integer(ClosedRange<Int>)
    /// One of these words.
    case choice([String])
    /// A comma-separated list of reals, each in the interval given.
    case list(lower: Double?, lowerClosed: Bool, upper: Double?, upperClosed: Bool)
    /// Free text (a name, a file path).
    case text
    /// A flag: present or not.
    case flag

    /// (lower, upper), or [lower, upper] etc., per the closedness of each end.
    public static func interval(_ lower: Double, _ upper: Double, closedBelow: Bool = false, closedAbove: Bool = false) -> Allowed {
        .real(lower: lower, lowerClosed: closedBelow, upper: upper, upperClosed: closedAbove)
    }

    /// A probability strictly between 0 and 1.
    public static let probability = Allowed.interval(0, 1)
    /// A finite number > 0.
    public static let positive = Allowed.real(lower: 0, lowerClosed: false, upper: nil, upperClosed: false)
    /// A finite number >= 0.
    public static let nonNegative = Allowed.real(lower: 0, lowerClosed: true, upper: nil, upperClosed: false)
    /// A list of probabilities, each strictly between 0 and 1.
    public static let probabilities = Allowed.list(lower: 0, lowerClosed: false, upper: 1, upperClosed: false)

    /// Whether `value` is accepted (numeric kinds only; a list checks one entry).
    public func contains(_ value: Double) -> Bool {
        switch self {
        case let .real(lower, lowerClosed, upper, upperClosed), let .list(lower, lowerClosed, upper, upperClosed):
            guard value.isFinite else { return false }
            if let lower, lowerClosed ? value < lower : value <= lower { return false }
            if let upper, upperClosed ? value > upper : value >= upper { return false }
            return true
        case let .integer(range):
            return value.isFinite && value == value.rounded() && value >= Double(range.lowerBound) && value <= Double(range.upperBound)
        case .choice, .text, .flag:
            return true
        }
    }

    /// The bounds as a reader expects them: `(0, 0.25]`, `2...1000000`, `a finite number > 0`.
    public var description: String? {
        switch self {
        case let .real(lower, lowerClosed, upper, upperClosed), let .list(lower, lowerClosed, upper, upperClosed):
            let interval = Self.intervalText(lower, lowerClosed, upper, upperClosed)
            if case .list = self { return "comma-separated values, each " + interval }
            return interval
        case let .integer(range):
            return range.upperBound == Int.max ? "a whole number >= \(range.lowerBound)" : "\(range.lowerBound)...\(range.upperBound)"
        case let .choice(words):
            return words.joined(separator: ", ")
        case .text, .flag:
            return nil
        }
    }

    /// The requirement in an error message: `in (0, 0.25]`, `a whole number in 2...1000000`.
    public var requirement: String {
        switch self {
        case let .real(lower, lowerClosed, upper, upperClosed):
            let text = Self.intervalText(lower, lowerClosed, upper, upperClosed)
            return text.hasPrefix("a ") ? text : "in " + text
        case let .list(lower, lowerClosed, upper, upperClosed):
            let text = Self.intervalText(lower, lowerClosed, upper, upperClosed)
            return text.hasPrefix("a ") ? text : "in " + text
        case let .integer(range):
            return range.upperBound == Int.max
                ? "a whole number >= \(range.lowerBound)"
                : "a whole number in \(range.lowerBound)...\(range.upperBound)"
        case let .choice(words):
            return "one of " + words.joined(separator: ", ")
        case .text:
            return "text"
        case .flag:
            return "given or left out"
        }
    }

    private static func intervalText(_ lower: Double?, _ lowerClosed: Bool, _ upper: Double?, _ upperClosed: Bool) -> String {
        switch (lower, upper) {
        case let (lower?, upper?):
            return (lowerClosed ? "[" : "(") + DesignError.describe(lower) + ", " + DesignError.describe(upper) + (upperClosed ? "]" : ")")
        case let (lower?, nil):
            return "a finite number " + (lowerClosed ? ">= " : "> ") + DesignError.describe(lower)
        case let (nil, upper?):
            return "a finite number " + (upperClosed ? "<= " : "< ") + DesignError.describe(upper)
        case (nil, nil):
            return "a finite number"
        }
    }

    /// The numeric bounds, for a form's `min`/`max` and the fuzzer's edges; nil where unbounded.
    public var bounds: (lower: Double?, upper: Double?) {
        switch self {
        case let .real(lower, _, upper, _), let .list(lower, _, upper, _): return (lower, upper)
        case let .integer(range): return (Double(range.lowerBound), range.upperBound == Int.max ? nil : Double(range.upperBound))
        case .choice, .text, .flag: return (nil, nil)
        }
    }
}

/// The parameters of one command, in the order its help lists them.
public struct ParameterCatalog: Sendable {
    /// The command's name: `survival`, `crm simulate`.
    public let command: String
    /// The command's parameters, in the order its help lists them (and the web form shows them).
    public let parameters: [Parameter]

    /// A catalog for `command` (its name as typed: `boin simulate`) listing `parameters` in help order.
    public init(_ command: String, _ parameters: [Parameter]) {
        self.command = command
        self.parameters = parameters
    }

    /// The parameter with this key.
    public subscript(key: String) -> Parameter? { parameters.first { $0.key == key } }
}
