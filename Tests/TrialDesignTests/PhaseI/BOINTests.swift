import Foundation
import Probability
import TestSupport
import Testing

@testable import TrialDesign

/// BOIN against the BOIN R package 2.7.2 (fixtures from scripts/generate_boin_fixtures.R).
@Suite("BOIN")
struct BOINTests {
    @Test("boundaries and decision tables equal get.boundary's, every entry")
    func boundaries() throws {
        let rows = try JSONFixture.records("boin_boundaries.json")
        #expect(rows.count >= 30)
        for row in rows {
            let b = try BOINBoundaries(
                target: row.double("target"), phi1: row.double("phi1"), phi2: row.double("phi2"),
                eliminationCutoff: row.double("cutoff"))
            #expect(abs(b.lambdaE - row.double("lambda_e")) <= 1e-15, "\(row)")
            #expect(abs(b.lambdaD - row.double("lambda_d")) <= 1e-15, "\(row)")
            let n = row.ints("n")
            let eliminate = (row["eliminate"] as? [Any] ?? []).map { ($0 as? NSNumber)?.intValue }
            let table = try b.table(patients: n.count)
            #expect(table.map(\.n) == n)
            #expect(table.map(\.escalateMax) == row.ints("escalate"), "target \(row.double("target"))")
            #expect(table.map(\.deescalateMin) == row.ints("deescalate"), "target \(row.double("target"))")
            #expect(table.map(\.eliminateMin) == eliminate, "target \(row.double("target"))")
        }
    }

