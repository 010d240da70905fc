import TestSupport
import Testing

@testable import TrialDesign

@Suite("CRM simulation")
struct CRMSimulationTests {
    static let seedSkeleton = try! Skeleton.calibrated(target: 0.25, halfwidth: 0.09, levels: 4, priorMTD: 3)

    /// An independent CRM / TITE-CRM simulator in Python (numpy, dense-grid posterior, its own random numbers;
    /// scripts/generate_crm_fixtures.py): every selection probability within 4 combined Monte Carlo SEs.
    @Test("selection probabilities agree with an independent Python simulator")
    func againstPython() throws {
        let rows = try JSONFixture.records("crm_simulation.json")
        #expect(rows.count == 4)
        for row in rows {
            let model = try DoseToxicityModel(
                kind: DoseToxicityModel.Kind(rawValue: row.string("model"))!,
                skeleton: row.doubles("skeleton"), intercept: row.double("intercept"))
            var tite: TITESettings?
            if let settings = row["tite"] as? [String: Any] {
                tite = try TITESettings(window: settings.double("window"), arrival: .poisson, rate: settings.double("rate"))
            }
            let design = try CRMSimulationDesign(
                model: model, target: row.double("target"), truth: row.doubles("truth"),
                patients: row.int("patients"), start: row.int("start"),
                cohort: row.int("cohort"), tite: tite)
            let result = try design.simulate(trials: tite == nil ? 40_000 : 20_000, seed: 11)
            let want = row.doubles("selection"), wantSE = row.doubles("selection_se")
            for k in want.indices {
                let got = result.selection[k]
                let tolerance = 4 * (got.standardError * got.standardError + wantSE[k] * wantSE[k]).squareRoot()
                #expect(abs(got.estimate - want[k]) <= max(tolerance, 1e-3), "level \(k + 1): \(got.estimate) vs \(want[k]) in \(row)")
            }
            let patients = row.doubles("patients_per_level")
            for k in patients.indices {
                #expect(abs(result.patientsPerLevel[k].estimate - patients[k]) < 0.15, "patients at level \(k + 1)")
            }
        }
    }

    @Test("the same seed gives the same answer on 1 and on 3 threads", arguments: [false, true])
    func threadIndependence(tite: Bool) throws {
        let design = try CRMSimulationDesign(
            model: DoseToxicityModel(skeleton: Self.seedSkeleton), target: 0.25, truth: [0.05, 0.12, 0.25, 0.40],
            patients: 10, start: 3, tite: tite ? TITESettings(window: 21, rate: 0.3, timeToDLT: .weibull, weighting: .adaptive) : nil)
        let one = try design.simulate(trials: 3000, seed: 5, threads: 1)
        let three = try design.simulate(trials: 3000, seed: 5, threads: 3)
        #expect(one.selection == three.selection)
        #expect(one.patientsPerLevel == three.patientsPerLevel)
        #expect(one.dltRate == three.dltRate)
        #expect(one.duration == three.duration)
        let other = try design.simulate(trials: 3000, seed: 6, threads: 1)
        #expect(other.selection != one.selection)
    }

    /// Sanity by construction: patients sum to n in every trial; selections sum to 1; a truth far above the
    /// target everywhere selects level 1 almost always; the DLT rate matches Σ patients·truth / n.
    @Test("accounting identities")
    func identities() throws {
        let design = try CRMSimulationDesign(
            model: DoseToxicityModel(skeleton: Self.seedSkeleton), target: 0.25,
            truth: [0.6, 0.7, 0.8, 0.9], patients: 20, start: 3, cohort: 3)
        let result = try design.simulate(trials: 4000, seed: 3)
        #expect(abs(result.selection.map(\.estimate).reduce(0, +) - 1) < 1e-12)
        #expect(abs(result.patientsPerLevel.map(\.estimate).reduce(0, +) - 20) < 1e-9)
        #expect(result.selection[0].estimate > 0.97)
        let expectedRate = zip(result.patientsPerLevel, design.truth).map { $0.estimate * $1 }.reduce(0, +) / 20
        #expect(abs(result.dltRate.estimate - expectedRate) < 4 * result.dltRate.standardError + 1e-3)
        #expect(result.trueMTD == 1)
    }

    /// TITE with a fixed arrival every 1/rate: the trial lasts at least (n − 1)/rate, and at most that plus the window.
    @Test("TITE durations follow the accrual")
    func titeDuration() throws {
        let tite = try TITESettings(window: 21, arrival: .fixed, rate: 0.5, timeToDLT: .exponential)
        let design = try CRMSimulationDesign(
            model: DoseToxicityModel(skeleton: Self.seedSkeleton), target: 0.25,
            truth: [0.05, 0.12, 0.25, 0.40], patients: 10, start: 3, tite: tite)
        let result = try design.simulate(trials: 2000, seed: 9)
        let duration = try #require(result.duration)
        #expect(duration.estimate > 18 && duration.estimate <= 18 + 21)
        for t in [TITESettings.TimeToDLT.uniform, .exponential, .weibull] {
            let settings = try TITESettings(window: 21, timeToDLT: t, shape: 3)
            for u in stride(from: 0.001, to: 0.3, by: 0.01) {
                let time = settings.timeToDLT(uniform: u, probability: 0.3)
                #expect(time > 0 && time <= 21)
            }
            #expect(abs(settings.timeToDLT(uniform: 0.3 - 1e-15, probability: 0.3) - 21) < 1e-9)
        }
    }

