import Foundation
import Probability
import TrialReport

/// Operating characteristics computed here, from Probability's distributions, to feed the
/// golden and demo charts: real curves of the seed trial (Kearney et al. 2021) and of
/// A'Hern's exact single-stage example (both in shared/reference/published-cases.md), never
/// hand-typed numbers.
enum SeedCurves {
    /// The seed trial's phase II: exponential PFS, median 8 vs 13 weeks, one-sided α 0.05.
    static let controlMedian = 8.0, alternativeMedian = 13.0, alpha = 0.05, targetPower = 0.8

    /// Power of the normal approximation on the log hazard with `events` events:
    /// Φ(√d · ln(m1/m0) − z(1−α)).
    static func normalPower(events: Double, median: Double = alternativeMedian) throws -> Double {
        let z = try Normal.standard.upperQuantile(alpha)
        return try Normal.standard.cdf(events.squareRoot() * log(median / controlMedian) - z)
    }

    /// Events the normal approximation needs: ((z(1−α) + z(1−β)) / ln(m1/m0))², 26.23 for the seed trial.
    static func normalEvents() throws -> Double {
        let z = try Normal.standard.upperQuantile(alpha) + Normal.standard.upperQuantile(1 - targetPower)
        let effect = log(alternativeMedian / controlMedian)
        return z * z / (effect * effect)
    }

    /// Power of the exact test on total time at risk (2λT ~ χ²(2d)) with `events` events:
    /// P(χ²(2d) > χ²(1−α; 2d) · m0/m1).
    static func exactPower(events: Int) throws -> Double {
        let chi = try ChiSquared(degreesOfFreedom: 2 * Double(events))
        return try chi.survival(chi.upperQuantile(alpha) * controlMedian / alternativeMedian)
    }

    /// A'Hern's exact single-stage design at `n`: the fewest responses r with
    /// P(X ≥ r | p0) ≤ α, and the power P(X ≥ r | p1).
    static func singleStage(n: Int, p0: Double = 0.2, p1: Double = 0.4, alpha: Double = 0.05) throws -> (responses: Int, power: Double) {
        let null = try Binomial(trials: n, probability: p0)
        let responses = (0...(n + 1)).first { null.atLeast($0) <= alpha }!
        return (responses, try Binomial(trials: n, probability: p1).atLeast(responses))
    }

    /// The normal-approximation power curve against events, the required events marked.
    static func powerChart() throws -> Chart {
        let events = Array(stride(from: 4.0, through: 60, by: 1))
        let required = try normalEvents().rounded(.up)
        let attained = try normalPower(events: required)
        let exact = try events.map { try exactPower(events: Int($0)) }
        return Chart(
            title: "Power against events",
            subtitle: "Exponential PFS, median 8 vs 13 weeks, one-sided α = 0.05",
            x: Axis(title: "Events", unit: "progressions or deaths", integers: true),
            y: Axis(title: "Power", range: 0...1),
            series: [
                Series(
                    name: "Normal approximation (log hazard)", kind: .line, x: events, y: try events.map { try normalPower(events: $0) }),
                Series(name: "Exact test (χ² on time at risk)", kind: .line, x: events, y: exact, dashed: true),
            ],
            markers: [
                Marker(
                    x: required, y: attained,
                    label: "\(NumberFormat.fixed(required, 0)) events, power \(NumberFormat.fixed(attained, 3))")
            ],
            referenceLines: [ReferenceLine(y: targetPower, label: "target power \(NumberFormat.fixed(targetPower, 2))")])
    }

    /// Exact binomial power against n (the sawtooth), first and stable n marked.
    static func sawtoothChart() throws -> Chart {
        let ns = Array(20...60)
        let powers = try ns.map { try singleStage(n: $0).power }
        let first = ns.indices.first { powers[$0] >= targetPower }!
        let stable = ns.indices.first { index in powers[index...].allSatisfy { $0 >= targetPower } }!
        return Chart(
            title: "Exact single-stage design: power against patients",
            subtitle: "p0 = 0.2, p1 = 0.4, one-sided α ≤ 0.05 (A'Hern 2001)",
            x: Axis(title: "Patients", unit: "n", integers: true),
            y: Axis(title: "Power"),
            series: [Series(name: "Exact binomial power", kind: .step, x: ns.map(Double.init), y: powers)],
            markers: [
                Marker(x: Double(ns[first]), y: powers[first], label: "first n = \(ns[first])", shape: .diamond),
                Marker(x: Double(ns[stable]), y: powers[stable], label: "stable n = \(ns[stable])", shape: .square),
            ],
            referenceLines: [ReferenceLine(y: targetPower, label: "target power 0.80")])
    }

    /// The seed trial's four doses with an empirical-model skeleton (target 0.25, half-width
    /// 0.09, prior MTD the third dose) as the true DLT curve, and illustrative selection
    /// probabilities (normal weights around the target: not a CRM simulation) as bars.
    static func doseChart() throws -> Chart {
        let doses = ["10 mg", "15 mg", "20 mg", "25 mg"]
        let target = 0.25, delta = 0.09
        let r = log(target - delta) / log(target + delta)
        let skeleton = (1...doses.count).map { pow(target, pow(r, Double(3 - $0))) }
        func selection(spread: Double) throws -> [Double] {
            let weights = try skeleton.map { try Normal.standard.density(($0 - target) / spread) }
            let total = weights.reduce(0, +)
            return weights.map { $0 / total }
        }
        let indices = doses.indices.map(Double.init)
        return Chart(
            title: "Selection by dose",
            x: Axis(title: "Dose", unit: "bid", categories: doses),
            y: Axis(title: "Probability", range: 0...1),
            series: [
                Series(name: "Selected (narrow)", kind: .bars, x: indices, y: try selection(spread: 0.06), valueDecimals: 2),
                Series(name: "Selected (wide)", kind: .bars, x: indices, y: try selection(spread: 0.15), valueDecimals: 2),
                Series(name: "True DLT probability", kind: .line, x: indices, y: skeleton),
            ],
            referenceLines: [ReferenceLine(y: target, label: "target DLT rate 0.25")])
    }
}
