/// Every input of the CRM commands, declared once (`crm skeleton`, `next`, `simulate`, `calibrate`).
public enum CRMParameters {
    /// The target DLT probability θ the MTD should have, in (0, 1).
    public static let target = Parameter(
        "target", label: "Target DLT probability", help: "Target DLT probability of the MTD.",
        unit: "proportion", allowed: .probability)
    /// The dose–toxicity model: `empiric` (power, the default) or `logistic` with a fixed intercept.
    public static let model = Parameter(
        "model", label: "Dose-toxicity model",
        help: "empiric (p_k = skeleton_k^exp(beta)) or logistic (fixed intercept).",
        allowed: .choice(DoseToxicityModel.Kind.allCases.map(\.rawValue)), default: "empiric")
    /// The fixed intercept a of the logistic model (default 3, as dfcrm), above logit of the highest skeleton value.
    public static let intercept = Parameter(
        "intercept", label: "Logistic intercept",
        help: "Intercept of the logistic model (ignored by empiric); above logit(highest skeleton value).",
        allowed: .real(lower: nil, lowerClosed: false, upper: nil, upperClosed: false),
        default: DesignError.describe(DoseToxicityModel.defaultIntercept))
    /// The skeleton: each level's prior guess of its DLT probability, strictly increasing inside (0, 1), level 1 first.
    public static let skeleton = Parameter(
        "skeleton", label: "Skeleton",
        help: "The prior DLT probability of each level, strictly increasing.",
        allowed: .probabilities)
    /// The half-width δ of the indifference interval θ ± δ a skeleton is calibrated for (Lee & Cheung 2009).
    public static let halfwidth = Parameter(
        "halfwidth", label: "Half-width",
        help: "Half-width delta of the indifference interval target ± delta, below min(target, 1 - target).",
        allowed: .interval(0, 0.5))
    /// The number of dose levels K of a calibrated skeleton, 2…20.
    public static let levels = Parameter(
        "levels", label: "Dose levels", help: "Number of dose levels.",
        allowed: .integer(2...DoseToxicityModel.maximumLevels))
    /// The 1-based level ν guessed a priori to be the MTD: a calibrated skeleton equals θ there.
    public static let priorMTD = Parameter(
        "prior-mtd", label: "Prior MTD level",
        help: "The level that is the prior guess of the MTD (where the skeleton equals the target); 1...levels.",
        allowed: .integer(1...DoseToxicityModel.maximumLevels))
    /// One scenario's true DLT probability at each level, to simulate under; repeatable, at most 20 scenarios.
    public static let truth = Parameter(
        "truth", label: "True DLT probabilities",
        help: "True DLT probability of each level, as many as the skeleton; repeat for more scenarios (at most 20, all the same length).",
        allowed: .probabilities, repeatable: true)
    /// Patients in each simulated trial, 1…200; every trial enrols them all (no early stopping).
    public static let patients = Parameter(
        "patients", label: "Patients per trial", help: "Patients per trial.",
        allowed: .integer(1...CRMSimulationDesign.maximumPatients))
    /// The 1-based level the first cohort of a simulated trial receives.
    public static let start = Parameter(
        "start", label: "Starting level", help: "Starting level; 1...levels.",
        allowed: .integer(1...DoseToxicityModel.maximumLevels))
    /// Patients dosed together before each dose decision (default 1), at most `patients`.
    public static let cohort = Parameter(
        "cohort", label: "Cohort size", help: "Patients per cohort (dosed together); 1...patients.",
        allowed: .integer(1...CRMSimulationDesign.maximumPatients), default: "1")
    /// Simulated trials for each scenario (default 10,000), capped by trials × patients ≤ 2 × 10⁷.
    public static let trials = Parameter(
        "trials", label: "Simulated trials",
        help: "Simulated trials (trials × patients ≤ \(CRMSimulationDesign.maximumPatientTrials)).",
        allowed: .integer(1...CRMSimulationDesign.maximumTrials), default: "10000")
    /// The prior variance σ² of β, β ~ N(0, σ²), in [0.01, 100] (default 1.34, as dfcrm).
    public static let priorVariance = Parameter(
        "prior-variance", label: "Prior variance of beta",
        help: "Prior variance of beta (dfcrm's default 1.34).",
        allowed: .interval(
            CRMPosterior.minimumPriorVariance, CRMPosterior.maximumPriorVariance,
            closedBelow: true, closedAbove: true),
        default: DesignError.describe(CRMPosterior.defaultPriorVariance))
    /// Switch: simulate TITE-CRM (staggered arrivals, DLTs spread over a window) rather than the complete-outcome CRM.
    public static let tite = Parameter(
        "tite", label: "TITE-CRM", help: "Simulate TITE-CRM: staggered arrivals and DLTs over a window.",
        allowed: .flag)
    /// TITE: the length T of the DLT observation window, in the trial's time unit, in (0, 10⁶].
    public static let window = Parameter(
        "window", label: "DLT window", help: "TITE: length of the DLT observation window.",
        unit: "time unit", allowed: .interval(0, TITESettings.maximumWindow, closedAbove: true))
    /// TITE: how patients arrive, a Poisson process (the default) or fixed gaps of 1/rate.
    public static let arrival = Parameter(
        "arrival", label: "Arrivals", help: "TITE: arrivals, poisson or fixed.",
        allowed: .choice(TITESettings.Arrival.allCases.map(\.rawValue)), default: "poisson")
    /// TITE: the accrual rate, patients per time unit, in [0.001, 1000] (default 1).
    public static let rate = Parameter(
        "rate", label: "Accrual rate", help: "TITE: patients per unit of time.",
        unit: "patients per time unit",
        allowed: .interval(
            TITESettings.rateRange.lowerBound, TITESettings.rateRange.upperBound,
            closedBelow: true, closedAbove: true), default: "1")
    /// TITE: the law of the time to a DLT within the window: uniform (the default), exponential or Weibull.
    public static let timeToDLT = Parameter(
        "time-to-dlt", label: "Time to DLT",
        help: "TITE: time to DLT within the window: uniform, exponential or weibull.",
        allowed: .choice(TITESettings.TimeToDLT.allCases.map(\.rawValue)), default: "uniform")
    /// TITE: the Weibull shape of the time to DLT with `time-to-dlt weibull`, in [0.01, 100] (default 2; above 1, DLTs come late).
    public static let shape = Parameter(
        "shape", label: "Weibull shape", help: "TITE: Weibull shape for time-to-dlt weibull.",
        allowed: .interval(
            TITESettings.shapeRange.lowerBound, TITESettings.shapeRange.upperBound,
            closedBelow: true, closedAbove: true), default: "2")
    /// TITE: how a DLT-free patient still in the window is weighted, linear (the default) or adaptive (``TITEWeighting``).
    public static let weights = Parameter(
        "weights", label: "TITE weights",
        help: "TITE weights: linear (follow-up/window) or adaptive (Cheung & Chappell 2000).",
        allowed: .choice(TITEWeighting.allCases.map(\.rawValue)), default: "linear")
    /// `crm next`: the probability each posterior interval for a DLT probability holds (default 0.9).
    public static let credibility = Parameter(
        "credibility", label: "Credibility",
        help: "Probability held by each DLT interval.", allowed: .probability, default: "0.9")
    /// `crm calibrate`: the plateau scenarios' gap Δ between θ and the true DLT probability of the other levels (default 0.1).
    public static let spacing = Parameter(
        "spacing", label: "Scenario spacing",
        help:
            "Plateau scenarios: true DLT probability target - spacing below the MTD and target + spacing above; below min(target, 1 - target).",
        allowed: .interval(0, 0.5), default: "0.1")
    /// `crm calibrate`: a grid of prior variances of β searched together with δ (replaces `prior-variance`), at most 20.
    public static let priorVariances = Parameter(
        "prior-variances", label: "Prior variances searched",
        help: "Also search the prior variance over this grid (replaces prior-variance); each in [0.01, 100], at most 20.",
        allowed: .list(
            lower: CRMPosterior.minimumPriorVariance, lowerClosed: true,
            upper: CRMPosterior.maximumPriorVariance, upperClosed: true))

