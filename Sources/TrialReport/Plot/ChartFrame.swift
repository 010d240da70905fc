/// Where everything goes: the axes' data ranges and ticks, and the plot area in pixels.
struct ChartFrame {
    static let titleSize = 17.0
    static let subtitleSize = 13.0
    static let tickSize = 13.0
    static let axisTitleSize = 14.0
    static let labelSize = 12.0
    static let legendSize = 13.0
    static let legendRowHeight = 20.0
    static let footerHeight = 24.0

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
        var ys =
            chart.series.flatMap { $0.points.map(\.y) + $0.ranges.flatMap { [$0.lowerBound, $0.upperBound] } } + chart.markers.map(\.y)
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
        // A footer row (numbers at risk) takes one more row between the axis title and the legend.
        let footer = chart.footer == nil ? 0 : Self.footerHeight
        bottom = Double(chart.height) - 12 - Double(rows.count - 1) * Self.legendRowHeight - 70 - footer
        legendTop = bottom + 70 + footer
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
