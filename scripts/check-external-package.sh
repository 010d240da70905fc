#!/usr/bin/env bash
# Proves that trialsize works as a library from an OUTSIDE package: builds Tests/ExternalPackage (its own
# Package.swift, depending on this checkout by path) and runs its two programs, one that does
# `import TrialsizeKit` and one that does `import TrialsizeNumerics`; each computes the seed trial's
# phase II answer (26 events, exact test) and the 95% Clopper-Pearson interval for 4/26 and exits 1
# on a wrong number. Called by scripts/test.sh.
#
# Cost: one extra debug build of Probability, TrialDesign, TrialReport and their dependencies (a
# package graph rooted elsewhere cannot reuse .build/), into .build-external/ so that a second run
# is incremental: about 50 s the first time on 2 cores, a few seconds after that.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$root/.build-external"
cd "$root/Tests/ExternalPackage"
start=$SECONDS
swift build --scratch-path "$scratch"
for program in KitExample NumericsExample; do
  "$scratch/debug/$program"
done
echo "check-external-package: import TrialsizeKit and import TrialsizeNumerics work from an outside package ($((SECONDS - start)) s)"
