/// A point in data coordinates. On a categorical axis, x is the category's index.
public struct Point: Sendable, Equatable {
    /// The horizontal position in data units (patients, weeks, a category index).
    public var x: Double
    /// The vertical position in data units (power, probability, survival).
    public var y: Double

    /// A point at (`x`, `y`) in data coordinates.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A named set of points, drawn one way, with an entry in the legend.
public struct Series: Sendable, Equatable {
    /// How the series is drawn.
    public enum Kind: Sendable, Equatable {
        /// Points joined by straight lines: a continuous power curve.
        case line
        /// A staircase: each y holds over a tread centred on its x, from halfway to the previous
        /// x to halfway to the next. Exact binomial power, which is defined only at whole n and
        /// jumps as the critical value moves (the sawtooth): the tread of n runs n ± ½.
        case step
        /// Unjoined dots: the designs on a Simon frontier.
        case points
        /// Vertical bars from zero; several bar series on a categorical axis stand side by side
        /// in each category (CRM selection by dose under several scenarios).
        case bars
        /// An estimate with its interval at each x: a dot at the estimate and a whisker with
        /// caps over ``Series/ranges`` (confidence or posterior intervals); several such series
        /// on a categorical axis stand side by side.
        case intervals
    }

    /// The legend's text.
    public var name: String
    /// How the points are drawn: joined, as steps, as dots, as bars or as intervals.
    public var kind: Kind
    /// The data; lines and steps join the points in the order given, so give them in increasing x.
    public var points: [Point]
    /// A dashed stroke, to tell a second curve apart in black-and-white print.
    public var dashed: Bool
    /// Print each bar's or point's value beside it, with this many decimals; nil for none.
    public var valueDecimals: Int?
    /// For ``Kind/intervals``: each point's interval, lower ... upper (one per point).
    public var ranges: [ClosedRange<Double>]
    /// For ``Kind/intervals``: whether a dot marks each point's y (the estimate); false draws
    /// the whiskers alone (intervals that belong to no estimate).
    public var marksEstimates: Bool

    /// A series of `points`, solid unless `dashed`, with no value labels unless `valueDecimals` is
    /// given; for an interval series use ``intervals(name:x:estimates:ranges:valueDecimals:)``.
    public init(name: String, kind: Kind, points: [Point], dashed: Bool = false, valueDecimals: Int? = nil) {
        self.name = name
        self.kind = kind
        self.points = points
        self.dashed = dashed
        self.valueDecimals = valueDecimals
        self.ranges = []
        self.marksEstimates = true
    }

    /// Estimates with their intervals, drawn as dots with whiskers.
    public static func intervals(
        name: String, x: [Double], estimates: [Double], ranges: [ClosedRange<Double>],
        valueDecimals: Int? = nil
    ) -> Series {
        var series = Series(name: name, kind: .intervals, x: x, y: estimates, valueDecimals: valueDecimals)
        series.ranges = ranges
        return series
    }

    /// Intervals alone, drawn as whiskers (each point's y is its interval's midpoint).
    public static func intervals(name: String, x: [Double], ranges: [ClosedRange<Double>]) -> Series {
        var series = intervals(name: name, x: x, estimates: ranges.map { ($0.lowerBound + $0.upperBound) / 2 }, ranges: ranges)
        series.marksEstimates = false
        return series
    }

    /// A series from parallel x and y values.
    public init(name: String, kind: Kind, x: [Double], y: [Double], dashed: Bool = false, valueDecimals: Int? = nil) {
        precondition(x.count == y.count, "a series needs as many x as y values")
        self.init(
            name: name, kind: kind, points: zip(x, y).map { Point(x: $0, y: $1) },
            dashed: dashed, valueDecimals: valueDecimals)
    }
}
