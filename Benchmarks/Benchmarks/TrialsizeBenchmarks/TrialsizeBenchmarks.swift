// trialsize's numeric core under ordo-one/benchmark (issue 7).
//
// Every suite measures wall clock and mallocs. Thresholds: a p50 wall-clock rise of more than 60 %
// (so a 2x regression, +100 %, always fails while the noise of a shared 2-core machine rarely does),
// and any rise of more than 10 % (and at least 2) in the malloc count (deterministic, so tight).
// Simulations run on one thread so the figures are per-core and do not depend on other load.
// Results go through blackHole so the optimiser cannot drop the work.
//
// Run (from Benchmarks/):   swift package benchmark
// Record a baseline:        swift package benchmark baseline update main
// Compare with it:          swift package benchmark baseline check main
// See docs/performance.md for figures and what limits them.

import Benchmark
import Foundation
import Probability
import TrialDesign

/// The batch of Clopper–Pearson intervals, shared with Benchmarks/compare (same formula there):
/// n_i = 1 + (7919 i mod 2000), x_i = 104729 i mod (n_i + 1), i = 0..<count.
func intervalBatch(_ count: Int) -> [(x: Int, n: Int)] {
    (0..<count).map { i in
        let n = 1 + (7919 * i) % 2000
        return ((104_729 * i) % (n + 1), n)
    }
}

