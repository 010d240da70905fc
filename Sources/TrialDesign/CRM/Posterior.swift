import Probability
import RealModule

/// The posterior of the CRM's parameter β, by adaptive quadrature (QUADPACK's QAGI through
/// `Quadrature`), for the next-dose recommendation.
///
/// Prior β ~ N(0, σ²) (σ² = 1.34 by default, as dfcrm). Likelihood (O'Quigley, Pepe & Fisher 1990;
/// TITE weights w_i from Cheung & Chappell 2000):
///
///     L(β) = Π_i p_{d_i}(β)^{y_i} · (1 − w_i·p_{d_i}(β))^{1 − y_i}.
///
/// Every integral is ∫ g(β)·exp(h(β) − c) dβ with h = ln L − β²/(2σ²) and c = max h over a grid, so
/// nothing underflows however much data there is; normalising constants cancel in the ratios.
public struct CRMPosterior: Sendable, Equatable {
    /// E[β | data].
    public let betaMean: Double
    /// sd[β | data].
    public let betaStandardDeviation: Double
    /// p_k(E[β | data]): the plug-in estimates CRM's dose rule uses (as dfcrm).
    public let plugInEstimates: [Double]
    /// E[p_k(β) | data].
    public let posteriorMeans: [Double]
    /// Equal-tailed posterior probability intervals for p_k, from the posterior quantiles of β
    /// (p_k decreases in β, so its q-quantile is p_k at β's (1 − q)-quantile).
    public let intervals: [ClosedInterval]
    /// The probability each interval holds.
    public let intervalLevel: Double
    /// P(p_k > target | data) for each level, when a target was given: the posterior mass of
    /// β below the level's threshold (``DoseToxicityModel/betaThreshold(_:probability:)``).
    public let aboveTarget: [Double]?

    /// A posterior probability interval for one level's DLT probability p_k.
    public struct ClosedInterval: Sendable, Equatable, Codable {
        /// The lower end: p_k at the upper quantile of β.
        public let lower: Double
        /// The upper end: p_k at the lower quantile of β.
        public let upper: Double
    }

    /// The default prior variance of β (dfcrm's `scale = sqrt(1.34)`).
    public static let defaultPriorVariance = 1.34
    /// The largest prior variance accepted: beyond it the prior on p_k piles up at 0 and 1.
    public static let maximumPriorVariance = 100.0
    /// The smallest prior variance accepted (a prior sd of β of 0.1): below about 1e-8 the posterior
    /// is a spike that QUADPACK cannot integrate over the whole line, and no design uses less.
    public static let minimumPriorVariance = 0.01

    /// Checks a prior variance σ² of β.
    /// - Throws: ``InvalidInput`` (`prior-variance`) unless it is in [``minimumPriorVariance``, ``maximumPriorVariance``].
    public static func validatePriorVariance(_ variance: Double) throws(InvalidInput) {
        guard variance.isFinite, variance >= minimumPriorVariance, variance <= maximumPriorVariance else {
            throw InvalidInput(parameter: "prior-variance", requirement: "in [0.01, 100]", value: variance)
        }
    }

    /// - Throws: ``InvalidInput`` (`prior-variance`, `credibility`); a numerical failure if the quadrature fails.
    public init(
        model: DoseToxicityModel, data: CRMData, priorVariance: Double = defaultPriorVariance,
        intervalLevel: Double = 0.9, target: Double? = nil
    ) throws(DesignError) {
        do {
            try self.init(
                computing: model, data: data, priorVariance: priorVariance, intervalLevel: intervalLevel, target: target)
        } catch {
            throw DesignError.wrapping(error)
        }
    }

