#!/usr/bin/env bash
# Runs every test (all four test targets), installing libgsl-dev first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-gsl.sh
swift build --build-tests
swift test --skip-build
