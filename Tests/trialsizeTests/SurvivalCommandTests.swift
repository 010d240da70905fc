import Foundation
import Testing

@testable import TrialsizeCLI

/// The survival command through the real parser: the seed question, Wu's example, every mode,
/// JSON, and one-line refusals with exit 64.
@Suite("trialsize survival")
struct SurvivalCommandTests {
    static let seed = ["survival", "--control-median", "8", "--median", "13", "--alpha", "0.05", "--power", "0.8"]

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    @Test("the README's command answers the seed: log-hazard 27 events and 30 patients; exact 26 events (Kearney et al. 2021)")
    func seedAllMethods() throws {
        let result = run(Self.seed + ["--dropout", "0.1", "--method", "all"])
        #expect(result.status == 0)
        #expect(result.output.contains("Answer"))
        #expect(result.output.contains("Assumptions"))
        #expect(result.output.contains("methods disagree by more than 10%"))
        let object = try Self.json(Self.seed + ["--dropout", "0.1", "--method", "all"])
        let methods = try #require(object["methods"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: methods.map { ($0["method"] as! String, $0) })
        #expect(byName["log-hazard"]?["events"] as? Int == 27)
        #expect(byName["log-hazard"]?["patients"] as? Int == 30)
        #expect(byName["exact"]?["events"] as? Int == 26)
        #expect(byName["exact"]?["patients"] as? Int == 29)
        #expect(abs((byName["exact"]?["attained_power"] as? Double ?? 0) - 0.8094) < 5e-5)
        #expect(methods.count == 5)
        #expect(object["disagreement"] is String)
    }

    @Test("the exact test's power with 30 events is 0.8523 (Kearney et al. 2021)")
    func seedPowerAtThirty() throws {
        let object = try Self.json(["survival", "--control-median", "8", "--median", "13", "--patients", "30"])
        #expect(abs((object["attained_power"] as? Double ?? 0) - 0.8523) < 5e-5)
        #expect(object["solved_for"] as? String == "power")
        #expect(object["patients"] as? Int == 30)
    }

    @Test("Wu's (2015) worked example gives n = 88")
    func wuExample() throws {
        let object = try Self.json([
            "survival", "--control-median", "9", "--shape", "1.22", "--hazard-ratio", "0.5714",
            "--accrual", "5", "--follow-up", "3", "--alpha", "0.05", "--power", "0.8",
            "--method", "log-rank", "--unit", "years",
        ])
        #expect(object["patients"] as? Int == 88)
        #expect(abs((object["unrounded"] as? Double ?? 0) - 87.3) < 0.05)
        #expect(object["unit"] as? String == "years")
    }

    @Test("the JSON object carries every documented key")
    func jsonKeys() throws {
        let object = try Self.json(Self.seed + ["--simulate", "2000", "--seed", "1"])
        for key in [
            "method", "alpha", "sides", "power_target", "control_median", "median", "hazard_ratio", "events",
            "patients", "attained_power", "assumptions", "simulation", "exact_uncensored", "unrounded",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let simulation = try #require(object["simulation"] as? [String: Any])
        for key in ["trials", "seed", "type_i_error", "type_i_error_standard_error", "power", "power_standard_error"] {
            #expect(simulation[key] != nil, "missing simulation.\(key)")
        }
        #expect(simulation["trials"] as? Int == 2000)
    }

    @Test("a seeded simulation is reproducible and independent of --threads")
    func reproducibleSimulation() {
        let one = run(Self.seed + ["--simulate", "3000", "--seed", "9", "--threads", "1", "--format", "json"])
        let two = run(Self.seed + ["--simulate", "3000", "--seed", "9", "--threads", "2", "--format", "json"])
        #expect(one.status == 0 && one.output == two.output)
    }

    @Test("landmark survival converts under the exponential model and is echoed")
    func landmark() throws {
        let object = try Self.json(["survival", "--control-survival", "0.5", "--survival", "0.25", "--at", "8"])
        #expect(abs((object["control_median"] as? Double ?? 0) - 8) < 1e-12)
        #expect(abs((object["median"] as? Double ?? 0) - 4) < 1e-12)
        let text = run(["survival", "--control-survival", "0.4", "--survival", "0.6", "--at", "12"])
        #expect(text.output.contains("from 60% progression-free at 12 weeks"))
    }

    @Test("--patients with --power and no alternative gives the detectable median, whose power is the target")
    func detectableMedian() throws {
        let object = try Self.json(["survival", "--control-median", "8", "--patients", "26", "--power", "0.8094308485680297"])
        #expect(abs((object["median"] as? Double ?? 0) - 13) < 1e-6)
        #expect(object["solved_for"] as? String == "detectable-median")
    }

    @Test("--follow-up alone: every patient enters at once and is followed for F")
    func followUpOnly() throws {
        let object = try Self.json(Self.seed + ["--follow-up", "13"])
        let p = 0.5  // P(event by 13 weeks | median 13 weeks) = 1 - exp(-ln 2)
        #expect(abs((object["event_probability"] as? Double ?? 0) - p) < 1e-12)
        #expect(object["patients"] as? Int == 52)
        #expect(run(Self.seed + ["--follow-up", "0"]).status == 64)
    }

    @Test("two-sided tests put alpha/2 in each tail: the exact test needs 32 events (scipy) on the seed question")
    func twoSided() throws {
        let object = try Self.json(Self.seed + ["--sides", "2"])
        #expect(object["sides"] as? Int == 2)
        #expect(object["events"] as? Int == 32)
    }

    @Test("a shorter alternative median is tested in that direction and flagged")
    func shorterMedian() {
        let result = run(["survival", "--control-median", "12", "--median", "8"])
        #expect(result.status == 0)
        #expect(result.output.contains("tests for harm"))
    }

    @Test("--justify renders the template with references")
    func justify() {
        let result = run(Self.seed + ["--dropout", "0.1", "--method", "all", "--justify"])
        #expect(result.status == 0)
        #expect(result.output.contains("26 events are required for the target power of 80%"))
        #expect(result.output.contains("Epstein B, Sobel M. Life testing"))
        #expect(result.output.contains("Wu J. Sample size calculation for the one-sample log-rank test"))
        // The paragraph itself has no doubled spaces left by empty template sections (the
        // reference list below it is indented on purpose).
        let paragraph = result.output.components(separatedBy: "\nReferences")[0]
        #expect(!paragraph.contains("  "))
    }

    @Test("markdown and latex render the side-by-side table")
    func formats() {
        let markdown = run(Self.seed + ["--method", "all", "--format", "markdown"])
        #expect(markdown.output.contains("| method | events | patients |"))
        let latex = run(Self.seed + ["--method", "all", "--format", "latex"])
        #expect(
            latex.output.contains("\\raggedright\\hspace{0pt}method & \\raggedleft\\hspace{0pt}events & \\raggedleft\\hspace{0pt}patients"))
        #expect(!latex.output.contains("@@"))
    }

