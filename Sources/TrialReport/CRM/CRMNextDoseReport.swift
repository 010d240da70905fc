import TrialDesign

/// `trialsize crm next`: the posterior after the outcomes so far and the next patient's dose.
public struct CRMNextDoseReport: DesignReporting {
    /// The shipped template, `Templates/crm-next.mustache`.
    public static let templateName = "crm-next"

    /// The answer: the posterior after the outcomes so far, the level closest to the target, the next
    /// level after the restrictions, and the safety rule's verdict.
    public let answer: CRMNextDose
    /// TITE: the DLT window, the weighting scheme and each patient's follow-up; nil for complete outcomes.
    public let window: Double?
    /// TITE: how a DLT-free patient's partial follow-up is weighted; nil means linear (u/T) when a
    /// window is given.
    public let weighting: TITEWeighting?
    /// TITE: each patient's follow-up so far (the time to the DLT for one who had it), in the window's unit, in enrolment order.
    public let followUp: [Double]?
    /// The time unit of the window and follow-up (`--unit`), or nil for a bare number.
    public var unit: String?

    /// A report of `answer`; `window`, `weighting` and `followUp` are nil for complete outcomes. Set
    /// ``unit`` afterwards to label the window and follow-up.
    public init(answer: CRMNextDose, window: Double?, weighting: TITEWeighting?, followUp: [Double]?) {
        self.answer = answer
        self.window = window
        self.weighting = weighting
        self.followUp = followUp
    }

    /// An equal-tailed posterior interval for a level's DLT probability.
    public struct Interval: Encodable { let lower: Double; let upper: Double }

    /// The JSON answer (docs/json/crm.md, `crm next`): the posterior of β and of each level's DLT
    /// probability, the next level (null when the safety rule stops the trial), the patients' data and
    /// the inputs.
    public struct Body: Encodable {
        let betaMean: Double
        let betaSd: Double
        let dltEstimates: [Double]
        let posteriorMeanDlt: [Double]
        let dltIntervals: [Interval]
        let intervalLevel: Double
        let aboveTarget: [Double]
        let nextLevel: NullOr<Int>
        let closestLevel: Int
        let stopForSafety: Bool
        let safetyStop: Double?
        let excessiveLevels: [Int]
        let model: String
        let intercept: Double?
        let skeleton: [Double]
        let target: Double
        let priorVariance: Double
        let levels: [Int]
        let dlt: [Int]
        let weights: [Double]
        let followUp: [Double]?
        let window: Double?
        let unit: String?
        let weighting: String?
        let noSkipping: Bool
        let noEscalationAfterDlt: Bool
        let method: String
    }

    var method: String {
        "Bayesian CRM: normal prior on beta (mean 0, variance \(NumberFormat.significant(answer.priorVariance))), posterior by adaptive quadrature (QUADPACK QAGI, relative tolerance 1e-12); next level = the one whose plug-in estimate p_k(E[beta]) is closest to the target"
            + (window != nil ? "; TITE-CRM likelihood with \(weighting?.rawValue ?? "linear") weights" : "")
    }

