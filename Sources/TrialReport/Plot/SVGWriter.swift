/// Builds SVG markup one element per line, with coordinates printed at a fixed precision,
/// so the same chart always gives the same bytes and golden files diff line by line.
struct SVGWriter {
    private(set) var lines: [String] = []
    private var depth = 0

    /// A coordinate or length: one decimal (a tenth of a pixel), never "-0.0".
    static func number(_ value: Double) -> String {
        let text = NumberFormat.fixed(value, 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// `name="value"` pairs; values are escaped here, numbers formatted by ``number(_:)``.
    static func attributes(_ pairs: KeyValuePairs<String, Any>) -> String {
        pairs.map { key, value in
            let text: String
            switch value {
            case let number as Double: text = Self.number(number)
            case let number as Int: text = String(number)
            default: text = Markup.escape("\(value)")
            }
            return " \(key)=\"\(text)\""
        }.joined()
    }

    /// An element with no content: `<line x1="0" … />`.
    mutating func empty(_ name: String, _ pairs: KeyValuePairs<String, Any>) {
        append("<\(name)\(Self.attributes(pairs))/>")
    }

    /// An element holding escaped text: `<text x="4" y="8">Power</text>`.
    mutating func text(_ name: String, _ pairs: KeyValuePairs<String, Any>, _ content: String) {
        append("<\(name)\(Self.attributes(pairs))>\(Markup.escape(content))</\(name)>")
    }

    /// Opens a group or other container; close it with ``close(_:)``.
    mutating func open(_ name: String, _ pairs: KeyValuePairs<String, Any> = [:]) {
        append("<\(name)\(Self.attributes(pairs))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        append("</\(name)>")
    }

    mutating func append(_ line: String) {
        lines.append(String(repeating: "  ", count: depth) + line)
    }

    var markup: String { lines.joined(separator: "\n") + "\n" }
}
