import Testing

@testable import TrialDesign

/// The forward functions a plot draws: power against patients and against the alternative median.
@Suite("Single-arm survival: power curves")
struct SurvivalCurveTests {
    static let setting = try! SurvivalSetting(controlMedian: 8, rates: ErrorRates(alpha: 0.05, power: 0.8))

    @Test("power against patients passes through the published 0.8094 (26) and 0.8523 (30) and rises")
    func powerAgainstPatients() throws {
        let curve = try (10...60).map { try Self.setting.power(patients: Double($0), median: 13, method: .exact) }
        #expect(abs(curve[16] - 0.8094308485680297) < 1e-9)
        #expect(abs(curve[20] - 0.852260023218585) < 1e-9)
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("power against the alternative median rises from alpha at the control median", arguments: SurvivalMethod.allCases)
    func powerAgainstMedian(method: SurvivalMethod) throws {
        let medians = stride(from: 8.5, through: 20, by: 0.5).map { $0 }
        let curve = try medians.map { try Self.setting.power(patients: 30, median: $0, method: method) }
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0 < $1 })
        #expect(curve[0] > 0.05 && curve[0] < 0.2)
        #expect(curve.last! > 0.95)
    }

    @Test(
        "under an accrual rate, events and patients map consistently in both directions",
        arguments: [SurvivalMethod.logRank, .lachinFoulkes])
    func accrualRateEvents(method: SurvivalMethod) throws {
        let setting = try SurvivalSetting(
            controlMedian: 8, rates: ErrorRates(alpha: 0.05, power: 0.8),
            followUp: .accrualRate(2, followUp: 6), loss: .rate(0.01))
        let design = try SingleArmSurvival(setting: setting, median: 13)
        let n = try design.patients(expectingEvents: 27)
        #expect(abs(try design.expectedEvents(patients: n) - 27) < 1e-9)
        #expect(abs(try design.power(events: 27, method: method) - design.power(patients: n, method: method)) < 1e-12)
    }

    @Test("the curve refuses what the design refuses")
    func refusals() {
        #expect(throws: InvalidInput.self) { try Self.setting.power(patients: 30, median: 8, method: .exact) }
        #expect(throws: InvalidInput.self) {
            try SurvivalSetting(controlMedian: 8, shape: 1.5, rates: ErrorRates(alpha: 0.05, power: 0.8))
                .power(patients: 30, median: 13, method: .exact)
        }
    }
}
