import Foundation
import Testing

@testable import TrialsizeCLI

/// Sensitivity grids (issue 12): a numeric option given as a list runs the command at every
/// combination, and each row is exactly the answer of that row's command line alone.
@Suite("Sensitivity grids")
struct SensitivityGridTests {
    static let survival = ["survival", "--control-median", "8", "--median", "12,13,14", "--power", "0.8,0.9"]

    static func object(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("every row's answer is the single command's JSON answer, byte for byte, in grid order (first list slowest)")
    func rowsEqualSingleAnswers() throws {
        let grid = run(Self.survival + ["--format", "json"])
        #expect(grid.status == 0, "\(grid.errors)")
        let points = try #require(try Self.object(grid.output)["points"] as? [[String: Any]])
        var expected: [(String, String)] = []
        for median in ["12", "13", "14"] { for power in ["0.8", "0.9"] { expected.append((median, power)) } }
        #expect(points.count == 6)
        for (point, (median, power)) in zip(points, expected) {
            let inputs = try #require(point["inputs"] as? [String: Double])
            #expect(inputs == ["median": Double(median)!, "power": Double(power)!])
            let single = run(["survival", "--control-median", "8", "--median", median, "--power", power, "--format", "json"])
            #expect(single.status == 0)
            let answer = try #require(point["answer"] as? [String: Any])
            let same = NSDictionary(dictionary: answer).isEqual(to: try Self.object(single.output))
            #expect(same, "median \(median), power \(power)")
            let outputs = try #require(point["outputs"] as? [String: Any])
            #expect(outputs["patients"] as? Int == answer["patients"] as? Int)
            #expect(outputs["attained_power"] as? Double == answer["attained_power"] as? Double)
        }
        // The seed design is the (13, 0.8) row: 26 events (the exact test, every patient followed).
        let seed = try #require(points.first { ($0["inputs"] as? [String: Double]) == ["median": 13, "power": 0.8] })
        #expect((seed["outputs"] as? [String: Any])?["events"] as? Int == 26)
    }

    @Test("the text table has a row per point; inputs the user gave are not repeated as outputs")
    func textTable() {
        let result = run(Self.survival)
        #expect(result.status == 0)
        #expect(result.output.contains("Alternative median (weeks)  Power  Patients  Events  Attained power"))
        #expect(result.output.contains("13    0.8        26      26          0.8094"))
        #expect(!result.output.contains("Detectable median"))
        #expect(result.output.contains("Inputs held fixed"))
        #expect(result.output.contains("run it alone: trialsize survival --control-median 8 --median 12 --power 0.8"))
        // Solving for the median, the detectable median is the answer and so a column.
        let detectable = run(["survival", "--control-median", "8", "--patients", "20,30,40"])
        #expect(detectable.output.contains("Detectable median"))
        #expect(detectable.output.contains("12.49"))
    }

    @Test("CSV: a header of JSON keys, then the inputs and full-precision outputs")
    func csv() {
        let result = run(["survival", "--control-median", "8", "--median", "12,13", "--power", "0.8", "--format", "csv"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "median,patients,events,attained_power")
        #expect(lines.count == 3)
        #expect(lines[2] == "13,26,26,0.8094308485680297")
    }

    @Test("Markdown and LaTeX give the table; every warning goes to standard error, prefixed by its point")
    func formatsAndWarnings() {
        let markdown = run(Self.survival + ["--format", "markdown"])
        #expect(markdown.output.contains("| Alternative median (weeks) | Power | Patients | Events | Attained power |"))
        let latex = run(Self.survival + ["--format", "latex"])
        #expect(latex.output.contains("\\begin{tabular"))
        let harmful = run(["survival", "--control-median", "8", "--median", "7,13"])
        #expect(harmful.status == 0)
        #expect(harmful.errors.contains("trialsize: warning: median 7: the alternative median is shorter"))
        #expect(!harmful.errors.contains("median 13:"))
    }

    @Test("grids work on other designs: simon, two-arm survival, ci --width, pick-winner, crm skeleton, boin boundaries")
    func otherDesigns() throws {
        let cases: [([String], String)] = [
            (["simon", "--p0", "0.1,0.2", "--p1", "0.3"], "Optimal n1"),
            (["two-arm", "survival", "--control-median", "8", "--median", "13", "--allocation", "1,2"], "Experimental patients"),
            (["ci", "--width", "0.2,0.3", "--expected", "0.3"], "Stable n"),
            (["pick-winner", "--arms", "2,3", "--p0", "0.2", "--delta", "0.15"], "P(correct selection)"),
            (["crm", "skeleton", "--target", "0.25", "--halfwidth", "0.05,0.09", "--levels", "4", "--prior-mtd", "3"], "Level 4"),
            (["boin", "boundaries", "--target", "0.25,0.3"], "Escalation boundary"),
            (["single-stage", "--p0", "0.1,0.2", "--p1", "0.4"], "Responses needed"),
            (["two-arm", "binomial", "--p0", "0.2", "--p1", "0.4,0.5"], "Attained power"),
        ]
        for (arguments, column) in cases {
            let result = run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.errors)")
            #expect(result.output.contains(column), "\(arguments)")
        }
        // Simon's optimal design for 0.1 vs 0.3 is Simon's (1989) 1/10, 5/29.
        let simon = try Self.object(run(["simon", "--p0", "0.1,0.2", "--p1", "0.3", "--format", "json"]).output)
        let first = try #require((simon["points"] as? [[String: Any]])?.first?["outputs"] as? [String: Any])
        #expect(first["optimal.n1"] as? Int == 10)
        #expect(first["optimal.n"] as? Int == 29)
    }

    @Test(
        "refused before any work, one line, exit 64: out of range, not a number, empty, repeated, too many, and options a grid cannot take")
    func refusals() {
        let cases: [([String], String)] = [
            (["survival", "--control-median", "8", "--median", "13", "--power", "0.8,1.2"], "--power must be in (0, 1), got 1.2"),
            (["survival", "--control-median", "8", "--median", "13,abc"], "--median must be a list of numbers"),
            (["survival", "--control-median", "8", "--median", "13,"], "no empty item"),
            (["survival", "--control-median", "8", "--median", "13,13"], "a list of different values"),
            (["survival", "--control-median", "8", "--median", "13,14", "--justify"], "--justify left out with a list of values"),
            (["survival", "--control-median", "8", "--median", "13,14", "--method", "all"], "--method must be one method"),
            (["simon", "--p0", "0.1", "--p1", "0.3", "--nmax", "50,60.5"], "--nmax must be a list of whole numbers"),
            (
                ["survival", "--control-median", "8", "--median", "13,14", "--format", "html"],
                "--format must be text, json, markdown, latex, csv or docx"
            ),
            (
                [
                    "survival", "--control-median", "8", "--median", "9,10,11,12,13,14,15,16,17,18,19,20,21,22,23",
                    "--power", "0.5,0.55,0.6,0.65,0.7,0.75,0.8,0.85,0.9,0.91,0.92,0.93,0.94,0.95",
                ], "a grid of at most 200 points (these lists make 210)"
            ),
        ]
        for (arguments, message) in cases {
            let result = run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.output.isEmpty, "\(arguments)")
            #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
            #expect(result.errors.contains(message), "\(arguments): \(result.errors)")
        }
    }

