/// The publications the analysis commands cite.
public enum AnalysisReferences {
    /// Kaplan and Meier (1958): the product-limit estimate of the survival curve.
    public static let kaplanMeier = Reference(
        key: "kaplan-meier-1958",
        citation: "Kaplan EL, Meier P. Nonparametric estimation from incomplete observations. J Am Stat Assoc. 1958;53(282):457-481.")
    /// Brookmeyer and Crowley (1982): the confidence interval for the median (and other quantiles).
    public static let brookmeyerCrowley = Reference(
        key: "brookmeyer-crowley-1982",
        citation: "Brookmeyer R, Crowley J. A confidence interval for the median survival time. Biometrics. 1982;38(1):29-41.")
    /// Greenwood (1926): the variance of the Kaplan-Meier estimate, behind the landmark intervals
    /// (the paragraph cites it when it reports a landmark).
    public static let greenwood = Reference(
        key: "greenwood-1926",
        citation: "Greenwood M. The natural duration of cancer. Reports on Public Health and Medical Subjects 33. London: HMSO; 1926.")
    /// Garwood (1936): the exact interval of a Poisson mean, behind the hazard ratio O/E's interval
    /// (the paragraph cites it with that interval).
    public static let garwood = Reference(
        key: "garwood-1936",
        citation: "Garwood F. Fiducial limits for the Poisson distribution. Biometrika. 1936;28(3/4):437-442.")
    /// Finkelstein, Muzikansky and Schoenfeld (2003): the one-sample log-rank test against a standard
    /// population's survival.
    public static let finkelstein = Reference(
        key: "finkelstein-2003",
        citation:
            "Finkelstein DM, Muzikansky A, Schoenfeld DA. Comparing survival of a sample to that of a standard population. J Natl Cancer Inst. 2003;95(19):1434-1439."
    )
    /// Koyama and Chen (2008): the p-value and exact interval after a Simon two-stage design, with
    /// outcomes ordered by stage, then by responses.
    public static let koyamaChen = Reference(
        key: "koyama-chen-2008",
        citation: "Koyama T, Chen H. Proper inference from Simon's two-stage designs. Statistics in Medicine. 2008;27(16):3145-3154.")
    /// Jung and Kim (2004): the UMVUE of the response rate after a multistage design.
    public static let jungKim = Reference(
        key: "jung-kim-2004",
        citation:
            "Jung SH, Kim KM. On the estimation of the binomial probability in multistage clinical trials. Statistics in Medicine. 2004;23(6):881-896."
    )
}
