/// Every input of the BOIN and 3+3 commands, declared once (`boin boundaries`, `next`, `select`, `simulate`,
/// `three-plus-three`): the command line's help, the validation messages and the JSON schema come from here.
public enum PhaseIParameters {
    /// `target`: the target DLT probability φ that defines the MTD, in (0.05, 0.6).
    public static let target = Parameter(
        "target", label: "Target DLT probability", help: "Target DLT probability of the MTD.",
        unit: "proportion",
        allowed: .interval(BOINBoundaries.targetRange.lower, BOINBoundaries.targetRange.upper))
    /// `phi1`: φ₁, the highest DLT probability deemed subtherapeutic (default 0.6φ, at most 0.9φ); it sets λe.
    public static let phi1 = Parameter(
        "phi1", label: "φ1 (subtherapeutic)",
        help: "Highest DLT probability deemed subtherapeutic (default 0.6 × target); at most 0.9 × target.",
        unit: "proportion", allowed: .interval(0, 0.6))
    /// `phi2`: φ₂, the lowest DLT probability deemed overly toxic (default 1.4φ, at least 1.1φ); it sets λd.
    public static let phi2 = Parameter(
        "phi2", label: "φ2 (overly toxic)",
        help: "Lowest DLT probability deemed overly toxic (default 1.4 × target); at least 1.1 × target.",
        unit: "proportion", allowed: .interval(0.055, 1))
    /// `eliminate`: the posterior probability P(p > φ | data) above which a dose and every higher one is eliminated (default 0.95).
    public static let eliminate = Parameter(
        "eliminate", label: "Elimination cutoff",
        help:
            "Eliminate a dose (and every higher one) when P(DLT probability > target | data) exceeds this, under a Beta(1, 1) prior, from 3 patients on.",
        allowed: .interval(0.5, 1, closedBelow: true), default: "0.95")
    /// `cohort-size`: patients per cohort in a BOIN trial (default 3).
    public static let cohortSize = Parameter(
        "cohort-size", label: "Cohort size", help: "Patients per cohort.",
        allowed: .integer(1...100), default: "3")
    /// `cohorts`: the number of cohorts of a BOIN trial (default 10); cohorts × cohort size is its largest number of patients.
    public static let cohorts = Parameter(
        "cohorts", label: "Cohorts",
        help: "Number of cohorts (cohorts × cohort size ≤ \(BOINBoundaries.maximumPatients) patients).",
        allowed: .integer(1...BOINBoundaries.maximumPatients), default: "10")
    /// `stop-at`: patients at one dose at which the trial stops when the rule says stay (n.earlystop, default 100).
    public static let stopAt = Parameter(
        "stop-at", label: "Stop at",
        help: "Stop when this many patients are at one dose and the rule says stay (the BOIN package's n.earlystop).",
        allowed: .integer(1...BOINBoundaries.maximumPatients), default: "100")
    /// `levels`: each patient's dose level (1-based) in order of treatment, for a decision from per-patient data.
    public static let levels = Parameter(
        "levels", label: "Patient levels",
        help: "Per patient: each patient's dose level in order of treatment (1-based); give doses too.",
        allowed: .text)
    /// `doses`: the number of dose levels, given with `levels` (at most 20).
    public static let doses = Parameter(
        "doses", label: "Dose levels", help: "Number of dose levels (with levels).",
        allowed: .integer(1...BOINSelection.maximumLevels))
    /// `patients`: patients treated at each dose level, a comma-separated count per level.
    public static let patients = Parameter(
        "patients", label: "Patients by dose",
        help: "Patients treated at each dose level (comma-separated whole numbers).", allowed: .text)
    /// `dlts`: the DLTs observed: 0 or 1 per patient with `levels`, or a count per dose with `patients`.
    public static let dlts = Parameter(
        "dlts", label: "DLTs",
        help: "DLTs: per patient 0/1 (with levels), or per dose counts (with patients).", allowed: .text)
    /// `current`: the dose level (1-based) the last cohort received, when the data are given per dose.
    public static let current = Parameter(
        "current", label: "Current level", help: "Per dose: the level the last cohort received.",
        allowed: .integer(1...BOINSelection.maximumLevels))
    /// `bound-mtd`: a flag restricting the MTD to doses whose isotonic estimate is at most λd (the BOIN package's boundMTD).
    public static let boundMTD = Parameter(
        "bound-mtd", label: "Bound the MTD",
        help: "Select only among doses whose isotonic estimate is at most λd (the package's boundMTD).",
        allowed: .flag)
    /// `truth`: a true DLT probability per dose level, one scenario per use (at most 20 scenarios of the same length).
    public static let truth = Parameter(
        "truth", label: "True DLT probabilities",
        help: "True DLT probability of each level (comma-separated); repeat for more scenarios (at most 20, all the same length).",
        allowed: .probabilities, repeatable: true)
    /// `start`: the dose level (1-based) the first cohort receives (default 1).
    public static let start = Parameter(
        "start", label: "Starting level", help: "Starting level; 1...levels.",
        allowed: .integer(1...BOINSelection.maximumLevels), default: "1")
    /// `trials`: simulated BOIN trials per scenario (default 10,000), with trials × patients × scenarios capped.
    public static let trials = Parameter(
        "trials", label: "Simulated trials",
        help: "Simulated trials per scenario (trials × patients × scenarios ≤ \(BOINSimulationDesign.maximumPatientTrials)).",
        allowed: .integer(1...BOINSimulationDesign.maximumTrials), default: "10000")
    /// `window`: TITE-BOIN's DLT assessment window W, in the time unit of `follow-up` and `rate`; without it the design is BOIN.
    public static let window = Parameter(
        "window", label: "DLT window",
        help: "TITE-BOIN: the DLT assessment window, in any time unit (the accrual rate and follow-up use the same unit).",
        unit: "time unit", allowed: .interval(0, TITESettings.maximumWindow, closedAbove: true))
    /// `follow-up`: TITE-BOIN's follow-up so far of each patient in `levels` (the time to the DLT for a DLT), in [0, window].
    public static let followUp = Parameter(
        "follow-up", label: "Follow-up of each patient",
        help: "TITE-BOIN (with window): each patient's follow-up so far (time to DLT for a DLT), in [0, window].",
        unit: "time unit", allowed: .list(lower: 0, lowerClosed: true, upper: nil, upperClosed: false))
    /// `rate`: TITE-BOIN's simulated accrual rate, in patients per time unit (default 1).
    public static let rate = Parameter(
        "rate", label: "Accrual rate", help: "TITE-BOIN (with window): patients per unit of time.",
        unit: "patients per time unit",
        allowed: .interval(
            TITESettings.rateRange.lowerBound, TITESettings.rateRange.upperBound,
            closedBelow: true, closedAbove: true), default: "1")
    /// `arrival`: how simulated TITE-BOIN patients arrive: a Poisson process (the default) or one every 1/rate.
    public static let arrival = Parameter(
        "arrival", label: "Arrivals", help: "TITE-BOIN (with window): arrivals, poisson or fixed.",
        allowed: .choice(TITESettings.Arrival.allCases.map(\.rawValue)), default: "poisson")
    /// `target` for the 3+3 design: only names the true MTD (the level whose true DLT probability is closest); default 0.25.
    public static let referenceTarget = Parameter(
        "target", label: "Target DLT probability",
        help: "Target DLT probability, used only to name the true MTD (the level closest to it); the 3+3 has no target.",
        unit: "proportion", allowed: .probability, default: "0.25")

