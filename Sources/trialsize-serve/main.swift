// The `trialsize-serve` program: the web server that `trialsize serve` starts (Sources/TrialsizeServe).
import TrialsizeServe

WebServerProgram.main()
