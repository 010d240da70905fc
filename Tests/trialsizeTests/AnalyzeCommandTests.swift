import Foundation
import Testing

@testable import TrialsizeCLI

/// A temporary file with `text`, removed by the caller.
private func temporaryFile(_ text: String, extension ext: String = "csv") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("trialsize-analyze-\(UUID().uuidString).\(ext)")
    try Data(text.utf8).write(to: url)
    return url
}

/// The repository's docs/examples/seed-pfs.csv (scripts/generate_seed_analysis_data.py).
private let seedData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/examples/seed-pfs.csv").path

@Suite("trialsize analyze")
struct AnalyzeCommandTests {
    /// The synthetic seed-shaped data set, against the 8-week control. R survival 3.5.3 on the
    /// same file gives median 10.1 (95% CI 7.7 to 15.2) with conf.type "log" (checked when the
    /// example was written; the estimator itself is tested against R in TrialDesignTests).
    @Test func survivalSeedExample() throws {
        let result = run("analyze", "survival", "--input", seedData, "--control-median", "8", "--at", "12", "--format", "json")
        #expect(result.status == 0, "\(result.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        for key in ["n", "events", "total_time", "median", "median_lower", "median_upper", "conf", "conf_type", "tests", "landmarks"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["n"] as? Int == 30 && object["conf_type"] as? String == "log")
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.map { $0["method"] as? String } == ["exact-poisson", "one-sample-log-rank"])
        #expect(tests.allSatisfy { $0["statistic"] is Double && $0["p_value"] is Double })
        let landmarks = try #require(object["landmarks"] as? [[String: Any]])
        #expect(landmarks.count == 1 && landmarks[0]["time"] as? Double == 12)
    }

    @Test func survivalTextJustifyAndFormats() throws {
        let text = run("analyze", "survival", "--input", seedData, "--control-median", "8")
        #expect(text.status == 0 && text.output.contains("Median") && text.output.contains("One-sample log-rank test"))
        let paragraph = run("analyze", "survival", "--input", seedData, "--control-median", "8", "--justify")
        #expect(paragraph.output.contains("Median PFS was") && paragraph.output.contains("Kaplan EL, Meier P"))
        for format in ["markdown", "latex"] {
            #expect(run("analyze", "survival", "--input", seedData, "--control-median", "8", "--format", format).status == 0)
        }
        let logLog = run("analyze", "survival", "--input", seedData, "--control-median", "8", "--conf-type", "log-log")
        #expect(logLog.output.contains("log-log transform"))
    }

    /// A landmark sentence starts with the endpoint's name, capitalised however it was typed.
    @Test func endpointStartsItsSentenceInCapitals() {
        let paragraph = run(
            "analyze", "survival", "--input", seedData, "--control-median", "8", "--at", "12",
            "--endpoint", "progression-free survival", "--justify")
        let text = paragraph.output.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains(". Progression-free survival at 12 weeks was"), "\(text)")
        #expect(text.contains("Median progression-free survival was"))
    }

    @Test func survivalPlotAndReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trialsize-analyze-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plot = folder.appendingPathComponent("km.svg").path, report = folder.appendingPathComponent("km.html").path
        let result = run("analyze", "survival", "--input", seedData, "--control-median", "8", "--plot", plot, "--report", report)
        #expect(result.status == 0, "\(result.errors)")
        let svg = try String(contentsOfFile: plot, encoding: .utf8)
        #expect(svg.contains("At risk") && svg.contains("historical control") && svg.contains("censored"))
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("Kaplan-Meier"))
    }

    /// OneArm2stage Example 4 from the command line: --control-survival 0.72 --control-time 3 on
    /// its data (status column), Z = -0.4838.
    @Test func oneArm2stageFromTheCommandLine() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TrialDesignTests/Fixtures/onearm2stage_d4.csv")
        let text = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(
            separator: "\n")
        let file = try temporaryFile(text)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = run(
            "analyze", "survival", "--input", file.path, "--event-column", "status", "--control-survival", "0.72",
            "--control-time", "3", "--unit", "years", "--format", "json")
        #expect(result.status == 0, "\(result.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let logRank = try #require((object["tests"] as? [[String: Any]])?.last)
        #expect(abs((logRank["statistic"] as? Double ?? 0) - -0.4838) < 5e-5)
        #expect(abs((logRank["expected"] as? Double ?? 0) - 16.0611) < 5e-5 && logRank["observed"] as? Int == 18)
        // An interim look at calendar time 1.5 (staggered entry) keeps the patients entered by then.
        let interim = run(
            "analyze", "survival", "--input", file.path, "--event-column", "status", "--control-survival", "0.72",
            "--control-time", "3", "--entry-column", "entry", "--cutoff", "1.5", "--format", "json")
        #expect(interim.status == 0, "\(interim.errors)")
        let n = try #require((try JSONSerialization.jsonObject(with: Data(interim.output.utf8)) as? [String: Any])?["n"] as? Int)
        #expect(n < 45)
    }

    @Test func allCensoredAnswersWhatItCan() throws {
        let file = try temporaryFile("time,event\n2,0\n3,0\n5,0\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = run("analyze", "survival", "--input", file.path, "--control-median", "8", "--format", "json")
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["median"] is NSNull && object["median_upper"] is NSNull)
        #expect((object["warnings"] as? [String])?.contains { $0.contains("not reached") } == true)
        #expect(run("analyze", "survival", "--input", file.path, "--control-median", "8").output.contains("not reached"))
    }

    /// Every bad file: exit 64, one line naming the problem (and the line number).
    @Test(arguments: [
        ("time,event\n1,1\n-3,0\n", "line 3"),
        ("time,event\n1,1\n2,2\n", "line 3"),
        ("time,event\n1,1\nnan,1\n", "line 3"),
        ("time,event\n1,1\ninf,1\n", "line 3"),
        ("time,event\n1,1\n0x10,1\n", "line 3"),
        ("time,event\n1\n", "line 2"),
        ("", "empty file"),
        ("time,event\n", "at least one patient"),
        ("time,time\n1,1\n", "twice"),
        ("t,event\n1,1\n", "'time'"),
        ("time,event\n1,\u{0}\n", "control character"),
        ("time,event\n" + String(repeating: "1", count: 5000) + ",1\n", "4096"),
    ])
    func badFilesAreRefused(content: String, expected: String) throws {
        let file = try temporaryFile(content)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = run("analyze", "survival", "--input", file.path, "--control-median", "8")
        #expect(result.status == 64, "\(content.prefix(30)): \(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 1 && result.errors.hasPrefix("trialsize: error: --"))
        #expect(result.errors.contains(expected), "\(result.errors)")
    }

    @Test func badOptionsAreRefused() {
        for arguments in [
            ["--control-median", "0"], ["--control-median", "8", "--conf", "1"], ["--control-median", "8", "--quantile", "1.5"],
            ["--control-median", "8", "--at", "-1"], ["--control-median", "8", "--shape", "30"], [],
            ["--control-survival", "0.7"], ["--control-median", "8", "--cutoff", "3"], ["--control-median", "8", "--time-column", "t"],
        ] {
            let result = run(["analyze", "survival", "--input", seedData] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.errors)")
            #expect(result.errors.split(separator: "\n").count == 1)
        }
        #expect(run("analyze", "survival", "--input", "/nonexistent/file.csv", "--control-median", "8").status == 64)
    }

    /// Kearney et al. 2021: clinical benefit 4/26, "15.4% (4%, 35%)".
    @Test func binomialSeed() throws {
        let result = run("analyze", "binomial", "4", "26", "--p0", "0.1")
        #expect(result.status == 0)
        #expect(result.output.contains("15.4% (95% CI 4.4% to 34.9%)"))
        let json = run("analyze", "binomial", "4", "26", "--p0", "0.1", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(abs((object["lower"] as? Double ?? 0) - 0.0435634765389238) < 1e-12)
        #expect(run("analyze", "binomial", "4", "26", "--p0", "0.1", "--justify").output.contains("Of 26 evaluable patients, 4 responded"))
        #expect(run("analyze", "binomial", "27", "26", "--p0", "0.1").status == 64)
        #expect(run("analyze", "binomial", "4", "26", "--p0", "1").status == 64)
    }

    @Test func singleStage() throws {
        let result = run(
            "analyze", "single-stage", "--n", "36", "--responses", "12", "--p0", "0.2", "--planned-n", "35", "--format", "json")
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["planned_r"] as? Int == 12 && object["r"] is Int)
        #expect(run("analyze", "single-stage", "--n", "35", "--responses", "36", "--p0", "0.2").status == 64)
    }

    @Test func simon() throws {
        let result = run("analyze", "simon", "--design", "1/10,5/29", "--p0", "0.1", "--responses", "7", "--format", "json")
        #expect(result.status == 0, "\(result.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        for key in ["umvue", "p_value", "lower", "upper", "conf"] { #expect(object[key] is Double, "missing \(key)") }
        // clinfun 1.1.5: twostage.inference(7, 1, 10, 29, 0.1) gives pumvue 0.28215310, p 0.01769609.
        #expect(abs((object["umvue"] as? Double ?? 0) - 0.28215310) < 5e-9)
        #expect(abs((object["p_value"] as? Double ?? 0) - 0.01769609) < 5e-9)
        #expect(
            run("analyze", "simon", "--design", "1/10,5/29", "--p0", "0.1", "--responses", "7", "--justify").output.contains(
                "Koyama T, Chen H"))
        #expect(run("analyze", "simon", "--design", "1/10,5/29", "--p0", "0.1", "--responses", "30").status == 64)
        #expect(run("analyze", "simon", "--design", "1/10,5/29", "--p0", "0.1", "--responses", "1", "--stage1-responses", "0").status == 64)
        let over = run("analyze", "simon", "--design", "1/10,5/29", "--p0", "0.1", "--responses", "7", "--attained", "10,31")
        #expect(over.status == 0 && over.output.contains("Warnings"))
    }

    @Test func responsePlots() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trialsize-analyze-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let simon = folder.appendingPathComponent("simon.svg").path, binomial = folder.appendingPathComponent("binomial.svg").path
        #expect(run("analyze", "simon", "--design", "1/10,5/29", "--p0", "0.1", "--responses", "7", "--plot", simon).status == 0)
        #expect(run("analyze", "binomial", "4", "26", "--p0", "0.1", "--plot", binomial).status == 0)
        #expect(try String(contentsOfFile: simon, encoding: .utf8).contains("p-value at p0"))
        #expect(try String(contentsOfFile: binomial, encoding: .utf8).contains("Clopper-Pearson"))
    }
}
