import Foundation

/// The columns of a `ci --input` file with a header naming them: `x` and `n` (in any place, any
/// case) and any others (an id, a site, a cohort), which pass through to every output line in
/// their order, before the interval's columns (CSV) or as string fields first (JSON lines).
///
/// Fields are split as CSV (RFC 4180): a field may be quoted with `"`, a quote inside doubled,
/// so an id may hold commas. A file whose first line is `x,n` or a data line keeps the fast
/// path (``BatchIntervals/parse(_:)``) and its output is unchanged.
struct BatchColumns: Sendable {
    /// The positions of `x` and `n` among the fields.
    let xIndex: Int
    let nIndex: Int
    /// The other columns: position and name, in file order.
    let extras: [(index: Int, name: String)]
    /// How many fields every line has.
    let count: Int

    /// The header's columns, or nil when `line` is not a header naming both `x` and `n` with
    /// other columns beside them.
    init?(header line: String) {
        guard let names = Self.split(line)?.map({ $0.trimmingCharacters(in: .whitespaces) }),
            names.count > 2, !names.contains(where: \.isEmpty),
            let x = names.firstIndex(where: { $0.lowercased() == "x" }),
            let n = names.firstIndex(where: { $0.lowercased() == "n" }),
            Set(names.map { $0.lowercased() }).count == names.count
        else { return nil }
        xIndex = x
        nIndex = n
        extras = names.indices.filter { $0 != x && $0 != n }.map { ($0, names[$0]) }
        count = names.count
    }

    /// The CSV header: the extra columns, then the interval's.
    func csvHeader(_ intervalHeader: String) -> String {
        extras.map { Self.csvField($0.name) }.joined(separator: ",") + "," + intervalHeader
    }

    /// One data line: its counts and its extra fields; nil when it does not have the header's
    /// number of fields or its x and n are not whole numbers.
    func values(_ line: String) -> (x: Int, n: Int, extras: [String])? {
        guard let fields = Self.split(line), fields.count == count,
            let x = Int(fields[xIndex].trimmingCharacters(in: .whitespaces)), x >= 0,
            let n = Int(fields[nIndex].trimmingCharacters(in: .whitespaces)), n >= 0
        else { return nil }
        return (x, n, extras.map { fields[$0.index] })
    }

    /// The bytes written before each CSV line (`A-07,`) or inside each JSON object (`"id":"A-07",`).
    func prefix(_ values: [String], json: Bool) -> [UInt8] {
        if json {
            return Array(zip(extras, values).map { Self.jsonString($0.0.name) + ":" + Self.jsonString($0.1) + "," }.joined().utf8)
        }
        return Array((values.map(Self.csvField).joined(separator: ",") + ",").utf8)
    }

    /// The fields of one CSV line (its line ending removed); nil for an unterminated quote.
    static func split(_ line: String) -> [String]? {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(line.trimmingCharacters(in: .newlines))
        if chars.last == "\r" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                field = ""
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
            i += 1
        }
        if quoted { return nil }
        fields.append(field)
        return fields
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A JSON string literal, by Foundation's encoder (slashes left as they are).
    static func jsonString(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
