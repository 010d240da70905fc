import RealModule
import TestSupport
import Testing

@testable import TrialDesign

/// ``PatientKeySort`` gives exactly `Array.sort()`'s order (the two-arm simulation's log-rank
/// statistic, and so every simulated answer, depends on it).
@Suite("Two-arm simulation: the patient key sort")
struct PatientKeySortTests {
    @Test("equals Array.sort() on simulated keys, ties in the top 32 bits, equal keys, and every small size")
    func equalsStandardSort() {
        var generator = SplitMix64(state: 42)
        var scratch: [UInt64] = []
        var cases: [[UInt64]] = [[], [7], [2, 1], [1, 1, 1]]
        for size in [3, 10, 50, 200, 201, 1000] {
            // Packed times of exponential draws, as the simulation makes them.
            cases.append(
                (0..<size).map { _ in
                    let u = Double(generator.next() >> 11) / 9_007_199_254_740_992
                    return TwoArmSurvivalSimulation.pack(
                        time: -8 * Double.log(max(u, 1e-300)) + 1e-9,
                        event: generator.next() & 1 == 0, experimental: generator.next() & 1 == 0)
                })
            // Keys that share their top 32 bits (only the low bits differ), and exact duplicates.
            let base = UInt64(0x4020_0000) << 32
            cases.append((0..<size).map { _ in base | (generator.next() & 0xFF) })
            cases.append((0..<size).map { _ in UInt64(generator.next() % 5) << 40 })
            // Arbitrary 64-bit words.
            cases.append((0..<size).map { _ in generator.next() })
        }
        for keys in cases {
            var sorted = keys
            PatientKeySort.sort(&sorted, scratch: &scratch)
            #expect(sorted == keys.sorted(), "\(keys.count) keys")
        }
    }
}
