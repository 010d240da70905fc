import ArgumentParser
import Foundation
import TrialDesign
import TrialReport
import TrialWeb
import TrialsizeCLI

/// The designs `trialsize serve` offers, built from the command registry (``Trialsize/designLeaves``).
///
/// Each endpoint's fields are the command's declared parameters, and its `run` hands the form's
/// values to the command itself, as the arguments a user would type (`survival --control-median=8
/// --median=13`), through the same checks, parser, validation and report as the command line
/// (``report(arguments:)``). So TrialWeb sees catalogs and reports only, and a page, the JSON API
/// and the terminal cannot disagree.
public enum WebRegistry {
    /// Parameters a page never sets: a file the command would read (`--input`; the analyses that
    /// need a data file are for the command line) and the number of threads (the server decides;
    /// every answer is the same on any number of threads).
    static let commandLineOnly: Set<String> = ["input", "threads"]

    /// Presentation options a page may set although no design declares them (they change words,
    /// not numbers); each is offered only by the commands that have the option.
    static let presentation: [Parameter] = [
        Parameter(
            "unit", label: "Time unit", help: "The unit every time above is in (a label only: no time is converted).",
            allowed: .choice(TimeUnit.allCases.map(\.rawValue)), default: "weeks"),
        Parameter("endpoint", label: "Endpoint's name", help: "The endpoint's name in the justification paragraph.", allowed: .text),
    ]

    /// An example for each design's index link, in the README's words.
    static let examples: [String: [(key: String, value: String)]] = [
        "survival": [("control_median", "8"), ("median", "13")],
        "ci": [("x", "4"), ("n", "26")],
        "single-stage": [("p0", "0.2"), ("p1", "0.4")],
        "simon": [("p0", "0.1"), ("p1", "0.3")],
        "toxicity-boundary": [("p0", "0.2"), ("p1", "0.35"), ("looks", "10,20,30,40")],
        "two-arm survival": [("control_median", "8"), ("median", "13"), ("accrual", "52"), ("follow_up", "26")],
        "two-arm binomial": [("p0", "0.2"), ("p1", "0.4"), ("alpha", "0.025")],
        "pick-winner": [("arms", "3"), ("p0", "0.2"), ("delta", "0.15"), ("correct", "0.9")],
        "crm skeleton": [("target", "0.25"), ("halfwidth", "0.09"), ("levels", "4"), ("prior_mtd", "3")],
        "crm next": [
            ("skeleton", "0.0183,0.0949,0.25,0.4422"), ("target", "0.25"), ("levels", "3,3,4"), ("dlt", "0,0,1"),
            ("follow_up", "21,14,7"), ("window", "21"),
        ],
        "crm simulate": [
            ("halfwidth", "0.09"), ("prior_mtd", "3"), ("truth", "0.05,0.12,0.25,0.40"), ("target", "0.25"),
            ("patients", "10"), ("start", "3"), ("trials", "2000"), ("seed", "1"),
        ],
        "crm calibrate": [("target", "0.25"), ("levels", "4"), ("prior_mtd", "3"), ("patients", "10"), ("trials", "1000")],
        "analyze binomial": [("x", "4"), ("n", "26"), ("p0", "0.1")],
        "analyze single-stage": [("n", "36"), ("responses", "12"), ("p0", "0.2"), ("planned_n", "35")],
        "analyze simon": [("design", "1/10,5/29"), ("p0", "0.1"), ("responses", "7")],
        "boin boundaries": [("target", "0.25"), ("cohort_size", "3"), ("cohorts", "10")],
        "boin next": [("target", "0.25"), ("levels", "1,1,1,2,2,2"), ("dlts", "0,0,0,0,1,0"), ("doses", "5")],
        "boin select": [("target", "0.25"), ("patients", "3,3,15,9,0"), ("dlts", "0,0,4,4,0")],
        "boin simulate": [
            ("target", "0.25"), ("truth", "0.05,0.12,0.25,0.40,0.55"), ("cohort_size", "3"), ("cohorts", "10"),
            ("trials", "2000"), ("seed", "1"),
        ],
        "three-plus-three": [("truth", "0.05,0.12,0.25,0.40,0.55"), ("start", "1")],
        "phase1 compare": [
            ("target", "0.25"), ("truth", "0.05,0.12,0.25,0.40,0.55"), ("patients", "30"), ("cohort_size", "3"),
            ("trials", "500"),
        ],
    ]

