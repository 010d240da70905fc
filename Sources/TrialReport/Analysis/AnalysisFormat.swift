/// Number formats shared by the analysis reports.
enum AnalysisFormat {
    /// A time as a reader expects it in a results paragraph: whole numbers from 100 up
    /// ("310 days"), three significant digits below ("8.29 weeks").
    static func time(_ t: Double) -> String {
        abs(t) >= 100 ? NumberFormat.fixed(t, 0) : NumberFormat.significant(t, 3)
    }

    /// A time in a report's tables: six significant digits (data values print as typed).
    static func exact(_ t: Double) -> String { NumberFormat.significant(t, 6) }

    /// A p-value: four decimals, or "< 0.0001".
    static func pValue(_ p: Double) -> String {
        p < 0.0001 ? "< 0.0001" : NumberFormat.fixed(p, 4)
    }

    /// "p = 0.0123" or "p < 0.0001", for sentences.
    static func pStatement(_ p: Double) -> String {
        p < 0.0001 ? "p < 0.0001" : "p = " + NumberFormat.fixed(p, 4)
    }

    /// A confidence level as a percentage without trailing zeros: 95%, 90%, 97.5%.
    static func level(_ conf: Double) -> String { NumberFormat.significant(conf * 100, 6) + "%" }
}
