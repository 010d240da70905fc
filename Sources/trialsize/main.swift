#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

var output = Output.standard
var errors = Output.standardError
let status = CommandLineRun.execute(Array(CommandLine.arguments.dropFirst()), output: &output, errors: &errors)
exit(status)
