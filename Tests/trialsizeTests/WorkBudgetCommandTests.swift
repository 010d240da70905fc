import Foundation
import Testing

/// Issue 19: questions beyond the work budget are refused before the work (exit 64 at once, one
/// line naming the option and the estimate), and the edges that gave wrong answers are refused.
/// Each of these ran for minutes (or hours) before; "at once" here only means well under that.
@Suite("Work budget: refused before the work")
struct WorkBudgetCommandTests {
    static let skeleton = "0.01,0.02,0.04,0.06,0.08,0.1,0.13,0.16,0.2,0.24,0.28,0.32,0.36,0.4,0.45,0.5,0.56,0.62,0.7,0.77"
    static let truth = "0.02,0.03,0.05,0.07,0.09,0.12,0.15,0.18,0.22,0.26,0.3,0.34,0.38,0.42,0.47,0.52,0.58,0.64,0.72,0.8"

    static func refusedAtOnce(_ arguments: [String], naming option: String) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = run(arguments)
        let elapsed = clock.now - start
        #expect(result.status == 64, "\(arguments): \(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 1 && result.errors.contains(option), "\(result.errors)")
        #expect(elapsed < .seconds(20), "\(arguments) took \(elapsed): not refused before the work")
    }

    @Test func ciMidPWidth() {
        Self.refusedAtOnce(["ci", "--width", "0.00278", "--expected", "0.5", "--method", "mid-p"], naming: "--width")
    }

    @Test func crmGridCounts() {
        Self.refusedAtOnce(
            [
                "crm", "simulate", "--target", "0.3", "--skeleton", Self.skeleton, "--truth", Self.truth, "--patients", "200",
                "--start", "1", "--trials", "100000", "--prior-variance", "100",
            ], naming: "--trials")
        Self.refusedAtOnce(
            [
                "crm", "calibrate", "--target", "0.3", "--levels", "20", "--prior-mtd", "10", "--patients", "200", "--trials", "1",
                "--model", "logistic", "--intercept", "40", "--prior-variance", "100",
            ], naming: "--trials")
    }

    @Test func survivalWholeSearch() {
        for median in ["8.7", "8.2"] {
            Self.refusedAtOnce(
                [
                    "survival", "--control-median", "8", "--median", median, "--method", "log-rank", "--shape", "0.37",
                    "--accrual", "10", "--follow-up", "50", "--loss-rate", "0.001", "--patients", "2", "--simulate", "40000",
                    "--search", "--search-max", "10000",
                ], naming: "--simulate")
        }
        Self.refusedAtOnce(
            ["survival", "--control-median", "8", "--median", "8.1", "--patients", "1000000", "--simulate", "400"],
            naming: "--simulate")
    }

    @Test func simonNmaxBelowTheBound() {
        Self.refusedAtOnce(["simon", "--p0", "0.45", "--p1", "0.4767", "--power", "0.9", "--nmax", "2"], naming: "--nmax")
    }

    /// `--accrual 1e308 --follow-up 1e308` printed "analysis at inf weeks".
    @Test func survivalPeriodsRelativeToTheMedian() {
        Self.refusedAtOnce(
            ["survival", "--control-median", "8", "--median", "13", "--accrual", "1e308", "--follow-up", "1e308"],
            naming: "--accrual")
        let fine = run("survival", "--control-median", "8", "--median", "13", "--accrual", "24", "--follow-up", "12", "--format", "json")
        #expect(fine.status == 0 && !fine.output.contains("inf") && !fine.output.contains("nan"))
    }
}
