import ArgumentParser
import TrialDesign

/// `--trials`, `--seed` and `--threads`: how a simulation is run, the same in every simulating command.
struct SimulationOptions: ParsableArguments {
    @Option(
        help:
            "Simulated trials (crm simulate: 10000 by default, at most 1000000; crm calibrate: 2000 per scenario and half-width by default, at most 100000)."
    )
    var trials: Int?

    @Option(help: ArgumentHelp(ParameterCatalog("simulation", [CommonParameters.seed]), "seed"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(ParameterCatalog("simulation", [CommonParameters.threads]), "threads"))
    var threads: Int?

    /// The run, `--trials` validated against the command's own declaration and `--threads` against its range.
    func run(defaultTrials: Int, catalog: ParameterCatalog) throws(DesignError) -> SimulationRun {
        let trials = self.trials ?? defaultTrials
        if let declared = catalog["trials"] { try declared.validate(trials) }
        if let threads { try CommonParameters.threads.validate(threads) }
        return SimulationRun(trials: trials, seed: seed, threads: threads)
    }
}
