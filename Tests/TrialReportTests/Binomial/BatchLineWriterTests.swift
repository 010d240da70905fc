import TestSupport
import Testing
import TrialDesign

@testable import TrialReport

/// Issue 18: `ci --input` formats its lines into bytes (BatchLineWriter, ShortestDecimal) instead of
/// building a String per line; the bytes must be exactly what `Double.description` and
/// `IntervalReport.batchLine` give, so the output stays byte-identical.
@Suite("Batch line writer")
struct BatchLineWriterTests {
    func shortest(_ value: Double) -> String {
        var bytes: [UInt8] = []
        bytes.appendShortest(value)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Seeded random doubles in [0.0001, 1) (uniform in value and in bit pattern), every x/n with
    /// n ≤ 400, powers of two and their neighbours, and the neighbours of 0.1, 0.01, 0.001, 0.0001:
    /// the shortest digits equal `description`'s.
    @Test func shortestMatchesDescription() {
        var random = SplitMix64(state: 18)
        var values: [Double] = []
        for _ in 0..<100_000 { values.append(Double.random(in: 0.0001..<1, using: &random)) }
        let bits = Double(0.0001).bitPattern...Double(1).bitPattern
        for _ in 0..<100_000 { values.append(Double(bitPattern: UInt64.random(in: bits, using: &random))) }
        for n in 1...400 { for x in 0...n { values.append(Double(x) / Double(n)) } }
        for e in -14...0 {
            let p = Double(sign: .plus, exponent: e, significand: 1)
            values += [p, p.nextUp, p.nextDown]
        }
        for z in [0.1, 0.01, 0.001, 0.0001, 0.95, 0.9, 0.99, 0.5, 0.975, 0.025] { values += [z, z.nextUp, z.nextDown] }
        // Outside [0.0001, 1) the writer defers to description: tiny bounds, 0, 1, extremes.
        values += [0, 1, 1e-5, 9.999999999999999e-05, 3.7e-44, .leastNonzeroMagnitude, 2, 1e300, .greatestFiniteMagnitude, 0.0001.nextDown]
        var mismatches: [String] = []
        for value in values where shortest(value) != value.description {
            mismatches.append("\(value.description) written as \(shortest(value))")
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func decimals() {
        for value in [0, 1, 7, 10, 99, 100, 12_345, 1_000_000_000, Int.max, -1, -20, Int.min] {
            var bytes: [UInt8] = []
            bytes.appendDecimal(value)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }

    /// Every method, both formats, one- and two-sided: the writer's bytes are batchLine's.
    @Test func linesMatchBatchLine() throws {
        var random = SplitMix64(state: 1818)
        for _ in 0..<300 {
            let n = Int.random(in: 1...5000, using: &random), x = Int.random(in: 0...n, using: &random)
            let observed = try ObservedProportion(successes: x, trials: n)
            let level = try ConfidenceLevel(
                [0.8, 0.9, 0.95, 0.99][Int.random(in: 0..<4, using: &random)],
                sides: Bool.random(using: &random) ? .oneSided : .twoSided)
            for method in IntervalMethod.allCases {
                let interval = try method.interval(observed, level)
                for json in [false, true] {
                    var bytes: [UInt8] = []
                    BatchLineWriter(json: json).append(interval, to: &bytes)
                    #expect(String(decoding: bytes, as: UTF8.self) == IntervalReport.batchLine(interval, json: json))
                }
            }
        }
    }
}
