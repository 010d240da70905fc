import TestSupport
import Testing

@testable import TrialDesign

/// Against clinfun 1.1.5's `toxbdry` and `bdrycross.prob` (scripts/generate_toxbdry_fixtures.R):
/// boundaries exactly, operating characteristics within 1e-10 absolute.
@Suite("Toxicity monitoring boundaries (Ivanova et al. 2005; clinfun toxbdry)")
struct ToxicityBoundaryTests {
    struct Case {
        let design: ToxicityBoundary
        let low: [Int], high: [Int]
    }

    func cases() throws -> [Int: Case] {
        let fixture = try CSVFixture("toxbdry_boundaries.csv")
        var grouped: [Int: [[String: String]]] = [:]
        for row in fixture.records { grouped[Int(row["case"]!)!, default: []].append(row) }
        var result: [Int: Case] = [:]
        for (id, rows) in grouped {
            let first = rows[0]
            let design = try ToxicityBoundary(
                p0: Double(first["p0"]!)!, p1: Double(first["p1"]!)!, looks: rows.map { Int($0["n"]!)! },
                alpha: Double(first["alpha"]!)!, power: Double(first["power"]!)!, shape: Double(first["shape"]!)!,
                priority: ToxicityBoundary.Priority(rawValue: first["priority"]!)!)
            result[id] = Case(design: design, low: rows.map { Int($0["low"]!)! }, high: rows.map { Int($0["high"]!)! })
        }
        return result
    }

    @Test func boundariesMatchToxbdryExactly() throws {
        let all = try cases()
        #expect(all.count == 12)
        for (id, c) in all {
            let result = try c.design.solve()
            #expect(result.low == c.low, "case \(id) low")
            #expect(result.high == c.high, "case \(id) high")
        }
    }

    @Test func operatingCharacteristicsMatchWithin1e10() throws {
        let all = try cases()
        let fixture = try CSVFixture("toxbdry_oc.csv")
        var checked = 0
        for row in fixture.records {
            let c = all[Int(row["case"]!)!]!
            let rate = Double(row["rate"]!)!
            for (bounds, suffix) in [(c.low, "low"), (c.high, "high")] {
                let oc = try BoundaryCrossing.evaluate(looks: c.design.looks, bounds: bounds, rate: rate)
                #expect(abs(oc.crossing - Double(row["pcross_" + suffix]!)!) <= 1e-10)
                #expect(abs(oc.earlyStop - Double(row["pstop_" + suffix]!)!) <= 1e-10)
                #expect(abs(oc.expectedPatients - Double(row["ess_" + suffix]!)!) <= 1e-10)
                checked += 1
            }
        }
        #expect(checked == 2 * (fixture.rows.count))
    }

    /// The default rates are clinfun's grid seq(p0, p1, length = 6), so the table rows match
    /// toxbdry's bdry.oc row for row.
    @Test func defaultRatesAreClinfunsGrid() throws {
        let all = try cases()
        let fixture = try CSVFixture("toxbdry_oc.csv")
        for (id, c) in all {
            let rates = fixture.records.filter { Int($0["case"]!)! == id && $0["source"] == "toxbdry" }.map { Double($0["rate"]!)! }
            #expect(c.design.rates == rates, "case \(id)")
        }
    }

    /// Independent check of the recursion: enumerate every toxicity sequence of a short trial.
    @Test(arguments: [0.05, 0.2, 0.5])
    func recursionMatchesEnumeration(_ rate: Double) throws {
        let looks = [2, 3, 5, 8], bounds = [0, 3, 1, 2]  // a boundary that falls and one with b_k >= n_k
        var stopAt = [Double](repeating: 0, count: looks.count)
        for pattern in 0..<(1 << 8) {
            var probability = 1.0
            for i in 0..<8 { probability *= (pattern >> i) & 1 == 1 ? rate : 1 - rate }
            for (k, n) in looks.enumerated() {
                let toxicities = (0..<n).filter { (pattern >> $0) & 1 == 1 }.count
                if toxicities > bounds[k] { stopAt[k] += probability; break }
            }
        }
        let oc = try BoundaryCrossing.evaluate(looks: looks, bounds: bounds, rate: rate)
        for k in looks.indices { #expect(abs(oc.stopAtLook[k] - stopAt[k]) < 1e-14) }
        let expected = zip(looks, stopAt).reduce(0) { $0 + Double($1.0) * $1.1 } + 8 * (1 - stopAt.reduce(0, +))
        #expect(abs(oc.expectedPatients - expected) < 1e-12)
    }

    @Test func everyPatientLooks() throws {
        #expect(try ToxicityBoundary.looks(parsing: "5") == [1, 2, 3, 4, 5])
        #expect(try ToxicityBoundary.looks(parsing: "10, 20,30") == [10, 20, 30])
    }

    @Test(arguments: ["", "1", "10,10", "20,10", "0,5", "a,b", "1001", "10,2000", "10,,20"])
    func badLooksAreRefused(_ text: String) {
        #expect(throws: DesignError.self) { try ToxicityBoundary.looks(parsing: text) }
    }

    @Test func badInputsAreRefused() {
        #expect(throws: DesignError.self) { try ToxicityBoundary(p0: 0.3, p1: 0.2, looks: [10, 20]) }
        #expect(throws: DesignError.self) { try ToxicityBoundary(p0: 0.1, p1: 0.2, looks: [10, 20], shape: 0.6) }
        #expect(throws: DesignError.self) { try ToxicityBoundary(p0: 0.1, p1: 0.2, looks: [10, 20], alpha: 0.6) }
        #expect(throws: DesignError.self) { try ToxicityBoundary(p0: 0.1, p1: 0.2, looks: [10, 20], rates: [1.5]) }
    }

    /// Too few patients for the threshold: refused naming looks, never NaN (R fails here).
    @Test func tooFewPatientsIsRefused() throws {
        let design = try ToxicityBoundary(p0: 0.01, p1: 0.5, looks: [2, 4])
        #expect(throws: DesignError.self) { try design.solve() }
    }

    /// Every boundary the search returns brackets the threshold as documented.
    @Test func boundariesBracketTheThreshold() throws {
        for (_, c) in try cases() {
            let r = try c.design.solve()
            if c.design.priority == .null {
                #expect(r.highAtP0.crossing < c.design.alpha && r.lowAtP0.crossing >= c.design.alpha)
            } else {
                #expect(r.lowAtP1.crossing >= c.design.power && r.highAtP1.crossing < c.design.power)
            }
        }
    }
}
