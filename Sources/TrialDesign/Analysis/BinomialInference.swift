import Probability

/// Inference for x responses among n patients of a single-stage trial: the exact one-sided
/// p-value against p₀ and the Clopper-Pearson interval.
///
///     p = P(X ≥ x | p₀) = Σ_{k ≥ x} b(k; n, p₀)     (H₁: p > p₀)
///
/// and (L, U) from ``ClopperPearson`` with (1 − conf)/2 in each tail. For `analyze
/// single-stage` the design's rule is also stated: reject H₀ when x ≥ r, r the smallest count
/// with P(X ≥ r | p₀) ≤ α at the attained n (A'Hern 2001), which is the same decision as p ≤ α.
/// When the trial enrolled more or fewer patients than planned, r is recomputed at the attained
/// n (the planned r would not keep its error rate), and the planned r is reported beside it.
public struct BinomialInference: Sendable {
    public let observed: ObservedProportion
    public let p0: Double
    public let conf: Double
    public let alpha: Double
    /// The planned n of a single-stage design, when it differs from the attained one.
    public let plannedN: Int?

    /// - Throws: ``InvalidInput`` naming `x`/`n`, `p0`, `conf`, `alpha` or `planned-n`.
    public init(successes: Int, trials: Int, p0: Double, conf: Double = 0.95, alpha: Double = 0.05, plannedN: Int? = nil)
        throws(InvalidInput)
    {
        observed = try ObservedProportion(successes: successes, trials: trials)
        try Validate.probability(p0, "p0")
        try Validate.probability(conf, "conf")
        try Validate.interval(alpha, "alpha", above: 0, below: 0.5, closedAbove: true)
        if let plannedN { try Validate.count(plannedN, "planned-n", in: 1...ObservedProportion.maximumTrials) }
        self.p0 = p0
        self.conf = conf
        self.alpha = alpha
        self.plannedN = plannedN
    }

    public struct Result: Sendable, Equatable, Codable {
        public let x: Int
        public let n: Int
        public let estimate: Double
        public let pValue: Double
        public let lower: Double
        public let upper: Double
        public let conf: Double
        public let rejects: Bool
        /// Reject H₀ when x ≥ r at the attained n; nil when even x = n is not significant.
        public let r: Int?
        public let attainedAlpha: Double?
        /// The critical count at the planned n, when a planned n was given.
        public let plannedR: Int?
    }

    /// The smallest r with P(X ≥ r | p₀) ≤ α among n patients, and that probability.
    static func criticalCount(n: Int, p0: Double, alpha: Double) throws(ProbabilityError) -> (Int, Double)? {
        let binomial = try Binomial(trials: n, probability: p0)
        let r = try binomial.quantile(1 - alpha)  // smallest k with P(X ≤ k) ≥ 1 − α
        // P(X ≥ k + 1) ≤ α at k = r; step back while the smaller count still qualifies (roundoff).
        var k = r + 1
        while k > 0, binomial.atLeast(k - 1) <= alpha { k -= 1 }
        while k <= n, binomial.atLeast(k) > alpha { k += 1 }
        return k <= n ? (k, binomial.atLeast(k)) : nil
    }

    public func infer() throws(DesignError) -> Result {
        try designErrors {
            let x = observed.successes, n = observed.trials
            let p = try Binomial(trials: n, probability: p0).atLeast(x)
            let (lower, upper) = try ClopperPearson.bounds(observed, tailProbability: (1 - conf) / 2)
            let critical = try Self.criticalCount(n: n, p0: p0, alpha: alpha)
            let planned = try plannedN.flatMap { m throws in try Self.criticalCount(n: m, p0: p0, alpha: alpha)?.0 }
            return Result(
                x: x, n: n, estimate: observed.estimate, pValue: p, lower: lower, upper: upper, conf: conf,
                rejects: p <= alpha, r: critical?.0, attainedAlpha: critical?.1, plannedR: planned)
        }
    }
}

extension BinomialInference {
    /// P(X ≥ x | p) and P(X ≤ x | p): the two tail functions whose crossings of (1 − conf)/2
    /// are the Clopper-Pearson limits and whose first value at p₀ is the p-value.
    public func tails(_ p: Double) throws(DesignError) -> (atLeast: Double, atMost: Double) {
        try DesignError.numerics { () throws(ProbabilityError) in
            let binomial = try Binomial(trials: observed.trials, probability: p)
            return (binomial.atLeast(observed.successes), binomial.cdf(observed.successes))
        }
    }
}
