extension SurvivalQuestion {
    /// Every input of a single-arm survival question, declared once.
    public static let parameters = ParameterCatalog(
        "survival",
        [
            Parameter(
                "control-median", label: "Control median", help: "Historical control median.",
                unit: "time unit",
                allowed: .interval(
                    SurvivalSetting.controlMedianRange.lowerBound, SurvivalSetting.controlMedianRange.upperBound,
                    closedBelow: true, closedAbove: true)),
            Parameter(
                "median", label: "Alternative median",
                help: "Median hoped for under the alternative; not equal to the control median and within a factor 1000 of it.",
                unit: "time unit", allowed: .positive),
            Parameter(
                "hazard-ratio", label: "Hazard ratio",
                help:
                    "The effect as a hazard ratio (alternative / control hazard; below 1 means longer survival), instead of the alternative median.",
                allowed: .interval(0.001, 1000, closedBelow: true, closedAbove: true)),
            Parameter(
                "control-survival", label: "Control survival at the landmark",
                help:
                    "Control survival probability at the landmark time, instead of the control median (converted under the survival model).",
                unit: "proportion", allowed: .probability),
            Parameter(
                "survival", label: "Alternative survival at the landmark",
                help: "Survival probability at the landmark time hoped for under the alternative, instead of the alternative median.",
                unit: "proportion", allowed: .probability),
            Parameter(
                "at", label: "Landmark time", help: "The landmark time of the control and alternative survival probabilities.",
                unit: "time unit", allowed: .interval(1e-300, 1e300, closedBelow: true, closedAbove: true)),
            Parameter(
                "shape", label: "Weibull shape",
                help: "Weibull shape of the reference survival (1 = exponential). Other values need the log-rank method.",
                allowed: .interval(
                    SurvivalSetting.shapeRange.lowerBound, SurvivalSetting.shapeRange.upperBound, closedBelow: true, closedAbove: true),
                default: "1"),
            CommonParameters.alpha,
            Parameter(
                "power", label: "Power",
                help: "Target power (default 0.8). With patients and no alternative, finds the smallest detectable median.",
                allowed: .interval(0, 1)),
            CommonParameters.sides,
            Parameter(
                "patients", label: "Patients",
                help: "Number of patients: gives the power (or, with a target power and no alternative, the detectable median).",
                allowed: .integer(SurvivalSolver.minimumPatients...SurvivalSolver.maximumPatients)),
            Parameter(
                "accrual", label: "Accrual period",
                help:
                    "Uniform accrual period, at most 1e12 control medians. Without an accrual period or rate every patient is followed to the event.",
                unit: "time unit", allowed: .nonNegative),
            Parameter(
                "accrual-rate", label: "Accrual rate",
                help: "Uniform accrual rate, instead of an accrual period; at least 1e-6 patients per control median.",
                unit: "patients per time unit", allowed: .interval(1e-300, 1e300, closedBelow: true, closedAbove: true)),
            Parameter(
                "follow-up", label: "Follow-up",
                help:
                    "Follow-up after the last patient enters (0: the last patient is censored at entry), at most 1e12 control medians. Default 0 with accrual.",
                unit: "time unit", allowed: .nonNegative),
            Parameter(
                "loss-rate", label: "Loss rate", help: "Exponential loss-to-follow-up rate (patients censored at loss).",
                unit: "per time unit", allowed: .nonNegative),
            Parameter(
                "dropout", label: "Dropout fraction", help: "Dropout fraction q: patients inflated to n / (1 - q).",
                unit: "proportion", allowed: .interval(0, 1, closedBelow: true)),
            Parameter(
                "method", label: "Method",
                help:
                    "exact (the test on total time at risk), log-hazard, cube-root, log-rank (Wu 2015), lachin-foulkes, or all side by side.",
                allowed: .choice(SurvivalMethod.allCases.map(\.rawValue) + ["all"]), default: SurvivalMethod.default.rawValue),
            Parameter(
                "simulate", label: "Simulated trials",
                help:
                    "Simulate this many trials under H0 and under H1 with the chosen test (and trials x patients <= \(SurvivalSimulation.maximumPatientDraws)).",
                allowed: .integer(1...SurvivalSimulation.maximumTrials)),
            CommonParameters.seed,
            Parameter(
                "search", label: "Search by simulation",
                help: "With simulate: find the smallest number of patients whose simulated power meets the target.", allowed: .flag),
            Parameter(
                "search-max", label: "Search limit",
                help: "Upper end of the search range (simulate x search-max <= \(SurvivalSimulation.maximumPatientDraws)).",
                allowed: .integer(SurvivalSolver.minimumPatients...SurvivalSimulation.maximumSearchPatients),
                default: String(SurvivalSimulation.defaultSearchPatients)),
            CommonParameters.threads,
            Parameter(
                "two-stage", label: "Two-stage design",
                help:
                    "Design a two-stage trial with an interim futility analysis on the one-sample log-rank test (Wu et al. 2020); needs accrual-rate.",
                allowed: .flag),
            Parameter(
                "max-follow-up", label: "Restricted follow-up",
                help:
                    "Restricted follow-up: follow each patient at most this long (Wu et al. 2020); the analysis is this long after the last entry. Instead of follow-up; needs accrual or accrual-rate.",
                unit: "time unit", allowed: .interval(1e-300, 1e300, closedBelow: true, closedAbove: true)),
            Parameter(
                "criterion", label: "Two-stage criterion",
                help:
                    "With two-stage: optimal (smallest expected n under H0), minimax (smallest n) or admissible (smallest (EN0 + n)/2; Jung et al. 2004).",
                allowed: .choice(TwoStageCriterion.allCases.map(\.rawValue)), default: TwoStageCriterion.optimal.rawValue),
        ])
}
