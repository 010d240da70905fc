import ArgumentParser
import TrialDesign

/// Checks on the raw argument vector before swift-argument-parser sees it (issue 12): a
/// mistyped command gets a "did you mean", and a repeated option is refused rather than the last
/// value silently winning (the parser keeps the last one without a word).
enum ArgumentChecks {
    /// Throws the one-line usage error for a mistyped top-level command (`surival`, or
    /// `help survivl`), or for an option given twice.
    static func check(_ arguments: [String]) throws {
        let names = Trialsize.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        var commandIndex = 0
        if arguments.first == "help" { commandIndex = 1 }
        if commandIndex < arguments.count {
            let word = arguments[commandIndex]
            if !word.hasPrefix("-"), !names.contains(word) {
                var message = "unknown command '\(word)'"
                if let near = nearest(word, in: names) { message += "; did you mean '\(near)'?" }
                throw DesignError(parameter: "", requirement: message, value: "")
            }
        }
        for (option, value) in zip(arguments, arguments.dropFirst()) where option.hasPrefix("--") {
            if let hint = hint(option: String(option.dropFirst(2)), value: value) {
                throw DesignError(parameter: "", requirement: hint, value: "")
            }
        }
        // Options the command declares repeatable (`--truth`, one scenario each) may come again.
        let words = arguments.prefix { !$0.hasPrefix("-") }.joined(separator: " ")
        let leaf = Trialsize.designLeaves.filter { words == $0.name || words.hasPrefix($0.name + " ") }
            .max { $0.name.count < $1.name.count }
        let repeatable = Set((leaf?.command.parameters.parameters ?? []).filter(\.repeatable).map { "--" + $0.key })
        var seen = Set<String>()
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            let option = String(argument.split(separator: "=", maxSplits: 1)[0])
            if !seen.insert(option).inserted, !repeatable.contains(option) {
                throw DesignError(parameter: "", requirement: "\(option) is given more than once; give it once", value: "")
            }
        }
    }

    /// Proportions typed as the user would say them, and the range they must be in.
    static let proportions: [String: String] = [
        "alpha": "in (0, 0.25] one-sided, (0, 0.5] two-sided", "power": "in (0, 1)", "conf": "in (0, 1)",
        "p0": "in [0, 1]", "p1": "in [0, 1]", "target": "in (0, 1)",
    ]
    /// Whole-number options.
    static let counts: Set<String> = ["patients", "nmax", "simulate", "trials", "seed", "threads", "levels", "search-max"]

    /// A hint for a value the parser would refuse with no range: `80%` (a percentage), `0,05`
    /// (a decimal comma), `30.5` patients (not a whole number).
    static func hint(option: String, value: String) -> String? {
        if let range = proportions[option] {
            if value.hasSuffix("%"), let percent = Double(value.dropLast()) {
                return "--\(option) must be a proportion \(range), got \(value) (\(value) means \(percent / 100))"
            }
            if value.contains(","), !value.contains("."), let decimal = Double(value.replacingOccurrences(of: ",", with: ".")) {
                return "--\(option) must be a proportion \(range), got \(value) (use a decimal point: \(decimal))"
            }
        }
        if counts.contains(option), Int(value) == nil, let number = Double(value), number.isFinite {
            return "--\(option) must be a whole number, got \(value)"
        }
        return nil
    }

    /// The name within edit distance 2 of `word`, if one is.
    static func nearest(_ word: String, in names: [String]) -> String? {
        names.map { ($0, distance(word, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
