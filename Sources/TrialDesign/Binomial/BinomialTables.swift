import Probability

/// Binomial mass and upper tails for every n from 0 up to a growing maximum, at one p: the
/// tables Simon's search reads instead of calling the distribution functions.
///
/// Row m holds b(k; m, p) for k = 0...m (GSL's `gsl_ran_binomial_pdf`) and the upper tails
/// P(X > k) for k = 0...m, each tail summed from the top of the row downward so every
/// term added is positive and no tail loses relative accuracy to cancellation. Rows are
/// stored one after another (row m starts at m(m + 1)/2), so a table up to n holds
/// (n + 1)(n + 2)/2 numbers of each kind.
struct BinomialTables {
    let probability: Double
    private(set) var mass: [Double] = []
    private(set) var tail: [Double] = []
    private(set) var maximumTrials = -1

    init(probability: Double) { self.probability = probability }

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
        for m in (maximumTrials + 1)...n {
            let binomial = try Binomial(trials: m, probability: probability)
            let start = mass.count
            for k in 0...m { mass.append(binomial.mass(k)) }
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
    func rows<T>(_ m1: Int, _ m2: Int,
                 _ body: (_ mass: UnsafePointer<Double>, _ above: UnsafePointer<Double>, _ tail: UnsafePointer<Double>) -> T) -> T {
        mass.withUnsafeBufferPointer { m in
            tail.withUnsafeBufferPointer { t in
                body(m.baseAddress! + Self.rowStart(m1), t.baseAddress! + Self.rowStart(m1), t.baseAddress! + Self.rowStart(m2))
            }
        }
    }

    /// P(X ≤ k) for X ~ Bin(m, p), as 1 − P(X > k) (used only where it is not small: PET).
    @inline(__always) func atMost(_ m: Int, _ k: Int) -> Double { 1 - above(m, k) }
}
