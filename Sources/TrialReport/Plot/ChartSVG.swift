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

    /// Refuses what would draw NaN coordinates or a misleading picture.
    func validate(id: String) throws(ChartError) {
        func fail(_ reason: String) -> ChartError { ChartError(chart: title, reason: reason) }
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic,
              id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
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
            if let categories, point.x != point.x.rounded() || point.x < 0 || point.x >= Double(categories) {
                throw fail("\(what) has x = \(point.x), which is not a category index in 0..<\(categories)")
            }
        }
        for series in series {
            guard !series.points.isEmpty else { throw fail("the series \"\(series.name)\" has no points") }
            if series.kind == .bars, categories == nil {
                throw fail("the bar series \"\(series.name)\" needs a categorical x axis")
            }
            for point in series.points { try check(point, "the series \"\(series.name)\"") }
        }
        for marker in markers { try check(Point(x: marker.x, y: marker.y), "the marker \"\(marker.label)\"") }
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
            guard line.value.isFinite else { throw fail("the reference line \"\(line.label)\" is not finite") }
            if line.orientation == .vertical, let categories, line.value < -0.5 || line.value > Double(categories) - 0.5 {
                throw fail("the reference line \"\(line.label)\" lies outside the categories")
            }
        }
    }
}

/// Where everything goes: the axes' data ranges and ticks, and the plot area in pixels.
struct ChartFrame {
    static let titleSize = 17.0
    static let subtitleSize = 13.0
    static let tickSize = 13.0
    static let axisTitleSize = 14.0
    static let labelSize = 12.0
    static let legendSize = 13.0
    static let legendRowHeight = 20.0

    /// The data ranges the plot area spans.
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    /// Tick values and their labels.
    let xTicks: [(value: Double, label: String)]
    let yTicks: [(value: Double, label: String)]
    /// The plot area in pixels.
    let left: Double, right: Double, top: Double, bottom: Double
    /// The legend's rows: each entry's series index and its x offset from `left`.
    let legendRows: [[(series: Int, offset: Double)]]
    let legendTop: Double

    init(chart: Chart) {
        let hasBars = chart.series.contains { $0.kind == .bars }
        // y: the data, markers and horizontal reference lines; bars stand on zero.
        var ys = chart.series.flatMap { $0.points.map(\.y) } + chart.markers.map(\.y)
        ys += chart.referenceLines.filter { $0.orientation == .horizontal }.map(\.value)
        if hasBars { ys.append(0) }
        let yTicks: NiceTicks
        let yRange: ClosedRange<Double>
        switch chart.y.scale {
        case .numeric(let range?):
            yTicks = NiceTicks(covering: range.lowerBound, range.upperBound, count: 5, integers: chart.y.integers)
            yRange = range
        default:
            yTicks = NiceTicks(covering: ys.min()!, ys.max()!, count: 5, integers: chart.y.integers)
            yRange = yTicks.lower...yTicks.upper
        }
        self.yRange = yRange
        self.yTicks = yTicks.values.filter { Self.near($0, yRange) }.map { ($0, yTicks.label($0)) }

        switch chart.x.scale {
        case .categorical(let names):
            xRange = -0.5...(Double(names.count) - 0.5)
            xTicks = names.enumerated().map { (Double($0.offset), $0.element) }
        case .numeric(let given):
            var xs = chart.series.flatMap { $0.points.map(\.x) } + chart.markers.map(\.x)
            xs += chart.referenceLines.filter { $0.orientation == .vertical }.map(\.value)
            let ticks: NiceTicks
            let range: ClosedRange<Double>
            if let given {
                ticks = NiceTicks(covering: given.lowerBound, given.upperBound, count: 6, integers: chart.x.integers)
                range = given
            } else {
                ticks = NiceTicks(covering: xs.min()!, xs.max()!, count: 6, integers: chart.x.integers)
                range = ticks.lower...ticks.upper
            }
            xRange = range
            xTicks = ticks.values.filter { Self.near($0, range) }.map { ($0, ticks.label($0)) }
        }

        // Margins: room for the title, the y tick labels and title, the x labels, title and legend.
        top = chart.subtitle == nil ? 52 : 70
        let widestYLabel = yTicks.values.map { yTicks.label($0) }.map { ChartFrame.textWidth($0, size: Self.tickSize) }.max() ?? 0
        left = (28 + widestYLabel + 12).rounded(.up)
        right = Double(chart.width) - 28
        let available = right - left
        var rows: [[(Int, Double)]] = [[]]
        var cursor = 0.0
        for (index, series) in chart.series.enumerated() {
            let entry = 30 + Self.textWidth(series.name, size: Self.legendSize) + 22
            if cursor > 0, cursor + entry > available {
                rows.append([])
                cursor = 0
            }
            rows[rows.count - 1].append((index, cursor))
            cursor += entry
        }
        legendRows = rows
        // Below the plot: tick labels (baseline +20), the axis title (+42), then the legend
        // rows (+70, +90, …), the last one 12 px above the bottom edge.
        bottom = Double(chart.height) - 12 - Double(rows.count - 1) * Self.legendRowHeight - 70
        legendTop = bottom + 70
    }

