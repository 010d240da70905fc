import TrialDesign

/// Repeated `--truth` scenarios, parsed and checked: at most 20, each 1…20 probabilities in (0, 1), all the
/// same length. Shared by `boin simulate`, `three-plus-three`, `phase1 compare` and `crm simulate` (each design
/// then checks the length against its own levels).
enum TruthScenarios {
    static func parse(_ texts: [String]) throws -> [[Double]] {
        guard !texts.isEmpty else { throw InvalidInput(parameter: "truth", requirement: "given at least once", value: "") }
        guard texts.count <= 20 else {
            throw InvalidInput(parameter: "truth", requirement: "given at most 20 times", value: "\(texts.count) scenarios")
        }
        let scenarios = try texts.map { try ListOption.doubles($0, "truth") }
        for scenario in scenarios {
            try BOINSimulationDesign.validateTruth(scenario)
            guard scenario.count == scenarios[0].count else {
                throw InvalidInput(
                    parameter: "truth", requirement: "the same number of levels in every scenario (\(scenarios[0].count))",
                    value: "\(scenario.count) values")
            }
        }
        return scenarios
    }
}
