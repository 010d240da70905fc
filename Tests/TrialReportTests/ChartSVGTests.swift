import Foundation
import Probability
import Testing

@testable import TrialReport

@Suite("SVG charts")
struct ChartSVGTests {
    @Test("the seed trial's power curve: golden SVG")
    func powerCurveGolden() throws {
        let svg = try SeedCurves.powerChart().svg(id: "power")
        try expectGolden(svg, named: "power-curve.svg")
    }

    @Test("the exact binomial sawtooth: golden SVG")
    func sawtoothGolden() throws {
        try expectGolden(try SeedCurves.sawtoothChart().svg(id: "sawtooth"), named: "sawtooth.svg")
    }

    @Test("grouped bars with a line over categories: golden SVG")
    func doseBarsGolden() throws {
        try expectGolden(try SeedCurves.doseChart().svg(id: "doses"), named: "dose-selection.svg")
    }

    /// The seed trial's 4/26 under two methods: a whisker with caps per interval at its pixel ends, a dot at the
    /// estimate, side by side in each category; whiskers alone without dots; mismatched intervals refused.
    @Test("interval series: whiskers, caps and the estimate's dot at the right pixels")
    func intervals() throws {
        var chart = Chart(
            title: "Intervals", x: Axis(title: "Method", categories: ["exact", "wilson"]),
            y: Axis(title: "Rate", range: 0...1))
        chart.series = [
            .intervals(
                name: "x/n and 95% CI", x: [0, 1], estimates: [4.0 / 26, 4.0 / 26],
                ranges: [0.0436...0.3487, 0.0615...0.3353])
        ]
        let svg = try chart.svg(id: "ci")
        let (error, check) = XMLCheck.parse(svg)
        #expect(error == nil)
        #expect(check.elements.contains("circle"))
        #expect(svg.contains("class=\"intervals\""))
        let frame = ChartFrame(chart: chart)
        let top = SVGWriter.number(frame.py(0.3487)), bottom = SVGWriter.number(frame.py(0.0436)), x = SVGWriter.number(frame.px(0))
        #expect(svg.contains("<line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(bottom)\""), "the first whisker")
        #expect(svg.contains("cy=\"\(SVGWriter.number(frame.py(4.0 / 26)))\""), "the estimate's dot")
        var bare = chart
        bare.series = [.intervals(name: "indifference", x: [0, 1], ranges: [0.16...1, 0...0.34])]
        let whiskers = try bare.svg(id: "bare")
        #expect(!whiskers.contains("<circle") && whiskers.contains("class=\"intervals\""))
        var broken = chart
        broken.series[0].ranges = [0...1]
        #expect(throws: ChartError.self) { try broken.svg() }
    }

    @Test("every chart is a well-formed standalone SVG 1.1 document")
    func wellFormed() throws {
        for chart in [try SeedCurves.powerChart(), try SeedCurves.sawtoothChart(), try SeedCurves.doseChart()] {
            let svg = try chart.svg()
            #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<svg "))
            let (error, check) = XMLCheck.parse(svg)
            #expect(error == nil, "\(chart.title): \(error ?? "")")
            #expect(check.elements.first == "svg")
            let root = check.attributes.first ?? [:]
            #expect(root["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(root["version"] == "1.1")
            #expect(root["viewBox"] == "0 0 \(chart.width) \(chart.height)")
            #expect(root["width"] == String(chart.width) && root["height"] == String(chart.height))
            #expect(check.elements.dropFirst().first == "title", "the title is the first child, for screen readers")
            #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"))
            // Every numeric attribute is a plain decimal number.
            for attributes in check.attributes {
                for key in ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height"] {
                    if let value = attributes[key] { #expect(Double(value)?.isFinite == true, "\(key)=\(value)") }
                }
            }
        }
    }

