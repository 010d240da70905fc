import Foundation
/// The publications the CRM reports cite.
public enum CRMReferences {
    public static let oQuigley1990 = Reference(
        key: "oquigley-pepe-fisher-1990",
        citation: "O'Quigley J, Pepe M, Fisher L. Continual reassessment method: a practical design for phase 1 clinical trials in cancer. Biometrics. 1990;46(1):33-48.")
    public static let cheungChappell2000 = Reference(
        key: "cheung-chappell-2000",
        citation: "Cheung YK, Chappell R. Sequential designs for phase I clinical trials with late-onset toxicities. Biometrics. 2000;56(4):1177-1182.")
    public static let cheungChappell2002 = Reference(
        key: "cheung-chappell-2002",
        citation: "Cheung YK, Chappell R. A simple technique to evaluate model sensitivity in the continual reassessment method. Biometrics. 2002;58(3):671-674.")
    public static let leeCheung2009 = Reference(
        key: "lee-cheung-2009",
        citation: "Lee SM, Cheung YK. Model calibration in the continual reassessment method. Clin Trials. 2009;6(3):227-238.")
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

    /// The whole report in `format`: JSON encodes `json` (with `justification` when given); otherwise the
    /// paragraph alone when given, else the sections.
    static func render<Payload: Encodable>(title: String, sections: [Section], json: Payload, justification: Justification?,
                                           format: OutputFormat) throws -> String {
        if format == .json {
            return try JSONOutput.encode(json, justification: justification)
        }
        if let justification { return justification.render(format) }
        return Layout.render(title: title, sections: sections, format: format)
    }

    /// A page from sections rendered for Markdown: the pipe-table lines among the Answer notes
    /// become a ``Table`` of their own (aligned and right-justified in the page).
    static func document(title: String, sections: [Section], tableTitle: String, plots: [DesignReport.Plot],
                         justification: Justification?) throws -> DesignReport {
        var sections = sections
        var tables: [LegacyTable] = []
        for index in sections.indices {
            let lines = sections[index].notes.filter { $0.hasPrefix("|") }
            guard lines.count >= 2 else { continue }
            func cells(_ line: String) -> [String] {
                line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces) }
            }
            let headers = cells(lines[0])
            let rows = lines.dropFirst().filter { !$0.hasPrefix("|---") }.map(cells).filter { $0.count == headers.count }
            // A footnote on the table ("* the true MTD") goes under the table.
            let footnotes = sections[index].notes.filter { $0.hasPrefix("* ") }
            tables.append(LegacyTable(tableTitle, headers: headers, rows: rows, notes: footnotes))
            sections[index].notes.removeAll { $0.hasPrefix("|") || $0.hasPrefix("* ") }
            sections[index].notes.insert("By level: see the table \"\(tableTitle)\" below.", at: 0)
        }
        return DesignReport(title: title, sections: sections, tables: tables, plots: plots, justification: justification)
    }
}
