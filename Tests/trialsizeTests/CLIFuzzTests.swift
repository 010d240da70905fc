import Dispatch
import Foundation
import FuzzHarness
import Synchronization
import TestSupport
import Testing
import TrialDesign

@testable import TrialsizeCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command-line fuzzer (issue 8): generated argument vectors through the real parser and
/// commands, in-process. Every vector must end in an answer (exit 0, nothing on standard error,
/// no NaN or infinity printed) or in one clean refusal (exit 64, exactly one line on standard
/// error starting `trialsize: error:`): never exit 1, a trap or a hang.
///
/// * `TRIALSIZE_FUZZ_ITERATIONS` (default 400, a short sweep for the debug `swift test`; `.ci/run`
///   runs 10,000 in a release build through `scripts/test.sh --ci`): how many vectors;
/// * `TRIALSIZE_FUZZ_SEED` (default a fixed seed, so the default suite is repeatable; `random`
///   draws a new one and prints it): the run's seed;
/// * `TRIALSIZE_FUZZ_INDEX`: run only the vector with this index (replays one failure).
///
/// Vector i is generated from its own seed (the run's seed mixed with i), so a failure is replayed
/// with `TRIALSIZE_FUZZ_SEED=<seed> TRIALSIZE_FUZZ_INDEX=<i> swift test --filter CLIFuzz`; the
/// failure message also prints the exact argument vector. A trap prints the vector in flight from
/// a signal handler; a vector running longer than `TRIALSIZE_FUZZ_HANG_SECONDS` (default 300) is
/// printed and the process aborted, so a hang is reported rather than waited on.
///
/// Files: `--input` files are written to a fresh temporary folder, and every path option
/// (`--input`, `--plot`, `--report`, `--template`) points into it.
@Suite("CLI fuzz")
struct CLIFuzzTests {
    static let defaultSeed: UInt64 = 0x7472_6961_6c73_697a  // "trialsiz"
    static let defaultIterations = 400

    /// The vectors are cut into this many shards, run in parallel (vector i goes to shard i mod 4).
    static let shards = 4

    @Test("generated argument vectors end in an answer or one clean error line", arguments: 0..<CLIFuzzTests.shards)
    func fuzz(shard: Int) throws {
        let environment = ProcessInfo.processInfo.environment
        let seed: UInt64
        switch environment["TRIALSIZE_FUZZ_SEED"] {
        case nil, "": seed = Self.defaultSeed
        case "random"?: seed = Self.randomSeed
        case let text?: seed = try #require(UInt64(text), "TRIALSIZE_FUZZ_SEED must be a UInt64 or 'random'")
        }
        let iterations = Int(environment["TRIALSIZE_FUZZ_ITERATIONS"] ?? "") ?? Self.defaultIterations
        let only = environment["TRIALSIZE_FUZZ_INDEX"].flatMap { Int($0) }
        let hangSeconds = Double(environment["TRIALSIZE_FUZZ_HANG_SECONDS"] ?? "") ?? 300

        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("trialsize-fuzz-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try FuzzFiles(folder: folder.path)
        let workingFolder = FileManager.default.currentDirectoryPath
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: workingFolder)) ?? [])

        FuzzWatchdog.shared.start(limit: hangSeconds)
        var statistics = FuzzStatistics()
        let started = DispatchTime.now()
        let indices =
            only.map { $0 % Self.shards == shard ? [$0] : [] }
            ?? Array(stride(from: shard, to: iterations, by: Self.shards))
        var failures = 0
        for index in indices {
            var generator = FuzzGenerator(seed: FuzzRandom.mix(seed, UInt64(index)), files: files)
            let (command, arguments) = generator.vector()
            let replay = "seed \(seed), index \(index): trialsize \(FuzzGenerator.shellQuoted(arguments))"
            FuzzWatchdog.shared.begin(shard: shard, replay)
            let vectorStart = DispatchTime.now()
            let result = run(arguments)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - vectorStart.uptimeNanoseconds) / 1e9
            FuzzWatchdog.shared.end(shard: shard)
            statistics.record(command: command, status: result.status, seconds: seconds)
            if let problem = Self.problem(result, seconds: seconds, arguments: arguments) {
                failures += 1
                Issue.record(
                    """
                    fuzz vector failed: \(problem)
                    replay: TRIALSIZE_FUZZ_SEED=\(seed) TRIALSIZE_FUZZ_INDEX=\(index) swift test --filter CLIFuzz
                    arguments (Swift): \(arguments)
                    trialsize \(FuzzGenerator.shellQuoted(arguments))
                    status \(result.status); stderr: \(result.errors.prefix(400))
                    stdout: \(result.output.prefix(400))
                    """)
                if failures >= 20 { break }
            }
        }
        FuzzWatchdog.shared.stop()
        let total = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        print(statistics.summary(title: "CLI fuzz shard \(shard + 1) of \(Self.shards)", seed: seed, seconds: total))

        // Only names the fuzzer could have made count (other tests and tools may write beside us).
        let after = Set((try? FileManager.default.contentsOfDirectory(atPath: workingFolder)) ?? [])
        let strays = after.subtracting(before).filter { name in
            ["svg", "html", "htm", "txt", "csv", "mustache"].contains((name as NSString).pathExtension.lowercased())
                || ["out", "ünï", "a b", "x.y"].contains { name.hasPrefix($0) }
        }
        #expect(strays.isEmpty, "fuzz vectors wrote into the working folder: \(strays)")
        if only == nil, iterations >= 400 {
            // The generator leans towards valid vectors, so the numerical code really runs.
            #expect(statistics.answered * 4 >= statistics.total, "only \(statistics.answered) of \(statistics.total) vectors were answered")
            #expect(statistics.refused * 10 >= statistics.total, "only \(statistics.refused) of \(statistics.total) vectors were refused")
        }
    }

    /// One random seed for every shard of a `TRIALSIZE_FUZZ_SEED=random` run.
    static let randomSeed = UInt64.random(in: 0...UInt64.max)

    /// What is wrong with one result, or nil.
    static func problem(
        _ result: (status: Int32, output: String, errors: String), seconds: Double,
        arguments: [String] = []
    ) -> String? {
        // Warnings go to standard error as whole lines "trialsize: warning: ...", in every format,
        // and so does the note naming the files --plot wrote when it wrote more than one.
        let errorLines = result.errors.split(separator: "\n", omittingEmptySubsequences: false)
        let warnings = errorLines.prefix { $0.hasPrefix("trialsize: warning: ") || $0.hasPrefix("trialsize: --plot wrote ") }.count
        let errors = errorLines.dropFirst(warnings).joined(separator: "\n")
        switch result.status {
        case 0:
            if !errors.isEmpty { return "exit 0 with standard error output other than warning lines" }
            // An --input file with no x,n lines gives no JSON lines at all: that empty answer is right.
            let batch = arguments.contains { $0 == "--input" || $0.hasPrefix("--input=") }
            if result.output.isEmpty && !batch { return "exit 0 with no output" }
            if let token = nonFiniteToken(result.output) { return "exit 0 printing '\(token)' as a number" }
        case 64:
            let lines = errors.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count == 2, lines[1].isEmpty, lines[0].hasPrefix("trialsize: error: ") else {
                return "exit 64 without exactly one line 'trialsize: error: ...' on standard error"
            }
        default:
            return "exit \(result.status) (only 0 and 64 are allowed)"
        }
        if seconds > 60 { return "took \(Int(seconds)) s (work must be capped)" }
        return nil
    }

    /// A non-finite number printed: the fuzz harness's own check (``FuzzHarness/nonFiniteToken(_:)``).
    static func nonFiniteToken(_ text: String) -> String? { FuzzHarness.nonFiniteToken(text) }

    @Test("the output checker flags non-finite numbers and not ordinary words")
    func checker() {
        #expect(Self.nonFiniteToken("power 0.8, information 3") == nil)
        #expect(Self.nonFiniteToken("infinite follow-up, nanometre") == nil)
        #expect(Self.nonFiniteToken("median -inf weeks") == "inf")
        #expect(Self.nonFiniteToken("\"power\": NaN,") == "nan")
        #expect(Self.nonFiniteToken("alpha nan%") == "nan")
        #expect(Self.nonFiniteToken("Infinity") == "infinity")
        #expect(Self.nonFiniteToken("∞ patients") == "∞")
        #expect(Self.problem((64, "", "trialsize: error: --alpha must be in (0, 0.5], got 2\n"), seconds: 0) == nil)
        #expect(Self.problem((64, "", "trialsize: error: a\nb\n"), seconds: 0) != nil)
        #expect(Self.problem((1, "", "trialsize: internal error: x\n"), seconds: 0) != nil)
    }

    @Test("a vector is the same for the same seed and index")
    func replayable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trialsize-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try FuzzFiles(folder: folder.path)
        for index in 0..<200 {
            var a = FuzzGenerator(seed: FuzzRandom.mix(42, UInt64(index)), files: files)
            var b = FuzzGenerator(seed: FuzzRandom.mix(42, UInt64(index)), files: files)
            #expect(a.vector().arguments == b.vector().arguments)
        }
    }
}

