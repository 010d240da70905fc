/// Every input of the binomial commands (`ci`, `single-stage`, `simon`), declared once.
public enum BinomialParameters {
    public static let responses = Parameter(
        "x", label: "Responses", help: "Responses x (a whole number, 0 <= x <= n).",
        allowed: .integer(0...ObservedProportion.maximumTrials))
    public static let patients = Parameter(
        "n", label: "Patients", help: "Patients n.",
        allowed: .integer(1...ObservedProportion.maximumTrials))
    public static let intervalSides = Parameter(
        "sides", label: "Sides",
        help: "2 for a two-sided interval; 1 for one-sided bounds (each at the confidence level).",
        allowed: .choice(["1", "2"]), default: "2")
    public static let intervalMethod = Parameter(
        "method", label: "Interval method",
        help: "clopper-pearson, mid-p, wilson, jeffreys, agresti-coull, wald (poor; for comparison) or all.",
        allowed: .choice(IntervalMethod.allCases.map(\.rawValue) + ["all"]), default: "clopper-pearson")
    public static let width = Parameter(
        "width", label: "Interval width",
        help: "Largest interval width wanted (with the expected rate): gives the n needed.",
        unit: "proportion", allowed: .probability)
    public static let expected = Parameter(
        "expected", label: "Expected response rate", help: "Expected response rate for the width.",
        unit: "proportion", allowed: .probability)
    public static let input = Parameter(
        "input", label: "Input file",
        help:
            "A file of x,n lines (- for standard input): one result per line, CSV or JSON lines. A header naming x, n and other columns (id,x,n) passes the others through.",
        allowed: .text)
    public static let nmax = Parameter(
        "nmax", label: "Largest n searched",
        help: "Largest total n to search. Default: the search bounds itself.",
        allowed: .integer(2...SimonTwoStage.maximumPatients))
    public static let admissible = Parameter(
        "admissible", label: "Admissible designs",
        help: "Also list the admissible designs of Jung et al. (2004).", allowed: .flag)
    public static let design = Parameter(
        "design", label: "Two-stage design",
        help: "Operating characteristics of a given design r1/n1,r/n, such as 1/10,5/29.", allowed: .text)
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
