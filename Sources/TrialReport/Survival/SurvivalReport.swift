import Foundation
import TrialDesign

/// Renders single-arm survival answers: text, Markdown and LaTeX through ``Layout``, with the
/// sections Inputs, Method, Answer, Simulation (when run), Assumptions and Warnings.
/// `--method all` puts the methods side by side in one table.
public enum SurvivalReport {
    static func number(_ value: Double) -> String { NumberFormat.significant(value, 4) }
    static func power(_ value: Double) -> String { NumberFormat.fixed(value, 4) }

    public static func render(_ answers: [SurvivalAnswer], _ presentation: SurvivalPresentation, format: OutputFormat) -> String {
        guard !answers.isEmpty else { return "" }
        let (title, sections) = parts(answers, presentation)
        let body = Layout.render(title: title, sections: sections, format: format)
        return presentation.comparesMethods ? insertTable(answers, into: body, format: format) : body
    }

    /// The page and plots for `--report` and `--plot`: the text output's sections, the methods
    /// table (with `--method all`), the power plots and the justification.
    public static func document(_ answers: [SurvivalAnswer], _ presentation: SurvivalPresentation,
                                justification: Justification?) throws -> DesignReport {
        var (title, sections) = parts(answers, presentation)
        var tables: [LegacyTable] = []
        if presentation.comparesMethods {
            for index in sections.indices where sections[index].notes == [tablePlaceholder] {
                sections[index].notes = ["Every method's answer is in the table \"Methods compared\" below."]
            }
            let (headers, rows) = tableRows(answers)
            tables.append(LegacyTable("Methods compared", headers: headers, rows: rows))
        }
        let first = answers[0].result
        let subtitle = "\(presentation.endpoint.prefix(1).uppercased() + presentation.endpoint.dropFirst()): median \(number(first.design.setting.controlMedian)) vs \(number(first.design.median)) \(presentation.unit), \(first.design.setting.rates.sides.label) alpha \(number(first.design.setting.rates.alpha))"
        return DesignReport(title: title, subtitle: subtitle, sections: sections, tables: tables,
                            plots: try SurvivalCharts.plots(answers, presentation), justification: justification)
    }

    /// The title and sections of the text output (with `--method all`, the Answer section holds
    /// a placeholder where the methods table goes).
    static func parts(_ answers: [SurvivalAnswer], _ presentation: SurvivalPresentation) -> (title: String, sections: [Section]) {
        let first = answers[0]
        let unit = presentation.unit
        let title = presentation.comparesMethods
            ? "Single-arm survival vs historical control: every method"
            : "Single-arm survival vs historical control: \(first.result.method.displayName)"
        var sections = [inputs(first, presentation), method(answers, presentation)]
        if presentation.comparesMethods {
            sections.append(Section("Answer", notes: [tablePlaceholder]))
        } else {
            sections.append(answer(first, unit: unit))
            if first.simulation != nil || first.search != nil { sections.append(simulation(first)) }
        }
        var assumptions = SurvivalNotes.assumptions(first, unit: unit)
        if presentation.comparesMethods {
            // Keep only the lines shared by every method; method-specific ones are in the table.
            assumptions = assumptions.filter { !$0.hasPrefix("rounding") && !$0.hasPrefix("analysis") && !$0.hasPrefix("exact size") }
            assumptions.append("rounding: event-driven methods (exact, log-hazard, cube-root): smallest whole d meeting the target, then the smallest n expected to give d events; log-rank and Lachin–Foulkes: smallest whole n meeting the target")
            assumptions.append("power: at d events for event-driven methods, at n patients for the others")
            if answers.contains(where: { $0.result.exactCharacteristics != nil }) {
                assumptions.append("exact alpha/power: every patient followed to the event, each test's rejection region under 2λT ~ χ²(2D)")
            }
        }
        sections.append(Section("Assumptions", notes: assumptions))
        var warnings = answers.flatMap(SurvivalNotes.warnings)
        if presentation.comparesMethods, let disagreement = SurvivalNotes.disagreement(answers) { warnings.insert(disagreement, at: 0) }
        var seen = Set<String>()
        warnings = warnings.filter { seen.insert($0).inserted }
        if !warnings.isEmpty { sections.append(Section("Warnings", notes: warnings)) }
        return (title, sections)
    }

