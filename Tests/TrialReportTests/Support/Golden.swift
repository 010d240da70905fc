import Foundation
import Testing

/// Compares `text` with the golden file `Golden/<name>` beside the test sources, so a change
/// of wording or drawing shows in review as a diff of that file.
///
/// Run with `UPDATE_GOLDEN=1` to write the files instead of comparing
/// (`UPDATE_GOLDEN=1 swift test --filter TrialReportTests`), then read the diff before committing.
func expectGolden(_ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation)
    throws
{
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    // Test files live in Tests/TrialReportTests or one folder below it.
    let testsRoot = folder.lastPathComponent == "TrialReportTests" ? folder : folder.deletingLastPathComponent()
    let url = testsRoot.appendingPathComponent("Golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("no golden file \(url.path); run UPDATE_GOLDEN=1 swift test --filter TrialReportTests", sourceLocation: sourceLocation)
        return
    }
    let golden = String(decoding: data, as: UTF8.self)
    guard golden != text else { return }
    let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
    let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, actual.count)
    let want = line < expected.count ? String(expected[line]) : "<end of file>"
    let got = line < actual.count ? String(actual[line]) : "<end of file>"
    Issue.record(
        """
        \(name) differs from its golden file at line \(line + 1):
          golden: \(want)
          now:    \(got)
        (UPDATE_GOLDEN=1 rewrites the golden files)
        """, sourceLocation: sourceLocation)
}
