import TestSupport
import Testing

@testable import TrialDesign

@Suite("Other interval methods")
struct IntervalMethodTests {
    /// interval_methods.csv: mid-p and Jeffreys from mpmath root finding at 50 digits; Wilson,
    /// Agresti-Coull and Wald from their closed forms in mpmath. Tolerance 1e-9 relative.
    @Test func mpmathReferences() throws {
        let fixture = try CSVFixture("interval_methods.csv")
        #expect(fixture.rows.count > 600)
        for row in fixture.records {
            let method = try #require(IntervalMethod(rawValue: row["method"]!))
            let x = Int(row["x"]!)!, n = Int(row["n"]!)!, conf = Double(row["conf"]!)!
            let ci = try method.interval(ObservedProportion(successes: x, trials: n), ConfidenceLevel(conf))
            let lower = Double(row["lower"]!)!, upper = Double(row["upper"]!)!
            #expect(
                close(ci.lower, lower, relative: 1e-9) || abs(ci.lower - lower) < 1e-15,
                "\(method) \(x)/\(n) \(conf) lower \(ci.lower) vs \(lower)")
            #expect(close(ci.upper, upper, relative: 1e-9), "\(method) \(x)/\(n) \(conf) upper \(ci.upper) vs \(upper)")
        }
    }

    @Test("one-sided bounds are the two-sided bounds at twice the tail")
    func oneSided() throws {
        let observed = try ObservedProportion(successes: 4, trials: 26)
        for method in IntervalMethod.allCases {
            let one = try method.interval(observed, ConfidenceLevel(0.95, sides: .oneSided))
            let two = try method.interval(observed, ConfidenceLevel(0.90, sides: .twoSided))
            #expect(close(one.lower, two.lower, relative: 1e-14) && close(one.upper, two.upper, relative: 1e-14))
        }
    }

    @Test("every method is finite and ordered at the edges and for huge n")
    func edges() throws {
        for method in IntervalMethod.allCases {
            for (x, n) in [(0, 1), (1, 1), (0, 1_000_000), (1_000_000, 1_000_000), (3, 1_000_000_000)] {
                for conf in [0.5, 0.95, 1 - 1e-12] {
                    let ci = try method.interval(ObservedProportion(successes: x, trials: n), ConfidenceLevel(conf))
                    #expect(
                        ci.lower.isFinite && ci.upper.isFinite && 0 <= ci.lower && ci.lower <= ci.upper && ci.upper <= 1,
                        "\(method) \(x)/\(n) \(conf): \(ci.lower) \(ci.upper)")
                }
            }
        }
    }
}

@Suite("Mid-p at the edges")
struct MidPEdgeTests {
    /// x = n gives L = (2a)^(1/n) and x = 0 gives U = 1 − (2a)^(1/n); at a one-sided level of 50% (a = ½) these reach
    /// L = 1 and U = 0, the limits from below (L once jumped to 0 there, turning [1, 1] into [0, 1]).
    @Test(arguments: [1, 10, 26])
    func allOrNoneAtHalf(_ n: Int) throws {
        let all = try ObservedProportion(successes: n, trials: n), none = try ObservedProportion(successes: 0, trials: n)
        for a in [0.5, 0.75] {
            #expect(try MidP.bounds(all, tail: a) == (1, 1))
            #expect(try MidP.bounds(none, tail: a) == (0, 0))
        }
        let near = 0.5 - 1e-12
        #expect(try MidP.bounds(all, tail: near).0 > 1 - 1e-11)
        #expect(try MidP.bounds(none, tail: near).1 < 1e-11)
        let oneSided = try IntervalMethod.midP.interval(all, ConfidenceLevel(0.5, sides: .oneSided))
        #expect(oneSided.lower == 1 && oneSided.upper == 1)
    }
}

@Suite("Patients for an interval width")
struct IntervalWidthSizeTests {
    /// Issue 19: a degenerate (zero-width) interval never meets the width, and every method's
    /// first n is the first by a scan from n = 1 (the search starts near the normal approximation).
    @Test(arguments: [(0.5, 0.9), (0.2, 0.5), (0.3, 0.05), (0.1, 0.97), (0.05, 0.5)])
    func noDegenerateAndSameAsFullScan(_ width: Double, _ expected: Double) throws {
        for method in IntervalMethod.allCases {
            let problem = try IntervalWidthSize(width: width, expected: expected, level: ConfidenceLevel(0.95), method: method)
            let answer = try problem.solve()
            #expect(answer.first.width > 0 && answer.first.width <= width)
            var scanned: Int?
            for n in 1...answer.first.trials {
                let interval = try problem.interval(at: n)
                let x = problem.expectedCount(n)
                if interval.width <= width && !((x == 0 || x == n) && interval.width == 0) { scanned = n; break }
            }
            #expect(scanned == answer.first.trials, "\(method) \(width) \(expected)")
        }
    }

    @Test("the work is estimated before any, from the normal approximation")
    func estimate() throws {
        // n̂ = 1.96²·0.25/0.00139² ≈ 497,000: about 1.05 n̂ intervals, whatever the method.
        let problem = try IntervalWidthSize(width: 0.00278, expected: 0.5, level: ConfidenceLevel(0.95), method: .wilson)
        #expect(problem.estimatedEvaluations > 500_000 && problem.estimatedEvaluations < 540_000)
        // mid-p intervals cost about 0.1 ms each: refused before any work.
        #expect(throws: InvalidInput.self) {
            try IntervalWidthSize(width: 0.00278, expected: 0.5, level: ConfidenceLevel(0.95), method: .midP)
        }
    }

    @Test(arguments: [(0.2, 0.3), (0.1, 0.5), (0.3, 0.1), (0.05, 0.2)])
    func firstAndStable(_ width: Double, _ expected: Double) throws {
        for method in [IntervalMethod.clopperPearson, .wilson] {
            let problem = try IntervalWidthSize(width: width, expected: expected, level: ConfidenceLevel(0.95), method: method)
            let answer = try problem.solve()
            #expect(answer.first.width <= width && answer.stable.width <= width)
            #expect(answer.first.trials <= answer.stable.trials)
            for n in 1..<answer.first.trials { #expect(try problem.interval(at: n).width > width) }
            for n in answer.stable.trials...answer.horizon { #expect(try problem.interval(at: n).width <= width) }
            if answer.stable.trials > answer.first.trials {
                #expect(try problem.interval(at: answer.stable.trials - 1).width > width)
            }
        }
    }

    /// interval_width.csv: the first n found by scanning mpmath Clopper-Pearson bounds.
    @Test func mpmathReferences() throws {
        let fixture = try CSVFixture("interval_width.csv")
        #expect(fixture.rows.count == 4)
        for row in fixture.records {
            let problem = try IntervalWidthSize(
                width: Double(row["width"]!)!, expected: Double(row["expected"]!)!,
                level: ConfidenceLevel(0.95), method: .clopperPearson)
            let first = try problem.solve().first
            #expect(first.trials == Int(row["n"]!)! && first.successes == Int(row["x"]!)!)
            #expect(
                close(first.lower, Double(row["lower"]!)!, relative: 1e-10) && close(first.upper, Double(row["upper"]!)!, relative: 1e-10))
        }
    }

    @Test func refusals() {
        #expect(throws: InvalidInput.self) { try IntervalWidthSize(width: 0, expected: 0.3, level: ConfidenceLevel(0.95), method: .wilson) }
        #expect(throws: InvalidInput.self) {
            try IntervalWidthSize(width: 0.0001, expected: 0.5, level: ConfidenceLevel(0.95), method: .wilson)
        }
    }
}