// MARK: - Statistics

struct FuzzStatistics {
    struct Tally { var count = 0, answered = 0, refused = 0, other = 0, seconds = 0.0, slowest = 0.0 }
    var byCommand: [String: Tally] = [:]
    var total: Int { byCommand.values.reduce(0) { $0 + $1.count } }
    var answered: Int { byCommand.values.reduce(0) { $0 + $1.answered } }
    var refused: Int { byCommand.values.reduce(0) { $0 + $1.refused } }

    mutating func record(command: String, status: Int32, seconds: Double) {
        var tally = byCommand[command, default: Tally()]
        tally.count += 1
        switch status {
        case 0: tally.answered += 1
        case 64: tally.refused += 1
        default: tally.other += 1
        }
        tally.seconds += seconds
        tally.slowest = max(tally.slowest, seconds)
        byCommand[command] = tally
    }

    func summary(title: String, seed: UInt64, seconds: Double) -> String {
        var lines = [
            "\(title): \(total) vectors in \(String(format: "%.1f", seconds)) s (seed \(seed)): "
                + "exit 0 \(answered) (\(percent(answered))), exit 64 \(refused) (\(percent(refused))), other \(total - answered - refused)"
        ]
        for (command, t) in byCommand.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "  \(command): \(t.count) vectors, exit 0 \(t.answered), exit 64 \(t.refused), other \(t.other), "
                    + String(format: "%.1f s, slowest %.2f s", t.seconds, t.slowest))
        }
        return lines.joined(separator: "\n")
    }

    private func percent(_ part: Int) -> String { total == 0 ? "0%" : String(format: "%.0f%%", 100 * Double(part) / Double(total)) }
}

// MARK: - Random numbers

/// The fuzzer's generator: TestSupport's SplitMix64, the same on every platform.
typealias FuzzRandom = SplitMix64

// MARK: - Files the vectors may name

/// `--input` files and templates, all in one temporary folder.
struct FuzzFiles {
    let folder: String
    let inputs: [String]
    let templates: [String]
    /// time,event files for `analyze survival`, good and bad.
    let survivalInputs: [String]

    init(folder: String) throws {
        self.folder = folder
        func write(_ name: String, _ text: String) throws -> String {
            let path = folder + "/" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let long = String(repeating: "1", count: 200_000)
        inputs = [
            try write("valid.csv", "x,n\n4,26\n0,1\n1,1\n3, 40\n\n17,30\n"),
            try write("valid-crlf.csv", "4,26\r\n5,10\r\n"),
            try write("extremes.csv", "0,1000000000\n1000000000,1000000000\n1,1000000000\n999999999,1000000000\n"),
            try write("bad-order.csv", "5,4\n"),
            try write("bad-text.csv", "4,26\nfour,26\n"),
            try write("negative.csv", "-1,5\n"),
            try write("decimal.csv", "1.5,5\n"),
            try write("huge.csv", "1,99999999999999999999\n"),
            try write("empty.csv", ""),
            try write("blank.csv", "\n\n   \n"),
            try write("long-line.csv", long + "," + long + "\n"),
            try write("unicode.csv", "٣,٤\n"),
            try write("nul.csv", "4,2\u{0}6\n"),
            folder,  // a folder, not a file
            folder + "/missing.csv",
        ]
        survivalInputs = [
            try write("km.csv", "time,event,entry\n1,1,0\n2,0,0.5\n3,1,1\n4.5,1,1.2\n7,0,2\n8,1,2.5\n12,0,3\n"),
            try write("km-quoted.csv", "\"time\",\"event\",\"entry\"\r\n5,1,0\r\n6,0,1\r\n"),
            try write("km-censored.csv", "time,event,entry\n2,0,0\n3,0,1\n"),
            try write("km-zero.csv", "time,event,entry\n0,1,0\n0,0,0\n"),
            try write("km-bad-code.csv", "time,event,entry\n1,2,0\n"),
            try write("km-negative.csv", "time,event,entry\n-1,1,0\n"),
            try write("km-duplicate.csv", "time,time,entry\n1,1,0\n"),
            try write("km-short.csv", "time,event,entry\n1,1\n"),
            try write("km-long.csv", "time,event,entry\n" + long + ",1,0\n"),
            try write("km-nul.csv", "time,event,entry\n1,\u{0}1,0\n"),
            try write("km-empty.csv", ""),
            folder,
            folder + "/missing.csv",
        ]
        templates = [
            try write("ok.mustache", "Patients: {{patients}}.\n"),
            try write("empty.mustache", ""),
            try write("broken.mustache", "{{#unclosed}} {{patients}}\n"),
            folder + "/missing.mustache",
        ]
    }
}

// MARK: - The grammar

/// Generates argument vectors from a grammar of each command's options: mostly near-valid
/// (a valid vector with zero to a few mutations), so the numerical code runs, not only the parser.
struct FuzzGenerator {
    var random: FuzzRandom
    let files: FuzzFiles

    init(seed: UInt64, files: FuzzFiles) {
        random = FuzzRandom(state: seed)
        self.files = files
    }

    /// One option (or positional) and its values, kept together so mutations act on whole options.
    typealias Group = [String]

