import Foundation

/// A CSV fixture from the `Fixtures` folder of the calling test target (`Tests/<Target>/Fixtures/`),
/// as written by the generator scripts under `scripts/` (one header line, comma-separated fields,
/// no quoting).
///
/// The folder is found from the caller's `#filePath`, so fixtures are read from the source tree
/// (the committed files), wherever the test file sits inside its target.
public struct CSVFixture: Sendable {
    /// The column names.
    public let header: [String]
    /// Each row's fields as text, in header order.
    public let rows: [[String]]

    /// Reads `Tests/<Target>/Fixtures/<name>`, where `<Target>` holds the calling file.
    public init(_ name: String, file: String = #filePath) throws {
        let text = try String(contentsOf: FixtureFolder.url(name, file: file), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else {
            header = []
            rows = []
            return
        }
        header = Self.fields(lines.removeFirst())
        rows = lines.map(Self.fields)
    }

    /// Each row as a dictionary from column name to field text.
    public var records: [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Each row as a dictionary from column name to number (`inf`, `-inf` and `nan` read as such);
    /// a field that is not a number is a defect in the fixture and stops the test run.
    public var numericRecords: [[String: Double]] {
        rows.map { fields in
            Dictionary(uniqueKeysWithValues: zip(header, fields).map { ($0, Self.number($1)) })
        }
    }

    /// Rows whose first column is a label (a method name) and whose other columns are numbers.
    public var labelledRecords: [(label: String, values: [String: Double])] {
        rows.map { fields in
            let values = zip(header.dropFirst(), fields.dropFirst()).map { ($0, Self.number($1)) }
            return (fields.first ?? "", Dictionary(uniqueKeysWithValues: values))
        }
    }

    static func fields(_ line: String) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    static func number(_ field: String) -> Double {
        switch field {
        case "inf", "Inf", "infinity": return .infinity
        case "-inf", "-Inf", "-infinity": return -.infinity
        default:
            guard let value = Double(field) else { fatalError("fixture field '\(field)' is not a number") }
            return value
        }
    }
}

/// A JSON fixture from the calling test target's `Fixtures` folder, whose top-level object holds
/// the reference values under `data` (the layout of scripts/generate_crm_fixtures.py).
public enum JSONFixture {
    /// The `data` array of `Tests/<Target>/Fixtures/<name>`: one dictionary per case.
    public static func records(_ name: String, file: String = #filePath) throws -> [[String: Any]] {
        try topLevel(name, file: file)["data"] as? [[String: Any]] ?? []
    }

    /// The `data` object of `Tests/<Target>/Fixtures/<name>`.
    public static func object(_ name: String, file: String = #filePath) throws -> [String: Any] {
        try topLevel(name, file: file)["data"] as? [String: Any] ?? [:]
    }

    static func topLevel(_ name: String, file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: FixtureFolder.url(name, file: file))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}

/// Where fixtures live: `Tests/<Target>/Fixtures/`.
public enum FixtureFolder {
    /// `Tests/<Target>/<folder>/<name>` for the test target holding `file` (a `#filePath`).
    public static func url(_ name: String, folder: String = "Fixtures", file: String = #filePath) -> URL {
        targetRoot(of: file).appendingPathComponent(folder).appendingPathComponent(name)
    }

    /// The folder directly under `Tests/` that holds `file`.
    public static func targetRoot(of file: String) -> URL {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        while url.pathComponents.count > 1, url.deletingLastPathComponent().lastPathComponent != "Tests" {
            url = url.deletingLastPathComponent()
        }
        return url
    }
}

extension Dictionary where Key == String, Value == String {
    /// The field `key` as a number; the fixture's defect (a missing column) stops the run.
    public func double(_ key: String) -> Double { Double(self[key]!)! }
    /// The field `key` as a whole number.
    public func int(_ key: String) -> Int { Int(self[key]!)! }
}

extension Dictionary where Key == String, Value == Any {
    /// The JSON array `key` as numbers.
    public func doubles(_ key: String) -> [Double] { (self[key] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } }
    /// The JSON array `key` as whole numbers.
    public func ints(_ key: String) -> [Int] { (self[key] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.intValue } }
    /// The JSON number `key`; NaN when missing, so a comparison with it fails.
    public func double(_ key: String) -> Double { (self[key] as? NSNumber)?.doubleValue ?? .nan }
    /// The JSON whole number `key`; −1 when missing.
    public func int(_ key: String) -> Int { (self[key] as? NSNumber)?.intValue ?? -1 }
    /// The JSON string `key`; empty when missing.
    public func string(_ key: String) -> String { self[key] as? String ?? "" }
}
