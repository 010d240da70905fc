import TrialsizeCLI

// The `trialsize` program: the whole command line lives in the TrialsizeCLI library (so tests and
// the libFuzzer targets link it); this file only connects it to the process.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

signal(SIGPIPE, SIG_IGN)  // a closed pipe is a failed write, reported below, not a silent death
let arguments = Array(CommandLine.arguments.dropFirst())
// A progress bar on standard error for long work, only in a terminal and never with JSON; it is
// erased before any warning or error is written there.
let progressBar = ProgressBar.make(for: arguments)
let standardError = Output.standardError
var output = Output.standard
var errors = Output { text in
    progressBar?.finish()
    var sink = standardError
    sink.write(text)
}
var status =
    progressBar.map { bar in bar.listening { CommandLineRun.execute(arguments, output: &output, errors: &errors) } }
    ?? CommandLineRun.execute(arguments, output: &output, errors: &errors)
// An answer that could not be written (a full disk, a closed pipe) is never a success.
let failure = StandardOutput.shared.flush()
if failure != 0 {
    errors.write("trialsize: error: the answer could not be written to standard output (\(String(cString: strerror(failure))))\n")
    status = CommandLineRun.outputFailureStatus
}
exit(status)
