import RealModule
import TestSupport
import Testing

@testable import TrialDesign

/// The exact uncensored characteristics against scipy, and the simulation against them.
@Suite("Single-arm survival: exact characteristics and simulation")
struct SurvivalSimulationTests {
    static let methods: [String: SurvivalMethod] = [
        "exact": .exact, "log_hazard": .logHazard, "cube_root": .cubeRoot, "lachin_foulkes": .lachinFoulkes, "log_rank": .logRank,
    ]

    static func design(_ row: [String: Double]) throws -> SingleArmSurvival {
        try SurvivalMethodTests.design(
            row["control_median"]!, row["median"]!, alpha: row["alpha"]!,
            sides: Sidedness(rawValue: Int(row["sides"]!))!,
            loss: row["dropout"]! > 0 ? .dropout(row["dropout"]!) : .none)
    }

    @Test("exact size and power with every patient followed to the event match scipy (abs. 1e-10)")
    func uncensoredGrid() throws {
        let text = try CSVFixture("survival_uncensored.csv").labelledRecords
        for (name, row) in text {
            let d = try Self.design(row)
            let result = try UncensoredCharacteristics.characteristics(d, method: Self.methods[name]!, patients: Int(row["patients"]!))
            #expect(abs(result.typeIError - row["type_i_error"]!) < 1e-10, "\(name) \(row)")
            #expect(abs(result.power - row["power"]!) < 1e-10, "\(name) \(row)")
        }
    }

    @Test("seed: the log-hazard plan (27 events) has exact size 0.036 and exact power 0.785, below its nominal 0.80")
    func seedLogHazardIsConservative() throws {
        let seed = try SurvivalMethodTests.design(8, 13)
        let result = try SurvivalSolver.sampleSize(seed, method: .logHazard)
        let exact = try #require(result.exactCharacteristics)
        #expect(abs(exact.typeIError - 0.03602) < 1e-4)
        #expect(abs(exact.power - 0.78489) < 1e-4)
        #expect(result.attainedPower > 0.8)  // the normal approximation's own claim
    }

    @Test("followed to the event, the simulated exact test agrees with its analytic power within 4 MC SEs")
    func simulationAgreesWithExactTest() throws {
        let seed = try SurvivalMethodTests.design(8, 13)
        let sim = try SurvivalSimulation.run(seed, method: .exact, patients: 26, trials: 40_000, seed: 1)
        let analytic = try seed.power(events: 26, method: .exact)
        #expect(abs(sim.power - analytic) < 4 * sim.powerStandardError, "\(sim.power) vs \(analytic)")
        #expect(abs(sim.typeIError - 0.05) < 4 * sim.typeIErrorStandardError, "\(sim.typeIError)")
        #expect(sim.powerStandardError > 0.001 && sim.powerStandardError < 0.003)
    }

    @Test(
        "with dropout, every method's simulation agrees with its exact characteristics within 4 MC SEs",
        arguments: SurvivalMethod.allCases)
    func simulationAgreesWithUncensored(method: SurvivalMethod) throws {
        let d = try SurvivalMethodTests.design(8, 13, loss: .dropout(0.1))
        let exact = try UncensoredCharacteristics.characteristics(d, method: method, patients: 30)
        let sim = try SurvivalSimulation.run(d, method: method, patients: 30, trials: 20_000, seed: 7)
        #expect(abs(sim.power - exact.power) < 4 * sim.powerStandardError, "\(method) \(sim.power) vs \(exact.power)")
        #expect(
            abs(sim.typeIError - exact.typeIError) < 4 * max(sim.typeIErrorStandardError, 1e-3),
            "\(method) \(sim.typeIError) vs \(exact.typeIError)")
    }

    @Test("the same seed gives the same result on 1, 2 and 3 threads")
    func threadIndependence() throws {
        let d = try SurvivalMethodTests.design(8, 13, followUp: .accrual(duration: 26, followUp: 13), loss: .rate(0.01))
        let one = try SurvivalSimulation.run(d, method: .logRank, patients: 36, trials: 5_000, seed: 42, threads: 1)
        let two = try SurvivalSimulation.run(d, method: .logRank, patients: 36, trials: 5_000, seed: 42, threads: 2)
        let three = try SurvivalSimulation.run(d, method: .logRank, patients: 36, trials: 5_000, seed: 42, threads: 3)
        #expect(one == two && two == three)
        let other = try SurvivalSimulation.run(d, method: .logRank, patients: 36, trials: 5_000, seed: 43, threads: 2)
        #expect(other != one)
    }

    @Test("seed with accrual 26 and follow-up 13 weeks: log-hazard and log-rank are conservative (alpha near 0.04)")
    func seedWithAccrualIsConservative() throws {
        let d = try SurvivalMethodTests.design(8, 13, followUp: .accrual(duration: 26, followUp: 13))
        for method in [SurvivalMethod.logHazard, .logRank] {
            let sim = try SurvivalSimulation.run(d, method: method, patients: 36, trials: 40_000, seed: 1)
            #expect(sim.typeIError > 0.03 && sim.typeIError < 0.047, "\(method) alpha \(sim.typeIError)")
        }
        // Up to 150: the whole search's cost model (20,000 × 150 × 18 sizes) fits the 10 s budget.
        let search = try SurvivalSimulation.search(d, method: .logHazard, trials: 20_000, seed: 1, upTo: 150)
        #expect((34...38).contains(search.found.patients), "\(search.found.patients)")
        #expect(search.found.power >= 0.8)
        #expect(try #require(search.below).power < 0.8)
    }

    @Test("a Weibull reference is simulated with its shape: the log-rank size stays near alpha")
    func weibullSimulation() throws {
        let wu = try SurvivalMethodTests.design(
            9, 9 * Double.pow(1.75, 1 / 1.22), followUp: .accrual(duration: 5, followUp: 3), shape: 1.22)
        let sim = try SurvivalSimulation.run(wu, method: .logRank, patients: 88, trials: 20_000, seed: 3)
        #expect(abs(sim.power - 0.803) < 0.02, "\(sim.power)")
        #expect(abs(sim.typeIError - 0.05) < 0.012, "\(sim.typeIError)")
    }

    /// The option an ``InvalidInput`` names, or nil when `body` does not throw one.
    static func refusal(_ body: () throws -> Any) -> String? {
        do { _ = try body() } catch let error as InvalidInput { return error.parameter } catch { return "other: \(error)" }
        return nil
    }

    @Test("simulations beyond the caps are refused naming --simulate or --search-max")
    func caps() throws {
        let d = try SurvivalMethodTests.design(8, 13)
        #expect(throws: InvalidInput.self) { try SurvivalSimulation.run(d, method: .exact, patients: 30, trials: 2_000_000, seed: 1) }
        #expect(Self.refusal { try SurvivalSimulation.run(d, method: .exact, patients: 10_000, trials: 100_000, seed: 1) } == "simulate")
        #expect(Self.refusal { try SurvivalSimulation.search(d, method: .exact, trials: 100, seed: 1, upTo: 20_000) } == "search-max")
        #expect(Self.refusal { try SurvivalSimulation.search(d, method: .exact, trials: 2_000, seed: 1, upTo: 5) } == "search-max")
    }
}