    @Test("selected MTDs equal select.mtd's; estimates, intervals and P(overdose) agree to its printed 2 decimals")
    func selection() throws {
        let rows = try JSONFixture.records("boin_select.json")
        #expect(rows.count >= 300)
        var compared = 0
        for row in rows {
            let b = try BOINBoundaries(target: row.double("target"))
            let s = try BOINSelection(
                boundaries: b, patients: row.ints("npts"), dlts: row.ints("ntox"),
                boundMTD: row["bound_mtd"] as? Bool ?? false)
            let mtd = (row["mtd"] as? NSNumber)?.intValue
            #expect(s.mtd == mtd, "\(row)")
            for (key, ours) in [("phat", s.estimates), ("lower", s.lower), ("upper", s.upper), ("p_overdose", s.overdose)] {
                let theirs = (row[key] as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue }
                #expect(theirs.count == ours.count)
                for (a, b) in zip(ours, theirs) {
                    #expect((a == nil) == (b == nil), "\(key) \(row)")
                    if let a, let b {
                        // Printed with formatC(digits = 2, format = "f"): within half a unit of the last digit.
                        #expect(abs(a - b) <= 0.005 + 1e-12, "\(key): \(a) vs \(b) in \(row)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 1000)
    }

    @Test("operating characteristics agree with get.oc within 4 combined Monte Carlo SEs")
    func operatingCharacteristics() throws {
        let rows = try JSONFixture.records("boin_oc.json")
        #expect(rows.count == 7)
        let trials = 40_000
        for row in rows {
            let b = try BOINBoundaries(
                target: row.double("target"), phi1: row.double("phi1"), phi2: row.double("phi2"),
                eliminationCutoff: row.double("cutoff"))
            let design = try BOINSimulationDesign(
                boundaries: b, truth: row.doubles("truth"), cohortSize: row.int("cohortsize"),
                cohorts: row.int("ncohort"), start: row.int("startdose"),
                stopAt: row.int("n_earlystop"), boundMTD: row["bound_mtd"] as? Bool ?? false)
            let oc = try design.simulate(trials: trials, seed: 2026)
            let theirTrials = Double(row.int("ntrial"))
            let name = row.string("name")
            // get.oc reports means only: a proportion's SE from its own value; a mean's SE from our sample
            // standard deviation (the same distribution under agreement) scaled to the package's trial count.
            func proportion(_ ours: MonteCarloEstimate, _ theirs: Double, _ what: String) {
                let se = (ours.standardError * ours.standardError + theirs * (1 - theirs) / theirTrials).squareRoot()
                #expect(abs(ours.estimate - theirs) <= 4 * se + 1e-12, "\(name) \(what): \(ours.estimate) vs \(theirs)")
            }
            func mean(_ ours: MonteCarloEstimate, _ theirs: Double, _ what: String) {
                let se = ours.standardError * (1 + Double(trials) / theirTrials).squareRoot()
                #expect(abs(ours.estimate - theirs) <= 4 * se + 1e-12, "\(name) \(what): \(ours.estimate) vs \(theirs)")
            }
            for (k, p) in row.doubles("selection").enumerated() { proportion(oc.selection[k], p, "selection \(k + 1)") }
            proportion(oc.none, row.double("none"), "none")
            for (k, v) in row.doubles("patients").enumerated() { mean(oc.patients[k], v, "patients \(k + 1)") }
            for (k, v) in row.doubles("dlts").enumerated() { mean(oc.dlts[k], v, "dlts \(k + 1)") }
            mean(oc.totalPatients, row.double("total_patients"), "total patients")
            mean(oc.totalDLTs, row.double("total_dlts"), "total DLTs")
        }
    }

    @Test("the same answer on 1 and 2 threads")
    func threads() throws {
        let b = try BOINBoundaries(target: 0.25)
        let design = try BOINSimulationDesign(boundaries: b, truth: [0.05, 0.12, 0.25, 0.40, 0.55], cohortSize: 3, cohorts: 10)
        let one = try design.simulate(trials: 3000, seed: 9, threads: 1)
        let two = try design.simulate(trials: 3000, seed: 9, threads: 2)
        #expect(one.selection == two.selection && one.patients == two.patients && one.dlts == two.dlts && one.none == two.none)
        #expect(abs(one.selection.map(\.estimate).reduce(0, +) + one.none.estimate - 1) < 1e-12)
    }

    @Test("next: decisions follow the table, elimination stops the trial, stop-at stops with a selection")
    func next() throws {
        let b = try BOINBoundaries(target: 0.25)
        // Table for target 0.25 (get.boundary): n = 3: escalate <= 0, de-escalate >= 1, eliminate >= 3;
        // n = 9: escalate <= 1, de-escalate >= 3.
        #expect(try BOINDecision(boundaries: b, patients: [3, 0, 0], dlts: [0, 0, 0], current: 1).action == .escalate)
        #expect(try BOINDecision(boundaries: b, patients: [3, 9, 0], dlts: [0, 2, 0], current: 2).action == .stay)
        let down = try BOINDecision(boundaries: b, patients: [3, 3, 0], dlts: [0, 2, 0], current: 2)
        #expect(down.action == .deescalate && down.nextLevel == 1)
        let eliminated = try BOINDecision(boundaries: b, patients: [3, 3, 0], dlts: [0, 3, 0], current: 2)
        #expect(eliminated.firstEliminated == 2 && eliminated.nextLevel == 1)
        // Escalation is blocked by an eliminated level above.
        let blocked = try BOINDecision(boundaries: b, patients: [6, 3, 0], dlts: [0, 3, 0], current: 1)
        #expect(blocked.action == .stay && blocked.nextLevel == 1)
        #expect(try BOINDecision(boundaries: b, patients: [3], dlts: [3], current: 1).action == .stopForToxicity)
        let cap = try BOINDecision(boundaries: b, patients: [3, 12], dlts: [0, 3], current: 2, stopAt: 12)
        #expect(cap.action == .stopAndSelect && cap.nextLevel == nil)
        #expect(throws: InvalidInput.self) { try BOINDecision(boundaries: b, patients: [3, 0], dlts: [0, 0], current: 2) }
    }

    @Test("next per patient: the tally per level and the last patient's level give the per-level decision")
    func nextPerPatient() throws {
        let b = try BOINBoundaries(target: 0.25)
        let perPatient = try BOINDecision(boundaries: b, levels: [1, 1, 1, 2, 2, 2, 2], dlts: [0, 0, 0, 0, 1, 0, 1], doses: 4)
        let perLevel = try BOINDecision(boundaries: b, patients: [3, 4, 0, 0], dlts: [0, 2, 0, 0], current: 2)
        #expect(perPatient.patients == perLevel.patients && perPatient.dlts == perLevel.dlts && perPatient.current == 2)
        #expect(perPatient.action == perLevel.action && perPatient.nextLevel == perLevel.nextLevel)
        func parameter(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let e as InvalidInput { return e.parameter } catch { return "other" }
        }
        #expect(parameter { _ = try BOINDecision(boundaries: b, levels: [1, 5], dlts: [0, 0], doses: 4) } == "levels")
        #expect(parameter { _ = try BOINDecision(boundaries: b, levels: [], dlts: [], doses: 4) } == "levels")
        #expect(parameter { _ = try BOINDecision(boundaries: b, levels: [1, 2], dlts: [0], doses: 4) } == "dlts")
        #expect(parameter { _ = try BOINDecision(boundaries: b, levels: [1, 2], dlts: [0, 2], doses: 4) } == "dlts")
        #expect(parameter { _ = try BOINDecision(boundaries: b, levels: [1], dlts: [0], doses: 21) } == "doses")
    }

    @Test("bad input: one named parameter each")
    func badInput() {
        func parameter(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let e as InvalidInput { return e.parameter } catch { return "other" }
        }
        #expect(parameter { _ = try BOINBoundaries(target: 0.7) } == "target")
        #expect(parameter { _ = try BOINBoundaries(target: 0.04) } == "target")
        #expect(parameter { _ = try BOINBoundaries(target: .nan) } == "target")
        #expect(parameter { _ = try BOINBoundaries(target: 0.25, phi1: 0.25) } == "phi1")
        #expect(parameter { _ = try BOINBoundaries(target: 0.25, phi2: 0.25) } == "phi2")
        #expect(parameter { _ = try BOINBoundaries(target: 0.25, eliminationCutoff: 1) } == "eliminate")
        let b = try! BOINBoundaries(target: 0.25)
        #expect(parameter { _ = try BOINSimulationDesign(boundaries: b, truth: [0.1, 1], cohortSize: 3, cohorts: 10) } == "truth")
        #expect(parameter { _ = try BOINSimulationDesign(boundaries: b, truth: [0.1, 0.2], cohortSize: 3, cohorts: 0) } == "cohorts")
        #expect(parameter { _ = try BOINSelection(boundaries: b, patients: [3, 3], dlts: [1]) } == "dlts")
        #expect(parameter { _ = try BOINSelection(boundaries: b, patients: [3, 3], dlts: [4, 0]) } == "dlts")
    }

    @Test("isotonic regression: pools violators with weights, leaves monotone data alone")
    func isotonic() {
        #expect(IsotonicRegression.fit([0.1, 0.2, 0.3]) == [0.1, 0.2, 0.3])
        let fitted = IsotonicRegression.fit([0.3, 0.1, 0.5], weights: [1, 3, 1])
        #expect(abs(fitted[0] - 0.15) < 1e-15 && abs(fitted[1] - 0.15) < 1e-15 && fitted[2] == 0.5)
    }
}