    // MARK: value helpers

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    mutating func uniform(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &random) }
    mutating func integer(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    /// A number as a person would type it: 2 to 4 significant digits, sometimes an integer.
    mutating func number(_ range: ClosedRange<Double>) -> String {
        let value = uniform(range)
        switch integer(0...3) {
        case 0: return String(format: "%.2g", value)
        case 1: return String(format: "%.3g", value)
        case 2: return String(format: "%.4g", value)
        default: return "\(value)"
        }
    }

    static let nastyNumbers = [
        "nan", "NaN", "-nan", "inf", "-inf", "+inf", "infinity", "-Infinity", "-0", "0", "-0.0", "0.0", "1", "-1",
        "1e308", "-1e308", "1.7976931348623157e308", "1e309", "5e-324", "-5e-324", "2.2250738585072014e-308", "1e-300",
        "0.5", "0.9999999999999999", "1.0000000000000002", "0x1p-1", "1e", "e5", ".", "-", "+", "", " ", " 0.1", "0.1 ",
        "0,1", "1_000", "١", "٠.٥", "０.５", "½", "🙂", "0.5.5", "--", "--alpha", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "18446744073709551615", "18446744073709551616",
        "99999999999999999999", "1000000001", "2147483648", "1e3", "10.0", "3.", "\u{0}", "nan(0x1)", "0b101",
        "1e-12", "1e-9", "1e-100", "0.999999999999", "0.000001", "1e6", "1e12", "20", "0.05", "100", "2",
    ]
    static let nastyStrings = [
        "", " ", "-", "--", "---", "-h", "=", ",", ",,", "1,", ",1", "1,,2", "nan,1", "0.1,nan", "1/2", "/", "a/b,c/d",
        "0/0,0/0", "-1/5,3/10", "1/10,5/29,7/40", "9223372036854775807/9223372036854775807,1/2", "ünïcødé", "日本語",
        "🙂", "\u{202E}evil", "\u{0}", "\t", "\n", "x\ny", String(repeating: "9", count: 400),
        String(repeating: "0.1,", count: 2000) + "0.1", "0.05,0.12,0.25,0.40", "3,3,4",
    ]

    mutating func nasty() -> String { chance(0.6) ? pick(Self.nastyNumbers) : pick(Self.nastyStrings) }
    mutating func hugeCount() -> String {
        // Every value here is beyond every cap on work (or not a whole number), so each must be refused at
        // once; a large value *within* a cap (--simulate 1000000) would be slow, not wrong, and is not generated.
        pick([
            "0", "-1", "1000001", "10000001", "100000000", "1000000000", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "1e6", "1000000.0", "2147483648", "4294967296",
        ])
    }
    mutating func format() -> Group { ["--format", pick(["text", "json", "markdown", "latex"])] }
    mutating func alpha() -> String { number(0.005...0.2) }
    mutating func power() -> String { number(0.55...0.95) }
    mutating func seed() -> String { pick(["0", "1", "42", "18446744073709551615", String(integer(0...1_000_000))]) }
    mutating func threads() -> String { String(integer(1...4)) }
    mutating func textValue() -> String {
        pick([
            "overall survival", "PFS", "", " ", "ünïcødé endpoint", "日本語", "🙂", "a\"quote", "back\\slash", "<b>html</b>",
            "{{mustache}}", "100%", "$x$", "line\nbreak", String(repeating: "e", count: 300),
        ])
    }
    mutating func outputPath(_ extensions: [String]) -> String {
        files.folder + "/" + pick(["out", "ünï", "a b", "x.y"]) + "." + pick(extensions + ["txt", "", "SVG"])
    }
    mutating func reportGroups() -> [Group] {
        var groups: [Group] = []
        if chance(0.05) { groups.append(["--plot", outputPath(["svg"])]) }
        if chance(0.05) { groups.append(["--report", outputPath(["html", "htm"])]) }
        if chance(0.04) { groups.append(["--template", pick(files.templates)]) }
        return groups
    }

    // MARK: commands

    /// A near-valid vector: (command name for statistics, its groups, option generators for mutations).
    mutating func base() -> (String, [String], [Group], [String: (inout FuzzGenerator) -> Group]) {
        switch integer(0...99) {
        case 0..<20: return survival()
        case 20..<31: return ci()
        case 31..<38: return singleStage()
        case 38..<44: return simon()
        case 44..<52: return analyze()
        case 52..<56: return toxicityBoundary()
        case 56..<61: return twoArmSurvival()
        case 61..<65: return twoArmBinomial()
        case 65..<68: return pickWinner()
        case 68..<82: return crm()
        default: return phaseI()
        }
    }

    mutating func survival() -> (String, [String], [Group], [String: (inout FuzzGenerator) -> Group]) {
        var groups: [Group] = []
        let m0 = uniform(2...30)
        let simulate = chance(0.15)
        // Effects far enough from 1 that the patients stay modest (simulations are capped small here).
        let factor = chance(0.5) ? uniform(simulate ? 1.5...3 : 1.15...4) : uniform(simulate ? 0.3...0.65 : 0.25...0.87)
        let useLandmark = chance(0.1)
        if useLandmark {
            let at = uniform(2...24)
            let s0 = exp(-log(2) * at / m0)
            groups.append(["--control-survival", String(format: "%.3f", min(0.99, max(0.01, s0)))])
            groups.append(["--at", String(format: "%.3g", at)])
        } else {
            groups.append(["--control-median", String(format: "%.3g", m0)])
        }
        let mode = integer(0...9)
        let shape = chance(0.12) ? uniform(0.4...3) : 1
        if mode < 7 || simulate {
            switch integer(0...9) {
            case 0..<6: groups.append(["--median", String(format: "%.3g", m0 * factor)])
            case 6..<9: groups.append(["--hazard-ratio", String(format: "%.3g", pow(1 / factor, shape))])
            default:
                if !useLandmark { groups.append(["--at", String(format: "%.3g", m0)]) }
                groups.append(["--survival", String(format: "%.3f", min(0.99, max(0.01, pow(0.5, 1 / factor))))])
            }
        }
        if mode >= 7 || (mode == 6 && !simulate) {
            groups.append(["--patients", String(integer(simulate ? 10...120 : 2...400))])
            if mode >= 8 { groups.append(["--power", power()]) }
        } else if chance(0.6) {
            groups.append(["--power", power()])
        }
        if shape != 1 {
            groups.append(["--shape", String(format: "%.3g", shape)])
            groups.append(["--method", "log-rank"])
        } else if chance(0.6) {
            groups.append(["--method", pick(["exact", "log-hazard", "cube-root", "log-rank", "lachin-foulkes", "all"])])
        }
        if chance(0.7) { groups.append(["--alpha", alpha()]) }
        if chance(0.3) { groups.append(["--sides", pick(["1", "2"])]) }
        switch integer(0...5) {
        case 0: groups.append(["--accrual", number(1...40)]); if chance(0.7) { groups.append(["--follow-up", number(0...24)]) }
        case 1: groups.append(["--accrual-rate", number(0.5...10)]); if chance(0.7) { groups.append(["--follow-up", number(0...24)]) }
        case 2: groups.append(["--follow-up", number(1...36)])
        default: break
        }
        switch integer(0...5) {
        case 0: groups.append(["--dropout", number(0...0.3)])
        case 1: groups.append(["--loss-rate", number(0.001...0.05)])
        default: break
        }
        if chance(0.3) { groups.append(["--unit", pick(["days", "weeks", "months", "years"])]) }
        if simulate {
            groups.append(["--simulate", String(integer(1...120))])
            if chance(0.5) { groups.append(["--seed", seed()]) }
            if chance(0.3) { groups.append(["--threads", threads()]) }
            if chance(0.3) { groups.append(["--search"]); if chance(0.5) { groups.append(["--search-max", String(integer(2...300))]) } }
        }
        if chance(0.1) { groups.append(["--endpoint", textValue()]) }
        if chance(0.06) {
            groups.append(["--two-stage"])
            if chance(0.5) { groups.append(["--criterion", pick(["optimal", "minimax", "admissible"])]) }
            if chance(0.3) { groups.append(["--max-follow-up", number(1...30)]) }
        }
        if chance(0.4) { groups.append(format()) }
        if chance(0.2) { groups.append(["--justify"]) }
        groups += reportGroups()
        let options: [String: (inout FuzzGenerator) -> Group] = [
            "--two-stage": { _ in ["--two-stage"] },
            "--criterion": { ["--criterion", $0.pick(["optimal", "minimax", "admissible", "best", ""])] },
            "--max-follow-up": { ["--max-follow-up", $0.pick(["0", "-1", "nan", "1e301", "2"])] },
            "--control-median": { ["--control-median", $0.number(0.5...50)] },
            "--median": { ["--median", $0.number(0.5...50)] },
            "--hazard-ratio": { ["--hazard-ratio", $0.number(0.2...3)] },
            "--control-survival": { ["--control-survival", $0.number(0.05...0.95)] },
            "--survival": { ["--survival", $0.number(0.05...0.95)] },
            "--at": { ["--at", $0.number(1...50)] },
            "--shape": { ["--shape", $0.number(0.05...20)] },
            "--alpha": { ["--alpha", $0.alpha()] },
            "--power": { ["--power", $0.power()] },
            "--sides": { ["--sides", $0.pick(["1", "2", "3", "0"])] },
            "--patients": { ["--patients", String($0.integer(2...300))] },
            "--accrual": { ["--accrual", $0.number(0...40)] },
            "--accrual-rate": { ["--accrual-rate", $0.number(0.1...20)] },
            "--follow-up": { ["--follow-up", $0.number(0...40)] },
            "--loss-rate": { ["--loss-rate", $0.number(0.0001...0.5)] },
            "--dropout": { ["--dropout", $0.number(0...0.99)] },
            "--method": { ["--method", $0.pick(["exact", "log-hazard", "cube-root", "log-rank", "lachin-foulkes", "all", "wald"])] },
            "--simulate": { ["--simulate", $0.chance(0.5) ? String($0.integer(1...60)) : $0.hugeCount()] },
            "--seed": { ["--seed", $0.seed()] },
            "--search": { _ in ["--search"] },
            "--search-max": { ["--search-max", $0.chance(0.5) ? String($0.integer(1...200)) : $0.hugeCount()] },
            "--threads": { ["--threads", $0.chance(0.7) ? $0.threads() : $0.hugeCount()] },
            "--unit": { ["--unit", $0.pick(["days", "weeks", "months", "years", "fortnights"])] },
            "--endpoint": { ["--endpoint", $0.textValue()] },
            "--format": { $0.format() },
            "--justify": { _ in ["--justify"] },
        ]
        return ("survival", ["survival"], groups, options)
    }

    mutating func ci() -> (String, [String], [Group], [String: (inout FuzzGenerator) -> Group]) {
        var groups: [Group] = []
        switch integer(0...9) {
        case 0..<6:
            let n = chance(0.9) ? integer(1...500) : pick([1000, 65_537, 1_000_000, 123_456_789, 1_000_000_000])
            let x = chance(0.2) ? pick([0, n]) : integer(0...n)
            groups.append([String(x)])
            groups.append([String(n)])
        case 6..<9:
            groups.append(["--width", number(0.08...0.6)])
            groups.append(["--expected", number(0.02...0.98)])
        default:
            groups.append(["--input", pick(files.inputs)])
        }
        if chance(0.4) { groups.append(["--conf", pick(["0.9", "0.95", "0.99", "0.8", "0.5", "0.999"])]) }
        if chance(0.2) { groups.append(["--sides", pick(["1", "2"])]) }
        if chance(0.5) {
            groups.append(["--method", pick(["clopper-pearson", "mid-p", "wilson", "jeffreys", "agresti-coull", "wald", "all"])])
        }
        if chance(0.4) { groups.append(format()) }
        if chance(0.2) { groups.append(["--justify"]) }
        groups += reportGroups()
        let options: [String: (inout FuzzGenerator) -> Group] = [
            "x": { [String($0.integer(-2...600))] },
            "n": { [String($0.integer(-2...600))] },
            "--conf": { ["--conf", $0.number(0.01...0.9999)] },
            "--sides": { ["--sides", $0.pick(["1", "2", "3"])] },
            "--method": {
                ["--method", $0.pick(["clopper-pearson", "mid-p", "wilson", "jeffreys", "agresti-coull", "wald", "all", "exact"])]
            },
            "--width": { ["--width", $0.chance(0.7) ? $0.number(0.08...0.9) : $0.pick(["1e-5", "0.001", "0.0001"])] },
            "--expected": { ["--expected", $0.number(0.001...0.999)] },
            "--input": { ["--input", $0.pick($0.files.inputs)] },
            "--format": { $0.format() },
            "--justify": { _ in ["--justify"] },
        ]
        return ("ci", ["ci"], groups, options)
    }

    /// Response rates for mutations: far enough apart that a search stays small (0.05 against 0.1 is the slowest).
    static let rates = ["0.001", "0.05", "0.1", "0.3", "0.5", "0.7", "0.9", "0.95", "0.999"]

    mutating func binomialPair() -> (String, String) {
        let p0 = uniform(0.02...0.6)
        let p1 = min(0.98, p0 + uniform(0.18...0.4))
        return (String(format: "%.3g", p0), String(format: "%.3g", p1))
    }

    mutating func singleStage() -> (String, [String], [Group], [String: (inout FuzzGenerator) -> Group]) {
        var groups: [Group] = []
        let (p0, p1) = binomialPair()
        groups.append(["--p0", p0])
        groups.append(["--p1", p1])
        if chance(0.6) { groups.append(["--alpha", alpha()]) }
        if chance(0.6) { groups.append(["--power", power()]) }
        if chance(0.2) { groups.append(["--sides", pick(["1", "2"])]) }
        if chance(0.3) { groups.append(["--table"]) }
        if chance(0.4) { groups.append(format()) }
        if chance(0.2) { groups.append(["--justify"]) }
        groups += reportGroups()
        let options: [String: (inout FuzzGenerator) -> Group] = [
            "--p0": { ["--p0", $0.pick(Self.rates)] },
            "--p1": { ["--p1", $0.pick(Self.rates)] },
            "--alpha": { ["--alpha", $0.alpha()] },
            "--power": { ["--power", $0.power()] },
            "--sides": { ["--sides", $0.pick(["1", "2"])] },
            "--table": { _ in ["--table"] },
            "--format": { $0.format() },
            "--justify": { _ in ["--justify"] },
        ]
        return ("single-stage", ["single-stage"], groups, options)
    }

    /// `analyze survival | binomial | single-stage | simon`.
    mutating func analyze() -> (String, [String], [Group], [String: (inout FuzzGenerator) -> Group]) {
        var groups: [Group] = []
        var options: [String: (inout FuzzGenerator) -> Group] = [
            "--format": { $0.format() },
            "--justify": { _ in ["--justify"] },
            "--alpha": { ["--alpha", $0.alpha()] },
        ]
        let command: String
        switch integer(0...3) {
        case 0:
            command = "survival"
            groups.append(["--input", pick(files.survivalInputs)])
            if chance(0.85) {
                groups.append(["--control-median", number(0.5...40)])
            } else {
                groups.append(["--control-survival", number(0.05...0.95)])
                groups.append(["--control-time", number(0.5...10)])
            }
            if chance(0.3) { groups.append(["--shape", number(0.3...3)]) }
            if chance(0.3) { groups.append(["--conf-type", pick(["log", "log-log", "plain"])]) }
            if chance(0.2) { groups.append(["--conf", number(0.5...0.99)]) }
            if chance(0.3) { groups.append(["--at", pick(["1", "3,6", "0", "100", "2.5,7.5,12"])]) }
            if chance(0.2) { groups.append(["--quantile", pick(["0.25", "0.25,0.75", "0.9"])]) }
            if chance(0.15) { groups += [["--entry-column", "entry"], ["--cutoff", number(0.1...4)]] }
            options["--input"] = { ["--input", $0.pick($0.files.survivalInputs)] }
            options["--control-median"] = { ["--control-median", $0.pick(["8", "0", "-1", "1e300", "1e-300", "nan"])] }
            options["--control-survival"] = { ["--control-survival", $0.pick(["0.5", "0", "1", "0.999999"])] }
            options["--control-time"] = { ["--control-time", $0.pick(["3", "0", "1e300"])] }
            options["--shape"] = { ["--shape", $0.pick(["1", "0.05", "20", "0.01", "21"])] }
            options["--conf-type"] = { ["--conf-type", $0.pick(["log", "log-log", "plain", "arcsin"])] }
            options["--at"] = { ["--at", $0.pick(["1", "-1", "1e300", "a,b", "", String(repeating: "1,", count: 60) + "1"])] }
            options["--quantile"] = { ["--quantile", $0.pick(["0.5", "0", "1", "0.999999999", "x"])] }
            options["--time-column"] = { ["--time-column", $0.pick(["time", "t", "event", ""])] }
            options["--event-column"] = { ["--event-column", $0.pick(["event", "status", "time"])] }
            options["--entry-column"] = { ["--entry-column", $0.pick(["entry", "nope"])] }
            options["--cutoff"] = { ["--cutoff", $0.pick(["1", "0", "1e300", "-2"])] }
        case 1:
            command = "binomial"
            let n = integer(1...60)
            groups.append([String(integer(0...n))])
            groups.append([String(n)])
            groups.append(["--p0", number(0.02...0.6)])
            if chance(0.2) { groups.append(["--conf", number(0.5...0.99)]) }
            options["--p0"] = { ["--p0", $0.pick(Self.rates)] }
            options["--conf"] = { ["--conf", $0.pick(["0.95", "0", "1", "0.999999"])] }
        case 2:
            command = "single-stage"
            let n = integer(1...80)
            groups.append(["--n", String(n)])
            groups.append(["--responses", String(integer(0...n))])
            groups.append(["--p0", number(0.02...0.6)])
            if chance(0.3) { groups.append(["--planned-n", String(integer(1...80))]) }
            options["--n"] = { ["--n", $0.pick(["1", "0", "1000000000", "1000000001"])] }
            options["--responses"] = { ["--responses", $0.pick(["0", "-1", "100"])] }
            options["--planned-n"] = { ["--planned-n", $0.pick(["35", "0", "1000000000"])] }
            options["--p0"] = { ["--p0", $0.pick(Self.rates)] }
        default:
            command = "simon"
            let design = simonDesign()
            let n = Int(design.split(separator: "/").last!)!
            groups.append(["--design", design])
            groups.append(["--p0", number(0.02...0.6)])
            groups.append(["--responses", String(integer(0...n))])
            if chance(0.2) { groups.append(["--stage1-responses", String(integer(0...n))]) }
            if chance(0.15) { groups.append(["--attained", "\(integer(1...30)),\(integer(2...80))"]) }
            options["--design"] = { ["--design", $0.chance(0.8) ? $0.simonDesign() : $0.pick(Self.nastyStrings)] }
            options["--responses"] = { ["--responses", $0.pick(["0", "-1", "500"])] }
            options["--stage1-responses"] = { ["--stage1-responses", $0.pick(["0", "1", "-1", "99"])] }
            options["--attained"] = { ["--attained", $0.pick(["10,29", "0,1", "a,b", "5", "1,2,3"])] }
            options["--p0"] = { ["--p0", $0.pick(Self.rates)] }
        }
        if chance(0.4) { groups.append(format()) }
        if chance(0.2) { groups.append(["--justify"]) }
        groups += reportGroups()
        return ("analyze " + command, ["analyze", command], groups, options)
    }

    mutating func toxicityLooks() -> String {
        if chance(0.4) { return String(integer(2...120)) }
        var n = 0
        return (0..<integer(2...8)).map { _ in
            n += integer(1...25); return String(n)
        }.joined(separator: ",")
    }

    mutating func toxicityBoundary() -> (String, [String], [Group], [String: (inout FuzzGenerator) -> Group]) {
        var groups: [Group] = []
        let (p0, p1) = binomialPair()
        groups.append(["--p0", p0])
        groups.append(["--p1", p1])
        groups.append(["--looks", toxicityLooks()])
        if chance(0.3) { groups.append(["--alpha", number(0.01...0.3)]) }
        if chance(0.3) { groups.append(["--power", number(0.6...0.95)]) }
        if chance(0.4) { groups.append(["--shape", pick(["0", "0.5", "0.25", number(0...0.5)])]) }
        if chance(0.3) { groups.append(["--priority", pick(["null", "alt"])]) }
        if chance(0.2) { groups.append(["--rates", (0..<integer(1...6)).map { _ in number(0...1) }.joined(separator: ",")]) }
        if chance(0.4) { groups.append(format()) }
        if chance(0.2) { groups.append(["--justify"]) }
        groups += reportGroups()
        let options: [String: (inout FuzzGenerator) -> Group] = [
            "--p0": { ["--p0", $0.pick(Self.rates)] },
            "--p1": { ["--p1", $0.pick(Self.rates)] },
            "--looks": {
                [
                    "--looks",
                    $0.chance(0.6)
                        ? $0.toxicityLooks() : $0.pick(Self.nastyStrings + ["0", "1", "1001", "10,10", "20,10", "5,,9", "-3,4"]),
                ]
            },
            "--alpha": { ["--alpha", $0.pick(["0", "0.5", "0.6", "1", "nan", "-0.1", "0.0005"])] },
            "--power": { ["--power", $0.pick(["0.4", "1", "0.9999", "inf", "0.5"])] },
            "--shape": { ["--shape", $0.pick(["-0.1", "0.6", "1", "nan", "0.5"])] },
            "--priority": { ["--priority", $0.pick(["null", "alt", "both", ""])] },
            "--rates": { ["--rates", $0.pick(["", "1.5", "0,1", "a", "0.1,,0.2", "nan"])] },
            "--format": { $0.format() },
            "--justify": { _ in ["--justify"] },
        ]
        return ("toxicity-boundary", ["toxicity-boundary"], groups, options)
    }

    mutating func twoArmSurvival() -> (String, [String], [Group], [String: (inout FuzzGenerator) -> Group]) {
        var groups: [Group] = []
        let m0 = uniform(2...30)
        let simulate = chance(0.1)
        groups.append(["--control-median", String(format: "%.3g", m0)])
        let ratio = chance(0.7) ? uniform(0.35...0.75) : uniform(1.4...2.5)
        switch integer(0...2) {
        case 0: groups.append(["--median", String(format: "%.3g", m0 / ratio)])
        case 1: groups.append(["--hazard-ratio", String(format: "%.3g", ratio)])
        default: break
        }
        if groups.count == 1 { groups.append(["--patients", String(integer(20...400))]) }
        if chance(0.4) {
            groups.append(["--accrual", String(format: "%.3g", uniform(6...60))]);
            groups.append(["--follow-up", String(format: "%.3g", uniform(0...30))])
        }
        if chance(0.3) { groups.append(["--allocation", pick(["1", "2", "0.5", "3"])]) }
        if chance(0.2) {
            groups.append(chance(0.5) ? ["--loss-rate", pick(["0.001", "0.01", "0.05"])] : ["--dropout", pick(["0", "0.1", "0.2"])])
        }
        if chance(0.4) { groups.append(["--method", pick(["schoenfeld", "freedman", "lachin-foulkes", "all"])]) }
        if chance(0.3) { groups.append(["--alpha", alpha()]) }
        if simulate { groups.append(["--simulate", String(integer(1...300))]); groups.append(["--seed", String(integer(0...99))]) }
        if simulate, chance(0.2) { groups.append(["--search"]) }
        if chance(0.4) { groups.append(format()) }
        if chance(0.2) { groups.append(["--justify"]) }
        groups += reportGroups()
        let options: [String: (inout FuzzGenerator) -> Group] = [
            "--control-median": { ["--control-median", $0.pick(["0", "-1", "1e-300", "8", "1e300", "nan", "inf"])] },
            "--median": { ["--median", $0.pick(["0", "8", "13", "1e6", "-3", "nan"])] },
            "--hazard-ratio": { ["--hazard-ratio", $0.pick(["0", "1", "0.0001", "0.001", "0.6", "1000", "2000", "inf"])] },
            "--control-survival": { ["--control-survival", $0.number(0.05...0.95)] },
            "--survival": { ["--survival", $0.number(0.05...0.95)] },
            "--at": { ["--at", $0.pick(["0", "12", "-1", "1e301"])] },
            "--patients": { ["--patients", String($0.integer(-2...2000))] },
            "--allocation": { ["--allocation", $0.pick(["0", "-1", "0.001", "0.01", "1", "100", "101", "inf", "nan"])] },
            "--accrual": { ["--accrual", $0.pick(["0", "-1", "12", "1e9"])] },
            "--accrual-rate": { ["--accrual-rate", $0.pick(["0", "0.5", "5", "1e-301"])] },
            "--follow-up": { ["--follow-up", $0.pick(["0", "-1", "6", "1e9"])] },
            "--loss-rate": { ["--loss-rate", $0.pick(["0", "-1", "0.01", "10"])] },
            "--dropout": { ["--dropout", $0.pick(["0", "0.5", "1", "-0.1"])] },
            "--method": { ["--method", $0.pick(["schoenfeld", "freedman", "lachin-foulkes", "all", "exact"])] },
            "--alpha": { ["--alpha", $0.alpha()] },
            "--power": { ["--power", $0.power()] },
            "--sides": { ["--sides", $0.pick(["1", "2", "3"])] },
            "--simulate": { ["--simulate", String($0.integer(-1...200))] },
            "--search": { _ in ["--search"] },
            "--search-max": { ["--search-max", $0.pick(["0", "1", "2", "50", "10000", "10001"])] },
            "--format": { $0.format() },
            "--justify": { _ in ["--justify"] },
        ]
        return ("two-arm survival", ["two-arm", "survival"], groups, options)
    }

    mutating func twoArmBinomial() -> (String, [String], [Group], [String: (inout FuzzGenerator) -> Group]) {
        var groups: [Group] = []
        let (p0, p1) = binomialPair()
        groups.append(["--p0", p0])
        groups.append(["--p1", p1])
        if chance(0.5) { groups.append(["--alpha", alpha()]) }
        if chance(0.5) { groups.append(["--power", power()]) }
        if chance(0.2) { groups.append(["--sides", pick(["1", "2"])]) }
        if chance(0.3) { groups.append(["--allocation", pick(["1", "2", "0.5"])]) }
        if chance(0.5) { groups.append(["--method", pick(["fisher", "normal", "continuity", "all"])]) }
        if chance(0.2) { groups.append(["--table"]) }
        if chance(0.4) { groups.append(format()) }
        if chance(0.2) { groups.append(["--justify"]) }
        groups += reportGroups()
        let options: [String: (inout FuzzGenerator) -> Group] = [
            "--p0": { ["--p0", $0.pick(Self.rates)] },
            "--p1": { ["--p1", $0.pick(Self.rates)] },
            "--alpha": { ["--alpha", $0.alpha()] },
            "--power": { ["--power", $0.power()] },
            "--sides": { ["--sides", $0.pick(["1", "2"])] },
            "--allocation": { ["--allocation", $0.pick(["0", "-2", "0.01", "1", "100", "1e9", "nan"])] },
            "--method": { ["--method", $0.pick(["fisher", "normal", "continuity", "all", "exact"])] },
            "--table": { _ in ["--table"] },
            "--format": { $0.format() },
            "--justify": { _ in ["--justify"] },
        ]
        return ("two-arm binomial", ["two-arm", "binomial"], groups, options)
    }

    mutating func pickWinner() -> (String, [String], [Group], [String: (inout FuzzGenerator) -> Group]) {
        var groups: [Group] = []
        groups.append(["--arms", String(integer(2...6))])
        groups.append(["--p0", String(format: "%.3g", uniform(0.05...0.5))])
        groups.append(["--delta", String(format: "%.3g", uniform(0.1...0.3))])
        if chance(0.4) { groups.append(["--min-lead", String(integer(0...3))]) }
        if chance(0.4) {
            groups.append(["--patients-per-arm", String(integer(1...200))])
        } else if chance(0.5) {
            groups.append(["--correct", pick(["0.8", "0.9", "0.95"])])
        }
        if chance(0.4) { groups.append(format()) }
        if chance(0.2) { groups.append(["--justify"]) }
        groups += reportGroups()
        let options: [String: (inout FuzzGenerator) -> Group] = [
            "--arms": { ["--arms", String($0.integer(-1...12))] },
            "--p0": { ["--p0", $0.pick(Self.rates)] },
            "--delta": { ["--delta", $0.pick(["0", "0.001", "0.1", "0.5", "0.999", "1", "-0.1"])] },
            "--min-lead": { ["--min-lead", String($0.integer(-1...6000))] },
            "--patients-per-arm": { ["--patients-per-arm", String($0.integer(-1...6000))] },
            "--correct": { ["--correct", $0.pick(["0", "0.5", "0.9", "0.9999", "1"])] },
            "--format": { $0.format() },
            "--justify": { _ in ["--justify"] },
        ]
        return ("pick-winner", ["pick-winner"], groups, options)
    }

    mutating func simonDesign() -> String {
        let n1 = integer(1...30), n = n1 + integer(1...40)
        let r1 = integer(0...(n1 - 1)), r = integer(r1...(n - 1))
        return "\(r1)/\(n1),\(r)/\(n)"
    }

    mutating func simon() -> (String, [String], [Group], [String: (inout FuzzGenerator) -> Group]) {
        var groups: [Group] = []
        let (p0, p1) = binomialPair()
        groups.append(["--p0", p0])
        groups.append(["--p1", p1])
        if chance(0.6) { groups.append(["--alpha", alpha()]) }
        if chance(0.6) { groups.append(["--power", power()]) }
        if chance(0.2) { groups.append(["--sides", pick(["1", "2"])]) }
        if chance(0.25) {
            groups.append(["--design", simonDesign()])
        } else {
            if chance(0.2) { groups.append(["--nmax", String(integer(2...120))]) }
            if chance(0.3) { groups.append(["--admissible"]) }
        }
        if chance(0.4) { groups.append(format()) }
        if chance(0.2) { groups.append(["--justify"]) }
        groups += reportGroups()
        let options: [String: (inout FuzzGenerator) -> Group] = [
            "--p0": { ["--p0", $0.pick(Self.rates)] },
            "--p1": { ["--p1", $0.pick(Self.rates)] },
            "--alpha": { ["--alpha", $0.alpha()] },
            "--power": { ["--power", $0.power()] },
            "--sides": { ["--sides", $0.pick(["1", "2"])] },
            "--nmax": { ["--nmax", $0.chance(0.7) ? String($0.integer(1...100)) : $0.hugeCount()] },
            "--admissible": { _ in ["--admissible"] },
            "--design": { ["--design", $0.chance(0.8) ? $0.simonDesign() : $0.pick(Self.nastyStrings)] },
            "--format": { $0.format() },
            "--justify": { _ in ["--justify"] },
        ]
        return ("simon", ["simon"], groups, options)
    }

    /// A strictly increasing list of `count` probabilities.
    mutating func probabilities(_ count: Int) -> String {
        var values: [Double] = []
        var p = uniform(0.01...0.1)
        for _ in 0..<count {
            values.append(p)
            p = min(0.99, p + uniform(0.02...0.15))
        }
        if chance(0.05) { values.reverse() }
        return values.map { String(format: "%.3g", $0) }.joined(separator: ",")
    }

    mutating func crm() -> (String, [String], [Group], [String: (inout FuzzGenerator) -> Group]) {
        var groups: [Group] = []
        let levels = integer(2...6)
        let target = pick(["0.2", "0.25", "0.3", "0.33", String(format: "%.2f", uniform(0.1...0.5))])
        groups.append(["--target", target])
        if chance(0.2) { groups.append(["--model", "logistic"]); if chance(0.5) { groups.append(["--intercept", number(1...5)]) } }
        let command: String
        var options: [String: (inout FuzzGenerator) -> Group] = [
            "--target": { ["--target", $0.number(0.01...0.99)] },
            "--model": { ["--model", $0.pick(["empiric", "logistic", "probit"])] },
            "--intercept": { ["--intercept", $0.number(-5...10)] },
            "--format": { $0.format() },
            "--justify": { _ in ["--justify"] },
        ]
        switch integer(0...3) {
        case 0:
            command = "skeleton"
            if chance(0.7) {
                groups.append(["--halfwidth", number(0.02...0.1)])
                groups.append(["--levels", String(levels)])
                groups.append(["--prior-mtd", String(integer(1...levels))])
            } else {
                groups.append(["--skeleton", probabilities(levels)])
            }
            options["--halfwidth"] = { ["--halfwidth", $0.number(0.001...0.5)] }
            options["--levels"] = { ["--levels", String($0.integer(0...25))] }
            options["--prior-mtd"] = { ["--prior-mtd", String($0.integer(0...8))] }
            options["--skeleton"] = { ["--skeleton", $0.probabilities($0.integer(1...8))] }
        case 1:
            command = "next"
            let patients = integer(0...12)
            groups.append(["--skeleton", probabilities(levels)])
            let patientLevels = (0..<max(1, patients)).map { _ in String(integer(1...levels)) }
            let dlt = (0..<max(1, patients)).map { _ in chance(0.25) ? "1" : "0" }
            // Before any patient: neither list (the starting dose).
            let noData = chance(0.1)
            if !noData {
                groups.append(["--levels", patientLevels.joined(separator: ",")])
                groups.append(["--dlt", dlt.joined(separator: ",")])
            }
            if chance(0.2) { groups.append(["--safety-stop", number(0.6...0.99)]) }
            if !noData, chance(0.3) {
                let window = uniform(7...42)
                let times = dlt.map {
                    $0 == "1" ? String(format: "%.3g", uniform(0.5...window)) : String(format: "%.3g", uniform(0...window))
                }
                groups.append(["--follow-up", times.joined(separator: ",")])
                groups.append(["--window", String(format: "%.3g", window)])
                if chance(0.5) { groups.append(["--weights", pick(["linear", "adaptive"])]) }
            }
            if chance(0.2) { groups.append(["--prior-variance", number(0.1...5)]) }
            if chance(0.2) { groups.append(["--credibility", number(0.5...0.99)]) }
            if chance(0.2) { groups.append(["--allow-skipping"]) }
            if chance(0.2) { groups.append(["--allow-escalation-after-dlt"]) }
            options["--skeleton"] = { ["--skeleton", $0.probabilities($0.integer(1...8))] }
            options["--levels"] = { g in ["--levels", (0..<g.integer(1...8)).map { _ in String(g.integer(0...7)) }.joined(separator: ",")] }
            options["--dlt"] = { g in ["--dlt", (0..<g.integer(1...8)).map { _ in String(g.integer(0...2)) }.joined(separator: ",")] }
            options["--follow-up"] = { g in
                ["--follow-up", (0..<g.integer(1...8)).map { _ in String(format: "%.3g", g.uniform(0...30)) }.joined(separator: ",")]
            }
            options["--window"] = { ["--window", $0.number(0.5...50)] }
            options["--weights"] = { ["--weights", $0.pick(["linear", "adaptive", "quadratic"])] }
            options["--prior-variance"] = { ["--prior-variance", $0.number(0.001...200)] }
            options["--credibility"] = { ["--credibility", $0.number(0.001...0.999)] }
            options["--safety-stop"] = { ["--safety-stop", $0.pick(["0", "0.5", "0.9", "1", "nan", "-1"])] }
        case 2:
            command = "simulate"
            if chance(0.7) {
                groups.append(["--skeleton", probabilities(levels)])
            } else {
                groups.append(["--halfwidth", number(0.02...0.08)])
                groups.append(["--prior-mtd", String(integer(1...levels))])
            }
            groups.append(["--truth", probabilities(levels)])
            let patients = integer(1...24)
            groups.append(["--patients", String(patients)])
            groups.append(["--start", String(integer(1...levels))])
            groups.append(["--trials", String(integer(1...40))])
            if chance(0.3) { groups.append(["--cohort", String(integer(1...min(3, patients)))]) }
            if chance(0.5) { groups.append(["--seed", seed()]) }
            if chance(0.3) { groups.append(["--threads", threads()]) }
            if chance(0.3) {
                groups.append(["--tite"])
                groups.append(["--window", number(7...42)])
                if chance(0.5) { groups.append(["--arrival", pick(["poisson", "fixed"])]) }
                if chance(0.5) { groups.append(["--rate", number(0.1...3)]) }
                if chance(0.5) { groups.append(["--time-to-dlt", pick(["uniform", "exponential", "weibull"])]) }
                if chance(0.3) { groups.append(["--shape", number(0.5...5)]) }
                if chance(0.3) { groups.append(["--weights", pick(["linear", "adaptive"])]) }
            }
            options["--skeleton"] = { ["--skeleton", $0.probabilities($0.integer(1...8))] }
            options["--truth"] = { ["--truth", $0.probabilities($0.integer(1...8))] }
            options["--halfwidth"] = { ["--halfwidth", $0.number(0.001...0.5)] }
            options["--prior-mtd"] = { ["--prior-mtd", String($0.integer(0...8))] }
            options["--patients"] = { ["--patients", $0.chance(0.6) ? String($0.integer(0...30)) : $0.hugeCount()] }
            options["--start"] = { ["--start", String($0.integer(0...8))] }
            options["--trials"] = { ["--trials", $0.chance(0.5) ? String($0.integer(0...30)) : $0.hugeCount()] }
            options["--cohort"] = { ["--cohort", String($0.integer(0...30))] }
            options["--seed"] = { ["--seed", $0.seed()] }
            options["--threads"] = { ["--threads", $0.chance(0.7) ? $0.threads() : $0.hugeCount()] }
            options["--tite"] = { _ in ["--tite"] }
            options["--window"] = { ["--window", $0.number(0.01...100)] }
            options["--rate"] = { ["--rate", $0.number(0.001...100)] }
            options["--shape"] = { ["--shape", $0.number(0.01...150)] }
            options["--arrival"] = { ["--arrival", $0.pick(["poisson", "fixed", "batch"])] }
            options["--time-to-dlt"] = { ["--time-to-dlt", $0.pick(["uniform", "exponential", "weibull", "gamma"])] }
            options["--weights"] = { ["--weights", $0.pick(["linear", "adaptive"])] }
            options["--prior-variance"] = { ["--prior-variance", $0.number(0.001...200)] }
        default:
            command = "calibrate"
            groups.append(["--levels", String(levels)])
            groups.append(["--prior-mtd", String(integer(1...levels))])
            groups.append(["--patients", String(integer(levels...16))])
            groups.append(["--trials", String(integer(1...10))])
            if chance(0.3) { groups.append(["--spacing", number(0.03...0.1)]) }
            if chance(0.2) { groups.append(["--prior-variances", pick(["0.5,1.34", "1", "0.25,0.5,1,2"])]) }
            if chance(0.2) { groups.append(["--cohort", String(integer(1...3))]) }
            if chance(0.3) { groups.append(["--seed", seed()]) }
            options["--levels"] = { ["--levels", String($0.integer(0...25))] }
            options["--prior-mtd"] = { ["--prior-mtd", String($0.integer(0...8))] }
            options["--patients"] = { ["--patients", $0.chance(0.6) ? String($0.integer(0...20)) : $0.hugeCount()] }
            options["--trials"] = { ["--trials", $0.chance(0.5) ? String($0.integer(0...10)) : $0.hugeCount()] }
            options["--spacing"] = { ["--spacing", $0.number(0.001...0.6)] }
            options["--prior-variance"] = { ["--prior-variance", $0.number(0.001...200)] }
            options["--prior-variances"] = { ["--prior-variances", $0.pick(["0.5,1.34", "0,1", "1,1,1", "200", "", "nan"])] }
            options["--start"] = { ["--start", String($0.integer(0...8))] }
            options["--cohort"] = { ["--cohort", String($0.integer(0...20))] }
        }
        if chance(0.3) { groups.append(format()) }
        if chance(0.15) { groups.append(["--justify"]) }
        groups += reportGroups()
        return ("crm " + command, ["crm", command], groups, options)
    }

    /// `boin boundaries|next|select|simulate` and `three-plus-three` (grammar in PhaseIFuzzGrammar.swift).
    mutating func phaseI() -> (String, [String], [Group], [String: (inout FuzzGenerator) -> Group]) {
        PhaseIFuzzGrammar.vector(&self)
    }

    // MARK: mutations

    /// The vector: a near-valid base, then zero to a few mutations.
    mutating func vector() -> (command: String, arguments: [String]) {
        var (name, prefix, groups, options) = base()
        var mutations = 0
        while chance(mutations == 0 ? 0.55 : 0.35), mutations < 6 {
            mutations += 1
            if chance(0.2), let group = declaredEdge(command: name) {
                groups.insert(group, at: integer(0...groups.count))  // the grammar's part that comes from the declarations
            } else {
                mutate(&groups, &prefix, options)
            }
        }
        if chance(0.5) { groups.shuffle(using: &random) }
        return (name, prefix + groups.flatMap { $0 })
    }

    mutating func mutate(_ groups: inout [Group], _ prefix: inout [String], _ options: [String: (inout FuzzGenerator) -> Group]) {
        let valued = groups.indices.filter { groups[$0].count == 2 || (groups[$0].count == 1 && !groups[$0][0].hasPrefix("-")) }
        switch integer(0...99) {
        case 0..<30 where !valued.isEmpty:  // a nasty value
            let i = pick(valued)
            let value = isPathOption(groups[i][0]) ? files.folder + "/" + nasty() : nasty()
            if groups[i].count == 2 { groups[i][1] = value } else { groups[i][0] = value }
        case 30..<42 where !groups.isEmpty:  // drop an option (perhaps a required one)
            // Not --trials: its default (crm simulate 10,000, calibrate 2,000) is valid work that takes
            // a minute in a debug build, which this test must not spend.
            let droppable = groups.indices.filter { groups[$0].first != "--trials" }
            if !droppable.isEmpty { groups.remove(at: pick(droppable)) }
        case 42..<54 where !groups.isEmpty:  // repeat an option, same or another value
            let i = integer(0...(groups.count - 1))
            var copy = groups[i]
            if copy.count == 2, chance(0.6), let make = options[copy[0]] { copy = make(&self) }
            groups.insert(copy, at: integer(0...groups.count))
        case 54..<72:  // add another of the command's options (conflicts arise here)
            if let key = options.keys.sorted().randomElement(using: &random), let make = options[key] {
                groups.insert(make(&self), at: integer(0...groups.count))
            }
        case 72..<78 where !valued.isEmpty:  // --option=value
            let i = pick(valued)
            if groups[i].count == 2 { groups[i] = [groups[i][0] + "=" + groups[i][1]] }
        case 78..<84 where !valued.isEmpty:  // a value missing
            let i = pick(valued)
            if groups[i].count == 2 { groups[i].removeLast() }
        case 84..<92:  // a stray token
            groups.insert(
                [
                    pick([
                        "--no-such-option", "-x", "--", "—alpha", "–-p0", "--ALPHA", "-", "", " ", "🙂", "extra",
                        "--alpha=", "--=", "-h", "--help", "--version", "help", "--format=yaml", "--experimental-x",
                    ])
                ],
                at: integer(0...groups.count))
        case 92..<96:  // the command name mangled
            prefix = pick([
                [], ["survivals"], ["SURVIVAL"], ["crm"], ["crm", "nope"], ["ci", "ci"], [""], ["--version"], ["help"], ["boin"],
                ["simon", "single-stage"], prefix.reversed(),
            ])
        default:  // an empty value
            if !valued.isEmpty {
                let i = pick(valued)
                if groups[i].count == 2 { groups[i][1] = "" } else { groups[i][0] = "" }
            }
        }
    }

    /// An option of `command` with a value drawn from its declaration (issue 11: the fuzzer's grammar
    /// comes from the same `Parameter` declarations as the help and the validation, so a new design's
    /// options are fuzzed as soon as it is registered): the ends of the allowed range, values just
    /// outside them, a value inside, every choice and a near miss, lists of in-range entries. Upper
    /// ends of whole-number ranges are left out (they are work caps: a valid maximum is slow, not
    /// wrong); one past them is kept, since it must be refused at once.
    mutating func declaredEdge(command: String) -> Group? {
        guard let catalog = Trialsize.designLeaves.first(where: { $0.name == command })?.command.parameters,
            let parameter = catalog.parameters.randomElement(using: &random)
        else { return nil }
        let option = "--" + parameter.key
        func text(_ value: Double) -> String { value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)" }
        switch parameter.allowed {
        case let .real(lower, _, upper, _):
            var values: [Double] = []
            if let lower { values += [lower, lower.nextDown, lower.nextUp, lower - 1] }
            if let upper { values += [upper, upper.nextUp, upper.nextDown, upper + 1] }
            if let lower, let upper { values.append(lower + (upper - lower) * uniform(0...1)) }
            return [option, text(pick(values.isEmpty ? [0, -1, 1] : values))]
        case let .integer(range):
            let values = [
                range.lowerBound, range.lowerBound &- 1, range.lowerBound &+ 1,
                range.upperBound == Int.max ? range.lowerBound : range.upperBound &+ 1,
            ]
            return [option, String(pick(values))]
        case let .choice(words):
            let word = pick(words)
            return [option, chance(0.8) ? word : pick([word.uppercased(), word + "s", String(word.dropLast()), ""])]
        case let .list(lower, _, upper, _):
            let low = lower ?? 0, high = upper ?? (low + 1)
            let count = integer(1...6)
            let entries = (0..<count).map { _ in text(low + (high - low) * uniform(0...1)) }
            return [option, entries.joined(separator: ",")]
        case .flag:
            return [option]
        case .text:
            return nil
        }
    }

    func isPathOption(_ option: String) -> Bool { ["--input", "--plot", "--report", "--template"].contains(option) }

    static func shellQuoted(_ arguments: [String]) -> String {
        arguments.map { argument in
            let safe =
                !argument.isEmpty
                && argument.unicodeScalars.allSatisfy {
                    CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_=.,/:+".unicodeScalars.contains($0)
                }
            return safe ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}

// MARK: - Traps and hangs

/// Reports the vectors in flight when the process traps (a signal handler writes them to standard
/// error, then lets the signal kill the process as usual), and aborts the run, printing the vector,
/// when one vector runs longer than the hang limit.
final class FuzzWatchdog: @unchecked Sendable {
    static let shared = FuzzWatchdog()

    private struct Slot { var note = ""; var started: UInt64 = 0; var running = false }
    private struct State { var slots = [Slot](repeating: Slot(), count: FuzzCrashNote.slots); var watchers = 0; var limit = 300.0 }
    private let state = Mutex(State())

    private init() {
        FuzzCrashNote.install()
    }

    func start(limit: Double) {
        let first = state.withLock { s -> Bool in
            s.limit = limit
            s.watchers += 1
            return s.watchers == 1
        }
        guard first else { return }
        Thread.detachNewThread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 1)
                let (watching, hung) = state.withLock { s -> (Bool, String?) in
                    let now = DispatchTime.now().uptimeNanoseconds
                    let stuck = s.slots.first { $0.running && Double(now &- $0.started) / 1e9 > s.limit }
                    return (s.watchers > 0, stuck?.note)
                }
                if !watching { return }
                if let hung {
                    FileHandle.standardError.write(Data("\nCLI fuzz: a vector ran past the hang limit; aborting. \(hung)\n".utf8))
                    abort()
                }
            }
        }
    }

