#!/usr/bin/env bash
# Runs every test, installing libgsl-dev first when it is missing.
#
#   bash scripts/test.sh          every test: the swift-format lint and doc-comment check, the debug suite
#                                 of all test targets (the CLI fuzz as a short sweep of 400 vectors), the
#                                 outside-package check (import TrialsizeKit), the DocC catalogs with
#                                 warnings as errors,
#                                 the Markdown, LaTeX and Word checks of every command's golden output,
#                                 the web server in headless Chromium and under a bounded load test,
#                                 then the CLI fuzz's full 10,000 vectors in a release build, the worst-case
#                                 script, and libFuzzer on two targets for 20 s each (what .ci/run runs)
#   bash scripts/test.sh --quick  the lint, the doc comments, the debug suite and the outside-package check
#
# Each step prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
ci=1
for argument in "$@"; do
  case "$argument" in
    --quick) ci=0 ;;
    --ci) ci=1 ;;
    *) echo "usage: bash scripts/test.sh [--quick]" >&2; exit 64 ;;
  esac
done
step() {
  local start=$SECONDS
  "$@"
  echo "scripts/test.sh: '$*' took $((SECONDS - start)) s" >&2
}
bash scripts/ensure-gsl.sh
# Every Swift file follows .swift-format (swift-format ships with the Swift 6 toolchain); --strict makes
# a warning fail the run. `swift format -i -r Sources Tests Fuzz Benchmarks Package.swift` fixes most.
step swift format lint --strict --parallel -r Sources Tests Fuzz Benchmarks/Benchmarks Benchmarks/Package.swift Package.swift
# Every public declaration in Sources/ has a /// doc comment.
step python3 scripts/check-doc-comments.py --strict
step swift build --build-tests
# The golden test also writes every command's --report .docx here, for check-docx.py below.
docx_out=$(mktemp -d)
step env TRIALSIZE_DOCX_OUT="$docx_out" swift test --skip-build
step bash scripts/check-external-package.sh
if [ "$ci" = 1 ]; then
  # The DocC catalogs build with no warning (a broken ``link`` or an undocumented parameter fails).
  for target in Probability TrialDesign TrialReport TrialsizeKit TrialsizeNumerics; do
    step swift package --disable-sandbox generate-documentation --target "$target" --warnings-as-errors >/dev/null
  done
fi
# Every Markdown table parses as a table; every LaTeX output compiles and fits the text width.
python3 -c "import markdown_it" 2>/dev/null || python3 -m pip install --quiet markdown-it-py
step python3 scripts/check-markdown.py
step bash scripts/check-latex.sh
# Every Word report opens in python-docx with the Markdown output's sections, tables and references.
python3 -c "import docx" 2>/dev/null || python3 -m pip install --quiet python-docx
step env TRIALSIZE_DOCX_OUT="$docx_out" python3 scripts/check-docx.py
# `trialsize serve` in a real browser (headless Chromium, installed when missing) and under a bounded
# load on loopback (docs/web.md); screenshots in out/browser/.
binary="$(swift build --show-bin-path)/trialsize"
step python3 scripts/browser-test.py --binary "$binary"
step python3 scripts/load-test.py --binary "$binary" --connections 32 --seconds 10
if [ "$ci" = 1 ]; then
  # Release, so 10,000 vectors take minutes rather than a quarter of an hour; the test targets use
  # @testable imports, which a release build allows only with -enable-testing.
  step swift build -c release --build-tests -Xswiftc -enable-testing
  step env TRIALSIZE_FUZZ_ITERATIONS=10000 swift test -c release --skip-build -Xswiftc -enable-testing --filter CLIFuzz
  # Every command at the edge of its work budget answers within twice the budget, and what the cost
  # models refuse is refused at once (docs/reliability.md, "Cost models").
  step bash scripts/worst-case.sh "$(swift build -c release --show-bin-path)/trialsize"
  # Coverage-guided fuzzing (libFuzzer) of the --input readers and the whole command line, 20 s per target on
  # a copy of the seed corpus. In .build, after the release build above with the same flags, so only the
  # instrumented modules are compiled again (docs/reliability.md, "Coverage-guided fuzzing"). Last, because it
  # leaves the command line's release objects instrumented.
  step env TRIALSIZE_FUZZ_SCRATCH=.build bash scripts/fuzz.sh 20
fi
