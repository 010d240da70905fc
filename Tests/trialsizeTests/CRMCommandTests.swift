import Foundation
import Testing

@testable import TrialsizeCLI

@Suite("trialsize crm")
struct CRMCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The seed trial's skeleton: empiric, θ 0.25, δ 0.09, 4 levels, prior MTD 3 (closed form θ^(r^(ν−k))).
    @Test("skeleton for the seed design, text and JSON")
    func seedSkeleton() throws {
        let text = run("crm", "skeleton", "--target", "0.25", "--halfwidth", "0.09", "--levels", "4", "--prior-mtd", "3")
        #expect(text.status == 0)
        #expect(text.output.contains("Skeleton  0.0183, 0.0949, 0.2500, 0.4422"))
        let result = run(
            "crm", "skeleton", "--target", "0.25", "--halfwidth", "0.09", "--levels", "4", "--prior-mtd", "3",
            "--format", "json")
        let object = try json(result.output)
        let skeleton = try #require(object["skeleton"] as? [Double])
        let r = log(0.16) / log(0.34)
        for (k, s) in skeleton.enumerated() { #expect(abs(s - pow(0.25, pow(r, Double(2 - k)))) < 1e-14) }
        let intervals = try #require(object["indifference_intervals"] as? [[String: Any]])
        #expect(abs((intervals[1]["lower"] as? Double ?? 0) - 0.16) < 1e-12)
    }

    @Test("next: JSON keys and the hand-checkable case")
    func next() throws {
        let result = run(
            "crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "3,3,4",
            "--dlt", "0,0,1", "--format", "json")
        #expect(result.status == 0, "\(result.errors)")
        let object = try json(result.output)
        // mpmath (crm_posterior.json, first case): E[beta | data] = -0.0938082588...
        #expect(abs((object["beta_mean"] as? Double ?? 0) + 0.09380825883601203) < 1e-8)
        #expect((object["dlt_estimates"] as? [Double])?.count == 4)
        #expect(object["next_level"] as? Int == 3)
        // No escalation right after a DLT: the last patient (level 4) had one, and level 4 is not closest anyway.
        let free = run(
            "crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "1,1",
            "--dlt", "0,0", "--format", "json")
        let unrestricted = run(
            "crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "1,1",
            "--dlt", "0,0", "--allow-skipping", "--format", "json")
        let restricted = try json(free.output), open = try json(unrestricted.output)
        #expect(restricted["next_level"] as? Int == 2)
        #expect((open["next_level"] as? Int ?? 0) >= (restricted["next_level"] as? Int ?? 0))
        #expect(open["closest_level"] as? Int == open["next_level"] as? Int)
    }

    @Test("next before any patient answers the starting dose; --safety-stop stops after six DLTs in six at level 1")
    func startAndSafety() throws {
        let skeleton = ["crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25"]
        let start = run(skeleton + ["--format", "json"])
        #expect(start.status == 0, "\(start.errors)")
        let first = try json(start.output)
        #expect(first["next_level"] as? Int == 1 && first["closest_level"] as? Int == 3)
        #expect(run(skeleton).output.contains("1 (the starting dose: no patients yet)"))
        #expect(run(skeleton + ["--justify"]).output.contains("Before any patient has been treated"))
        let six = skeleton + ["--levels", "1,1,1,1,1,1", "--dlt", "1,1,1,1,1,1", "--safety-stop", "0.9"]
        let stopped = run(six + ["--format", "json"])
        #expect(stopped.status == 0)
        let body = try json(stopped.output)
        #expect(body["next_level"] is NSNull && body["stop_for_safety"] as? Bool == true)
        #expect(body["excessive_levels"] as? [Int] == [1] && (body["above_target"] as? [Double])?.count == 4)
        #expect(stopped.errors.contains("Stop the trial"))
        let text = run(six + ["--justify"])
        #expect(text.output.contains("so the trial stops"))
        #expect(text.errors.contains("Level 1 looks clearly too toxic"))
    }

    /// `--unit` states the DLT window and the accrual rate in words ("21 days", "0.25 patients per day"), in the table,
    /// the paragraph and JSON; without it the numbers stand alone, as before.
    @Test("--unit names the window's and the rate's unit in every phase I TITE command")
    func unit() throws {
        let crm = [
            "crm", "simulate", "--halfwidth", "0.09", "--prior-mtd", "3", "--truth", "0.05,0.12,0.25,0.40", "--target", "0.25",
            "--patients", "10", "--start", "3", "--tite", "--window", "21", "--rate", "0.25", "--trials", "50", "--threads", "1",
        ]
        let text = run(crm + ["--unit", "days"])
        #expect(text.status == 0 && text.output.contains("21 days") && text.output.contains("0.25 patients per day"))
        #expect(run(crm + ["--unit", "days", "--justify"]).output.contains("a DLT observation window of 21 days"))
        let body = try json(run(crm + ["--unit", "days", "--format", "json"]).output)
        #expect((body["tite"] as? [String: Any])?["unit"] as? String == "days")
        #expect(!run(crm).output.contains("days"))
        let boin = [
            "boin", "simulate", "--target", "0.25", "--truth", "0.05,0.12,0.25,0.40", "--window", "28", "--rate", "0.25",
            "--trials", "50", "--threads", "1", "--unit", "days", "--justify",
        ]
        let paragraph = run(boin)
        #expect(
            paragraph.status == 0 && paragraph.output.contains("window of 28 days") && paragraph.output.contains("arriving at 0.25 per day")
        )
        let next = run([
            "boin", "next", "--target", "0.25", "--levels", "1,1,1", "--dlts", "0,0,0", "--follow-up", "28,20,9",
            "--window", "28", "--doses", "4", "--unit", "days",
        ])
        #expect(next.status == 0 && next.output.contains("28 days"))
        let crmNext = run([
            "crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "3,3,4", "--dlt", "0,0,1",
            "--follow-up", "21,14,7", "--window", "21", "--unit", "weeks", "--justify",
        ])
        #expect(crmNext.status == 0 && crmNext.output.contains("window of 21 weeks"))
    }

    @Test("simulate: JSON keys, and the same answer on 1 and 2 threads")
    func simulate() throws {
        let arguments = [
            "crm", "simulate", "--halfwidth", "0.09", "--prior-mtd", "3", "--truth", "0.05,0.12,0.25,0.40",
            "--target", "0.25", "--patients", "10", "--start", "3", "--trials", "2000", "--seed", "4",
            "--tite", "--window", "21", "--rate", "0.25", "--format", "json",
        ]
        let one = run(arguments + ["--threads", "1"])
        let two = run(arguments + ["--threads", "2"])
        #expect(one.status == 0, "\(one.errors)")
        #expect(one.output == two.output)
        let object = try json(one.output)
        let selection = try #require(object["selection"] as? [Double])
        #expect(selection.count == 4 && abs(selection.reduce(0, +) - 1) < 1e-12)
        #expect(object["correct_selection"] as? Double == selection[2])
        #expect((object["patients_per_level"] as? [Double])?.count == 4)
        #expect(object["dlt_rate"] is Double)
        #expect(object["duration"] is Double)
    }

    @Test("calibrate: a table over the delta grid")
    func calibrate() throws {
        let result = run(
            "crm", "calibrate", "--target", "0.25", "--levels", "4", "--prior-mtd", "3", "--patients", "10",
            "--trials", "200", "--format", "json")
        #expect(result.status == 0, "\(result.errors)")
        let object = try json(result.output)
        #expect((object["table"] as? [Any])?.count == 24)
        #expect(object["halfwidth"] is Double)
    }

    @Test("every format and --justify render", arguments: ["text", "markdown", "latex", "json"])
    func formats(format: String) throws {
        let commands: [[String]] = [
            ["crm", "skeleton", "--target", "0.25", "--skeleton", "0.05,0.12,0.25,0.40"],
            ["crm", "skeleton", "--target", "0.25", "--halfwidth", "0.1", "--levels", "6", "--prior-mtd", "3", "--model", "logistic"],
            [
                "crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "3,3,4", "--dlt", "0,0,1",
                "--follow-up", "21,14,7", "--window", "21", "--weights", "adaptive",
            ],
            [
                "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--truth", "0.05,0.12,0.25,0.40", "--target", "0.25",
                "--patients", "10", "--start", "3", "--trials", "300", "--cohort", "2",
            ],
            ["crm", "calibrate", "--target", "0.25", "--levels", "3", "--prior-mtd", "2", "--patients", "6", "--trials", "50"],
        ]
        for command in commands {
            let result = run(command + ["--format", format, "--justify"])
            #expect(result.status == 0, "\(command): \(result.errors)")
            #expect(!result.output.contains("nan") && !result.output.contains("inf"))
            if format == "json" {
                let object = try json(result.output)
                #expect(object["justification"] != nil)
            } else {
                #expect(result.output.contains("O'Quigley"))
            }
        }
    }

    /// Each bad input: exit 64, one line, naming the option.
    @Test(
        "bad input is one line naming the option, exit 64",
        arguments: [
            (["crm", "skeleton", "--target", "1.5", "--halfwidth", "0.05", "--levels", "4", "--prior-mtd", "3"], "--target"),
            (["crm", "skeleton", "--target", "0", "--halfwidth", "0.05", "--levels", "4", "--prior-mtd", "3"], "--target"),
            (["crm", "skeleton", "--target", "0.25", "--halfwidth", "0.25", "--levels", "4", "--prior-mtd", "3"], "--halfwidth"),
            (["crm", "skeleton", "--target", "0.25", "--halfwidth", "0.05", "--levels", "4", "--prior-mtd", "5"], "--prior-mtd"),
            (["crm", "skeleton", "--target", "0.25", "--halfwidth", "0.05", "--levels", "1000", "--prior-mtd", "3"], "--levels"),
            (["crm", "skeleton", "--target", "0.25", "--skeleton", "0.05,0.25,0.12"], "--skeleton"),
            (["crm", "skeleton", "--target", "0.25", "--skeleton", "0.05,0.12,1.25"], "--skeleton"),
            (["crm", "skeleton", "--target", "0.25", "--skeleton", "0.05,abc"], "--skeleton"),
            (["crm", "skeleton", "--target", "0.25"], "--halfwidth"),
            (["crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "3,5", "--dlt", "0,0"], "--levels"),
            (["crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "3,3"], "--dlt"),
            (["crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--dlt", "0,0"], "--levels"),
            (["crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--safety-stop", "0.4"], "--safety-stop"),
            (["crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "3,3", "--dlt", "0,2"], "--dlt"),
            (["crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "3,3", "--dlt", "0"], "--dlt"),
            (
                [
                    "crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "3,3", "--dlt", "0,0",
                    "--follow-up", "21,30", "--window", "21",
                ], "--follow-up"
            ),
            (
                [
                    "crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "3,3", "--dlt", "0,0",
                    "--follow-up", "21,3",
                ], "--window"
            ),
            (
                [
                    "crm", "next", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--levels", "3,3", "--dlt", "0,0",
                    "--prior-variance", "0",
                ], "--prior-variance"
            ),
            (
                [
                    "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--truth", "0.05,0.12,0.25", "--target", "0.25",
                    "--patients", "10", "--start", "3",
                ], "--truth"
            ),
            (
                [
                    "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--truth", "0.05,0.12,0.25,0.4", "--target", "0.25",
                    "--patients", "10", "--start", "5",
                ], "--start"
            ),
            (
                [
                    "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--truth", "0.05,0.12,0.25,0.4", "--target", "0.25",
                    "--patients", "0", "--start", "3",
                ], "--patients"
            ),
            (
                [
                    "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--truth", "0.05,0.12,0.25,0.4", "--target", "0.25",
                    "--patients", "10", "--start", "3", "--trials", "100000000",
                ], "--trials"
            ),
            (
                [
                    "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--truth", "0.05,0.12,0.25,0.4", "--target", "0.25",
                    "--patients", "10", "--start", "3", "--window", "21",
                ], "--window"
            ),
            (
                [
                    "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--truth", "0.05,0.12,0.25,0.4", "--target", "0.25",
                    "--patients", "10", "--start", "3", "--tite",
                ], "--window"
            ),
            (
                [
                    "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--truth", "0.05,0.12,0.25,0.4", "--target", "0.25",
                    "--patients", "10", "--start", "3", "--tite", "--window", "21", "--rate", "0",
                ], "--rate"
            ),
            (
                ["crm", "calibrate", "--target", "0.25", "--levels", "4", "--prior-mtd", "3", "--patients", "10", "--trials", "1000000"],
                "--trials"
            ),
            (
                ["crm", "calibrate", "--target", "0.25", "--levels", "4", "--prior-mtd", "3", "--patients", "10", "--spacing", "0.5"],
                "--spacing"
            ),
            (
                [
                    "crm", "calibrate", "--target", "0.25", "--levels", "4", "--prior-mtd", "3", "--patients", "10",
                    "--prior-variances", "1,200",
                ], "--prior-variances"
            ),
        ])
    func badInput(arguments: [String], option: String) {
        let result = run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.output)")
        #expect(result.errors.split(separator: "\n").count == 1)
        #expect(result.errors.hasPrefix("trialsize: error: \(option)"), "\(result.errors)")
    }

    /// Several `--truth` scenarios: every scenario is simulated with the same seed (common random numbers), so
    /// scenario k of a multi-scenario run equals the single-scenario run of truth k with that seed, key by key,
    /// and the top-level keys are the first scenario's (the single-scenario shape). Also for TITE-CRM.
    @Test("simulate: scenario k of several equals the single-scenario run with the same seed")
    func severalScenarios() throws {
        let truths = ["0.05,0.12,0.25,0.40", "0.25,0.40,0.50,0.60", "0.02,0.05,0.08,0.12"]
        for extra in [[String](), ["--tite", "--window", "21", "--rate", "0.25"]] {
            let base =
                [
                    "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--patients", "12", "--start", "1",
                    "--trials", "300", "--seed", "7", "--threads", "3", "--format", "json",
                ] + extra
            let several = run(base + truths.flatMap { ["--truth", $0] })
            #expect(several.status == 0, "\(several.errors)")
            let object = try json(several.output)
            let scenarios = try #require(object["scenarios"] as? [[String: Any]])
            #expect(scenarios.count == 3)
            for (k, truth) in truths.enumerated() {
                let single = try json(run(base + ["--truth", truth]).output)
                let alone = try #require((single["scenarios"] as? [[String: Any]])?.first)
                let canonical = { (o: [String: Any]) in try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]) }
                #expect(try canonical(alone) == canonical(scenarios[k]), "scenario \(k + 1)")
                for key in [
                    "selection", "correct_selection", "patients_per_level", "dlts_per_level", "dlt_rate", "true_mtd", "truth", "duration",
                ] {
                    #expect((single[key] as? NSObject) == (scenarios[k][key] as? NSObject), "scenario \(k + 1) \(key)")
                }
                if k == 0 {
                    for key in ["selection", "correct_selection", "truth", "dlt_rate"] {
                        #expect((object[key] as? NSObject) == (single[key] as? NSObject), "top-level \(key) is scenario 1's")
                    }
                }
            }
            #expect((scenarios[1]["truth"] as? [Double]) == [0.25, 0.40, 0.50, 0.60])
        }
        let text = run(
            "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--patients", "12", "--start", "1",
            "--trials", "100", "--truth", truths[0], "--truth", truths[1])
        #expect(text.output.contains("Scenario 1") && text.output.contains("Scenario 2"))
        let justify = run(
            "crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--patients", "12", "--start", "1",
            "--trials", "100", "--truth", truths[0], "--truth", truths[1], "--justify")
        let words = justify.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("In scenario 2 (true DLT probabilities 0.25, 0.40, 0.50, 0.60)"), "\(justify.output)")
        #expect(words.contains("under each of 2 true dose–toxicity scenarios"), "\(justify.output)")
    }

    @Test("simulate: several scenarios refused when unequal, too many, or over the work cap")
    func severalScenariosBadInput() {
        let base = ["crm", "simulate", "--skeleton", "0.05,0.12,0.25,0.40", "--target", "0.25", "--patients", "12", "--start", "1"]
        for (arguments, option) in [
            (base + ["--truth", "0.05,0.12,0.25,0.40", "--truth", "0.1,0.2,0.3", "--trials", "10"], "--truth"),
            (base + ["--truth", "0.05,0.12,0.25", "--trials", "10"], "--truth"),
            (base + Array(repeating: ["--truth", "0.05,0.12,0.25,0.40"], count: 21).flatMap { $0 } + ["--trials", "10"], "--truth"),
            (base + Array(repeating: ["--truth", "0.05,0.12,0.25,0.40"], count: 20).flatMap { $0 } + ["--trials", "1000000"], "--trials"),
        ] {
            let result = run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.errors.split(separator: "\n").count == 1 && result.errors.contains(option), "\(result.errors)")
        }
    }
}
