import Testing
import TrialDesign

/// The two-arm log-rank designs against rpact 3.3.4 (`getSampleSizeSurvival`, `getPowerSurvival`;
/// scripts/generate_two_arm_fixtures.R), gsDesign's published Lachin-Foulkes example, and the
/// seed trial's question randomized.
@Suite("Two-arm survival")
struct TwoArmSurvivalTests {
    static func design(_ row: TwoArmFixtures.Row, power: Double? = nil) throws -> TwoArmSurvival {
        let rates = try ErrorRates(
            alpha: row["alpha"], power: power ?? row.number("power") ?? 0.8,
            sides: row["sides"] == 2 ? .twoSided : .oneSided)
        let followUp: FollowUp
        if let rate = row.number("accrual_rate") {
            followUp = .accrualRate(rate, followUp: row["follow_up"])
        } else if let accrual = row.number("accrual") {
            followUp = .accrual(duration: accrual, followUp: row["follow_up"])
        } else {
            followUp = .untilEvent
        }
        let eta = row.number("loss_rate") ?? 0
        return try TwoArmSurvival(
            controlMedian: row.number("control_median") ?? 10, hazardRatio: row["hazard_ratio"],
            allocation: row["allocation"], rates: rates, followUp: followUp, loss: eta > 0 ? .rate(eta) : .none)
    }

    static func method(_ name: String) -> TwoArmSurvivalMethod { name == "freedman" ? .freedman : .schoenfeld }

    @Test("events, patients and accrual period match rpact's getSampleSizeSurvival over 800 designs (relative 1e-6)")
    func rpactSampleSize() throws {
        let rows = try TwoArmFixtures.rows("two_arm_survival_rpact.csv")
        #expect(rows.count > 800)
        for row in rows {
            let design = try Self.design(row)
            let method = Self.method(row.text("method"))
            let events = try design.requiredEvents(method)
            #expect(abs(events / row["events"] - 1) < 1e-9, "\(row.fields)")
            // rpact's patients are those expected to give the unrounded events.
            let patients = try design.patients(forEvents: events)
            #expect(abs(patients / row["patients"] - 1) < 1e-6, "\(row.fields): \(patients)")
            if let rate = row.number("accrual_rate") {
                #expect(abs(patients / rate / row["accrual_period"] - 1) < 1e-6)
            }
        }
    }

    @Test("power at given events matches rpact's getPowerSurvival (absolute 1e-9)")
    func rpactPower() throws {
        for row in try TwoArmFixtures.rows("two_arm_survival_power_rpact.csv") {
            let design = try Self.design(row)
            let power = try design.power(events: row["events"], method: Self.method(row.text("method")))
            #expect(abs(power - row["power"]) < 1e-9, "\(row.fields): \(power)")
        }
    }

    @Test("gsDesign's published nSurvival example (Lachin & Foulkes): 430 patients, 91 events")
    func gsDesignLachinFoulkes() throws {
        // gsDesign tests/testthat/_snaps/independent-test-print.nSurvival.md: lambda1 = 0.2 (control),
        // lambda2 = 0.1, eta = 0.1, Ts = 2, Tr = 0.5, one-sided alpha 0.025, power 0.9, type "rr".
        let rates = try ErrorRates(alpha: 0.025, power: 0.9)
        let design = try TwoArmSurvival(
            controlMedian: Double.log(2) / 0.2, hazardRatio: 0.5, rates: rates,
            followUp: .accrual(duration: 0.5, followUp: 1.5), loss: .rate(0.1))
        let answer = try TwoArmSurvivalSolver.sampleSize(design, method: .lachinFoulkes)
        #expect(answer.patients == 430)
        #expect(answer.events == 91)
        #expect(abs(try #require(answer.patientsUnrounded) - 429.6189) < 1e-3)
        #expect(answer.attainedPower >= 0.9)
    }

