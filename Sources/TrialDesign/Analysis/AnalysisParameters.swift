/// Every input of the `analyze` commands, declared once (help, allowed range, default).
public enum AnalysisParameters {
    /// The CSV file of patient data (`-` for standard input), with a header line naming its columns.
    public static let input = Parameter(
        "input", label: "Data file",
        help: "CSV file with a header line (- for standard input); at most 10000000 patients and 4096 bytes a line.", allowed: .text)
    /// The header of the column holding each patient's follow-up time (default `time`).
    public static let timeColumn = Parameter(
        "time-column", label: "Time column", help: "Name of the follow-up time column.",
        allowed: .text, default: "time")
    /// The header of the column saying whether each time ended in the event (1) or was censored (0); default `event`.
    public static let eventColumn = Parameter(
        "event-column", label: "Event column",
        help: "Name of the event column (1 = event, 0 = censored).", allowed: .text, default: "event")
    /// The header of an optional column of calendar entry times, needed for an analysis at a `cutoff` (staggered entry).
    public static let entryColumn = Parameter(
        "entry-column", label: "Entry column",
        help: "Name of a calendar entry-time column, for the cut-off (staggered entry).", allowed: .text)
    /// The calendar time of an interim analysis: follow-up is cut at cutoff − entry, and patients who entered later are left out.
    public static let cutoff = Parameter(
        "cutoff", label: "Analysis cut-off",
        help:
            "Calendar time of the analysis (with the entry column): follow-up is cut at cutoff - entry and patients entered later are left out.",
        unit: "time unit", allowed: .positive)
    /// The historical control's median survival m₀, in the data's time unit.
    public static let controlMedian = Parameter(
        "control-median", label: "Historical control median",
        help: "Median of the historical control, in the time unit.", unit: "time unit",
        allowed: .interval(1e-300, 1e300, closedBelow: true, closedAbove: true))
    /// The control's survival probability at `control-time`: the control given that way instead of by its median (OneArm2stage's S0).
    public static let controlSurvival = Parameter(
        "control-survival", label: "Control survival",
        help: "Control survival probability at the control time, instead of the control median (OneArm2stage's S0).", allowed: .probability)
    /// The time at which the control survival is `control-survival` (OneArm2stage's x0), in the data's time unit.
    public static let controlTime = Parameter(
        "control-time", label: "Control time",
        help: "The time of the control survival (OneArm2stage's x0).", unit: "time unit", allowed: .positive)
    /// The Weibull shape k of the control survival, in [0.05, 20]; 1 (the default) is the exponential control.
    public static let shape = Parameter(
        "shape", label: "Control Weibull shape",
        help: "Weibull shape of the control survival (1 = exponential).",
        allowed: .interval(0.05, 20, closedBelow: true, closedAbove: true), default: "1")
    /// The transform the Kaplan-Meier confidence limits are built on: `log` (the default), `log-log` or `plain`.
    public static let confType = Parameter(
        "conf-type", label: "Confidence transform",
        help: "Transform of the survival limits: log (R's default), log-log or plain.",
        allowed: .choice(ConfidenceTransform.allCases.map(\.rawValue)), default: "log")
    /// Further quantiles of the survival time to report, as event probabilities (0.25: the time by which a quarter have had the event).
    public static let quantile = Parameter(
        "quantile", label: "Quantiles",
        help:
            "Event probabilities of further quantiles (0.25: the time by which a quarter have had the event); the median is always reported.",
        allowed: .probabilities)
    /// The landmark times (`at`) at which survival and its interval are reported, in the data's time unit.
    public static let landmarks = Parameter(
        "at", label: "Landmark times", help: "Landmark times for survival with its interval, in the time unit.",
        unit: "time unit", allowed: .list(lower: 0, lowerClosed: true, upper: nil, upperClosed: false))
    /// The one-sided significance level the decisions of `analyze survival`, `binomial` and `single-stage` are stated at, in (0, 0.5].
    public static let testAlpha = Parameter(
        "alpha", label: "One-sided significance level",
        help: "One-sided significance level the decisions are stated at.", allowed: .interval(0, 0.5, closedAbove: true), default: "0.05")
    /// The Simon design's one-sided significance level α, in (0, 0.5); the exact interval has level 1 − 2α.
    public static let simonAlpha = Parameter(
        "alpha", label: "One-sided significance level",
        help: "The design's one-sided significance level; the interval has level 1 - 2 alpha.", allowed: .interval(0, 0.5), default: "0.05")
    /// The endpoint's name in the report's sentences and chart title (default PFS).
    public static let endpoint = Parameter(
        "endpoint", label: "Endpoint", help: "Name of the endpoint in the paragraph (PFS, OS, ...).",
        allowed: .text, default: "PFS")
    /// The total number of responses observed.
    public static let responses = Parameter(
        "responses", label: "Responses", help: "Total responses observed.",
        allowed: .integer(0...ObservedProportion.maximumTrials))
    /// The responses among the stage 1 patients of a Simon trial, when known; checked against the total and r₁.
    public static let stage1Responses = Parameter(
        "stage1-responses", label: "Stage 1 responses",
        help: "Responses in stage 1 (checked against the total and r1).", allowed: .integer(0...SimonTwoStage.maximumPatients))
    /// The stage sizes actually enrolled, `n1,n`, when a Simon trial enrolled more or fewer patients than planned.
    public static let attained = Parameter(
        "attained", label: "Attained stage sizes",
        help: "Stage sizes actually enrolled, n1,n, when they differ from the plan.", allowed: .text)
    /// The planned n of a single-stage trial that enrolled a different number; the rule at the planned n is reported beside
    /// the attained one.
    public static let plannedN = Parameter(
        "planned-n", label: "Planned patients",
        help: "The planned n, when the trial enrolled a different number.", allowed: .integer(1...ObservedProportion.maximumTrials))
    /// The number of patients evaluated in a single-stage trial: the attained n (key `n`).
    public static let attainedN = Parameter(
        "n", label: "Patients evaluated", help: "Patients evaluated (the attained n).",
        allowed: .integer(1...ObservedProportion.maximumTrials))
    /// The planned Simon two-stage design, written `r1/n1,r/n`.
    public static let design = Parameter(
        "design", label: "Planned two-stage design",
        help: "The planned design r1/n1,r/n: stop after n1 if responses <= r1; promising if more than r of n.", allowed: .text)

    /// `analyze survival`'s parameters.
    public static let survival = ParameterCatalog(
        "analyze survival",
        [
            input, timeColumn, eventColumn, entryColumn, cutoff, controlMedian, controlSurvival, controlTime, shape,
            CommonParameters.confidence, confType, quantile, landmarks, testAlpha, endpoint,
        ])
    /// `analyze binomial`'s parameters.
    public static let binomial = ParameterCatalog(
        "analyze binomial",
        [
            BinomialParameters.responses, BinomialParameters.patients, CommonParameters.p0, CommonParameters.confidence, testAlpha,
        ])
    /// `analyze single-stage`'s parameters.
    public static let singleStage = ParameterCatalog(
        "analyze single-stage",
        [
            attainedN, responses, CommonParameters.p0, plannedN, CommonParameters.confidence, testAlpha,
        ])
    /// `analyze simon`'s parameters.
    public static let simon = ParameterCatalog(
        "analyze simon",
        [
            design, CommonParameters.p0, responses, stage1Responses, attained, simonAlpha,
        ])
}