    static func inputs(_ answer: SurvivalAnswer, _ presentation: SurvivalPresentation) -> Section {
        let result = answer.result
        let design = result.design
        let setting = design.setting
        let unit = presentation.unit
        var rows: [(label: String, value: String)] = []
        rows.append(("control median", "\(number(setting.controlMedian)) \(unit)" + (presentation.controlSource.map { " (from \($0))" } ?? "")))
        let medianLabel = result.unknown == .detectableMedian ? "detectable median" : "alternative median"
        rows.append((medianLabel, "\(number(design.median)) \(unit)" + (presentation.alternativeSource.map { " (from \($0))" } ?? "")))
        rows.append(("hazard ratio", "\(NumberFormat.fixed(design.hazardRatio, 4)) (alternative / control hazard)"))
        if !setting.isExponential { rows.append(("Weibull shape", number(setting.shape))) }
        rows.append(("alpha", "\(number(setting.rates.alpha)) (\(setting.rates.sides.label))"))
        rows.append(("power", result.unknown == .power ? "to be found" : "\(number(setting.rates.power)) (target)"))
        if result.unknown != .sampleSize { rows.append(("patients", "\(result.patients) (given)")) }
        rows.append(("follow-up", SurvivalNotes.followUp(result, unit: unit)))
        rows.append(("loss", SurvivalNotes.loss(setting, unit: unit)))
        return Section("Inputs", rows: rows)
    }

    static func method(_ answers: [SurvivalAnswer], _ presentation: SurvivalPresentation) -> Section {
        if presentation.comparesMethods {
            return Section("Method", rows: answers.map { ($0.result.method.rawValue, $0.result.method.testDescription) })
        }
        let result = answers[0].result
        var rows: [(label: String, value: String)] = [("test", result.method.testDescription)]
        rows.append(("solves for", result.unknown == .sampleSize
                        ? (result.method.isEventDriven ? "events, then patients" : "patients") : result.unknown.rawValue))
        if result.method == .exact, result.unknown == .sampleSize {
            rows.append(("note", "the default method: exact size and power when every patient is followed to the event"))
        }
        return Section("Method", rows: rows)
    }

    static func answer(_ answer: SurvivalAnswer, unit: String) -> Section {
        let result = answer.result
        var rows: [(label: String, value: String)] = []
        if result.unknown == .detectableMedian {
            rows.append(("detectable median", "\(number(result.design.median)) \(unit) (hazard ratio \(NumberFormat.fixed(result.design.hazardRatio, 4)))"))
        }
        if result.method.isEventDriven, result.unknown == .sampleSize {
            rows.append(("events", "\(result.events)" + (result.unrounded.map { " (unrounded \(NumberFormat.fixed($0, 2)))" } ?? "")))
            rows.append(("patients", "\(result.patients)" + " (\(number(result.expectedEvents)) expected events)"))
            rows.append(("attained power", "\(power(result.attainedPower)) at \(result.events) events"))
            if abs(result.powerAtPatients - result.attainedPower) > 5e-5 {
                rows.append(("power at \(result.patients) patients", power(result.powerAtPatients) + " (at the expected events)"))
            }
        } else {
            rows.append(("patients", "\(result.patients)" + (result.unrounded.map { " (unrounded \(NumberFormat.fixed($0, 2)))" } ?? "")))
            rows.append(("expected events", number(result.expectedEvents)))
            rows.append(("attained power", "\(power(result.attainedPower)) at \(result.patients) patients"))
        }
        rows.append(("P(event observed)", "\(power(result.eventProbability)) per patient under the alternative" + (result.design.setting.loss.retained < 1 ? ", before dropout" : "")))
        if let exact = result.exactCharacteristics {
            rows.append(("exact alpha", power(exact.typeIError) + " (every patient followed to the event)"))
            rows.append(("exact power", power(exact.power) + " at \(result.patients) patients"))
        }
        return Section("Answer", rows: rows)
    }

