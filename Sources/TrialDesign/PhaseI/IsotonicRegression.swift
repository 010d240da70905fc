/// Weighted isotonic (non-decreasing) regression by pooling adjacent violators.
///
/// The algorithm is the BOIN package's `pava` step for step, so estimates and ties come out the same:
/// repeatedly find the first pair of neighbouring values that decreases, pool the two level sets it
/// joins, and give every member the weighted mean Σ wᵢxᵢ / Σ wᵢ of the pooled set (Barlow, Bartholomew,
/// Bremner & Brunk 1972). Sums are accumulated in extended precision where the platform has it, as R's
/// `sum` does.
public enum IsotonicRegression {
    /// The non-decreasing sequence closest to `values` in weighted least squares.
    /// `weights` (positive) default to 1; `values` and `weights` have the same length.
    public static func fit(_ values: [Double], weights: [Double]? = nil) -> [Double] {
        var x = values
        var levels = Array(0..<values.count)
        fitInPlace(&x, weights: weights ?? [Double](repeating: 1, count: values.count), levels: &levels, count: values.count)
        return x
    }

    /// In-place version for hot loops, on the first `n` entries; `levels` is scratch space at least as long.
    static func fitInPlace(_ x: inout [Double], weights w: [Double], levels: inout [Int], count n: Int) {
        guard n > 1 else { return }
        for i in 0..<n { levels[i] = i }
        while true {
            var violator = -1
            for i in 0..<(n - 1) where x[i + 1] - x[i] < 0 { violator = i; break }
            if violator < 0 { return }
            let first = levels[violator], second = levels[violator + 1]
            var numerator: Accumulator = 0, denominator: Accumulator = 0
            for i in 0..<n where levels[i] == first || levels[i] == second {
                numerator += Accumulator(x[i] * w[i])
                denominator += Accumulator(w[i])
            }
            // As R: each product in double, each sum in long double rounded to double, then the quotient.
            let mean = Double(numerator) / Double(denominator)
            for i in 0..<n where levels[i] == first || levels[i] == second {
                x[i] = mean
                levels[i] = first
            }
        }
    }

    #if arch(x86_64) && !os(Windows)
    /// R's `sum` accumulates doubles in `long double`; so does this.
    typealias Accumulator = Float80
    #else
    typealias Accumulator = Double
    #endif
}
