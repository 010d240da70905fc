import Probability
import TestSupport
import Testing

@testable import TrialDesign

@Suite("CRM posterior")
struct CRMPosteriorTests {
    /// mpmath quadrature at 30 digits (scripts/generate_crm_fixtures.py): posterior mean and sd of β, E[p_k],
    /// plug-in p_k, the 90% interval and P(p_k > target) (its crossing found by bisection, not the closed
    /// form trialsize uses), to 1e-8 absolute.
    @Test("posterior against mpmath quadrature to 1e-8")
    func againstMpmath() throws {
        let rows = try JSONFixture.records("crm_posterior.json")
        #expect(rows.count == 13)
        for row in rows {
            let model = try DoseToxicityModel(
                kind: DoseToxicityModel.Kind(rawValue: row.string("model"))!,
                skeleton: row.doubles("skeleton"), intercept: row.double("intercept"))
            let data = try CRMData(
                levels: row.ints("levels"), dlt: row.ints("dlt").map { $0 == 1 },
                weights: row.doubles("weights"), levelCount: model.levels)
            let posterior = try CRMPosterior(
                model: model, data: data, priorVariance: row.double("prior_variance"),
                target: row.double("target"))
            #expect(abs(posterior.betaMean - row.double("beta_mean")) < 1e-8, "\(row)")
            #expect(abs(posterior.betaStandardDeviation - row.double("beta_sd")) < 1e-8)
            for (g, w) in zip(posterior.posteriorMeans, row.doubles("posterior_means")) { #expect(abs(g - w) < 1e-8) }
            for (g, w) in zip(posterior.plugInEstimates, row.doubles("plug_in")) { #expect(abs(g - w) < 1e-8) }
            for (g, w) in zip(posterior.intervals.map(\.lower), row.doubles("interval_lower")) { #expect(abs(g - w) < 1e-8) }
            for (g, w) in zip(posterior.intervals.map(\.upper), row.doubles("interval_upper")) { #expect(abs(g - w) < 1e-8) }
            let above = try #require(posterior.aboveTarget)
            #expect(above.count == model.levels)
            for (g, w) in zip(above, row.doubles("above_target")) { #expect(abs(g - w) < 1e-8, "\(row): \(above)") }
        }
    }

    /// The safety rule and the flag, on the fixture's six-of-six case: P(p₁ > 0.25) = 0.9994 stops the trial at
    /// θ = 0.9 (not at 0.9999) and flags level 1; with no patients the next level is the starting dose, level 1.
    @Test("safety: a clearly toxic lowest dose is flagged and, with a threshold, stops the trial")
    func safety() throws {
        let model = try DoseToxicityModel(skeleton: [0.05, 0.12, 0.25, 0.40])
        let six = try CRMData(levels: [1, 1, 1, 1, 1, 1], dlt: [Bool](repeating: true, count: 6), levelCount: 4)
        let stopped = try CRMNextDose(model: model, target: 0.25, data: six, safetyThreshold: 0.9)
        #expect(stopped.stopsForSafety && stopped.excessiveLevels == [1])
        let strict = try CRMNextDose(model: model, target: 0.25, data: six, safetyThreshold: 0.9999)
        #expect(!strict.stopsForSafety && strict.nextLevel == 1)
        let noRule = try CRMNextDose(model: model, target: 0.25, data: six)
        #expect(!noRule.stopsForSafety && noRule.excessiveLevels == [1])
        let start = try CRMNextDose(model: model, target: 0.25, data: CRMData(levels: [], dlt: [], levelCount: 4))
        #expect(start.nextLevel == 1 && start.closestLevel == 3 && start.excessiveLevels.isEmpty)
        #expect(abs(start.aboveTarget[2] - 0.5) < 1e-9)  // the prior puts p_3 = 0.25 at its median
        #expect(throws: DesignError.self) { try CRMNextDose(model: model, target: 0.25, data: six, safetyThreshold: 0.4) }
    }

    /// By hand: with no data the posterior is the prior, so E[β] = 0, sd = √1.34 and the plug-in estimates are
    /// the skeleton; the 90% interval of β is ±1.6449·√1.34.
    @Test("no data gives the prior")
    func noData() throws {
        let model = try DoseToxicityModel(skeleton: [0.05, 0.12, 0.25, 0.40])
        let posterior = try CRMPosterior(model: model, data: CRMData(levels: [], dlt: [], levelCount: 4))
        #expect(abs(posterior.betaMean) < 1e-12)
        #expect(abs(posterior.betaStandardDeviation - 1.34.squareRoot()) < 1e-10)
        for (p, s) in zip(posterior.plugInEstimates, model.skeleton) { #expect(abs(p - s) < 1e-12) }
        let z = 1.6448536269514722 * 1.34.squareRoot()
        #expect(abs(posterior.intervals[2].upper - model.probability(2, beta: -z)) < 1e-9)
    }

    @Test("the recommendation follows the estimate closest to the target, with the restrictions")
    func recommendation() {
        let estimates = [0.05, 0.12, 0.24, 0.40]
        let closest = DoseRecommendation.closest(estimates, target: 0.25)
        #expect(closest == 3)
        #expect(DoseRecommendation.closest([0.2, 0.3], target: 0.25) == 1)  // tie: the lower
        #expect(
            DoseRecommendation.next(
                closest: 4, current: 2, highestTried: 2, lastHadDLT: false,
                restrictions: .init()) == 3)
        #expect(
            DoseRecommendation.next(
                closest: 4, current: 2, highestTried: 2, lastHadDLT: true,
                restrictions: .init()) == 2)
        #expect(
            DoseRecommendation.next(
                closest: 4, current: 2, highestTried: 2, lastHadDLT: true,
                restrictions: .none) == 4)
        #expect(
            DoseRecommendation.next(
                closest: 1, current: 3, highestTried: 3, lastHadDLT: true,
                restrictions: .init()) == 1)
    }

    /// The simulator's fixed trapezoid rule against adaptive quadrature, over random data sets of up to the
    /// patient cap (200), for both models and several prior variances: |Δ E[β]| < 1e-8.
    @Test("the simulator's grid rule agrees with adaptive quadrature")
    func gridAccuracy() throws {
        let stream = RandomStream(seed: 7, stream: 0)
        var worst = 0.0
        var worstCase = ""
        for trial in 0..<60 {
            let kind: DoseToxicityModel.Kind = trial % 2 == 0 ? .empiric : .logistic
            let model = try DoseToxicityModel(kind: kind, skeleton: [0.03, 0.08, 0.16, 0.25, 0.36, 0.48])
            let variance = [1.34, 0.3, 4.0][trial % 3]
            let n = [1, 5, 10, 20, 50, 200][trial % 6]
            let truth = [0.02, 0.05, 0.1, 0.25, 0.5, 0.8].map { min(0.95, $0 * (0.3 + 2 * stream.uniform())) }
            var levels: [Int] = [], dlt: [Bool] = [], weights: [Double] = []
            var dlts = [Int](repeating: 0, count: 6), completed = dlts
            var partialLevels: [Int] = [], partialWeights: [Double] = []
            for _ in 0..<n {
                let k = stream.integer(below: 6)
                let y = stream.uniform() < truth[k]
                let w = stream.uniform() < 0.2 ? stream.uniform() : 1
                levels.append(k + 1); dlt.append(y); weights.append(y ? 1 : w)
                if y { dlts[k] += 1 } else if w >= 1 { completed[k] += 1 } else { partialLevels.append(k); partialWeights.append(w) }
            }
            let exact = try CRMPosterior(
                model: model, data: CRMData(levels: levels, dlt: dlt, weights: weights, levelCount: 6),
                priorVariance: variance)
            let grid = PosteriorGrid(model: model, priorVariance: variance, maximumPatients: 200)
            var work: [Double] = []
            let fast = grid.betaMean(
                dlts: dlts, completed: completed, partialLevels: partialLevels,
                partialWeights: partialWeights, work: &work)
            if abs(fast - exact.betaMean) > worst {
                worstCase = "n \(n) variance \(variance) \(kind) sd \(exact.betaStandardDeviation) mean \(exact.betaMean)"
            }
            worst = max(worst, abs(fast - exact.betaMean))
        }
        #expect(worst < 1e-8, "worst |grid − adaptive| = \(worst) at \(worstCase)")
    }

    @Test("bad data inputs name their option")
    func refusals() {
        #expect(throws: InvalidInput(parameter: "levels", requirement: "dose levels in 1...4", value: "5")) {
            try CRMData(levels: [3, 5], dlt: [false, false], levelCount: 4)
        }
        #expect(throws: InvalidInput.self) { try CRMData(levels: [3, 3], dlt: [false], levelCount: 4) }
        #expect(throws: InvalidInput.self) {
            try CRMPosterior(
                model: DoseToxicityModel(skeleton: [0.1, 0.2]),
                data: CRMData(levels: [], dlt: [], levelCount: 2), priorVariance: 0)
        }
    }
}
