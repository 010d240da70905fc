extension Chart {
    /// The largest magnitude a plotted value may have, so that every span and tick is finite.
    static let largestCoordinate = 1e300

    /// Refuses what would draw NaN coordinates or a misleading picture.
    func validate(id: String) throws(ChartError) {
        func fail(_ reason: String) -> ChartError { ChartError(chart: title, reason: reason) }
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic,
            id.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            })
        else { throw fail("the id \"\(id)\" must be a letter followed by letters, digits, - or _") }
        guard width >= 200, height >= 150 else { throw fail("the size must be at least 200 × 150 pixels") }
        guard !series.isEmpty else { throw fail("there is nothing to plot") }
        for axis in [x, y] {
            if case .numeric(let range?) = axis.scale {
                guard range.lowerBound.isFinite, range.upperBound.isFinite, range.lowerBound < range.upperBound else {
                    throw fail("the \(axis.title) axis range must be finite with lower < upper")
                }
            }
        }
        if case .categorical = y.scale { throw fail("the y axis must be numeric") }
        let categories: Int? = if case .categorical(let names) = x.scale { names.count } else { nil }
        if let categories, categories == 0 { throw fail("a categorical axis needs at least one category") }
        func check(_ point: Point, _ what: String) throws(ChartError) {
            guard point.x.isFinite, point.y.isFinite else {
                throw fail("\(what) has a non-finite point (\(point.x), \(point.y))")
            }
            // Beyond this, the span between two points may overflow and no tick can be placed.
            guard abs(point.x) <= Self.largestCoordinate, abs(point.y) <= Self.largestCoordinate else {
                throw fail("\(what) has a point beyond ±1e300 (\(point.x), \(point.y))")
            }
            if let categories, point.x != point.x.rounded() || point.x < 0 || point.x >= Double(categories) {
                throw fail("\(what) has x = \(point.x), which is not a category index in 0..<\(categories)")
            }
        }
        for series in series {
            guard !series.points.isEmpty else { throw fail("the series \"\(series.name)\" has no points") }
            if series.kind == .bars, categories == nil {
                throw fail("the bar series \"\(series.name)\" needs a categorical x axis")
            }
            if series.kind == .intervals {
                guard series.ranges.count == series.points.count else {
                    throw fail("the interval series \"\(series.name)\" needs one interval per point")
                }
                for range in series.ranges {
                    try check(Point(x: 0, y: range.lowerBound), "the interval series \"\(series.name)\"")
                    try check(Point(x: 0, y: range.upperBound), "the interval series \"\(series.name)\"")
                }
            }
            for point in series.points { try check(point, "the series \"\(series.name)\"") }
        }
        for marker in markers { try check(Point(x: marker.x, y: marker.y), "the marker \"\(marker.label)\"") }
        for entry in footer?.entries ?? [] where !(entry.x.isFinite && abs(entry.x) <= Self.largestCoordinate) {
            throw fail("the footer entry \"\(entry.text)\" is not at a finite x")
        }
        // Annotations outside a given range would be drawn over the axes: refuse them.
        let xGiven: ClosedRange<Double>? = if case .numeric(let range?) = x.scale { range } else { nil }
        let yGiven: ClosedRange<Double>? = if case .numeric(let range?) = y.scale { range } else { nil }
        for marker in markers {
            if let xGiven, !xGiven.contains(marker.x) { throw fail("the marker \"\(marker.label)\" lies outside the x range") }
            if let yGiven, !yGiven.contains(marker.y) { throw fail("the marker \"\(marker.label)\" lies outside the y range") }
        }
        for line in referenceLines {
            let range = line.orientation == .horizontal ? yGiven : xGiven
            if let range, !range.contains(line.value) { throw fail("the reference line \"\(line.label)\" lies outside the axis range") }
        }
        for line in referenceLines {
            guard line.value.isFinite, abs(line.value) <= Self.largestCoordinate else {
                throw fail("the reference line \"\(line.label)\" is not finite or beyond ±1e300")
            }
            if line.orientation == .vertical, let categories, line.value < -0.5 || line.value > Double(categories) - 0.5 {
                throw fail("the reference line \"\(line.label)\" lies outside the categories")
            }
        }
    }
}