    /// The title, sections, warnings and JSON body.
    func parts() throws -> (title: String, sections: [DocumentSection], warnings: [String], json: Body) {
        let a = answer
        let p = a.posterior
        var inputs: [(String, String)] = [
            ("Target DLT probability", NumberFormat.fixed(a.target, 3)),
            ("Model", CRMFormat.modelLabel(a.model.kind.rawValue, intercept: a.model.intercept)),
            ("Skeleton", CRMFormat.list(a.model.skeleton)),
            ("Prior on beta", "normal, mean 0, variance \(NumberFormat.significant(a.priorVariance))"),
            (
                "Patients",
                a.data.count == 0
                    ? "none yet"
                    : "\(a.data.count) (levels \(a.data.levels.map(String.init).joined(separator: ",")); DLT \(a.data.dlt.map { $0 ? "1" : "0" }.joined(separator: ",")))"
            ),
        ]
        if let threshold = a.safetyThreshold {
            inputs.append(("Safety rule", "stop when P(DLT rate at level 1 > target) > \(NumberFormat.significant(threshold))"))
        }
        if let window, let followUp {
            inputs.append(("DLT window", NumberFormat.duration(window, unit: unit)))
            inputs.append(
                ("Follow-up", followUp.map { NumberFormat.significant($0) }.joined(separator: ",") + (unit.map { " (\($0))" } ?? "")))
            inputs.append(("TITE weights", "\(weighting?.rawValue ?? "linear"): " + CRMFormat.list(a.data.weights, 3)))
        }
        inputs.append(("Restrictions", restrictionText))
        let table = Table(
            header: [
                "level", "skeleton", "plug-in p_k", "posterior mean", "\(NumberFormat.fixed(p.intervalLevel * 100, 0))% interval",
                "P(p_k > target)", "patients", "DLTs",
            ],
            rows: (0..<a.model.levels).map { k in
                let treated = a.data.levels.filter { $0 == k + 1 }.count
                let dlts = zip(a.data.levels, a.data.dlt).filter { $0.0 == k + 1 && $0.1 }.count
                return [
                    String(k + 1), NumberFormat.fixed(a.model.skeleton[k], 4), NumberFormat.fixed(p.plugInEstimates[k], 4),
                    NumberFormat.fixed(p.posteriorMeans[k], 4),
                    "(\(NumberFormat.fixed(p.intervals[k].lower, 4)), \(NumberFormat.fixed(p.intervals[k].upper, 4)))",
                    NumberFormat.fixed(a.aboveTarget[k], 3), String(treated), String(dlts),
                ]
            })
        var answerRows: [(String, String)] = [
            ("Posterior mean of beta", NumberFormat.fixed(p.betaMean, 4) + " (sd \(NumberFormat.fixed(p.betaStandardDeviation, 4)))")
        ]
        if a.stopsForSafety {
            answerRows.append(("Next dose level", "none: stop the trial (safety rule)"))
        } else {
            answerRows.append(("Next dose level", String(a.nextLevel) + (a.data.count == 0 ? " (the starting dose: no patients yet)" : "")))
        }
        if a.closestLevel != a.nextLevel {
            answerRows.append(("Closest to target", "level \(a.closestLevel), held back by the restrictions"))
        }
        var warnings: [String] = []
        if a.stopsForSafety, let threshold = a.safetyThreshold {
            warnings.append(
                "Stop the trial: the posterior probability that the lowest dose's DLT rate exceeds the target \(NumberFormat.fixed(a.target, 2)) is \(NumberFormat.fixed(a.aboveTarget[0], 3)), above the safety threshold \(NumberFormat.significant(threshold))."
            )
        }
        for level in a.excessiveLevels {
            let treated = a.data.levels.filter { $0 == level }.count
            let dlts = zip(a.data.levels, a.data.dlt).filter { $0.0 == level && $0.1 }.count
            warnings.append(
                "Level \(level) looks clearly too toxic: \(dlts) DLT\(dlts == 1 ? "" : "s") in \(treated) patient\(treated == 1 ? "" : "s"), posterior P(DLT rate > \(NumberFormat.fixed(a.target, 2))) = \(NumberFormat.fixed(a.aboveTarget[level - 1], 3))."
            )
        }
        if a.closestLevel != a.nextLevel, a.data.count > 0 {
            warnings.append("The model's choice (level \(a.closestLevel)) was capped at level \(a.nextLevel) by \(restrictionText).")
        }
        let sections = [
            DocumentSection("Inputs", rows: inputs),
            DocumentSection(
                "Method",
                rows: [
                    ("Method", method),
                    ("Reference", window != nil ? "Cheung & Chappell 2000; Cheung 2011" : "O'Quigley, Pepe & Fisher 1990; Cheung 2011"),
                ]),
            DocumentSection("Answer", rows: answerRows, table: table),
            DocumentSection(
                "Assumptions",
                notes: [
                    "Patients are listed in order of enrolment; the last one is the current patient for the restrictions.",
                    "Intervals are equal-tailed posterior probability intervals, from the posterior quantiles of beta; P(p_k > target) is the posterior probability that level k's DLT rate exceeds the target (a treated level above \(NumberFormat.significant(CRMNextDose.excessThreshold)) is flagged).",
                    window != nil
                        ? "A DLT-free patient followed for u of the window T counts as 1 - w p_k (w = \(weighting == .adaptive ? "Cheung & Chappell's adaptive weight" : "u/T")); a patient with a DLT gives its follow-up as the time to the DLT."
                        : "Every patient has been followed for the whole DLT window.",
                ]),
        ]
        let json = Body(
            betaMean: p.betaMean, betaSd: p.betaStandardDeviation, dltEstimates: p.plugInEstimates,
            posteriorMeanDlt: p.posteriorMeans, dltIntervals: p.intervals.map { Interval(lower: $0.lower, upper: $0.upper) },
            intervalLevel: p.intervalLevel, aboveTarget: a.aboveTarget, nextLevel: NullOr(a.stopsForSafety ? nil : a.nextLevel),
            closestLevel: a.closestLevel, stopForSafety: a.stopsForSafety, safetyStop: a.safetyThreshold,
            excessiveLevels: a.excessiveLevels,
            model: a.model.kind.rawValue, intercept: a.model.kind == .logistic ? a.model.intercept : nil,
            skeleton: a.model.skeleton, target: a.target, priorVariance: a.priorVariance, levels: a.data.levels,
            dlt: a.data.dlt.map { $0 ? 1 : 0 }, weights: a.data.weights, followUp: followUp, window: window, unit: unit,
            weighting: window != nil ? (weighting ?? .linear).rawValue : nil,
            noSkipping: a.restrictions.noSkipping, noEscalationAfterDlt: a.restrictions.noEscalationAfterDLT, method: method)
        return (window != nil ? "TITE-CRM next dose" : "CRM next dose", sections, warnings, json)
    }