    /// Switch: lift the no-skipping restriction, so escalation may go more than one level above the highest level tried.
    public static let allowSkipping = Parameter(
        "allow-skipping", label: "Allow skipping",
        help: "Allow escalation by more than one level beyond the highest level tried.", allowed: .flag)
    /// Switch: lift the restriction against escalating right after a DLT.
    public static let allowEscalationAfterDLT = Parameter(
        "allow-escalation-after-dlt", label: "Allow escalation after a DLT",
        help: "Allow escalation right after a DLT.", allowed: .flag)

    /// `crm simulate`'s parameters.
    public static let simulate = ParameterCatalog(
        "crm simulate",
        [
            target, model, intercept, skeleton, halfwidth, priorMTD, truth, patients, start, cohort, trials, CommonParameters.seed,
            CommonParameters.threads, priorVariance, tite, window, arrival, rate, timeToDLT, shape, weights, allowSkipping,
            allowEscalationAfterDLT,
        ])
    /// `crm skeleton`'s parameters.
    public static let skeletonCommand = ParameterCatalog("crm skeleton", [target, model, intercept, halfwidth, levels, priorMTD, skeleton])
    /// `crm next`'s parameters.
    public static let next = ParameterCatalog(
        "crm next",
        [
            target, model, intercept, skeleton,
            Parameter(
                "levels", label: "Dose level of each patient", help: "Each patient's dose level (1-based, in order of enrolment).",
                allowed: .list(lower: 1, lowerClosed: true, upper: Double(DoseToxicityModel.maximumLevels), upperClosed: true)),
            Parameter(
                "dlt", label: "DLT of each patient", help: "Each patient's outcome: 1 for a DLT, 0 for none.",
                allowed: .list(lower: 0, lowerClosed: true, upper: 1, upperClosed: true)),
            Parameter(
                "follow-up", label: "Follow-up of each patient",
                help: "TITE-CRM: each patient's follow-up (time to DLT for a DLT), in the window's unit; each in [0, window].",
                unit: "time unit", allowed: .list(lower: 0, lowerClosed: true, upper: nil, upperClosed: false)),
            window, weights, priorVariance, credibility, allowSkipping, allowEscalationAfterDLT,
            Parameter(
                "safety-stop", label: "Safety stopping threshold",
                help:
                    "Stop the trial when the posterior probability that even the lowest dose's DLT rate exceeds the target is above this (0.9 is common); no rule when left out.",
                allowed: .interval(0.5, 1)),
        ])
    /// `crm calibrate`'s parameters.
    public static let calibrate = ParameterCatalog(
        "crm calibrate",
        [
            target, model, intercept, levels, priorMTD, patients, start, cohort, priorVariance, priorVariances, spacing,
            Parameter(
                "trials", label: "Simulated trials per scenario", help: "Simulated trials per scenario and half-width.",
                allowed: .integer(1...CRMCalibration.maximumTrialsPerScenario), default: "2000"),
            CommonParameters.seed, CommonParameters.threads, allowSkipping, allowEscalationAfterDLT,
        ])
}
