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
        out.open(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg", "version": "1.1",
                "width": width, "height": height, "viewBox": "0 0 \(width) \(height)",
                "font-family": Palette.fontFamily, "id": id,
            ])
        out.text("title", [:], chart.title)
        out.text("desc", [:], description)
        out.open("defs")
        out.open("clipPath", ["id": "\(id)-plot-area"])
        // A little beyond the frame, so a curve along an edge (power 1.0) is not cut in half.
        out.empty(
            "rect",
            [
                "x": frame.left - 4, "y": frame.top - 4,
                "width": frame.right - frame.left + 8, "height": frame.bottom - frame.top + 8,
            ])
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
        drawFooter()
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
        out.text(
            "text",
            [
                "class": "title", "x": frame.left, "y": 26, "font-size": ChartFrame.titleSize,
                "font-weight": "bold", "fill": Palette.text,
            ], chart.title)
        if let subtitle = chart.subtitle {
            out.text(
                "text",
                [
                    "class": "subtitle", "x": frame.left, "y": 46, "font-size": ChartFrame.subtitleSize,
                    "fill": Palette.mutedText,
                ], subtitle)
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
                out.empty(
                    "line",
                    [
                        "x1": frame.left, "y1": y, "x2": frame.right, "y2": y,
                        "stroke": Palette.reference, "stroke-width": 1.2, "stroke-dasharray": "6 4",
                    ])
                // Right end above the line, else below it, else the left end: wherever no
                // curve or bar runs through the label.
                let candidates = [
                    (frame.right - 4 - width, y - 5), (frame.right - 4 - width, y + 14),
                    (frame.left + 6, y - 5), (frame.left + 6, y + 14),
                ]
                let boxes = candidates.map { LabelBox(minX: $0.0, minY: $0.1 - 11, maxX: $0.0 + width, maxY: $0.1 + 3) }
                let fits = boxes.indices.filter { boxes[$0].minY >= frame.top && boxes[$0].maxY <= frame.bottom }
                let chosen = fits.first { index in !occupied.contains { $0.overlaps(boxes[index]) } } ?? fits.first ?? 0
                out.text("text", ["x": candidates[chosen].0, "y": candidates[chosen].1], line.label)
                occupied.append(boxes[chosen])
            case .vertical:
                let x = frame.px(line.value)
                out.empty(
                    "line",
                    [
                        "x1": x, "y1": frame.top, "x2": x, "y2": frame.bottom,
                        "stroke": Palette.reference, "stroke-width": 1.2, "stroke-dasharray": "6 4",
                    ])
                let fitsRight = x + 4 + width <= frame.right
                let anchorX = fitsRight ? x + 4 : x - 4
                out.text("text", ["x": anchorX, "y": frame.top + 12, "text-anchor": fitsRight ? "start" : "end"], line.label)
                let minX = fitsRight ? anchorX : anchorX - width
                occupied.append(LabelBox(minX: minX, minY: frame.top, maxX: minX + width, maxY: frame.top + 15))
            }
        }
        out.close("g")
    }

    mutating func drawSeries() {
        out.open("g", ["class": "series", "clip-path": "url(#\(id)-plot-area)"])
        let barSeries = chart.series.indices.filter { chart.series[$0].kind == .bars }
        // Bars at the back, then lines and steps, then points on top.
        let intervalSeries = chart.series.indices.filter { chart.series[$0].kind == .intervals }
        let order =
            barSeries + chart.series.indices.filter { chart.series[$0].kind == .line || chart.series[$0].kind == .step }
            + intervalSeries + chart.series.indices.filter { chart.series[$0].kind == .points }
        for index in order {
            let series = chart.series[index]
            let color = Palette.color(index)
            switch series.kind {
            case .bars: drawBars(series, color: color, slot: barSeries.firstIndex(of: index)!, of: barSeries.count)
            case .line, .step: drawPath(series, color: color)
            case .points: drawPoints(series, color: color)
            case .intervals: drawIntervals(series, color: color, slot: intervalSeries.firstIndex(of: index)!, of: intervalSeries.count)
            }
        }
        out.close("g")
    }

    /// The x offset of interval series `slot` of `slots` within a category `band` pixels wide,
    /// so that several stand side by side (one is centred).
    static func intervalOffset(slot: Int, of slots: Int, band: Double) -> Double {
        guard slots > 1 else { return 0 }
        let group = band * 0.5
        return -group / 2 + (Double(slot) + 0.5) * group / Double(slots)
    }

    mutating func drawIntervals(_ series: Series, color: String, slot: Int, of slots: Int) {
        let offset = Self.intervalOffset(slot: slot, of: slots, band: frame.px(1) - frame.px(0))
        out.open("g", ["class": seriesClass(series), "stroke": color, "stroke-width": 2.2, "fill": color])
        for (point, range) in zip(series.points, series.ranges) {
            let x = frame.px(point.x) + offset
            let top = frame.py(range.upperBound), bottom = frame.py(range.lowerBound)
            out.empty("line", ["x1": x, "y1": top, "x2": x, "y2": bottom])
            out.empty("line", ["x1": x - 6, "y1": top, "x2": x + 6, "y2": top])
            out.empty("line", ["x1": x - 6, "y1": bottom, "x2": x + 6, "y2": bottom])
            if series.marksEstimates {
                out.empty("circle", ["cx": x, "cy": frame.py(point.y), "r": 4.5, "stroke": "#FFFFFF", "stroke-width": 1.5])
            }
        }
        out.close("g")
        if let decimals = series.valueDecimals {
            for point in series.points {
                valueLabel(
                    NumberFormat.fixed(point.y, decimals), x: frame.px(point.x) + offset + 22, y: frame.py(point.y) + 4, color: Palette.text
                )
            }
        }
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
            out.empty(
                "path",
                [
                    "class": seriesClass(series), "d": d, "fill": "none", "stroke": color, "stroke-width": 2.2,
                    "stroke-linejoin": "round", "stroke-dasharray": "8 4",
                ])
        } else {
            out.empty(
                "path",
                [
                    "class": seriesClass(series), "d": d, "fill": "none", "stroke": color, "stroke-width": 2.2,
                    "stroke-linejoin": "round",
                ])
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
        out.text(
            "text",
            [
                "class": "value", "x": x, "y": y, "font-size": ChartFrame.labelSize - 1, "text-anchor": "middle",
                "fill": color,
            ], text)
        let width = ChartFrame.textWidth(text, size: ChartFrame.labelSize - 1)
        occupied.append(LabelBox(minX: x - width / 2, minY: y - 11, maxX: x + width / 2, maxY: y + 2))
    }

    func seriesClass(_ series: Series) -> String {
        switch series.kind {
        case .line: "line"
        case .step: "step"
        case .points: "points"
        case .bars: "bars"
        case .intervals: "intervals"
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
        out.text(
            "text",
            [
                "x": 18, "y": middle, "text-anchor": "middle",
                "transform": "rotate(-90 18 \(SVGWriter.number(middle)))",
            ], chart.y.label)
        out.close("g")
    }

    /// The footer row, under the axis title: its label right-aligned at the plot's left edge,
    /// each entry centred under its x.
    mutating func drawFooter() {
        guard let footer = chart.footer else { return }
        let y = frame.bottom + 42 + ChartFrame.footerHeight
        out.open("g", ["class": "footer", "font-size": ChartFrame.tickSize - 1, "fill": Palette.mutedText])
        out.text("text", ["x": frame.left - 9, "y": y, "text-anchor": "end"], footer.label)
        for entry in footer.entries where entry.x >= frame.xRange.lowerBound && entry.x <= frame.xRange.upperBound {
            out.text("text", ["x": frame.px(entry.x), "y": y, "text-anchor": "middle"], entry.text)
        }
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
            out.empty(
                "rect",
                [
                    "x": box.minX - 2, "y": box.minY, "width": box.maxX - box.minX + 4,
                    "height": box.maxY - box.minY, "fill": "#FFFFFF", "fill-opacity": 0.85,
                ])
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
                    out.empty(
                        "line",
                        [
                            "x1": x, "y1": y - 4.5, "x2": x + 24, "y2": y - 4.5, "stroke": color,
                            "stroke-width": 2.2, "stroke-dasharray": "8 4",
                        ])
                case .line:
                    out.empty("line", ["x1": x, "y1": y - 4.5, "x2": x + 24, "y2": y - 4.5, "stroke": color, "stroke-width": 2.2])
                case .step:
                    let d =
                        "M\(SVGWriter.number(x)) \(SVGWriter.number(y - 1)) H\(SVGWriter.number(x + 12)) V\(SVGWriter.number(y - 9)) H\(SVGWriter.number(x + 24))"
                    out.empty("path", ["d": d, "fill": "none", "stroke": color, "stroke-width": 2.2])
                case .points:
                    out.empty("circle", ["cx": x + 12, "cy": y - 4.5, "r": 4, "fill": color])
                case .bars:
                    out.empty("rect", ["x": x + 5, "y": y - 11, "width": 14, "height": 13, "fill": color])
                case .intervals:
                    out.empty("line", ["x1": x + 12, "y1": y - 12, "x2": x + 12, "y2": y + 3, "stroke": color, "stroke-width": 2.2])
                    out.empty("line", ["x1": x + 8, "y1": y - 12, "x2": x + 16, "y2": y - 12, "stroke": color, "stroke-width": 2.2])
                    out.empty("line", ["x1": x + 8, "y1": y + 3, "x2": x + 16, "y2": y + 3, "stroke": color, "stroke-width": 2.2])
                    if series.marksEstimates { out.empty("circle", ["cx": x + 12, "cy": y - 4.5, "r": 4, "fill": color]) }
                }
                out.text("text", ["x": x + 30, "y": y], series.name)
            }
        }
        out.close("g")
    }
}
