import Probability
import RealModule

/// A randomized two-arm comparison of survival by the log-rank test, under exponential
/// survival and proportional hazards.
///
/// The control arm has median m_C (hazard λ_C = ln 2 / m_C); the experimental arm has hazard
/// λ_E = h · λ_C (h < 1: longer survival). `allocation` r is the number of experimental patients
/// per control patient, so the arms hold the shares Q_E = r/(1 + r) and Q_C = 1/(1 + r).
///
/// Each arm's probability of an observed event, under uniform accrual over [0, A], analysis at
/// A + F and exponential loss at rate η, is ``EventProbability/exponential(rate:lossRate:accrual:followUp:)``
/// (Lachin & Foulkes 1986); with `--dropout q` a fraction q of patients contributes nothing
/// (n is inflated by 1/(1 − q)). The expected events of N patients are
/// D(N) = N (1 − q) (Q_C P_C + Q_E P_E).
public struct TwoArmSurvival: Sendable, Equatable {
    /// m_C, the control arm's median survival, in the time unit of the accrual and follow-up.
    public let controlMedian: Double
    /// h = λ_E / λ_C.
    public let hazardRatio: Double
    /// r = experimental patients per control patient.
    public let allocation: Double
    /// The nominal α, the target power and the sidedness; a one-sided test looks in the direction of the effect.
    public let rates: ErrorRates
    /// How long patients are followed: until the event, or uniform accrual (a period or a rate) and
    /// follow-up after the last entry (``FollowUp``).
    public let followUp: FollowUp
    /// Loss to follow-up, the same in both arms: none, an exponential loss rate η, or a dropout fraction q contributing nothing (``Loss``).
    public let loss: Loss

    /// The allocation ratios accepted.
    public static let allocationRange: ClosedRange<Double> = 0.01...100
    /// The hazard ratios accepted (other than 1).
    public static let hazardRatioRange: ClosedRange<Double> = 0.001...1000

    /// - Throws: ``DesignError`` naming the parameter: a control median outside
    ///   [1e-300, 1e300], a hazard ratio of 1 or outside [0.001, 1000], an allocation outside
    ///   [0.01, 100], invalid accrual, follow-up or loss.
    public init(
        controlMedian: Double, hazardRatio: Double, allocation: Double = 1, rates: ErrorRates,
        followUp: FollowUp = .untilEvent, loss: Loss = .none
    ) throws(DesignError) {
        try Validate.positive(controlMedian, "control-median")
        guard SurvivalSetting.controlMedianRange.contains(controlMedian) else {
            throw DesignError(parameter: "control-median", requirement: "in [1e-300, 1e300] (in any time unit)", value: controlMedian)
        }
        guard hazardRatio.isFinite, Self.hazardRatioRange.contains(hazardRatio), abs(hazardRatio - 1) > 1e-9 else {
            throw DesignError(parameter: "hazard-ratio", requirement: "in [0.001, 1000] and not 1", value: hazardRatio)
        }
        try TwoArmParameters.allocation.validate(allocation)
        try followUp.validate()
        try loss.validate()
        self.controlMedian = controlMedian
        self.hazardRatio = hazardRatio
        self.allocation = allocation
        self.rates = rates
        self.followUp = followUp
        self.loss = loss
    }

    /// An unchecked copy with another hazard ratio (the detectable-hazard-ratio search).
    func with(hazardRatio h: Double) -> TwoArmSurvival { TwoArmSurvival(unchecked: self, hazardRatio: h) }

    private init(unchecked other: TwoArmSurvival, hazardRatio: Double) {
        controlMedian = other.controlMedian
        self.hazardRatio = hazardRatio
        allocation = other.allocation
        rates = other.rates
        followUp = other.followUp
        loss = other.loss
    }

    /// Q_E = r/(1 + r).
    public var experimentalShare: Double { allocation / (1 + allocation) }
    /// Q_C = 1/(1 + r).
    public var controlShare: Double { 1 / (1 + allocation) }
    /// λ_C = ln 2 / m_C.
    public var controlHazard: Double { Double.log(2) / controlMedian }
    /// λ_E = h λ_C.
    public var experimentalHazard: Double { hazardRatio * controlHazard }
    /// m_E = m_C / h.
    public var experimentalMedian: Double { controlMedian / hazardRatio }

    /// The probability that a patient with event hazard `hazard` has the event observed, when
    /// `patients` patients are enrolled (which fixes the accrual period under an accrual rate).
    public func eventProbability(hazard: Double, patients: Double) -> Double {
        let periods = followUp.observation(patients: patients)
        return EventProbability.exponential(rate: hazard, lossRate: loss.rate, accrual: periods?.accrual, followUp: periods?.followUp)
    }

    /// (P_C, P_E): each arm's probability of an observed event.
    public func armEventProbabilities(patients: Double) -> (control: Double, experimental: Double) {
        (eventProbability(hazard: controlHazard, patients: patients), eventProbability(hazard: experimentalHazard, patients: patients))
    }

    /// D(N) = N (1 − q) (Q_C P_C + Q_E P_E).
    public func expectedEvents(patients: Double) -> Double {
        let p = armEventProbabilities(patients: patients)
        return patients * loss.retained * (controlShare * p.control + experimentalShare * p.experimental)
    }

    /// The events a method needs for the target power (unrounded): Schoenfeld's and Freedman's
    /// formulas (see ``TwoArmSurvivalMethod``), with z₁₋α/2 for a two-sided test.
    public func requiredEvents(_ method: TwoArmSurvivalMethod) throws(DesignError) -> Double {
        let z = try zSum()
        let r = allocation, h = hazardRatio
        switch method {
        case .schoenfeld:
            let logH = Double.log(h)
            return z * z * (1 + r) * (1 + r) / (r * logH * logH)
        case .freedman:
            return z * z * (1 + r * h) * (1 + r * h) / (r * (1 - h) * (1 - h))
        case .lachinFoulkes:
            return expectedEvents(patients: try lachinFoulkesPatients())
        }
    }