    @Test("the seed question randomized 1:1: Schoenfeld 104.91 events, so 105 (rpact 104.9145)")
    func seedQuestion() throws {
        let design = try TwoArmSurvival(controlMedian: 8, hazardRatio: 8.0 / 13, rates: try ErrorRates(alpha: 0.05, power: 0.8))
        let answer = try TwoArmSurvivalSolver.sampleSize(design, method: .schoenfeld)
        #expect(abs(answer.eventsUnrounded - 104.9145411) < 1e-6)
        #expect(answer.events == 105)
        #expect(answer.controlPatients == 53 && answer.experimentalPatients == 53)
        #expect(answer.attainedPower >= 0.8)
    }

    @Test("power at the sample size's patients and the detectable hazard ratio invert each other")
    func inverses() throws {
        for method in TwoArmSurvivalMethod.allCases {
            let design = try TwoArmSurvival(
                controlMedian: 12, hazardRatio: 0.7, allocation: 2, rates: try ErrorRates(alpha: 0.025, power: 0.9),
                followUp: .accrualRate(10, followUp: 12), loss: .rate(0.01))
            let size = try TwoArmSurvivalSolver.sampleSize(design, method: method)
            let power = try TwoArmSurvivalSolver.power(design, patients: size.patients, method: method)
            #expect(power.attainedPower >= 0.9 - 1e-3, "\(method)")
            let detectable = try TwoArmSurvivalSolver.detectableHazardRatio(design, patients: size.patients, method: method)
            #expect(abs(detectable.attainedPower - 0.9) < 1e-9)
            #expect(
                detectable.design.hazardRatio > 0.69 && detectable.design.hazardRatio < 0.72, "\(method): \(detectable.design.hazardRatio)")
        }
    }

    @Test("with every patient followed to the event, Lachin & Foulkes reduces to Schoenfeld's count")
    func lachinFoulkesLimit() throws {
        let design = try TwoArmSurvival(controlMedian: 8, hazardRatio: 0.6, rates: try ErrorRates(alpha: 0.05, power: 0.8))
        let lf = try TwoArmSurvivalSolver.sampleSize(design, method: .lachinFoulkes)
        let schoenfeld = try design.requiredEvents(.schoenfeld)
        #expect(abs(try #require(lf.patientsUnrounded) - schoenfeld) < 1e-9 * schoenfeld)
    }

    @Test("a seeded simulation does not depend on the number of threads, and its type I error is near alpha")
    func simulation() throws {
        let design = try TwoArmSurvival(
            controlMedian: 8, hazardRatio: 0.6, rates: try ErrorRates(alpha: 0.05, power: 0.8),
            followUp: .accrual(duration: 52, followUp: 26), loss: .rate(0.005))
        let one = try TwoArmSurvivalSimulation.run(design, control: 60, experimental: 60, trials: 4000, seed: 7, threads: 1)
        let two = try TwoArmSurvivalSimulation.run(design, control: 60, experimental: 60, trials: 4000, seed: 7, threads: 2)
        #expect(one == two)
        #expect(abs(one.typeIError - 0.05) < 4 * 0.0035)
        let analytic = try design.power(patients: 120, method: .schoenfeld)
        #expect(abs(one.power - analytic) < 4 * one.powerStandardError + 0.02)
    }

    @Test("bad input names the parameter: allocation, equal medians, too many simulated patients")
    func refusals() throws {
        let rates = try ErrorRates(alpha: 0.05, power: 0.8)
        #expect(throws: DesignError.self) { try TwoArmSurvival(controlMedian: 8, hazardRatio: 0.6, allocation: 0, rates: rates) }
        #expect((try? TwoArmSurvival(controlMedian: 8, hazardRatio: 0.6, allocation: .infinity, rates: rates)) == nil)
        var question = TwoArmSurvivalQuestion()
        question.controlMedian = 8
        question.median = 8
        #expect(
            throws: DesignError(
                parameter: "median", requirement: "different from `control-median` and within a factor 1000 of it", value: "8")
        ) {
            try question.answer()
        }
        question.median = 13
        question.allocation = -1
        #expect(throws: DesignError.self) { try question.answer() }
        #expect(throws: DesignError.self) { try TwoArmSurvivalSimulation.check(trials: 1_000_000, patients: 1000) }
    }
}
