import Foundation
import TrialDesign
import TrialReport

/// Sensitivity grids: any numeric option given as a comma-separated list
/// (`trialsize survival --control-median 8 --median 12,13,14 --power 0.8,0.9`) runs the command
/// at every combination of the lists and prints one table of the answers, with a plot, in every
/// format (text, Markdown, LaTeX, JSON, CSV; `--report` HTML or Word; `--plot` SVG).
///
/// Each point is the command run alone, through the same parser, checks and design as a
/// single answer (the report-capture hook the web page uses), so a grid's row is exactly the
/// answer that row's command line prints; ``SensitivityGridReport`` then states once what the
/// rows share and tabulates what they do not.
///
/// Every list value is checked against its parameter's declared range before any work, so a
/// value out of range is refused at once; the points share the one work budget
/// (``WorkBudget/current`` is the budget divided among them), so a grid of simulations is
/// refused before the work when its points together would run past it.
enum SensitivityGrid {
    /// At most this many points (combinations) in a grid.
    static let maximumPoints = 200

    /// A grid asked for: the command, what varies, each point's argument vector, and the
    /// grid-level options (format, plot, report).
    struct Plan {
        let command: String
        let varied: [SensitivityGridReport.Varied]
        let points: [(values: [String], arguments: [String])]
        let format: String
        let plotPath: String?
        let reportPath: String?
        let commandLine: String
        /// The JSON keys of every option given.
        let given: Set<String>
    }

    /// Options that belong to the grid itself, not to its points.
    static let gridOptions: Set<String> = ["format", "plot", "report"]

