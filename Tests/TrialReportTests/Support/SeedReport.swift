import Foundation
import TrialReport

/// The seed trial's phase II design (Kearney et al. 2021) as a report, from numbers computed by
/// ``SeedCurves``: the sections, a methods table, a justification and the plots. It stands in
/// for the survival design's report code until that lands, and feeds the golden and demo tests.
enum SeedReport {
    static let dropout = 0.10

    static let kearney = Reference(key: "kearney-2021", citation: "Kearney M, et al. Breast Cancer Res Treat. 2021;189:177-185. NCT02066532.")
    static let epsteinSobel = Reference(key: "epstein-sobel-1953", citation: "Epstein B, Sobel M. Life testing. J Am Stat Assoc. 1953;48(263):486-502.")
    static let aHern = Reference(key: "ahern-2001", citation: "A'Hern RP. Sample size tables for exact single-stage phase II designs. Stat Med. 2001;20(6):859-866.")

    /// Events the exact test needs: the first d whose exact power reaches the target.
    static func exactEvents() throws -> Int {
        try (1...200).first { try SeedCurves.exactPower(events: $0) >= SeedCurves.targetPower }!
    }

    static func patients(events: Int) -> Int {
        Int((Double(events) / (1 - dropout)).rounded(.up))
    }

    static func sections() throws -> [DocumentSection] {
        let events = try exactEvents()
        return [
            DocumentSection("Inputs", rows: [
                ["Control median PFS", NumberFormat.significant(SeedCurves.controlMedian) + " weeks"],
                ["Alternative median PFS", NumberFormat.significant(SeedCurves.alternativeMedian) + " weeks"],
                ["Alpha", NumberFormat.fixed(SeedCurves.alpha, 2) + " (one-sided)"],
                ["Power", NumberFormat.fixed(SeedCurves.targetPower, 2)],
                ["Loss to follow-up", NumberFormat.percent(dropout, 0)],
            ]),
            DocumentSection("Method", rows: [
                ["Test", "exact test on total time at risk, 2λT ~ χ²(2d)"],
                ["Sidedness", "one-sided, rejecting for longer PFS"],
            ]),
            DocumentSection("Answer", rows: [
                ["Events", String(events)],
                ["Patients", String(patients(events: events))],
                ["Attained power", NumberFormat.fixed(try SeedCurves.exactPower(events: events), 4)],
            ]),
            DocumentSection("Assumptions", notes: [
                "PFS is exponential in both arms.",
                "Patients = events / (1 - loss), rounded up.",
            ]),
        ]
    }

    static func methods() throws -> Table {
        let exact = try exactEvents()
        let normal = Int(try SeedCurves.normalEvents().rounded(.up))
        return Table(header: ["Method", "Events", "Patients", "Power"], rows: [
            ["Exact (χ² on time at risk)", String(exact), String(patients(events: exact)),
             NumberFormat.fixed(try SeedCurves.exactPower(events: exact), 4)],
            ["Normal approximation (log hazard)", String(normal), String(patients(events: normal)),
             NumberFormat.fixed(try SeedCurves.normalPower(events: Double(normal)), 4)],
        ], footnotes: ["Power is the exact test's for the exact row and the approximation's own for the normal row."])
    }

    /// A stand-in justification template, written the way the survival design's will be.
    static let template = """
        {{% CONTENT_TYPE: TEXT}}
        The phase II part follows the seed trial {{cite_seed}}. Progression-free survival is assumed
        exponential, with a median of {{control_median}} weeks under standard therapy and
        {{alternative_median}} weeks with the new regimen. With a one-sided {{test}} {{cite_test}} at
        α = {{alpha}}, {{events}} events give power {{attained_power}} (target {{power}}). Allowing for
        {{dropout}} loss to follow-up, {{patients}} patients are enrolled.
        {{#simulated}}A simulation of {{simulation.trials}} trials gave power {{simulation.power}}.{{/simulated}}

        The exact single-stage alternative {{cite_ahern}} is shown for comparison.
        """

    static func justificationContext(references: inout ReferenceList) throws -> [String: Any] {
        let events = try exactEvents()
        return [
            "cite_seed": references.cite(kearney),
            "control_median": NumberFormat.significant(SeedCurves.controlMedian),
            "alternative_median": NumberFormat.significant(SeedCurves.alternativeMedian),
            "test": "exact test on total time at risk",
            "cite_test": references.cite(epsteinSobel),
            "alpha": NumberFormat.fixed(SeedCurves.alpha, 2),
            "events": events,
            "attained_power": NumberFormat.fixed(try SeedCurves.exactPower(events: events), 4),
            "power": NumberFormat.fixed(SeedCurves.targetPower, 2),
            "dropout": NumberFormat.percent(dropout, 0),
            "patients": patients(events: events),
            "simulated": false,
            "simulation": ["trials": 0, "power": ""],
            "cite_ahern": references.cite(aHern),
        ]
    }

    static func justification() throws -> Justification {
        var references = ReferenceList()
        let context = try justificationContext(references: &references)
        return Justification(paragraph: try UserTemplate(path: "seed.mustache", source: template).render(context), references: references)
    }

    /// The demo warning (escaped in the page).
    static let warnings = ["Demo report built by the tests from computed numbers <not a design command>."]

    /// The document: sections, the warning, the methods table.
    static func document() throws -> Document {
        Document(title: "Single-arm survival design: the seed trial",
                 subtitle: "Kearney et al. 2021, phase II: median PFS 8 vs 13 weeks",
                 sections: try sections(), warnings: warnings,
                 appendix: [DocumentSection("Methods compared", [.table(try methods())])])
    }

    static func report(figures: [Figure]? = nil) throws -> HTMLReport {
        var document = try document()
        document.justification = try justification()
        document.appendix.append(DocumentSection("Plots", (try figures ?? [
                Figure(try SeedCurves.powerChart(), caption: "Power against events for both methods; the approximation's answer is marked."),
                Figure(try SeedCurves.sawtoothChart(), caption: "Exact binomial power is not monotone in n: first and stable n are marked."),
                Figure(try SeedCurves.doseChart(), caption: "Illustrative selection probabilities by dose beside the skeleton's DLT curve."),
            ]).map(Block.figure)))
        return HTMLReport(document, generator: "trialsize tests")
    }
}
