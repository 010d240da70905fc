import Testing

@testable import TrialDesign

@Suite("Response-rate inference")
struct ResponseInferenceTests {
    /// clinfun 1.1.5 twostage.inference on six Simon designs (Simon 1989 Table 1 rows and others),
    /// every outcome (simon_inference.csv):
    /// * UMVUE: 1e-12 relative; p-value: 1e-12 relative against the same sum of upper tails in R,
    ///   and 2e-15 absolute against clinfun's (which computes 1 - pbinom and so loses tiny p-values);
    /// * lower limit: clinfun reports the first point of its 1e-4 grid with P(T >= t) > alpha, so
    ///   ours lies within 1e-4 below it; and 1e-9 from R's uniroot of the same equation;
    /// * upper limit: 1e-9 from R's uniroot of P(T <= t) = alpha. clinfun's own upper limit solves
    ///   P(T >= t) >= 1 - alpha instead, which is our limit for the previous outcome in the
    ///   ordering (docs/methods/simon-inference.md, Conventions): checked within its grid.
    @Test func matchesClinfun() throws {
        let rows = try AnalysisFixtures.records("simon_inference.csv")
        #expect(rows.count == 235)
        var previous: (key: String, upper: Double)?
        for row in rows {
            let design = try SimonDesign(r1: Int(row["r1"]!)!, n1: Int(row["n1"]!)!, r: Int(row["r"]!)!, n: Int(row["n"]!)!)
            let x = Int(row["x"]!)!
            let result = try SimonInference(design: design, p0: Double(row["p0"]!)!, responses: x).infer()
            let label = "\(design) x=\(x)"
            #expect(matches(result.umvue, row["umvue"], relative: 1e-12), "\(label) umvue")
            #expect(matches(result.pValue, row["p_value_tail"], relative: 1e-12), "\(label) p")
            #expect(abs(result.pValue - Double(row["p_value"]!)!) < 2e-15, "\(label) p against clinfun's 1 - pbinom")
            let lcl = Double(row["clinfun_lcl"]!)!
            #expect(result.lower <= lcl + 1e-12 && result.lower > lcl - 1e-4 - 1e-12, "\(label) lower \(result.lower) vs clinfun \(lcl)")
            #expect(matches(result.lower, row["lower_root"], relative: 1e-9), "\(label) lower root")
            #expect(matches(result.upper, row["upper_root"], relative: 1e-9), "\(label) upper \(result.upper) vs \(row["upper_root"]!)")
            let key = "\(design)"
            if let previous, previous.key == key {
                let ucl = Double(row["clinfun_ucl"]!)!
                #expect(
                    abs(previous.upper - ucl) <= 1e-4 + 1e-12,
                    "\(label): clinfun's UCL \(ucl) is our upper limit one outcome earlier, \(previous.upper)")
            }
            previous = (key, result.upper)
        }
    }

    /// A stopped trial's interval is the one-sided Clopper-Pearson pair for x of n1
    /// (the second stage never happened): 1e-10 against ClopperPearson.
    @Test func stoppedTrialIsClopperPearson() throws {
        let design = try SimonDesign(r1: 3, n1: 17, r: 10, n: 37)
        let result = try SimonInference(design: design, p0: 0.2, responses: 2).infer()
        #expect(abs(result.lower - (try ClopperPearson.lower(2, 17, tailProbability: 0.05))) < 1e-10)
        #expect(abs(result.upper - (try ClopperPearson.upper(2, 17, tailProbability: 0.05))) < 1e-10)
        #expect(result.umvue == 2.0 / 17 && result.stopped)
    }

    @Test func responsesBeyondTheDesignAreRefused() throws {
        let design = try SimonDesign(r1: 1, n1: 10, r: 5, n: 29)
        #expect(throws: InvalidInput.self) { try SimonInference(design: design, p0: 0.1, responses: 30) }
        #expect(throws: InvalidInput.self) { try SimonInference(design: design, p0: 0.1, responses: 1, stage1Responses: 0) }
        #expect(throws: InvalidInput.self) { try SimonInference(design: design, p0: 0.1, responses: 7, stage1Responses: 1) }
        #expect(throws: InvalidInput.self) { try SimonInference(design: design, p0: 0.1, responses: 25, stage1Responses: 2) }
        #expect(throws: InvalidInput.self) { try SimonInference(design: design, p0: 0.1, responses: 7, attained: (1, 29)) }
        // Over-accrual: 31 patients instead of 29 is analysed at 31.
        let over = try SimonInference(design: design, p0: 0.1, responses: 7, attained: (10, 31)).infer()
        let planned = try SimonInference(design: design, p0: 0.1, responses: 7).infer()
        #expect(over.pValue > planned.pValue)
        #expect(over.attainedR != nil && over.attainedAlpha <= 0.05)
    }

    /// The exact binomial p-value and Clopper-Pearson interval against scipy 1.17 (binomial_analysis.csv), 1e-10.
    @Test func binomialMatchesScipy() throws {
        for row in try AnalysisFixtures.records("binomial_analysis.csv") {
            let result = try BinomialInference(
                successes: Int(row["x"]!)!, trials: Int(row["n"]!)!, p0: Double(row["p0"]!)!,
                conf: Double(row["conf"]!)!
            ).infer()
            #expect(matches(result.pValue, row["p_value"], relative: 1e-10), "\(row)")
            #expect(matches(result.lower, row["lower"], relative: 1e-10), "\(row)")
            #expect(matches(result.upper, row["upper"], relative: 1e-10), "\(row)")
        }
    }

    /// A'Hern (2001) via published-cases.md: p0 0.2, n 35 rejects at >= 12 (alpha 0.0344); n 38 at >= 13 (0.0288).
    @Test func singleStageRuleAtTheAttainedN() throws {
        let at35 = try BinomialInference(successes: 12, trials: 35, p0: 0.2).infer()
        #expect(at35.r == 12 && abs((at35.attainedAlpha ?? 0) - 0.0344) < 5e-5 && at35.rejects)
        let at38 = try BinomialInference(successes: 12, trials: 38, p0: 0.2, plannedN: 35).infer()
        #expect(at38.r == 13 && at38.plannedR == 12 && abs((at38.attainedAlpha ?? 0) - 0.0288) < 5e-5 && !at38.rejects)
    }
}
