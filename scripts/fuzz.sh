#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (docs/reliability.md, "Coverage-guided fuzzing").
#
#   bash scripts/fuzz.sh [SECONDS]   builds the fuzz program (release, libFuzzer) and runs each target for
#                                    SECONDS (default 60) on a copy of its seed corpus; fails on any finding
#
# The targets, one program (Fuzz/Main, `FuzzTrialsize`; TRIALSIZE_FUZZ_TARGET picks one; the checks in Fuzz/Harness):
#   LineReaders  the bytes as the data file of `ci --input -` and `analyze survival --input -`
#   CommandLine  the bytes as an argument vector (split on NUL, or on line breaks), the whole command line
# Each run must end in an answer (exit 0, no NaN or infinity printed) or one line `trialsize: error:` with
# exit 64; a trap, a hang (over -timeout), exit 1 or any other status is a finding. libFuzzer saves the input
# as out/fuzz/Fuzz<target>-crash-<sha1> (or -timeout-, -oom-); replay it with
# `TRIALSIZE_FUZZ_TARGET=<target> .build-libfuzzer/release/FuzzTrialsize <that file>`.
#
# Environment:
#   TRIALSIZE_FUZZ_SCRATCH  the build folder (default .build-libfuzzer). scripts/test.sh passes .build, where
#                           it has just made the release build with the same flags, so only the instrumented
#                           modules (TrialsizeCLI, FuzzHarness) and the fuzz program are compiled (and
#                           Hummingbird's two modules, which SwiftPM recompiles for each product built).
#   TRIALSIZE_LIBFUZZER     1 (default): coverage of the command line's own code; all: also the design and
#                           report layers (a slower build, a more thorough search; for long local runs)
#   TRIALSIZE_FUZZ_CORPUS   keep the grown corpus in this folder instead of a temporary copy (long local runs;
#                           never the committed Fuzz/Corpus)
#   TRIALSIZE_FUZZ_JOBS     parallel fuzzing processes per target (default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
case "$seconds" in
  '' | *[!0-9]*) echo "usage: bash scripts/fuzz.sh [SECONDS]" >&2; exit 64 ;;
esac
scratch=${TRIALSIZE_FUZZ_SCRATCH:-.build-libfuzzer}
export TRIALSIZE_LIBFUZZER=${TRIALSIZE_LIBFUZZER:-1}
# libFuzzer, not the Swift runtime's backtracer, must handle a crash, so that it saves the input.
export SWIFT_BACKTRACE=enable=no
jobs=${TRIALSIZE_FUZZ_JOBS:-1}
# libFuzzer's runtime without its main (the fuzz targets call its driver themselves; Package.swift).
resources=$(swiftc -print-target-info | sed -n 's/.*"runtimeResourcePath": *"\([^"]*\)".*/\1/p')
export TRIALSIZE_LIBFUZZER_RUNTIME=$resources/clang/lib/linux/libclang_rt.fuzzer_no_main-$(uname -m).a
if [ ! -f "$TRIALSIZE_LIBFUZZER_RUNTIME" ]; then
  echo "scripts/fuzz.sh: libFuzzer's runtime is not in this toolchain ($TRIALSIZE_LIBFUZZER_RUNTIME); Swift on Linux ships it" >&2
  exit 69
fi
fork=()
if [ "$jobs" -gt 1 ]; then fork=(-fork="$jobs"); fi  # libFuzzer's fork mode: child processes, one log
# The manifest is read afresh (it depends on TRIALSIZE_LIBFUZZER); -enable-testing only so that the build matches scripts/test.sh's release build and reuses it.
flags=(-c release --scratch-path "$scratch" --manifest-cache none -Xswiftc -enable-testing)
start=$SECONDS
swift build "${flags[@]}" --product FuzzTrialsize
echo "scripts/fuzz.sh: the fuzz build took $((SECONDS - start)) s" >&2
bin=$(swift build "${flags[@]}" --show-bin-path)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p out/fuzz
status=0
for folder in LineReaders CommandLine; do
  target=Fuzz$folder
  corpus=$work/$folder
  if [ -n "${TRIALSIZE_FUZZ_CORPUS:-}" ]; then
    corpus=$TRIALSIZE_FUZZ_CORPUS/$folder
    case "$(cd "$(dirname "$corpus")" 2>/dev/null && pwd)" in "$PWD/Fuzz"*) echo "scripts/fuzz.sh: TRIALSIZE_FUZZ_CORPUS must be outside Fuzz/" >&2; exit 64 ;; esac
  fi
  mkdir -p "$corpus"
  for seed in Fuzz/Corpus/"$folder"/*; do
    [ -e "$corpus/${seed##*/}" ] || cp "$seed" "$corpus/"
  done
  # -timeout: one input running over 20 s is a hang (the slowest accepted vectors take about a second);
  # -rss_limit_mb: Simon's largest search uses some 220 MB; -max_len: lines and vectors up to 4 KiB.
  log=$work/$target.log
  started=$SECONDS
  if ! TRIALSIZE_FUZZ_TARGET=$folder "$bin/FuzzTrialsize" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=4096 \
      "${fork[@]}" -print_final_stats=1 -artifact_prefix="out/fuzz/$target-" >"$log" 2>&1; then
    status=1
    echo "scripts/fuzz.sh: $target found a problem (input saved under out/fuzz/):" >&2
    grep -E -A12 "^Fuzz[A-Za-z]+: |ERROR: libFuzzer|==ERROR|deadly signal|Test unit written" "$log" | head -60 >&2 || tail -40 "$log" >&2
  fi
  runs=$(grep -Eo "stat::number_of_executed_units: *[0-9]+" "$log" | grep -Eo "[0-9]+$" | tail -1 || true)
  cov=$(grep -Eo "cov: [0-9]+ ft: [0-9]+ corp: [0-9]+" "$log" | tail -1 || true)
  echo "scripts/fuzz.sh: $target ran ${runs:-?} inputs in $((SECONDS - started)) s ($cov)" >&2
done
exit "$status"