    /// The grid `arguments` ask for, or nil when no numeric option is given as a list.
    ///
    /// - Throws: ``DesignError`` (exit 64) for a list value out of its parameter's range or not
    ///   a number, a grid beyond ``maximumPoints``, or an option a grid cannot take
    ///   (`--justify`, `--template`, `--method all`, `--input`).
    static func plan(_ arguments: [String]) throws -> Plan? {
        let words = arguments.prefix { !$0.hasPrefix("-") }.joined(separator: " ")
        guard
            let leaf = Trialsize.designLeaves.filter({ words == $0.name || words.hasPrefix($0.name + " ") })
                .max(by: { $0.name.count < $1.name.count })
        else { return nil }
        let catalog = leaf.command.parameters
        // Each option's value: (key, the value, where it is: the token index and whether it is `--key=value`).
        var options: [(key: String, value: String, index: Int, joined: Bool)] = []
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            if token == "--" { break }
            if token.hasPrefix("--"), token.count > 2 {
                let body = token.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    options.append((String(body[..<equals]), String(body[body.index(after: equals)...]), index, true))
                } else if index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") {
                    options.append((String(body), arguments[index + 1], index + 1, false))
                    index += 1
                }
            }
            index += 1
        }
        var varied: [(parameter: Parameter, values: [String], index: Int, joined: Bool)] = []
        for option in options where option.value.contains(",") {
            guard let parameter = catalog[option.key] else { continue }
            switch parameter.allowed {
            case .real, .integer: break
            default: continue
            }
            let values = option.value.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            for value in values { try check(value, of: parameter, list: option.value) }
            guard Set(values).count == values.count else {
                throw DesignError(parameter: parameter.key, requirement: "a list of different values", value: option.value)
            }
            varied.append((parameter, values, option.index, option.joined))
        }
        guard !varied.isEmpty else { return nil }

        let flags = Set(arguments)
        for flag in ["justify", "template", "input"]
        where flags.contains("--" + flag) || arguments.contains(where: { $0.hasPrefix("--\(flag)=") }) {
            throw DesignError(
                parameter: flag,
                requirement: flag == "input"
                    ? "left out with a list of values (a grid answers one question at many inputs)"
                    : "left out with a list of values (a paragraph states one design; give single values)", value: "")
        }
        if let method = options.first(where: { $0.key == "method" }), method.value == "all" {
            throw DesignError(
                parameter: "method", requirement: "one method with a list of values (the grid tabulates one answer per row)", value: "all")
        }
        let count = varied.reduce(1) { $0 * $1.values.count }
        guard count <= maximumPoints else {
            throw DesignError(
                parameter: varied[0].parameter.key,
                requirement: "part of a grid of at most \(maximumPoints) points (these lists make \(count))",
                value: varied.map { "--\($0.parameter.key) \($0.values.joined(separator: ","))" }.joined(separator: " "))
        }

        // Every combination, the first list changing slowest.
        var combinations: [[String]] = [[]]
        for item in varied {
            combinations = combinations.flatMap { prefix in item.values.map { prefix + [$0] } }
        }
        let gridIndices = Set(
            options.filter { gridOptions.contains($0.key) }.flatMap { $0.joined ? [$0.index] : [$0.index - 1, $0.index] })
        let points = combinations.map { values -> (values: [String], arguments: [String]) in
            var point = arguments
            for (item, value) in zip(varied, values) {
                point[item.index] = item.joined ? "--\(item.parameter.key)=\(value)" : value
            }
            return (values, point.enumerated().filter { !gridIndices.contains($0.offset) }.map(\.element))
        }
        return Plan(
            command: leaf.name,
            varied: varied.map { .init($0.parameter, values: $0.values) },
            points: points,
            format: FormatWords.value(in: arguments) ?? "text",
            plotPath: options.last { $0.key == "plot" }?.value,
            reportPath: options.last { $0.key == "report" }?.value,
            commandLine: (["trialsize"] + arguments.enumerated().filter { !gridIndices.contains($0.offset) }.map(\.element))
                .map(ShellQuote.quote).joined(separator: " "),
            given: Set(options.compactMap { catalog[$0.key]?.jsonKey }))
    }

    /// Refuses a list value that is not a number of the parameter's kind or is outside its range.
    static func check(_ value: String, of parameter: Parameter, list: String) throws {
        guard !value.isEmpty else {
            throw DesignError(
                parameter: parameter.key, requirement: "a list of numbers separated by commas, with no empty item", value: list)
        }
        if case .integer = parameter.allowed {
            guard let number = Int(value) else {
                throw DesignError(parameter: parameter.key, requirement: "a list of whole numbers", value: list)
            }
            try parameter.validate(Double(number))
        } else {
            guard let number = Double(value), number.isFinite else {
                throw DesignError(
                    parameter: parameter.key, requirement: "a list of numbers separated by commas (use a decimal point)", value: list)
            }
            try parameter.validate(number)
        }
    }

    /// Runs every point of `plan` and writes the grid in the format asked for.
    static func run(_ plan: Plan, into output: inout Output) throws {
        guard ["text", "json", "markdown", "latex", "csv", "docx"].contains(plan.format) else {
            throw DesignError(parameter: "format", requirement: "text, json, markdown, latex, csv or docx", value: plan.format)
        }
        if let plotPath = plan.plotPath {
            try ReportOptions.checkOutput(plotPath, option: "plot", extensions: ReportOptions.plotExtensions)
        }
        if let reportPath = plan.reportPath {
            try ReportOptions.checkOutput(reportPath, option: "report", extensions: ReportOptions.reportExtensions)
        }
        let share = WorkBudget.defaultSeconds / Double(plan.points.count)
        var points: [SensitivityGridReport.Point] = []
        for point in plan.points {
            let report = try WorkBudget.$current.withValue(share) {
                try answer(point.arguments, at: point.values, in: plan)
            }
            points.append(try SensitivityGridReport.Point(values: point.values, report: report))
        }
        let grid = SensitivityGridReport(
            command: plan.command, commandLine: plan.commandLine, varied: plan.varied, points: points,
            example: (["trialsize"] + plan.points[0].arguments).map(ShellQuote.quote).joined(separator: " "), given: plan.given)
        let document = try grid.document()
        output.warn(document.warnings)
        switch plan.format {
        case "json": output.write(try grid.render(.json))
        case "csv": output.write(try csv(grid))
        case "docx": try output.writeWord(try grid.wordDocument(generator: "trialsize \(Trialsize.version)").data())
        case "markdown": output.write(document.render(.markdown))
        case "latex": output.write(document.render(.latex))
        default: output.write(document.render(.text))
        }
        if let plotPath = plan.plotPath {
            guard let figure = try grid.figures().first else {
                throw DesignError(
                    parameter: "plot",
                    requirement: "left out for this grid (its first list is not numeric or its answers have no number to plot)",
                    value: plotPath)
            }
            try ReportOptions.write(try figure.svg(), to: plotPath, option: "plot")
        }
        if let reportPath = plan.reportPath {
            let generator = "trialsize \(Trialsize.version)"
            if URL(fileURLWithPath: reportPath).pathExtension.lowercased() == "docx" {
                try ReportOptions.write(try grid.wordDocument(generator: generator).data(), to: reportPath, option: "report")
            } else {
                try ReportOptions.write(try grid.page(generator: generator).render(), to: reportPath, option: "report")
            }
        }
    }

    /// One point's report, through the command's own parser and checks; a refusal names the point.
    static func answer(_ arguments: [String], at values: [String], in plan: Plan) throws -> any Reporting {
        do {
            guard let report = try CommandLineRun.capturedReport(arguments) else {
                throw DesignError(
                    parameter: plan.varied[0].key,
                    requirement: "a single value in this mode of `\(plan.command)` (it prints no single answer to tabulate)",
                    value: plan.varied[0].values.joined(separator: ","))
            }
            return report
        } catch let error as DesignError where error.kind == .invalidInput {
            let place =
                " (at the grid point " + zip(plan.varied, values).map { "--\($0.key) \($1)" }.joined(separator: ", ")
                + (error.requirement.contains("work budget")
                    ? "; the \(plan.points.count) points share the \(WorkBudget.describe(WorkBudget.defaultSeconds)) budget" : "")
                + ")"
            throw error.value.isEmpty
                ? DesignError(parameter: error.parameter, requirement: error.requirement + place, value: "")
                : DesignError(parameter: error.parameter, requirement: error.requirement, value: error.value + place)
        }
    }

    /// The grid as CSV: a header of keys (the varied inputs' and the outputs' JSON keys), then
    /// one line per point with the numbers as JSON writes them (full precision).
    static func csv(_ grid: SensitivityGridReport) throws -> String {
        let columns = grid.columns
        var lines = [(grid.varied.map(\.parameter.jsonKey) + columns.map(\.path)).joined(separator: ",")]
        for point in grid.points {
            let outputs = try columns.map { column -> String in
                guard let value = point.answer[path: column.path] else { return "" }
                return String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
            }
            lines.append((point.values + outputs).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
