import Testing
import TrialDesign

/// The operating-characteristic curve of a Simon design (`simon --plot`'s second figure) against
/// clinfun 1.1.5 `oc.twostage.bdry` (Tests/TrialDesignTests/Fixtures/clinfun_simon_oc.csv, from
/// scripts/generate_clinfun_fixtures.R), absolute tolerance 1e-12.
@Suite("Simon operating characteristics")
struct SimonOperatingCharacteristicTests {
    @Test("P(reject H0) and PET at each true rate match clinfun's oc.twostage.bdry")
    func clinfun() throws {
        let rows = try TwoArmFixtures.rows("clinfun_simon_oc.csv")
        #expect(rows.count == 60)
        for row in rows {
            let design = try SimonDesign(r1: Int(row["r1"]), n1: Int(row["n1"]), r: Int(row["r"]), n: Int(row["n"]))
            let value = try design.rejection(at: row["p"])
            #expect(abs(value.reject - row["reject"]) < 1e-12, "\(row.fields): \(value.reject)")
            #expect(abs(value.pet - row["pet"]) < 1e-12, "\(row.fields): \(value.pet)")
        }
    }

    @Test("the curve spans its range evenly, rises from 0 to 1, and passes through alpha and power")
    func curve() throws {
        let design = try SimonDesign(r1: 3, n1: 13, r: 12, n: 43)
        let curve = try design.operatingCharacteristic(over: 0...1, points: 100)
        #expect(curve.count == 101 && curve.first?.p == 0 && curve.last?.p == 1)
        #expect(curve.first?.reject == 0 && abs((curve.last?.reject ?? 0) - 1) < 1e-15)
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0.reject <= $1.reject })
        let c = try design.characteristics(p0: 0.2, p1: 0.4)
        let atP0 = try #require(curve.first { abs($0.p - 0.2) < 1e-12 })
        let atP1 = try #require(curve.first { abs($0.p - 0.4) < 1e-12 })
        #expect(abs(atP0.reject - c.attainedAlpha) < 1e-15 && abs(atP1.reject - c.attainedPower) < 1e-15)
    }
}