    static func simulation(_ answer: SurvivalAnswer) -> Section {
        var rows: [(label: String, value: String)] = []
        let analyticAlpha = answer.result.exactCharacteristics?.typeIError ?? answer.result.design.setting.rates.alpha
        let analyticPower = answer.result.exactCharacteristics?.power ?? answer.result.powerAtPatients
        if let sim = answer.simulation {
            rows.append(("trials", "\(sim.trials) under H0 and \(sim.trials) under H1, seed \(sim.seed), \(sim.patients) patients each"))
            rows.append(("type I error", "\(power(sim.typeIError)) (MC SE \(power(sim.typeIErrorStandardError))); analytic \(power(analyticAlpha))"))
            rows.append(("power", "\(power(sim.power)) (MC SE \(power(sim.powerStandardError))); analytic \(power(analyticPower))"))
        }
        if let search = answer.search {
            rows.append(("search", "smallest n in 2...\(answer.searchLimit ?? 0) with simulated power >= \(number(answer.result.design.setting.rates.power)) (same seed at every n)"))
            rows.append(("patients (simulated)", "\(search.found.patients): power \(power(search.found.power)) (MC SE \(power(search.found.powerStandardError))), type I error \(power(search.found.typeIError))"))
            if let below = search.below {
                rows.append(("at \(below.patients) patients", "power \(power(below.power)) (MC SE \(power(below.powerStandardError)))"))
            }
        }
        return Section("Simulation", rows: rows)
    }

    // MARK: the side-by-side table

    static let tablePlaceholder = "@@SURVIVAL-TABLE@@"

    static func tableRows(_ answers: [SurvivalAnswer]) -> (headers: [String], rows: [[String]]) {
        let simulated = answers.contains { $0.simulation != nil }
        let searched = answers.contains { $0.search != nil }
        let exact = answers.contains { $0.result.exactCharacteristics != nil }
        var headers = ["method", "events", "patients", "unrounded", "attained power", "at"]
        if exact { headers += ["exact alpha", "exact power"] }
        if simulated { headers += ["sim alpha (SE)", "sim power (SE)"] }
        if searched { headers += ["sim patients"] }
        let rows: [[String]] = answers.map { answer in
            let r = answer.result
            var row = [r.method.rawValue, "\(r.events)", "\(r.patients)", r.unrounded.map { NumberFormat.fixed($0, 2) } ?? "-",
                       power(r.attainedPower), r.powerIsAtEvents ? "\(r.events) events" : "\(r.patients) patients"]
            if exact {
                row += r.exactCharacteristics.map { [power($0.typeIError), power($0.power)] } ?? ["-", "-"]
            }
            if simulated {
                row += answer.simulation.map {
                    ["\(NumberFormat.fixed($0.typeIError, 4)) (\(NumberFormat.fixed($0.typeIErrorStandardError, 4)))",
                     "\(NumberFormat.fixed($0.power, 4)) (\(NumberFormat.fixed($0.powerStandardError, 4)))"]
                } ?? ["-", "-"]
            }
            if searched { row.append(answer.search.map { "\($0.found.patients)" } ?? "-") }
            return row
        }
        return (headers, rows)
    }

    static func insertTable(_ answers: [SurvivalAnswer], into body: String, format: OutputFormat) -> String {
        let (headers, rows) = tableRows(answers)
        switch format {
        case .markdown:
            return body.replacingOccurrences(of: "- " + tablePlaceholder + "\n", with: Layout.table(headers: headers, rows: rows, markdown: true))
        case .latex:
            let columns = String(repeating: "r", count: headers.count)
            var table = "\\begin{tabular}{l\(columns.dropFirst())}\n" + headers.map(LaTeX.escape).joined(separator: " & ") + " \\\\\n\\hline\n"
            for row in rows { table += row.map(LaTeX.escape).joined(separator: " & ") + " \\\\\n" }
            table += "\\end{tabular}\n"
            return body.replacingOccurrences(of: "\\begin{itemize}\n\\item " + LaTeX.escape(tablePlaceholder) + "\n\\end{itemize}\n", with: table)
        case .text, .json:
            let text = Layout.table(headers: headers, rows: rows)
            let indented = text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
            return body.replacingOccurrences(of: "  " + tablePlaceholder + "\n", with: indented)
        }
    }
}
