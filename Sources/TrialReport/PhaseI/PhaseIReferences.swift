import TrialDesign

/// The publications and software the phase I (BOIN, 3+3) reports cite.
public enum PhaseIReferences {
    /// Liu & Yuan 2015: the BOIN design and its boundaries.
    public static let liuYuan2015 = Reference(
        key: "liu-yuan-2015",
        citation: "Liu S, Yuan Y. Bayesian optimal interval designs for phase I clinical trials. J R Stat Soc Ser C Appl Stat. 2015;64(3):507-523.")
    /// Yuan, Hess, Hilsenbeck & Gilbert 2016: BOIN in practice, elimination and isotonic selection.
    public static let yuan2016 = Reference(
        key: "yuan-hess-hilsenbeck-gilbert-2016",
        citation: "Yuan Y, Hess KR, Hilsenbeck SG, Gilbert MR. Bayesian optimal interval design: a simple and well-performing design for phase I oncology trials. Clin Cancer Res. 2016;22(17):4291-4301.")
    /// The BOIN R package (Yan et al. 2020), whose conventions trialsize follows.
    public static let boinPackage = Reference(
        key: "boin-package",
        citation: "Yan F, Pan H, Zhang L, Liu S, Yuan Y. BOIN: an R package for designing single-agent and drug-combination dose-finding trials using Bayesian optimal interval designs. J Stat Softw. 2020;94(13):1-32 (BOIN R package 2.7.2, whose conventions trialsize follows).")
    /// Lin & Shih 2001: exact operating characteristics of A+B designs.
    public static let linShih2001 = Reference(
        key: "lin-shih-2001",
        citation: "Lin Y, Shih WJ. Statistical properties of the traditional algorithm-based designs for phase I cancer clinical trials. Biostatistics. 2001;2(2):203-215.")
    /// Storer 1989: the 3+3 design.
    public static let storer1989 = Reference(
        key: "storer-1989",
        citation: "Storer BE. Design and analysis of phase I clinical trials. Biometrics. 1989;45(3):925-937.")
    /// This software.
    public static let trialsize = Reference(
        key: "trialsize",
        citation: "trialsize: power and sample-size calculations for phase I/II cancer trials (software).")
}

/// A report as an ordered list of blocks: sections of label–value rows and real tables, rendered in
/// order in every format (text, Markdown, LaTeX) and into a page.
struct PhaseIDocument {
    enum Block {
        case section(Section)
        case table(Table)
    }

    var title: String
    var blocks: [Block]

    var sections: [Section] { blocks.compactMap { if case .section(let s) = $0 { return s } else { return nil } } }
    var tables: [Table] { blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } } }

    /// The blocks in order; tables render through ``Table/render(_:)`` so they are real tables in every format.
    func render(_ format: OutputFormat) -> String {
        var out = Layout.render(title: title, sections: [], format: format)
        let header = out
        for block in blocks {
            switch block {
            case .section(let section):
                out += String(Layout.render(title: title, sections: [section], format: format).dropFirst(header.count))
            case .table(let table):
                out += "\n" + table.render(format)
            }
        }
        return out
    }

    /// The page for `--report`: the sections, then the tables, plots and justification.
    func report(plots: [DesignReport.Plot], justification: Justification?) -> DesignReport {
        DesignReport(title: title, sections: sections, tables: tables, plots: plots, justification: justification)
    }

    /// The whole answer: JSON encodes `json` (with `justification` when given); otherwise the paragraph alone
    /// when given, else the blocks.
    func render<Payload: Encodable>(_ format: OutputFormat, json: Payload, justification: Justification?) throws -> String {
        if format == .json { return try JSONOutput.encode(json, justification: justification) }
        if let justification { return justification.render(format) }
        return render(format)
    }
}

enum PhaseIFormat {
    static func list(_ values: [Double], _ digits: Int = 2) -> String {
        values.map { NumberFormat.fixed($0, digits) }.joined(separator: ", ")
    }

    /// "0.250 ± 0.004", or the value alone when exact (standard error 0 and `exact`).
    static func estimate(_ e: MonteCarloEstimate, _ digits: Int, exact: Bool) -> String {
        exact ? NumberFormat.fixed(e.estimate, digits) : "\(NumberFormat.fixed(e.estimate, digits)) ± \(NumberFormat.fixed(e.standardError, digits))"
    }

    static func percent(_ e: MonteCarloEstimate, exact: Bool) -> String {
        exact ? NumberFormat.percent(e.estimate, 1) : "\(NumberFormat.percent(e.estimate, 1)) ± \(NumberFormat.percent(e.standardError, 1))"
    }
}