    /// Within a hair of the range's ends (ticks computed in floating point).
    private static func near(_ value: Double, _ range: ClosedRange<Double>) -> Bool {
        let tolerance = (range.upperBound - range.lowerBound) * 1e-9
        return value >= range.lowerBound - tolerance && value <= range.upperBound + tolerance
    }

    /// Pixel x of a data x.
    func px(_ x: Double) -> Double {
        left + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * (right - left)
    }

    /// Pixel y of a data y (SVG's y grows downwards).
    func py(_ y: Double) -> Double {
        bottom - (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * (bottom - top)
    }

    /// An estimate of the width of `text` in a sans-serif font, for layout: digits and most
    /// letters are about 0.55 em, narrow letters less, capitals and wide letters more.
    static func textWidth(_ text: String, size: Double) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "t", "f", "r", "I", ".", ",", ":", ";", "'", "|", "!", "(", ")", " ", "[", "]", "/":
                ems += 0.3
            case "m", "w", "M", "W", "%", "@", "≥", "≤":
                ems += 0.85
            case _ where character.isUppercase:
                ems += 0.68
            default:
                ems += 0.56
            }
        }
        return ems * size
    }
}

/// A box in pixels, for keeping labels apart.
struct LabelBox {
    var minX: Double, minY: Double, maxX: Double, maxY: Double

    func overlaps(_ other: LabelBox) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }
}

/// Draws a validated chart into SVG, back to front: frame, grid, reference lines, series,
/// axes, markers, legend.
struct ChartRenderer {
    let chart: Chart
    let frame: ChartFrame
    let id: String
    var out = SVGWriter()
    /// Boxes already taken by text in the plot area.
    var occupied: [LabelBox] = []

    init(chart: Chart, frame: ChartFrame, id: String) {
        self.chart = chart
        self.frame = frame
        self.id = id
    }

