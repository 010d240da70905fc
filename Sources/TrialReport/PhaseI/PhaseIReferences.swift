import TrialDesign

/// The publications and software the phase I (BOIN, 3+3) reports cite.
public enum PhaseIReferences {
    /// Liu & Yuan 2015: the BOIN design and its boundaries.
    public static let liuYuan2015 = Reference(
        key: "liu-yuan-2015",
        citation:
            "Liu S, Yuan Y. Bayesian optimal interval designs for phase I clinical trials. J R Stat Soc Ser C Appl Stat. 2015;64(3):507-523."
    )
    /// Yuan, Hess, Hilsenbeck & Gilbert 2016: BOIN in practice, elimination and isotonic selection.
    public static let yuan2016 = Reference(
        key: "yuan-hess-hilsenbeck-gilbert-2016",
        citation:
            "Yuan Y, Hess KR, Hilsenbeck SG, Gilbert MR. Bayesian optimal interval design: a simple and well-performing design for phase I oncology trials. Clin Cancer Res. 2016;22(17):4291-4301."
    )
    /// The BOIN R package (Yan et al. 2020), whose conventions trialsize follows.
    public static let boinPackage = Reference(
        key: "boin-package",
        citation:
            "Yan F, Pan H, Zhang L, Liu S, Yuan Y. BOIN: an R package for designing single-agent and drug-combination dose-finding trials using Bayesian optimal interval designs. J Stat Softw. 2020;94(13):1-32 (BOIN R package 2.7.2, whose conventions trialsize follows)."
    )
    /// Yuan, Lin, Li, Nie & Warren 2018: TITE-BOIN, BOIN for late-onset toxicity.
    public static let yuan2018 = Reference(
        key: "yuan-lin-li-nie-warren-2018",
        citation:
            "Yuan Y, Lin R, Li D, Nie L, Warren KE. Time-to-event Bayesian optimal interval design to accelerate phase I trials. Clin Cancer Res. 2018;24(20):4921-4930."
    )
    /// Lin & Yuan 2020: the approximated likelihood behind the time-to-event model-assisted designs.
    public static let linYuan2020 = Reference(
        key: "lin-yuan-2020",
        citation:
            "Lin R, Yuan Y. Time-to-event model-assisted designs for dose-finding trials with delayed toxicity. Biostatistics. 2020;21(4):807-824."
    )
    /// Lin & Shih 2001: exact operating characteristics of A+B designs.
    public static let linShih2001 = Reference(
        key: "lin-shih-2001",
        citation:
            "Lin Y, Shih WJ. Statistical properties of the traditional algorithm-based designs for phase I cancer clinical trials. Biostatistics. 2001;2(2):203-215."
    )
    /// Storer 1989: the 3+3 design.
    public static let storer1989 = Reference(
        key: "storer-1989",
        citation: "Storer BE. Design and analysis of phase I clinical trials. Biometrics. 1989;45(3):925-937.")
}

/// A titled block of label–value rows and notes (converted to a ``DocumentSection``).
struct PhaseISection {
    var title: String
    var rows: [(label: String, value: String)]
    var notes: [String]
    init(_ title: String, rows: [(label: String, value: String)] = [], notes: [String] = []) {
        self.title = title
        self.rows = rows
        self.notes = notes
    }
}

/// A titled results table (a ``Table`` in a section of its own).
struct PhaseITable {
    var title: String
    var table: Table
    init(_ title: String, headers: [String], rows: [[String]], notes: [String] = []) {
        self.title = title
        table = Table(header: headers, rows: rows, footnotes: notes)
    }
}

/// A report as an ordered list of sections and tables, converted to the shared ``Document``;
/// a section titled "Warnings" becomes the document's warnings.
struct PhaseIDocument {
    enum Block {
        case section(PhaseISection)
        case table(PhaseITable)
    }

    var title: String
    var blocks: [Block]

    var document: Document {
        var sections: [DocumentSection] = []
        var warnings: [String] = []
        for block in blocks {
            switch block {
            case .section(let s) where s.title == "Warnings":
                warnings += s.notes
            case .section(let s):
                var content: [Block_] = []
                if !s.rows.isEmpty { content.append(.rows(s.rows.map { Row($0.label, $0.value) })) }
                if !s.notes.isEmpty { content.append(.notes(s.notes)) }
                sections.append(DocumentSection(s.title, content))
            case .table(let t):
                sections.append(DocumentSection(t.title, [.table(t.table)]))
            }
        }
        return Document(title: title, sections: sections, warnings: warnings)
    }
}

/// The shared document model's block (named apart from ``PhaseIDocument/Block``).
typealias Block_ = TrialReport.Block

enum PhaseIFormat {
    static func list(_ values: [Double], _ digits: Int = 2) -> String {
        values.map { NumberFormat.fixed($0, digits) }.joined(separator: ", ")
    }

    /// "0.250 ± 0.004", or the value alone when exact (standard error 0 and `exact`).
    static func estimate(_ e: MonteCarloEstimate, _ digits: Int, exact: Bool) -> String {
        exact
            ? NumberFormat.fixed(e.estimate, digits)
            : "\(NumberFormat.fixed(e.estimate, digits)) ± \(NumberFormat.fixed(e.standardError, digits))"
    }

    static func percent(_ e: MonteCarloEstimate, exact: Bool) -> String {
        exact ? NumberFormat.percent(e.estimate, 1) : "\(NumberFormat.percent(e.estimate, 1)) ± \(NumberFormat.percent(e.standardError, 1))"
    }
}
