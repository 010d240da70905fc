// libFuzzer entry of fuzz target (b), the whole command line (FuzzHarness.checkCommandLine). Built only by
// scripts/fuzz.sh (TRIALSIZE_LIBFUZZER=1, -sanitize=fuzzer -parse-as-library); libFuzzer supplies main.
#if canImport(Glibc)
import Glibc
#endif
import FuzzHarness

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let problem = FuzzHarness.checkCommandLine(bytes) {
        // abort() makes libFuzzer save the input as crash-<sha1> and stop with a failure.
        let shown = FuzzHarness.arguments(from: bytes)?.map { "'\($0)'" }.joined(separator: " ") ?? ""
        fputs("FuzzCommandLine: \(problem)\n  arguments: \(shown)\n", stderr)
        abort()
    }
    return 0
}
