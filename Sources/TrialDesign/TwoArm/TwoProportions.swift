import Probability
import RealModule

/// How a two-arm comparison of response rates is sized.
public enum TwoProportionsMethod: String, Sendable, Codable, CaseIterable {
    /// The normal approximation without continuity correction (Fleiss; rpact `getSampleSizeRates`).
    case normal
    /// The normal approximation with continuity correction (Casagrande, Pike & Smith 1978, in the
    /// form of Fleiss, Tytun & Ury 1980 for unequal allocation; clinfun `fe.ssize` "CPS").
    case continuity
    /// The exact power of Fisher's exact test, one-sided, with the smallest n per arm meeting the
    /// target (first and stable, since exact power is a sawtooth in n).
    case fisher

    /// Fisher's exact power: the method used when none is named.
    public static let `default` = TwoProportionsMethod.fisher

    /// The method as a report names it.
    public var label: String {
        switch self {
        case .normal: return "normal approximation"
        case .continuity: return "normal approximation with continuity correction (Casagrande, Pike & Smith 1978)"
        case .fisher: return "Fisher's exact test, exact power"
        }
    }
}

/// A randomized comparison of two response rates: control p0, experimental p1, r experimental
/// patients per control patient, tested one-sided in the direction of p1 (or two-sided, each
/// tail at α/2).
///
/// With Δ = |p1 − p0|, p̄ = (p0 + r p1)/(1 + r), q = 1 − p, the control arm needs
///
///     n_C = [z_α √(p̄ q̄ (1 + 1/r)) + z_β √(p0 q0 + p1 q1 / r)]² / Δ²
///
/// (Fleiss 1981, unequal groups), and with the continuity correction of Casagrande, Pike &
/// Smith (1978) as extended by Fleiss, Tytun & Ury (1980)
///
///     n_C′ = n_C/4 · [1 + √(1 + 2(r + 1)/(r n_C Δ))]²;
///
/// the experimental arm needs r times as many. Fisher's exact test is in ``FisherExactPower``.
public struct TwoProportions: Sendable, Equatable {
    /// The control arm's response rate, in (0, 1).
    public let p0: Double
    /// The experimental arm's response rate hoped for, in (0, 1) and different from p0; the one-sided test looks in its direction.
    public let p1: Double
    /// r, the experimental patients per control patient, in [0.01, 100].
    public let allocation: Double
    /// The nominal α, the target power and the sidedness; with two sides each tail gets α/2 and the power counts only the tail of p1.
    public let rates: ErrorRates

    /// The most patients per arm any method may need (normal approximations).
    public static let maximumPatientsPerArm = 1_000_000
    /// The most control patients the exact Fisher search scans (its cost grows as n²).
    public static let maximumFisherPatientsPerArm = 1_000

    /// - Throws: ``DesignError`` unless p0 and p1 are in (0, 1) and differ, the allocation is in
    ///   [0.01, 100], and the normal approximation stays within the caps.
    public init(p0: Double, p1: Double, allocation: Double = 1, rates: ErrorRates) throws(DesignError) {
        try CommonParameters.p0.validate(p0)
        try TwoArmParameters.binomial["p1"]!.validate(p1)
        guard abs(p1 - p0) > 1e-9 else {
            throw DesignError(parameter: "p1", requirement: "different from `p0` (\(DesignError.describe(p0)))", value: p1)
        }
        try TwoArmParameters.allocation.validate(allocation)
        self.p0 = p0
        self.p1 = p1
        self.allocation = allocation
        self.rates = rates
        let n = normalControlPatients()
        guard n * max(1, allocation) <= Double(Self.maximumPatientsPerArm) else {
            throw DesignError(
                parameter: "p1",
                requirement:
                    "far enough from `p0` that each arm needs at most \(Self.maximumPatientsPerArm) patients (\(DesignError.approximateCount(n * max(1, allocation))) needed)",
                value: p1)
        }
    }

    var zAlpha: Double { (try? Normal.standard.upperQuantile(rates.tailAlpha)) ?? 40 }
    var zBeta: Double { (try? Normal.standard.upperQuantile(rates.beta)) ?? 40 }
    var difference: Double { abs(p1 - p0) }
    /// p̄ = (p0 + r p1)/(1 + r).
    var pooled: Double { (p0 + allocation * p1) / (1 + allocation) }
    /// √(p̄ q̄ (1 + 1/r)): the spread of √n_C (p̂1 − p̂0) under H0.
    var nullSpread: Double { (pooled * (1 - pooled) * (1 + 1 / allocation)).squareRoot() }
    /// √(p0 q0 + p1 q1 / r): its spread under H1.
    var alternativeSpread: Double { (p0 * (1 - p0) + p1 * (1 - p1) / allocation).squareRoot() }

    /// n_C without continuity correction (real).
    public func normalControlPatients() -> Double {
        let root = zAlpha * nullSpread + zBeta * alternativeSpread
        return root * root / (difference * difference)
    }

    /// n_C with the continuity correction (real).
    public func continuityControlPatients() -> Double {
        let n = normalControlPatients()
        let root = 1 + (1 + 2 * (allocation + 1) / (allocation * n * difference)).squareRoot()
        return n / 4 * root * root
    }

    /// The approximate power with `control` control patients: Φ((√n_C Δ′ − z_α s₀)/s₁), with
    /// Δ′ = Δ − (r + 1)/(2 r n_C) when `corrected` (the continuity correction), else Δ.
    public func approximatePower(controlPatients control: Int, corrected: Bool) throws(DesignError) -> Double {
        let n = Double(control)
        let shift = corrected ? max(0, difference - (allocation + 1) / (2 * allocation * n)) : difference
        return try TwoArmSurvival.normalPower(
            shift: n.squareRoot() * shift, nullSpread: nullSpread,
            alternativeSpread: alternativeSpread, rates: rates)
    }

