/// The publications the binomial commands cite.
public enum BinomialReferences {
    /// Clopper and Pearson (1934): the exact interval that inverts two one-sided binomial tests.
    public static let clopperPearson = Reference(
        key: "clopper-pearson-1934",
        citation:
            "Clopper CJ, Pearson ES. The use of confidence or fiducial limits illustrated in the case of the binomial. Biometrika. 1934;26(4):404-413."
    )
    /// Brown, Cai and DasGupta (2001): the coverage of the approximate intervals (Wilson, Jeffreys,
    /// Agresti-Coull, Wald, mid-p), cited for every `ci` method but Clopper-Pearson.
    public static let brownCaiDasGupta = Reference(
        key: "brown-cai-dasgupta-2001",
        citation: "Brown LD, Cai TT, DasGupta A. Interval estimation for a binomial proportion. Statistical Science. 2001;16(2):101-133.")
    /// A'Hern (2001): the exact single-stage phase II design.
    public static let aHern = Reference(
        key: "ahern-2001",
        citation: "A'Hern RP. Sample size tables for exact single-stage phase II designs. Statistics in Medicine. 2001;20(6):859-866.")
    /// Simon (1989): the optimal and minimax two-stage designs.
    public static let simon = Reference(
        key: "simon-1989",
        citation: "Simon R. Optimal two-stage designs for phase II clinical trials. Controlled Clinical Trials. 1989;10(1):1-10.")
    /// Jung, Lee, Kim and George (2004): the admissible two-stage designs between minimax and optimal.
    public static let jung = Reference(
        key: "jung-2004",
        citation:
            "Jung SH, Lee T, Kim K, George SL. Admissible two-stage designs for phase II cancer clinical trials. Statistics in Medicine. 2004;23(4):561-569."
    )
}