let benchmarks: @Sendable () -> Void = {
    let ms = BenchmarkTimeUnits.milliseconds, us = BenchmarkTimeUnits.microseconds
    let regression2x: [BenchmarkMetric: BenchmarkThresholds] = [
        .wallClock: .init(relative: [.p50: 60.0]),
        .mallocCountTotal: .init(relative: [.p50: 10.0], absolute: [.p50: 2]),
    ]
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 3,
        maxDuration: .seconds(3),
        maxIterations: 10_000,
        thresholds: regression2x
    )
    func config(_ units: BenchmarkTimeUnits, iterations: Int = 10_000, seconds: Int = 3) -> Benchmark.Configuration {
        .init(
            metrics: [.wallClock, .mallocCountTotal], timeUnits: units, warmupIterations: 3,
            maxDuration: .seconds(seconds), maxIterations: iterations, thresholds: regression2x)
    }

    // MARK: Distributions

    // 100 beta quantiles per iteration over shapes a Clopper–Pearson interval reaches (n up to 2000).
    let betaShapes: [(Double, Double)] = (0..<100).map { i in
        let n = 5 + 19 * i
        let x = 1 + (i * 37) % (n - 1)
        return (Double(x), Double(n - x + 1))
    }
    Benchmark("Beta quantile x100 (lower tail 0.025)", configuration: config(us)) { benchmark in
        let distributions = try betaShapes.map { try Beta(a: $0.0, b: $0.1) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for d in distributions { sum += try d.quantile(0.025) }
            blackHole(sum)
        }
    }
    Benchmark("Beta upper quantile x100 (upper tail 0.025)", configuration: config(us)) { benchmark in
        let distributions = try betaShapes.map { try Beta(a: $0.0 + 1, b: $0.1 - 1) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for d in distributions { sum += try d.upperQuantile(0.025) }
            blackHole(sum)
        }
    }
    // 100 chi-squared quantiles per iteration: 2d degrees of freedom for d = 1...100 events, both tails.
    Benchmark("Chi-squared quantile x100 (upper 0.05, dof 2..200)", configuration: config(us)) { benchmark in
        let distributions = try (1...100).map { try ChiSquared(degreesOfFreedom: 2 * Double($0)) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for d in distributions { sum += try d.upperQuantile(0.05) }
            blackHole(sum)
        }
    }
    Benchmark("Chi-squared quantile x100 (lower 0.05, dof 2..200)", configuration: config(us)) { benchmark in
        let distributions = try (1...100).map { try ChiSquared(degreesOfFreedom: 2 * Double($0)) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for d in distributions { sum += try d.quantile(0.05) }
            blackHole(sum)
        }
    }

    // MARK: Clopper–Pearson

    Benchmark("Clopper-Pearson one interval (x 7, n 25, 95%)", configuration: config(.nanoseconds, iterations: 100_000)) { benchmark in
        let observed = try ObservedProportion(successes: 7, trials: 25)
        let tail = try ConfidenceLevel(0.95).tail
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try ClopperPearson.bounds(observed, tailProbability: tail))
        }
    }
    // Also CPU time: Benchmarks/compare sets it beside scipy's CPU time, which load on a shared machine does not inflate.
    var batchConfig = config(ms, iterations: 30, seconds: 10)
    batchConfig.metrics = [.wallClock, .cpuTotal, .mallocCountTotal]
    Benchmark("Clopper-Pearson batch of 100000 intervals (n <= 2000, 95%)", configuration: batchConfig) { benchmark in
        // Through ClopperPearson.bounds, the path `trialsize ci` takes (both bounds together for 2 <= x <= n - 2).
        let batch = try intervalBatch(100_000).map { try ObservedProportion(successes: $0.x, trials: $0.n) }
        let tail = try ConfidenceLevel(0.95).tail
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var sum = 0.0
            for observed in batch {
                let (lower, upper) = try ClopperPearson.bounds(observed, tailProbability: tail)
                sum += lower + upper
            }
            blackHole(sum)
        }
    }

    // MARK: Survival

    // The seed question (Kearney et al. 2021): control median 8, median 13, one-sided alpha 0.05, power 0.8,
    // dropout 0.1: the exact test needs 26 events (30 patients).
    Benchmark("Survival exact events (seed: median 8 vs 13, dropout 0.1)", configuration: config(us)) { benchmark in
        let rates = try ErrorRates(alpha: 0.05, power: 0.8)
        let setting = try SurvivalSetting(controlMedian: 8, rates: rates, loss: .dropout(0.1))
        let design = try SingleArmSurvival(setting: setting, median: 13)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try SurvivalSolver.sampleSize(design, method: .exact))
        }
    }
    // Wu (2015)'s worked example: Weibull shape 1.22, control median 9, HR 1/1.75, accrual 5, follow-up 3: n = 88.
    Benchmark("Survival Wu log-rank sample size (Weibull 1.22, median 9, HR 0.5714, A 5, F 3)", configuration: config(us)) { benchmark in
        let rates = try ErrorRates(alpha: 0.05, power: 0.8)
        let setting = try SurvivalSetting(
            controlMedian: 9, shape: 1.22, rates: rates,
            followUp: .accrual(duration: 5, followUp: 3))
        // Median under the alternative: 9 · 0.5714^(−1/1.22) (no RealModule import here).
        let design = try SingleArmSurvival(setting: setting, median: 14.238748665206309)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try SurvivalSolver.sampleSize(design, method: .logRank))
        }
    }
    Benchmark(
        "Survival simulation 10000 trials x 30 patients (exact test, 1 thread)", configuration: config(ms, iterations: 100, seconds: 5)
    ) { benchmark in
        let rates = try ErrorRates(alpha: 0.05, power: 0.8)
        let setting = try SurvivalSetting(controlMedian: 8, rates: rates, loss: .dropout(0.1))
        let design = try SingleArmSurvival(setting: setting, median: 13)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try SurvivalSimulation.run(design, method: .exact, patients: 30, trials: 10_000, seed: 1, threads: 1))
        }
    }

    // MARK: Binomial designs

    Benchmark("Single-stage exact search (p0 0.2, p1 0.4, alpha 0.05, power 0.8)", configuration: config(us)) { benchmark in
        let design = try ExactSingleStage(p0: 0.2, p1: 0.4, errorRates: ErrorRates(alpha: 0.05, power: 0.8))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try design.solve())
        }
    }
    let simonCases: [(String, Double, Double, Double, Double)] = [
        ("Simon search (p0 0.2, p1 0.4, alpha 0.1, power 0.9)", 0.2, 0.4, 0.1, 0.9),
        ("Simon search (p0 0.1, p1 0.3, alpha 0.05, power 0.8)", 0.1, 0.3, 0.05, 0.8),
        ("Simon search (p0 0.05, p1 0.10, alpha 0.05, power 0.8)", 0.05, 0.10, 0.05, 0.8),
    ]
    for (name, p0, p1, alpha, power) in simonCases {
        Benchmark(name, configuration: config(us, iterations: 1000, seconds: 5)) { benchmark in
            let design = try SimonTwoStage(p0: p0, p1: p1, errorRates: ErrorRates(alpha: alpha, power: power))
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try design.search())
            }
        }
    }
    // Issue 18's slow corner, searched to the cap of n = 3000 (48 s before the faster search).
    Benchmark("Simon search at the cap (p0 0.5, p1 0.55, alpha 0.01, power 0.99)", configuration: config(ms, iterations: 5, seconds: 10)) {
        benchmark in
        let design = try SimonTwoStage(p0: 0.5, p1: 0.55, errorRates: ErrorRates(alpha: 0.01, power: 0.99))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try design.search())
        }
    }

    // MARK: CRM

    // The seed trial's skeleton (Lee & Cheung, delta 0.09, prior MTD 3 of 4), target 0.25.
    let skeleton = [0.0183, 0.0949, 0.25, 0.4422]
    // docs/examples/seed-phase1.md: two patients at level 3 without DLT (followed 21 and 14 of 21 days), one at 4 with a DLT.
    Benchmark("CRM posterior (QUADPACK, 3 patients, TITE weights)", configuration: config(us)) { benchmark in
        let model = try DoseToxicityModel(skeleton: skeleton)
        let data = try CRMData(levels: [3, 3, 4], dlt: [false, false, true], weights: [1, 14.0 / 21, 1], levelCount: 4)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try CRMPosterior(model: model, data: data))
        }
    }
    Benchmark(
        "CRM simulation 10000 trials x 20 patients (empiric, 4 levels, 1 thread)", configuration: config(ms, iterations: 100, seconds: 5)
    ) { benchmark in
        let model = try DoseToxicityModel(skeleton: skeleton)
        let design = try CRMSimulationDesign(model: model, target: 0.25, truth: [0.05, 0.12, 0.25, 0.40], patients: 20, start: 3)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try design.simulate(trials: 10_000, seed: 1009, threads: 1))
        }
    }

    // MARK: Analysis

    // Kaplan-Meier (sort, curve, Greenwood, log limits), the median and its interval, and both
    // one-sample tests on 10^6 patients: exponential times (median 10), uniform censoring, times
    // rounded to 0.01 so there are ties. The CLI's file reading is measured separately (docs/performance.md).
    let kmTimes: [Double] = (0..<1_000_000).map { i in
        let u = (Double((i &* 2_654_435_761) % 1_000_003) + 0.5) / 1_000_003
        return (-10 / 0.6931471805599453 * log1p(-u) * 100).rounded() / 100
    }
    let kmEvents: [Bool] = (0..<1_000_000).map { ($0 % 7) != 0 }
    Benchmark("Kaplan-Meier and tests, 10^6 patients", configuration: config(ms, iterations: 20, seconds: 10)) { benchmark in
        for _ in benchmark.scaledIterations {
            let sample = try SurvivalSample(times: kmTimes, events: kmEvents)
            let analysis = try SurvivalAnalysis(sample: sample, control: try ControlReference(median: 8), landmarks: [12])
            blackHole(try analysis.analyze().median)
        }
    }

    // MARK: Phase I: BOIN and the 3+3

    Benchmark(
        "BOIN simulation 10000 trials x 30 patients (cohorts of 3, 5 levels, 1 thread)",
        configuration: config(ms, iterations: 100, seconds: 5)
    ) { benchmark in
        let design = try BOINSimulationDesign(
            boundaries: try BOINBoundaries(target: 0.25), truth: [0.05, 0.12, 0.25, 0.40, 0.55],
            cohortSize: 3, cohorts: 10)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try design.simulate(trials: 10_000, seed: 1, threads: 1))
        }
    }
    Benchmark("3+3 exact operating characteristics (5 levels)", configuration: config(us)) { benchmark in
        let design = try ThreePlusThree(truth: [0.05, 0.12, 0.25, 0.40, 0.55], start: 1, target: 0.25)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(design.characteristics())
        }
    }
}