    /// The experimental arm's size for `control` control patients: ⌈r n_C⌉.
    public func experimentalPatients(control: Int) -> Int {
        max(1, Int((allocation * Double(control) - 1e-9).rounded(.up)))
    }

    /// One design's size and attained error rates.
    public struct Characteristics: Sendable, Equatable, Codable {
        /// n_C, the control arm's patients.
        public let controlPatients: Int
        /// n_E, the experimental arm's patients: ⌈r n_C⌉ for Fisher's test, r times the unrounded n_C rounded up for the normal methods.
        public let experimentalPatients: Int
        /// The type I error of Fisher's test at the common rate p0 (never above the tail alpha).
        /// For a normal method with an arm above 2000 patients Fisher's test is not evaluated, and
        /// this is the nominal tail alpha.
        public let attainedAlpha: Double
        /// The power: exact for Fisher's test (at these sizes), approximate for the normal methods.
        public let attainedPower: Double
        /// The exact power of Fisher's test at these sizes (the normal methods' check).
        public let fisherPower: Double?
        /// n_C + n_E, the patients in the trial.
        public var patients: Int { controlPatients + experimentalPatients }
    }

    /// Fisher's test's size and exact power with `control` control patients.
    public func fisher(controlPatients control: Int) throws(DesignError) -> Characteristics {
        let experimental = experimentalPatients(control: control)
        let exact = try FisherExactPower.evaluate(
            control: control, experimental: experimental, p0: p0, p1: p1,
            tailAlpha: rates.tailAlpha)
        return Characteristics(
            controlPatients: control, experimentalPatients: experimental, attainedAlpha: exact.alpha,
            attainedPower: exact.power, fisherPower: exact.power)
    }

    /// One method's answer.
    public struct Answer: Sendable, Equatable {
        /// The method that sized this answer.
        public let method: TwoProportionsMethod
        /// The control patients before rounding (normal methods).
        public let unroundedControl: Double?
        /// The first n meeting the power (for the normal methods, the rounded answer).
        public let first: Characteristics
        /// The first n from which every n up to `horizon` meets it (Fisher); equal to `first` otherwise.
        public let stable: Characteristics
        /// Fisher's test: the largest control n checked for ``stable``, first + max(20, first/4), at most
        /// ``TwoProportions/maximumFisherPatientsPerArm``; nil for the normal methods.
        public let horizon: Int?
    }

    /// The answer of `method`.
    public func solve(_ method: TwoProportionsMethod) throws(DesignError) -> Answer {
        switch method {
        case .normal, .continuity:
            let unrounded = method == .normal ? normalControlPatients() : continuityControlPatients()
            let control = max(1, Int((unrounded - 1e-9).rounded(.up)))
            let power = try approximatePower(controlPatients: control, corrected: method == .continuity)
            // Each arm rounded up from its unrounded share (rpact, clinfun).
            let experimental = max(1, Int((allocation * unrounded - 1e-9).rounded(.up)))
            let exact = try fisherIfAffordable(control, experimental)
            let c = Characteristics(
                controlPatients: control, experimentalPatients: experimental,
                attainedAlpha: exact?.alpha ?? rates.tailAlpha, attainedPower: power, fisherPower: exact?.power)
            return Answer(method: method, unroundedControl: unrounded, first: c, stable: c, horizon: nil)
        case .fisher:
            let guess = continuityControlPatients()
            guard guess * max(1, allocation) <= Double(Self.maximumFisherPatientsPerArm) else {
                throw DesignError(
                    parameter: "method",
                    requirement:
                        "normal or continuity when an arm needs more than \(Self.maximumFisherPatientsPerArm) patients (\(DesignError.approximateCount(guess * max(1, allocation))) here; Fisher's exact power costs n² per n)",
                    value: "fisher")
            }
            var cache: [Int: Characteristics] = [:]
            func meets(_ n: Int) throws(DesignError) -> Bool {
                let c = try fisher(controlPatients: n)
                cache[n] = c
                return c.attainedPower >= rates.power * (1 - 1e-12)
            }
            let cap = Self.maximumFisherPatientsPerArm
            // Exact power at half the normal approximation's n is far below any target (about
            // Φ(0.71 (z_α + z_β) − z_α)), so the scan starts there; from 1 if that n already meets it.
            var start = max(1, Int(normalControlPatients() / 2))
            if start > 1, try meets(start) { start = 1 }
            var first: Int?
            for n in start...cap where try meets(n) { first = n; break }
            guard let first else {
                throw DesignError(
                    parameter: "p1", requirement: "reachable by Fisher's exact test within \(cap) control patients", value: p1)
            }
            let horizon = min(cap, first + max(20, first / 4))
            var stable = first
            for n in stride(from: horizon, through: first, by: -1) {
                guard try meets(n) else { break }
                stable = n
            }
            guard let a = cache[first], let b = cache[stable] else { throw DesignError(numericalFailure: "Fisher search cache") }
            return Answer(method: .fisher, unroundedControl: nil, first: a, stable: b, horizon: horizon)
        }
    }

    /// Fisher's size and exact power when the arms are small enough to enumerate quickly.
    private func fisherIfAffordable(_ control: Int, _ experimental: Int) throws(DesignError) -> (alpha: Double, power: Double)? {
        guard max(control, experimental) <= Self.maximumFisherPatientsPerArm * 2 else { return nil }
        return try FisherExactPower.evaluate(control: control, experimental: experimental, p0: p0, p1: p1, tailAlpha: rates.tailAlpha)
    }
}
