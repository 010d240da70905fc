#!/usr/bin/env bash
# Renders the demo HTML report in a real headless browser and takes screenshots.
#
#   bash scripts/render-report.sh [OUT_DIR]      (default: out/report)
#
# 1. Runs the test "demo report for the headless browser check" (Tests/TrialReportTests/
#    HTMLReportTests.swift), which writes OUT_DIR/report.html from computed numbers (the seed
#    trial's power curves, an exact binomial sawtooth, dose-selection bars) and OUT_DIR/demo-power.svg.
# 2. Opens the page in headless Chromium (Debian's `chromium`, installed with apt-get when
#    missing) and writes OUT_DIR/report.png (screen), OUT_DIR/report.pdf (print) and
#    OUT_DIR/power.png (the standalone SVG scaled to 600 px wide); with pdftoppm
#    (poppler-utils) also OUT_DIR/print-N.png, the printed pages.
# 3. Fails unless Chromium rendered every file and the screenshots are not blank.
#
# Slow (a browser start), so it is not part of `swift test`; see docs/reports.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/report}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

bash scripts/ensure-gsl.sh

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [ -z "$browser" ]; then
  echo "render-report: installing Debian's chromium" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  browser=chromium
fi

rm -f "$out/report.html" "$out/report.png" "$out/report.pdf" "$out/power.png" "$out/demo-power.svg" "$out/power-600.html" "$out"/print-*.png
TRIALSIZE_DEMO_REPORT="$out/report.html" swift test --filter "HTMLReportTests/demoReport" >"$out/swift-test.log" 2>&1 || {
  tail -20 "$out/swift-test.log" >&2; echo "render-report: the demo test failed" >&2; exit 1; }
[ -s "$out/report.html" ] || { echo "render-report: the demo test wrote no report" >&2; exit 1; }

# --no-sandbox: root in a container has no user namespaces for Chromium's sandbox.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-dev-shm-usage)
"$browser" "${flags[@]}" --window-size=1000,3400 --screenshot="$out/report.png" "file://$out/report.html" >"$out/chromium.log" 2>&1
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$out/report.html" >>"$out/chromium.log" 2>&1
# The standalone SVG scaled to 600 px wide, the width it must stay readable at.
cat >"$out/power-600.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8" /><style>body{margin:0;background:#fff}</style></head>
<body><img src="demo-power.svg" width="600" alt="demo power curve" /></body></html>
HTML
"$browser" "${flags[@]}" --window-size=600,400 --screenshot="$out/power.png" "file://$out/power-600.html" >>"$out/chromium.log" 2>&1

for file in report.png report.pdf power.png; do
  [ -s "$out/$file" ] || { cat "$out/chromium.log" >&2; echo "render-report: chromium wrote no $file" >&2; exit 1; }
done
# A blank page compresses to almost nothing: a real report's screenshot is tens of kilobytes.
size=$(wc -c <"$out/report.png")
[ "$size" -gt 20000 ] || { echo "render-report: report.png is only $size bytes: blank page?" >&2; exit 1; }
if command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -png -r 60 "$out/report.pdf" "$out/print"
fi
echo "render-report: wrote $out/report.html, report.png, report.pdf, power.png"
