import RealModule
import Testing

@testable import TrialDesign

/// Issue 19: the simulation must hold over the whole accepted range of control medians and
/// shapes, not only near 1 (it reported size 1 and power 1 at median 1e-16, shape 20).
@Suite("Single-arm survival: simulation across the accepted medians and shapes")
struct SurvivalScaleTests {
    /// The formula's n here is tiny (hazard ratio 1.3²⁰ ≈ 190), where the log-rank formula is
    /// itself rough, so the simulation is compared with the same design in a unit where the median
    /// is 1, and its size with alpha.
    @Test("the reported case: medians 1e-16 and 1.3e-16, shape 20, log-rank: the same as at median 1, size near 0.05")
    func tinyMedianSteepShape() throws {
        let design = try SurvivalMethodTests.design(1e-16, 1.3e-16, power: 0.9, shape: 20)
        let unit = try SurvivalMethodTests.design(1, 1.3, power: 0.9, shape: 20)
        let planned = try SurvivalSolver.sampleSize(design, method: .logRank)
        #expect(planned.patients == (try SurvivalSolver.sampleSize(unit, method: .logRank)).patients)
        let sim = try SurvivalSimulation.run(design, method: .logRank, patients: planned.patients, trials: 2000, seed: 1)
        let reference = try SurvivalSimulation.run(unit, method: .logRank, patients: planned.patients, trials: 2000, seed: 1)
        #expect(abs(sim.power - reference.power) <= 0.002 && abs(sim.typeIError - reference.typeIError) <= 0.002)
        #expect(sim.typeIError < 0.05 + 4 * 0.0049 + 0.03, "\(sim.typeIError)")  // was 1.000
        #expect(sim.power < 1 && sim.power > 0.5, "\(sim.power)")  // was 1.000
    }

    /// Over the accepted control medians (1e-300 ... 1e300) and shapes (0.05 ... 20), with
    /// accrual and follow-up (so censoring is simulated), the simulated size and power of the
    /// log-rank test agree with the formula (within 4 Monte Carlo SEs plus 0.03 for the
    /// formula's approximation at 40 patients) and with the same design at median 1.
    @Test(arguments: [0.05, 0.5, 1, 3, 20])
    func acrossMedians(shape: Double) throws {
        let ratio = min(Double.pow(2, 1 / shape), 1000)  // hazard ratio 0.5, or as close as the factor 1000 allows
        var atOne: SurvivalSimulation.Result?
        for m0 in [1.0, 1e-300, 1e-16, 1e-3, 3e15, 1e300] {
            let followUp = FollowUp.accrual(duration: 2 * m0, followUp: 3 * m0)
            let design = try SurvivalMethodTests.design(m0, m0 * ratio, followUp: followUp, shape: shape)
            let sim = try SurvivalSimulation.run(design, method: .logRank, patients: 40, trials: 1000, seed: 3)
            let formula = try design.power(patients: 40, method: .logRank)
            #expect(abs(sim.typeIError - 0.05) < 4 * 0.0069 + 0.03, "m0 \(m0) shape \(shape): size \(sim.typeIError)")
            #expect(
                abs(sim.power - formula) < 4 * max(sim.powerStandardError, 0.005) + 0.03,
                "m0 \(m0) shape \(shape): simulated \(sim.power) vs formula \(formula)")
            if let atOne {
                #expect(
                    abs(sim.power - atOne.power) <= 0.003 && abs(sim.typeIError - atOne.typeIError) <= 0.003,
                    "m0 \(m0) shape \(shape): scale changed the simulation")
            } else {
                atOne = sim
            }
        }
    }

    @Test("accrual and follow-up beyond 1e12 control medians, and accrual rates below 1e-6 per median, are refused")
    func periodLimits() throws {
        let rates = try ErrorRates(alpha: 0.05, power: 0.8)
        #expect(throws: InvalidInput.self) {
            try SurvivalSetting(controlMedian: 8, rates: rates, followUp: .accrual(duration: 1e308, followUp: 1e308))
        }
        #expect(throws: InvalidInput.self) {
            try SurvivalSetting(controlMedian: 8, rates: rates, followUp: .accrual(duration: 10, followUp: 9e12))
        }
        #expect(throws: InvalidInput.self) {
            try SurvivalSetting(controlMedian: 1e-300, rates: rates, followUp: .accrualRate(1e-300, followUp: 0))
        }
        _ = try SurvivalSetting(controlMedian: 8, rates: rates, followUp: .accrual(duration: 8e12, followUp: 8e12))
        _ = try SurvivalSetting(controlMedian: 1e-300, rates: rates, followUp: .accrualRate(1e295, followUp: 1e-290))
    }
}
