import Foundation
import Testing

/// Issue 12: a mistyped command gets a "did you mean"; a repeated option is refused.
@Suite("Mistyped commands and repeated options")
struct ArgumentChecksTests {
    @Test("a mistyped command, alone or after help, names the nearest command with exit 64")
    func mistyped() {
        let typo = run("surival", "--control-median", "8")
        #expect(typo.status == 64)
        #expect(typo.errors == "trialsize: error: unknown command 'surival'; did you mean 'survival'?\n")
        let help = run("help", "survivl")
        #expect(help.status == 64)
        #expect(help.errors == "trialsize: error: unknown command 'survivl'; did you mean 'survival'?\n")
        #expect(run("zzzzzz").errors == "trialsize: error: unknown command 'zzzzzz'\n")
    }

    @Test("a repeated option is refused, not silently overridden")
    func repeated() {
        let twice = run("survival", "--control-median", "8", "--median", "13", "--median", "14")
        #expect(twice.status == 64)
        #expect(twice.errors == "trialsize: error: --median is given more than once; give it once\n")
        #expect(twice.output.isEmpty)
        #expect(run("simon", "--p0", "0.1", "--p1=0.3", "--p1", "0.4").status == 64)
        #expect(run("survival", "--control-median", "8", "--median", "13").status == 0)
    }

    @Test("a percentage, a decimal comma or a fractional count gets the allowed range and a hint")
    func hints() {
        let base = ["survival", "--control-median", "8", "--median", "13"]
        let cases: [([String], String)] = [
            (["--patients", "30.5"], "trialsize: error: --patients must be a whole number, got 30.5\n"),
            (
                ["--alpha", "0,05"],
                "trialsize: error: --alpha must be a proportion in (0, 0.25] one-sided, (0, 0.5] two-sided, got 0,05 (use a decimal point: 0.05)\n"
            ),
            (["--power", "80%"], "trialsize: error: --power must be a proportion in (0, 1), got 80% (80% means 0.8)\n"),
        ]
        for (extra, expected) in cases {
            let result = run(base + extra)
            #expect(result.status == 64)
            #expect(result.errors == expected)
        }
    }
}

@Suite("Repeatable options")
struct RepeatableOptionTests {
    @Test("--truth may be given once per scenario; other options twice are refused")
    func truthRepeats() {
        let twice = run(
            "boin", "simulate", "--target", "0.25", "--truth", "0.05,0.12,0.25,0.40,0.55", "--truth", "0.02,0.05,0.1,0.25,0.4",
            "--cohort-size", "3", "--cohorts", "10", "--trials", "200")
        #expect(twice.status == 0, "\(twice.errors)")
        let target = run(
            "boin", "simulate", "--target", "0.25", "--target", "0.3", "--truth", "0.05,0.12,0.25,0.40,0.55",
            "--cohort-size", "3", "--cohorts", "10", "--trials", "200")
        #expect(target.status == 64)
        #expect(target.errors.contains("--target is given more than once"))
    }
}
