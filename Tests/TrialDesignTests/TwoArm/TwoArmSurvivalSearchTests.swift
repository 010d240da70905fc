import Testing
import TrialDesign

/// The two-arm sample size by simulated power (`two-arm survival --simulate N --search`).
@Suite("Two-arm survival: the search by simulated power")
struct TwoArmSurvivalSearchTests {
    static func design(
        hazardRatio: Double = 8.0 / 13, allocation: Double = 1,
        followUp: FollowUp = .accrual(duration: 52, followUp: 26)
    ) throws -> TwoArmSurvival {
        try TwoArmSurvival(
            controlMedian: 8, hazardRatio: hazardRatio, allocation: allocation,
            rates: try ErrorRates(alpha: 0.05, power: 0.8, sides: .oneSided), followUp: followUp)
    }

    /// The found n meets the target by simulation and n − 1 does not; the runs are exactly the
    /// plain simulation at those sizes (same seed), split between the arms as the formula does.
    @Test(arguments: [(8.0 / 13, 1.0), (0.7, 2.0)])
    func foundIsTheSmallestMeeting(hazardRatio: Double, allocation: Double) throws {
        let d = try Self.design(hazardRatio: hazardRatio, allocation: allocation)
        let formula = try TwoArmSurvivalSolver.sampleSize(d, method: .schoenfeld)
        let search = try TwoArmSurvivalSimulation.search(
            d, trials: 2_000, seed: 7, upTo: 2 * formula.patients, start: formula.patients, threads: 2)
        let found = search.found, below = try #require(search.below)
        let n = found.controlPatients + found.experimentalPatients
        #expect(found.power >= 0.8 && below.power < 0.8, "n \(n): \(found.power), \(below.power)")
        #expect(below.controlPatients + below.experimentalPatients == n - 1)
        let arms = try TwoArmSurvivalSolver.split(n, allocation)
        #expect(found.controlPatients == arms.control && found.experimentalPatients == arms.experimental)
        #expect(
            found
                == (try TwoArmSurvivalSimulation.run(
                    d, control: arms.control, experimental: arms.experimental,
                    trials: 2_000, seed: 7, threads: 1)))
        // The simulated n agrees with Schoenfeld's within what 2,000 trials can resolve: its
        // power at the formula's n is within 4 standard errors of the target. (Far from a hazard
        // ratio of 1 with unequal allocation Schoenfeld's formula is conservative: at 0.5 and 2:1
        // the simulated power at its n is 0.825, which is why the search exists.)
        let atFormula = try TwoArmSurvivalSimulation.run(
            d, control: formula.controlPatients, experimental: formula.experimentalPatients,
            trials: 2_000, seed: 7, threads: 2)
        #expect(abs(atFormula.power - 0.8) < 4 * atFormula.powerStandardError, "\(atFormula.power)")
        #expect(abs(Double(n - formula.patients)) <= 0.1 * Double(formula.patients), "\(n) vs \(formula.patients)")
    }

    @Test func threadIndependence() throws {
        let d = try Self.design()
        let one = try TwoArmSurvivalSimulation.search(d, trials: 1_000, seed: 3, upTo: 250, start: 100, threads: 1)
        let two = try TwoArmSurvivalSimulation.search(d, trials: 1_000, seed: 3, upTo: 250, start: 100, threads: 2)
        #expect(one.found == two.found && one.below == two.below)
    }

    /// Refused before any work: beyond the draws cap, beyond the work budget, `search` without
    /// `simulate`; and after the search, naming `search-max`, when even the limit falls short.
    @Test func refusals() throws {
        let d = try Self.design()
        func parameter(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let error as DesignError { return error.parameter } catch { return "\(error)" }
        }
        #expect(parameter { _ = try TwoArmSurvivalSimulation.checkSearch(trials: 100_000, upTo: 1_000) } == "simulate")
        #expect(parameter { _ = try TwoArmSurvivalSimulation.checkSearch(trials: 20_000, upTo: 2_000) } == "simulate")  // 80 s estimated
        #expect(parameter { _ = try TwoArmSurvivalSimulation.checkSearch(trials: 1_000, upTo: 20_000) } == "search-max")
        #expect(parameter { _ = try TwoArmSurvivalSimulation.checkSearch(trials: 2_000, upTo: 1_000) } == nil)
        #expect(parameter { _ = try TwoArmSurvivalSimulation.search(d, trials: 500, seed: 1, upTo: 40, start: 20) } == "search-max")
        var question = TwoArmSurvivalQuestion()
        question.controlMedian = 8
        question.median = 13
        question.search = true
        #expect(parameter { _ = try question.answer() } == "search")
        question.simulate = 500
        question.searchMax = 1
        #expect(parameter { _ = try question.answer() } == "search-max")
    }

    /// The question runs the search once, from the first method's n, and reports it beside every method.
    @Test func questionSearchesOnce() throws {
        var question = TwoArmSurvivalQuestion()
        question.controlMedian = 8
        question.median = 13
        question.accrual = 52
        question.followUp = 26
        question.methods = TwoArmSurvivalMethod.allCases
        question.simulate = 1_000
        question.search = true
        question.threads = 2
        let answer = try question.answer()
        let search = try #require(answer.search)
        let n = answer.answers[0].result.patients
        let direct = try TwoArmSurvivalSimulation.search(
            answer.answers[0].result.design, trials: 1_000, seed: 1, upTo: 2 * n,
            start: n, threads: 2)
        #expect(search.found == direct.found && search.limit == 2 * n)
    }
}
