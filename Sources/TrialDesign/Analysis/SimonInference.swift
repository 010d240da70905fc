import Probability
import RealModule

/// Inference after a Simon two-stage trial (Koyama & Chen, Stat Med 2008;27:3145-3154), with
/// the UMVUE of Jung & Kim (Stat Med 2004;23:881-896).
///
/// The outcome is T = (stage stopped at, total responses X). Outcomes are ordered by stage,
/// then by responses: stopping after stage 1 with x₁ ≤ r₁ responses is less extreme than
/// any outcome that continued, and among those that continued more responses are more extreme.
/// Then, with X₁ ~ Bin(n₁, p) and X₂ ~ Bin(n₂, p), n₂ = n − n₁:
///
/// * p-value against p₀ (one-sided, H₁: p > p₀): P_{p₀}(T ≥ t), which is
///   P(X₁ ≥ x) when the trial stopped (x ≤ r₁), and
///   Σ_{x₁ = r₁+1}^{n₁} b(x₁; n₁, p₀) · P(X₂ ≥ x − x₁) when it continued;
/// * the exact 1 − 2α interval (p_L, p_U): P_{p_L}(T ≥ t) = α and P_{p_U}(T ≤ t) = α (Koyama &
///   Chen's interval; the probabilities are monotone in p, solved by Brent's method to 1e-12),
///   p_L = 0 at the least extreme outcome (x = 0) and p_U = 1 at the most extreme (x = n);
/// * UMVUE: x/n₁ when the trial stopped, and otherwise
///   Σ_{x₁} C(n₁−1, x₁−1) C(n₂, x−x₁) / Σ_{x₁} C(n₁, x₁) C(n₂, x−x₁),
///   x₁ from max(r₁+1, x−n₂) to min(x, n₁) (Jung & Kim 2004).
///
/// Over- or under-accrual: when a stage enrolled a different number of patients than planned,
/// the inference is computed for the design as conducted: the planned stopping boundary r₁
/// with the attained n₁ and n (the sample space of the trial that was run; Koyama & Chen's
/// method applied to the attained sizes), and the decision is stated by the p-value at the
/// design's α rather than by the planned r, which no longer has its planned error rate.
public struct SimonInference: Sendable {
    /// The planned design r1/n1, r/n; the inference keeps its r₁ and uses the stage sizes enrolled.
    public let planned: SimonDesign
    /// Patients enrolled in stage 1 (the planned n₁ unless `attained` was given).
    public let n1: Int
    /// Total patients enrolled over both stages (the planned n unless `attained` was given).
    public let n: Int
    /// The planned stage 1 boundary r₁: the trial stops after stage 1 with r₁ or fewer responses.
    public let r1: Int
    /// The uninteresting response rate p₀ of H₀: p ≤ p₀, in (0, 1).
    public let p0: Double
    /// Total responses X over the patients enrolled.
    public let responses: Int
    /// Stage 1 responses x₁, when given: only checked against the total and r₁, since the inference depends on
    /// the stage stopped at and the total alone.
    public let stage1Responses: Int?
    /// One-sided α of the design; the interval has level 1 − 2α.
    public let alpha: Double

    /// Whether the trial stopped after stage 1: total responses ≤ r₁ (a trial that continued had more).
    public var stopped: Bool { responses <= r1 }
    /// The two-sided level of the exact interval, 1 − 2α.
    public var conf: Double { 1 - 2 * alpha }

    /// - Throws: ``InvalidInput`` naming `p0`, `alpha` (in (0, 0.5)), `attained`
    ///   (1 ≤ n₁ with r₁ < n₁, n₁ < n ≤ the Simon cap), `responses` (0…n, and ≤ n₁ after
    ///   stopping) or `stage1-responses` (consistent with the total and the boundary).
    public init(
        design: SimonDesign, p0: Double, responses: Int, stage1Responses: Int? = nil,
        attained: (n1: Int, n: Int)? = nil, alpha: Double = 0.05
    ) throws(InvalidInput) {
        try Validate.probability(p0, "p0")
        try Validate.interval(alpha, "alpha", above: 0, below: 0.5)
        let n1 = attained?.n1 ?? design.n1, n = attained?.n ?? design.n
        if attained != nil {
            guard n1 > design.r1, n > n1, n <= SimonTwoStage.maximumPatients else {
                throw InvalidInput(
                    parameter: "attained", requirement: "n1,n with r1 = \(design.r1) < n1 < n <= \(SimonTwoStage.maximumPatients)",
                    value: "\(n1),\(n)")
            }
        }
        try Validate.count(responses, "responses", in: 0...n)
        if responses <= design.r1 {
            // Stopped after stage 1: no stage 2 patients, so every response is a stage 1 response.
            if let x1 = stage1Responses, x1 != responses {
                throw InvalidInput(
                    parameter: "stage1-responses",
                    requirement: "equal to --responses when the trial stopped after stage 1 (responses <= r1 = \(design.r1))",
                    value: String(x1))
            }
        } else if let x1 = stage1Responses {
            guard x1 > design.r1, x1 <= min(n1, responses), responses - x1 <= n - n1 else {
                throw InvalidInput(
                    parameter: "stage1-responses",
                    requirement:
                        "in \(design.r1 + 1)...\(min(n1, responses)) with at most \(n - n1) responses in stage 2 (the trial continued past r1 = \(design.r1))",
                    value: String(x1))
            }
        }
        self.planned = design
        self.n1 = n1
        self.n = n
        self.r1 = design.r1
        self.p0 = p0
        self.responses = responses
        self.stage1Responses = stage1Responses
        self.alpha = alpha
    }

