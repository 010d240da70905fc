import Probability

/// The BOIN package's end-of-trial MTD selection (`select.mtd`; Yuan, Hess, Hilsenbeck & Gilbert 2016).
///
/// 1. A dose is eliminated, with every higher dose, when it has n ≥ 3 patients and
///    P(p > target | y, n) > cutoff under a Beta(1, 1) prior. If the lowest dose is eliminated, or no
///    admissible dose was tried, no dose is selected.
/// 2. Over the doses tried and not eliminated, p̂ = (y + 0.05)/(n + 0.1) is made non-decreasing by
///    isotonic regression with weights 1/var, var = (y + 0.05)(n − y + 0.05)/((n + 0.1)²(n + 0.1 + 1))
///    (the Beta(y + 0.05, n − y + 0.05) variance), and i·10⁻¹⁰ is added to the i-th so that ties go to
///    the lower dose.
/// 3. The MTD is the dose whose p̂ is closest to the target, the lower on a tie. With `boundMTD` only
///    doses with p̂ ≤ λd may be selected (none when every p̂ exceeds λd).
///
/// The report's estimates use every dose tried (eliminated or not): the isotonic p̂, the isotonic
/// 2.5% and 97.5% quantiles of Beta(y + 0.05, n − y + 0.05) with the same weights, and the isotonic
/// (unweighted) P(p > target) under that Beta.
public struct BOINSelection: Sendable {
    /// The boundaries (target, λd for `boundMTD`) and elimination cutoff.
    public let boundaries: BOINBoundaries
    /// Patients treated at each level.
    public let patients: [Int]
    /// DLTs at each level.
    public let dlts: [Int]
    /// Whether only doses with isotonic estimate ≤ λd may be selected (the package's `boundMTD`).
    public let boundMTD: Bool
    /// The selected MTD, 1-based; nil when none is selected.
    public let mtd: Int?
    /// The lowest eliminated level (1-based), nil when none.
    public let firstEliminated: Int?
    /// Per level: the isotonic estimate of the DLT probability; nil for a level with no patients.
    public let estimates: [Double?]
    /// Per level: the isotonic 95% interval ends; nil for a level with no patients.
    public let lower: [Double?]
    /// Per level: the isotonic 97.5% interval end; nil for a level with no patients.
    public let upper: [Double?]
    /// Per level: the isotonic P(p > target | data); nil for a level with no patients.
    public let overdose: [Double?]

    /// The most dose levels a design may have.
    public static let maximumLevels = 20

