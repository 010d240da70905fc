import TestSupport
import Testing

@testable import TrialDesign

@Suite("Simon two-stage designs")
struct SimonTwoStageTests {
    func search(_ p0: Double, _ p1: Double, _ alpha: Double, _ beta: Double, nmax: Int? = nil) throws -> SimonTwoStage.Answer {
        try SimonTwoStage(p0: p0, p1: p1, errorRates: ErrorRates(alpha: alpha, power: 1 - beta), nmax: nmax).search()
    }

    /// Simon (1989), Table 1, as quoted in /work/shared/reference/published-cases.md:
    /// (p0, p1, alpha, beta, optimal r1, n1, r, n, EN, PET, minimax r1, n1, r, n, EN, PET).
    @Test(
        "Simon (1989) Table 1 rows",
        arguments: [
            (0.2, 0.4, 0.10, 0.10, [3, 17, 10, 37], 26.0, 0.55, [3, 19, 10, 36], 28.3, 0.46),
            (0.1, 0.3, 0.05, 0.20, [1, 10, 5, 29], 15.0, 0.74, [1, 15, 5, 25], 19.5, 0.55),
        ])
    func published(
        _ p0: Double, _ p1: Double, _ alpha: Double, _ beta: Double,
        _ optimal: [Int], _ optimalEN: Double, _ optimalPET: Double,
        _ minimax: [Int], _ minimaxEN: Double, _ minimaxPET: Double
    ) throws {
        let answer = try search(p0, p1, alpha, beta)
        for (found, expected, en, pet) in [
            (answer.optimal, optimal, optimalEN, optimalPET), (answer.minimax, minimax, minimaxEN, minimaxPET),
        ] {
            #expect([found.r1, found.n1, found.r, found.n] == expected)
            #expect(abs(found.enP0 - en) < 0.05 && abs(found.petP0 - pet) < 0.005)
        }
        #expect(answer.complete)
    }

    /// simon.csv: optimal and minimax designs from an exhaustive numpy search (no pruning) in
    /// scripts/generate_binomial_fixtures.py, nine settings of Simon's Table 1.
    @Test func bruteForceReferences() throws {
        let fixture = try CSVFixture("simon.csv")
        #expect(fixture.rows.count == 18)
        var answers: [String: SimonTwoStage.Answer] = [:]
        for row in fixture.records {
            let key = "\(row["p0"]!) \(row["p1"]!) \(row["alpha"]!) \(row["beta"]!)"
            let answer = try answers[key] ?? search(Double(row["p0"]!)!, Double(row["p1"]!)!, Double(row["alpha"]!)!, Double(row["beta"]!)!)
            answers[key] = answer
            let found = row["kind"] == "optimal" ? answer.optimal : answer.minimax
            #expect([found.r1, found.n1, found.r, found.n] == ["r1", "n1", "r", "n"].map { Int(row[$0]!)! }, "\(key) \(row["kind"]!)")
            #expect(close(found.enP0, Double(row["en_p0"]!)!, relative: 1e-10))
            #expect(close(found.petP0, Double(row["pet_p0"]!)!, relative: 1e-10))
            #expect(close(found.attainedAlpha, Double(row["attained_alpha"]!)!, relative: 1e-9))
            #expect(close(found.attainedPower, Double(row["attained_power"]!)!, relative: 1e-10))
        }
    }

    /// The issue's wide case: p0 0.3 vs p1 0.45, alpha 0.05, power 0.9, whose optimal design has n = 110
    /// (beyond the nmax = 100 default of some programs); and p0 0.05 vs p1 0.10, which must work.
    @Test func wideSearches() throws {
        let wide = try search(0.3, 0.45, 0.05, 0.10)
        #expect(wide.optimal.n == 110 && wide.complete)
        #expect(wide.minimax.n < wide.optimal.n)
        let small = try search(0.05, 0.10, 0.05, 0.20)
        #expect(small.complete && small.optimal.attainedAlpha <= 0.05 && small.optimal.attainedPower >= 0.8)
        #expect(small.minimax.n >= small.lowerBound)
    }