    @Test("a refusal that only the design can make (the medians equal) names the grid point")
    func pointRefusal() {
        let result = run(["survival", "--control-median", "8", "--median", "13,8"])
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(
            result.errors
                == "trialsize: error: --median must be different from --control-median (8), got 8 (at the grid point --median 8)\n")
    }

    @Test("the points share the work budget: a grid of simulations each within it alone is refused at once as a whole")
    func sharedBudget() {
        // 100,000 trials of 200 patients: 2e7 trial-patients, about 3 s alone (within 10 s);
        // five such points share the 10 s, 2 s each, and are refused before any simulation.
        let result = run([
            "survival", "--control-median", "8", "--median", "13", "--patients", "200,201,202,203,204",
            "--simulate", "100000",
        ])
        #expect(result.status == 64, "\(result.errors)")
        #expect(result.errors.contains("work budget"), "\(result.errors)")
        #expect(result.errors.contains("the 5 points share the 10 s budget"), "\(result.errors)")
    }

    @Test("--plot draws the first output against the first list, a line per value of the second; --report writes HTML and Word")
    func plotAndReports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("grid.svg").path
        let html = folder.appendingPathComponent("grid.html").path
        let docx = folder.appendingPathComponent("grid.docx").path
        #expect(run(Self.survival + ["--plot", svg, "--report", html]).status == 0)
        #expect(run(Self.survival + ["--report", docx]).status == 0)
        let drawing = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(drawing.contains("Patients by alternative median"))
        #expect(drawing.contains("power 0.8") && drawing.contains("power 0.9"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("Sensitivity grid") && page.contains("<svg"))
        let word = try Data(contentsOf: URL(fileURLWithPath: docx))
        #expect(word.starts(with: [0x50, 0x4B]))  // a zip package
    }

    @Test("a list in a non-numeric option is not a grid: --skeleton and --looks keep their meaning")
    func listParameters() {
        let result = run(["crm", "skeleton", "--target", "0.25", "--skeleton", "0.05,0.12,0.25,0.40"])
        #expect(result.status == 0)
        #expect(!result.output.contains("Sensitivity grid"))
    }
}