    private init(
        computing model: DoseToxicityModel, data: CRMData, priorVariance: Double, intervalLevel: Double, target: Double?
    ) throws {
        try Self.validatePriorVariance(priorVariance)
        try Validate.probability(intervalLevel, "credibility")
        let logIntegrand = Self.logIntegrand(model: model, data: data, priorVariance: priorVariance)
        // Scale by the maximum of h on a fine grid over ±12 prior standard deviations.
        let reach = 12 * priorVariance.squareRoot()
        var peak = -Double.infinity
        var peakBeta = 0.0
        for i in 0...2400 {
            let beta = -reach + 2 * reach * Double(i) / 2400
            let h = logIntegrand(beta)
            if h > peak { peak = h; peakBeta = beta }
        }
        let c = peak
        let weight = { (beta: Double) -> Double in Double.exp(logIntegrand(beta) - c) }
        func integral(_ g: @escaping (Double) -> Double) throws -> Double {
            // The weight peaks at 1, so its integrals are O(σ); an absolute tolerance of 1e-14 lets an
            // integral that is nearly 0 (the posterior mean of β close to 0) converge, where a purely
            // relative one ended in GSL's roundoff error (levels 5,2,2,2 with dlt 1,0,0,0).
            try Quadrature.integrate(
                over: -Double.infinity...Double.infinity, absoluteTolerance: 1e-14,
                relativeTolerance: 1e-12
            ) { g($0) * weight($0) }.value
        }
        let mass = try integral { _ in 1 }
        let mean = try integral { $0 } / mass
        let second = try integral { ($0 - mean) * ($0 - mean) } / mass
        betaMean = mean
        betaStandardDeviation = max(second, 0).squareRoot()
        plugInEstimates = model.probabilities(beta: mean)
        var means: [Double] = []
        for k in 0..<model.levels {
            means.append(try integral { model.probability(k, beta: $0) } / mass)
        }
        posteriorMeans = means
        // The posterior CDF of β (QAGIL on (−∞, b]); its quantiles by Brent.
        func cdf(_ b: Double) throws -> Double {
            if b == -.infinity { return 0 }
            if b == .infinity { return 1 }
            return min(
                max(
                    try Quadrature.integrate(over: -Double.infinity...b, absoluteTolerance: 0, relativeTolerance: 1e-12) {
                        weight($0)
                    }.value / mass, 0), 1)
        }
        let sd = max(betaStandardDeviation, 1e-6)
        func quantile(_ q: Double) throws -> Double {
            let cdfGap = { (b: Double) throws -> Double in try cdf(b) - q }
            let start = peakBeta.isFinite ? mean : 0
            let bracket = try RootFinding.bracket(from: start, initialStep: try cdfGap(start) < 0 ? sd : -sd, cdfGap)
            return try RootFinding.brent(in: bracket, absoluteTolerance: 1e-10, relativeTolerance: 0, cdfGap)
        }
        let tail = (1 - intervalLevel) / 2
        let betaLow = try quantile(tail)
        let betaHigh = try quantile(1 - tail)
        intervals = (0..<model.levels).map { k in
            ClosedInterval(lower: model.probability(k, beta: betaHigh), upper: model.probability(k, beta: betaLow))
        }
        self.intervalLevel = intervalLevel
        if let target {
            aboveTarget = try (0..<model.levels).map { k in
                guard let threshold = model.betaThreshold(k, probability: target) else { return 0 }
                return try cdf(threshold)
            }
        } else {
            aboveTarget = nil
        }
    }

    /// h(β) = ln L(β) − β²/(2σ²).
    static func logIntegrand(model: DoseToxicityModel, data: CRMData, priorVariance: Double) -> @Sendable (Double) -> Double {
        let levels = data.levels, dlt = data.dlt, weights = data.weights
        return { beta in
            var total = -beta * beta / (2 * priorVariance)
            for i in levels.indices {
                let k = levels[i] - 1
                if dlt[i] {
                    total += model.logProbabilities(k, beta: beta).dlt
                } else if weights[i] >= 1 {
                    total += model.logProbabilities(k, beta: beta).noDLT
                } else if weights[i] > 0 {
                    total += Double.log(onePlus: -weights[i] * model.probability(k, beta: beta))
                }
            }
            return total
        }
    }
}
