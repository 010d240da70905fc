import Foundation
import TrialDesign

/// Single-arm survival answers (`trialsize survival`): the sections Inputs, Method, Answer,
/// Simulation (when run) and Assumptions, and the warnings. `--method all` puts the methods side
/// by side in one table in the Answer section.
public struct SurvivalReport: DesignReporting {
    /// One answer per method asked (the default method first when every method is compared).
    public let answers: [SurvivalAnswer]
    /// How the question was stated (time unit, endpoint, landmark or hazard-ratio wording), echoed in the answer.
    public let presentation: SurvivalPresentation

    /// A report of `answers` (at least one), presented as `presentation` says.
    public init(answers: [SurvivalAnswer], presentation: SurvivalPresentation) {
        precondition(!answers.isEmpty, "a survival report needs an answer")
        self.answers = answers
        self.presentation = presentation
    }

    /// The shipped template, `Templates/survival.mustache`.
    public static let templateName = "survival"

    static func number(_ value: Double) -> String { NumberFormat.significant(value, 4) }
    static func power(_ value: Double) -> String { NumberFormat.fixed(value, 4) }

    /// One method's object, or `{"methods": [...]}` for `--method all` (docs/json/survival.md).
    public enum Body: Encodable {
        case single(SurvivalJSON.Method)
        case comparison(SurvivalJSON.Comparison)

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case let .single(method): try method.encode(to: encoder)
            case let .comparison(comparison): try comparison.encode(to: encoder)
            }
        }
    }

    /// The JSON answer: one method's object, or the comparison with `--method all`.
    public func jsonBody() -> Body {
        presentation.comparesMethods
            ? .comparison(SurvivalJSON.comparison(answers, presentation, justification: nil))
            : .single(SurvivalJSON.method(answers[0], presentation, justification: nil))
    }

    /// A single method's object has its own `warnings`; the comparison gets the document's.
    public var bodyCarriesWarnings: Bool { !presentation.comparesMethods }

    /// The report: inputs, method, the answer (events, patients, attained power; a table of every
    /// method with `--method all`), the simulation when run, the assumptions and the warnings.
    public func document() throws -> Document {
        let first = answers[0]
        let unit = presentation.unit
        let title =
            presentation.comparesMethods
            ? "Single-arm survival vs historical control: every method"
            : "Single-arm survival vs historical control: \(first.result.method.displayName)"
        var sections = [Self.inputs(first, presentation), Self.method(answers, presentation)]
        if presentation.comparesMethods {
            sections.append(DocumentSection("Answer", [.table(Self.methodsTable(answers))]))
        } else {
            sections.append(Self.answer(first, unit: unit))
            if first.simulation != nil || first.search != nil { sections.append(Self.simulation(first)) }
        }
        var assumptions = SurvivalNotes.assumptions(first, unit: unit)
        if presentation.comparesMethods {
            // Keep only the lines shared by every method; method-specific ones are in the table.
            assumptions = assumptions.filter { !$0.hasPrefix("rounding") && !$0.hasPrefix("analysis") && !$0.hasPrefix("exact size") }
            assumptions.append(
                "rounding: event-driven methods (exact, log-hazard, cube-root): smallest whole d meeting the target, then the smallest n expected to give d events; log-rank and Lachin–Foulkes: smallest whole n meeting the target"
            )
            assumptions.append("power: at d events for event-driven methods, at n patients for the others")
            if answers.contains(where: { $0.result.exactCharacteristics != nil }) {
                assumptions.append(
                    "exact alpha/power: every patient followed to the event, each test's rejection region under 2λT ~ χ²(2D)")
            }
        }
        sections.append(DocumentSection("Assumptions", notes: assumptions))
        var warnings = answers.flatMap(SurvivalNotes.warnings)
        if presentation.comparesMethods, let disagreement = SurvivalNotes.disagreement(answers) { warnings.insert(disagreement, at: 0) }
        var seen = Set<String>()
        warnings = warnings.filter { seen.insert($0).inserted }
        return Document(title: title, sections: sections, warnings: warnings)
    }

    /// The page adds a subtitle: the endpoint, the medians and alpha.
    public func pageDocument() throws -> Document {
        var page = try document()
        let first = answers[0].result
        let endpoint = presentation.endpoint.prefix(1).uppercased() + presentation.endpoint.dropFirst()
        page.subtitle =
            "\(endpoint): median \(Self.number(first.design.setting.controlMedian)) vs \(Self.number(first.design.median)) \(presentation.unit), \(first.design.setting.rates.sides.label) alpha \(Self.number(first.design.setting.rates.alpha))"
        return page
    }

    /// Two plots: `patients` (power against patients enrolled, one line per method, each answer marked)
    /// and `median` (power against the true median with the planned patients).
    public func figures() throws -> [Figure] {
        try SurvivalCharts.plots(answers, presentation)
    }

    /// The variables `survival.mustache` reads (docs/json/survival.md, docs/templates.md); the
    /// references are replaced by those the context cites, numbered in order of first citation.
    public func justificationContext(references: inout ReferenceList) -> [String: Any] {
        let (context, cited) = SurvivalJustification.context(answers, presentation)
        references = cited
        return context
    }

    static func inputs(_ answer: SurvivalAnswer, _ presentation: SurvivalPresentation) -> DocumentSection {
        let result = answer.result
        let design = result.design
        let setting = design.setting
        let unit = presentation.unit
        var rows: [Row] = []
        rows.append(
            Row("control median", "\(number(setting.controlMedian)) \(unit)" + (presentation.controlSource.map { " (from \($0))" } ?? "")))
        let medianLabel = result.unknown == .detectableMedian ? "detectable median" : "alternative median"
        rows.append(Row(medianLabel, "\(number(design.median)) \(unit)" + (presentation.alternativeSource.map { " (from \($0))" } ?? "")))
        rows.append(Row("hazard ratio", "\(NumberFormat.fixed(design.hazardRatio, 4)) (alternative / control hazard)"))
        if !setting.isExponential { rows.append(Row("Weibull shape", number(setting.shape))) }
        rows.append(Row("alpha", "\(number(setting.rates.alpha)) (\(setting.rates.sides.label))"))
        rows.append(Row("power", result.unknown == .power ? "to be found" : "\(number(setting.rates.power)) (target)"))
        if result.unknown != .sampleSize { rows.append(Row("patients", "\(result.patients) (given)")) }
        rows.append(Row("follow-up", SurvivalNotes.followUp(result, unit: unit)))
        rows.append(Row("loss", SurvivalNotes.loss(setting, unit: unit)))
        return DocumentSection("Inputs", rows: rows)
    }

    static func method(_ answers: [SurvivalAnswer], _ presentation: SurvivalPresentation) -> DocumentSection {
        if presentation.comparesMethods {
            return DocumentSection("Method", rows: answers.map { Row($0.result.method.rawValue, $0.result.method.testDescription) })
        }
        let result = answers[0].result
        var rows: [Row] = [["test", result.method.testDescription]]
        rows.append(
            Row(
                "solves for",
                result.unknown == .sampleSize
                    ? (result.method.isEventDriven ? "events, then patients" : "patients") : result.unknown.rawValue))
        if result.method == .exact, result.unknown == .sampleSize {
            rows.append(Row("note", "the default method: exact size and power when every patient is followed to the event"))
        }
        return DocumentSection("Method", rows: rows)
    }

    static func answer(_ answer: SurvivalAnswer, unit: String) -> DocumentSection {
        let result = answer.result
        var rows: [Row] = []
        if result.unknown == .detectableMedian {
            rows.append(
                Row(
                    "detectable median",
                    "\(number(result.design.median)) \(unit) (hazard ratio \(NumberFormat.fixed(result.design.hazardRatio, 4)))"))
        }
        if result.method.isEventDriven, result.unknown == .sampleSize {
            rows.append(Row("events", "\(result.events)" + (result.unrounded.map { " (unrounded \(NumberFormat.fixed($0, 2)))" } ?? "")))
            rows.append(Row("patients", "\(result.patients)" + " (\(number(result.expectedEvents)) expected events)"))
            rows.append(Row("attained power", "\(power(result.attainedPower)) at \(result.events) events"))
            if abs(result.powerAtPatients - result.attainedPower) > 5e-5 {
                rows.append(Row("power at \(result.patients) patients", power(result.powerAtPatients) + " (at the expected events)"))
            }
        } else {
            rows.append(
                Row("patients", "\(result.patients)" + (result.unrounded.map { " (unrounded \(NumberFormat.fixed($0, 2)))" } ?? "")))
            rows.append(Row("expected events", number(result.expectedEvents)))
            rows.append(Row("attained power", "\(power(result.attainedPower)) at \(result.patients) patients"))
        }
        rows.append(
            Row(
                "P(event observed)",
                "\(power(result.eventProbability)) per patient under the alternative"
                    + (result.design.setting.loss.retained < 1 ? ", before dropout" : "")))
        if let exact = result.exactCharacteristics {
            rows.append(Row("exact alpha", power(exact.typeIError) + " (every patient followed to the event)"))
            rows.append(Row("exact power", power(exact.power) + " at \(result.patients) patients"))
        }
        return DocumentSection("Answer", rows: rows)
    }

    static func simulation(_ answer: SurvivalAnswer) -> DocumentSection {
        var rows: [Row] = []
        let analyticAlpha = answer.result.exactCharacteristics?.typeIError ?? answer.result.design.setting.rates.alpha
        let analyticPower = answer.result.exactCharacteristics?.power ?? answer.result.powerAtPatients
        if let sim = answer.simulation {
            rows.append(Row("trials", "\(sim.trials) under H0 and \(sim.trials) under H1, seed \(sim.seed), \(sim.patients) patients each"))
            rows.append(
                Row(
                    "type I error",
                    "\(power(sim.typeIError)) (MC SE \(power(sim.typeIErrorStandardError))); analytic \(power(analyticAlpha))"))
            rows.append(Row("power", "\(power(sim.power)) (MC SE \(power(sim.powerStandardError))); analytic \(power(analyticPower))"))
        }
        if let search = answer.search {
            rows.append(
                Row(
                    "search",
                    "smallest n in 2...\(answer.searchLimit ?? 0) with simulated power ≥ \(number(answer.result.design.setting.rates.power)) (same seed at every n)"
                ))
            rows.append(
                Row(
                    "patients (simulated)",
                    "\(search.found.patients): power \(power(search.found.power)) (MC SE \(power(search.found.powerStandardError))), type I error \(power(search.found.typeIError))"
                ))
            if let below = search.below {
                rows.append(Row("at \(below.patients) patients", "power \(power(below.power)) (MC SE \(power(below.powerStandardError)))"))
            }
        }
        return DocumentSection("Simulation", rows: rows)
    }

    // MARK: the side-by-side table

    /// Every method's answer in one row.
    static func methodsTable(_ answers: [SurvivalAnswer]) -> Table {
        let simulated = answers.contains { $0.simulation != nil }
        let searched = answers.contains { $0.search != nil }
        let exact = answers.contains { $0.result.exactCharacteristics != nil }
        var headers = ["method", "events", "patients", "unrounded", "attained power", "at"]
        if exact { headers += ["exact alpha", "exact power"] }
        if simulated { headers += ["sim alpha (SE)", "sim power (SE)"] }
        if searched { headers += ["sim patients"] }
        let rows: [[String]] = answers.map { answer in
            let r = answer.result
            var row = [
                r.method.rawValue, "\(r.events)", "\(r.patients)", r.unrounded.map { NumberFormat.fixed($0, 2) } ?? "-",
                power(r.attainedPower), r.powerIsAtEvents ? "\(r.events) events" : "\(r.patients) patients",
            ]
            if exact {
                row += r.exactCharacteristics.map { [power($0.typeIError), power($0.power)] } ?? ["-", "-"]
            }
            if simulated {
                row +=
                    answer.simulation.map {
                        [
                            "\(NumberFormat.fixed($0.typeIError, 4)) (\(NumberFormat.fixed($0.typeIErrorStandardError, 4)))",
                            "\(NumberFormat.fixed($0.power, 4)) (\(NumberFormat.fixed($0.powerStandardError, 4)))",
                        ]
                    } ?? ["-", "-"]
            }
            if searched { row.append(answer.search.map { "\($0.found.patients)" } ?? "-") }
            return row
        }
        return Table(header: headers, rows: rows)
    }
}

extension SurvivalReport {
    /// The numbers a sensitivity grid tabulates (``GridOutput``).
    public var gridOutputs: [GridOutput] {
        [
            .init("patients", "Patients"), .init("events", "Events"),
        ] + (answers.first?.result.unknown == .detectableMedian ? [.init("median", "Detectable median", .value)] : []) + [
            .init("attained_power", "Attained power", .probability),
            .init("simulation.power", "Simulated power", .probability),
            .init("simulation.type_i_error", "Simulated alpha", .probability),
        ]
    }
}
