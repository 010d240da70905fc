import RealModule

/// A fast fixed quadrature rule for the CRM posterior mean of β, for simulations.
///
/// The trapezoidal rule on an equally spaced grid β_j = j·h over [−B, B], B = 8σ (σ the prior standard
/// deviation), with the tables ln p_k(β_j), ln(1 − p_k(β_j)) and p_k(β_j) computed once. For a smooth
/// integrand that decays like a Gaussian of standard deviation s, the trapezoidal rule's error falls like
/// exp(−2π²s²/h²) (Trefethen & Weideman 2014, SIAM Rev 56:385–458), so the step is tied to the narrowest
/// posterior a trial of n patients can reach: one patient carries at most I* of Fisher information about β
/// (empiric: I = p·ln²p/(1 − p) ≤ 0.648; logistic: I = p(1 − p)(η − a)², η the linear predictor, about 3.2
/// for a = 3), so s ≥ s* = (n·I* + 1/σ²)^(−1/2), and h = min(s*/1.5, 0.2) keeps the error below e⁻⁴⁴.
/// The truncation at ±8σ drops prior mass below e⁻³². `CRMPosteriorTests` checks the rule against adaptive
/// quadrature (``CRMPosterior``) on random data sets up to the 200-patient cap: agreement within 1e-8.
///
/// One update costs about (levels with data + 2)·(nodes) multiply–adds and (nodes) exponentials.
public struct PosteriorGrid: Sendable {
    /// The grid of β values, j·h for j = −M…M, M = ⌈8σ/h⌉, so reaching at least ±8σ.
    public let nodes: [Double]
    let logPrior: [Double]
    let logP: [Double]
    let logQ: [Double]
    let probability: [Double]
    /// The number of dose levels of the model the tables hold.
    public let levels: Int

    /// The number of grid points for a design, computed before any work (the cost models use it):
    /// 2⌈8σ/h⌉ + 1, about 333 by default, 2,869 at prior variance 100, 71,179 with the logistic
    /// intercept 40 and variance 100.
    public static func nodeCount(model: DoseToxicityModel, priorVariance: Double, maximumPatients: Int) -> Int {
        2 * halfCount(model: model, priorVariance: priorVariance, maximumPatients: maximumPatients).half + 1
    }

    private static func halfCount(model: DoseToxicityModel, priorVariance: Double, maximumPatients: Int) -> (half: Int, step: Double) {
        let reach = 8 * priorVariance.squareRoot()
        let information = Double(max(maximumPatients, 1)) * maximumInformation(model) + 1 / priorVariance
        let step = min(1 / information.squareRoot() / 1.5, 0.2)
        return (Int((reach / step).rounded(.up)), step)
    }

    /// The grid for a design: the step h from the narrowest posterior `maximumPatients` patients can give, and the
    /// tables of ln p_k, ln(1 − p_k) and p_k at every node, computed once.
    public init(model: DoseToxicityModel, priorVariance: Double, maximumPatients: Int) {
        let (half, step) = Self.halfCount(model: model, priorVariance: priorVariance, maximumPatients: maximumPatients)
        let count = 2 * half + 1
        nodes = (0..<count).map { Double($0 - half) * step }
        logPrior = nodes.map { -$0 * $0 / (2 * priorVariance) }
        levels = model.levels
        var logP = [Double](), logQ = [Double](), probability = [Double]()
        logP.reserveCapacity(levels * count)
        for k in 0..<levels {
            for beta in nodes {
                let (lp, lq) = model.logProbabilities(k, beta: beta)
                logP.append(lp)
                logQ.append(lq)
                probability.append(Double.exp(lp))
            }
        }
        self.logP = logP
        self.logQ = logQ
        self.probability = probability
    }

    /// The largest Fisher information about β one patient can carry, over every DLT probability the model
    /// can give (a scan of 4000 points of p or of the linear predictor, then 10% to spare).
    static func maximumInformation(_ model: DoseToxicityModel) -> Double {
        var best = 0.0
        for i in 1..<4000 {
            switch model.kind {
            case .empiric:
                let p = Double(i) / 4000
                let logP = Double.log(p)
                best = max(best, p * logP * logP / (1 - p))
            case .logistic:
                let eta = model.intercept - 40 * Double(i) / 4000
                let p = 1 / (1 + Double.exp(-eta))
                best = max(best, p * (1 - p) * (eta - model.intercept) * (eta - model.intercept))
            }
        }
        return 1.1 * best
    }

    /// E[β | data] where level k (0-based) has `dlts[k]` patients with a DLT and `completed[k]` DLT-free
    /// patients followed for the whole window, plus DLT-free patients still in the window at levels
    /// `partialLevels` (0-based) with weights `partialWeights`. `work` is scratch space (any contents).
    public func betaMean(
        dlts: [Int], completed: [Int], partialLevels: [Int] = [], partialWeights: [Double] = [],
        work: inout [Double]
    ) -> Double {
        let m = nodes.count
        if work.count != m { work = [Double](repeating: 0, count: m) }
        return work.withUnsafeMutableBufferPointer { h in
            logPrior.withUnsafeBufferPointer { prior in
                for j in 0..<m { h[j] = prior[j] }
            }
            logP.withUnsafeBufferPointer { lp in
                logQ.withUnsafeBufferPointer { lq in
                    for k in 0..<levels {
                        let y = Double(dlts[k]), c = Double(completed[k])
                        let base = k * m
                        if y > 0 { for j in 0..<m { h[j] += y * lp[base + j] } }
                        if c > 0 { for j in 0..<m { h[j] += c * lq[base + j] } }
                    }
                }
            }
            if !partialLevels.isEmpty {
                // Partial patients cost a log1p per node each. Their terms lie between ln(1 − p) and 0, so a node
                // whose complete-data h is already 60 below the peak of the lower bound (every w set to 1)
                // carries less than e⁻⁶⁰ of the posterior: skip it.
                var lowerPeak = -Double.infinity
                logQ.withUnsafeBufferPointer { lq in
                    for j in 0..<m {
                        var lower = h[j]
                        for k in partialLevels { lower += lq[k * m + j] }
                        if lower > lowerPeak { lowerPeak = lower }
                    }
                }
                let cutoff = lowerPeak - 60
                probability.withUnsafeBufferPointer { p in
                    for j in 0..<m {
                        if h[j] < cutoff { h[j] = -.infinity; continue }
                        for (k, w) in zip(partialLevels, partialWeights) where w > 0 {
                            h[j] += Double.log(onePlus: -w * p[k * m + j])
                        }
                    }
                }
            }
            var peak = -Double.infinity
            for j in 0..<m where h[j] > peak { peak = h[j] }
            var mass = 0.0, first = 0.0
            nodes.withUnsafeBufferPointer { beta in
                for j in 0..<m {
                    let e = Double.exp(h[j] - peak)
                    mass += e
                    first += e * beta[j]
                }
            }
            return first / mass
        }
    }
}
