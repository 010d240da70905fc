/// Every input of the binomial commands (`ci`, `single-stage`, `simon`), declared once.
public enum BinomialParameters {
    /// x, the number of patients who responded among the n of ``patients``: the count `ci` computes its interval for.
    public static let responses = Parameter(
        "x", label: "Responses", help: "Responses x (a whole number, 0 <= x <= n).",
        allowed: .integer(0...ObservedProportion.maximumTrials))
    /// n, the number of patients whose responses were counted, 1 ≤ n ≤ ``ObservedProportion/maximumTrials`` (10⁹).
    public static let patients = Parameter(
        "n", label: "Patients", help: "Patients n.",
        allowed: .integer(1...ObservedProportion.maximumTrials))
    /// `ci`'s sidedness: 2 (the default) for a two-sided interval, 1 for a lower and an upper one-sided bound, each at the confidence
    /// level. (The tests' `sides`, with default 1, is ``CommonParameters/sides``.)
    public static let intervalSides = Parameter(
        "sides", label: "Sides",
        help: "2 for a two-sided interval; 1 for one-sided bounds (each at the confidence level).",
        allowed: .choice(["1", "2"]), default: "2")
    /// `ci`'s interval method, an ``IntervalMethod`` raw value (Clopper–Pearson by default), or `all` for every method side by side.
    public static let intervalMethod = Parameter(
        "method", label: "Interval method",
        help: "clopper-pearson, mid-p, wilson, jeffreys, agresti-coull, wald (poor; for comparison) or all.",
        allowed: .choice(IntervalMethod.allCases.map(\.rawValue) + ["all"]), default: "clopper-pearson")
    /// The largest acceptable interval width, upper − lower, as a proportion: with ``expected`` it asks `ci` for the number of patients
    /// instead of an interval (``IntervalWidthSize``).
    public static let width = Parameter(
        "width", label: "Interval width",
        help: "Largest interval width wanted (with the expected rate): gives the n needed.",
        unit: "proportion", allowed: .probability)
    /// The response rate expected when sizing by ``width``: each n is judged by its interval at round(n·p) responses.
    public static let expected = Parameter(
        "expected", label: "Expected response rate", help: "Expected response rate for the width.",
        unit: "proportion", allowed: .probability)
    /// A file of x,n results (`-` for standard input), CSV or JSON lines: `ci` prints one interval per line, passing
    /// through any other columns a header names.
    public static let input = Parameter(
        "input", label: "Input file",
        help:
            "A file of x,n lines (- for standard input): one result per line, CSV or JSON lines. A header naming x, n and other columns (id,x,n) passes the others through.",
        allowed: .text)
    /// The user's cap on the total n that `simon` searches; when absent the search bounds itself, up to ``SimonTwoStage/maximumPatients``.
    /// A cap below the minimax n is refused; one that cuts the search short is reported.
    public static let nmax = Parameter(
        "nmax", label: "Largest n searched",
        help: "Largest total n to search. Default: the search bounds itself.",
        allowed: .integer(2...SimonTwoStage.maximumPatients))
    /// A flag: `simon` also lists Jung et al.'s (2004) admissible designs, from the minimax to the optimal design.
    public static let admissible = Parameter(
        "admissible", label: "Admissible designs",
        help: "Also list the admissible designs of Jung et al. (2004).", allowed: .flag)
    /// One two-stage design, `r1/n1,r/n` as Simon's tables print it (``SimonDesign/init(parsing:)``): `simon` reports its operating
    /// characteristics at p0 and p1 instead of searching.
    public static let design = Parameter(
        "design", label: "Two-stage design",
        help: "Operating characteristics of a given design r1/n1,r/n, such as 1/10,5/29.", allowed: .text)
    /// A flag: `single-stage` also prints the rule and the attained alpha and power for each n from five
    /// below the first n to five above the stable n.
    public static let table = Parameter(
        "table", label: "Table", help: "Also print attained alpha and power for each n around the answers.",
        allowed: .flag)

    /// `ci`'s parameters.
    public static let ci = ParameterCatalog(
        "ci", [responses, patients, CommonParameters.confidence, intervalSides, intervalMethod, width, expected, input])
    /// `single-stage`'s parameters.
    public static let singleStage = ParameterCatalog(
        "single-stage",
        [
            CommonParameters.p0, CommonParameters.p1, CommonParameters.alpha, CommonParameters.power, CommonParameters.sides, table,
        ])
    /// `simon`'s parameters.
    public static let simon = ParameterCatalog(
        "simon",
        [
            CommonParameters.p0, CommonParameters.p1, CommonParameters.alpha, CommonParameters.power, CommonParameters.sides, nmax,
            admissible, design,
        ])
}
