import TestSupport
import Testing

@testable import TrialDesign

@Suite("A'Hern exact single-stage designs")
struct ExactSingleStageTests {
    /// A'Hern (2001) / docs/shared published cases: p0 0.2, p1 0.4, one-sided alpha 0.05, power 0.8.
    @Test func publishedSawtooth() throws {
        let design = try ExactSingleStage(p0: 0.2, p1: 0.4, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        let answer = try design.solve()
        #expect(answer.first.n == 35 && answer.first.r == 12)
        #expect(abs(answer.first.attainedAlpha - 0.0344) < 0.00005 && abs(answer.first.attainedPower - 0.8048) < 0.00005)
        #expect(answer.stable.n == 38 && answer.stable.r == 13)
        #expect(abs(answer.stable.attainedAlpha - 0.0288) < 0.00005 && abs(answer.stable.attainedPower - 0.8136) < 0.00005)
        #expect(abs(try design.characteristics(n: 37).attainedPower - 0.778) < 0.0005)
    }

    /// single_stage.csv: r, attained alpha and power for n = 1...120 (scipy.stats.binom), four settings.
    @Test func scipyReferences() throws {
        let fixture = try CSVFixture("single_stage.csv")
        #expect(fixture.rows.count == 480)
        var designs: [String: ExactSingleStage] = [:]
        for row in fixture.records {
            let key = "\(row["p0"]!) \(row["p1"]!) \(row["alpha"]!)"
            let design =
                try designs[key]
                ?? ExactSingleStage(
                    p0: Double(row["p0"]!)!, p1: Double(row["p1"]!)!,
                    errorRates: ErrorRates(alpha: Double(row["alpha"]!)!, power: 0.8))
            designs[key] = design
            let c = try design.characteristics(n: Int(row["n"]!)!)
            #expect(c.r == Int(row["r"]!)!, "\(key) n \(c.n)")
            #expect(close(c.attainedAlpha, Double(row["attained_alpha"]!)!, relative: 1e-11))
            #expect(close(c.attainedPower, Double(row["attained_power"]!)!, relative: 1e-11))
        }
    }

    @Test("first and stable agree with a direct scan", arguments: [(0.05, 0.2), (0.1, 0.3), (0.3, 0.5), (0.6, 0.8)])
    func againstScan(_ p0: Double, _ p1: Double) throws {
        let design = try ExactSingleStage(p0: p0, p1: p1, errorRates: ErrorRates(alpha: 0.05, power: 0.9))
        let answer = try design.solve()
        let powers = try (1...answer.horizon).map { try design.characteristics(n: $0) }
        #expect(powers.first { $0.attainedPower >= 0.9 } == answer.first)
        #expect(powers[(answer.stable.n - 1)...].allSatisfy { $0.attainedPower >= 0.9 && $0.attainedAlpha <= 0.05 })
        #expect(answer.stable.n == 1 || powers[answer.stable.n - 2].attainedPower < 0.9)
    }

    @Test func refusals() {
        let rates = try! ErrorRates(alpha: 0.05, power: 0.8)
        #expect(throws: InvalidInput.self) { try ExactSingleStage(p0: 0.4, p1: 0.2, errorRates: rates) }
        #expect(throws: InvalidInput.self) { try ExactSingleStage(p0: 0.2, p1: 0.2, errorRates: rates) }
        #expect(throws: InvalidInput.self) { try ExactSingleStage(p0: 0, p1: 0.2, errorRates: rates) }
        #expect(throws: InvalidInput.self) { try ExactSingleStage(p0: 0.2, p1: 1, errorRates: rates) }
        #expect(throws: InvalidInput.self) { try ExactSingleStage(p0: 0.5, p1: 0.501, errorRates: rates) }
    }
}
