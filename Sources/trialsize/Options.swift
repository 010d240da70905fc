import ArgumentParser
import TrialDesign
import TrialReport

/// The error-rate options every hypothesis-testing design shares.
struct ErrorRateOptions: ParsableArguments {
    @Option(help: "Significance level: the type I error, summed over both tails when --sides 2. Allowed: (0, 0.5].")
    var alpha: Double = 0.05

    @Option(help: "Power: the probability of rejecting the null hypothesis under the alternative. Allowed: (alpha, 1).")
    var power: Double = 0.8

    @Option(help: "1 for a one-sided test (the phase II convention), 2 for two-sided.")
    var sides: Sidedness = .oneSided

    /// The validated error rates.
    func errorRates() throws -> ErrorRates {
        try ErrorRates(alpha: alpha, power: power, sides: sides)
    }
}

/// How the answer is printed.
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: text, json, markdown or latex.")
    var format: OutputFormat = .text

    @Flag(help: "Print a paragraph for a protocol or grant: inputs, test, assumptions, answer and references.")
    var justify = false
}

extension Sidedness: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = Int(argument), let sides = Sidedness(rawValue: value) else { return nil }
        self = sides
    }
    public static var allValueStrings: [String] { ["1", "2"] }
}

extension OutputFormat: ExpressibleByArgument {}
