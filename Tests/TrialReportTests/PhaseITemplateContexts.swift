import TrialDesign

@testable import TrialReport

/// Representative contexts of the phase I templates (boin-*, three-plus-three), for the template-variable checks.
enum PhaseITemplateContexts {
    static func all() throws -> [(name: String, context: [String: Any])] {
        var references = ReferenceList()
        let b = try BOINBoundaries(target: 0.25)
        var contexts: [(name: String, context: [String: Any])] = []
        contexts.append(
            (
                "boin-boundaries",
                try BOINBoundariesReport(boundaries: b, cohortSize: 3, cohorts: 10)
                    .justificationContext(references: &references)
            ))
        contexts.append(
            (
                "boin-next",
                BOINNextReport(decision: try BOINDecision(boundaries: b, patients: [3, 3], dlts: [0, 1], current: 2))
                    .justificationContext(references: &references)
            ))
        contexts.append(
            (
                "boin-next",
                TITEBOINNextReport(
                    decision: try TITEBOINDecision(
                        boundaries: b, window: 28, levels: [1, 1, 1, 2, 2, 2], dlts: [0, 0, 0, 0, 1, 0], followUp: [28, 28, 28, 28, 9, 20],
                        doses: 4)
                )
                .justificationContext(references: &references)
            ))
        for (n, y) in [([3, 3, 15, 9, 0], [0, 0, 4, 4, 0]), ([3, 0], [3, 0])] {
            contexts.append(
                (
                    "boin-select",
                    BOINSelectReport(selection: try BOINSelection(boundaries: b, patients: n, dlts: y))
                        .justificationContext(references: &references)
                ))
        }
        let design = try BOINSimulationDesign(boundaries: b, truth: [0.05, 0.12, 0.25, 0.40], cohortSize: 1, cohorts: 10, start: 3)
        contexts.append(
            (
                "boin-simulate",
                DoseFindingReport(
                    design: .boin(design, trials: 100, seed: 1), target: 0.25,
                    scenarios: [try design.simulate(trials: 100, seed: 1, threads: 1)]
                )
                .justificationContext(references: &references)
            ))
        let tite = try BOINSimulationDesign(
            boundaries: b, truth: [0.05, 0.12, 0.25, 0.40], cohortSize: 3, cohorts: 10,
            tite: try TITEBOINSettings(window: 28, rate: 0.25))
        contexts.append(
            (
                "boin-simulate",
                DoseFindingReport(
                    design: .boin(tite, trials: 100, seed: 1), target: 0.25,
                    scenarios: [try tite.simulate(trials: 100, seed: 1, threads: 1)]
                )
                .justificationContext(references: &references)
            ))
        let exact = try ThreePlusThree(truth: [0.05, 0.12, 0.25, 0.40], start: 3, target: 0.25).characteristics()
        contexts.append(
            (
                "three-plus-three",
                DoseFindingReport(design: .threePlusThree(start: 3), target: 0.25, scenarios: [exact])
                    .justificationContext(references: &references)
            ))
        let comparison = try PhaseIComparison(target: 0.25, scenarios: [[0.05, 0.12, 0.25, 0.40]], patients: 9, cohortSize: 3, start: 1)
        contexts.append(
            (
                "phase1-compare",
                PhaseICompareReport(
                    comparison: comparison, results: try comparison.run(trials: 50, seed: 1, threads: 1),
                    trials: 50, seed: 1
                ).justificationContext(references: &references)
            ))
        return contexts
    }
}
