/// One number a sensitivity grid tabulates from each answer: where it is in the answer's JSON
/// body and how it is printed.
///
/// Each report declares its own (``Reporting/gridOutputs``), the unknown it solves for first:
/// `survival` gives patients, events and the attained power; `simon` the optimal and minimax
/// designs' n₁, n and expected size. A grid shows the columns that at least one of its answers
/// has, so a report may declare the outputs of all its modes and each answer fills its own.
///
/// ```swift
/// public var gridOutputs: [GridOutput] {
///     [.init("patients", "Patients"), .init("attained_power", "Attained power", .probability)]
/// }
/// ```
public struct GridOutput: Sendable, Equatable {
    /// How a value is printed in the grid's table.
    public enum Style: Sendable, Equatable {
        /// A whole number: patients, events, a dose level.
        case count
        /// A probability with four decimals: attained power, probability of correct selection.
        case probability
        /// A proportion as a percentage with one decimal: a response rate, a bound.
        case percent
        /// Any other quantity, to four significant digits: a median, a hazard ratio.
        case value
    }

    /// A path into the JSON body: `patients`, `optimal.n1`. A one-element array on the way is
    /// stepped into (`methods`, `scenarios` when there is one).
    public let path: String
    /// The column's header: "Patients".
    public let label: String
    /// How the value is printed: a count by default.
    public let style: Style

    /// An output read at `path` in each answer's JSON body, headed `label`, printed in `style`.
    public init(_ path: String, _ label: String, _ style: Style = .count) {
        self.path = path
        self.label = label
        self.style = style
    }

    /// `value` printed in this column's style.
    public func format(_ value: Double) -> String {
        switch style {
        case .count: return NumberFormat.significant(value, 10)
        case .probability: return NumberFormat.fixed(value, 4)
        case .percent: return NumberFormat.percent(value)
        case .value: return NumberFormat.significant(value)
        }
    }
}
