import Probability

/// A two-stage design in Simon's (Control Clin Trials 1989;10:1-10) notation.
///
/// Treat n1 patients; stop for futility when responses ≤ r1. Otherwise treat n − n1 more and
/// reject H0: p ≤ p0 (declare the drug promising) when total responses > r.
public struct SimonDesign: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The stage-1 futility boundary: the trial stops after stage 1 when at most r1 of the n1 patients respond.
    public let r1: Int
    /// The number of patients treated in stage 1.
    public let n1: Int
    /// The final boundary: H0 is rejected when more than r of all n patients respond (responses > r, not ≥ r).
    public let r: Int
    /// The total number of patients when the trial goes on to stage 2 (its maximum size); stage 2 treats n − n1.
    public let n: Int

    /// - Throws: ``InvalidInput`` (parameter `design`) unless 0 ≤ r1 < n1 < n ≤ cap and r1 ≤ r < n.
    public init(r1: Int, n1: Int, r: Int, n: Int) throws(InvalidInput) {
        let text = "\(r1)/\(n1),\(r)/\(n)"
        guard n1 >= 1, n > n1, n <= SimonTwoStage.maximumPatients, r1 >= 0, r1 < n1, r >= r1, r < n else {
            throw InvalidInput(
                parameter: "design",
                requirement: "r1/n1,r/n with 0 <= r1 < n1 < n <= \(SimonTwoStage.maximumPatients) and r1 <= r < n",
                value: text)
        }
        self.init(unchecked: r1, n1, r, n)
    }

    init(unchecked r1: Int, _ n1: Int, _ r: Int, _ n: Int) {
        self.r1 = r1
        self.n1 = n1
        self.r = r
        self.n = n
    }

    /// Parses `r1/n1,r/n`, as Simon's tables print a design.
    public init(parsing text: String) throws(InvalidInput) {
        let numbers = text.split(whereSeparator: { $0 == "/" || $0 == "," || $0 == " " }).map { Int($0) }
        guard numbers.count == 4, let r1 = numbers[0], let n1 = numbers[1], let r = numbers[2], let n = numbers[3] else {
            throw InvalidInput(parameter: "design", requirement: "of the form r1/n1,r/n such as 1/10,5/29", value: text)
        }
        try self.init(r1: r1, n1: n1, r: r, n: n)
    }

    public var description: String { "\(r1)/\(n1), \(r)/\(n)" }
}

/// A design's operating characteristics at p0 and p1.
public struct SimonCharacteristics: Sendable, Equatable, Codable {
    /// The stage-1 futility boundary: stop when at most r1 of the n1 stage-1 patients respond.
    public let r1: Int
    /// The number of patients in stage 1.
    public let n1: Int
    /// The final boundary: reject H0 when more than r of all n patients respond.
    public let r: Int
    /// The maximum number of patients: n1 in stage 1 plus n − n1 in stage 2.
    public let n: Int
    /// Expected sample size and probability of early termination under p0 (and p1).
    public let enP0: Double
    /// PET(p0) = P(at most r1 responses among n1 | p0): the probability of stopping after stage 1 when the drug is of no interest.
    public let petP0: Double
    /// EN(p1) = n1 + (1 − PET(p1))(n − n1): the expected number of patients (a mean, not rounded) when the response rate is p1.
    public let enP1: Double
    /// PET(p1): the probability of stopping after stage 1 although the response rate is p1.
    public let petP1: Double
    /// P(reject H0 | p0) and P(reject H0 | p1).
    public let attainedAlpha: Double
    /// P(reject H0 | p1), exact: at least the target power for a searched design; a design given with `--design` may fall short.
    public let attainedPower: Double

    /// The design r1/n1, r/n alone, without its characteristics.
    public var design: SimonDesign { SimonDesign(unchecked: r1, n1, r, n) }
}

extension SimonDesign {
    /// The probability of rejecting H0 when the response rate is p, and the probability of
    /// stopping after stage 1 (Simon 1989, eq. 1):
    ///
    ///     P(reject) = Σ_{x1 = r1+1}^{n1} b(x1; n1, p) · P(X2 > r − x1),  X2 ~ Bin(n − n1, p),
    ///     PET = B(r1; n1, p).
    ///
    /// Computed directly from GSL's binomial mass and tails (no truncation): the forward
    /// function that checks every searched design and draws its curves.
    public func rejection(at p: Double) throws(DesignError) -> (reject: Double, pet: Double) {
        try DesignError.numerics { () throws(ProbabilityError) in
            let stage1 = try Binomial(trials: n1, probability: p)
            let stage2 = try Binomial(trials: n - n1, probability: p)
            var reject = 0.0
            for x1 in (r1 + 1)...n1 { reject += stage1.mass(x1) * stage2.survival(r - x1) }
            return (reject, stage1.cdf(r1))
        }
    }

    /// EN, PET, attained alpha and power at p0 and p1.
    public func characteristics(p0: Double, p1: Double) throws(DesignError) -> SimonCharacteristics {
        try designErrors {
            let null = try rejection(at: p0), alternative = try rejection(at: p1)
            let n2 = Double(n - n1)
            return SimonCharacteristics(
                r1: r1, n1: n1, r: r, n: n,
                enP0: Double(n1) + (1 - null.pet) * n2, petP0: null.pet,
                enP1: Double(n1) + (1 - alternative.pet) * n2, petP1: alternative.pet,
                attainedAlpha: null.reject, attainedPower: alternative.reject)
        }
    }
}

extension SimonDesign {
    /// The operating-characteristic curve: P(reject H0) and PET at `points` + 1 response rates
    /// evenly spaced over `rates` (both ends included), from ``rejection(at:)``.
    public func operatingCharacteristic(over rates: ClosedRange<Double> = 0...1, points: Int = 100)
        throws(DesignError) -> [(p: Double, reject: Double, pet: Double)]
    {
        let count = max(points, 1)
        return try (0...count).map { (k: Int) throws(DesignError) -> (p: Double, reject: Double, pet: Double) in
            let p = rates.lowerBound + (rates.upperBound - rates.lowerBound) * Double(k) / Double(count)
            let value = try rejection(at: min(max(p, 0), 1))
            return (p, value.reject, value.pet)
        }
    }
}
