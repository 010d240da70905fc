import Foundation
import Probability
import TestSupport
import Testing

@testable import TrialDesign

/// TITE-BOIN against an independent Python implementation written from Yuan et al. 2018
/// (scripts/generate_tite_boin_fixtures.py: tite_boin_decisions.json, tite_boin_oc.json).
@Suite("TITE-BOIN")
struct TITEBOINTests {
    /// Every case of the grid (n = 1…8 at the current level, every y and number pending, pending follow-up early,
    /// late or mixed, current level 1 or 2, targets 0.25 and 0.3): the same action and next level, and p̂ to 1e-12.
    @Test("decisions equal the Python reference on the (n, y, pending, follow-up) grid")
    func decisions() throws {
        let data = try Data(contentsOf: FixtureFolder.url("tite_boin_decisions.json"))
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let window = try #require((top["window"] as? NSNumber)?.doubleValue)
        let doses = try #require((top["doses"] as? NSNumber)?.intValue)
        let rows = try JSONFixture.records("tite_boin_decisions.json")
        #expect(rows.count >= 1000)
        var actions: [String: Int] = [:]
        for row in rows {
            let b = try BOINBoundaries(target: row.double("target"))
            let d = try TITEBOINDecision(
                boundaries: b, window: window, levels: row.ints("levels"), dlts: row.ints("dlts"),
                followUp: row.doubles("follow_up"), doses: doses)
            let expected = try #require(row["action"] as? String)
            #expect(d.action.rawValue == expected, "\(row)")
            #expect(d.nextLevel == (row["next"] as? NSNumber)?.intValue, "\(row)")
            #expect(abs(d.estimate - row.double("estimate")) <= 1e-12, "\(row)")
            actions[expected, default: 0] += 1
        }
        // The grid reaches every decision.
        for action in ["escalate", "stay", "deescalate", "suspend", "stop_for_toxicity"] {
            #expect(actions[action, default: 0] > 50, "\(action)")
        }
    }

    /// The paper's estimate by hand: 1 DLT in 6, 2 pending followed 7 and 21 days of 28 (STFT 1):
    /// p̃ = (1 + 0.125)/(4 + 1) = 0.225, p̂ = (1 + 0.225/0.775 × (2 − 1))/6 = 0.2150537...
    @Test("the estimate by hand")
    func estimateByHand() throws {
        let b = try BOINBoundaries(target: 0.25)
        let d = try TITEBOINDecision(
            boundaries: b, window: 28, levels: [1, 1, 1, 1, 1, 1], dlts: [0, 1, 0, 0, 0, 0],
            followUp: [28, 10, 28, 28, 7, 21], doses: 3)
        #expect(d.pending == [2, 0, 0] && abs(d.stft[0] - 1) < 1e-15)
        #expect(abs(d.posteriorMean - 0.225) < 1e-15)
        #expect(abs(d.estimate - (1 + 0.225 / 0.775) / 6) < 1e-15)
        #expect(d.action == .stay)  // λe = 0.1968 < 0.2151 < λd = 0.2984
    }

    /// With every outcome known, TITE-BOIN is BOIN: the same decision as ``BOINDecision`` on random data.
    @Test("no pending patient: the same decision as BOIN")
    func noPendingIsBOIN() throws {
        var random = SplitMix64(state: 14)
        for _ in 0..<3000 {
            let target = [0.2, 0.25, 0.3][Int(random.next() % 3)]
            let b = try BOINBoundaries(target: target)
            let doses = 1 + Int(random.next() % 5)
            let count = 1 + Int(random.next() % 30)
            let levels = (0..<count).map { _ in 1 + Int(random.next() % UInt64(doses)) }
            let dlts = (0..<count).map { _ in random.next() % 4 == 0 ? 1 : 0 }
            let followUp = dlts.map { $0 == 1 ? 5.0 : 21.0 }
            let stopAt = [6, 9, 100][Int(random.next() % 3)]
            let tite = try TITEBOINDecision(
                boundaries: b, window: 21, levels: levels, dlts: dlts, followUp: followUp, doses: doses, stopAt: stopAt)
            var n = [Int](repeating: 0, count: doses), y = n
            for (l, t) in zip(levels, dlts) { n[l - 1] += 1; y[l - 1] += t }
            let boin = try BOINDecision(boundaries: b, patients: n, dlts: y, current: levels[count - 1], stopAt: stopAt)
            #expect(tite.action.rawValue == boin.action.rawValue, "\(levels) \(dlts)")
            #expect(tite.nextLevel == boin.nextLevel, "\(levels) \(dlts)")
            #expect(tite.firstEliminated == boin.firstEliminated)
        }
    }

