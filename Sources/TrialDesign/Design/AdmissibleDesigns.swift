/// Jung, Lee, Kim & George's admissible two-stage designs, shared by Simon's binary design and the
/// two-stage survival design.
///
/// Among candidate designs, each with a maximum sample size n and an expected sample size under H₀,
/// EN, the admissible ones minimise the Bayes risk
///
///     q·n + (1 − q)·EN,    q ∈ [0, 1] the weight on the maximum size,
///
/// for some q: q = 0 picks the optimal design (smallest EN), q = 1 the minimax (smallest n, then
/// EN). They are the lower-left convex hull of the points (n, EN). Two neighbours a, b on the hull
/// (n_a < n_b, EN_a > EN_b) tie where q·Δn = (1 − q)·ΔEN, at q = ΔEN / (Δn + ΔEN).
///
/// Jung SH, Lee T, Kim K, George SL. Admissible two-stage designs for phase II cancer clinical
/// trials. Stat Med. 2004;23(4):561-569.
enum AdmissibleDesigns {
    /// The admissible designs among `points`, minimax first (q up to 1) and optimal last (q from 0),
    /// each with the range [qLower, qUpper] of weights for which it minimises q·n + (1 − q)·EN.
    static func hull<Design>(
        _ points: [Design], maximum: (Design) -> Int, expected: (Design) -> Double
    ) -> [(design: Design, qLower: Double, qUpper: Double)] {
        // Pareto front: n increasing, EN strictly decreasing.
        var front: [Design] = []
        for point in points.sorted(by: { (maximum($0), expected($0)) < (maximum($1), expected($1)) })
        where front.last.map({ expected(point) < expected($0) }) ?? true {
            front.append(point)
        }
        // Lower convex hull (monotone chain) of (n, EN).
        var hull: [Design] = []
        for point in front {
            while hull.count >= 2 {
                let a = hull[hull.count - 2], b = hull[hull.count - 1]
                let cross =
                    Double(maximum(b) - maximum(a)) * (expected(point) - expected(a))
                    - (expected(b) - expected(a)) * Double(maximum(point) - maximum(a))
                if cross <= 0 { hull.removeLast() } else { break }
            }
            hull.append(point)
        }
        var result: [(design: Design, qLower: Double, qUpper: Double)] = []
        var qUpper = 1.0
        for (i, point) in hull.enumerated() {
            var qLower = 0.0
            if i + 1 < hull.count {
                let next = hull[i + 1]
                let dn = Double(maximum(next) - maximum(point)), den = expected(point) - expected(next)
                qLower = den / (dn + den)
            }
            result.append((point, qLower, qUpper))
            qUpper = qLower
        }
        return result
    }
}
