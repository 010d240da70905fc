/// A labelled point drawn over the series: the attained design, the first or stable n, the
/// optimal or minimax Simon design.
public struct Marker: Sendable, Equatable {
    public enum Shape: String, Sendable, Equatable, CaseIterable {
        case circle, square, diamond, triangle
    }

    public var x: Double
    public var y: Double
    /// Printed beside the point, placed so labels do not overlap each other.
    public var label: String
    public var shape: Shape

    public init(x: Double, y: Double, label: String, shape: Shape = .circle) {
        self.x = x
        self.y = y
        self.label = label
        self.shape = shape
    }
}

/// A dashed line across the whole plot at a target value, labelled at its right end.
public struct ReferenceLine: Sendable, Equatable {
    public enum Orientation: Sendable, Equatable {
        /// At a y value: target power 0.8, target DLT rate 0.25.
        case horizontal
        /// At an x value: the planned sample size.
        case vertical
    }

    public var value: Double
    public var orientation: Orientation
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
