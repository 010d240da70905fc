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

    /// libFuzzer's first finding (LineReaders, 2026-12-02): follow-up times near the largest double.
    /// Their sum overflowed, so `analyze survival` printed "Total time at risk inf weeks", a median
    /// of "inf weeks" and a false warning that every time was 0 (exit 0), and with `--format json`
    /// failed to encode the infinite median (exit 1). Now times above 1e300 are refused, an
    /// expected-event count that overflows is refused, and a fit that overflows is left out.
    @Test("analyze survival: times near 1e308 are refused, not summed to infinity")
    func hugeSurvivalTimes() {
        let analyze = ["analyze", "survival", "--input", "-", "--control-median", "8"]
        for data in ["time,event\n1e308,1\n1e308,1\n1e308,0\n", "time,event\n1.7e308,1\n5,1\n"] {
            for format in ["text", "json"] {
                let run = FuzzHarness.run(analyze + ["--format", format], upload: Array(data.utf8))
                #expect(run.status == 64, "\(data) \(format): \(run.errors)")
                #expect(run.errors.hasPrefix("trialsize: error: --input must be times in [0, 1e300]"), "\(run.errors)")
                #expect(FuzzHarness.checkLineReaders(Array(data.utf8)) == nil)
            }
        }
        // The largest accepted times, many of them, and a control median at the bottom of its range:
        // the expected events overflow, which is refused naming the file.
        let overflow = FuzzHarness.run(
            ["analyze", "survival", "--input", "-", "--control-median", "1e-300"],
            upload: Array("time,event\n1e300,1\n1e300,0\n".utf8))
        #expect(overflow.status == 64, "\(overflow.errors)")
        #expect(overflow.errors.contains("expected events under the control are finite"), "\(overflow.errors)")
        // Subnormal times: an answer with no infinite hazard, median or hazard ratio printed.
        for data in ["time,event\n1e-320,1\n", "time,event\n5e-324,1\n2e-323,0\n", "time,event\n1e-310,1\n1e-310,1\n"] {
            #expect(
                FuzzHarness.checkLineReaders(Array(data.utf8)) == nil, "\(data): \(FuzzHarness.checkLineReaders(Array(data.utf8)) ?? "")")
        }
    }

    @Test("the harness's byte-to-argument split and skip list")
    func argumentSplit() {
        #expect(FuzzHarness.arguments(from: Array("ci\n4\n26\n".utf8)) == ["ci", "4", "26"])
        #expect(
            FuzzHarness.arguments(from: Array("crm\0skeleton\0--skeleton\00.1\n0.2".utf8)) == ["crm", "skeleton", "--skeleton", "0.1\n0.2"])
        #expect(FuzzHarness.arguments(from: []) == [])
        #expect(FuzzHarness.arguments(from: Array("survival\n--simulate=10".utf8)) == nil)
        #expect(FuzzHarness.arguments(from: Array("ci\n--input\n/etc/passwd".utf8)) == nil)
        #expect(FuzzHarness.nonFiniteToken("power 0.8, information 3") == nil)
        #expect(FuzzHarness.nonFiniteToken("\"power\": NaN,") == "nan")
    }
}
