import ArgumentParser
import TrialDesign
import TrialReport

/// `trialsize analyze survival`: Kaplan-Meier and the tests against the historical control.
struct AnalyzeSurvivalCommand: DesignCommand {
    static let parameters = AnalysisParameters.survival
    static let configuration = CommandConfiguration(
        commandName: "survival",
        abstract:
            "Kaplan-Meier median with its Brookmeyer-Crowley interval, landmark survival, and the exact and log-rank tests against a historical control.",
        discussion: """
            FILE is CSV with a header line; by default the columns 'time' (follow-up, >= 0, in --unit) \
            and 'event' (1 = progression or death, 0 = censored). - reads standard input. At most \
            10000000 patients and 4096 bytes a line.
            The default --conf-type is log, as in R's survival package, so the interval matches survfit's; \
            log-log (SAS's default, many oncology reports) keeps the limits inside [0, 1] and is better \
            behaved in small samples.
            Example:
              trialsize analyze survival --input pfs.csv --control-median 8 --at 12,24 \\
                --plot km.svg
            """)

    @Option(help: ArgumentHelp(AnalysisParameters.survival, "input"))
    var input: String

    @Option(help: ArgumentHelp(AnalysisParameters.survival, "time-column"))
    var timeColumn = "time"
    @Option(help: ArgumentHelp(AnalysisParameters.survival, "event-column"))
    var eventColumn = "event"
    @Option(help: ArgumentHelp(AnalysisParameters.survival, "entry-column"))
    var entryColumn: String?
    @Option(help: ArgumentHelp(AnalysisParameters.survival, "cutoff"))
    var cutoff: Double?

    @Option(help: ArgumentHelp(AnalysisParameters.survival, "control-median"))
    var controlMedian: Double?
    @Option(help: ArgumentHelp(AnalysisParameters.survival, "control-survival"))
    var controlSurvival: Double?
    @Option(help: ArgumentHelp(AnalysisParameters.survival, "control-time"))
    var controlTime: Double?
    @Option(help: ArgumentHelp(AnalysisParameters.survival, "shape"))
    var shape: Double = 1
    @Option(help: "Time unit of the data and every time option: days, weeks, months or years.")
    var unit: TimeUnit = .weeks
    @Option(help: ArgumentHelp(AnalysisParameters.survival, "endpoint"))
    var endpoint = "PFS"

    @Option(help: ArgumentHelp(AnalysisParameters.survival, "conf"))
    var conf: Double = 0.95
    @Option(help: ArgumentHelp(AnalysisParameters.survival, "conf-type"))
    var confType: ConfidenceTransform = .log
    @Option(help: ArgumentHelp(AnalysisParameters.survival, "quantile"))
    var quantile: String?
    @Option(help: ArgumentHelp(AnalysisParameters.survival, "at"))
    var at: String?
    @Option(help: ArgumentHelp(AnalysisParameters.survival, "alpha"))
    var alpha: Double = 0.05

    @OptionGroup var format: FormatOptions
    @OptionGroup var reportOptions: ReportOptions

    func answer(into output: inout Output) throws {
        let request = try reportOptions.validated()
        let control: ControlReference
        switch (controlMedian, controlSurvival) {
        case (let median?, nil):
            guard controlTime == nil else {
                throw InvalidInput(parameter: "control-time", requirement: "used only with --control-survival", value: "")
            }
            control = try ControlReference(median: median, shape: shape)
        case (nil, let survival?):
            guard let controlTime else {
                throw InvalidInput(parameter: "control-time", requirement: "given with --control-survival", value: "")
            }
            control = try ControlReference(survival: survival, at: controlTime, shape: shape)
        case (nil, nil):
            throw InvalidInput(parameter: "control-median", requirement: "given (or --control-survival with --control-time)", value: "")
        case (.some, .some):
            throw InvalidInput(parameter: "control-survival", requirement: "left out with --control-median", value: "")
        }
        guard (entryColumn == nil) == (cutoff == nil) else {
            throw InvalidInput(
                parameter: cutoff == nil ? "cutoff" : "entry-column",
                requirement: "given together with --\(cutoff == nil ? "entry-column" : "cutoff")", value: "")
        }
        if let cutoff { try Validate.positive(cutoff, "cutoff") }
        let quantiles = try quantile.map { text throws(InvalidInput) in try ListOption.doubles(text, "quantile") } ?? []
        let landmarks = try at.map { text throws(InvalidInput) in try ListOption.doubles(text, "at") } ?? []
        // Validate the cheap options before reading the file.
        _ = try SurvivalAnalysis(
            sample: try SurvivalSample(times: [1], events: [true]), control: control, conf: conf,
            transform: confType, quantiles: quantiles, landmarks: landmarks, alpha: alpha)

        let rows = try SurvivalCSV(timeColumn: timeColumn, eventColumn: eventColumn, entryColumn: entryColumn).read(
            path: input, upload: output.upload)
        let sample: SurvivalSample
        if let cutoff {
            sample = try SurvivalSample(times: rows.times, events: rows.events, entries: rows.entries, cutoff: cutoff)
        } else {
            sample = try SurvivalSample(times: rows.times, events: rows.events)
        }
        let analysis = try SurvivalAnalysis(
            sample: sample, control: control, conf: conf, transform: confType,
            quantiles: quantiles, landmarks: landmarks, alpha: alpha)
        let result = try analysis.analyze()
        let data = SurvivalDataDescription(
            source: input == "-" ? output.upload?.name ?? input : input, unit: unit.rawValue, timeColumn: timeColumn,
            eventColumn: eventColumn,
            cutoff: cutoff.map {
                "follow-up cut at calendar time \(NumberFormat.significant($0, 6)) \(unit.rawValue) (entry column '\(entryColumn ?? "")'); \(rows.times.count - sample.count) patients entered later"
            },
            endpoint: endpoint)
        try request.write(SurvivalAnalysisReport(analysis, result, data: data), formatting: format, into: &output)
    }
}

extension ConfidenceTransform: ExpressibleByArgument {}
