import Testing

@testable import TrialsizeCLI

@Suite("Negative option values")
struct NegativeValuesTests {
    @Test("a negative number after an option reaches validation and names the option")
    func negativeValueNamesTheOption() {
        let result = run("survival", "--control-median", "-1", "--median", "13")
        #expect(result.status == 64)
        #expect(result.errors == "trialsize: error: --control-median must be a finite number > 0, got -1\n")
        let alpha = run("survival", "--control-median", "8", "--median", "13", "--alpha", "-0.05")
        #expect(alpha.status == 64)
        #expect(alpha.errors.hasPrefix("trialsize: error: --alpha must be in [1e-10, 0.5]"))
    }

    @Test("only option–negative-number pairs are joined")
    func joining() {
        #expect(NegativeValues.joined(["--a", "-1", "--b", "2"]) == ["--a=-1", "--b", "2"])
        #expect(NegativeValues.joined(["--a", "-.5", "--c", "-inf", "--d", "-nan"]) == ["--a=-.5", "--c=-inf", "--d=-nan"])
        #expect(NegativeValues.joined(["--a", "--b", "-x", "-h", "--e=-1", "-1"]) == ["--a", "--b", "-x", "-h", "--e=-1", "-1"])
        #expect(NegativeValues.looksNegative("-1e3") && !NegativeValues.looksNegative("-") && !NegativeValues.looksNegative("-h"))
    }
}