    var restrictionText: String { answer.restrictions.summary }

    /// The report: inputs, method, the next dose level with the posterior by level, assumptions, and
    /// warnings for a safety stop, a clearly too toxic level or a restriction that held the dose back.
    public func document() throws -> Document {
        let (title, sections, warnings, _) = try parts()
        return Document(title: title, sections: sections, warnings: warnings)
    }

    /// The JSON answer, ``Body``.
    public func jsonBody() throws -> Body { try parts().json }

    /// The variables `crm-next.mustache` reads (listed in docs/templates.md), citing into `references`.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let a = answer
        return [
            "crm": references.cite(CRMReferences.oQuigley1990),
            "tite": window != nil,
            "tite_citation": window != nil ? references.cite(CRMReferences.cheungChappell2000) : "",
            "book": references.cite(CRMReferences.cheung2011),
            "model": a.model.kind.rawValue,
            "skeleton": CRMFormat.list(a.model.skeleton, 3),
            "variance": NumberFormat.significant(a.priorVariance),
            "patients": a.data.count,
            "dlts": a.data.dlt.filter { $0 }.count,
            "window": window.map { NumberFormat.duration($0, unit: unit) } ?? "",
            "weighting": weighting == .adaptive ? "adaptive" : "linear",
            "beta_mean": NumberFormat.fixed(a.posterior.betaMean, 3),
            "estimates": CRMFormat.list(a.posterior.plugInEstimates, 3),
            "target": NumberFormat.fixed(a.target, 2),
            "next": a.nextLevel,
            "closest": a.closestLevel,
            "held": a.closestLevel != a.nextLevel,
            "restrictions": restrictionText,
            "no_data": a.data.count == 0,
            "has_data": a.data.count > 0,
            "stop": a.stopsForSafety,
            "go_on": !a.stopsForSafety,
            "lowest_above": NumberFormat.fixed(a.aboveTarget.first ?? 0, 3),
            "safety_threshold": a.safetyThreshold.map { NumberFormat.significant($0) } ?? "",
            "excessive": a.excessiveLevels.isEmpty
                ? ""
                : "Level" + (a.excessiveLevels.count > 1 ? "s " : " ")
                    + a.excessiveLevels.map(String.init).joined(separator: ", ")
                    + (a.excessiveLevels.count > 1 ? " are" : " is")
                    + " probably above the target (posterior probability over \(NumberFormat.significant(CRMNextDose.excessThreshold))).",
        ]
    }

}

extension CRMNextDoseReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [.init("next_level", "Next level"), .init("beta_mean", "Posterior mean of beta", .value)]
    }
}
