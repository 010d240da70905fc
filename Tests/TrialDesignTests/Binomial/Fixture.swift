import Foundation

/// A CSV fixture written by scripts/generate_binomial_fixtures.py, read relative to this file.
struct Fixture {
    let header: [String]
    let rows: [[String]]

    init(_ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        header = lines[0].split(separator: ",").map(String.init)
        rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Each row as a dictionary keyed by the header.
    var records: [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}

/// |a − b| ≤ tolerance · |b| (or ≤ tolerance when b is 0).
func close(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    b == 0 ? abs(a) <= tolerance : abs(a - b) <= tolerance * abs(b)
}
