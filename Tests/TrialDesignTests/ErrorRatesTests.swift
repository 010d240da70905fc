import Testing

@testable import TrialDesign

@Suite("Error rates and input validation")
struct ErrorRatesTests {
    @Test("alpha and power inside their ranges are accepted")
    func acceptsOrdinaryRates() throws {
        let rates = try ErrorRates(alpha: 0.05, power: 0.8, sides: .twoSided)
        #expect(rates.tailAlpha == 0.025)
        #expect(abs(rates.beta - 0.2) < 1e-15)
    }

    @Test("alpha outside (0, 0.5] names --alpha", arguments: [0, -0.1, 0.6, 1, .nan, .infinity])
    func rejectsAlpha(alpha: Double) {
        #expect(throws: InvalidInput.self) { try ErrorRates(alpha: alpha, power: 0.8) }
        do { _ = try ErrorRates(alpha: alpha, power: 0.8) } catch { #expect(error.parameter == "alpha") }
    }

    @Test("power at or below alpha, or at 1, names --power", arguments: [0.05, 0.01, 1, .nan])
    func rejectsPower(power: Double) {
        do {
            _ = try ErrorRates(alpha: 0.05, power: power)
            Issue.record("accepted power \(power)")
        } catch {
            #expect(error.parameter == "power")
            #expect(error.description.hasPrefix("power must be in (0.05, 1)"))
        }
    }
}
