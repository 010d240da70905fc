import TestSupport
import Testing

@testable import TrialDesign

@Suite("CRM skeletons and indifference intervals")
struct CRMSkeletonTests {
    /// Lee & Cheung (2009) skeletons, as listed in published-cases.md (4 decimals).
    @Test("published skeletons (Lee & Cheung 2009) to 4 decimals")
    func published() throws {
        let data = try JSONFixture.object("crm_skeletons.json")
        let rows = data["published"] as? [[String: Any]] ?? []
        #expect(rows.count == 3)
        for row in rows {
            let skeleton = try Skeleton.calibrated(
                target: row.double("target"), halfwidth: row.double("halfwidth"), levels: row.int("levels"),
                priorMTD: row.int("prior_mtd"), model: DoseToxicityModel.Kind(rawValue: row.string("model"))!,
                intercept: row.double("intercept"))
            let expected = row.doubles("skeleton")
            #expect(skeleton.count == expected.count)
            for (got, want) in zip(skeleton, expected) { #expect(abs(got - want) < 0.5e-4, "\(row)") }
        }
    }

    /// dfcrm's getprior recursion evaluated in 50-digit arithmetic (mpmath) over a grid: agreement to 1e-13.
    @Test("calibrated skeletons against dfcrm's recursion in mpmath")
    func grid() throws {
        let data = try JSONFixture.object("crm_skeletons.json")
        let rows = data["grid"] as? [[String: Any]] ?? []
        #expect(rows.count > 50)
        for row in rows {
            let expected = row.doubles("skeleton")
            if expected.contains(where: { $0 <= 0 || $0 >= 1 }) {
                // The exact skeleton leaves double precision: refused, naming --halfwidth.
                #expect(throws: InvalidInput.self) {
                    try Skeleton.calibrated(
                        target: row.double("target"), halfwidth: row.double("halfwidth"),
                        levels: row.int("levels"), priorMTD: row.int("prior_mtd"))
                }
                continue
            }
            let skeleton = try Skeleton.calibrated(
                target: row.double("target"), halfwidth: row.double("halfwidth"), levels: row.int("levels"),
                priorMTD: row.int("prior_mtd"), model: DoseToxicityModel.Kind(rawValue: row.string("model"))!,
                intercept: row.double("intercept"))
            for (got, want) in zip(skeleton, row.doubles("skeleton")) { #expect(abs(got - want) < 1e-13, "\(row)") }
        }
    }

    /// scipy brentq on p_{k-1} + p_k = 2θ; interior intervals of a calibrated skeleton are exactly θ ± δ.
    @Test("indifference intervals against scipy")
    func intervals() throws {
        let data = try JSONFixture.object("crm_skeletons.json")
        let rows = data["indifference"] as? [[String: Any]] ?? []
        #expect(rows.count == 5)
        for row in rows {
            let model = try DoseToxicityModel(
                kind: DoseToxicityModel.Kind(rawValue: row.string("model"))!,
                skeleton: row.doubles("skeleton"), intercept: row.double("intercept"))
            let got = try Skeleton.indifferenceIntervals(model: model, target: row.double("target"))
            let want = row["intervals"] as? [[String: Any]] ?? []
            #expect(got.count == want.count)
            for (g, w) in zip(got, want) {
                #expect(abs(g.lower - w.double("lower")) < 1e-10)
                #expect(abs(g.upper - w.double("upper")) < 1e-10)
            }
        }
        let seed = try DoseToxicityModel(skeleton: Skeleton.calibrated(target: 0.25, halfwidth: 0.09, levels: 4, priorMTD: 3))
        let seedIntervals = try Skeleton.indifferenceIntervals(model: seed, target: 0.25)
        for interval in seedIntervals.dropFirst().dropLast() {
            #expect(abs(interval.lower - 0.16) < 1e-12 && abs(interval.upper - 0.34) < 1e-12)
        }
    }

    @Test("bad skeleton inputs name their option")
    func refusals() {
        func parameter(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let error as InvalidInput { return error.parameter } catch { return "other" }
        }
        #expect(parameter { _ = try Skeleton.calibrated(target: 1.2, halfwidth: 0.05, levels: 4, priorMTD: 3) } == "target")
        #expect(parameter { _ = try Skeleton.calibrated(target: 0.25, halfwidth: 0.25, levels: 4, priorMTD: 3) } == "halfwidth")
        #expect(parameter { _ = try Skeleton.calibrated(target: 0.8, halfwidth: 0.2, levels: 4, priorMTD: 3) } == "halfwidth")
        #expect(parameter { _ = try Skeleton.calibrated(target: 0.25, halfwidth: 0.05, levels: 4, priorMTD: 5) } == "prior-mtd")
        #expect(parameter { _ = try Skeleton.calibrated(target: 0.25, halfwidth: 0.05, levels: 40, priorMTD: 3) } == "levels")
        #expect(parameter { _ = try Skeleton.calibrated(target: 0.25, halfwidth: .nan, levels: 4, priorMTD: 3) } == "halfwidth")
        #expect(
            parameter {
                _ = try Skeleton.calibrated(
                    target: 0.25, halfwidth: 0.1, levels: 4, priorMTD: 3,
                    model: .logistic, intercept: -2)
            } == "intercept")
        #expect(parameter { _ = try DoseToxicityModel(skeleton: [0.1, 0.1, 0.3]) } == "skeleton")
        #expect(parameter { _ = try DoseToxicityModel(skeleton: [0.1, 0.2, 1.0]) } == "skeleton")
        #expect(parameter { _ = try DoseToxicityModel(skeleton: [0.3]) } == "skeleton")
        #expect(parameter { _ = try DoseToxicityModel(kind: .logistic, skeleton: [0.1, 0.2, 0.97]) } == "intercept")
    }
}
