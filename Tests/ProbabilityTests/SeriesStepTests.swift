import RealModule
import Testing

@testable import Probability

/// The one-shot series step of ``MonotoneInversion`` (a degree-8 Taylor expansion of the tail
/// around the first point evaluated, solved exactly): its ingredients, and that it ends
/// ordinary Clopper–Pearson inversions after one evaluation of I_x(a, b) without losing
/// accuracy (the bounds themselves are checked against mpmath in `DistributionFixtureTests`).
@Suite("Series step")
struct SeriesStepTests {
    /// Counts tail evaluations of the beta kernel it wraps.
    final class Counter { var evaluations = 0 }

    struct CountingKernel: TailKernel {
        let base: BetaKernel
        let counter: Counter
        var lowerEnd: Double { 0 }
        var upperEnd: Double { 1 }
        func lowerTail(_ x: Double) -> Double { counter.evaluations += 1; return base.lowerTail(x) }
        func upperTail(_ x: Double) -> Double { counter.evaluations += 1; return base.upperTail(x) }
        func pdf(_ x: Double) -> Double { base.pdf(x) }
        func logPDFSlope(_ x: Double) -> Double { base.logPDFSlope(x) }
        func tailAndDensity(_ x: Double, upper: Bool) -> (tail: Double, density: Double) {
            counter.evaluations += 1
            return base.tailAndDensity(x, upper: upper)
        }
        func logDensityTaylor(_ x: Double, step c: Double) -> SIMD8<Double>? { base.logDensityTaylor(x, step: c) }
    }

    /// Σ κⱼ wʲ reproduces log f(x + c·w) − log f(x), computed directly, to the order of the
    /// first dropped term.
    @Test("Taylor coefficients of the beta log-density", arguments: [(2.0, 30.0, 0.01), (500.0, 1501.0, 0.23), (40.0, 3.0, 0.97)])
    func logDensityTaylor(a: Double, b: Double, x: Double) throws {
        let kernel = try BetaKernel(a: a, b: b, function: "test")
        let c = 0.02 * min(x, 1 - x)
        let kappa = try #require(kernel.logDensityTaylor(x, step: c))
        for w in [-1.0, -0.3, 0.5, 1.0] {
            var series = 0.0
            for j in (0..<8).reversed() { series = (series + kappa[j]) * w }
            let s = c * w
            let direct = (a - 1) * Double.log(onePlus: s / x) + (b - 1) * Double.log(onePlus: -s / (1 - x))
            // The first dropped term is of size (a + b)·(0.02·w)⁹ / 9, below 1e-12 here; the
            // rounding of the direct form is about 1e-16·(a + b)·|s|.
            #expect(abs(series - direct) <= 1e-13 * max(1, abs(direct)), "w = \(w): \(series) vs \(direct)")
        }
    }

    /// For every x of n = 20, 200, 2000 (95%, 90% and 99% two-sided), the series step accepts
    /// after the first evaluation in all but a few bounds, and the answer is the one the
    /// Halley iteration alone converges to (within the accuracy of I_x(a, b) itself).
    @Test("Clopper–Pearson bounds need one evaluation of I_x(a, b)", arguments: [0.05, 0.1, 0.01])
    func oneEvaluation(alpha: Double) throws {
        let tail = alpha / 2
        var bounds = 0, evaluations = 0, worst = 0.0
        for n in [20, 200, 2000] {
            for x in 2...(n - 2) {
                for upper in [false, true] {
                    let (a, b) = upper ? (Double(x + 1), Double(n - x)) : (Double(x), Double(n - x + 1))
                    let base = try BetaKernel(a: a, b: b, function: "test")
                    let counter = Counter()
                    let inversion = MonotoneInversion(CountingKernel(base: base, counter: counter))
                    let start = base.start(tail: tail, mirrored: upper)
                    let bound =
                        upper
                        ? try inversion.upperQuantile(tail, start: start, function: "test")
                        : try inversion.quantile(tail, start: start, function: "test")
                    bounds += 1
                    evaluations += counter.evaluations
                    // The same bound with the series step ruled out (the Halley iteration).
                    let halley =
                        upper
                        ? try MonotoneInversion(HalleyOnly(base: base)).upperQuantile(tail, start: start, function: "test")
                        : try MonotoneInversion(HalleyOnly(base: base)).quantile(tail, start: start, function: "test")
                    worst = max(worst, abs(bound / halley - 1))
                }
            }
        }
        let average = Double(evaluations) / Double(bounds)
        print("α = \(alpha): \(bounds) bounds, \(average) evaluations per bound, worst difference from Halley \(worst)")
        #expect(average < 1.01, "\(average) evaluations per bound")
        #expect(worst < 1e-13, "worst relative difference \(worst)")
    }

    /// The beta kernel without Taylor coefficients: the inversion falls back to Halley steps.
    struct HalleyOnly: TailKernel {
        let base: BetaKernel
        var lowerEnd: Double { 0 }
        var upperEnd: Double { 1 }
        func lowerTail(_ x: Double) -> Double { base.lowerTail(x) }
        func upperTail(_ x: Double) -> Double { base.upperTail(x) }
        func pdf(_ x: Double) -> Double { base.pdf(x) }
        func logPDFSlope(_ x: Double) -> Double { base.logPDFSlope(x) }
        func tailAndDensity(_ x: Double, upper: Bool) -> (tail: Double, density: Double) {
            base.tailAndDensity(x, upper: upper)
        }
    }
}

/// `Beta.pairedQuantiles` computes the two bounds side by side; it must return exactly
/// what the two separate quantile calls return.
@Suite("Paired beta quantiles (the Clopper–Pearson bounds) together")
struct PairedQuantilesTests {
    @Test("identical to Beta.quantile and upperQuantile", arguments: [0.025, 0.05, 0.005, 1e-6, 0.5, 0.7])
    func identical(tail: Double) throws {
        for n in [1, 2, 3, 4, 5, 20, 133, 1000, 1933, 100_000] {
            let xs = n <= 1000 ? Array(0...n) : [0, 1, 2, 3, n / 3, n / 2, n - 3, n - 2, n - 1, n]
            for x in xs {
                let (lower, upper) = try Beta.pairedQuantiles(x: x, n: n, tail: tail)
                let expectedLower = x == 0 ? 0 : try Beta(a: Double(x), b: Double(n - x + 1)).quantile(tail)
                let expectedUpper = x == n ? 1 : try Beta(a: Double(x + 1), b: Double(n - x)).upperQuantile(tail)
                #expect(
                    lower == expectedLower && upper == expectedUpper,
                    "\(x)/\(n) tail \(tail): (\(lower), \(upper)) vs (\(expectedLower), \(expectedUpper))")
            }
        }
    }
}