    /// - Throws: ``InvalidInput``: `patients` and `dlts` of different lengths, more than 20 levels, counts
    ///   negative, DLTs above patients, more than 1000 patients at a level, or no patient at all.
    public init(boundaries: BOINBoundaries, patients: [Int], dlts: [Int], boundMTD: Bool = false) throws(DesignError) {
        try Self.validateCounts(patients: patients, dlts: dlts)
        self.boundaries = boundaries
        self.patients = patients
        self.dlts = dlts
        self.boundMTD = boundMTD
        let k = patients.count
        var eliminated: Int? = nil
        for i in 0..<k where patients[i] >= 3 {
            if let e = boundaries.eliminationBoundary(patients[i]), dlts[i] >= e { eliminated = i; break }
        }
        firstEliminated = eliminated.map { $0 + 1 }
        var scratch = BOINSelector(levels: k)
        mtd = scratch.select(
            patients: patients, dlts: dlts, firstEliminated: eliminated ?? k, target: boundaries.target,
            lambdaD: boundaries.lambdaD, boundMTD: boundMTD
        ).map { $0 + 1 }

        let treated = (0..<k).filter { patients[$0] > 0 }
        let a = treated.map { Double(dlts[$0]) + 0.05 }
        let b = treated.map { Double(patients[$0] - dlts[$0]) + 0.05 }
        let weights = treated.indices.map { i in
            let n = Double(patients[treated[i]])
            return 1 / (a[i] * b[i] / ((n + 0.1) * (n + 0.1) * (n + 0.1 + 1)))
        }
        let phat = IsotonicRegression.fit(treated.indices.map { a[$0] / (Double(patients[treated[$0]]) + 0.1) }, weights: weights)
        var lowerRaw: [Double] = [], upperRaw: [Double] = [], overRaw: [Double] = []
        for i in treated.indices {
            let (low, high, over) = try DesignError.numerics { () throws(ProbabilityError) in
                let beta = try Beta(a: a[i], b: b[i])
                return (try beta.quantile(0.025), try beta.quantile(0.975), 1 - (try beta.cdf(boundaries.target)))
            }
            lowerRaw.append(low)
            upperRaw.append(high)
            overRaw.append(over)
        }
        let lowerFit = IsotonicRegression.fit(lowerRaw, weights: weights)
        let upperFit = IsotonicRegression.fit(upperRaw, weights: weights)
        let overFit = IsotonicRegression.fit(overRaw)
        var est = [Double?](repeating: nil, count: k), lo = est, up = est, od = est
        for (i, level) in treated.enumerated() {
            est[level] = phat[i]; lo[level] = lowerFit[i]; up[level] = upperFit[i]; od[level] = overFit[i]
        }
        estimates = est
        lower = lo
        upper = up
        overdose = od
    }

    static func validateCounts(patients: [Int], dlts: [Int]) throws(InvalidInput) {
        guard patients.count == dlts.count else {
            throw InvalidInput(
                parameter: "dlts", requirement: "one count per level of --patients (\(patients.count))", value: "\(dlts.count) values")
        }
        try Validate.count(patients.count, "patients", in: 1...maximumLevels)
        for n in patients { try Validate.count(n, "patients", in: 0...BOINBoundaries.maximumPatients) }
        for (y, n) in zip(dlts, patients) where y < 0 || y > n {
            throw InvalidInput(parameter: "dlts", requirement: "a whole number in 0...patients at that level (\(n))", value: String(y))
        }
        guard patients.contains(where: { $0 > 0 }) else {
            throw InvalidInput(parameter: "patients", requirement: "at least one patient at some level", value: "none")
        }
    }
}

/// The selection rule with reusable storage, for simulations (no allocation per trial).
struct BOINSelector {
    private var index: [Int]
    private var phat: [Double]
    private var weight: [Double]
    private var levels: [Int]

    init(levels k: Int) {
        index = [Int](repeating: 0, count: k)
        phat = [Double](repeating: 0, count: k)
        weight = phat
        levels = index
    }

    /// The 0-based selected level, nil for none. `firstEliminated` is the 0-based lowest eliminated level
    /// (the number of levels when none).
    mutating func select(
        patients n: [Int], dlts y: [Int], firstEliminated: Int, target: Double, lambdaD: Double,
        boundMTD: Bool
    ) -> Int? {
        if firstEliminated == 0 { return nil }
        var m = 0
        for i in 0..<firstEliminated where n[i] > 0 {
            index[m] = i
            let a = Double(y[i]) + 0.05, nn = Double(n[i]) + 0.1
            phat[m] = a / nn
            weight[m] = 1 / (a * (Double(n[i] - y[i]) + 0.05) / (nn * nn * (nn + 1)))
            m += 1
        }
        if m == 0 { return nil }
        // Isotonic regression on the first m entries (the arrays are sized for all levels).
        IsotonicRegression.fitInPlace(&phat, weights: weight, levels: &levels, count: m)
        var best = -1
        var distance = Double.infinity
        for i in 0..<m {
            let p = phat[i] + Double(i + 1) * 1e-10
            if boundMTD && p > lambdaD { continue }
            let d = abs(p - target)
            if d < distance { distance = d; best = i }
        }
        return best < 0 ? nil : index[best]
    }
}
