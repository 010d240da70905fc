#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

signal(SIGPIPE, SIG_IGN)  // a closed pipe is a failed write, reported below, not a silent death
var output = Output.standard
var errors = Output.standardError
var status = CommandLineRun.execute(Array(CommandLine.arguments.dropFirst()), output: &output, errors: &errors)
// An answer that could not be written (a full disk, a closed pipe) is never a success.
let failure = StandardOutput.shared.flush()
if failure != 0 {
    errors.write("trialsize: error: the answer could not be written to standard output (\(String(cString: strerror(failure))))\n")
    status = CommandLineRun.outputFailureStatus
}
exit(status)
