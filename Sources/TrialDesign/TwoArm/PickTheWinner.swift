import Probability
import RealModule

/// The pick-the-winner selection design of Simon, Wittes & Ellenberg (1985): K arms of n
/// patients each are randomized, one arm's response rate is p0 + δ and the others' p0, and the
/// arm with the most responses is selected.
///
/// With f, F the binomial probability and distribution functions of an arm at p0 and f₁, F₁ of
/// the best arm, and a required lead of d ≥ 1 responses (the arm is selected when it leads every
/// other arm by at least d, otherwise the trial is inconclusive; clinfun `pselect`'s `min.diff`):
///
///     P(correct) = Σ_x f₁(x) F(x − d)^(K−1),
///     P(a given other arm selected) = Σ_y f(y) F₁(y − d) F(y − d)^(K−2),
///
/// and P(inconclusive) = 1 − P(correct) − (K − 1) P(a given other arm selected). With d = 0 ties
/// for the most responses are broken at random, as in Simon, Wittes & Ellenberg's tables:
///
///     P(correct) = Σ_x f₁(x) Σ_{j=0}^{K−1} C(K−1, j) f(x)^j F(x − 1)^(K−1−j) / (j + 1).
///
/// Every outcome is summed exactly; nothing is simulated.
public struct PickTheWinner: Sendable, Equatable {
    /// K, the number of randomized arms, 2 to ``maximumArms``; one of them is better by ``delta``.
    public let arms: Int
    /// The response rate of every arm but the best, in (0, 1).
    public let p0: Double
    /// δ, how much higher the best arm's response rate is, as a difference of proportions (p0 + δ < 1).
    public let delta: Double
    /// d, the responses by which the arm with the most responses must lead every other arm to be selected; 0 breaks ties at random.
    public let minimumLead: Int

    /// The most arms accepted (a documented cap).
    public static let maximumArms = 10
    /// The most patients per arm accepted or searched (a documented cap).
    public static let maximumPatientsPerArm = 5_000

    /// - Throws: ``DesignError`` for arms outside 2...10, rates outside (0, 1), p0 + δ ≥ 1, or a negative lead.
    public init(arms: Int, p0: Double, delta: Double, minimumLead: Int = 1) throws(DesignError) {
        try TwoArmParameters.pickWinner["arms"]!.validate(arms)
        try TwoArmParameters.pickWinner["p0"]!.validate(p0)
        try TwoArmParameters.pickWinner["delta"]!.validate(delta)
        guard p0 + delta < 1 else {
            throw DesignError(
                parameter: "delta",
                requirement: "less than 1 - `p0` (\(DesignError.describe(1 - p0))) so the best arm's rate stays below 1", value: delta)
        }
        try TwoArmParameters.pickWinner["min-lead"]!.validate(minimumLead)
        self.arms = arms
        self.p0 = p0
        self.delta = delta
        self.minimumLead = minimumLead
    }

    /// The best arm's response rate, p0 + δ.
    public var bestRate: Double { p0 + delta }

    /// The selection probabilities with a given number of patients per arm; correct, inconclusive and wrong sum to 1.
    public struct Characteristics: Sendable, Equatable, Codable {
        /// n, the number of patients in each arm (K·n in the trial).
        public let patientsPerArm: Int
        /// P(the best arm is selected).
        public let correct: Double
        /// P(no arm leads by the minimum lead): 0 when ties are broken at random.
        public let inconclusive: Double
        /// P(an inferior arm is selected).
        public let wrong: Double
    }

