import Foundation
import TrialDesign

/// The survival design's plots, computed from the design's forward power functions
/// (`SurvivalSetting.power(patients:median:method:)`), never from typed numbers.
public enum SurvivalCharts {
    /// Points per curve at most; patient counts are whole numbers, so a short range is drawn at every n.
    static let maximumPoints = 160

    /// Power against patients, then power against the alternative median.
    public static func plots(_ answers: [SurvivalAnswer], _ presentation: SurvivalPresentation) throws -> [Figure] {
        let primary = primaryAnswer(answers).result
        let patientsCaption =
            answers.count > 1
            ? "Power against the number of patients enrolled, for every method; each method's answer is marked, and the dashed line is the target power."
            : "Power against the number of patients enrolled (\(primary.method.rawValue) method); the answer, \(primary.patients) patients, is marked, and the dashed line is the target power."
        let medianCaption =
            "Power against the true median \(presentation.endpoint) with the planned number of patients"
            + (answers.count > 1 ? " of each method" : " (\(primary.patients))")
            + "; the planned alternative, \(SurvivalReport.number(primary.design.median)) \(presentation.unit), is marked."
        return [
            Figure(try powerAgainstPatients(answers, presentation), name: "patients", caption: patientsCaption),
            Figure(try powerAgainstMedian(answers, presentation), name: "median", caption: medianCaption),
        ]
    }

    static func primaryAnswer(_ answers: [SurvivalAnswer]) -> SurvivalAnswer {
        answers.first { $0.result.method == .default } ?? answers[0]
    }

    static func subtitle(_ result: SurvivalResult, _ presentation: SurvivalPresentation) -> String {
        let setting = result.design.setting
        var text =
            "Median \(SurvivalReport.number(setting.controlMedian)) vs \(SurvivalReport.number(result.design.median)) \(presentation.unit)"
            + (setting.isExponential ? "" : " (Weibull shape \(SurvivalReport.number(setting.shape)))")
            + ", \(setting.rates.sides.label) α = \(SurvivalReport.number(setting.rates.alpha))"
        if case let .dropout(q) = setting.loss { text += ", \(NumberFormat.percent(q, 0)) dropout" }
        if case .rate = setting.loss { text += ", exponential loss" }
        return text
    }

    /// Whole numbers from `low` to `high`, every one when few, otherwise about `maximumPoints`.
    static func grid(_ low: Int, _ high: Int) -> [Int] {
        let step = max(1, (high - low + maximumPoints - 1) / maximumPoints)
        var values = Array(stride(from: low, through: high, by: step))
        if values.last != high { values.append(high) }
        return values
    }

    /// Power against patients: one line per method, each method's answer marked.
    public static func powerAgainstPatients(_ answers: [SurvivalAnswer], _ presentation: SurvivalPresentation) throws -> Chart {
        let primary = primaryAnswer(answers).result
        let setting = primary.design.setting
        let counts = answers.map(\.result.patients)
        let low = max(SurvivalSolver.minimumPatients, Int((Double(counts.min()!) * 0.3).rounded(.down)))
        let high = max(low + 4, Int((Double(counts.max()!) * 1.8).rounded(.up)))
        let patients = grid(low, high)
        var series: [Series] = []
        var markers: [Marker] = []
        let shapes: [Marker.Shape] = [.circle, .square, .diamond, .triangle, .circle]
        for (index, answer) in answers.enumerated() {
            let r = answer.result
            let power = try patients.map { try setting.power(patients: Double($0), median: r.design.median, method: r.method) }
            series.append(
                Series(
                    name: answers.count > 1 ? r.method.rawValue : "\(r.method.rawValue) power", kind: .line,
                    x: patients.map(Double.init), y: power, dashed: index % 2 == 1))
            // Methods with the same answer share one marker, labelled with all their names.
            if answers.count > 1, let same = markers.firstIndex(where: { $0.x == Double(r.patients) }) {
                markers[same].label = markers[same].label.replacingOccurrences(of: ": ", with: ", \(r.method.rawValue): ")
                continue
            }
            let attained = try setting.power(patients: Double(r.patients), median: r.design.median, method: r.method)
            let label =
                answers.count > 1
                ? "\(r.method.rawValue): \(r.patients)"
                : "\(r.patients) patients, power \(NumberFormat.fixed(attained, 3))"
            markers.append(Marker(x: Double(r.patients), y: attained, label: label, shape: shapes[markers.count % shapes.count]))
        }
        return Chart(
            title: "Power against patients",
            subtitle: subtitle(primary, presentation),
            x: Axis(title: "Patients enrolled", integers: true),
            y: Axis(title: "Power", range: 0...1),
            series: series, markers: markers,
            referenceLines: [ReferenceLine(y: setting.rates.power, label: "target power \(NumberFormat.fixed(setting.rates.power, 2))")])
    }

    /// Power against the true alternative median, with each method's planned patients.
    public static func powerAgainstMedian(_ answers: [SurvivalAnswer], _ presentation: SurvivalPresentation) throws -> Chart {
        let primary = primaryAnswer(answers).result
        let setting = primary.design.setting
        let control = setting.controlMedian, planned = primary.design.median
        // From just beyond the control median to twice the planned distance from it.
        let gap = planned - control
        let start = control + gap * 0.05, end = control + gap * 2
        let points = 120
        let medians = (0...points).map { start + (end - start) * Double($0) / Double(points) }
            .filter { $0 > 0 && $0 / control < SingleArmSurvival.maximumMedianRatio && control / $0 < SingleArmSurvival.maximumMedianRatio }
        var series: [Series] = []
        for (index, answer) in answers.enumerated() {
            let r = answer.result
            let power = try medians.map { try setting.power(patients: Double(r.patients), median: $0, method: r.method) }
            series.append(
                Series(
                    name: answers.count > 1 ? "\(r.method.rawValue) (\(r.patients))" : "\(r.patients) patients",
                    kind: .line, x: medians, y: power, dashed: index % 2 == 1))
        }
        let attained = try setting.power(patients: Double(primary.patients), median: planned, method: primary.method)
        return Chart(
            title: "Power against the alternative median",
            subtitle: subtitle(primary, presentation) + ", \(answers.count > 1 ? "each method's" : "\(primary.patients)") patients",
            x: Axis(title: "True median \(presentation.endpoint)", unit: presentation.unit),
            y: Axis(title: "Power", range: 0...1),
            series: series,
            markers: [
                Marker(
                    x: planned, y: attained,
                    label:
                        "\(SurvivalReport.number(planned)) \(presentation.unit), \(primary.patients) patients: power \(NumberFormat.fixed(attained, 3))"
                )
            ],
            referenceLines: [ReferenceLine(y: setting.rates.power, label: "target power \(NumberFormat.fixed(setting.rates.power, 2))")])
    }
}
