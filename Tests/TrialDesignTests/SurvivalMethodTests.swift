import RealModule
import TestSupport
import Testing

@testable import TrialDesign

/// Every method's power and size against scipy (scripts/generate_survival_fixtures.py) and
/// against the published seed numbers (Kearney et al., Breast Cancer Res Treat 2021;189:177-185).
@Suite("Single-arm survival methods")
struct SurvivalMethodTests {
    static func design(
        _ m0: Double, _ m1: Double, alpha: Double = 0.05, power: Double = 0.8, sides: Sidedness = .oneSided,
        followUp: FollowUp = .untilEvent, loss: Loss = .none, shape: Double = 1
    ) throws -> SingleArmSurvival {
        let setting = try SurvivalSetting(
            controlMedian: m0, shape: shape, rates: ErrorRates(alpha: alpha, power: power, sides: sides),
            followUp: followUp, loss: loss)
        return try SingleArmSurvival(setting: setting, median: m1)
    }

    // MARK: published seed numbers (docs/examples/seed-phase2.md)

    @Test("seed: the exact test needs 26 events, power 0.8094 at 26 and 0.8523 at 30 (Kearney et al. 2021)")
    func seedExact() throws {
        let seed = try Self.design(8, 13)
        let result = try SurvivalSolver.sampleSize(seed, method: .exact)
        #expect(result.events == 26)
        #expect(result.patients == 26)
        #expect(abs(result.attainedPower - 0.8094) < 5e-5)
        #expect(abs(try seed.power(events: 30, method: .exact) - 0.8523) < 5e-5)
        #expect(try seed.power(events: 25, method: .exact) < 0.8)
    }

    @Test("seed: log-hazard 26.23 -> 27 events, and 27 / (1 - 0.10) = 30 patients (Kearney et al. 2021)")
    func seedLogHazardThirty() throws {
        let seed = try Self.design(8, 13, loss: .dropout(0.1))
        let result = try SurvivalSolver.sampleSize(seed, method: .logHazard)
        #expect(abs(try #require(result.unrounded) - 26.23) < 0.005)
        #expect(abs(try LogHazardTest.events(hazardRatio: seed.hazardRatio, rates: seed.setting.rates) - 26.2286) < 1e-4)
        #expect(result.events == 27)
        #expect(result.patients == 30)
        // The exact test with the same dropout: 26 / 0.9 = 28.9, so 29 patients, not 30.
        #expect(try SurvivalSolver.sampleSize(seed, method: .exact).patients == 29)
    }

    @Test("Wu (2015): Weibull 1.22, median 9, HR 1/1.75, accrual 5, follow-up 3: n = 87.3 -> 88")
    func wuWorkedExample() throws {
        let wu = try Self.design(9, 9 * Double.pow(1.75, 1 / 1.22), followUp: .accrual(duration: 5, followUp: 3), shape: 1.22)
        #expect(abs(wu.hazardRatio - 1 / 1.75) < 1e-12)
        let result = try SurvivalSolver.sampleSize(wu, method: .logRank)
        #expect(result.patients == 88)
        #expect(abs(try #require(result.unrounded) - 87.3155) < 1e-3)
        #expect(abs(result.attainedPower - 0.80309) < 1e-4)
    }

    // MARK: scipy grids

    @Test("power at d events matches scipy for every event-driven method (rel. 1e-9)")
    func eventPowerGrid() throws {
        for row in try CSVFixture("survival_event_power.csv").numericRecords {
            let d = try Self.design(
                row["control_median"]!, row["median"]!, alpha: row["alpha"]!, power: 0.9,
                sides: Sidedness(rawValue: Int(row["sides"]!))!)
            let events = row["events"]!
            for (method, key) in [
                (SurvivalMethod.exact, "exact"), (.logHazard, "log_hazard"), (.cubeRoot, "cube_root"), (.lachinFoulkes, "lachin_foulkes"),
            ] {
                let got = try d.power(events: events, method: method)
                let want = row[key]!
                #expect(
                    abs(got - want) <= 1e-9 * max(want, 1e-3),
                    "\(method) m0 \(d.setting.controlMedian) m1 \(d.median) d \(events): \(got) vs \(want)")
            }
        }
    }

    @Test("smallest events meeting the target match scipy's scan")
    func eventsRequiredGrid() throws {
        for row in try CSVFixture("survival_events_required.csv").numericRecords {
            let d = try Self.design(
                row["control_median"]!, row["median"]!, alpha: row["alpha"]!, power: row["power"]!,
                sides: Sidedness(rawValue: Int(row["sides"]!))!)
            for (method, key) in [
                (SurvivalMethod.exact, "exact"), (.logHazard, "log_hazard"), (.cubeRoot, "cube_root"), (.lachinFoulkes, "lachin_foulkes"),
            ] {
                let result = try SurvivalSolver.sampleSize(d, method: method)
                #expect(result.events == Int(row[key]!), "\(method) \(row)")
            }
        }
    }

    @Test("event probability under accrual, follow-up and loss matches the closed form in scipy (rel. 1e-12)")
    func eventProbabilityGrid() throws {
        for row in try CSVFixture("survival_event_probability.csv").numericRecords {
            let eta = row["loss_rate"]!
            let got = EventProbability.exponential(
                rate: Double.log(2) / row["median"]!, lossRate: eta,
                accrual: row["accrual"]!, followUp: row["follow_up"]!)
            #expect(abs(got - row["probability"]!) <= 1e-12 * row["probability"]!, "\(row)")
        }
    }

    @Test("Wu's n and power at the ceiling match scipy's quadrature (rel. 1e-7)")
    func wuGrid() throws {
        for row in try CSVFixture("survival_wu_log_rank.csv").numericRecords {
            let m0 = row["control_median"]!, h = row["hazard_ratio"]!, k = row["shape"]!
            let followUp: FollowUp =
                row["accrual"]!.isInfinite
                ? .untilEvent
                : .accrual(duration: row["accrual"]!, followUp: row["follow_up"]!)
            let d = try Self.design(
                m0, m0 * Double.pow(h, -1 / k), alpha: row["alpha"]!, power: row["power"]!,
                followUp: followUp, loss: row["loss_rate"]! > 0 ? .rate(row["loss_rate"]!) : .none, shape: k)
            let terms = try d.logRankTerms(patients: 1)
            let n = try OneSampleLogRank.patients(terms: terms, rates: d.setting.rates)
            #expect(abs(n - row["n"]!) <= 1e-7 * row["n"]!, "\(row): \(n)")
            let result = try SurvivalSolver.sampleSize(d, method: .logRank)
            #expect(result.patients == Int(row["n"]!.rounded(.up)), "\(row)")
            #expect(abs(result.attainedPower - row["power_at_ceiling"]!) < 1e-7, "\(row)")
        }
    }
}