    func begin(shard: Int, _ note: String) {
        let slot = shard % FuzzCrashNote.slots
        FuzzCrashNote.set(slot, "\nCLI fuzz: the process died while running \(note)\n")
        state.withLock { $0.slots[slot] = Slot(note: note, started: DispatchTime.now().uptimeNanoseconds, running: true) }
    }

    func end(shard: Int) {
        let slot = shard % FuzzCrashNote.slots
        state.withLock { $0.slots[slot].running = false }
        FuzzCrashNote.set(slot, "")
    }

    func stop() { state.withLock { $0.watchers -= 1 } }
}

/// The text a signal handler may write: fixed buffers and lengths, one per shard, touched by `write(2)` only.
enum FuzzCrashNote {
    static let slots = 8
    static let capacity = 1 << 14
    nonisolated(unsafe) static let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: slots * capacity)
    nonisolated(unsafe) static let lengths = UnsafeMutablePointer<Int>.allocate(capacity: slots)
    static let prepared: Bool = {
        lengths.initialize(repeating: 0, count: slots)
        return true
    }()

    static func set(_ slot: Int, _ text: String) {
        _ = prepared
        lengths[slot] = 0
        let bytes = Array(text.utf8.prefix(capacity))
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { (buffer + slot * capacity).update(from: $0.baseAddress!, count: bytes.count) }
        lengths[slot] = bytes.count
    }

    static func install() {
        _ = prepared
        for signalNumber in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
            signal(signalNumber) { received in
                for slot in 0..<FuzzCrashNote.slots where FuzzCrashNote.lengths[slot] > 0 {
                    _ = write(2, FuzzCrashNote.buffer + slot * FuzzCrashNote.capacity, FuzzCrashNote.lengths[slot])
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