    /// The power at `events` observed events (Schoenfeld, Freedman):
    /// Φ(√(r D) |ln h| / (1 + r) − z) or Φ(√(r D) |1 − h| / (1 + r h) − z) (+ the far tail, two-sided).
    public func power(events: Double, method: TwoArmSurvivalMethod) throws(DesignError) -> Double {
        let r = allocation, h = hazardRatio
        let shift: Double
        switch method {
        case .schoenfeld: shift = (r * events).squareRoot() * abs(Double.log(h)) / (1 + r)
        case .freedman: shift = (r * events).squareRoot() * abs(1 - h) / (1 + r * h)
        case .lachinFoulkes:
            preconditionFailure("Lachin-Foulkes power is a function of patients: power(patients:method:)")
        }
        return try Self.normalPower(shift: shift, rates: rates)
    }

    /// The power with `patients` enrolled: at the expected events for Schoenfeld and Freedman;
    /// Lachin & Foulkes's Φ((√N′ |ln h| − z σ₀) / σ₁) with N′ = N (1 − q) contributing patients.
    public func power(patients: Double, method: TwoArmSurvivalMethod) throws(DesignError) -> Double {
        if method.sizesEvents { return try power(events: expectedEvents(patients: patients), method: method) }
        let (s0, s1) = lachinFoulkesSpreads(patients: patients)
        let root = (patients * loss.retained).squareRoot()
        return try Self.normalPower(shift: abs(Double.log(hazardRatio)), nullSpread: s0 / root, alternativeSpread: s1 / root, rates: rates)
    }

    /// ``NormalTestPower`` with the design layer's one error type:
    /// Φ((Δ − z s₀)/s₁) [+ Φ((−Δ − z s₀)/s₁) two-sided].
    static func normalPower(
        shift: Double, nullSpread: Double = 1, alternativeSpread: Double = 1,
        rates: ErrorRates
    ) throws(DesignError) -> Double {
        try DesignError.numerics { () throws(ProbabilityError) in
            let z = try Normal.standard.upperQuantile(rates.tailAlpha)
            var power = try Normal.standard.survival((z * nullSpread - shift) / alternativeSpread)
            if rates.sides == .twoSided { power += try Normal.standard.cdf((-z * nullSpread - shift) / alternativeSpread) }
            return min(power, 1)
        }
    }

    /// Lachin & Foulkes's standard deviations of √N′ · ln ĥ:
    /// σ₀² = (1/Q_C + 1/Q_E) / P(λ̄) at the pooled hazard λ̄ = Q_C λ_C + Q_E λ_E (H₀), and
    /// σ₁² = 1/(Q_C P_C) + 1/(Q_E P_E) (H₁).
    func lachinFoulkesSpreads(patients: Double) -> (null: Double, alternative: Double) {
        let qc = controlShare, qe = experimentalShare
        let pooled = eventProbability(hazard: qc * controlHazard + qe * experimentalHazard, patients: patients)
        let p = armEventProbabilities(patients: patients)
        return (((1 / qc + 1 / qe) / pooled).squareRoot(), (1 / (qc * p.control) + 1 / (qe * p.experimental)).squareRoot())
    }

    /// z₁₋α(/2) + z₁₋β.
    private func zSum() throws(DesignError) -> Double {
        try DesignError.numerics { () throws(ProbabilityError) in
            try Normal.standard.upperQuantile(rates.tailAlpha) + Normal.standard.upperQuantile(rates.beta)
        }
    }

    /// Lachin & Foulkes's patients (before the dropout inflation is undone: total enrolled N,
    /// real): the N solving √(N (1 − q)) |ln h| = z₁₋α σ₀ + z₁₋β σ₁, by root finding when the
    /// accrual period depends on N.
    func lachinFoulkesPatients() throws(DesignError) -> Double {
        let za = try DesignError.numerics { () throws(ProbabilityError) in try Normal.standard.upperQuantile(rates.tailAlpha) }
        let zb = try DesignError.numerics { () throws(ProbabilityError) in try Normal.standard.upperQuantile(rates.beta) }
        let logH = abs(Double.log(hazardRatio))
        func needed(_ n: Double) -> Double {
            let (s0, s1) = lachinFoulkesSpreads(patients: n)
            let root = (za * s0 + zb * s1) / logH
            return root * root / loss.retained
        }
        guard followUp.dependsOnPatients else { return needed(1) }
        return try patientsSolving { n in n - needed(n) }
    }

    /// The total patients N (real) whose expected events reach `events`.
    public func patients(forEvents events: Double) throws(DesignError) -> Double {
        guard followUp.dependsOnPatients else { return events / expectedEvents(patients: 1) }
        return try patientsSolving { n in expectedEvents(patients: n) - events }
    }

    /// The root of an increasing `gap` over [1e-9, cap], or a refusal when even the cap falls short.
    private func patientsSolving(_ gap: @escaping (Double) -> Double) throws(DesignError) -> Double {
        let cap = Double(TwoArmSurvivalSolver.maximumPatients) * 4
        guard gap(cap) >= 0 else { throw TwoArmSurvivalSolver.tooManyPatients(self) }
        do {
            return try RootFinding.brent(in: 1e-9...cap, relativeTolerance: 1e-12) { gap($0) }
        } catch let error as ProbabilityError {
            throw DesignError(error)
        } catch {
            throw DesignError(ProbabilityError.nonFinite(function: "TwoArmSurvival.patientsSolving", detail: "\(error)"))
        }
    }
}