    /// `patients` for `phase1 compare`: patients per simulated BOIN and CRM trial, a multiple of the cohort size.
    public static let comparePatients = Parameter(
        "patients", label: "Patients (BOIN, CRM)",
        help: "Patients per trial for BOIN and the CRM; a multiple of cohort-size.",
        allowed: .integer(1...CRMSimulationDesign.maximumPatients))
    /// `cohort-size` for `phase1 compare`: patients per cohort for BOIN and the CRM (default 1).
    public static let compareCohortSize = Parameter(
        "cohort-size", label: "Cohort size", help: "Patients per cohort for BOIN and the CRM.",
        allowed: .integer(1...100), default: "1")
    /// `halfwidth`: the CRM skeleton's indifference half-width δ (Lee & Cheung 2009) in `phase1 compare` (default 0.05).
    public static let halfwidth = Parameter(
        "halfwidth", label: "CRM half-width",
        help:
            "Half-width of the indifference interval that calibrates the CRM skeleton (Lee & Cheung 2009); below min(target, 1 - target).",
        allowed: .interval(0, 0.5), default: "0.05")
    /// `prior-mtd`: the level (1-based) where the compared CRM's skeleton equals the target (default the middle level).
    public static let priorMTD = Parameter(
        "prior-mtd", label: "CRM prior MTD level",
        help: "The level where the CRM skeleton equals the target (default: the middle level).",
        allowed: .integer(1...BOINSelection.maximumLevels))
    /// `trials` for `phase1 compare`: simulated trials per scenario and per design (default 10,000).
    public static let compareTrials = Parameter(
        "trials", label: "Simulated trials",
        help: "Simulated trials per scenario and design (trials × patients × scenarios ≤ \(CRMSimulationDesign.maximumPatientTrials)).",
        allowed: .integer(1...CRMSimulationDesign.maximumTrials), default: "10000")

    /// `boin boundaries`'s parameters, in the order its help lists them.
    public static let boundaries = ParameterCatalog("boin boundaries", [target, phi1, phi2, eliminate, cohortSize, cohorts, stopAt])
    /// `boin next`'s parameters, in the order its help lists them.
    public static let next = ParameterCatalog(
        "boin next",
        [
            target, phi1, phi2, eliminate, levels, doses, patients, dlts, current, stopAt,
            window, followUp,
        ])
    /// `boin select`'s parameters, in the order its help lists them.
    public static let select = ParameterCatalog("boin select", [target, phi1, phi2, eliminate, patients, dlts, boundMTD])
    /// `boin simulate`'s parameters, in the order its help lists them.
    public static let simulate = ParameterCatalog(
        "boin simulate",
        [
            target, phi1, phi2, eliminate, truth, cohortSize, cohorts, start, stopAt, boundMTD, trials, CommonParameters.seed,
            CommonParameters.threads, window, rate, arrival,
        ])
    /// `three-plus-three`'s parameters, in the order its help lists them.
    public static let threePlusThree = ParameterCatalog("three-plus-three", [truth, start, referenceTarget])
    /// `phase1 compare`'s parameters, in the order its help lists them.
    public static let compare = ParameterCatalog(
        "phase1 compare",
        [
            target, truth, comparePatients, compareCohortSize, start, halfwidth, priorMTD, compareTrials, CommonParameters.seed,
            CommonParameters.threads,
        ])
}
