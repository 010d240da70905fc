import Foundation
import Probability
import TestSupport
import Testing

@testable import TrialDesign

@Suite("3+3")
struct ThreePlusThreeTests {
    /// Exact enumeration of every outcome sequence in Python with rational arithmetic
    /// (scripts/generate_three_plus_three_fixtures.py): agreement to 1e-12.
    @Test("exact characteristics equal an independent brute-force enumeration")
    func againstEnumeration() throws {
        let rows = try JSONFixture.records("three_plus_three.json")
        #expect(rows.count == 10)
        for row in rows {
            let design = try ThreePlusThree(truth: row.doubles("truth"), start: row.int("start"), target: 0.25)
            let oc = design.characteristics()
            for (ours, theirs) in zip(oc.selection.map(\.estimate), row.doubles("selection")) {
                #expect(abs(ours - theirs) < 1e-12, "\(row)")
            }
            for (ours, theirs) in zip(oc.patients.map(\.estimate), row.doubles("patients")) {
                #expect(abs(ours - theirs) < 1e-12, "\(row)")
            }
            for (ours, theirs) in zip(oc.dlts.map(\.estimate), row.doubles("dlts")) { #expect(abs(ours - theirs) < 1e-12, "\(row)") }
            #expect(abs(oc.none.estimate - row.double("none")) < 1e-12)
            #expect(abs(oc.totalPatients.estimate - row.double("expected_n")) < 1e-12)
        }
    }

    /// A direct simulation of the same rules, written separately here: within 4 Monte Carlo SEs.
    @Test("exact characteristics agree with a Monte Carlo of the rules within 4 SEs")
    func againstSimulation() throws {
        let truth = [0.05, 0.12, 0.25, 0.40, 0.55]
        for start in [1, 3] {
            let exact = try ThreePlusThree(truth: truth, start: start, target: 0.25).characteristics()
            let trials = 50_000
            let stream = RandomStream(seed: 5, stream: UInt64(start))
            var selected = [Int](repeating: 0, count: truth.count + 1)
            var patients = [Double](repeating: 0, count: truth.count), squares = patients
            for _ in 0..<trials {
                let (mtd, n) = Self.simulate(truth: truth, start: start - 1, stream)
                selected[mtd.map { $0 + 1 } ?? 0] += 1
                for k in n.indices { patients[k] += Double(n[k]); squares[k] += Double(n[k] * n[k]) }
            }
            let t = Double(trials)
            for k in truth.indices {
                let p = Double(selected[k + 1]) / t
                #expect(abs(p - exact.selection[k].estimate) <= 4 * (p * (1 - p) / t).squareRoot() + 1e-12, "start \(start) level \(k + 1)")
                let m = patients[k] / t, se = ((squares[k] / t - m * m) / t).squareRoot()
                #expect(abs(m - exact.patients[k].estimate) <= 4 * se + 1e-12, "start \(start) patients \(k + 1)")
            }
            let none = Double(selected[0]) / t
            #expect(abs(none - exact.none.estimate) <= 4 * (none * (1 - none) / t).squareRoot() + 1e-12)
        }
    }

    /// The rules as a trial, one cohort at a time (independent of the exact algebra).
    static func simulate(truth: [Double], start: Int, _ stream: RandomStream) -> (Int?, [Int]) {
        let k = truth.count
        var n = [Int](repeating: 0, count: k), y = n
        func cohort(_ j: Int) -> Int {
            var events = 0
            for _ in 0..<3 where stream.uniform() < truth[j] { events += 1 }
            n[j] += 3; y[j] += events
            return events
        }
        var d = start
        while true {
            let first = cohort(d)
            if first == 0 && d < k - 1 { d += 1; continue }
            if first <= 1 {
                _ = cohort(d)
                if y[d] <= 1 {
                    if d == k - 1 { return (d, n) }
                    d += 1
                    continue
                }
            }
            break
        }
        var j = d - 1
        while j >= 0 {
            if n[j] == 6 { return (j, n) }
            if n[j] == 0, cohort(j) >= 2 { j -= 1; continue }
            _ = cohort(j)
            if y[j] <= 1 { return (j, n) }
            j -= 1
        }
        return (nil, n)
    }

    @Test("probabilities add to 1 and the expected sample size is the sum of the per-level means")
    func consistency() throws {
        let oc = try ThreePlusThree(truth: [0.1, 0.2, 0.3, 0.45, 0.6, 0.7], start: 2, target: 0.3).characteristics()
        #expect(abs(oc.selection.map(\.estimate).reduce(0, +) + oc.none.estimate - 1) < 1e-14)
        #expect(oc.trueMTD == 3)
        #expect(oc.selection.allSatisfy { $0.standardError == 0 })
    }
}
