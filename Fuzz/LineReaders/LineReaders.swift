// libFuzzer entry of fuzz target (a), the `--input` readers (FuzzHarness.checkLineReaders). Built only by
// scripts/fuzz.sh (TRIALSIZE_LIBFUZZER=1, -sanitize=fuzzer -parse-as-library); libFuzzer supplies main.
#if canImport(Glibc)
import Glibc
#endif
import FuzzHarness

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLineReaders(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let problem = FuzzHarness.checkLineReaders(bytes) {
        // abort() makes libFuzzer save the input as crash-<sha1> and stop with a failure.
        fputs("FuzzLineReaders: \(problem)\n", stderr)
        abort()
    }
    return 0
}
