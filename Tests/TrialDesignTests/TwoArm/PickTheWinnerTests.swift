import Testing
import TrialDesign

/// Pick-the-winner probabilities against clinfun 1.1.5 `pselect` (min.diff = the minimum lead) and a
/// scipy enumeration of every outcome (ties at random for a lead of 0).
@Suite("Pick the winner")
struct PickTheWinnerTests {
    static func check(_ file: String) throws -> Int {
        let rows = try TwoArmFixtures.rows(file)
        for row in rows {
            let design = try PickTheWinner(arms: Int(row["arms"]), p0: row["p0"], delta: row["delta"], minimumLead: Int(row["min_lead"]))
            let c = try design.characteristics(patientsPerArm: Int(row["n"]))
            #expect(abs(c.correct - row["correct"]) < 1e-12, "\(row.fields): \(c.correct)")
            #expect(abs(c.wrong - row["wrong"]) < 1e-12, "\(row.fields): \(c.wrong)")
            #expect(abs(c.inconclusive - row["inconclusive"]) < 1e-12, "\(row.fields): \(c.inconclusive)")
        }
        return rows.count
    }

    @Test("selection probabilities match clinfun's pselect (absolute 1e-12)")
    func clinfun() throws { #expect(try Self.check("clinfun_pselect.csv") == 216) }

    @Test("selection probabilities match the scipy enumeration, ties at random included (absolute 1e-12)")
    func enumeration() throws { #expect(try Self.check("pick_winner.csv") == 72) }

    @Test("the solved n is the first reaching the target, and n - 1 falls short")
    func solve() throws {
        let design = try PickTheWinner(arms: 3, p0: 0.2, delta: 0.15, minimumLead: 0)
        let answer = try design.solve(target: 0.9)
        #expect(answer.first.correct >= 0.9)
        #expect(try design.characteristics(patientsPerArm: answer.first.patientsPerArm - 1).correct < 0.9)
        for n in answer.stable.patientsPerArm...answer.horizon {
            #expect(try design.characteristics(patientsPerArm: n).correct >= 0.9)
        }
    }

    @Test("bad input: more than 10 arms, rates outside (0, 1), p0 + delta >= 1")
    func refusals() {
        #expect(throws: DesignError.self) { try PickTheWinner(arms: 11, p0: 0.2, delta: 0.1) }
        #expect(throws: DesignError.self) { try PickTheWinner(arms: 1, p0: 0.2, delta: 0.1) }
        #expect(throws: DesignError.self) { try PickTheWinner(arms: 3, p0: 0.9, delta: 0.1) }
        #expect(throws: DesignError.self) { try PickTheWinner(arms: 3, p0: 0, delta: 0.1) }
        #expect(throws: DesignError.self) { try PickTheWinner(arms: 3, p0: 0.2, delta: 0.1, minimumLead: -1) }
    }
}
