import Foundation

/// Reads the CSV fixtures written by scripts/generate_probability_fixtures.py
/// (mpmath at 60 digits, each value rounded once to the nearest double).
enum Fixture {
    /// The rows of `Fixtures/<name>`, each a dictionary from column name to field text.
    static func rows(_ name: String) throws -> [[String: String]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }
}

extension Dictionary where Key == String, Value == String {
    func double(_ key: String) -> Double { Double(self[key]!)! }
    func int(_ key: String) -> Int { Int(self[key]!)! }
}

/// Relative error of `value` against `reference`; references below 1e-300 (where doubles
/// become subnormal and relative error loses meaning) are compared absolutely.
func relativeError(_ value: Double, _ reference: Double) -> Double {
    if value == reference { return 0 }
    if abs(reference) < 1e-300 { return abs(value - reference) < 1e-300 ? 0 : .infinity }
    return abs(value - reference) / abs(reference)
}

/// Collects the worst relative error over a fixture, with the case that produced it.
struct WorstError: CustomStringConvertible {
    var error = 0.0
    var at = ""
    var count = 0
    mutating func record(_ value: Double, _ reference: Double, _ label: @autoclosure () -> String) {
        count += 1
        let e = relativeError(value, reference)
        if !(e <= error) { error = e; at = label() + " got \(value) want \(reference)" }
    }
    var description: String { "worst relative error \(error) over \(count) values at \(at)" }
}
