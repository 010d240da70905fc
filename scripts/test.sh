#!/usr/bin/env bash
# Runs every test (all four test targets), installing libgsl-dev first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-gsl.sh
swift build --build-tests
swift test --skip-build
# Every Markdown table parses as a table; every LaTeX output compiles and fits the text width.
python3 -c "import markdown_it" 2>/dev/null || python3 -m pip install --quiet markdown-it-py
python3 scripts/check-markdown.py
bash scripts/check-latex.sh
