import Foundation
import Testing

/// Issue 12: error messages read correctly ("--expected given with --width" meant "required
/// with"; there is no --x; "--input used without x, n" said the opposite of what happened).
@Suite("Error-message wording")
struct ErrorWordingTests {
    @Test(
        "each message says what is missing or what conflicts",
        arguments: [
            (["ci", "--width", "0.2"], "trialsize: error: --expected is required with --width\n"),
            (["ci", "5"], "trialsize: error: ci needs both X and N (trialsize ci X N), or --width with --expected, or --input FILE\n"),
            (["ci", "5", "10", "--input", "f.csv"], "trialsize: error: --input cannot be combined with X, N or --width\n"),
            (["ci", "5", "10", "--width", "0.2", "--expected", "0.3"], "trialsize: error: --width cannot be combined with X and N\n"),
        ])
    func wording(_ arguments: [String], _ expected: String) {
        let result = run(arguments)
        #expect(result.status == 64)
        #expect(result.errors == expected)
    }

    @Test("no message reads 'given with', 'used without' or names a --x option")
    func noMisleadingPhrases() {
        for arguments in [
            ["ci", "--width", "0.2"], ["ci", "5"], ["ci", "5", "10", "--input", "f.csv"],
            ["crm", "skeleton", "--target", "0.25", "--halfwidth", "0.05"],
            ["crm", "skeleton", "--target", "0.25", "--halfwidth", "0.05", "--levels", "4"],
        ] {
            let errors = run(arguments).errors
            #expect(
                !errors.contains("given with") && !errors.contains("used without") && !errors.contains("--x "), "\(arguments): \(errors)")
        }
    }
}
