/// The inputs of the randomized designs (`two-arm survival`, `two-arm binomial`, `pick-winner`),
/// declared once; the effect, accrual and loss inputs of `two-arm survival` are the single-arm
/// `survival` command's own declarations.
public enum TwoArmParameters {
    /// r, the experimental patients per control patient, in [0.01, 100] (1 by default: 1:1); an input of both
    /// `two-arm survival` and `two-arm binomial`.
    public static let allocation = Parameter(
        "allocation", label: "Allocation ratio",
        help: "Experimental patients per control patient (1 = 1:1, 2 = 2:1).",
        allowed: .interval(
            TwoArmSurvival.allocationRange.lowerBound, TwoArmSurvival.allocationRange.upperBound,
            closedBelow: true, closedAbove: true),
        default: "1")

    /// A survival parameter as `survival` declares it.
    static func survival(_ key: String) -> Parameter {
        guard let parameter = SurvivalQuestion.parameters[key] else { preconditionFailure("survival declares no \(key)") }
        return parameter
    }

    /// Every input of `two-arm survival`.
    public static let survival = ParameterCatalog(
        "two-arm survival",
        [
            Parameter(
                "control-median", label: "Control median", help: "Median survival in the control arm.",
                unit: "time unit", allowed: survival("control-median").allowed),
            Parameter(
                "median", label: "Experimental median",
                help: "Median hoped for in the experimental arm; not equal to the control median and within a factor 1000 of it.",
                unit: "time unit", allowed: .positive),
            Parameter(
                "hazard-ratio", label: "Hazard ratio",
                help:
                    "The effect as a hazard ratio (experimental / control; below 1 means longer survival), instead of the experimental median.",
                allowed: survival("hazard-ratio").allowed),
            Parameter(
                "control-survival", label: "Control survival at the landmark",
                help: "Control-arm survival probability at the landmark time, instead of the control median (exponential model).",
                unit: "proportion", allowed: .probability),
            Parameter(
                "survival", label: "Experimental survival at the landmark",
                help: "Experimental-arm survival probability at the landmark time, instead of the experimental median.",
                unit: "proportion", allowed: .probability),
            survival("at"),
            CommonParameters.alpha,
            Parameter(
                "power", label: "Power",
                help: "Target power (default 0.8). With patients and no effect, finds the smallest detectable hazard ratio.",
                allowed: .interval(0, 1)),
            CommonParameters.sides,
            allocation,
            Parameter(
                "patients", label: "Patients",
                help: "Total patients (both arms): gives the power (or, with no effect given, the detectable hazard ratio).",
                allowed: .integer(TwoArmSurvivalSolver.minimumPatients...TwoArmSurvivalSolver.maximumPatients)),
            survival("accrual"),
            survival("accrual-rate"),
            survival("follow-up"),
            survival("loss-rate"),
            survival("dropout"),
            Parameter(
                "method", label: "Method",
                help: "schoenfeld (default), freedman, lachin-foulkes, or all side by side.",
                allowed: .choice(TwoArmSurvivalMethod.allCases.map(\.rawValue) + ["all"]), default: TwoArmSurvivalMethod.default.rawValue),
            Parameter(
                "simulate", label: "Simulated trials",
                help:
                    "Simulate this many trials under H0 and under H1 and analyse each by the log-rank test (trials x patients <= \(TwoArmSurvivalSimulation.maximumPatientDraws)).",
                allowed: .integer(1...TwoArmSurvivalSimulation.maximumTrials)),
            CommonParameters.seed,
            Parameter(
                "search", label: "Search by simulation",
                help: "With simulate: find the smallest total number of patients whose simulated log-rank power meets the target.",
                allowed: .flag),
            Parameter(
                "search-max", label: "Search limit",
                help:
                    "Upper end of the search range, total patients; default twice the formula's n (simulate x search-max <= \(TwoArmSurvivalSimulation.maximumPatientDraws)).",
                allowed: .integer(TwoArmSurvivalSolver.minimumPatients...TwoArmSurvivalSimulation.maximumSearchPatients)),
            CommonParameters.threads,
        ])
}

extension TwoArmParameters {
    /// Every input of `two-arm binomial`.
    public static let binomial = ParameterCatalog(
        "two-arm binomial",
        [
            Parameter(
                "p0", label: "Control response rate (p0)", help: "The response rate expected on the control arm.",
                unit: "proportion", allowed: .probability),
            Parameter(
                "p1", label: "Experimental response rate (p1)",
                help: "The response rate hoped for on the experimental arm; different from p0 (the one-sided test looks in its direction).",
                unit: "proportion", allowed: .probability),
            CommonParameters.alpha,
            CommonParameters.power,
            CommonParameters.sides,
            allocation,
            Parameter(
                "method", label: "Method",
                help:
                    "fisher (default: exact power of Fisher's exact test, first and stable n), normal, continuity (Casagrande, Pike & Smith), or all.",
                allowed: .choice(TwoProportionsMethod.allCases.map(\.rawValue) + ["all"]), default: TwoProportionsMethod.default.rawValue),
            Parameter(
                "table", label: "Table", help: "Also print the attained alpha and exact power of Fisher's test around the answer.",
                allowed: .flag),
        ])

    /// Every input of `pick-winner`.
    public static let pickWinner = ParameterCatalog(
        "pick-winner",
        [
            Parameter(
                "arms", label: "Arms", help: "Number of randomized arms, one of them better by delta.",
                allowed: .integer(2...PickTheWinner.maximumArms), default: "2"),
            Parameter(
                "p0", label: "Response rate of the other arms (p0)", help: "The response rate of every arm but the best.",
                unit: "proportion", allowed: .probability),
            Parameter(
                "delta", label: "Advantage of the best arm", help: "How much higher the best arm's response rate is (p0 + delta < 1).",
                unit: "proportion", allowed: .probability),
            Parameter(
                "min-lead", label: "Minimum lead",
                help:
                    "The arm with most responses is selected when it leads every other arm by at least this many responses, else the trial is inconclusive; 0 breaks ties at random (Simon, Wittes & Ellenberg 1985).",
                allowed: .integer(0...PickTheWinner.maximumPatientsPerArm), default: "1"),
            Parameter(
                "patients-per-arm", label: "Patients per arm", help: "Patients per arm: gives the probability of correct selection.",
                allowed: .integer(1...PickTheWinner.maximumPatientsPerArm)),
            Parameter(
                "correct", label: "Target probability of correct selection",
                help: "Find the smallest number of patients per arm selecting the best arm with this probability (default 0.9).",
                allowed: .interval(0, 1)),
        ])
}
