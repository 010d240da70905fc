import Foundation
import TrialDesign

/// A sensitivity grid: one design question answered at every combination of a few inputs given
/// as lists (`--power 0.8,0.85,0.9 --median 12,13,14`), as one table, one plot and one JSON
/// object, the way PASS and nQuery present a range of assumptions.
///
/// The grid computes nothing: each point is the report the command gives for that point's
/// inputs alone (its own checks, method and warnings), and the grid reads each report's
/// declared outputs (``Reporting/gridOutputs``) from its JSON body. What every point's report
/// states alike (the inputs held fixed, the method and the assumptions) is stated once; what
/// differs is in the table, and every warning is kept, prefixed by its point.
public struct SensitivityGridReport: Sendable {
    /// An input given as a list.
    public struct Varied: Sendable, Equatable {
        /// The input's declaration: its key (`median`), label ("Alternative median") and unit.
        public let parameter: Parameter
        /// The values as the user typed them, in their order.
        public let values: [String]

        /// The input `parameter` given as the list `values`.
        public init(_ parameter: Parameter, values: [String]) {
            self.parameter = parameter
            self.values = values
        }

        /// The input's command-line key: `median`, `control-median`.
        public var key: String { parameter.key }
        /// The input's label, for the table's header and the plot's axis: "Alternative median".
        public var label: String { parameter.label }
    }

    /// One combination of the varied inputs and its answer.
    public struct Point: Sendable {
        /// One value per varied input, as typed.
        public let values: [String]
        /// The answer's document (its sections, warnings) and its JSON body.
        public let document: Document
        /// The JSON body the command alone prints for this point (its `warnings` included), read back
        /// as a value so that the grid can pick its outputs and carry it whole.
        public let answer: JSONValue
        /// The answer's declared outputs.
        public let outputs: [GridOutput]

        /// Reads `report`'s document and JSON body.
        public init(values: [String], report: any Reporting) throws {
            self.values = values
            document = try report.document()
            answer = try JSONDecoder().decode(JSONValue.self, from: Data(try report.render(.json).utf8))
            outputs = report.gridOutputs
        }
    }

    /// The command's name: `survival`, `two-arm binomial`.
    public let command: String
    /// The command line as typed, lists included, without the options that choose only the
    /// output (`--format`, `--plot`, `--report`); shown under the title.
    public let commandLine: String
    /// The inputs given as lists, in the order the user gave them; the first is the plot's x axis.
    public let varied: [Varied]
    /// Every combination, the first varied input changing slowest.
    public let points: [Point]
    /// One row's command line, to run for that row's full report.
    public let example: String
    /// The JSON keys of every input the user gave (`control_median`, `power`): an output with
    /// the same key only repeats an input (`median` when it is given rather than solved for), so
    /// it is not a column.
    public let given: Set<String>

    /// A grid over `points`, already answered; `given` holds the JSON keys of the inputs the user
    /// gave, so that no output column repeats one.
    public init(command: String, commandLine: String, varied: [Varied], points: [Point], example: String, given: Set<String> = []) {
        self.command = command
        self.commandLine = commandLine
        self.varied = varied
        self.points = points
        self.example = example
        self.given = given
    }

    /// The output columns: every declared output that at least one answer has, in the order
    /// the reports declare them, except those that repeat an input given (``given``).
    public var columns: [GridOutput] {
        var seen = given, columns: [GridOutput] = []
        for point in points {
            for output in point.outputs where !seen.contains(output.path) && point.answer[path: output.path]?.number != nil {
                seen.insert(output.path)
                columns.append(output)
            }
        }
        return columns
    }

    /// The unit of a varied input as the answers state it: a time in the answers' `unit`
    /// ("weeks"); nil for a proportion or a count.
    func unit(of input: Varied) -> String? {
        guard input.parameter.unit == "time unit", case .string(let unit)? = points.first?.answer[path: "unit"] else { return nil }
        return unit
    }

    /// "Alternative median (weeks)": a varied input's column header.
    func header(_ input: Varied) -> String {
        unit(of: input).map { "\(input.label) (\($0))" } ?? input.label
    }

    /// "median 12, power 0.8": a point's varied inputs as a short label.
    public func label(_ point: Point) -> String {
        zip(varied, point.values).map { "\($0.key) \($1)" }.joined(separator: ", ")
    }
}

extension SensitivityGridReport: Reporting {
    /// A grid has no columns of its own.
    public var gridOutputs: [GridOutput] { [] }