    /// Admissible designs run from minimax (q = 1) to optimal (q = 0), n rising and EN falling,
    /// and each minimises Jung's q·n + (1 − q)·EN over the whole frontier at the middle of its q range.
    @Test(arguments: [(0.1, 0.3, 0.05, 0.2), (0.3, 0.45, 0.05, 0.1), (0.2, 0.4, 0.1, 0.1)])
    func admissible(_ p0: Double, _ p1: Double, _ alpha: Double, _ beta: Double) throws {
        let answer = try search(p0, p1, alpha, beta)
        let designs = answer.admissible
        #expect(designs.first?.design == answer.minimax && designs.last?.design == answer.optimal)
        #expect(designs.first?.qUpper == 1 && designs.last?.qLower == 0)
        for (a, b) in zip(designs, designs.dropFirst()) {
            #expect(a.design.n < b.design.n && a.design.enP0 > b.design.enP0 && a.qLower == b.qUpper)
        }
        for d in designs {
            let q = (d.qLower + d.qUpper) / 2
            let loss = { (c: SimonCharacteristics) in q * Double(c.n) + (1 - q) * c.enP0 }
            #expect(answer.frontier.allSatisfy { loss($0) >= loss(d.design) - 1e-9 })
        }
    }

    /// Jung's q as clinfun 1.1.x `ph2simon(0.1, 0.3, 0.05, 0.2)` prints it (qLo, qHi to three
    /// decimals): minimax 0.732–1, 1/12,5/26 0.482–0.732, 1/11,5/27 0.293–0.482, optimal 0–0.293.
    @Test func admissibleMatchesClinfun() throws {
        let designs = try search(0.1, 0.3, 0.05, 0.2).admissible
        let clinfun: [(String, Double, Double)] = [
            ("1/15,5/25", 0.732, 1), ("1/12,5/26", 0.482, 0.732),
            ("1/11,5/27", 0.293, 0.482), ("1/10,5/29", 0, 0.293),
        ]
        #expect(designs.count == clinfun.count)
        for (d, (name, lo, hi)) in zip(designs, clinfun) {
            let c = d.design
            #expect("\(c.r1)/\(c.n1),\(c.r)/\(c.n)" == name)
            #expect(abs(d.qLower - lo) < 5e-4 && abs(d.qUpper - hi) < 5e-4, "\(name): \(d.qLower)-\(d.qUpper)")
        }
    }

    /// The forward function for a given design agrees with the brute-force fixture.
    @Test func givenDesign() throws {
        let c = try SimonDesign(parsing: "1/10,5/29").characteristics(p0: 0.1, p1: 0.3)
        #expect(abs(c.enP0 - 15.014120347099986) < 1e-9 && abs(c.petP0 - 0.7360989291) < 1e-9)
        #expect(c.attainedAlpha <= 0.05 && c.attainedPower >= 0.8)
        #expect(throws: InvalidInput.self) { try SimonDesign(parsing: "1/10") }
        #expect(throws: InvalidInput.self) { try SimonDesign(parsing: "5/4,6/20") }
        #expect(throws: InvalidInput.self) { try SimonDesign(parsing: "1/10,5/10") }
    }

    @Test func nmaxTooSmallSuggestsTheSmallestThatWorks() throws {
        do {
            _ = try search(0.1, 0.3, 0.05, 0.2, nmax: 20)
            Issue.record("expected a refusal")
        } catch let error as InvalidInput {
            #expect(error.parameter == "nmax")
            // Refused up front with the Neyman–Pearson lower bound on n (the minimax n is 25).
            let bound = try #require(
                try SimonTwoStage(p0: 0.1, p1: 0.3, errorRates: ErrorRates(alpha: 0.05, power: 0.8)).lowerBound(cap: 3000))
            #expect(bound <= 25 && bound > 20 && error.description.contains("at least \(bound)"), "\(error)")
        }
        let capped = try search(0.1, 0.3, 0.05, 0.2, nmax: 27)
        #expect(capped.minimax.n == 25 && capped.optimal.n <= 27 && !capped.complete)
        #expect(throws: InvalidInput.self) {
            try SimonTwoStage(p0: 0.1, p1: 0.3, errorRates: ErrorRates(alpha: 0.05, power: 0.8), nmax: 3001)
        }
    }

    /// Issue 19: `--p0 0.45 --p1 0.4767 --power 0.9 --nmax 2` searched 101 s before refusing.
    @Test("an nmax below the Neyman–Pearson bound is refused before the search")
    func nmaxBelowTheBoundIsRefusedUpFront() throws {
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: InvalidInput.self) { _ = try search(0.45, 0.4767, 0.05, 0.1, nmax: 2) }
        #expect(clock.now - start < .seconds(20))  // refused without the search (which took 101 s in release)
    }

    /// Speed targets (debug builds are slower; release figures are in the report).
    @Test func speed() throws {
        let clock = ContinuousClock()
        let quick = try clock.measure { _ = try search(0.2, 0.4, 0.1, 0.1) }
        let large = try clock.measure { _ = try search(0.05, 0.10, 0.05, 0.2) }
        #expect(quick < .milliseconds(100))
        #expect(large < .seconds(2))
    }
}