    /// Designs whose every answer needs a data file: the page sends it (`--input`, read in memory
    /// by the command instead of standard input, never from the file system).
    static let uploadCommands: Set<String> = ["analyze survival"]

    /// One endpoint per design command, in the order `--help` lists them.
    public static func endpoints() -> [WebEndpoint] {
        CommandRegistry.designs.map { endpoint($0.name, $0.command) }
    }

    static func endpoint(_ name: String, _ command: any DesignCommand.Type) -> WebEndpoint {
        let interface = self.interface(of: name)
        var fields = command.parameters.parameters.filter { !commandLineOnly.contains($0.key) }
        fields += presentation.filter { extra in interface.options.contains(extra.key) && !fields.contains { $0.key == extra.key } }
        let positionalKeys = interface.positionals.filter { key in fields.contains { $0.key == key } }
        let upload = uploadCommands.contains(name) ? command.parameters["input"] : nil
        return WebEndpoint(
            command: name, abstract: command.configuration.abstract, fields: fields, positionalKeys: positionalKeys,
            upload: upload, example: examples[name] ?? []
        ) { inputs in
            var arguments = inputs.arguments(command: name, positionalKeys: positionalKeys)
            guard let upload else { return try report(arguments: arguments) }
            // `--input -` reads the upload handed to the command in memory; without one, refuse
            // (the server's standard input is never read).
            guard let file = inputs.upload else {
                throw WebInputError(parameter: upload.key, "is required: choose a CSV file")
            }
            arguments.insert("--\(upload.key)=-", at: name.split(separator: " ").count)
            return try report(arguments: arguments, upload: Output.Upload(name: file.name, bytes: file.bytes))
        }
    }

    /// The command's long option names and positional arguments, in order, from the parser's
    /// own description of it (`--experimental-dump-help`).
    static func interface(of name: String) -> (options: Set<String>, positionals: [String]) {
        var text = ""
        var output = Output { text += $0 }
        var errors = Output { _ in }
        _ = CommandLineRun.execute(
            name.split(separator: " ").map(String.init) + ["--experimental-dump-help"], output: &output, errors: &errors)
        guard let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let tool = json["command"] as? [String: Any]
        else { return ([], []) }
        var options: Set<String> = [], positionals: [String] = []
        for argument in tool["arguments"] as? [[String: Any]] ?? [] {
            let names = (argument["names"] as? [[String: Any]] ?? []).filter { ($0["kind"] as? String)?.hasPrefix("long") == true }
                .compactMap { $0["name"] as? String }
            if argument["kind"] as? String == "positional", let value = argument["valueName"] as? String {
                positionals.append(value)
            } else if let first = names.first {
                options.insert(first)
            }
        }
        return (options, positionals)
    }

    /// Runs one command line as ``CommandLineRun`` does (the same argument checks, parser and
    /// command) and returns the report it would have written.
    ///
    /// - Throws: ``DesignError`` as the command throws it; ``WebInputError`` with the parser's
    ///   one line for an argument it refuses, or ``WebInputError/noPage`` for a mode that prints
    ///   something other than one report.
    static func report(arguments: [String], upload: Output.Upload? = nil) throws -> any Reporting {
        do {
            guard let report = try CommandLineRun.capturedReport(arguments, upload: upload) else { throw WebInputError.noPage }
            return report
        } catch let error as DesignError {
            throw error
        } catch let error as WebInputError {
            throw error
        } catch {
            let message =
                CommandRegistry.message(for: error)
                .split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? "\(error)"
            throw WebInputError(CommandLineRun.oneLine(message))
        }
    }
}