    /// The grid as a document: the command and the varied inputs, the table of answers (one row per
    /// point), the inputs, method and assumptions every point shares, every warning, and the plot.
    public func document() throws -> Document {
        let columns = self.columns
        let table = Table(
            header: varied.map(header) + columns.map(\.label),
            rows: points.map { point in
                point.values + columns.map { column in point.answer[path: column.path]?.number.map(column.format) ?? "-" }
            },
            footnotes: columns.isEmpty
                ? []
                : ["- : not part of that row's answer"].filter { _ in
                    points.contains { point in columns.contains { point.answer[path: $0.path]?.number == nil } }
                },
            alignment: Array(repeating: .right, count: varied.count + columns.count))
        let first = points.first?.document
        var sections = [
            DocumentSection(
                "Grid",
                rows: [
                    Row("command", commandLine),
                    Row(
                        "varied",
                        varied.map { "\($0.label.lowercased()) (\($0.values.joined(separator: ", ")))" }
                            .joined(separator: " × ")),
                    Row("answers", "\(points.count), one per row, each computed exactly as that row's command alone"),
                ]),
            DocumentSection("Answers", [.table(table)]),
        ]
        for title in ["Inputs", "Method", "Assumptions"] {
            if let section = common(title) {
                sections.append(section)
            }
        }
        sections.append(
            DocumentSection(
                "Notes",
                [
                    .notes([
                        "Inputs, method and assumptions above are those every row shares; what differs between rows is in the table.",
                        "For one row's full report (its assumptions, attained alpha and power, warnings and paragraph), run it alone: \(example)",
                    ])
                ]))
        let figures = try self.figures()
        return Document(
            title: "Sensitivity grid: " + (first?.title ?? command), subtitle: subtitle(columns),
            sections: sections, warnings: warnings(), appendix: figures.isEmpty ? [] : [DocumentSection("Plot", figures.map(Block.figure))])
    }

    /// "Patients, events and attained power by alternative median and power".
    func subtitle(_ columns: [GridOutput]) -> String {
        // "Attained power" reads "attained power" mid-sentence; "P(correct selection)" stays.
        let outputs = columns.map(\.label).map { label in
            label.dropFirst().first?.isLowercase == true ? label.prefix(1).lowercased() + label.dropFirst() : label
        }
        let list =
            outputs.count <= 2
            ? outputs.joined(separator: " and ")
            : outputs.dropLast().joined(separator: ", ") + " and " + outputs.last!
        let inputs = varied.map { $0.label.lowercased() }.joined(separator: " and ")
        let subject = list.isEmpty ? "The answer" : list.prefix(1).uppercased() + list.dropFirst()
        return "\(subject) by \(inputs)"
    }

    /// The rows and notes of the section titled `title` that every point's document has alike,
    /// the varied inputs' own rows left out.
    func common(_ title: String) -> DocumentSection? {
        let sections = points.map { $0.document.sections.first { $0.title == title } }
        guard let first = sections.first ?? nil, sections.allSatisfy({ $0 != nil }) else { return nil }
        var rows: [Row] = [], notes: [String] = []
        for block in first.blocks {
            switch block {
            case .rows(let candidates):
                rows += candidates.filter { row in sections.allSatisfy { $0!.rows.contains(row) } }
            case .notes(let candidates):
                notes += candidates.filter { note in sections.allSatisfy { $0!.notes.contains(note) } }
            default: break
            }
        }
        guard !rows.isEmpty || !notes.isEmpty else { return nil }
        return DocumentSection(title == "Inputs" ? "Inputs held fixed" : title, rows: rows, notes: notes)
    }

    /// Every point's warnings: a warning every point gives is stated once; the others are
    /// prefixed by their point's label.
    func warnings() -> [String] {
        var result: [String] = []
        let everywhere =
            points.first.map { first in
                first.document.warnings.filter { warning in points.allSatisfy { $0.document.warnings.contains(warning) } }
            } ?? []
        result += everywhere.map { "every row: \($0)" }
        for point in points {
            for warning in point.document.warnings where !everywhere.contains(warning) {
                result.append("\(label(point)): \(warning)")
            }
        }
        return result
    }