    @Test("the power chart has its ticks, axis titles with units, legend, marker and target line")
    func powerChartStructure() throws {
        let svg = try SeedCurves.powerChart().svg()
        for text in [
            ">0.0<", ">0.2<", ">1.0<", ">0<", ">30<", ">60<", ">Power<", ">Events (progressions or deaths)<",
            ">Normal approximation (log hazard)<", ">target power 0.80<", "class=\"markers\"", "class=\"legend\"",
        ] {
            #expect(svg.contains(text), "missing \(text)")
        }
        let required = Int(try SeedCurves.normalEvents().rounded(.up))
        #expect(svg.contains(">\(required) events, power "))
    }

    @Test("text is escaped")
    func escaping() throws {
        var chart = try SeedCurves.powerChart()
        chart.title = "Power <p0 & p1> \"quoted\""
        chart.series[0].name = "a < b\u{1}"
        let svg = try chart.svg()
        #expect(svg.contains("Power &lt;p0 &amp; p1&gt; &quot;quoted&quot;"))
        #expect(svg.contains(">a &lt; b<"), "control characters XML forbids are dropped")
        #expect(XMLCheck.parse(svg).error == nil)
    }

    @Test("non-finite data, empty series and misplaced bars are refused")
    func refusals() throws {
        var chart = try SeedCurves.powerChart()
        chart.series[0].points[3].y = .nan
        #expect(throws: ChartError.self) { try chart.svg() }
        chart = try SeedCurves.powerChart()
        chart.markers[0].x = .infinity
        #expect(throws: ChartError.self) { try chart.svg() }
        chart = try SeedCurves.powerChart()
        chart.series[1].points = []
        #expect(throws: ChartError.self) { try chart.svg() }
        chart = try SeedCurves.powerChart()
        chart.series[1].kind = .bars
        #expect(throws: ChartError.self) { try chart.svg() }
        var doses = try SeedCurves.doseChart()
        doses.series[0].points[0].x = 7
        #expect(throws: ChartError.self) { try doses.svg() }
        #expect(throws: ChartError.self) { try SeedCurves.powerChart().svg(id: "1 bad id") }
        chart = try SeedCurves.powerChart()
        chart.markers[0].y = 1.2
        #expect(throws: ChartError(chart: chart.title, reason: "the marker \"\(chart.markers[0].label)\" lies outside the y range")) {
            try chart.svg()
        }
        chart = try SeedCurves.powerChart()
        chart.referenceLines.append(ReferenceLine(y: -0.1, label: "below"))
        #expect(throws: ChartError.self) { try chart.svg() }
        let empty = Chart(title: "Empty", x: Axis(title: "x"), y: Axis(title: "y"))
        #expect(throws: ChartError.self) { try empty.svg() }
    }

    @Test("a points series and a given axis range render inside the frame")
    func pointsAndGivenRange() throws {
        // A frontier of designs: expected size against maximum size, from computed binomial numbers.
        let sizes = Array(20...40)
        let expected = try sizes.map { n -> Double in
            let half = n / 2
            let stop = try SeedCurves.singleStage(n: half).responses
            let early = 1 - (try Probability.Binomial(trials: half, probability: 0.2).atLeast(stop))
            return Double(half) + (1 - early) * Double(n - half)
        }
        let chart = Chart(
            title: "Frontier", x: Axis(title: "Maximum n", range: 17...43, integers: true),
            y: Axis(title: "EN(p0)"),
            series: [Series(name: "Designs", kind: .points, x: sizes.map(Double.init), y: expected)],
            markers: [Marker(x: 20, y: expected[0], label: "smallest", shape: .triangle)])
        let svg = try chart.svg()
        #expect(XMLCheck.parse(svg).error == nil)
        #expect(svg.components(separatedBy: "<circle").count - 1 == sizes.count + 1, "one per design, one in the legend")
        #expect(!svg.contains(">15<") && !svg.contains(">45<"), "ticks fall on nice values inside the given range")
        #expect(svg.contains(">20<") && svg.contains(">40<"))
    }
}
