// The getting-started example of TrialsizeKit.docc, run as a program: the seed trial's phase II
// question and its clinical-benefit interval. Exits 1 if a number differs from the published design.
import TrialsizeKit

#if canImport(Glibc)
import Glibc  // exit
#elseif canImport(Darwin)
import Darwin
#endif

// Kearney et al. 2021: median PFS 8 weeks on standard therapy, 13 hoped for; one-sided alpha 0.05, power 0.8.
let rates = try ErrorRates(alpha: 0.05, power: 0.8)
let setting = try SurvivalSetting(controlMedian: 8, rates: rates)
let design = try SingleArmSurvival(setting: setting, median: 13)
let plan = try SurvivalSolver.sampleSize(design, method: .exact)
print("exact test: \(plan.events) events, attained power \(NumberFormat.fixed(plan.attainedPower, 4))")

// Clinical benefit in 4 of 26 patients: the 95% Clopper-Pearson interval.
let ci = try ClopperPearson.interval(successes: 4, trials: 26, confidence: 0.95)
print("4/26 = \(NumberFormat.percent(ci.estimate)), 95% CI \(NumberFormat.fixed(ci.lower, 4)) to \(NumberFormat.fixed(ci.upper, 4))")

// The published design: 26 events; the interval 4.4% to 34.9% (scipy: 0.043563, 0.348679).
guard plan.events == 26, abs(ci.lower - 0.043563) < 5e-7, abs(ci.upper - 0.348679) < 5e-7 else {
    print("KitExample: unexpected numbers")
    exit(1)
}
