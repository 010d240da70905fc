import Probability
import RealModule

/// Exact size and power of each method's test when every patient is followed to the event.
///
/// With no accrual cut-off and no loss rate, each of n patients either drops out at entry
/// (probability q, `--dropout`) or is followed to the event, so D ~ Binomial(n, 1 − q) and,
/// given D ≥ 1, S = 2λ₀T has S · λ/λ₀ ~ χ²(2D) (Epstein & Sobel 1953). Every method's test
/// statistic is a monotone function of S for fixed D, so its rejection region is S > s⁺ or
/// S < s⁻, and its exact rejection probability is a finite sum of χ² tail areas:
///
/// * exact:          s± = χ²₂D quantiles;
/// * log-hazard:     z = √D · ln(S/2D), so s± = 2D · exp(±z/√D);
/// * cube-root:      z = [(S/2D)^(1/3) − (1 − c)]/√c, c = 1/(9D), so s± = 2D (1 − c ± z√c)³;
/// * Lachin–Foulkes: z = √(n(1 − q)) (1 − 2D/S), so s± = 2D / (1 ∓ z/√(n(1 − q)));
/// * log-rank:       z = (E − O)/√E with E = S/2, O = D, so s± = 2 ((±z + √(z² + 4D))/2)².
///
/// With D = 0 (everyone dropped out) nothing is observed and no test rejects. This is what the
/// simulation must agree with, within Monte Carlo error, in this setting.
public enum UncensoredCharacteristics {
    /// The exact size and power of one method's test with a given number of patients, all followed to the event.
    public struct Result: Sendable, Equatable, Codable {
        /// The exact probability of rejecting H₀ when H₀ holds.
        public let typeIError: Double
        /// The exact probability of rejecting H₀ under the alternative.
        public let power: Double
    }

    /// nil unless every patient is followed to the event with no loss rate (the exponential model).
    static func evaluate(_ design: SingleArmSurvival, method: SurvivalMethod, patients: Int, events: Int?) throws -> Result? {
        guard design.setting.followUp == .untilEvent, design.setting.loss.rate == 0, design.setting.isExponential else { return nil }
        return try characteristics(design, method: method, patients: patients)
    }

    /// The exact size and power with `patients` patients.
    public static func characteristics(_ design: SingleArmSurvival, method: SurvivalMethod, patients: Int) throws(DesignError) -> Result {
        try designErrors {
            let retained = design.setting.loss.retained
            let weights: [(events: Int, weight: Double)]
            if retained == 1 {
                weights = [(patients, 1)]
            } else {
                let binomial = try Binomial(trials: patients, probability: retained)
                weights = (1...patients).map { ($0, binomial.mass($0)) }.filter { $0.weight > 1e-300 }
            }
            let nullEvents = try design.expectedEvents(patients: Double(patients), underNull: true)
            var size = 0.0
            var power = 0.0
            for (d, weight) in weights {
                let region = try rejectionRegion(method: method, events: d, nullEvents: nullEvents, design: design)
                size += weight * (try region.probability(hazardRatio: 1))
                power += weight * (try region.probability(hazardRatio: design.hazardRatio))
            }
            return Result(typeIError: min(size, 1), power: min(power, 1))
        }
    }

    /// Where the test rejects, in terms of S = 2λ₀T with `events` events observed.
    public struct RejectionRegion: Sendable {
        /// The events observed, D.
        public let events: Int
        /// Reject when S > upper (nil: that tail is not tested or unreachable).
        public let upper: Double?
        /// Reject when S < lower.
        public let lower: Double?

        /// P(reject) when the true hazard is ρ · λ₀: S · ρ ~ χ²(2D).
        public func probability(hazardRatio rho: Double) throws(DesignError) -> Double {
            try designErrors {
                guard events > 0 else { return 0 }  // nothing observed: no time at risk either
                let chi = try ChiSquared(degreesOfFreedom: 2 * Double(events))
                var p = 0.0
                if let upper { p += try chi.survival(rho * upper) }
                if let lower, lower > 0 { p += try chi.cdf(rho * lower) }
                return p
            }
        }
    }

    /// The rejection region of `method`'s test statistic (the same one the simulation uses),
    /// with `events` observed; `nullEvents` = n(1 − q)φ(λ₀) scales the Lachin–Foulkes statistic.
    /// With no event (D = 0) the hazard estimate is 0: the exact, log-hazard and cube-root
    /// statistics are +∞ (reject for a longer median whenever any time at risk was observed),
    /// the log-rank statistic is √E, and the Lachin–Foulkes statistic is √e₀.
    public static func rejectionRegion(
        method: SurvivalMethod, events d: Int, nullEvents: Double,
        design: SingleArmSurvival
    ) throws(DesignError) -> RejectionRegion {
        try designErrors {
            let rates = design.setting.rates
            let z = try Normal.standard.upperQuantile(rates.tailAlpha)
            let testUpper = rates.sides == .twoSided || design.favoursLongerSurvival
            let testLower = rates.sides == .twoSided || !design.favoursLongerSurvival
            let events = Double(d)
            var upper: Double?
            var lower: Double?
            switch method {
            case .exact where d == 0, .logHazard where d == 0, .cubeRoot where d == 0:
                upper = 0
            case .exact:
                let c = try ExponentialExactTest.criticalValues(events: d, rates: rates)
                upper = c.upper
                lower = c.lower
            case .logHazard:
                upper = 2 * events * Double.exp(z / events.squareRoot())
                lower = 2 * events * Double.exp(-z / events.squareRoot())
            case .cubeRoot:
                let c = 1 / (9 * events)
                let hi = 1 - c + z * c.squareRoot()
                let lo = 1 - c - z * c.squareRoot()
                upper = 2 * events * hi * hi * hi
                lower = lo > 0 ? 2 * events * lo * lo * lo : nil
            case .lachinFoulkes:
                let scale = z / nullEvents.squareRoot()
                upper = scale < 1 ? 2 * events / (1 - scale) : nil
                lower = 2 * events / (1 + scale)
            case .logRank:
                let root = (z * z + 4 * events).squareRoot()
                let hi = (z + root) / 2
                let lo = (-z + root) / 2
                upper = 2 * hi * hi
                lower = 2 * lo * lo
            }
            return RejectionRegion(events: d, upper: testUpper ? upper : nil, lower: testLower ? lower : nil)
        }
    }
}
