/// Geometry the renderer needs to keep text readable: where the series run (so labels avoid
/// them), the corners of a staircase, and where a marker's label fits.
extension ChartRenderer {
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
        let intervalSeries = chart.series.filter { $0.kind == .intervals }.count
        var intervalSlot = 0
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
            case .intervals:
                for (range, pixel) in zip(series.ranges, pixels) {
                    let x = pixel.0 + ChartRenderer.intervalOffset(slot: intervalSlot, of: intervalSeries, band: frame.px(1) - frame.px(0))
                    boxes.append(
                        LabelBox(minX: x - 7, minY: frame.py(range.upperBound) - 2, maxX: x + 7, maxY: frame.py(range.lowerBound) + 2))
                }
                intervalSlot += 1
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
            let left =
                index == 0
                ? max(point.x - (points[1].x - point.x) / 2, frame.xRange.lowerBound)
                : (points[index - 1].x + point.x) / 2
            let right =
                index == points.count - 1
                ? min(point.x + (point.x - points[index - 1].x) / 2, frame.xRange.upperBound)
                : (point.x + points[index + 1].x) / 2
            corners.append((frame.px(left), frame.py(point.y)))
            corners.append((frame.px(right), frame.py(point.y)))
        }
        return corners
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
}
