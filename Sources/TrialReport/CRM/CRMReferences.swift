import Foundation

/// The publications the CRM reports cite.
public enum CRMReferences {
    /// O'Quigley, Pepe and Fisher (1990): the continual reassessment method, cited by every CRM report.
    public static let oQuigley1990 = Reference(
        key: "oquigley-pepe-fisher-1990",
        citation:
            "O'Quigley J, Pepe M, Fisher L. Continual reassessment method: a practical design for phase 1 clinical trials in cancer. Biometrics. 1990;46(1):33-48."
    )
    /// Cheung and Chappell (2000): the TITE-CRM, cited when outcomes are weighted by follow-up (`--window`).
    public static let cheungChappell2000 = Reference(
        key: "cheung-chappell-2000",
        citation:
            "Cheung YK, Chappell R. Sequential designs for phase I clinical trials with late-onset toxicities. Biometrics. 2000;56(4):1177-1182."
    )
    /// Cheung and Chappell (2002): the indifference intervals of a given skeleton.
    public static let cheungChappell2002 = Reference(
        key: "cheung-chappell-2002",
        citation:
            "Cheung YK, Chappell R. A simple technique to evaluate model sensitivity in the continual reassessment method. Biometrics. 2002;58(3):671-674."
    )
    /// Lee and Cheung (2009): the skeleton calibrated from a half-width δ and a prior MTD, and the
    /// calibration of δ over plateau scenarios.
    public static let leeCheung2009 = Reference(
        key: "lee-cheung-2009",
        citation: "Lee SM, Cheung YK. Model calibration in the continual reassessment method. Clin Trials. 2009;6(3):227-238.")
    /// Cheung (2011): the CRM textbook, cited beside the method's paper.
    public static let cheung2011 = Reference(
        key: "cheung-2011",
        citation: "Cheung YK. Dose Finding by the Continual Reassessment Method. Boca Raton (FL): Chapman & Hall/CRC; 2011.")
}

/// Formatting shared by the CRM reports.
enum CRMFormat {
    static func list(_ values: [Double], _ digits: Int = 4) -> String {
        values.map { NumberFormat.fixed($0, digits) }.joined(separator: ", ")
    }

    static func modelLabel(_ kind: String, intercept: Double) -> String {
        kind == "logistic"
            ? "logistic, p_k = 1/(1 + exp(-(\(NumberFormat.significant(intercept)) + exp(beta)·x_k)))"
            : "empiric (power), p_k = skeleton_k^exp(beta)"
    }
}
