import Probability

/// Binomial mass and upper tails for every n from 0 up to a growing maximum, at one p: the
/// tables Simon's search reads instead of calling the distribution functions.
///
/// Row m holds b(k; m, p) for k = 0...m and the upper tails
/// P(X > k) for k = 0...m, each tail summed from the top of the row downward so every
/// term added is positive and no tail loses relative accuracy to cancellation. Rows are
/// stored one after another (row m starts at m(m + 1)/2), so a table up to n holds
/// (n + 1)(n + 2)/2 numbers of each kind.
///
/// The mass is `Binomial.mass` at the mode and every ``anchorSpacing``-th count from it, and in
/// between the ratio of neighbours, b(k + 1) = b(k) · (m − k)/(k + 1) · p/(1 − p), walking away
/// from the mode (so the terms shrink and an underflow to 0 is exact to the last bit that
/// matters). Each step adds at most a few roundings, so every entry is within about
/// 32 × 4 ulp ≈ 3e-14 relative of the direct value, at 1/32 of its cost (issue 18: the tables to
/// n = 3000 hold 4.5 million entries per p, which took 0.4 s computed one by one).
struct BinomialTables {
    let probability: Double
    private(set) var mass: [Double] = []
    private(set) var tail: [Double] = []
    private(set) var maximumTrials = -1

    init(probability: Double) { self.probability = probability }

    /// Counts between exact entries of a row (see the type's documentation).
    static let anchorSpacing = 32

    @inline(__always) static func rowStart(_ m: Int) -> Int { m * (m + 1) / 2 }

    /// Adds rows until row `n` exists.
    mutating func extend(to n: Int) throws(ProbabilityError) {
        guard n > maximumTrials else { return }
        // Grown geometrically: the search extends one row at a time, and reserving exactly the
        // rows needed each time would copy the whole table each time.
        let needed = Self.rowStart(n + 1)
        if mass.capacity < needed {
            let capacity = max(needed, mass.capacity + mass.capacity / 2)
            mass.reserveCapacity(capacity)
            tail.reserveCapacity(capacity)
        }
        let p = probability, q = 1 - probability
        // Very small or large p: the ratio p/(1 − p) is extreme; compute every entry directly.
        let direct = min(p, q) < 1e-8
        for m in (maximumTrials + 1)...n {
            let binomial = try Binomial(trials: m, probability: probability)
            let start = mass.count
            mass.append(contentsOf: repeatElement(0, count: m + 1))
            if direct {
                for k in 0...m { mass[start + k] = binomial.mass(k) }
            } else {
                let mode = min(m, max(0, Int((Double(m + 1) * p).rounded(.down))))
                var value = binomial.mass(mode)
                mass[start + mode] = value
                var k = mode
                while k < m && value > 0 {  // upward: b(k + 1) = b(k) (m − k)/(k + 1) · p/q
                    k += 1
                    value = (k - mode) % Self.anchorSpacing == 0 ? binomial.mass(k) : value * (Double(m - k + 1) / Double(k)) * (p / q)
                    mass[start + k] = value
                }
                value = mass[start + mode]
                k = mode
                while k > 0 && value > 0 {  // downward: b(k − 1) = b(k) k/(m − k + 1) · q/p
                    k -= 1
                    value = (mode - k) % Self.anchorSpacing == 0 ? binomial.mass(k) : value * (Double(k + 1) / Double(m - k)) * (q / p)
                    mass[start + k] = value
                }
            }
            tail.append(contentsOf: repeatElement(0, count: m + 1))
            var above = 0.0
            for k in stride(from: m, through: 0, by: -1) {
                tail[start + k] = above  // P(X > k)
                above += mass[start + k]
            }
        }
        maximumTrials = n
    }

    /// b(k; m, p) for 0 ≤ k ≤ m.
    @inline(__always) func mass(_ m: Int, _ k: Int) -> Double { mass[Self.rowStart(m) + k] }

    /// P(X > k) for X ~ Bin(m, p): 1 for k < 0, 0 for k ≥ m.
    @inline(__always) func above(_ m: Int, _ k: Int) -> Double {
        if k < 0 { return 1 }
        if k >= m { return 0 }
        return tail[Self.rowStart(m) + k]
    }

    /// Calls `body` with the mass and upper-tail rows of `m1` and the upper-tail row of `m2`
    /// (indexed by k from 0), for the search's inner sums.
    @inline(__always)
    func rows<T>(
        _ m1: Int, _ m2: Int,
        _ body: (_ mass: UnsafePointer<Double>, _ above: UnsafePointer<Double>, _ tail: UnsafePointer<Double>) -> T
    ) -> T {
        mass.withUnsafeBufferPointer { m in
            tail.withUnsafeBufferPointer { t in
                body(m.baseAddress! + Self.rowStart(m1), t.baseAddress! + Self.rowStart(m1), t.baseAddress! + Self.rowStart(m2))
            }
        }
    }

    /// P(X ≤ k) for X ~ Bin(m, p), as 1 − P(X > k) (used only where it is not small: PET).
    @inline(__always) func atMost(_ m: Int, _ k: Int) -> Double { 1 - above(m, k) }
}
