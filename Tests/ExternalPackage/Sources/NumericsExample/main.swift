// The numbers-only product: `import TrialsizeNumerics` gives Probability and TrialDesign without
// the report layer. Exits 1 if a number differs from the published design.
import TrialsizeNumerics

#if canImport(Glibc)
import Glibc  // exit
#elseif canImport(Darwin)
import Darwin
#endif

let design = try SingleArmSurvival(
    setting: SurvivalSetting(controlMedian: 8, rates: ErrorRates(alpha: 0.05, power: 0.8)),
    median: 13)
let events = try SurvivalSolver.sampleSize(design, method: .exact).events
let ci = try ClopperPearson.interval(successes: 4, trials: 26)
// Probability is re-exported too: the upper bound is the 0.975 quantile of Beta(5, 22).
let upper = try Beta(a: 5, b: 22).quantile(0.975)
print("exact test: \(events) events; 4/26: 95% CI (\(ci.lower), \(ci.upper))")
guard events == 26, abs(ci.upper - upper) < 1e-12, abs(ci.lower - 0.043563) < 5e-7 else {
    print("NumericsExample: unexpected numbers")
    exit(1)
}
