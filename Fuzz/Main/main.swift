import CLibFuzzer
import FuzzHarness

// The libFuzzer program of both fuzz targets (docs/reliability.md, "Coverage-guided fuzzing"):
// TRIALSIZE_FUZZ_TARGET=LineReaders, the `--input` readers (FuzzHarness's fuzzLineReaders), or CommandLine, the
// whole command line (fuzzCommandLine). One program, so that scripts/fuzz.sh builds one product: each product
// build recompiles a few dependencies again. Built only by scripts/fuzz.sh (TRIALSIZE_LIBFUZZER=1), linked
// with libFuzzer's runtime without its main: SwiftPM links an executable's own entry point as main, so this one
// hands libFuzzer the command line and the test function. Run it as any libFuzzer program:
// `TRIALSIZE_FUZZ_TARGET=CommandLine FuzzTrialsize CORPUS_DIR -max_total_time=60`, or with a FILE to replay one.
#if canImport(Glibc)
import Glibc
#endif

typealias TestFunction = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
let target = getenv("TRIALSIZE_FUZZ_TARGET").map { String(cString: $0) } ?? ""
let test: TestFunction
switch target {
case "LineReaders": test = { fuzzLineReaders($0, $1) }
case "CommandLine": test = { fuzzCommandLine($0, $1) }
default:
    let usage = Array("FuzzTrialsize: set TRIALSIZE_FUZZ_TARGET to LineReaders or CommandLine\n".utf8)
    _ = usage.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(64)
}
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, test))