    @Test("bad simulation inputs name their option")
    func refusals() throws {
        let model = try DoseToxicityModel(skeleton: [0.05, 0.12, 0.25, 0.40])
        func parameter(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let error as InvalidInput { return error.parameter } catch { return "other" }
        }
        #expect(
            parameter { _ = try CRMSimulationDesign(model: model, target: 0.25, truth: [0.1, 0.2, 0.3], patients: 10, start: 3) } == "truth"
        )
        #expect(
            parameter { _ = try CRMSimulationDesign(model: model, target: 0.25, truth: [0, 0.2, 0.3, 0.4], patients: 10, start: 3) }
                == "truth")
        #expect(
            parameter { _ = try CRMSimulationDesign(model: model, target: 0.25, truth: [0.1, 0.2, 0.3, 0.4], patients: 0, start: 3) }
                == "patients")
        #expect(
            parameter { _ = try CRMSimulationDesign(model: model, target: 0.25, truth: [0.1, 0.2, 0.3, 0.4], patients: 10, start: 5) }
                == "start")
        #expect(
            parameter { _ = try CRMSimulationDesign(model: model, target: 0, truth: [0.1, 0.2, 0.3, 0.4], patients: 10, start: 3) }
                == "target")
        #expect(
            parameter {
                _ = try CRMSimulationDesign(model: model, target: 0.25, truth: [0.1, 0.2, 0.3, 0.4], patients: 10, start: 3, cohort: 11)
            } == "cohort")
        let design = try CRMSimulationDesign(model: model, target: 0.25, truth: [0.1, 0.2, 0.3, 0.4], patients: 200, start: 3)
        #expect(parameter { _ = try design.simulate(trials: 2_000_000, seed: 1) } == "trials")
        #expect(parameter { _ = try design.simulate(trials: 600_000, seed: 1) } == "trials")
        #expect(parameter { _ = try TITESettings(window: 0) } == "window")
        #expect(parameter { _ = try TITESettings(window: 21, rate: .infinity) } == "rate")
    }
}

@Suite("CRM calibration")
struct CRMCalibrationTests {
    @Test("the delta search covers the grid, uses plateau scenarios, and picks the best average")
    func search() throws {
        let calibration = try CRMCalibration(target: 0.25, levels: 4, priorMTD: 3, patients: 10)
        #expect(calibration.halfwidths.first == 0.01)
        #expect(abs(calibration.halfwidths.last! - 0.24) < 1e-12)
        #expect(calibration.scenarios[1] == [0.15, 0.25, 0.35, 0.35])
        let result = try calibration.run(trialsPerScenario: 400, seed: 1, threads: 2)
        #expect(result.rows.count == calibration.halfwidths.count)
        #expect(result.rows.allSatisfy { $0.averageCorrectSelection <= result.best.averageCorrectSelection })
        let row = result.rows[8]
        #expect(abs(row.halfwidth - 0.09) < 1e-12)
        #expect(abs(row.averageCorrectSelection - row.correctSelection.reduce(0, +) / 4) < 1e-12)
        // A calibration row's PCS is the simulation's, scenario by scenario.
        let design = try CRMSimulationDesign(
            model: DoseToxicityModel(skeleton: row.skeleton), target: 0.25,
            truth: calibration.scenarios[2], patients: 10, start: 3)
        #expect(try design.simulate(trials: 400, seed: 1).correctSelection.estimate == row.correctSelection[2])
    }

    @Test("searching the prior variance too gives one row per (delta, variance) pair")
    func varianceSearch() throws {
        let calibration = try CRMCalibration(target: 0.25, levels: 3, priorMTD: 2, patients: 6, priorVariances: [0.5, 1.34, 3])
        let result = try calibration.run(trialsPerScenario: 100, seed: 2, threads: 1)
        #expect(result.rows.count == calibration.halfwidths.count * 3)
        #expect(Set(result.rows.map(\.priorVariance)) == [0.5, 1.34, 3])
        #expect(result.rows.allSatisfy { $0.averageCorrectSelection <= result.best.averageCorrectSelection })
        #expect(throws: InvalidInput.self) {
            try CRMCalibration(target: 0.25, levels: 3, priorMTD: 2, patients: 6, priorVariances: [1, -1])
        }
    }

    @Test("bad calibration inputs name their option")
    func refusals() {
        #expect(throws: InvalidInput.self) { try CRMCalibration(target: 0.25, levels: 4, priorMTD: 3, patients: 0) }
        #expect(throws: InvalidInput.self) { try CRMCalibration(target: 0.25, levels: 4, priorMTD: 3, patients: 10, spacing: 0.3) }
    }
}
