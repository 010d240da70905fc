/// A labelled point drawn over the series: the attained design, the first or stable n, the
/// optimal or minimax Simon design.
public struct Marker: Sendable, Equatable {
    /// The glyph drawn at the point, filled in the text colour with a white rim, so that several
    /// markers on one chart can be told apart in black-and-white print.
    public enum Shape: String, Sendable, Equatable, CaseIterable {
        case circle, square, diamond, triangle
    }

    /// Where the marker sits, in data coordinates (on a categorical axis, the category's index).
    public var x: Double
    /// The marker's vertical position, in data coordinates.
    public var y: Double
    /// Printed beside the point, placed so labels do not overlap each other.
    public var label: String
    /// The glyph; a circle by default.
    public var shape: Shape

    /// A marker at (`x`, `y`) in data coordinates, drawn as `shape` with `label` beside it.
    public init(x: Double, y: Double, label: String, shape: Shape = .circle) {
        self.x = x
        self.y = y
        self.label = label
        self.shape = shape
    }
}

/// A dashed line across the whole plot at a target value, labelled at its right end.
public struct ReferenceLine: Sendable, Equatable {
    /// Which way the line runs across the plot.
    public enum Orientation: Sendable, Equatable {
        /// At a y value: target power 0.8, target DLT rate 0.25.
        case horizontal
        /// At an x value: the planned sample size.
        case vertical
    }

    /// Where the line crosses its axis, in data units: the y of a horizontal line, the x of a vertical one.
    public var value: Double
    /// Whether the line marks a y value (horizontal) or an x value (vertical).
    public var orientation: Orientation
    /// The text drawn with the line, naming what it marks: "target power 0.80", "p0".
    public var label: String

    /// A horizontal line at `y`.
    public init(y: Double, label: String) {
        self.value = y
        self.orientation = .horizontal
        self.label = label
    }

    /// A vertical line at `x`.
    public init(x: Double, label: String) {
        self.value = x
        self.orientation = .vertical
        self.label = label
    }
}
