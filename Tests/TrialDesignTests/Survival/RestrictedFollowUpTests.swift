import Foundation
import Probability
import TestSupport
import Testing

@testable import TrialDesign

/// Restricted follow-up (each patient followed at most τ, the analysis when the last patient has
/// been followed τ) against OneArm2stage 1.2.1's phase2.TTE with `restricted = 1`
/// (scripts/generate_restricted_survival_fixtures.R), and against simulation.
@Suite("Restricted follow-up")
struct RestrictedFollowUpTests {
    struct Setting {
        let design: SingleArmSurvival
        let tau: Double, rate: Double
        let row: [String: String]
    }

    func settings() throws -> [Setting] {
        try CSVFixture("restricted_survival.csv").records.map { r in
            let d = { (key: String) in Double(r[key]!)! }
            let shape = d("shape"), tau = d("tf"), rate = d("rate")
            let m0 = d("x0") * Foundation.pow(log(2) / -log(d("S0")), 1 / shape)
            let setting = try SurvivalSetting(
                controlMedian: m0, shape: shape,
                rates: try ErrorRates(alpha: d("alpha"), power: 1 - d("beta"), sides: .oneSided),
                followUp: .restricted(.rate(rate), maximum: tau))
            return Setting(
                design: try SingleArmSurvival(setting: setting, median: m0 * Foundation.pow(d("hr"), -1 / shape)),
                tau: tau, rate: rate, row: r)
        }
    }

    /// phase2.TTE's single-stage n under restricted follow-up is Wu's formula with its integrals
    /// up to τ: trialsize's log-rank n must be the same whole number.
    @Test func singleStageMatchesPhase2TTE() throws {
        let all = try settings()
        #expect(all.count >= 2)
        for s in all {
            let result = try SurvivalSolver.sampleSize(s.design, method: .logRank)
            #expect(result.patients == Int(s.row["nsingle"]!)!, "setting \(s.row["setting"]!): \(result.patients)")
            // The calendar: accrual n / R, analysis τ after the last entry.
            #expect(result.accrualDuration == Double(result.patients) / s.rate)
        }
    }

    /// phase2.TTE's restricted two-stage designs, evaluated by trialsize under its interim
    /// convention, attain alpha within phase2.TTE's own tolerance (0.001, c to 4 decimals) and
    /// the power; trialsize's own search meets both exactly with no larger expected n.
    @Test func twoStageDesignsReproduce() throws {
        for s in try settings() {
            let r = s.row, label = "setting \(r["setting"]!) \(r["criterion"]!)"
            let calendar = try SurvivalSetting(
                controlMedian: s.design.setting.controlMedian, shape: s.design.setting.shape,
                rates: s.design.setting.rates, followUp: .accrualRate(s.rate, followUp: s.tau))
            let problem = try TwoStageLogRank(
                design: try SingleArmSurvival(setting: calendar, median: s.design.median),
                maximumFollowUp: s.tau)
            let n = Int(r["n"]!)!, t1 = Double(r["t1"]!)!, c1 = Double(r["c1"]!)!, c = Double(r["c"]!)!
            let rates = try problem.errorRates(n: n, interimTime: t1, c1: c1, c: c, drift: .oneArm2stage)
            #expect(abs(rates.alpha - 0.05) <= 1.2e-3, "\(label): alpha \(rates.alpha)")
            #expect(rates.power >= s.design.setting.rates.power - 2e-3, "\(label): power \(rates.power)")
            if r["criterion"] == "optimal" {
                let answer = try problem.search()
                #expect(answer.optimal.attainedAlpha <= 0.05 + 1e-9 && answer.optimal.attainedPower >= s.design.setting.rates.power - 1e-9)
                #expect(answer.optimal.expectedN <= Double(r["ES"]!)! + 0.05, "\(label): \(answer.optimal.expectedN)")
            }
        }
    }

