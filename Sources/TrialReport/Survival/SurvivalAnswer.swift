import Foundation
import TrialDesign

/// How the user stated the question, so the answer can echo it back in the same terms.
public struct SurvivalPresentation: Sendable {
    /// The time unit's plural name: "weeks".
    public let unit: String
    /// How the alternative was given, echoed in words: "hazard ratio 0.6154", "60% progression-free at 12 weeks".
    public let alternativeSource: String?
    /// The paragraph's statement of a landmark control, with the landmark alternative when it
    /// was given too: "30% progression-free at 12 months under the control and 50% hoped for".
    public var landmarkStatement: String?
    /// The paragraph's statement of a landmark alternative against a median control:
    /// "50% progression-free at 12 months".
    public var alternativeLandmarkStatement: String?
    /// How the control was given, when by landmark survival.
    public let controlSource: String?
    /// Whether `--method all` was asked.
    public let comparesMethods: Bool
    /// The endpoint's name in the justification paragraph.
    public let endpoint: String

    /// A presentation with nothing given by landmark; the landmark statements are set afterwards (see
    /// ``init(_:unit:endpoint:)``, which fills every field from the answer).
    public init(
        unit: String = "weeks", alternativeSource: String? = nil, controlSource: String? = nil, comparesMethods: Bool = false,
        endpoint: String = "progression-free survival"
    ) {
        self.endpoint = endpoint
        self.unit = unit
        self.alternativeSource = alternativeSource
        self.controlSource = controlSource
        self.comparesMethods = comparesMethods
    }
}

extension SurvivalMethod {
    /// The name shown in tables.
    public var displayName: String {
        switch self {
        case .exact: return "exact (χ²)"
        case .logHazard: return "log-hazard"
        case .cubeRoot: return "cube-root"
        case .logRank: return "log-rank (Wu)"
        case .lachinFoulkes: return "Lachin–Foulkes"
        }
    }

    /// The publication the method comes from.
    public var reference: Reference {
        switch self {
        case .exact: return SurvivalReferences.epsteinSobel
        case .logHazard: return SurvivalReferences.lawless
        case .cubeRoot: return SurvivalReferences.lawless
        case .logRank: return SurvivalReferences.wu
        case .lachinFoulkes: return SurvivalReferences.lachinFoulkes
        }
    }
}

/// The references survival answers cite (Vancouver style).
public enum SurvivalReferences {
    /// Epstein and Sobel (1953): the exact test on the total time at risk, the `exact` method.
    public static let epsteinSobel = Reference(
        key: "epstein-sobel-1953",
        citation: "Epstein B, Sobel M. Life testing. J Am Stat Assoc. 1953;48(263):486-502.")
    /// Lawless (2003): the log-hazard and cube-root approximations, the `log-hazard` and `cube-root` methods.
    public static let lawless = Reference(
        key: "lawless-2003",
        citation: "Lawless JF. Statistical Models and Methods for Lifetime Data. 2nd ed. Hoboken (NJ): Wiley; 2003.")
    /// Wu (2015): the one-sample log-rank test and its sample size, the `log-rank` method.
    public static let wu = Reference(
        key: "wu-2015",
        citation: "Wu J. Sample size calculation for the one-sample log-rank test. Pharm Stat. 2015;14(1):26-33. doi:10.1002/pst.1654")
    /// Lachin and Foulkes (1986): patients from accrual, follow-up and loss, the `lachin-foulkes` method.
    public static let lachinFoulkes = Reference(
        key: "lachin-foulkes-1986",
        citation:
            "Lachin JM, Foulkes MA. Evaluation of sample size and power for analyses of survival with allowance for nonuniform patient entry, losses to follow-up, noncompliance, and stratification. Biometrics. 1986;42(3):507-519."
    )
    /// Kearney et al. (2021): the seed trial of the worked examples (docs/examples); no paragraph cites
    /// it on its own, since a design that shares its medians is not thereby its design.
    public static let kearney = Reference(
        key: "kearney-2021",
        citation:
            "Kearney M, Franks L, Lee S, et al. Phase I/II trial of ruxolitinib in combination with trastuzumab in metastatic HER2 positive breast cancer. Breast Cancer Res Treat. 2021;189(1):177-185."
    )
}

extension SurvivalPresentation {
    /// How `answer`'s question was stated, echoed in its own terms and in words (never as a
    /// command-line flag): a landmark control as "30% progression-free at 12 weeks", a hazard
    /// ratio as "hazard ratio 0.6".
    public init(_ answer: SurvivalQuestion.Answer, unit: String, endpoint: String) {
        func landmark(_ survival: Double, _ at: Double) -> String {
            "\(Self.percent(survival)) \(Self.eventFree(endpoint)) at \(NumberFormat.significant(at, 4)) \(unit)"
        }
        func phrase(_ statement: SurvivalQuestion.Statement?) -> String? {
            switch statement {
            case nil, .median?: return nil
            case let .hazardRatio(ratio)?: return "hazard ratio \(NumberFormat.significant(ratio, 4))"
            case let .landmark(survival, at)?: return landmark(survival, at)
            }
        }
        self.init(
            unit: unit, alternativeSource: phrase(answer.alternative), controlSource: phrase(answer.control),
            comparesMethods: answer.comparesMethods, endpoint: endpoint)
        switch (answer.control, answer.alternative) {
        case let (.landmark(s0, at), .landmark(s1, _)?):
            landmarkStatement = landmark(s0, at) + " under the control and \(Self.percent(s1)) hoped for"
        case let (.landmark(s0, at), _):
            landmarkStatement = landmark(s0, at) + " under the control"
        case let (_, .landmark(s1, at)?):
            alternativeLandmarkStatement = landmark(s1, at)
        default: break
        }
    }

    /// A survival probability as a percentage without needless zeros: 0.3 is "30%", 0.325 "32.5%".
    static func percent(_ p: Double) -> String { NumberFormat.significant(p * 100, 4) + "%" }

    /// The adjective for being free of the endpoint's event: "progression-free" for
    /// "progression-free survival", "alive" for "overall survival" (or "survival"), otherwise
    /// "free of <endpoint>".
    static func eventFree(_ endpoint: String) -> String {
        let name = endpoint.trimmingCharacters(in: .whitespaces)
        let lower = name.lowercased()
        if lower == "survival" || lower == "overall survival" { return "alive" }
        if lower.hasSuffix(" survival") { return String(name.dropLast(" survival".count)) }
        return "free of \(name)"
    }
}
