import Foundation

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
