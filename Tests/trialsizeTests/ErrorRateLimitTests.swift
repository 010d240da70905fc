import Foundation
import Testing
import TrialDesign

/// Issue 12: absurd error rates. One-sided α above 0.25 and two-sided α above 0.5 are refused
/// with exit 64 naming the allowed range; α above 0.2 is accepted with a warning every format shows.
@Suite("Absurd error rates")
struct ErrorRateLimitTests {
    @Test(
        "one-sided alpha above 0.25 is refused, two-sided up to 0.5 accepted",
        arguments: [
            ["single-stage", "--p0", "0.1", "--p1", "0.3"],
            ["simon", "--p0", "0.1", "--p1", "0.3"],
            ["survival", "--control-median", "8", "--median", "13"],
        ])
    func refused(_ command: [String]) {
        let result = run(command + ["--alpha", "0.5"])
        #expect(result.status == 64)
        #expect(
            result.errors == "trialsize: error: --alpha must be at most 0.25 for a one-sided test (at most 0.5 with --sides 2), got 0.5\n")
        #expect(result.output.isEmpty)
        #expect(run(command + ["--alpha", "0.26"]).status == 64)
        #expect(run(command + ["--alpha", "0.25"]).status == 0)
        #expect(run(command + ["--alpha", "0.5", "--sides", "2"]).status == 0)
        #expect(run(command + ["--alpha", "0.51", "--sides", "2"]).status == 64)
    }

    @Test(
        "alpha above 0.2 warns on standard error and in JSON",
        arguments: [
            ["single-stage", "--p0", "0.1", "--p1", "0.3"],
            ["simon", "--p0", "0.1", "--p1", "0.3"],
            ["survival", "--control-median", "8", "--median", "13"],
        ])
    func warned(_ command: [String]) throws {
        let warning = "The significance level 0.22 is above 0.2"
        for format in [[], ["--justify"], ["--format", "markdown"]] {
            let result = run(command + ["--alpha", "0.22"] + format)
            #expect(result.status == 0)
            #expect(result.errors.contains("trialsize: warning: " + warning))
        }
        let json = run(command + ["--alpha", "0.22", "--format", "json"])
        #expect(json.output.contains(warning))
        #expect(!run(command + ["--alpha", "0.2"]).errors.contains(warning))
    }

    @Test("ErrorRates itself refuses and warns")
    func errorRates() throws {
        #expect(throws: DesignError.self) { try ErrorRates(alpha: 0.3, power: 0.8, sides: .oneSided) }
        #expect(try ErrorRates(alpha: 0.3, power: 0.8, sides: .twoSided).warnings.count == 1)
        #expect(try ErrorRates(alpha: 0.05, power: 0.8).warnings.isEmpty)
    }
}