    /// P_p(T ≥ (stage, x)) for an outcome of the conducted design.
    func tail(atLeast x: Int, stopped: Bool, _ p: Double) throws(ProbabilityError) -> Double {
        let stage1 = try Binomial(trials: n1, probability: p)
        if stopped { return stage1.atLeast(x) }
        let stage2 = try Binomial(trials: n - n1, probability: p)
        var sum = 0.0
        for x1 in (r1 + 1)...n1 { sum += stage1.mass(x1) * stage2.atLeast(x - x1) }
        return sum
    }

    /// P_p(T ≥ t) at the observed outcome: the p-value function.
    public func upperTail(_ p: Double) throws(DesignError) -> Double {
        try DesignError.numerics { () throws(ProbabilityError) in
            try tail(atLeast: responses, stopped: stopped, p)
        }
    }

    /// P_p(T ≤ t) = 1 − P_p(T ≥ the next outcome in the ordering).
    public func lowerTail(_ p: Double) throws(DesignError) -> Double {
        try DesignError.numerics { () throws(ProbabilityError) in
            if stopped {
                // The next outcome after stopping with x: stopping with x + 1, or (after r1) continuing with r1 + 1.
                return 1 - (try Binomial(trials: n1, probability: p)).atLeast(responses + 1)
            }
            return 1 - (try tail(atLeast: responses + 1, stopped: false, p))
        }
    }

    /// The answer: the estimates, the p-value, the exact interval and the decision.
    public struct Result: Sendable, Equatable, Codable {
        /// Jung & Kim's uniformly minimum-variance unbiased estimate of the response rate.
        public let umvue: Double
        /// The one-sided p-value P_{p₀}(T ≥ t), outcomes ordered by stage then responses (H₁: p > p₀).
        public let pValue: Double
        /// The exact lower limit p_L, where P_{p_L}(T ≥ t) = α; 0 when there was no response.
        public let lower: Double
        /// The exact upper limit p_U, where P_{p_U}(T ≤ t) = α; 1 when every patient responded.
        public let upper: Double
        /// The two-sided level of the interval, 1 − 2α.
        public let conf: Double
        /// The naive estimate x / (patients treated), biased after a two-stage design.
        public let naive: Double
        /// Whether the trial stopped after stage 1.
        public let stopped: Bool
        /// Whether H₀ is rejected: p-value ≤ α.
        public let rejects: Bool
        /// The exact type I error P(reject | p₀) of the design r1/n1, ``attainedR``/n at the sizes enrolled (computed even when
        /// they are the planned ones); 0 when ``attainedR`` is nil.
        public let attainedAlpha: Double
        /// The critical count at the attained sizes: the smallest r' with P(reject | p0) ≤ α
        /// for the design r1/n1', r'/n' (promising when responses > r'); nil when none.
        public let attainedR: Int?
    }

    /// Computes the UMVUE, the p-value, the exact interval and the critical count at the sizes enrolled.
    /// - Throws: ``DesignError`` only for a numerical failure; the inputs were checked when the inference was made.
    public func infer() throws(DesignError) -> Result {
        try designErrors {
            let x = responses
            let umvue: Double
            if stopped {
                umvue = Double(x) / Double(n1)
            } else {
                let n2 = n - n1
                let low = max(r1 + 1, x - n2), high = min(x, n1)
                // Sums of binomial coefficients, in logs around their largest term.
                var logNumerator: [Double] = [], logDenominator: [Double] = []
                for x1 in low...high {
                    logNumerator.append(Self.logChoose(n1 - 1, x1 - 1) + Self.logChoose(n2, x - x1))
                    logDenominator.append(Self.logChoose(n1, x1) + Self.logChoose(n2, x - x1))
                }
                let top = logDenominator.max()!
                let numerator = logNumerator.reduce(0.0) { $0 + Double.exp($1 - top) }
                let denominator = logDenominator.reduce(0.0) { $0 + Double.exp($1 - top) }
                umvue = numerator / denominator
            }
            let p = try upperTail(p0)
            let a = alpha
            let lower =
                x == 0
                ? 0
                : try RootFinding.brent(in: 0...1, absoluteTolerance: 1e-14, relativeTolerance: 1e-13) { p throws in
                    try upperTail(p) - a
                }
            let upper =
                x == n
                ? 1
                : try RootFinding.brent(in: 0...1, absoluteTolerance: 1e-14, relativeTolerance: 1e-13) { p throws in
                    try lowerTail(p) - a
                }
            // The critical count at the attained sizes.
            // P(reject | p0) falls as r rises, so the smallest r meeting alpha is found by bisection.
            var attainedR: Int?
            var low = r1, high = n - 1
            if try SimonDesign(unchecked: r1, n1, high, n).rejection(at: p0).reject <= alpha {
                while low < high {
                    let mid = (low + high) / 2
                    if try SimonDesign(unchecked: r1, n1, mid, n).rejection(at: p0).reject <= alpha { high = mid } else { low = mid + 1 }
                }
                attainedR = low
            }
            let attainedAlpha = try attainedR.map { r throws in try SimonDesign(unchecked: r1, n1, r, n).rejection(at: p0).reject } ?? 0
            return Result(
                umvue: umvue, pValue: p, lower: lower, upper: upper, conf: conf,
                naive: Double(x) / Double(stopped ? n1 : n), stopped: stopped, rejects: p <= alpha,
                attainedAlpha: attainedAlpha, attainedR: attainedR)
        }
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        Double.logGamma(Double(n + 1)) - Double.logGamma(Double(k + 1)) - Double.logGamma(Double(n - k + 1))
    }
}