    /// The selection probabilities with `n` patients per arm.
    public func characteristics(patientsPerArm n: Int) throws(DesignError) -> Characteristics {
        try Validate.count(n, "patients-per-arm", in: 1...Self.maximumPatientsPerArm)
        let other = try DesignError.numerics { () throws(ProbabilityError) in try Binomial(trials: n, probability: p0) }
        let best = try DesignError.numerics { () throws(ProbabilityError) in try Binomial(trials: n, probability: bestRate) }
        let f = (0...n).map { other.mass($0) }
        let f1 = (0...n).map { best.mass($0) }
        // F(k) (otherCDF) and F₁(k) (bestCDF) for k = −1...n at index k + 1, by summation so the tails stay consistent with f.
        var cdf = [0.0], cdf1 = [0.0]
        for k in 0...n { cdf.append(min(1, cdf[k] + f[k])); cdf1.append(min(1, cdf1[k] + f1[k])) }
        func otherCDF(_ k: Int) -> Double { k < 0 ? 0 : cdf[min(k, n) + 1] }
        func bestCDF(_ k: Int) -> Double { k < 0 ? 0 : cdf1[min(k, n) + 1] }
        let others = arms - 1
        var correct = 0.0
        if minimumLead == 0 {
            for x in 0...n where f1[x] > 0 {
                var share = 0.0
                var binomial = 1.0
                for j in 0...others {
                    share += binomial * power(f[x], j) * power(otherCDF(x - 1), others - j) / Double(j + 1)
                    binomial = binomial * Double(others - j) / Double(j + 1)
                }
                correct += f1[x] * share
            }
            correct = min(1, correct)
            return Characteristics(patientsPerArm: n, correct: correct, inconclusive: 0, wrong: max(0, 1 - correct))
        }
        let d = minimumLead
        var wrongEach = 0.0
        for x in 0...n {
            correct += f1[x] * power(otherCDF(x - d), others)
            wrongEach += f[x] * bestCDF(x - d) * power(otherCDF(x - d), others - 1)
        }
        let wrong = Double(others) * wrongEach
        return Characteristics(patientsPerArm: n, correct: min(1, correct), inconclusive: max(0, 1 - correct - wrong), wrong: min(1, wrong))
    }

    /// xᵏ by repeated multiplication (0⁰ = 1; `Double.pow` gives NaN there).
    private func power(_ x: Double, _ k: Int) -> Double {
        var result = 1.0
        for _ in 0..<k { result *= x }
        return result
    }

    /// The first and the stable n per arm reaching a target probability of correct selection.
    public struct Answer: Sendable, Equatable {
        /// The target probability of correct selection, in (0, 1).
        public let target: Double
        /// The first n per arm reaching the target.
        public let first: Characteristics
        /// The first n from which every n up to `horizon` reaches it.
        public let stable: Characteristics
        /// The largest n per arm checked for ``stable``: first + max(20, first/4), at most ``PickTheWinner/maximumPatientsPerArm``.
        public let horizon: Int
    }

    /// The smallest n per arm whose probability of correct selection reaches `target`.
    /// - Throws: ``DesignError`` naming `correct` when no n up to the cap reaches it.
    public func solve(target: Double) throws(DesignError) -> Answer {
        try TwoArmParameters.pickWinner["correct"]!.validate(target)
        // Selecting the best of K arms is harder than of 2, so the two-arm normal approximation,
        // n ≈ z² (p0 q0 + p1 q1)/δ² with z = Φ⁻¹(target), is a lower bound refused up front.
        let z = try DesignError.numerics { () throws(ProbabilityError) in try Normal.standard.quantile(target) }
        let lowerBound = max(0, z) * max(0, z) * (p0 * (1 - p0) + bestRate * (1 - bestRate)) / (delta * delta)
        if lowerBound > Double(Self.maximumPatientsPerArm) {
            throw DesignError(
                parameter: "correct",
                requirement:
                    "reachable within \(Self.maximumPatientsPerArm) patients per arm (\(DesignError.approximateCount(lowerBound)) or more needed: raise `delta` or lower the target)",
                value: target)
        }
        var cache: [Int: Characteristics] = [:]
        func meets(_ n: Int) throws(DesignError) -> Bool {
            let c = try characteristics(patientsPerArm: n)
            cache[n] = c
            return c.correct >= target * (1 - 1e-12)
        }
        let cap = Self.maximumPatientsPerArm
        var first: Int?
        for n in 1...cap where try meets(n) { first = n; break }
        guard let first else {
            throw DesignError(
                parameter: "correct", requirement: "reachable within \(cap) patients per arm (raise `delta` or lower the target)",
                value: target)
        }
        let horizon = min(cap, first + max(20, first / 4))
        var stable = first
        for n in stride(from: horizon, through: first, by: -1) {
            guard try meets(n) else { break }
            stable = n
        }
        guard let a = cache[first], let b = cache[stable] else { throw DesignError(numericalFailure: "pick-the-winner search cache") }
        return Answer(target: target, first: a, stable: b, horizon: horizon)
    }
}