    mutating func render() -> String {
        let width = chart.width, height = chart.height
        out.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "version": "1.1",
            "width": width, "height": height, "viewBox": "0 0 \(width) \(height)",
            "font-family": Palette.fontFamily, "id": id,
        ])
        out.text("title", [:], chart.title)
        out.text("desc", [:], description)
        out.open("defs")
        out.open("clipPath", ["id": "\(id)-plot-area"])
        // A little beyond the frame, so a curve along an edge (power 1.0) is not cut in half.
        out.empty("rect", ["x": frame.left - 4, "y": frame.top - 4,
                           "width": frame.right - frame.left + 8, "height": frame.bottom - frame.top + 8])
        out.close("clipPath")
        out.close("defs")
        out.empty("rect", ["class": "background", "x": 0, "y": 0, "width": width, "height": height, "fill": "#FFFFFF"])
        occupied = seriesBoxes()
        drawTitle()
        drawGrid()
        drawReferenceLines()
        drawSeries()
        drawAxes()
        drawMarkers()
        drawLegend()
        out.close("svg")
        return out.markup
    }

    /// What a screen reader says: the axes and the series.
    var description: String {
        let names = chart.series.map(\.name).joined(separator: "; ")
        return "\(chart.y.label) against \(chart.x.label). Series: \(names)."
    }

    mutating func drawTitle() {
        out.text("text", ["class": "title", "x": frame.left, "y": 26, "font-size": ChartFrame.titleSize,
                          "font-weight": "bold", "fill": Palette.text], chart.title)
        if let subtitle = chart.subtitle {
            out.text("text", ["class": "subtitle", "x": frame.left, "y": 46, "font-size": ChartFrame.subtitleSize,
                              "fill": Palette.mutedText], subtitle)
        }
    }

    mutating func drawGrid() {
        out.open("g", ["class": "grid", "stroke": Palette.grid, "stroke-width": 1])
        for tick in frame.yTicks {
            let y = frame.py(tick.value)
            out.empty("line", ["x1": frame.left, "y1": y, "x2": frame.right, "y2": y])
        }
        if case .numeric = chart.x.scale {
            for tick in frame.xTicks {
                let x = frame.px(tick.value)
                out.empty("line", ["x1": x, "y1": frame.top, "x2": x, "y2": frame.bottom])
            }
        }
        out.close("g")
    }

    mutating func drawReferenceLines() {
        guard !chart.referenceLines.isEmpty else { return }
        out.open("g", ["class": "reference-lines", "font-size": ChartFrame.labelSize - 1, "fill": Palette.mutedText])
        for line in chart.referenceLines {
            let width = ChartFrame.textWidth(line.label, size: ChartFrame.labelSize - 1)
            switch line.orientation {
            case .horizontal:
                let y = frame.py(line.value)
                out.empty("line", ["x1": frame.left, "y1": y, "x2": frame.right, "y2": y,
                                   "stroke": Palette.reference, "stroke-width": 1.2, "stroke-dasharray": "6 4"])
                // Right end above the line, else below it, else the left end: wherever no
                // curve or bar runs through the label.
                let candidates = [(frame.right - 4 - width, y - 5), (frame.right - 4 - width, y + 14),
                                  (frame.left + 6, y - 5), (frame.left + 6, y + 14)]
                let boxes = candidates.map { LabelBox(minX: $0.0, minY: $0.1 - 11, maxX: $0.0 + width, maxY: $0.1 + 3) }
                let fits = boxes.indices.filter { boxes[$0].minY >= frame.top && boxes[$0].maxY <= frame.bottom }
                let chosen = fits.first { index in !occupied.contains { $0.overlaps(boxes[index]) } } ?? fits.first ?? 0
                out.text("text", ["x": candidates[chosen].0, "y": candidates[chosen].1], line.label)
                occupied.append(boxes[chosen])
            case .vertical:
                let x = frame.px(line.value)
                out.empty("line", ["x1": x, "y1": frame.top, "x2": x, "y2": frame.bottom,
                                   "stroke": Palette.reference, "stroke-width": 1.2, "stroke-dasharray": "6 4"])
                let fitsRight = x + 4 + width <= frame.right
                let anchorX = fitsRight ? x + 4 : x - 4
                out.text("text", ["x": anchorX, "y": frame.top + 12, "text-anchor": fitsRight ? "start" : "end"], line.label)
                let minX = fitsRight ? anchorX : anchorX - width
                occupied.append(LabelBox(minX: minX, minY: frame.top, maxX: minX + width, maxY: frame.top + 15))
            }
        }
        out.close("g")
    }

    /// The pixels the series cover, as small boxes along each curve (every few pixels), one
    /// per point and bar, and the bars' value labels: where marker and reference labels
    /// should not go.
    func seriesBoxes() -> [LabelBox] {
        var boxes: [LabelBox] = []
        func dot(_ x: Double, _ y: Double, _ radius: Double) {
            boxes.append(LabelBox(minX: x - radius, minY: y - radius, maxX: x + radius, maxY: y + radius))
        }
        func segment(_ from: (Double, Double), _ to: (Double, Double)) {
            let length = ((to.0 - from.0) * (to.0 - from.0) + (to.1 - from.1) * (to.1 - from.1)).squareRoot()
            let steps = max(1, Int(length / 4))
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                dot(from.0 + t * (to.0 - from.0), from.1 + t * (to.1 - from.1), 2)
            }
        }
        let barSeries = chart.series.filter { $0.kind == .bars }.count
        var barSlot = 0
        for series in chart.series {
            let pixels = series.points.map { (frame.px($0.x), frame.py($0.y)) }
            switch series.kind {
            case .line:
                for (from, to) in zip(pixels, pixels.dropFirst()) { segment(from, to) }
                if pixels.count == 1 { dot(pixels[0].0, pixels[0].1, 3) }
            case .step:
                let corners = staircase(series.points)
                for (from, to) in zip(corners, corners.dropFirst()) { segment(from, to) }
                if pixels.count == 1 { dot(pixels[0].0, pixels[0].1, 3) }
            case .points:
                for pixel in pixels { dot(pixel.0, pixel.1, 4) }
            case .bars:
                let group = (frame.px(1) - frame.px(0)) * 0.72
                let width = group / Double(barSeries)
                let zero = frame.py(0)
                for (point, pixel) in zip(series.points, pixels) {
                    let x = pixel.0 - group / 2 + Double(barSlot) * width
                    boxes.append(LabelBox(minX: x, minY: min(pixel.1, zero), maxX: x + width, maxY: max(pixel.1, zero)))
                    if let decimals = series.valueDecimals {
                        let half = ChartFrame.textWidth(NumberFormat.fixed(point.y, decimals), size: ChartFrame.labelSize - 1) / 2
                        let y = frame.py(point.y) - 4
                        boxes.append(LabelBox(minX: x + width / 2 - half, minY: y - 11, maxX: x + width / 2 + half, maxY: y + 2))
                    }
                }
                barSlot += 1
            }
        }
        return boxes
    }

    /// The corners, in pixels, of a staircase whose treads are centred on the points: each y
    /// holds from halfway to the previous x to halfway to the next (the ends reach out by half
    /// their neighbour's gap, but not past the axis), so a marker at n sits mid-tread.
    func staircase(_ points: [Point]) -> [(Double, Double)] {
        guard points.count > 1 else { return points.map { (frame.px($0.x), frame.py($0.y)) } }
        var corners: [(Double, Double)] = []
        for (index, point) in points.enumerated() {
            let left = index == 0
                ? max(point.x - (points[1].x - point.x) / 2, frame.xRange.lowerBound)
                : (points[index - 1].x + point.x) / 2
            let right = index == points.count - 1
                ? min(point.x + (point.x - points[index - 1].x) / 2, frame.xRange.upperBound)
                : (point.x + points[index + 1].x) / 2
            corners.append((frame.px(left), frame.py(point.y)))
            corners.append((frame.px(right), frame.py(point.y)))
        }
        return corners
    }

    mutating func drawSeries() {
        out.open("g", ["class": "series", "clip-path": "url(#\(id)-plot-area)"])
        let barSeries = chart.series.indices.filter { chart.series[$0].kind == .bars }
        // Bars at the back, then lines and steps, then points on top.
        let order = barSeries + chart.series.indices.filter { chart.series[$0].kind == .line || chart.series[$0].kind == .step }
            + chart.series.indices.filter { chart.series[$0].kind == .points }
        for index in order {
            let series = chart.series[index]
            let color = Palette.color(index)
            switch series.kind {
            case .bars: drawBars(series, color: color, slot: barSeries.firstIndex(of: index)!, of: barSeries.count)
            case .line, .step: drawPath(series, color: color)
            case .points: drawPoints(series, color: color)
            }
        }
        out.close("g")
    }

    mutating func drawPath(_ series: Series, color: String) {
        let points = series.points.map { (frame.px($0.x), frame.py($0.y)) }
        let vertices = series.kind == .step && points.count > 1 ? staircase(series.points) : points
        var d = "M\(SVGWriter.number(vertices[0].0)) \(SVGWriter.number(vertices[0].1))"
        for vertex in vertices.dropFirst() {
            d += " L\(SVGWriter.number(vertex.0)) \(SVGWriter.number(vertex.1))"
        }
        if series.points.count == 1 {
            out.empty("circle", ["cx": points[0].0, "cy": points[0].1, "r": 3, "fill": color])
            return
        }
        if series.dashed {
            out.empty("path", ["class": seriesClass(series), "d": d, "fill": "none", "stroke": color, "stroke-width": 2.2,
                               "stroke-linejoin": "round", "stroke-dasharray": "8 4"])
        } else {
            out.empty("path", ["class": seriesClass(series), "d": d, "fill": "none", "stroke": color, "stroke-width": 2.2,
                               "stroke-linejoin": "round"])
        }
        if let decimals = series.valueDecimals {
            for (point, pixel) in zip(series.points, points) {
                valueLabel(NumberFormat.fixed(point.y, decimals), x: pixel.0, y: pixel.1 - 8, color: color)
            }
        }
    }

    mutating func drawPoints(_ series: Series, color: String) {
        out.open("g", ["class": seriesClass(series), "fill": color, "fill-opacity": 0.75])
        for point in series.points {
            out.empty("circle", ["cx": frame.px(point.x), "cy": frame.py(point.y), "r": 3.5])
        }
        out.close("g")
    }

    mutating func drawBars(_ series: Series, color: String, slot: Int, of slots: Int) {
        let band = frame.px(1) - frame.px(0)
        let group = band * 0.72
        let barWidth = group / Double(slots)
        out.open("g", ["class": seriesClass(series), "fill": color, "stroke": "#FFFFFF", "stroke-width": 1])
        let zero = frame.py(0)
        for point in series.points {
            let x = frame.px(point.x) - group / 2 + Double(slot) * barWidth
            let y = frame.py(point.y)
            out.empty("rect", ["x": x, "y": min(y, zero), "width": barWidth, "height": abs(zero - y)])
        }
        out.close("g")
        if let decimals = series.valueDecimals {
            for point in series.points {
                let x = frame.px(point.x) - group / 2 + (Double(slot) + 0.5) * barWidth
                valueLabel(NumberFormat.fixed(point.y, decimals), x: x, y: frame.py(point.y) - 4, color: Palette.text)
            }
        }
    }

    mutating func valueLabel(_ text: String, x: Double, y: Double, color: String) {
        out.text("text", ["class": "value", "x": x, "y": y, "font-size": ChartFrame.labelSize - 1, "text-anchor": "middle",
                          "fill": color], text)
        let width = ChartFrame.textWidth(text, size: ChartFrame.labelSize - 1)
        occupied.append(LabelBox(minX: x - width / 2, minY: y - 11, maxX: x + width / 2, maxY: y + 2))
    }

    func seriesClass(_ series: Series) -> String {
        switch series.kind {
        case .line: "line"
        case .step: "step"
        case .points: "points"
        case .bars: "bars"
        }
    }

    mutating func drawAxes() {
        out.open("g", ["class": "axes", "stroke": Palette.axis, "stroke-width": 1])
        out.empty("line", ["x1": frame.left, "y1": frame.bottom, "x2": frame.right, "y2": frame.bottom])
        out.empty("line", ["x1": frame.left, "y1": frame.top, "x2": frame.left, "y2": frame.bottom])
        for tick in frame.xTicks {
            let x = frame.px(tick.value)
            out.empty("line", ["x1": x, "y1": frame.bottom, "x2": x, "y2": frame.bottom + 5])
        }
        for tick in frame.yTicks {
            let y = frame.py(tick.value)
            out.empty("line", ["x1": frame.left - 5, "y1": y, "x2": frame.left, "y2": y])
        }
        out.close("g")
        out.open("g", ["class": "tick-labels", "font-size": ChartFrame.tickSize, "fill": Palette.text])
        for tick in frame.xTicks {
            out.text("text", ["x": frame.px(tick.value), "y": frame.bottom + 20, "text-anchor": "middle"], tick.label)
        }
        for tick in frame.yTicks {
            out.text("text", ["x": frame.left - 9, "y": frame.py(tick.value) + 4.5, "text-anchor": "end"], tick.label)
        }
        out.close("g")
        out.open("g", ["class": "axis-titles", "font-size": ChartFrame.axisTitleSize, "fill": Palette.text])
        out.text("text", ["x": (frame.left + frame.right) / 2, "y": frame.bottom + 42, "text-anchor": "middle"], chart.x.label)
        let middle = (frame.top + frame.bottom) / 2
        out.text("text", ["x": 18, "y": middle, "text-anchor": "middle",
                          "transform": "rotate(-90 18 \(SVGWriter.number(middle)))"], chart.y.label)
        out.close("g")
    }

    mutating func drawMarkers() {
        guard !chart.markers.isEmpty else { return }
        let size = ChartFrame.labelSize
        // The glyphs first, so no label is placed over another marker.
        let centers = chart.markers.map { (frame.px($0.x), frame.py($0.y)) }
        for center in centers {
            occupied.append(LabelBox(minX: center.0 - 7, minY: center.1 - 7, maxX: center.0 + 7, maxY: center.1 + 7))
        }
        out.open("g", ["class": "markers"])
        for (marker, center) in zip(chart.markers, centers) {
            drawGlyph(marker.shape, x: center.0, y: center.1)
        }
        for (marker, center) in zip(chart.markers, centers) {
            let width = ChartFrame.textWidth(marker.label, size: size)
            let box = placeLabel(width: width, height: size + 3, at: center)
            occupied.append(box)
            out.empty("rect", ["x": box.minX - 2, "y": box.minY, "width": box.maxX - box.minX + 4,
                               "height": box.maxY - box.minY, "fill": "#FFFFFF", "fill-opacity": 0.85])
            out.text("text", ["x": box.minX, "y": box.maxY - 4, "font-size": size, "fill": Palette.text], marker.label)
        }
        out.close("g")
    }

    mutating func drawGlyph(_ shape: Marker.Shape, x: Double, y: Double) {
        let fill = Palette.text, stroke = "#FFFFFF"
        switch shape {
        case .circle:
            out.empty("circle", ["cx": x, "cy": y, "r": 5.5, "fill": fill, "stroke": stroke, "stroke-width": 1.5])
        case .square:
            out.empty("rect", ["x": x - 5, "y": y - 5, "width": 10, "height": 10, "fill": fill, "stroke": stroke, "stroke-width": 1.5])
        case .diamond:
            let points = [(x, y - 7), (x + 7, y), (x, y + 7), (x - 7, y)]
            out.empty("polygon", ["points": polygon(points), "fill": fill, "stroke": stroke, "stroke-width": 1.5])
        case .triangle:
            let points = [(x, y - 7), (x + 6.5, y + 5), (x - 6.5, y + 5)]
            out.empty("polygon", ["points": polygon(points), "fill": fill, "stroke": stroke, "stroke-width": 1.5])
        }
    }

    func polygon(_ points: [(Double, Double)]) -> String {
        points.map { "\(SVGWriter.number($0.0)),\(SVGWriter.number($0.1))" }.joined(separator: " ")
    }

    /// The first of eight positions around the marker whose box stays in the plot area and
    /// clear of text already drawn; failing all, the first one that stays in the picture.
    func placeLabel(width: Double, height: Double, at center: (Double, Double)) -> LabelBox {
        let (x, y) = center
        let gap = 9.0
        let candidates: [(Double, Double)] = [
            (x + gap, y - gap - height), (x + gap, y + gap), (x - gap - width, y - gap - height), (x - gap - width, y + gap),
            (x + gap, y - 2 * gap - 2 * height), (x - gap - width, y - 2 * gap - 2 * height),
            (x + gap, y + 2 * gap + height), (x - gap - width, y + 2 * gap + height),
        ]
        let boxes = candidates.map { LabelBox(minX: $0.0, minY: $0.1, maxX: $0.0 + width, maxY: $0.1 + height) }
        func inside(_ box: LabelBox) -> Bool {
            box.minX >= frame.left + 2 && box.maxX <= frame.right - 2 && box.minY >= frame.top && box.maxY <= frame.bottom
        }
        if let free = boxes.first(where: { box in inside(box) && !occupied.contains { $0.overlaps(box) } }) {
            return free
        }
        if let fits = boxes.first(where: inside) { return fits }
        // Wider than the plot: start at the left edge.
        let minX = max(2, min(x + gap, Double(chart.width) - width - 2))
        return LabelBox(minX: minX, minY: y - gap - height, maxX: minX + width, maxY: y - gap)
    }

    mutating func drawLegend() {
        out.open("g", ["class": "legend", "font-size": ChartFrame.legendSize, "fill": Palette.text])
        for (row, entries) in frame.legendRows.enumerated() {
            let y = frame.legendTop + Double(row) * ChartFrame.legendRowHeight
            for entry in entries {
                let series = chart.series[entry.series]
                let x = frame.left + entry.offset
                let color = Palette.color(entry.series)
                switch series.kind {
                case .line where series.dashed:
                    out.empty("line", ["x1": x, "y1": y - 4.5, "x2": x + 24, "y2": y - 4.5, "stroke": color,
                                       "stroke-width": 2.2, "stroke-dasharray": "8 4"])
                case .line:
                    out.empty("line", ["x1": x, "y1": y - 4.5, "x2": x + 24, "y2": y - 4.5, "stroke": color, "stroke-width": 2.2])
                case .step:
                    let d = "M\(SVGWriter.number(x)) \(SVGWriter.number(y - 1)) H\(SVGWriter.number(x + 12)) V\(SVGWriter.number(y - 9)) H\(SVGWriter.number(x + 24))"
                    out.empty("path", ["d": d, "fill": "none", "stroke": color, "stroke-width": 2.2])
                case .points:
                    out.empty("circle", ["cx": x + 12, "cy": y - 4.5, "r": 4, "fill": color])
                case .bars:
                    out.empty("rect", ["x": x + 5, "y": y - 11, "width": 14, "height": 13, "fill": color])
                }
                out.text("text", ["x": x + 30, "y": y], series.name)
            }
        }
        out.close("g")
    }
}
