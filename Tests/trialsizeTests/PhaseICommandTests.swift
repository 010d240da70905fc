import Foundation
import Testing

@testable import TrialsizeCLI

@Suite("trialsize boin and three-plus-three")
struct PhaseICommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A fixture the TrialDesign tests use (generated from the BOIN R package or by enumeration).
    func fixture(_ name: String) throws -> [[String: Any]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TrialDesignTests/Fixtures/\(name)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return object?["data"] as? [[String: Any]] ?? []
    }

    @Test("boundaries: λe, λd by the closed form; the table as JSON rows with null where nothing eliminates")
    func boundaries() throws {
        let result = run("boin", "boundaries", "--target", "0.3", "--cohort-size", "1", "--cohorts", "6", "--format", "json")
        #expect(result.status == 0, "\(result.errors)")
        let object = try json(result.output)
        let (t, p1, p2) = (0.3, 0.18, 0.42)
        let lambdaE = log((1 - p1) / (1 - t)) / log(t * (1 - p1) / (p1 * (1 - t)))
        let lambdaD = log((1 - t) / (1 - p2)) / log(p2 * (1 - t) / (t * (1 - p2)))
        #expect(abs((object["lambda_e"] as? Double ?? 0) - lambdaE) < 1e-15)
        #expect(abs((object["lambda_d"] as? Double ?? 0) - lambdaD) < 1e-15)
        let table = try #require(object["table"] as? [[String: Any]])
        #expect(table.map { $0["n"] as? Int } == [1, 2, 3, 4, 5, 6])
        #expect(table[0]["eliminate_min"] is NSNull && table[1]["eliminate_min"] is NSNull)
        // get.boundary(0.3, 6, 1): n = 3 eliminates at 3 DLTs.
        #expect(table[2]["eliminate_min"] as? Int == 3)
        #expect(table[5]["escalate_max"] as? Int == Int((lambdaE * 6).rounded(.down)))
    }

    @Test("boundaries: the decision table is a real table in text, Markdown and LaTeX")
    func realTable() {
        let markdown = run("boin", "boundaries", "--target", "0.25", "--format", "markdown").output
        #expect(markdown.contains("| patients treated | escalate if DLTs ≤ | de-escalate if DLTs ≥ | eliminate if DLTs ≥ |"))
        #expect(markdown.contains("| 3 | 0 | 1 | 3 |"))
        #expect(!markdown.contains("- | "))
        let latex = run("boin", "boundaries", "--target", "0.25", "--format", "latex").output
        #expect(
            latex.contains("\\begin{tabular}")
                && latex.contains(
                    "\\hspace{0pt}3 & \\raggedleft\\hspace{0pt}0 & \\raggedleft\\hspace{0pt}1 & \\raggedleft\\hspace{0pt}3 \\tabularnewline"
                ))
        let text = run("boin", "boundaries", "--target", "0.25").output
        #expect(text.contains("Escalation boundary λe     0.1968"))
    }

    @Test("next: per patient and per dose give the same decision")
    func next() throws {
        let perPatient = run(
            "boin", "next", "--target", "0.25", "--levels", "1,1,1,2,2,2", "--dlts", "0,0,0,0,1,0", "--doses", "5",
            "--format", "json")
        let perDose = run(
            "boin", "next", "--target", "0.25", "--patients", "3,3,0,0,0", "--dlts", "0,1,0,0,0", "--current", "2",
            "--format", "json")
        #expect(perPatient.status == 0 && perDose.status == 0, "\(perPatient.errors) \(perDose.errors)")
        let a = try json(perPatient.output), b = try json(perDose.output)
        // 1 DLT in 3 at target 0.25: de-escalate (λd·3 = 0.895, so 1 or more de-escalates).
        #expect(a["decision"] as? String == "deescalate" && a["next_level"] as? Int == 1)
        #expect(b["decision"] as? String == a["decision"] as? String && b["next_level"] as? Int == 1)
        let stop = try json(
            run("boin", "next", "--target", "0.25", "--patients", "3", "--dlts", "3", "--current", "1", "--format", "json").output)
        #expect(stop["decision"] as? String == "stop_for_toxicity" && stop["next_level"] is NSNull)
    }

    @Test("select: the issue's example equals select.mtd's MTD; JSON estimates with null for untreated levels")
    func select() throws {
        let reference = try #require(try fixture("boin_select.json").first)
        let result = run("boin", "select", "--target", "0.25", "--patients", "3,3,15,9,0", "--dlts", "0,0,4,4,0", "--format", "json")
        #expect(result.status == 0, "\(result.errors)")
        let object = try json(result.output)
        #expect(object["mtd"] as? Int == (reference["mtd"] as? NSNumber)?.intValue)
        let estimates = try #require(object["estimates"] as? [[String: Any]])
        #expect(estimates.count == 5 && estimates[4]["estimate"] is NSNull)
        let phat = (reference["phat"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue }
        for (row, theirs) in zip(estimates, phat) { #expect(abs((row["estimate"] as? Double ?? -1) - theirs) <= 0.005 + 1e-12) }
    }

    @Test("simulate: several scenarios, the same answer on 1 and 2 threads, probabilities add to 1")
    func simulate() throws {
        let arguments = [
            "boin", "simulate", "--target", "0.25", "--truth", "0.05,0.12,0.25,0.40,0.55", "--truth", "0.25,0.4,0.5,0.6,0.7",
            "--cohort-size", "3", "--cohorts", "10", "--trials", "2000", "--seed", "3", "--format", "json",
        ]
        let one = run(arguments + ["--threads", "1"]), two = run(arguments + ["--threads", "2"])
        #expect(one.status == 0, "\(one.errors)")
        #expect(one.output == two.output)
        let object = try json(one.output)
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 2)
        for s in scenarios {
            let selection = try #require(s["selection"] as? [Double])
            #expect(abs(selection.reduce(0, +) + (s["none"] as? Double ?? -1) - 1) < 1e-12)
            #expect((s["patients"] as? [Double])?.count == 5 && (s["dlts_se"] as? [Double])?.count == 5)
            #expect(s["expected_n"] is Double)
        }
        #expect(scenarios[1]["true_mtd"] as? Int == 1)
    }

    @Test("three-plus-three: exact JSON equal to the brute-force enumeration")
    func threePlusThree() throws {
        let reference = try #require(try fixture("three_plus_three.json").first)
        let result = run("three-plus-three", "--truth", "0.05,0.12,0.25,0.40,0.55", "--format", "json")
        #expect(result.status == 0, "\(result.errors)")
        let object = try json(result.output)
        let s = try #require((object["scenarios"] as? [[String: Any]])?.first)
        let selection = try #require(s["selection"] as? [Double])
        let theirs = (reference["selection"] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue }
        for (a, b) in zip(selection, theirs) { #expect(abs(a - b) < 1e-12) }
        #expect(abs((s["expected_n"] as? Double ?? 0) - ((reference["expected_n"] as? NSNumber)?.doubleValue ?? -1)) < 1e-12)
        #expect(s["selection_se"] == nil, "exact: no standard errors")
    }

    @Test("bad input: one line naming the option, exit 64; a non-monotone truth warns")
    func badInput() {
        let cases: [([String], String)] = [
            (["boin", "boundaries", "--target", "0.65"], "--target"),
            (["boin", "boundaries", "--target", "0.25", "--phi1", "0.3"], "--phi1"),
            (["boin", "boundaries", "--target", "0.25", "--phi2", "0.25"], "--phi2"),
            (["boin", "boundaries", "--target", "0.25", "--cohorts", "0"], "--cohorts"),
            (["boin", "simulate", "--target", "0.25", "--truth", "0.1,1", "--trials", "10"], "--truth"),
            (["boin", "simulate", "--target", "0.25", "--truth", "0.1,0.2", "--truth", "0.1,0.2,0.3", "--trials", "10"], "--truth"),
            (["boin", "simulate", "--target", "0.25", "--truth", "0.1,0.2", "--trials", "1000001"], "--trials"),
            (["boin", "select", "--target", "0.25", "--patients", "3,3", "--dlts", "0"], "--dlts"),
            (["boin", "next", "--target", "0.25", "--patients", "3,0", "--dlts", "0,0", "--current", "2"], "--current"),
            (["three-plus-three", "--truth", "0,0.2"], "--truth"),
        ]
        for (arguments, option) in cases {
            let result = run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.errors.split(separator: "\n").count == 1 && result.errors.contains(option), "\(arguments): \(result.errors)")
        }
        let warned = run("three-plus-three", "--truth", "0.1,0.3,0.2")
        #expect(warned.status == 0 && (warned.output + warned.errors).contains("do not increase with dose"))
    }

    @Test("TITE-BOIN: boin next --window and boin simulate --window; bad input is one line, exit 64")
    func titeBOIN() throws {
        let next = run(
            "boin", "next", "--target", "0.25", "--levels", "1,1,1,2,2,2", "--dlts", "0,0,0,0,0,0",
            "--follow-up", "28,28,28,28,20,9", "--window", "28", "--doses", "4", "--format", "json")
        #expect(next.status == 0, "\(next.errors)")
        let object = try json(next.output)
        // 0 DLTs in 3 at level 2, 2 pending: more than half pending, so accrual is suspended.
        #expect(object["decision"] as? String == "suspend")
        #expect(object["suspended"] as? Bool == true && object["next_level"] is NSNull)
        let escalate = try json(
            run(
                "boin", "next", "--target", "0.25", "--levels", "1,1,1,2,2,2", "--dlts", "0,0,0,0,0,0",
                "--follow-up", "28,28,28,28,28,9", "--window", "28", "--doses", "4", "--format", "json"
            ).output)
        #expect(escalate["decision"] as? String == "escalate" && escalate["next_level"] as? Int == 3)
        let justify = run(
            "boin", "next", "--target", "0.25", "--levels", "1,1,1,2,2,2", "--dlts", "0,0,0,0,1,0",
            "--follow-up", "28,28,28,28,9,20", "--window", "28", "--doses", "4", "--justify")
        #expect(justify.output.contains("time-to-event BOIN design [1]") && justify.output.contains("Yuan Y, Lin R"), "\(justify.output)")
        let simulate = run(
            "boin", "simulate", "--target", "0.25", "--truth", "0.05,0.12,0.25,0.40", "--truth", "0.12,0.25,0.40,0.55",
            "--window", "28", "--rate", "0.142857", "--trials", "300", "--format", "json")
        #expect(simulate.status == 0, "\(simulate.errors)")
        let oc = try json(simulate.output)
        #expect((oc["tite"] as? [String: Any])?["window"] as? Double == 28)
        let scenarios = try #require(oc["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 2 && scenarios.allSatisfy { ($0["duration"] as? Double ?? 0) > 0 })
        // Scenario k of several equals the run of truth k alone (the same seed in every scenario).
        let alone = try json(
            run(
                "boin", "simulate", "--target", "0.25", "--truth", "0.12,0.25,0.40,0.55", "--window", "28",
                "--rate", "0.142857", "--trials", "300", "--format", "json"
            ).output)
        let first = try #require((alone["scenarios"] as? [[String: Any]])?.first)
        let canonical = { (o: [String: Any]) in try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]) }
        #expect(try canonical(first) == canonical(scenarios[1]))
        // Without --window, no TITE key and no duration: BOIN as before.
        let boin = try json(
            run("boin", "simulate", "--target", "0.25", "--truth", "0.05,0.12,0.25,0.40", "--trials", "100", "--format", "json").output)
        #expect(boin["tite"] == nil && (boin["scenarios"] as? [[String: Any]])?.first?["duration"] == nil)

        let base = ["boin", "next", "--target", "0.25", "--levels", "1,1,2", "--dlts", "0,0,0", "--doses", "3"]
        let cases: [([String], String)] = [
            (base + ["--follow-up", "28,28,9", "--window", "0"], "--window"),
            (base + ["--follow-up", "28,28,9", "--window", "inf"], "--window"),
            (base + ["--follow-up", "28,28,9", "--window", "-3"], "--window"),
            (base + ["--follow-up", "28,28,29", "--window", "28"], "--follow-up"),
            (base + ["--follow-up", "28,28,-1", "--window", "28"], "--follow-up"),
            (base + ["--follow-up", "28,28", "--window", "28"], "--follow-up"),
            (base + ["--window", "28"], "--follow-up"),
            (base + ["--follow-up", "28,28,9"], "--follow-up"),
            (["boin", "next", "--target", "0.25", "--patients", "3,3", "--dlts", "0,0", "--current", "2", "--window", "28"], "--patients"),
            (["boin", "simulate", "--target", "0.25", "--truth", "0.1,0.2", "--window", "28", "--rate", "0", "--trials", "10"], "--rate"),
            (["boin", "simulate", "--target", "0.25", "--truth", "0.1,0.2", "--window", "28", "--rate", "-1", "--trials", "10"], "--rate"),
            (["boin", "simulate", "--target", "0.25", "--truth", "0.1,0.2", "--window", "nan", "--trials", "10"], "--window"),
            (["boin", "simulate", "--target", "0.25", "--truth", "0.1,0.2", "--rate", "1", "--trials", "10"], "--rate"),
            (["boin", "simulate", "--target", "0.25", "--truth", "0.1,0.2", "--arrival", "fixed", "--trials", "10"], "--arrival"),
            (
                ["boin", "simulate", "--target", "0.25", "--truth", "0.1,0.2", "--window", "28", "--cohorts", "333", "--trials", "100000"],
                "--trials"
            ),
        ]
        for (arguments, option) in cases {
            let result = run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.output)")
            #expect(result.errors.split(separator: "\n").count == 1 && result.errors.contains(option), "\(arguments): \(result.errors)")
        }
    }

    @Test("--justify cites Liu & Yuan and the BOIN package; --plot and --report write files")
    func justifyAndFiles() throws {
        let paragraph = run("boin", "boundaries", "--target", "0.25", "--justify").output
        #expect(paragraph.contains("Liu S, Yuan Y") && paragraph.contains("BOIN: an R package"))
        let threePlusThree = run("three-plus-three", "--truth", "0.05,0.12,0.25,0.40", "--start", "3", "--justify").output
        #expect(threePlusThree.contains("Lin Y, Shih WJ"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phase1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, arguments) in [
            ("boundaries", ["boin", "boundaries", "--target", "0.25"]),
            ("next", ["boin", "next", "--target", "0.25", "--patients", "3,3", "--dlts", "0,1", "--current", "2"]),
            ("select", ["boin", "select", "--target", "0.25", "--patients", "3,3,15,9,0", "--dlts", "0,0,4,4,0"]),
            ("simulate", ["boin", "simulate", "--target", "0.25", "--truth", "0.05,0.12,0.25,0.40", "--trials", "200"]),
            ("tpt", ["three-plus-three", "--truth", "0.05,0.12,0.25,0.40"]),
        ] {
            let plot = folder.appendingPathComponent("\(name).svg").path, page = folder.appendingPathComponent("\(name).html").path
            let result = run(arguments + ["--plot", plot, "--report", page])
            #expect(result.status == 0, "\(name): \(result.errors)")
            #expect(FileManager.default.fileExists(atPath: plot) && FileManager.default.fileExists(atPath: page), "\(name)")
        }
    }
}

