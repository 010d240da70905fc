extension Chart {
    /// The chart as a standalone SVG 1.1 document (XML declaration, namespace, `viewBox`,
    /// pixel width and height), ready to write to a `.svg` file.
    ///
    /// `id` prefixes the document's internal ids (its clip path), so several charts can sit
    /// inline in one HTML page: give each its own.
    ///
    /// - Throws: ``ChartError`` when a coordinate is NaN or infinite, a series is empty, bars
    ///   stand on a numeric axis, or a categorical x is not a category's index.
    public func svg(id: String = "chart") throws(ChartError) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + (try svgElement(id: id))
    }

    /// The `<svg>` element alone, for inlining in HTML.
    public func svgElement(id: String = "chart") throws(ChartError) -> String {
        try validate(id: id)
        let frame = ChartFrame(chart: self)
        var renderer = ChartRenderer(chart: self, frame: frame, id: id)
        return renderer.render()
    }
}
