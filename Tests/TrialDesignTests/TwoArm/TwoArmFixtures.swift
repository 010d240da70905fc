import Foundation

/// Reads the CSV fixtures of the randomized designs: `#` lines are provenance comments, text
/// fields may be quoted, empty fields are missing values.
enum TwoArmFixtures {
    struct Row {
        let fields: [String: String]
        func number(_ key: String) -> Double? { fields[key].flatMap { $0.isEmpty ? nil : Double($0) } }
        subscript(_ key: String) -> Double { number(key)! }
        func text(_ key: String) -> String { fields[key] ?? "" }
    }

    static func rows(_ name: String) throws -> [Row] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        func split(_ line: Substring) -> [String] {
            line.split(separator: ",", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\"", with: "") }
        }
        let header = split(lines[0])
        return lines.dropFirst().map { Row(fields: Dictionary(uniqueKeysWithValues: zip(header, split($0)))) }
    }
}
