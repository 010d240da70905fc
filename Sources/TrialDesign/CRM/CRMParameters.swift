/// Every input of the CRM commands, declared once (`crm skeleton`, `next`, `simulate`, `calibrate`).
public enum CRMParameters {
    public static let target = Parameter(
        "target", label: "Target DLT probability", help: "Target DLT probability of the MTD.",
        unit: "proportion", allowed: .probability)
    public static let model = Parameter(
        "model", label: "Dose-toxicity model",
        help: "empiric (p_k = skeleton_k^exp(beta)) or logistic (fixed intercept).",
        allowed: .choice(DoseToxicityModel.Kind.allCases.map(\.rawValue)), default: "empiric")
    public static let intercept = Parameter(
        "intercept", label: "Logistic intercept",
        help: "Intercept of the logistic model (ignored by empiric); above logit(highest skeleton value).",
        allowed: .real(lower: nil, lowerClosed: false, upper: nil, upperClosed: false),
        default: DesignError.describe(DoseToxicityModel.defaultIntercept))
    public static let skeleton = Parameter(
        "skeleton", label: "Skeleton",
        help: "The prior DLT probability of each level, strictly increasing.",
        allowed: .probabilities)
    public static let halfwidth = Parameter(
        "halfwidth", label: "Half-width",
        help: "Half-width delta of the indifference interval target ± delta, below min(target, 1 - target).",
        allowed: .interval(0, 0.5))
    public static let levels = Parameter(
        "levels", label: "Dose levels", help: "Number of dose levels.",
        allowed: .integer(2...DoseToxicityModel.maximumLevels))
    public static let priorMTD = Parameter(
        "prior-mtd", label: "Prior MTD level",
        help: "The level that is the prior guess of the MTD (where the skeleton equals the target); 1...levels.",
        allowed: .integer(1...DoseToxicityModel.maximumLevels))
    public static let truth = Parameter(
        "truth", label: "True DLT probabilities",
        help: "True DLT probability of each level, as many as the skeleton; repeat for more scenarios (at most 20, all the same length).",
        allowed: .probabilities, repeatable: true)
    public static let patients = Parameter(
        "patients", label: "Patients per trial", help: "Patients per trial.",
        allowed: .integer(1...CRMSimulationDesign.maximumPatients))
    public static let start = Parameter(
        "start", label: "Starting level", help: "Starting level; 1...levels.",
        allowed: .integer(1...DoseToxicityModel.maximumLevels))
    public static let cohort = Parameter(
        "cohort", label: "Cohort size", help: "Patients per cohort (dosed together); 1...patients.",
        allowed: .integer(1...CRMSimulationDesign.maximumPatients), default: "1")
    public static let trials = Parameter(
        "trials", label: "Simulated trials",
        help: "Simulated trials (trials × patients ≤ \(CRMSimulationDesign.maximumPatientTrials)).",
        allowed: .integer(1...CRMSimulationDesign.maximumTrials), default: "10000")
    public static let priorVariance = Parameter(
        "prior-variance", label: "Prior variance of beta",
        help: "Prior variance of beta (dfcrm's default 1.34).",
        allowed: .interval(
            CRMPosterior.minimumPriorVariance, CRMPosterior.maximumPriorVariance,
            closedBelow: true, closedAbove: true),
        default: DesignError.describe(CRMPosterior.defaultPriorVariance))
    public static let tite = Parameter(
        "tite", label: "TITE-CRM", help: "Simulate TITE-CRM: staggered arrivals and DLTs over a window.",
        allowed: .flag)
    public static let window = Parameter(
        "window", label: "DLT window", help: "TITE: length of the DLT observation window.",
        unit: "time unit", allowed: .interval(0, TITESettings.maximumWindow, closedAbove: true))
    public static let arrival = Parameter(
        "arrival", label: "Arrivals", help: "TITE: arrivals, poisson or fixed.",
        allowed: .choice(TITESettings.Arrival.allCases.map(\.rawValue)), default: "poisson")
    public static let rate = Parameter(
        "rate", label: "Accrual rate", help: "TITE: patients per unit of time.",
        unit: "patients per time unit",
        allowed: .interval(
            TITESettings.rateRange.lowerBound, TITESettings.rateRange.upperBound,
            closedBelow: true, closedAbove: true), default: "1")
    public static let timeToDLT = Parameter(
        "time-to-dlt", label: "Time to DLT",
        help: "TITE: time to DLT within the window: uniform, exponential or weibull.",
        allowed: .choice(TITESettings.TimeToDLT.allCases.map(\.rawValue)), default: "uniform")
    public static let shape = Parameter(
        "shape", label: "Weibull shape", help: "TITE: Weibull shape for time-to-dlt weibull.",
        allowed: .interval(
            TITESettings.shapeRange.lowerBound, TITESettings.shapeRange.upperBound,
            closedBelow: true, closedAbove: true), default: "2")
    public static let weights = Parameter(
        "weights", label: "TITE weights",
        help: "TITE weights: linear (follow-up/window) or adaptive (Cheung & Chappell 2000).",
        allowed: .choice(TITEWeighting.allCases.map(\.rawValue)), default: "linear")
    public static let credibility = Parameter(
        "credibility", label: "Credibility",
        help: "Probability held by each DLT interval.", allowed: .probability, default: "0.9")
    public static let spacing = Parameter(
        "spacing", label: "Scenario spacing",
        help:
            "Plateau scenarios: true DLT probability target - spacing below the MTD and target + spacing above; below min(target, 1 - target).",
        allowed: .interval(0, 0.5), default: "0.1")
    public static let priorVariances = Parameter(
        "prior-variances", label: "Prior variances searched",
        help: "Also search the prior variance over this grid (replaces prior-variance); each in [0.01, 100], at most 20.",
        allowed: .list(
            lower: CRMPosterior.minimumPriorVariance, lowerClosed: true,
            upper: CRMPosterior.maximumPriorVariance, upperClosed: true))

    public static let allowSkipping = Parameter(
        "allow-skipping", label: "Allow skipping",
        help: "Allow escalation by more than one level beyond the highest level tried.", allowed: .flag)
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
