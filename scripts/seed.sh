#!/usr/bin/env bash
# The main job: answers the seed trial's phase II question (Kearney et al. 2021), every method side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-gsl.sh
# --static-swift-stdlib: the Swift runtime and Foundation linked into the program, which starts in
# about two thirds of the time of the dynamically linked one (docs/performance.md).
swift build -c release --product trialsize --static-swift-stdlib >&2
exec .build/release/trialsize survival --control-median 8 --median 13 --alpha 0.05 --power 0.8 \
  --dropout 0.1 --method all "$@"
