import TrialDesign

/// `trialsize crm skeleton`: a calibrated skeleton (Lee & Cheung 2009) or the indifference intervals of a
/// given one (Cheung & Chappell 2002).
public struct CRMSkeletonReport: DesignReporting {
    /// The shipped template, `Templates/crm-skeleton.mustache`.
    public static let templateName = "crm-skeleton"

    /// The dose–toxicity model: empiric or logistic (with its intercept), and the skeleton.
    public let model: DoseToxicityModel
    /// The target DLT probability, in (0, 1).
    public let target: Double
    /// δ and ν when the skeleton was calibrated; nil when it was given.
    public let halfwidth: Double?
    /// ν, the prior MTD level (1-based) the calibrated skeleton puts at the target; nil when the skeleton was given.
    public let priorMTD: Int?
    /// Each level's indifference interval: the true DLT probabilities over which the CRM recommends it.
    public let intervals: [Skeleton.IndifferenceInterval]

    /// A report of a calibrated skeleton (`halfwidth` and `priorMTD` given) or of a given one (both nil).
    public init(
        model: DoseToxicityModel, target: Double, halfwidth: Double?, priorMTD: Int?,
        intervals: [Skeleton.IndifferenceInterval]
    ) {
        self.model = model
        self.target = target
        self.halfwidth = halfwidth
        self.priorMTD = priorMTD
        self.intervals = intervals
    }

    var calibrated: Bool { halfwidth != nil }

    /// The JSON answer (docs/json/crm.md, `crm skeleton`): the skeleton, the model, the target, δ and ν
    /// when calibrated, and each level's indifference interval.
    public struct Body: Encodable {
        let skeleton: [Double]
        let model: String
        let intercept: Double?
        let target: Double
        let halfwidth: Double?
        let priorMtd: Int?
        let levels: Int
        let indifferenceIntervals: [Skeleton.IndifferenceInterval]
        let method: String
    }

    /// The title, sections, warnings and JSON body.
    func parts() throws -> (title: String, sections: [DocumentSection], warnings: [String], json: Body) {
        let method =
            calibrated
            ? "Lee & Cheung (2009) calibration by the indifference interval: level \(priorMTD ?? 0) is the prior MTD (skeleton = target there), and neighbouring levels swap where the lower is at target - halfwidth and the upper at target + halfwidth"
            : "indifference intervals of the given skeleton (Cheung & Chappell 2002): the DLT probabilities over which the CRM would recommend each level"
        var inputs: [(String, String)] = [
            ("Target DLT probability", NumberFormat.fixed(target, 3)),
            ("Model", CRMFormat.modelLabel(model.kind.rawValue, intercept: model.intercept)),
            ("Dose levels", String(model.levels)),
        ]
        if let halfwidth, let priorMTD {
            inputs.append(
                (
                    "Half-width (delta)",
                    NumberFormat.fixed(halfwidth, 3)
                        + " (indifference interval \(NumberFormat.fixed(target - halfwidth, 3))-\(NumberFormat.fixed(target + halfwidth, 3)))"
                ))
            inputs.append(("Prior MTD level", String(priorMTD)))
        } else {
            inputs.append(("Skeleton", CRMFormat.list(model.skeleton)))
        }
        let table = Table(
            header: ["level", "skeleton", "recommended while p_k in"],
            rows: intervals.map {
                [
                    String($0.level), NumberFormat.fixed(model.skeleton[$0.level - 1], 4),
                    "(\(NumberFormat.fixed($0.lower, 4)), \(NumberFormat.fixed($0.upper, 4)))",
                ]
            })
        let warnings: [String] = []
        let sections = [
            DocumentSection("Inputs", rows: inputs),
            DocumentSection(
                "Method",
                rows: [
                    ("Method", method),
                    ("Reference", calibrated ? "Lee & Cheung 2009; Cheung 2011, ch. 8" : "Cheung & Chappell 2002; Cheung 2011, ch. 8"),
                ]),
            DocumentSection("Answer", rows: [("Skeleton", CRMFormat.list(model.skeleton))], table: table),
            DocumentSection(
                "Assumptions",
                notes: [
                    "The skeleton is the prior guess of each level's DLT probability; the model moves all of them together through one parameter beta.",
                    "Interval ends are the DLT probability of that level at the values of beta where the recommendation switches to a neighbour (plug-in rule: the level whose estimate is closest to the target).",
                    "Level 1's interval reaches the model's limit as beta falls; the top level's reaches 0.",
                ]),
        ]
        let json = Body(
            skeleton: model.skeleton, model: model.kind.rawValue,
            intercept: model.kind == .logistic ? model.intercept : nil, target: target, halfwidth: halfwidth,
            priorMtd: priorMTD, levels: model.levels, indifferenceIntervals: intervals, method: method)
        return (calibrated ? "CRM skeleton (calibrated)" : "CRM skeleton: indifference intervals", sections, warnings, json)
    }

    /// The report: inputs, method, the skeleton with each level's indifference interval, and the assumptions.
    public func document() throws -> Document {
        let (title, sections, warnings, _) = try parts()
        return Document(title: title, sections: sections, warnings: warnings)
    }

    /// The JSON answer, ``Body``.
    public func jsonBody() throws -> Body { try parts().json }

    /// The variables `crm-skeleton.mustache` reads (listed in docs/templates.md), citing into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let crm = references.cite(CRMReferences.oQuigley1990)
        let source = references.cite(calibrated ? CRMReferences.leeCheung2009 : CRMReferences.cheungChappell2002)
        let book = references.cite(CRMReferences.cheung2011)
        return [
            "calibrated": calibrated,
            "model": model.kind.rawValue,
            "logistic": model.kind == .logistic,
            "intercept": NumberFormat.significant(model.intercept),
            "levels": model.levels,
            "target": NumberFormat.fixed(target, 2),
            "halfwidth": halfwidth.map { NumberFormat.fixed($0, 2) } ?? "",
            "lower": halfwidth.map { NumberFormat.fixed(target - $0, 2) } ?? "",
            "upper": halfwidth.map { NumberFormat.fixed(target + $0, 2) } ?? "",
            "prior_mtd": priorMTD ?? 0,
            "skeleton": CRMFormat.list(model.skeleton, 3),
            "intervals": intervals.map {
                ["level": $0.level, "lower": NumberFormat.fixed($0.lower, 2), "upper": NumberFormat.fixed($0.upper, 2)]
            },
            "crm": crm,
            "calibration": source,
            "sensitivity": source,
            "book": book,
        ]
    }

}

extension CRMSkeletonReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``): the skeleton, level by level.
    public var gridOutputs: [GridOutput] {
        (0..<model.levels).map { GridOutput("skeleton.\($0)", "Level \($0 + 1)", .value) }
    }
}
