import Foundation

@testable import TrialDesign

/// Reads the analysis fixtures (scripts/generate_km_fixtures.R, scripts/generate_analysis_fixtures.py):
/// CSV with a header, '#' lines are provenance comments, an empty field is R's NA.
enum AnalysisFixtures {
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func records(_ name: String) throws -> [[String: String]] {
        let lines = try String(contentsOf: url(name), encoding: .utf8).split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("#") }
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    /// A km/<name>.csv data set, or another time,event file, as a sample.
    static func sample(_ name: String, time: String = "time", event: String = "event") throws -> SurvivalSample {
        let rows = try records(name)
        return try SurvivalSample(times: rows.map { Double($0[time]!)! }, events: rows.map { $0[event] == "1" })
    }
}

/// R's value (nil for NA) against ours, to a relative tolerance.
func matches(_ ours: Double?, _ r: String?, relative tolerance: Double) -> Bool {
    guard let r, !r.isEmpty else { return ours == nil }
    guard let ours, let reference = Double(r) else { return false }
    return reference == 0 ? abs(ours) <= tolerance : abs(ours - reference) <= tolerance * abs(reference)
}
