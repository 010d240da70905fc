import Foundation
import Testing
import TrialDesign

@testable import TrialsizeCLI

@Suite("trialsize ci")
struct CICommandTests {
    /// Kearney et al. 2021: clinical benefit 4/26, "15.4% (4%, 35%)".
    @Test func seedTrial() {
        let result = run("ci", "4", "26")
        #expect(result.status == 0)
        #expect(result.output.contains("15.4% (95% CI 4.4% to 34.9%)"))
        #expect(result.output.contains("Clopper-Pearson"))
    }

    @Test func json() throws {
        let result = run("ci", "4", "26", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["method"] as? String == "clopper-pearson")
        #expect(abs((object["lower"] as? Double ?? 0) - 0.0435634765389238) < 1e-12)
        #expect(abs((object["upper"] as? Double ?? 0) - 0.3486787855353614) < 1e-12)
        #expect(object["conf"] as? Double == 0.95 && abs((object["estimate"] as? Double ?? 0) - 4.0 / 26) < 1e-15)
        let all = run("ci", "4", "26", "--method", "all", "--format", "json")
        let methods = try #require(
            (try JSONSerialization.jsonObject(with: Data(all.output.utf8)) as? [String: Any])?["methods"] as? [[String: Any]])
        #expect(methods.map { $0["method"] as? String } == ["clopper-pearson", "mid-p", "wilson", "jeffreys", "agresti-coull", "wald"])
    }

    @Test func optionsAndMethods() {
        #expect(run("ci", "4", "26", "--conf", "0.9").output.contains("90% CI"))
        #expect(run("ci", "4", "26", "--sides", "1").output.contains("one-sided 95% lower bound"))
        let wald = run("ci", "4", "26", "--method", "wald")
        #expect(wald.output.contains("Warnings") && wald.output.contains("poor"))
        let all = run("ci", "4", "26", "--method", "all", "--format", "markdown")
        #expect(all.status == 0 && all.output.contains("| Wilson score |"))
        #expect(run("ci", "0", "18", "--format", "latex").output.contains("\\subsection*"))
    }

    @Test func width() throws {
        let result = run("ci", "--width", "0.2", "--expected", "0.3", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect((object["first"] as? [String: Any])?["n"] as? Int == 88)  // interval_width.csv (mpmath scan)
        #expect(run("ci", "--width", "0.2", "--expected", "0.3").output.contains("First n"))
    }

    @Test func justify() {
        let result = run("ci", "4", "26", "--justify")
        #expect(result.status == 0)
        #expect(result.output.contains("Of 26 evaluable patients, 4 responded (15.4%)"))
        #expect(result.output.contains("4.4% to 34.9% [1]"))
        #expect(result.output.contains("Clopper CJ, Pearson ES"))
    }

    @Test func batch() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trialsize-ci-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try "x,n\n4,26\n\n0,18\n18,18\n".write(to: url, atomically: true, encoding: .utf8)
        let csv = run("ci", "--input", url.path)
        #expect(csv.status == 0)
        let lines = csv.output.split(separator: "\n")
        #expect(lines.count == 4 && lines[0] == "x,n,estimate,lower,upper,conf,sides,method")
        #expect(lines[1].hasPrefix("4,26,0.15384615384615385,0.04356347653892"))
        let jsonLines = run("ci", "--input", url.path, "--format", "json").output.split(separator: "\n")
        #expect(jsonLines.count == 3)
        for line in jsonLines { #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any]) }

        try "4,26\n5,3\n".write(to: url, atomically: true, encoding: .utf8)
        let bad = run("ci", "--input", url.path)
        #expect(bad.status == 64)
        #expect(bad.errors.contains("line 2") && bad.errors.split(separator: "\n").count == 1)
        #expect(run("ci", "--input", "/no/such/file").status == 64)
    }

    /// Issue 19: 5,000 good lines then a line over 1,024 bytes printed only 4,422 results.
    @Test("a long line after many good ones: every result before it, then the error")
    func batchLongLineKeepsResults() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trialsize-ci-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let good = (0..<5000).map { "\($0 % 20),20\n" }.joined()
        for tail in [String(repeating: "1", count: 2000) + "\n", "x,y\n"] {
            try (good + tail).write(to: url, atomically: true, encoding: .utf8)
            let result = run("ci", "--input", url.path)
            #expect(result.status == 64)
            #expect(result.errors.contains("line 5001") && result.errors.split(separator: "\n").count == 1)
            #expect(result.output.split(separator: "\n").count == 5001)  // the header and 5,000 results
        }
    }

    /// Issue 19: Wald's zero-width interval at x = n counted as meeting the width (n = 1), and the
    /// stable search then found no n.
    @Test("ci --width with Wald: no degenerate interval, the right n")
    func waldWidth() throws {
        let first = run("ci", "--width", "0.5", "--expected", "0.9", "--method", "wald", "--format", "json")
        #expect(first.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any])
        // n = 1 ... 5 expect x = n (degenerate, width 0); 5/6: Wald [0.535, 1.131] clipped to [0.535, 1], width 0.465.
        #expect((object["first"] as? [String: Any])?["n"] as? Int == 6)
        let reached = run("ci", "--width", "0.2", "--expected", "0.5", "--method", "wald")
        #expect(reached.status == 0, "\(reached.errors)")
    }

    @Test(
        "bad input: one line, exit 64",
        arguments: [
            ["ci", "5", "4"], ["ci", "4.5", "26"], ["ci", "-1", "26"], ["ci", "4", "0"], ["ci", "1", "1000000001"],
            ["ci", "4", "26", "--conf", "1"], ["ci", "4", "26", "--conf", "0"], ["ci", "4", "26", "--conf", "nan"],
            ["ci", "4"], ["ci", "--width", "0.2"], ["ci", "--width", "1.2", "--expected", "0.3"],
            ["ci", "4", "26", "--method", "exact"], ["ci", "4", "26", "--sides", "3"],
        ])
    func badInput(_ arguments: [String]) {
        let result = run(arguments)
        #expect(result.status == 64, "\(arguments)")
        #expect(result.errors.split(separator: "\n").count == 1 && result.errors.hasPrefix("trialsize: error: "), "\(result.errors)")
        #expect(result.output.isEmpty)
    }
}