    /// The grid's JSON: the varied inputs (numbers where they read as numbers), the output columns,
    /// and each point's inputs, outputs (`null` where the answer has none) and whole answer.
    public func jsonBody() throws -> Body {
        let columns = self.columns
        return Body(
            command: commandLine,
            varied: varied.map { Body.VariedValues(key: $0.parameter.jsonKey, values: $0.values.map(Self.jsonValue)) },
            columns: columns.map { Body.Column(key: $0.path, label: $0.label) },
            points: points.map { point in
                Body.PointBody(
                    inputs: Dictionary(uniqueKeysWithValues: zip(varied, point.values).map { ($0.parameter.jsonKey, Self.jsonValue($1)) }),
                    outputs: Dictionary(uniqueKeysWithValues: columns.map { ($0.path, point.answer[path: $0.path] ?? .null) }),
                    answer: point.answer)
            })
    }

    /// A typed value as JSON: a number when it reads as one, otherwise its text.
    static func jsonValue(_ text: String) -> JSONValue {
        Double(text).map(JSONValue.number) ?? .string(text)
    }

    /// The grid's JSON (docs/json/grid.md): the command, the varied inputs, the columns, and per
    /// point its inputs, its outputs and its whole answer as the command alone would print it.
    public struct Body: Encodable, Sendable {
        /// One varied input: its snake_case JSON key and its values in the order given.
        public struct VariedValues: Encodable, Sendable {
            let key: String
            let values: [JSONValue]
        }
        /// One output column: its path into the answers (`patients`, `optimal.n1`) and its header.
        public struct Column: Encodable, Sendable {
            let key: String
            let label: String
        }
        /// One point: the varied inputs' values, each column's value, and the whole answer.
        public struct PointBody: Encodable, Sendable {
            let inputs: [String: JSONValue]
            let outputs: [String: JSONValue]
            let answer: JSONValue
        }
        let command: String
        let varied: [VariedValues]
        let columns: [Column]
        let points: [PointBody]
    }

    /// The first output against the first varied input, one line per combination of the other
    /// varied inputs (at most eight lines); none when the first varied input is not numeric or
    /// no answer has an output.
    public func figures() throws -> [Figure] {
        guard let output = columns.first, let xInput = varied.first else { return [] }
        let xs = xInput.values.compactMap(Double.init)
        guard xs.count == xInput.values.count, Set(xs).count >= 2 else { return [] }
        // Points grouped by the values of the other varied inputs, in grid order.
        var groups: [(name: String, points: [Point])] = []
        for point in points {
            let name = zip(varied.dropFirst(), point.values.dropFirst()).map { "\($0.label.lowercased()) \($1)" }.joined(separator: ", ")
            if let index = groups.firstIndex(where: { $0.name == name }) {
                groups[index].points.append(point)
            } else {
                groups.append((name, [point]))
            }
        }
        guard groups.count <= 8 else { return [] }
        let series = groups.enumerated().compactMap { index, group -> Series? in
            let pairs = group.points.compactMap { point -> (Double, Double)? in
                guard let x = Double(point.values[0]), let y = point.answer[path: output.path]?.number else { return nil }
                return (x, y)
            }
            guard !pairs.isEmpty else { return nil }
            return Series(
                name: group.name.isEmpty ? output.label : group.name, kind: .line,
                x: pairs.map(\.0), y: pairs.map(\.1), dashed: index % 2 == 1)
        }
        guard !series.isEmpty else { return [] }
        let chart = Chart(
            title: "\(output.label) by \(xInput.label.lowercased())", subtitle: "trialsize \(command)",
            x: Axis(title: xInput.label, unit: unit(of: xInput)), y: Axis(title: output.label, integers: output.style == .count),
            series: series)
        return [
            Figure(
                chart, name: "grid",
                caption: "\(output.label) against \(xInput.label.lowercased())"
                    + (varied.count > 1
                        ? ", one line per value of " + varied.dropFirst().map { $0.label.lowercased() }.joined(separator: " and ") : "")
                    + "; each point is one row of the table.")
        ]
    }

    /// The self-contained HTML page (`--report FILE.html`).
    public func page(generator: String) throws -> HTMLReport {
        HTMLReport(try document(), generator: generator)
    }

    /// The Word document (`--report FILE.docx`).
    public func wordDocument(generator: String) throws -> WordDocument {
        WordDocument(try document(), generator: generator)
    }
}

extension DocumentSection {
    /// Every label–value row of the section.
    var rows: [Row] {
        blocks.flatMap { block -> [Row] in
            guard case .rows(let rows) = block else { return [] }
            return rows
        }
    }

    /// Every note of the section.
    var notes: [String] {
        blocks.flatMap { block -> [String] in
            guard case .notes(let notes) = block else { return [] }
            return notes
        }
    }
}
