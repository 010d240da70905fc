/// Why a chart cannot be drawn. Raised by a design's plotting code only through a bug (a
/// design never produces NaN), so the command line reports it as an internal error.
public struct ChartError: Error, Sendable, Equatable, CustomStringConvertible {
    public let chart: String
    public let reason: String

    public init(chart: String, reason: String) {
        self.chart = chart
        self.reason = reason
    }

    public var description: String { "chart \"\(chart)\": \(reason)" }
}