@Suite("trialsize single-stage")
struct SingleStageCommandTests {
    @Test func sawtooth() throws {
        let text = run("single-stage", "--p0", "0.2", "--p1", "0.4", "--alpha", "0.05", "--power", "0.8", "--table")
        #expect(text.status == 0)
        #expect(text.output.contains("n = 35, reject H0 when responses ≥ 12 (alpha 0.0344, power 0.8048)"))
        #expect(text.output.contains("n = 38, reject H0 when responses ≥ 13 (alpha 0.0288, power 0.8136)"))
        #expect(text.output.contains("37            13  0.0231  0.7783  no"))
        let json = run("single-stage", "--p0", "0.2", "--p1", "0.4", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let first = try #require(object["first"] as? [String: Any]), stable = try #require(object["stable"] as? [String: Any])
        #expect(first["n"] as? Int == 35 && first["r"] as? Int == 12 && stable["n"] as? Int == 38 && stable["r"] as? Int == 13)
        #expect(first["attained_alpha"] is Double && stable["attained_power"] is Double)
        let justify = run("single-stage", "--p0", "0.2", "--p1", "0.4", "--justify")
        #expect(justify.output.foldingWhitespace().contains("The trial will enrol 38 patients") && justify.output.contains("A'Hern RP"))
    }

    @Test(
        "bad input: one line, exit 64",
        arguments: [
            ["single-stage", "--p0", "0.4", "--p1", "0.2"], ["single-stage", "--p0", "0.2", "--p1", "0.2"],
            ["single-stage", "--p0", "0", "--p1", "0.2"], ["single-stage", "--p0", "0.2", "--p1", "1.5"],
            ["single-stage", "--p0", "0.2", "--p1", "0.4", "--alpha", "0.7"], ["single-stage", "--p1", "0.4"],
        ])
    func badInput(_ arguments: [String]) {
        let result = run(arguments)
        #expect(result.status == 64 && result.errors.split(separator: "\n").count == 1, "\(arguments): \(result.errors)")
    }
}

@Suite("trialsize simon")
struct SimonCommandTests {
    @Test func simonTable() throws {
        let text = run("simon", "--p0", "0.1", "--p1", "0.3", "--alpha", "0.05", "--power", "0.8", "--admissible")
        #expect(text.status == 0)
        #expect(text.output.contains("Optimal  1/10, 5/29: EN(p0) 15.01, PET(p0) 0.736"))
        #expect(text.output.contains("Minimax  1/15, 5/25: EN(p0) 19.51, PET(p0) 0.549"))
        #expect(text.output.contains("Admissible designs"))
        let json = run("simon", "--p0", "0.2", "--p1", "0.4", "--alpha", "0.1", "--power", "0.9", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let optimal = try #require(object["optimal"] as? [String: Any]), minimax = try #require(object["minimax"] as? [String: Any])
        #expect([optimal["r1"], optimal["n1"], optimal["r"], optimal["n"]].map { $0 as? Int } == [3, 17, 10, 37])
        #expect([minimax["r1"], minimax["n1"], minimax["r"], minimax["n"]].map { $0 as? Int } == [3, 19, 10, 36])
        for key in ["en_p0", "pet_p0", "attained_alpha", "attained_power"] { #expect(optimal[key] is Double) }
    }

    @Test func givenDesignAndJustify() {
        let design = run("simon", "--p0", "0.1", "--p1", "0.3", "--design", "1/10,5/29")
        #expect(design.status == 0 && design.output.contains("15.01, 0.736"))
        let justify = run("simon", "--p0", "0.1", "--p1", "0.3", "--justify", "--admissible")
        // The paragraph is filled to 90 columns, so a phrase may break across lines: compare with
        // every run of whitespace folded to one space.
        let paragraph = justify.output.foldingWhitespace()
        #expect(paragraph.contains("10 patients are enrolled in the first stage; if 1 or fewer respond"))
        #expect(paragraph.contains("Simon R.") && paragraph.contains("Jung SH"))
    }

    @Test(
        "bad input: one line, exit 64",
        arguments: [
            ["simon", "--p0", "0.3", "--p1", "0.1"], ["simon", "--p0", "0.1", "--p1", "0.3", "--nmax", "20"],
            ["simon", "--p0", "0.1", "--p1", "0.3", "--nmax", "100000"], ["simon", "--p0", "-0.1", "--p1", "0.3"],
            ["simon", "--p0", "0.1", "--p1", "0.3", "--design", "1/10"], ["simon", "--p0", "0.1", "--p1", "0.3", "--power", "1"],
        ])
    func badInput(_ arguments: [String]) {
        let result = run(arguments)
        #expect(result.status == 64 && result.errors.split(separator: "\n").count == 1, "\(arguments): \(result.errors)")
    }
}

extension String {
    /// The text with every run of spaces and newlines folded to one space: wrapped paragraphs
    /// compared without depending on where the lines break.
    func foldingWhitespace() -> String {
        split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}

/// Issue 18: the batch is parsed byte by byte and computed in chunks on every core; the output must
/// not depend on the threads or the chunking, and the parser keeps today's rules.
@Suite("trialsize ci --input: parser and chunks")
struct BatchIntervalsTests {
    func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trialsize-batch-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func parse(_ text: String) -> (blank: Bool, counts: (Int, Int)?) {
        Array(text.utf8).withUnsafeBufferPointer { BatchIntervals.parse($0) }
    }

    @Test func parserRules() {
        #expect(parse("4,26\n").counts! == (4, 26))
        #expect(parse("  4 ,\t26 \r\n").counts! == (4, 26))
        #expect(parse("4,26").counts! == (4, 26))
        #expect(parse("0000000004,26\n").counts! == (4, 26))
        #expect(parse("\r\n").blank && parse("   \n").blank && parse("").blank)
        for bad in [
            "4;26\n", "4,26,1\n", "-4,26\n", "+4,26\n", "4.0,26\n", "4e0,26\n", "x,n\n", "4,\n", ",26\n",
            "12345678901,26\n", "4 5,26\n", "٤,26\n", "4,26 #\n",
        ] {
            #expect(parse(bad).counts == nil && !parse(bad).blank, "\(bad)")
        }
    }

    /// CRLF, blank lines, a header and spaces give the same results as the plain lines.
    @Test func lineEndingsAndHeader() throws {
        let plain = try file("4,26\n0,18\n18,18\n")
        let messy = try file("x,n\r\n\r\n 4 , 26 \r\n\n0,18\r\n18,18")
        defer { for url in [plain, messy] { try? FileManager.default.removeItem(at: url) } }
        let a = run("ci", "--input", plain.path), b = run("ci", "--input", messy.path)
        #expect(a.status == 0 && b.status == 0 && a.output == b.output && a.output.split(separator: "\n").count == 4)
    }

    /// A bad line after a chunk boundary (16,384 observations): every result before it, then one
    /// line naming its line number, exit 64.
    @Test func badLineAfterChunks() throws {
        let good = (0..<(BatchIntervals.chunkLines + 1000)).map { "\($0 % 30),30\n" }.joined()
        let url = try file(good + "\n7,5\n1,2\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = run("ci", "--input", url.path)
        #expect(result.status == 64)
        #expect(result.errors.split(separator: "\n").count == 1 && result.errors.contains("line \(BatchIntervals.chunkLines + 1002): 7,5"))
        #expect(result.output.split(separator: "\n").count == BatchIntervals.chunkLines + 1001)
    }

    /// A header naming x, n and other columns: the others pass through, before the CSV columns and first in
    /// each JSON object; quoted fields keep their commas; every line, over several chunks, equals the plain
    /// run's line with its prefix.
    @Test func passThroughColumns() throws {
        let count = BatchIntervals.chunkLines + 500
        let rows = (0..<count).map { i in (id: "P\(i)", site: i % 3 == 0 ? "Boston, MA" : "Leeds", x: i % 17, n: 17 + i % 5) }
        let named = try file("id,n,site,x\n" + rows.map { "\($0.id),\($0.n),\"\($0.site)\",\($0.x)\n" }.joined())
        let plain = try file(rows.map { "\($0.x),\($0.n)\n" }.joined())
        defer { for url in [named, plain] { try? FileManager.default.removeItem(at: url) } }
        let a = run("ci", "--input", named.path), b = run("ci", "--input", plain.path)
        #expect(a.status == 0 && b.status == 0)
        let aLines = a.output.split(separator: "\n").map(String.init), bLines = b.output.split(separator: "\n").map(String.init)
        #expect(aLines.count == count + 1 && bLines.count == count + 1)
        #expect(aLines[0] == "id,site," + bLines[0])
        for i in [0, 1, 2, BatchIntervals.chunkLines, count - 1] {
            let site = rows[i].site.contains(",") ? "\"\(rows[i].site)\"" : rows[i].site
            #expect(aLines[i + 1] == "\(rows[i].id),\(site)," + bLines[i + 1], "line \(i)")
        }
        let json = run("ci", "--input", named.path, "--format", "json")
        let first = try #require(try JSONSerialization.jsonObject(with: Data(json.output.split(separator: "\n")[0].utf8)) as? [String: Any])
        #expect(first["id"] as? String == "P0" && first["site"] as? String == "Boston, MA" && first["trials"] as? Int == 17)
        #expect(json.output.hasPrefix("{\"id\":\"P0\",\"site\":\"Boston, MA\",\"successes\":0,"))
    }

    /// In a file with a header, a line with the wrong number of fields or bad counts stops the run with its
    /// line number, after every result before it; an unterminated quote too.
    @Test func passThroughBadLines() throws {
        for (text, line) in [("id,x,n\nA,4,26\nB,4\n", 3), ("id,x,n\nA,4,26\nB,7,5\n", 3), ("id,x,n\nA,4,26\n\"B,4,26\n", 3)] {
            let url = try file(text)
            defer { try? FileManager.default.removeItem(at: url) }
            let result = run("ci", "--input", url.path)
            #expect(result.status == 64 && result.errors.contains("line \(line):"), "\(result.errors)")
            #expect(result.output.split(separator: "\n").count == 2, "\(result.output)")
        }
        #expect(BatchColumns.split("a,\"b, \"\"c\"\"\",d")! == ["a", "b, \"c\"", "d"])
        #expect(BatchColumns(header: "x,n") == nil && BatchColumns(header: "id,x,x,n") == nil && BatchColumns(header: "id,x,m") == nil)
        #expect(BatchColumns.jsonString("a\"b\\\n\u{1}") == "\"a\\\"b\\\\\\n\\u0001\"")
    }

    /// One thread or many, one chunk or several: the same bytes.
    @Test func threadsAndChunksDoNotChangeTheOutput() throws {
        let lines = (0..<20_000).map { i in "\((104_729 * i) % (1 + (7919 * i) % 2000 + 1)),\(1 + (7919 * i) % 2000)\n" }
        let url = try file(lines.joined())
        defer { try? FileManager.default.removeItem(at: url) }
        let level = try ConfidenceLevel(0.95)
        var outputs: [String] = []
        for threads in [1, 2, 7] {
            for json in [false, true] {
                final class Buffer: @unchecked Sendable { var text = "" }
                let buffer = Buffer()
                var output = Output { buffer.text += $0 }
                var batch = BatchIntervals(level: level, methods: [.clopperPearson, .wilson], json: json)
                batch.threads = threads
                try batch.run(path: url.path, into: &output)
                outputs.append(buffer.text)
            }
        }
        #expect(outputs[0] == outputs[2] && outputs[0] == outputs[4])
        #expect(outputs[1] == outputs[3] && outputs[1] == outputs[5])
        #expect(outputs[0].split(separator: "\n").count == 40_001)
    }
}
