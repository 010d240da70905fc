import Foundation
import FuzzHarness
import Testing

/// The libFuzzer targets' seed corpus (`Fuzz/Corpus/<target>/`, committed) replayed through the same
/// checks the fuzz targets make (`FuzzHarness`), so every seed, and every finding added to the corpus,
/// keeps the output contract in the ordinary test suite, without libFuzzer. The findings themselves
/// are also regression tests of their own below (docs/reliability.md, "Coverage-guided fuzzing").
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    /// The files of `Fuzz/Corpus/<target>`, found from this file's path (the committed files).
    static func corpus(_ target: String, filePath: String = #filePath) throws -> [(name: String, bytes: [UInt8])] {
        let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus/\(target)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { name in (name, Array(try Data(contentsOf: folder.appendingPathComponent(name)))) }
    }

    @Test("every line-reader seed: an answer or one clean refusal from ci and analyze survival")
    func lineReaders() throws {
        let seeds = try Self.corpus("LineReaders")
        #expect(seeds.count >= 20)
        for seed in seeds {
            #expect(FuzzHarness.checkLineReaders(seed.bytes) == nil, "\(seed.name): \(FuzzHarness.checkLineReaders(seed.bytes) ?? "")")
        }
    }

    @Test("every command-line seed: an answer or one clean refusal")
    func commandLine() throws {
        let seeds = try Self.corpus("CommandLine")
        #expect(seeds.count >= 20)
        var answered = 0
        for seed in seeds {
            // What FuzzHarness.checkCommandLine does, keeping the run to count the answers.
            guard let arguments = FuzzHarness.arguments(from: seed.bytes) else { continue }
            let run = FuzzHarness.run(arguments)
            let problem = FuzzHarness.problem(run, input: arguments.joined(separator: " "))
            #expect(problem == nil, "\(seed.name): \(problem ?? "")")
            if run.status == 0 { answered += 1 }
        }
        // The seeds are mostly the README's working examples: most must be answered, not refused.
        #expect(answered * 2 >= seeds.count, "only \(answered) of \(seeds.count) seeds were answered")
    }

    @Test("the harness's byte-to-argument split and skip list")
    func argumentSplit() {
        #expect(FuzzHarness.arguments(from: Array("ci\n4\n26\n".utf8)) == ["ci", "4", "26"])
        #expect(FuzzHarness.arguments(from: Array("crm\0skeleton\0--skeleton\00.1\n0.2".utf8)) == ["crm", "skeleton", "--skeleton", "0.1\n0.2"])
        #expect(FuzzHarness.arguments(from: []) == [])
        #expect(FuzzHarness.arguments(from: Array("survival\n--simulate=10".utf8)) == nil)
        #expect(FuzzHarness.arguments(from: Array("ci\n--input\n/etc/passwd".utf8)) == nil)
        #expect(FuzzHarness.nonFiniteToken("power 0.8, information 3") == nil)
        #expect(FuzzHarness.nonFiniteToken("\"power\": NaN,") == "nan")
    }
}
