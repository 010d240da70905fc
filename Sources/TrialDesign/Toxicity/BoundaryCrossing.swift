import Probability

/// The exact operating characteristics of a toxicity stopping rule: stop at look k when the
/// toxicities among the first n_k patients exceed b_k.
///
/// With X_k the toxicities among the first n_k patients, the increments
/// Y_k = X_k − X_{k−1} ~ Binomial(n_k − n_{k−1}, p) are independent. The recursion carries the
/// sub-density of X_k on the paths that have not stopped, f_k(x) = P(X_k = x, no stop by k)
/// for x ≤ b_k:
///
///     f_1(x) = P(Y_1 = x),                     x ≤ b_1,
///     f_k(x) = Σ_{y ≤ b_{k−1}} f_{k−1}(y) · P(Y_k = x − y),   x ≤ b_k,
///     P(stop at k) = Σ_{y ≤ b_{k−1}} f_{k−1}(y) · P(Y_k > b_k − y).
///
/// This is the recursion of clinfun's `bdrycross.prob` (Ivanova, Qaqish & Schell, Biometrics
/// 2005;61:540-545), written over the states rather than over R index ranges, so it also holds
/// when a boundary jumps by more than the patients added or when b_k ≥ n_k (no stop possible
/// at look k).
public struct BoundaryCrossing: Sendable, Equatable, Codable {
    /// The true toxicity rate.
    public let rate: Double
    /// P(stop at look k), one per look (the last entry: crossing at the final look).
    public let stopAtLook: [Double]
    /// P(the boundary is crossed at any look, the final one included): the probability of
    /// declaring the treatment too toxic.
    public let crossing: Double
    /// P(stopping before the final look).
    public let earlyStop: Double
    /// Expected number of patients: Σ n_k P(stop at k) + N · P(never stop).
    public let expectedPatients: Double

    /// P(stopped at or before look k), one per look.
    public var stoppedBy: [Double] {
        var total = 0.0
        return stopAtLook.map {
            total += $0; return total
        }
    }

    /// The characteristics of stopping rule `bounds` at `looks` (increasing counts) when the true
    /// toxicity rate is `rate`.
    static func evaluate(looks: [Int], bounds: [Int], rate: Double) throws(ProbabilityError) -> BoundaryCrossing {
        precondition(looks.count == bounds.count && !looks.isEmpty)
        var state: [Double] = [1]  // f_0: no toxicities before the first patient
        var previous = 0
        var stops: [Double] = []
        stops.reserveCapacity(looks.count)
        var increments: [Int: (mass: [Double], above: [Double])] = [:]
        for (k, n) in looks.enumerated() {
            let d = n - previous
            if increments[d] == nil {
                let added = try Binomial(trials: d, probability: rate)
                increments[d] = ((0...d).map(added.mass), (0...d).map(added.survival))
            }
            let (mass, above) = increments[d]!
            let bound = bounds[k]
            var stop = 0.0
            let keep = max(-1, min(bound, n))  // states 0...keep carried forward
            var next = [Double](repeating: 0, count: keep + 1)
            for (y, weight) in state.enumerated() where weight > 0 {
                let threshold = bound - y  // stop when Y_k > threshold
                stop += threshold < 0 ? weight : (threshold >= d ? 0 : weight * above[threshold])
                if keep >= y {
                    for x in y...min(keep, y + d) { next[x] += weight * mass[x - y] }
                }
            }
            stops.append(stop)
            state = next
            previous = n
        }
        let crossing = stops.reduce(0, +)
        var expected = 0.0
        for (k, n) in looks.enumerated() { expected += Double(n) * stops[k] }
        expected += Double(looks.last!) * (1 - crossing)
        return BoundaryCrossing(
            rate: rate, stopAtLook: stops, crossing: crossing,
            earlyStop: crossing - stops.last!, expectedPatients: expected)
    }
}