    @Test(
        "bad input is one line naming the option, exit 64",
        arguments: [
            (["survival", "--control-median", "0", "--median", "13"], "--control-median"),
            (["survival", "--control-median", "nan", "--median", "13"], "--control-median"),
            (["survival", "--control-median", "8", "--median", "-1"], "--median"),
            (["survival", "--control-median", "8", "--median", "inf"], "--median"),
            (["survival", "--control-median", "8", "--median", "8"], "--median"),
            (["survival", "--control-median", "8", "--median", "13", "--alpha", "0.6"], "--alpha"),
            (["survival", "--control-median", "8", "--median", "13", "--alpha", "0"], "--alpha"),
            (["survival", "--control-median", "8", "--median", "13", "--power", "0.04"], "--power"),
            (["survival", "--control-median", "8", "--median", "13", "--power", "1"], "--power"),
            (["survival", "--control-median", "8", "--median", "13", "--patients", "1"], "--patients"),
            (["survival", "--control-median", "8", "--median", "13", "--hazard-ratio", "0.6"], "--hazard-ratio"),
            (["survival", "--control-median", "8", "--hazard-ratio", "1"], "--hazard-ratio"),
            (["survival", "--control-median", "8", "--median", "13", "--accrual", "0"], "--accrual"),
            (["survival", "--control-median", "8", "--median", "13", "--accrual", "26", "--follow-up", "-1"], "--follow-up"),
            (["survival", "--control-median", "8", "--median", "13", "--accrual-rate", "-2"], "--accrual-rate"),
            (["survival", "--control-median", "8", "--median", "13", "--loss-rate", "0"], "--loss-rate"),
            (["survival", "--control-median", "8", "--median", "13", "--dropout", "1"], "--dropout"),
            (["survival", "--control-median", "8", "--median", "13", "--dropout", "0.1", "--loss-rate", "0.01"], "--dropout"),
            (["survival", "--control-median", "8", "--median", "13", "--simulate", "5000000"], "--simulate"),
            (["survival", "--control-median", "8", "--median", "13", "--simulate", "0"], "--simulate"),
            (["survival", "--control-median", "8", "--median", "13", "--search"], "--search"),
            (
                ["survival", "--control-median", "8", "--median", "13", "--simulate", "10", "--search", "--search-max", "50000"],
                "--search-max"
            ),
            (["survival", "--control-median", "8", "--median", "13", "--shape", "1.3"], "--shape"),
            (["survival", "--control-median", "8", "--median", "13", "--shape", "1.3", "--method", "all"], "--shape"),
            (["survival", "--control-median", "8", "--median", "13", "--patients", "30", "--power", "0.8"], "--power"),
            (["survival", "--control-median", "8"], "--median"),
            (["survival", "--median", "13"], "--control-median"),
            (["survival", "--control-survival", "0.4", "--survival", "0.6"], "--control-survival"),
            (["survival", "--control-survival", "1.4", "--survival", "0.6", "--at", "12"], "--control-survival"),
            (["survival", "--control-median", "8", "--median", "8.0001"], "--median"),
            (["survival", "--control-median", "8", "--median", "13", "--method", "bogus"], "--method"),
            (["survival", "--control-median", "8", "--hazard-ratio", "1e-300"], "--hazard-ratio"),
            (["survival", "--control-median", "1e-300", "--median", "1e300"], "--median"),
            (["survival", "--control-survival", "0.4", "--survival", "0.4", "--at", "12"], "--survival"),
            (["survival", "--control-median", "8", "--median", "13", "--loss-rate", "1e6"], "--loss-rate"),
            (["survival", "--control-median", "8", "--patients", "2", "--power", "0.99", "--accrual", "1"], "--patients"),
        ] as [([String], String)])
    func refusals(arguments: [String], option: String) {
        let result = run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.output)")
        #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
        #expect(result.errors.hasPrefix("trialsize: error: "))
        #expect(result.errors.contains(option), "\(arguments): \(result.errors)")
        #expect(!result.errors.contains("nan") || arguments.contains("nan"))
    }
}
