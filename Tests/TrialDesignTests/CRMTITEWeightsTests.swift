import TestSupport
import Testing

@testable import TrialDesign

@Suite("TITE-CRM weights")
struct CRMTITEWeightsTests {
    /// dfcrm's titecrm weights, re-implemented in Python (scripts/generate_crm_fixtures.py): exact to 1e-15.
    @Test("linear and adaptive weights against dfcrm's algorithm")
    func againstReference() throws {
        let rows = try JSONFixture.records("crm_tite_weights.json")
        #expect(rows.count == 10)
        for row in rows {
            let scheme = TITEWeighting(rawValue: row.string("scheme"))!
            let got = scheme.weights(
                followUp: row.doubles("follow_up"), dlt: row.ints("dlt").map { $0 == 1 },
                window: row.double("window"))
            let want = row.doubles("weights")
            #expect(got.count == want.count)
            for (g, w) in zip(got, want) { #expect(abs(g - w) < 1e-15, "\(row)") }
        }
    }

    @Test("hand-checked: adaptive weight with one DLT at day 7 of 21")
    func handChecked() {
        // DLT at 7/21 = 1/3; a patient at 14/21 = 2/3 has m = 1: (1 + (2/3 − 1/3)/(1 − 1/3)) / 2 = 0.75.
        let w = TITEWeighting.adaptive.weights(followUp: [21, 14, 7], dlt: [false, false, true], window: 21)
        #expect(w == [1, 0.75, 1])
        let linear = TITEWeighting.linear.weights(followUp: [21, 14, 7], dlt: [false, false, true], window: 21)
        #expect(abs(linear[1] - 2.0 / 3) < 1e-15 && linear[0] == 1 && linear[2] == 1)
    }
}
