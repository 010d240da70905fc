import Foundation
import Testing

@testable import TrialReport

@Suite("Nice ticks")
struct NiceTicksTests {
    @Test("power from 0 to 1 in steps of 0.2")
    func unitInterval() {
        let ticks = NiceTicks(covering: 0, 1, count: 5)
        #expect(ticks.values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(ticks.values.map(ticks.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test("the data range is widened outwards to ticks")
    func widened() {
        let ticks = NiceTicks(covering: 4, 60, count: 6, integers: true)
        #expect(ticks.lower == 0 && ticks.upper == 60 && ticks.step == 10)
        let small = NiceTicks(covering: 0.013, 0.087, count: 5)
        #expect(small.step == 0.01 && small.lower == 0.01 && small.upper == 0.09 && small.decimals == 2)
    }

    @Test("every step is 1, 2 or 5 times a power of ten", arguments: [0.3, 1.7, 7, 13, 45, 99, 260, 1234, 0.0042])
    func steps(span: Double) {
        let ticks = NiceTicks(covering: 0, span, count: 5)
        let mantissa = ticks.step / pow(10, (log10(ticks.step) + 1e-9).rounded(.down))
        #expect([1, 2, 5].contains { abs(mantissa - $0) < 1e-9 })
        #expect(ticks.lower <= 0 && ticks.upper >= span)
        #expect((3...11).contains(ticks.values.count))
    }

    @Test("whole-number axes never step below 1, and a zero span still gets ticks")
    func integersAndZeroSpan() {
        #expect(NiceTicks(covering: 3, 5, count: 6, integers: true).step == 1)
        let flat = NiceTicks(covering: 0.5, 0.5)
        #expect(flat.lower < 0.5 && flat.upper > 0.5)
    }
}
