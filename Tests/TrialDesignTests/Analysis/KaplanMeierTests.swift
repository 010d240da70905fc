import Testing

@testable import TrialDesign

/// Kaplan-Meier quantiles, Brookmeyer-Crowley intervals and landmark survival against R's
/// survival 3.5.3 (`survfit`, `quantile.survfit`, `summary(fit, times =)`) on the data sets that
/// ship with it and on constructed edge cases (scripts/generate_km_fixtures.R).
@Suite("Kaplan-Meier against R survival")
struct KaplanMeierTests {
    /// Times are data values, so a quantile is one of them (or a midpoint of two): 1e-12 relative.
    @Test func quantilesMatchSurvfit() throws {
        let rows = try AnalysisFixtures.records("km_quantiles.csv")
        #expect(rows.count > 180)
        var fits: [String: KaplanMeier] = [:]
        for row in rows {
            let key = row["dataset"]! + row["conf_type"]! + row["conf"]!
            if fits[key] == nil {
                let sample = try AnalysisFixtures.sample("km/\(row["dataset"]!).csv")
                fits[key] = try KaplanMeier(
                    sample, conf: Double(row["conf"]!)!,
                    transform: ConfidenceTransform(rawValue: row["conf_type"]!)!)
            }
            let q = fits[key]!.quantile(Double(row["probability"]!)!)
            let label = "\(row["dataset"]!) \(row["conf_type"]!) \(row["conf"]!) q=\(row["probability"]!)"
            #expect(
                matches(q.estimate, row["estimate"], relative: 1e-12),
                "\(label) estimate \(String(describing: q.estimate)) vs \(row["estimate"]!)")
            #expect(matches(q.lower, row["lower"], relative: 1e-12), "\(label) lower \(String(describing: q.lower)) vs \(row["lower"]!)")
            #expect(matches(q.upper, row["upper"], relative: 1e-12), "\(label) upper \(String(describing: q.upper)) vs \(row["upper"]!)")
        }
    }

    /// Survival and its limits are computed as R computes them: 1e-12 relative.
    @Test func landmarksMatchSummary() throws {
        let rows = try AnalysisFixtures.records("km_landmarks.csv")
        #expect(rows.count > 300)
        for row in rows {
            let sample = try AnalysisFixtures.sample("km/\(row["dataset"]!).csv")
            let fit = try KaplanMeier(sample, conf: Double(row["conf"]!)!, transform: ConfidenceTransform(rawValue: row["conf_type"]!)!)
            let l = fit.landmark(Double(row["time"]!)!)
            let label = "\(row["dataset"]!) \(row["conf_type"]!) t=\(row["time"]!)"
            #expect(l.atRisk == Int(row["n_risk"]!)!, "\(label) at risk")
            #expect(matches(l.survival, row["survival"], relative: 1e-12), "\(label) survival")
            #expect(matches(l.lower, row["lower"], relative: 1e-12), "\(label) lower \(String(describing: l.lower)) vs \(row["lower"]!)")
            #expect(matches(l.upper, row["upper"], relative: 1e-12), "\(label) upper \(String(describing: l.upper)) vs \(row["upper"]!)")
        }
    }

    /// R's midpoint rule, by hand: six uncensored events, S = 0.5 on [3, 4), so the median is 3.5.
    @Test func midpointOfAFlatStretch() throws {
        let fit = try KaplanMeier(try SurvivalSample(times: [1, 2, 3, 4, 5, 6], events: Array(repeating: true, count: 6)))
        #expect(fit.quantile(0.5).estimate == 3.5)
        // Flat at 0.5 to the end of follow-up (7): (2 + 7)/2.
        let open = try KaplanMeier(try SurvivalSample(times: [1, 2, 5, 7], events: [true, true, false, false]))
        #expect(open.quantile(0.5).estimate == 4.5)
    }

    @Test func allCensoredIsNotReached() throws {
        let fit = try KaplanMeier(try SurvivalSample(times: [2, 3, 5], events: [false, false, false]))
        let median = fit.quantile(0.5)
        #expect(median.estimate == nil && median.lower == nil && median.upper == nil)
        #expect(fit.landmark(4).survival == 1)
    }

    @Test func badSamplesAreRefused() {
        #expect(throws: InvalidInput.self) { try SurvivalSample(times: [], events: []) }
        #expect(throws: InvalidInput.self) { try SurvivalSample(times: [1, -2], events: [true, true]) }
        #expect(throws: InvalidInput.self) { try SurvivalSample(times: [1, .nan], events: [true, true]) }
        #expect(throws: InvalidInput.self) { try SurvivalSample(times: [1, .infinity], events: [true, false]) }
    }

    /// The staggered-entry form checks its three lists before reading them (a short list once trapped).
    @Test func badEntriesAreRefused() throws {
        let short = #expect(throws: InvalidInput.self) {
            try SurvivalSample(times: [1, 2, 3], events: [true, true, false], entries: [0, 1], cutoff: 5)
        }
        #expect(short?.parameter == "input")
        #expect(throws: InvalidInput.self) {
            try SurvivalSample(times: [1, 2], events: [true], entries: [0, 1], cutoff: 5)
        }
        for bad in [-1, Double.nan, .infinity] {
            let refused = #expect(throws: InvalidInput.self) {
                try SurvivalSample(times: [1, 2], events: [true, true], entries: [0, bad], cutoff: 5)
            }
            #expect(refused?.requirement.contains("entry times") == true)
        }
        // Patient 2 entered at 3 and had the event 4 later: at cutoff 5 it is censored after 2.
        let cut = try SurvivalSample(times: [1, 4], events: [true, true], entries: [0, 3], cutoff: 5)
        #expect(cut.times == [1, 2] && cut.events == [true, false])
    }
}
