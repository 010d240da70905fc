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
    /// The responses x among the n patients evaluated.
    public let observed: ObservedProportion
    /// The uninteresting response rate p₀ of H₀: p ≤ p₀, in (0, 1).
    public let p0: Double
    /// The two-sided level of the Clopper-Pearson interval, in (0, 1).
    public let conf: Double
    /// The one-sided significance level the decision is stated at, in (0, 0.5].
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

    /// The answer: the estimate, the exact p-value and interval, the decision and, for `analyze single-stage`, the rule.
    public struct Result: Sendable, Equatable, Codable {
        /// Responses observed.
        public let x: Int
        /// Patients evaluated.
        public let n: Int
        /// The observed response rate x/n.
        public let estimate: Double
        /// The exact one-sided p-value P(X ≥ x | p₀) (H₁: p > p₀).
        public let pValue: Double
        /// The Clopper-Pearson lower limit L, where P(X ≥ x | L) = (1 − conf)/2; 0 when x = 0.
        public let lower: Double
        /// The Clopper-Pearson upper limit U, where P(X ≤ x | U) = (1 − conf)/2; 1 when x = n.
        public let upper: Double
        /// The two-sided level of the interval.
        public let conf: Double
        /// Whether H₀ is rejected: p-value ≤ α, the same decision as x ≥ ``r``.
        public let rejects: Bool
        /// Reject H₀ when x ≥ r at the attained n; nil when even x = n is not significant.
        public let r: Int?
        /// The exact type I error P(X ≥ r | p₀) of the rule at the attained n, at most α; nil when ``r`` is nil.
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

    /// Computes the p-value, the interval, the decision and the critical counts.
    /// - Throws: ``DesignError`` only for a numerical failure; the inputs were checked when the inference was made.
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
