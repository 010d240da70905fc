import Testing

@testable import TrialDesign

@Suite("One-sample tests on data")
struct OneSampleTestsTests {
    /// Exact Poisson p-values and Garwood intervals against scipy 1.17 (exact_poisson.csv):
    /// 1e-10 relative (the incomplete gamma and its inversion; scipy's own accuracy is about 1e-14).
    @Test func exactPoissonMatchesScipy() throws {
        let rows = try AnalysisFixtures.records("exact_poisson.csv")
        #expect(rows.count == 270)
        for row in rows {
            let o = Int(row["observed"]!)!, e = Double(row["expected"]!)!, conf = Double(row["conf"]!)!
            let test = try OneSampleTests.exact(observed: o, expected: e, conf: conf)
            let label = "O=\(o) E=\(e) conf=\(conf)"
            #expect(
                matches(test.pValue, row["p_value"], relative: 1e-10) || abs(test.pValue - Double(row["p_value"]!)!) < 1e-300,
                "\(label) p \(test.pValue) vs \(row["p_value"]!)")
            #expect(matches(test.hazardRatioLower, row["lower"], relative: 1e-10), "\(label) lower")
            #expect(matches(test.hazardRatioUpper, row["upper"], relative: 1e-10), "\(label) upper")
        }
    }

    /// OneArm2stage vignette Example 4 (LRT(shape = 1, S0 = 0.72, x0 = 3, data = d4)):
    /// O = 18, E = 16.0611, Z = -0.4838 as printed (4 decimals), on the package's own data file.
    @Test func oneArm2stageExample4() throws {
        let sample = try AnalysisFixtures.sample("onearm2stage_d4.csv", event: "status")
        let control = try ControlReference(survival: 0.72, at: 3, shape: 1)
        let e = OneSampleTests.expectedEvents(sample, control: control)
        let test = try OneSampleTests.logRank(observed: sample.eventCount, expected: e)
        #expect(sample.count == 45 && test.observed == 18)
        #expect(abs(e - 16.0611) < 5e-5)
        #expect(abs(test.statistic - -0.4838) < 5e-5)
        // The same data against a Weibull control reached through the median: E = Σ ln2 (t/m0)^k.
        let weibull = try ControlReference(survival: 0.72, at: 3, shape: 1.5)
        let byHand = sample.times.reduce(0.0) { $0 + Double.log(2) * Double.pow($1 / weibull.median, 1.5) }
        #expect(abs(OneSampleTests.expectedEvents(sample, control: weibull) - byHand) < 1e-12 * byHand)
        #expect(abs(weibull.survival(3) - 0.72) < 1e-14)
    }
}
