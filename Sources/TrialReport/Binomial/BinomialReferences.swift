/// The publications the binomial commands cite.
public enum BinomialReferences {
    public static let clopperPearson = Reference(
        key: "clopper-pearson-1934",
        citation:
            "Clopper CJ, Pearson ES. The use of confidence or fiducial limits illustrated in the case of the binomial. Biometrika. 1934;26(4):404-413."
    )
    public static let brownCaiDasGupta = Reference(
        key: "brown-cai-dasgupta-2001",
        citation: "Brown LD, Cai TT, DasGupta A. Interval estimation for a binomial proportion. Statistical Science. 2001;16(2):101-133.")
    public static let aHern = Reference(
        key: "ahern-2001",
        citation: "A'Hern RP. Sample size tables for exact single-stage phase II designs. Statistics in Medicine. 2001;20(6):859-866.")
    public static let simon = Reference(
        key: "simon-1989",
        citation: "Simon R. Optimal two-stage designs for phase II clinical trials. Controlled Clinical Trials. 1989;10(1):1-10.")
    public static let jung = Reference(
        key: "jung-2004",
        citation:
            "Jung SH, Lee T, Kim K, George SL. Admissible two-stage designs for phase II cancer clinical trials. Statistics in Medicine. 2004;23(4):561-569."
    )
}
