/// A plot in an HTML report, with its caption.
public struct Figure: Sendable {
    enum Content: Sendable {
        case chart(Chart)
        case svg(String)
    }

    let content: Content
    /// The suffix of its file when a report has several (`--plot power.svg` writes the first
    /// figure to `power.svg`, the second to `power-<name>.svg`).
    public var name: String
    /// One sentence under the plot: what it shows and what is marked.
    public var caption: String

    /// A chart, drawn when the report is rendered (with an id unique in the page).
    public init(_ chart: Chart, name: String = "plot", caption: String) {
        content = .chart(chart)
        self.name = name
        self.caption = caption
    }

    /// An SVG document made elsewhere; its XML declaration is dropped. Its own ids must not
    /// clash with the page's (`figure-1`, `figure-2`, … and their `-plot-area` clip paths).
    public init(svg: String, name: String = "plot", caption: String) {
        content = .svg(svg)
        self.name = name
        self.caption = caption
    }

    /// The chart, when the figure is one (not a pre-rendered SVG).
    public var chart: Chart? {
        if case let .chart(chart) = content { chart } else { nil }
    }

    /// The standalone SVG document, for `--plot`.
    public func svg() throws(ChartError) -> String {
        switch content {
        case .chart(let chart): return try chart.svg()
        case .svg(let document): return document
        }
    }

    /// The `<svg>` element for the page, its ids prefixed by `id`.
    func element(id: String) throws(ChartError) -> String {
        switch content {
        case .chart(let chart):
            return try chart.svgElement(id: id)
        case .svg(let document):
            var text = Substring(document)
            while let start = text.range(of: "<?xml") ?? text.range(of: "<!DOCTYPE"), start.lowerBound == text.startIndex,
                let end = text.range(of: ">")
            {
                text = text[end.upperBound...].drop { $0.isWhitespace }
            }
            return String(text)
        }
    }
}
