import Testing

@testable import TrialDesign

/// Facts the reports print, computed in the design layer (the report layer only formats them).
@Suite("Design-layer facts behind the reports")
struct ReportSupportTests {
    @Test("methods disagree when the largest n exceeds the smallest by more than 10%")
    func survivalDisagreement() throws {
        let setting = try SurvivalSetting(
            controlMedian: 8, shape: 1, rates: ErrorRates(alpha: 0.05, power: 0.8),
            followUp: .untilEvent, loss: .none)
        let design = try SingleArmSurvival(setting: setting, median: 13)
        let results = try SurvivalMethod.allCases.map { try SurvivalSolver.sampleSize(design, method: $0) }
        let counts = results.map(\.patients)
        let range = try #require(SurvivalResult.disagreement(results))
        #expect(range.low == counts.min() && range.high == counts.max())
        #expect(Double(range.high) > 1.1 * Double(range.low))
        // The same results agree within a tolerance wider than their spread.
        let spread = Double(range.high) / Double(range.low) - 1
        #expect(SurvivalResult.disagreement(results, tolerance: spread + 0.01) == nil)
        #expect(SurvivalResult.disagreement([results[0]]) == nil)
    }

    @Test("levels tied for the MTD: the lowest is the true MTD")
    func crmTies() throws {
        let model = try DoseToxicityModel(skeleton: [0.05, 0.12, 0.25, 0.40])
        let tied = try CRMSimulationDesign(model: model, target: 0.25, truth: [0.05, 0.20, 0.30, 0.50], patients: 10, start: 1)
        #expect(tied.levelsTiedForMTD == [2, 3] && tied.trueMTD == 2)
        let single = try CRMSimulationDesign(model: model, target: 0.25, truth: [0.05, 0.12, 0.25, 0.40], patients: 10, start: 1)
        #expect(single.levelsTiedForMTD == [3])
    }

    @Test("single-stage: 'meets power' agrees with the solver's first and stable n")
    func singleStageMeetsPower() throws {
        let design = try ExactSingleStage(p0: 0.2, p1: 0.4, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        let answer = try design.solve()
        let rows = try design.tableAround(answer)
        #expect(rows.first { design.meetsPower($0) }?.n == answer.first.n)
        #expect(rows.filter { $0.n >= answer.stable.n }.allSatisfy(design.meetsPower))
        #expect(!rows.filter { $0.n > answer.first.n && $0.n < answer.stable.n }.allSatisfy(design.meetsPower))
        #expect(answer.isSawtooth)
    }

    @Test("survival concerns: harm, exact power and size against the target, few events")
    func survivalConcerns() throws {
        let setting = try SurvivalSetting(
            controlMedian: 8, shape: 1, rates: ErrorRates(alpha: 0.05, power: 0.8),
            followUp: .untilEvent, loss: .none)
        // The seed question by the log-hazard approximation: its n falls short in exact power and size.
        let logHazard = SurvivalAnswer(
            result: try SurvivalSolver.sampleSize(try SingleArmSurvival(setting: setting, median: 13), method: .logHazard))
        let exact = try #require(logHazard.result.exactCharacteristics)
        #expect(exact.power < 0.795 && abs(exact.typeIError - 0.05) > 0.005, "27 patients: exact power 0.785, size 0.036")
        #expect(
            logHazard.concerns == [
                .exactPowerBelowTarget(exactPower: exact.power, target: 0.8),
                .exactSizeOffNominal(exactAlpha: exact.typeIError, nominal: 0.05),
            ])
        #expect(!logHazard.concerns.contains(.testsForHarm))
        // The exact test's own answer raises none of these.
        let exactAnswer = SurvivalAnswer(
            result: try SurvivalSolver.sampleSize(try SingleArmSurvival(setting: setting, median: 13), method: .exact))
        #expect(exactAnswer.concerns.isEmpty)
        // A shorter alternative tests for harm; a large effect leaves few events for an approximation.
        let harm = SurvivalAnswer(
            result: try SurvivalSolver.power(try SingleArmSurvival(setting: setting, median: 5), patients: 20, method: .exact))
        #expect(harm.concerns.first == .testsForHarm)
        let large = SurvivalAnswer(
            result: try SurvivalSolver.sampleSize(try SingleArmSurvival(setting: setting, median: 24), method: .logHazard))
        #expect(large.result.expectedEvents < SurvivalAnswer.fewEvents)
        #expect(large.concerns.contains(.fewExpectedEvents(large.result.expectedEvents)))
    }
}