    /// Operating characteristics within 4 Monte Carlo standard errors (of the difference) of the Python simulation,
    /// on three scenarios (the seed trial's phase I; fast accrual against a long window; a toxic curve).
    @Test("operating characteristics agree with the Python reference within 4 standard errors")
    func operatingCharacteristics() throws {
        let rows = try JSONFixture.records("tite_boin_oc.json")
        #expect(rows.count == 3)
        for row in rows {
            let b = try BOINBoundaries(target: row.double("target"))
            let tite = try TITEBOINSettings(window: row.double("window"), rate: row.double("rate"))
            let design = try BOINSimulationDesign(
                boundaries: b, truth: row.doubles("truth"), cohortSize: (row["cohort_size"] as? NSNumber)?.intValue ?? 0,
                cohorts: (row["cohorts"] as? NSNumber)?.intValue ?? 0, tite: tite)
            let ours = try design.simulate(trials: 20_000, seed: 5)
            func close(_ a: MonteCarloEstimate, _ value: Double, _ se: Double, _ what: String) {
                let bound = 4 * (a.standardError * a.standardError + se * se).squareRoot()
                #expect(
                    abs(a.estimate - value) <= max(bound, 1e-9),
                    "\(what): \(a.estimate) vs \(value) (4 SE = \(bound)), truth \(design.truth)")
            }
            for k in design.truth.indices {
                close(ours.selection[k], row.doubles("selection")[k], row.doubles("selection_se")[k], "selection \(k + 1)")
                close(ours.patients[k], row.doubles("patients")[k], row.doubles("patients_se")[k], "patients \(k + 1)")
                close(ours.dlts[k], row.doubles("dlts")[k], row.doubles("dlts_se")[k], "DLTs \(k + 1)")
            }
            close(ours.none, row.double("none"), row.double("none_se"), "none")
            let duration = try #require(ours.duration)
            close(duration, row.double("duration"), row.double("duration_se"), "duration")
        }
    }

    @Test("simulation: identical on any number of threads; BOIN's answer has no duration")
    func threads() throws {
        let b = try BOINBoundaries(target: 0.25)
        let design = try BOINSimulationDesign(
            boundaries: b, truth: [0.05, 0.12, 0.25, 0.40], cohortSize: 3, cohorts: 10,
            tite: try TITEBOINSettings(window: 28, rate: 1.0 / 7))
        let one = try design.simulate(trials: 3000, seed: 11, threads: 1)
        for threads in [2, 3, 8] {
            let many = try design.simulate(trials: 3000, seed: 11, threads: threads)
            #expect(many.selection == one.selection && many.patients == one.patients && many.dlts == one.dlts && many.none == one.none)
            #expect(many.duration == one.duration)
        }
        let fixed = try BOINSimulationDesign(
            boundaries: b, truth: [0.05, 0.12, 0.25, 0.40], cohortSize: 3, cohorts: 10,
            tite: try TITEBOINSettings(window: 28, rate: 1.0 / 7, arrival: .fixed))
        #expect(try fixed.simulate(trials: 500, seed: 11, threads: 1).duration != nil)
        let boin = try BOINSimulationDesign(boundaries: b, truth: [0.05, 0.12, 0.25, 0.40], cohortSize: 3, cohorts: 10)
        #expect(try boin.simulate(trials: 100, seed: 1).duration == nil)
    }

    /// A longer window against the same accrual makes trials longer and never faster; with a very short window
    /// (every outcome known at once) the trial lasts about the accrual time of its patients.
    @Test("duration grows with the window")
    func duration() throws {
        let b = try BOINBoundaries(target: 0.25)
        var last = 0.0
        for window in [1e-6, 7, 28, 90] {
            let design = try BOINSimulationDesign(
                boundaries: b, truth: [0.05, 0.12, 0.25, 0.40], cohortSize: 3, cohorts: 10,
                tite: try TITEBOINSettings(window: window, rate: 1, arrival: .fixed))
            let d = try #require(try design.simulate(trials: 400, seed: 3, threads: 1).duration)
            #expect(d.estimate >= last)
            if window < 1 { #expect(abs(d.estimate - 29) < 1e-3) }  // 30 patients, one a unit apart
            last = d.estimate
        }
    }

    @Test("bad input names the option and the allowed range")
    func badInput() throws {
        let b = try BOINBoundaries(target: 0.25)
        let cases: [(() throws -> Void, String)] = [
            ({ _ = try TITEBOINDecision(boundaries: b, window: 0, levels: [1], dlts: [0], followUp: [0], doses: 2) }, "window"),
            ({ _ = try TITEBOINDecision(boundaries: b, window: .infinity, levels: [1], dlts: [0], followUp: [0], doses: 2) }, "window"),
            ({ _ = try TITEBOINDecision(boundaries: b, window: 28, levels: [1], dlts: [0], followUp: [29], doses: 2) }, "follow-up"),
            ({ _ = try TITEBOINDecision(boundaries: b, window: 28, levels: [1], dlts: [0], followUp: [-1], doses: 2) }, "follow-up"),
            ({ _ = try TITEBOINDecision(boundaries: b, window: 28, levels: [1], dlts: [0], followUp: [.nan], doses: 2) }, "follow-up"),
            ({ _ = try TITEBOINDecision(boundaries: b, window: 28, levels: [1, 1], dlts: [0], followUp: [1, 2], doses: 2) }, "dlts"),
            ({ _ = try TITEBOINDecision(boundaries: b, window: 28, levels: [1, 1], dlts: [0, 0], followUp: [1], doses: 2) }, "follow-up"),
            ({ _ = try TITEBOINDecision(boundaries: b, window: 28, levels: [3], dlts: [0], followUp: [1], doses: 2) }, "levels"),
            ({ _ = try TITEBOINSettings(window: 28, rate: 0) }, "rate"),
            ({ _ = try TITEBOINSettings(window: -1, rate: 1) }, "window"),
        ]
        for (make, key) in cases {
            #expect(throws: DesignError.self) { try make() }
            do { try make() } catch let error as DesignError {
                #expect(error.message(naming: { "--\($0)" }).contains("--\(key)"), "\(error)")
            }
        }
    }
}
