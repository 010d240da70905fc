import Foundation

/// Reads the CSV fixtures written by scripts/generate_survival_fixtures.py (scipy).
enum SurvivalFixtures {
    static func rows(_ name: String) throws -> [[String: Double]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            var row: [String: Double] = [:]
            for (key, field) in zip(header, line.split(separator: ",")) {
                row[key] = field == "inf" ? .infinity : Double(field)!
            }
            return row
        }
    }
}

extension SurvivalFixtures {
    /// Rows whose first column is text (a method name), with the remaining columns numeric.
    static func text(_ name: String) throws -> [(String, [String: Double])] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",").map(String.init)
            var row: [String: Double] = [:]
            for (key, field) in zip(header.dropFirst(), fields.dropFirst()) { row[key] = Double(field)! }
            return (fields[0], row)
        }
    }
}
