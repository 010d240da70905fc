/// Why a chart cannot be drawn. Raised by a design's plotting code only through a bug (a
/// design never produces NaN), so the command line reports it as an internal error.
public struct ChartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The title of the chart that could not be drawn.
    public let chart: String
    /// What is wrong, in words: "the series \"Power\" has no points".
    public let reason: String

    /// An error naming the chart by its title and saying what is wrong.
    public init(chart: String, reason: String) {
        self.chart = chart
        self.reason = reason
    }

    public var description: String { "chart \"\(chart)\": \(reason)" }
}