@Suite("trialsize phase1 compare")
struct Phase1CompareCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Each design's figures in the comparison are exactly what its own command gives with the same seed (the
    /// comparison adds no approximation), and the same on 1 and 2 threads.
    @Test("each design equals its own command; thread-independent")
    func designsEqualTheirCommands() throws {
        let truth = "0.05,0.12,0.25,0.40"
        let arguments = [
            "phase1", "compare", "--target", "0.25", "--truth", truth, "--patients", "12", "--cohort-size", "3", "--start", "2",
            "--halfwidth", "0.06", "--prior-mtd", "2", "--trials", "1500", "--seed", "5", "--format", "json",
        ]
        let one = run(arguments + ["--threads", "1"]), two = run(arguments + ["--threads", "2"])
        #expect(one.status == 0, "\(one.errors)")
        #expect(one.output == two.output)
        let object = try json(one.output)
        let designs = try #require((object["scenarios"] as? [[String: Any]])?.first?["designs"] as? [[String: Any]])
        #expect(designs.map { $0["design"] as? String } == ["3+3", "boin", "crm"])
        let threePlusThree = try json(run("three-plus-three", "--truth", truth, "--start", "2", "--format", "json").output)
        let boin = try json(
            run(
                "boin", "simulate", "--target", "0.25", "--truth", truth, "--cohort-size", "3", "--cohorts", "4", "--start", "2",
                "--trials", "1500", "--seed", "5", "--format", "json"
            ).output)
        let skeleton = (object["skeleton"] as? [Double] ?? []).map { String($0) }.joined(separator: ",")
        let crm = try json(
            run(
                "crm", "simulate", "--skeleton", skeleton, "--truth", truth, "--target", "0.25", "--patients", "12",
                "--cohort", "3", "--start", "2", "--trials", "1500", "--seed", "5", "--format", "json"
            ).output)
        let tptSelection = ((threePlusThree["scenarios"] as? [[String: Any]])?.first?["selection"] as? [Double]) ?? []
        let boinSelection = ((boin["scenarios"] as? [[String: Any]])?.first?["selection"] as? [Double]) ?? []
        #expect(designs[0]["selection"] as? [Double] == tptSelection && !tptSelection.isEmpty)
        #expect(designs[1]["selection"] as? [Double] == boinSelection && !boinSelection.isEmpty)
        #expect(designs[2]["selection"] as? [Double] == crm["selection"] as? [Double] && crm["selection"] != nil)
    }

    @Test("bad input: one line, exit 64")
    func badInput() {
        for (arguments, option) in [
            (["phase1", "compare", "--target", "0.25", "--truth", "0.1,0.2", "--patients", "10", "--cohort-size", "3"], "--patients"),
            (["phase1", "compare", "--target", "0.25", "--truth", "0.1", "--patients", "10"], "--truth"),
            (["phase1", "compare", "--target", "0.7", "--truth", "0.1,0.2", "--patients", "10"], "--target"),
            (["phase1", "compare", "--target", "0.25", "--truth", "0.1,0.2", "--patients", "30", "--trials", "1000000"], "--trials"),
        ] {
            let result = run(arguments)
            #expect(
                result.status == 64 && result.errors.split(separator: "\n").count == 1 && result.errors.contains(option),
                "\(arguments): \(result.errors)")
        }
    }
}
