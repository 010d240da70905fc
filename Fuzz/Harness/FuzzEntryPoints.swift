#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The test function of fuzz target (a), called with each input by `Fuzz/LineReaders/entry.c`'s
/// `LLVMFuzzerTestOneInput`: ``FuzzHarness/checkLineReaders(_:)``, and on a problem the message on
/// standard error and `abort()`, which makes libFuzzer save the input and stop with a failure.
@_cdecl("trialsize_fuzz_line_readers")
public func fuzzLineReaders(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if let problem = FuzzHarness.checkLineReaders(bytes(data, size)) { fail("FuzzLineReaders: \(problem)") }
    return 0
}

/// The test function of fuzz target (b), called by `Fuzz/CommandLine/entry.c`:
/// ``FuzzHarness/checkCommandLine(_:)``, and on a problem the message and `abort()`.
@_cdecl("trialsize_fuzz_command_line")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if let problem = FuzzHarness.checkCommandLine(bytes(data, size)) { fail("FuzzCommandLine: \(problem)") }
    return 0
}

private func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
}

/// Writes `message` to standard error (file descriptor 2: Swift 6 refuses C's shared `stderr`) and aborts.
private func fail(_ message: String) -> Never {
    let text = Array((message + "\n").utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
}
