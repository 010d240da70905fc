/// The publications and software the randomized designs cite (Vancouver style).
public enum TwoArmReferences {
    /// Schoenfeld (1981): the number of events for the log-rank test, `two-arm survival`'s Schoenfeld method.
    public static let schoenfeld = Reference(
        key: "schoenfeld-1981",
        citation:
            "Schoenfeld D. The asymptotic properties of nonparametric tests for comparing survival distributions. Biometrika. 1981;68(1):316-319."
    )
    /// Freedman (1982): the number of events for the log-rank test, `two-arm survival`'s Freedman method.
    public static let freedman = Reference(
        key: "freedman-1982",
        citation:
            "Freedman LS. Tables of the number of patients required in clinical trials using the logrank test. Stat Med. 1982;1(2):121-129."
    )
    /// Lachin and Foulkes (1986): patients from accrual, follow-up and loss, `two-arm survival`'s
    /// Lachin-Foulkes method (the same reference as the single-arm one).
    public static let lachinFoulkes = SurvivalReferences.lachinFoulkes
    /// Casagrande, Pike and Smith (1978): the continuity-corrected sample size for two proportions.
    public static let casagrande = Reference(
        key: "casagrande-pike-smith-1978",
        citation:
            "Casagrande JT, Pike MC, Smith PG. An improved approximate formula for calculating sample sizes for comparing two binomial distributions. Biometrics. 1978;34(3):483-486."
    )
    /// Fleiss, Tytun and Ury (1980): the sample size for two proportions by the normal approximation.
    public static let fleiss = Reference(
        key: "fleiss-tytun-ury-1980",
        citation:
            "Fleiss JL, Tytun A, Ury HK. A simple approximation for calculating sample sizes for comparing independent proportions. Biometrics. 1980;36(2):343-346."
    )
    /// Fisher (1935): the exact conditional test of two proportions.
    public static let fisher = Reference(
        key: "fisher-1935",
        citation: "Fisher RA. The logic of inductive inference. J R Stat Soc. 1935;98(1):39-82.")
    /// Simon, Wittes and Ellenberg (1985): the pick-the-winner randomized phase II selection design.
    public static let simonWittesEllenberg = Reference(
        key: "simon-wittes-ellenberg-1985",
        citation: "Simon R, Wittes RE, Ellenberg SS. Randomized phase II clinical trials. Cancer Treat Rep. 1985;69(12):1375-1381.")
    /// Rubinstein et al. (2005): randomized phase II screening trials (no report cites it at present).
    public static let rubinstein = Reference(
        key: "rubinstein-2005",
        citation:
            "Rubinstein LV, Korn EL, Freidlin B, Hunsberger S, Ivy SP, Smith MA. Design issues of randomized phase II trials and a proposal for phase II screening trials. J Clin Oncol. 2005;23(28):7199-7206."
    )
}
