import Foundation
import Testing

@testable import TrialsizeCLI

/// `two-arm survival`, `two-arm binomial` and `pick-winner` through the real parser: answers, JSON
/// keys, every format, reports and plots, and one-line refusals with exit 64.
@Suite("trialsize two-arm and pick-winner")
struct TwoArmCommandTests {
    static let seed = ["two-arm", "survival", "--control-median", "8", "--median", "13", "--alpha", "0.05", "--power", "0.8"]

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.errors)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    static func refused(_ arguments: [String], naming option: String) {
        let result = run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.errors)")
        #expect(result.errors.contains(option), "\(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
    }

    @Test("the seed question randomized 1:1: 105 events (Schoenfeld; rpact 104.91), 106 patients, 53 per arm")
    func seedQuestion() throws {
        let object = try Self.json(Self.seed)
        #expect(object["events"] as? Int == 105)
        #expect(object["patients"] as? Int == 106)
        let perArm = try #require(object["patients_per_arm"] as? [String: Int])
        #expect(perArm == ["control": 53, "experimental": 53])
        #expect(object["method"] as? String == "schoenfeld")
        for key in [
            "events", "patients", "patients_per_arm", "hazard_ratio", "attained_power", "method", "events_unrounded",
            "event_probability", "assumptions", "solved_for",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
    }

    @Test("every method side by side, in every format, with a justification citing the method and trialsize")
    func methodsAndFormats() throws {
        let arguments = Self.seed + ["--accrual", "52", "--follow-up", "26", "--method", "all"]
        let object = try Self.json(arguments)
        let methods = try #require(object["methods"] as? [[String: Any]])
        #expect(methods.map { $0["method"] as? String } == ["schoenfeld", "freedman", "lachin-foulkes"])
        for format in ["text", "markdown", "latex"] {
            let result = run(arguments + ["--format", format])
            #expect(result.status == 0)
            #expect(result.output.contains("Freedman"))
        }
        let justify = run(arguments + ["--justify"])
        #expect(justify.status == 0)
        #expect(justify.output.contains("Schoenfeld D."))
        #expect(justify.output.contains("trialsize"))
    }

    @Test("power at given patients, and the detectable hazard ratio")
    func otherUnknowns() throws {
        let power = try Self.json(["two-arm", "survival", "--control-median", "8", "--median", "13", "--patients", "106"])
        #expect(power["solved_for"] as? String == "power")
        #expect(abs((power["attained_power"] as? Double ?? 0) - 0.8027) < 1e-3)
        let detectable = try Self.json(["two-arm", "survival", "--control-median", "8", "--patients", "106", "--power", "0.8"])
        #expect(detectable["solved_for"] as? String == "detectable-hazard-ratio")
        #expect(abs((detectable["hazard_ratio"] as? Double ?? 0) - 8.0 / 13) < 0.01)
    }

    @Test("a seeded simulation is reproducible and independent of --threads")
    func simulation() throws {
        let one = run(Self.seed + ["--simulate", "2000", "--seed", "5", "--threads", "1", "--format", "json"])
        let two = run(Self.seed + ["--simulate", "2000", "--seed", "5", "--threads", "2", "--format", "json"])
        #expect(one.status == 0 && one.output == two.output)
        let object = try #require(JSONSerialization.jsonObject(with: Data(one.output.utf8)) as? [String: Any])
        let simulation = try #require(object["simulation"] as? [String: Any])
        for key in ["trials", "seed", "type_i_error", "type_i_error_standard_error", "power", "power_standard_error", "mean_events"] {
            #expect(simulation[key] != nil, "missing simulation.\(key)")
        }
    }

    @Test(
        "--search finds the smallest n by simulated power, reported in JSON, text and the paragraph; refused without --simulate or beyond the budget"
    )
    func search() throws {
        let question = Self.seed + ["--accrual", "52", "--follow-up", "26", "--simulate", "1000", "--search"]
        let object = try Self.json(question)
        let search = try #require(object["search"] as? [String: Any])
        for key in [
            "search_max", "trials", "seed", "patients", "patients_per_arm", "power", "power_standard_error",
            "type_i_error", "type_i_error_standard_error", "power_below",
        ] {
            #expect(search[key] != nil, "missing search.\(key)")
        }
        #expect((search["power"] as? Double ?? 0) >= 0.8 && (search["power_below"] as? Double ?? 1) < 0.8)
        #expect(search["search_max"] as? Int == 2 * (object["patients"] as? Int ?? 0))
        let text = run(question + ["--justify"])
        #expect(text.status == 0 && text.output.contains("Searching by simulation"))
        let plain = run(question)
        #expect(plain.output.contains("Smallest n by simulation"))
        Self.refused(Self.seed + ["--search"], naming: "--search")
        Self.refused(Self.seed + ["--simulate", "40000", "--search", "--search-max", "2000"], naming: "--simulate")
        Self.refused(Self.seed + ["--simulate", "100", "--search", "--search-max", "20000"], naming: "--search-max")
    }

    @Test("two proportions: Fisher 90 per arm (clinfun fe.ssize), CPS 91, normal 82; JSON keys")
    func binomial() throws {
        let object = try Self.json(["two-arm", "binomial", "--p0", "0.2", "--p1", "0.4", "--alpha", "0.025", "--method", "all"])
        let methods = try #require(object["methods"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: methods.map { ($0["method"] as! String, $0) })
        #expect((byName["fisher"]?["patients_per_arm"] as? [String: Int])?["control"] == 90)
        #expect((byName["continuity"]?["patients_per_arm"] as? [String: Int])?["control"] == 91)
        #expect((byName["normal"]?["patients_per_arm"] as? [String: Int])?["control"] == 82)
        for key in ["patients_per_arm", "patients", "attained_power", "attained_alpha", "first", "stable", "horizon"] {
            #expect(byName["fisher"]?[key] != nil, "missing \(key)")
        }
        let table = run(["two-arm", "binomial", "--p0", "0.2", "--p1", "0.4", "--table", "--format", "markdown"])
        #expect(table.status == 0 && table.output.contains("Fisher's exact test by control n"))
    }

    @Test("pick-the-winner: probabilities at n, and the smallest n per arm")
    func pickWinner() throws {
        let at = try Self.json(["pick-winner", "--arms", "3", "--p0", "0.2", "--delta", "0.15", "--patients-per-arm", "30"])
        for key in ["p_correct", "p_inconclusive", "patients_per_arm"] { #expect(at[key] != nil, "missing \(key)") }
        let solved = try Self.json(["pick-winner", "--arms", "3", "--p0", "0.2", "--delta", "0.15", "--min-lead", "0"])
        #expect(solved["patients_per_arm"] as? Int == 44)
        #expect((solved["p_correct"] as? Double ?? 0) >= 0.9)
        let justify = run(["pick-winner", "--arms", "3", "--p0", "0.2", "--delta", "0.15", "--justify"])
        #expect(justify.output.contains("Simon R, Wittes RE, Ellenberg SS"))
    }

    @Test("--report and --plot write files for every command")
    func files() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twoarm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let commands = [
            Self.seed, ["two-arm", "binomial", "--p0", "0.2", "--p1", "0.4"],
            ["pick-winner", "--arms", "3", "--p0", "0.2", "--delta", "0.15"],
        ]
        for (i, command) in commands.enumerated() {
            let plot = folder.appendingPathComponent("plot\(i).svg").path, page = folder.appendingPathComponent("page\(i).html").path
            let result = run(command + ["--plot", plot, "--report", page])
            #expect(result.status == 0, "\(result.errors)")
            #expect(try String(contentsOfFile: plot, encoding: .utf8).contains("<svg"))
            #expect(try String(contentsOfFile: page, encoding: .utf8).contains("<html"))
        }
    }

    @Test("bad input: one line naming the option, exit 64")
    func refusals() {
        Self.refused(Self.seed + ["--allocation", "0"], naming: "--allocation")
        Self.refused(Self.seed + ["--allocation", "inf"], naming: "--allocation")
        Self.refused(["two-arm", "survival", "--control-median", "8", "--median", "8"], naming: "--median")
        Self.refused(["two-arm", "survival", "--control-median", "8", "--hazard-ratio", "1"], naming: "--hazard-ratio")
        Self.refused(Self.seed + ["--simulate", "1000000", "--patients", "5000"], naming: "--power")
        Self.refused(
            ["two-arm", "survival", "--control-median", "8", "--hazard-ratio", "0.98", "--simulate", "1000000"], naming: "--simulate")
        Self.refused(["two-arm", "binomial", "--p0", "0.2", "--p1", "0.2"], naming: "--p1")
        Self.refused(["two-arm", "binomial", "--p0", "0", "--p1", "0.2"], naming: "--p0")
        Self.refused(["two-arm", "binomial", "--p0", "0.2", "--p1", "1.2"], naming: "--p1")
        Self.refused(["pick-winner", "--arms", "11", "--p0", "0.2", "--delta", "0.1"], naming: "--arms")
        Self.refused(["pick-winner", "--arms", "3", "--p0", "0.9", "--delta", "0.2"], naming: "--delta")
        Self.refused(
            ["pick-winner", "--arms", "3", "--p0", "0.2", "--delta", "0.1", "--patients-per-arm", "10", "--correct", "0.9"],
            naming: "--correct")
    }
}
