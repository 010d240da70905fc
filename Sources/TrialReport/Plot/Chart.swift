/// A two-dimensional chart: what is plotted, on which axes, with which annotations.
///
/// A chart is a value built by a design's report code from its result, and rendered by
/// ``svg(id:)`` into a standalone SVG 1.1 document. It knows nothing of any design: a power
/// curve, a Simon frontier and CRM selection bars are all series, markers and reference lines.
///
/// ```swift
/// var chart = Chart(title: "Power against events",
///                   x: Axis(title: "Events", integers: true),
///                   y: Axis(title: "Power", range: 0...1))
/// chart.series.append(Series(name: "Normal approximation", kind: .line, points: curve))
/// chart.markers.append(Marker(x: 27, y: 0.81, label: "27 events, power 0.81"))
/// chart.referenceLines.append(ReferenceLine(y: 0.8, label: "target power 0.80"))
/// let svg = try chart.svg()
/// ```
public struct Chart: Sendable, Equatable {
    /// The heading drawn above the plot.
    public var title: String
    /// A second, smaller line under the title (the design in one line), or nil.
    public var subtitle: String?
    /// The horizontal axis: its title, unit and numeric range or categories.
    public var x: Axis
    /// The vertical axis: always numeric (power, probability, survival).
    public var y: Axis
    /// Drawn in order: bars first look best, then lines and steps, then points.
    public var series: [Series]
    /// Labelled points: the attained design, the first and stable n, optimal and minimax designs.
    public var markers: [Marker]
    /// Dashed lines across the plot at a target: power 0.8, DLT rate 0.25.
    public var referenceLines: [ReferenceLine]
    /// A row of values under the x axis, each under its x (a Kaplan-Meier plot's numbers at
    /// risk); nil for none.
    public var footer: FooterRow?
    /// The document's size in pixels; text stays readable down to 600 px wide.
    public var width: Int
    /// The document's height in pixels.
    public var height: Int

    /// A chart with no footer row; the size defaults to 640 × 420 pixels.
    public init(
        title: String, subtitle: String? = nil, x: Axis, y: Axis,
        series: [Series] = [], markers: [Marker] = [], referenceLines: [ReferenceLine] = [],
        width: Int = 640, height: Int = 420
    ) {
        self.title = title
        self.subtitle = subtitle
        self.x = x
        self.y = y
        self.series = series
        self.markers = markers
        self.referenceLines = referenceLines
        self.width = width
        self.height = height
        self.footer = nil
    }
}

/// A labelled row of short texts drawn under the x axis title, each centred under its x:
/// "At risk  30  24  15  6  1".
public struct FooterRow: Sendable, Equatable {
    /// The row's name, right-aligned at the plot's left edge: "At risk".
    public var label: String
    /// The texts and the x (in data units) each is centred under.
    public var entries: [(x: Double, text: String)]

    /// A footer row of `entries` named `label`.
    public init(label: String, entries: [(x: Double, text: String)]) {
        self.label = label
        self.entries = entries
    }

    public static func == (lhs: FooterRow, rhs: FooterRow) -> Bool {
        lhs.label == rhs.label && lhs.entries.map(\.x) == rhs.entries.map(\.x) && lhs.entries.map(\.text) == rhs.entries.map(\.text)
    }
}

/// One axis: its title with unit, and either a numeric range or named categories.
public struct Axis: Sendable, Equatable {
    /// What the axis measures, without the unit: "Power", "Median PFS".
    public var title: String
    /// The unit, shown in parentheses after the title: "weeks"; nil for none.
    public var unit: String?
    /// A numeric range or named categories.
    public var scale: Scale
    /// Keep tick steps at whole numbers (patients, events).
    public var integers: Bool

    /// What the axis positions: numbers or named categories.
    public enum Scale: Sendable, Equatable {
        /// A numeric axis; `nil` fits the range to the data (and the markers and reference
        /// lines), widened to nice ticks.
        case numeric(ClosedRange<Double>?)
        /// Named, equally spaced categories (doses); a point's x is its category's index, from 0.
        case categorical([String])
    }

    /// A numeric axis, fitted to the data unless `range` is given.
    public init(title: String, unit: String? = nil, range: ClosedRange<Double>? = nil, integers: Bool = false) {
        self.title = title
        self.unit = unit
        self.scale = .numeric(range)
        self.integers = integers
    }

    /// A categorical axis: `categories` left to right.
    public init(title: String, unit: String? = nil, categories: [String]) {
        self.title = title
        self.unit = unit
        self.scale = .categorical(categories)
        self.integers = false
    }

    /// The title as printed: "Median PFS (weeks)".
    public var label: String {
        guard let unit, !unit.isEmpty else { return title }
        return "\(title) (\(unit))"
    }
}
