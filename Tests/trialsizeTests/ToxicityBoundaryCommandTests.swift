import Foundation
import Testing

@testable import TrialsizeCLI

@Suite("trialsize toxicity-boundary")
struct ToxicityBoundaryCommandTests {
    /// clinfun 1.1.5: toxbdry(0.2, 0.35, c(10, 20, 30, 40)) gives the high (null-priority)
    /// boundary 4/10, 7/20, 9/30, 12/40 with pcross 0.0975 at 0.2 (toxbdry_boundaries.csv, case 1).
    @Test func issueExample() {
        let result = run("toxicity-boundary", "--p0", "0.2", "--p1", "0.35", "--looks", "10,20,30,40")
        #expect(result.status == 0)
        #expect(result.output.contains("4/10, 7/20, 9/30, 12/40"))
        #expect(result.output.contains("P(stop) at p0                0.0975"))
        #expect(result.output.contains("Warnings"))  // 40 patients cannot reach 0.9 at 0.35
    }

    @Test func json() throws {
        let result = run(
            "toxicity-boundary", "--p0", "0.2", "--p1", "0.35", "--looks", "10,20,30,40", "--priority", "alt", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        // toxbdry_boundaries.csv, case 3 (priority alt): the rule is the low boundary.
        #expect(object["boundary"] as? [Int] == object["low_boundary"] as? [Int])
        #expect(object["chosen_boundary"] as? String == "low")
        let rows = try #require(object["characteristics"] as? [[String: Any]])
        #expect(rows.count == 6 && (rows[0]["stopped_by"] as? [Double])?.count == 4)
        for key in [
            "p0", "p1", "looks", "alpha", "power", "shape", "priority", "high_boundary", "low_nominal_level", "stop_at_p0",
            "stop_at_p1", "expected_patients_at_p0", "low_characteristics", "high_characteristics", "warnings",
        ] {
            #expect(object[key] != nil, "\(key)")
        }
    }

    @Test func everyPatientAndFormats() {
        let text = run("toxicity-boundary", "--p0", "0.1", "--p1", "0.3", "--looks", "30")
        #expect(text.status == 0 && text.output.contains("2-3") && text.output.contains("27-30"))
        #expect(
            run("toxicity-boundary", "--p0", "0.1", "--p1", "0.3", "--looks", "30", "--format", "markdown").output.contains(
                "| Patients evaluated |"))
        #expect(
            run("toxicity-boundary", "--p0", "0.1", "--p1", "0.3", "--looks", "30", "--format", "latex").output.contains("\\begin{tabular}")
        )
        let justify = run("toxicity-boundary", "--p0", "0.1", "--p1", "0.3", "--looks", "30", "--justify")
        #expect(justify.output.contains("Ivanova A, Qaqish BF, Schell MJ") && justify.output.contains("among the first"))
    }

    @Test func reportAndPlot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trialsize-tox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("stop.svg").path, html = folder.appendingPathComponent("report.html").path
        let result = run("toxicity-boundary", "--p0", "0.2", "--p1", "0.4", "--looks", "12,24,36", "--plot", svg, "--report", html)
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("<svg"))
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("Toxicity monitoring rule"))
    }

    @Test(arguments: [
        (["--p0", "0.3", "--p1", "0.2", "--looks", "10,20"], "--p1"),
        (["--p0", "0.1", "--p1", "0.3", "--looks", "10,5"], "--looks"),
        (["--p0", "0.1", "--p1", "0.3", "--looks", "1"], "--looks"),
        (["--p0", "0.1", "--p1", "0.3", "--looks", "2000"], "--looks"),
        (["--p0", "0.01", "--p1", "0.5", "--looks", "2,4"], "--looks"),
        (["--p0", "0.1", "--p1", "0.3", "--looks", "20", "--shape", "0.6"], "--shape"),
        (["--p0", "0.1", "--p1", "0.3", "--looks", "20", "--alpha", "0.7"], "--alpha"),
        (["--p0", "0.1", "--p1", "0.3", "--looks", "20", "--rates", "0.1,2"], "--rates"),
        (["--p0", "0.1", "--p1", "0.3", "--looks", "20", "--rates", "x"], "--rates"),
    ])
    func badInput(_ arguments: [String], _ option: String) {
        let result = run(["toxicity-boundary"] + arguments)
        #expect(result.status == 64)
        #expect(result.errors.split(separator: "\n").count == 1 && result.errors.contains(option), "\(result.errors)")
    }
}

@Suite("trialsize survival --two-stage")
struct TwoStageSurvivalCommandTests {
    static let seed = ["survival", "--two-stage", "--control-median", "8", "--median", "13", "--accrual-rate", "1", "--follow-up", "26"]

    @Test func jsonKeys() throws {
        let result = run(Self.seed + ["--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        for key in [
            "n1", "c1", "n", "c", "expected_n", "early_stop", "attained_alpha", "attained_power", "interim_time", "final_time",
            "optimal", "minimax", "admissible", "single_stage_patients",
        ] {
            #expect(object[key] != nil, "\(key)")
        }
        #expect(object["criterion"] as? String == "optimal")
        #expect((object["attained_alpha"] as? Double ?? 1) <= 0.05 + 1e-9 && (object["attained_power"] as? Double ?? 0) >= 0.8 - 1e-9)
        let minimax = run(Self.seed + ["--criterion", "minimax", "--format", "json"])
        let m = try #require(try JSONSerialization.jsonObject(with: Data(minimax.output.utf8)) as? [String: Any])
        #expect((m["n"] as? Int ?? 0) <= (object["n"] as? Int ?? 0))
    }

    @Test func textJustifyAndSimulation() {
        let text = run(Self.seed + ["--simulate", "2000", "--seed", "3"])
        #expect(text.status == 0 && text.output.contains("Stop for futility if") && text.output.contains("Simulation check"))
        let justify = run(Self.seed + ["--justify"])
        #expect(justify.output.contains("interim analysis") && justify.output.contains("Wu J, Chen L"))
        #expect(run(Self.seed + ["--format", "markdown"]).output.contains("| Design |"))
    }

    @Test(arguments: [
        (["--patients", "40"], "--patients"),
        (["--sides", "2"], "--sides"),
        (["--dropout", "0.1"], "--dropout"),
        (["--method", "all"], "--method"),
    ])
    func badInput(_ extra: [String], _ option: String) {
        let result = run(Self.seed + extra)
        #expect(result.status == 64)
        #expect(result.errors.split(separator: "\n").count == 1 && result.errors.contains(option), "\(result.errors)")
    }

    @Test func needsAccrualRateAndTwoStage() {
        let noRate = run("survival", "--two-stage", "--control-median", "8", "--median", "13", "--accrual", "30")
        #expect(noRate.status == 64 && noRate.errors.contains("--accrual-rate"))
        let criterion = run("survival", "--control-median", "8", "--median", "13", "--criterion", "minimax")
        #expect(criterion.status == 64 && criterion.errors.contains("--criterion"))
        let restricted = run("survival", "--control-median", "8", "--median", "13", "--max-follow-up", "20")
        #expect(restricted.status == 64 && restricted.errors.contains("--max-follow-up"))
        let both = run(Self.seed + ["--max-follow-up", "20"])
        #expect(both.status == 64 && both.errors.contains("--max-follow-up"))
    }
}