    /// The statistics of restricted follow-up are those of every patient followed exactly τ:
    /// the same n, events and power as entering all at once, whatever the accrual rate or
    /// period; only the calendar differs.
    @Test(arguments: [FollowUp.Entry.rate(1), .rate(0.25), .period(40)])
    func sameStatisticsAsFixedFollowUp(entry: FollowUp.Entry) throws {
        let rates = try ErrorRates(alpha: 0.05, power: 0.8, sides: .oneSided)
        let restricted = try SingleArmSurvival(
            setting: try SurvivalSetting(
                controlMedian: 8, rates: rates,
                followUp: .restricted(entry, maximum: 26), loss: .rate(0.01)), median: 13)
        let fixed = try SingleArmSurvival(
            setting: try SurvivalSetting(
                controlMedian: 8, rates: rates,
                followUp: .accrual(duration: 0, followUp: 26), loss: .rate(0.01)), median: 13)
        for method in SurvivalMethod.allCases {
            let a = try SurvivalSolver.sampleSize(restricted, method: method)
            let b = try SurvivalSolver.sampleSize(fixed, method: method)
            #expect(a.patients == b.patients && a.events == b.events && a.attainedPower == b.attainedPower, "\(method)")
            #expect(a.eventProbability == b.eventProbability)
        }
        let simA = try SurvivalSimulation.run(restricted, method: .logRank, patients: 40, trials: 2_000, seed: 3, threads: 2)
        let simB = try SurvivalSimulation.run(fixed, method: .logRank, patients: 40, trials: 2_000, seed: 3, threads: 2)
        #expect(simA.power == simB.power && simA.typeIError == simB.typeIError)
    }

    /// Exponential: P(event by τ) = λ/μ · (1 − e^(−μτ)) exactly, and it is smaller than with
    /// the unrestricted follow-up of the same calendar (later patients were followed longer).
    @Test func eventProbabilityIsRestricted() throws {
        let rates = try ErrorRates(alpha: 0.05, power: 0.8, sides: .oneSided)
        let restricted = try SingleArmSurvival(
            setting: try SurvivalSetting(
                controlMedian: 8, rates: rates,
                followUp: .restricted(.rate(1), maximum: 26), loss: .rate(0.02)), median: 13)
        let lambda: Double = Foundation.log(2.0) / 13, mu: Double = lambda + 0.02
        let expected: Double = lambda / mu * -Foundation.expm1(-mu * 26)
        #expect(abs(try restricted.eventProbability(patients: 30) - expected) <= 1e-15)
        let open = try SingleArmSurvival(
            setting: try SurvivalSetting(
                controlMedian: 8, rates: rates,
                followUp: .accrualRate(1, followUp: 26), loss: .rate(0.02)), median: 13)
        #expect(try open.eventProbability(patients: 30) > expected)
    }

    /// Simulated under restricted follow-up, every fixture setting's single-stage log-rank design
    /// holds its size and power: simulated alpha at most nominal + 4 Monte Carlo SE, simulated
    /// power at least the target − 4 SE (Wu's formula is a normal approximation, so the simulated
    /// power is not expected to equal the analytic one exactly; docs/validation.md).
    @Test func simulationHoldsSizeAndPower() throws {
        for s in try settings() where s.row["criterion"] == "optimal" {
            let result = try SurvivalSolver.sampleSize(s.design, method: .logRank)
            let sim = try SurvivalSimulation.run(
                s.design, method: .logRank, patients: result.patients, trials: 20_000, seed: 11, threads: 2)
            let label = "setting \(s.row["setting"]!): alpha \(sim.typeIError), power \(sim.power) vs \(result.powerAtPatients)"
            #expect(sim.typeIError <= 0.05 + 4 * sim.typeIErrorStandardError, "\(label)")
            #expect(sim.power >= s.design.setting.rates.power - 4 * sim.powerStandardError, "\(label)")
            #expect(abs(sim.power - result.powerAtPatients) < 0.03, "\(label)")
        }
    }

    /// Bad combinations are refused naming `max-follow-up`, one line each.
    @Test func refusals() throws {
        func refusal(_ change: (inout SurvivalQuestion) -> Void) -> DesignError? {
            var q = SurvivalQuestion()
            q.controlMedian = 8
            q.median = 13
            change(&q)
            do { _ = try q.answer(); return nil } catch { return error }
        }
        #expect(refusal { $0.maxFollowUp = 26 }?.parameter == "max-follow-up")  // no accrual
        #expect(
            refusal {
                $0.maxFollowUp = 26; $0.accrualRate = 1; $0.followUp = 10
            }?.parameter == "max-follow-up")
        #expect(
            refusal {
                $0.maxFollowUp = -1; $0.accrualRate = 1
            }?.parameter == "max-follow-up")
        #expect(
            refusal {
                $0.maxFollowUp = .nan; $0.accrual = 30
            }?.parameter == "max-follow-up")
        #expect(
            refusal {
                $0.maxFollowUp = 1e-300; $0.accrualRate = 1
            } != nil)  // no events
        #expect(
            refusal {
                $0.maxFollowUp = 26; $0.accrualRate = 1
            } == nil)
        #expect(
            refusal {
                $0.maxFollowUp = 26; $0.accrual = 30
            } == nil)
    }
}
