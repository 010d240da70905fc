import ArgumentParser
import Foundation
import TrialDesign

/// Where a command writes: standard output in the real program, a buffer in tests.
struct Output {
    private let sink: (String) -> Void

    init(_ sink: @escaping (String) -> Void) { self.sink = sink }

    /// Standard output.
    static var standard: Output { Output { print($0, terminator: "") } }

    /// Standard error.
    static var standardError: Output {
        Output { FileHandle.standardError.write(Data($0.utf8)) }
    }

    mutating func write(_ text: String) { sink(text) }
}

/// A command that writes its answer to an ``Output`` instead of printing, so the fuzz and
/// golden tests can run the real commands in-process.
protocol AnsweringCommand {
    func answer(into output: inout Output) throws
}

/// A design's command: it answers into an ``Output`` and names the parameter catalog its
/// options come from, so the registry (``Trialsize/designCommands``), `trialsize parameters` and
/// the tests that keep options and declarations in step all read one list.
protocol DesignCommand: ParsableCommand, AnsweringCommand {
    /// The parameters the command's options declare (help, ranges, defaults).
    static var parameters: ParameterCatalog { get }
}

extension DesignCommand {
    func run() throws {
        var output = Output.standard
        try answer(into: &output)
    }
}
