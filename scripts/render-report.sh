#!/usr/bin/env bash
# Renders the seed trial's report, made by the real trialsize binary, in a real headless browser
# and takes screenshots.
#
#   bash scripts/render-report.sh [OUT_DIR]      (default: out/report)
#
# 1. Builds trialsize and runs the seed trial's survival design (Kearney et al. 2021):
#      trialsize survival --control-median 8 --median 13 --alpha 0.05 --power 0.8 --dropout 0.1 \
#        --method all --justify --report OUT_DIR/report.html --plot OUT_DIR/power.svg
#    which writes the page, the two plots (power.svg: power against patients; power-median.svg:
#    power against the alternative median) and, on standard output, the justification
#    (OUT_DIR/justification.txt).
# 2. Opens the page in headless Chromium (Debian's `chromium`, installed with apt-get when
#    missing) and writes OUT_DIR/report.png (screen), OUT_DIR/report.pdf (print), and each plot
#    scaled to 600 px wide (OUT_DIR/power.png, OUT_DIR/power-median.png); with pdftoppm
#    (poppler-utils) also OUT_DIR/print-N.png, the printed pages.
# 3. Fails unless every file is written and the screenshots are not blank.
#
# Slow (a build and a browser start), so it is not part of `swift test`; see docs/reports.md.
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

rm -f "$out"/report.html "$out"/report.png "$out"/report.pdf "$out"/power*.svg "$out"/power*.png \
  "$out"/svg-600-*.html "$out"/justification.txt "$out"/print-*.png
swift build --product trialsize >"$out/swift-build.log" 2>&1 || {
  tail -20 "$out/swift-build.log" >&2; echo "render-report: swift build failed" >&2; exit 1; }
trialsize="$(swift build --show-bin-path)/trialsize"
"$trialsize" survival --control-median 8 --median 13 --alpha 0.05 --power 0.8 --dropout 0.1 --method all \
  --justify --report "$out/report.html" --plot "$out/power.svg" >"$out/justification.txt" || {
  echo "render-report: trialsize survival failed" >&2; exit 1; }
for file in report.html power.svg power-median.svg justification.txt; do
  [ -s "$out/$file" ] || { echo "render-report: trialsize wrote no $file" >&2; exit 1; }
done

# --no-sandbox: root in a container has no user namespaces for Chromium's sandbox.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-dev-shm-usage)
"$browser" "${flags[@]}" --window-size=1000,4200 --screenshot="$out/report.png" "file://$out/report.html" >"$out/chromium.log" 2>&1
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$out/report.html" >>"$out/chromium.log" 2>&1
# Each standalone SVG scaled to 600 px wide, the width it must stay readable at.
for plot in power power-median; do
  cat >"$out/svg-600-$plot.html" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8" /><style>body{margin:0;background:#fff}</style></head>
<body><img src="$plot.svg" width="600" alt="$plot" /></body></html>
HTML
  "$browser" "${flags[@]}" --window-size=600,400 --screenshot="$out/$plot.png" "file://$out/svg-600-$plot.html" >>"$out/chromium.log" 2>&1
done

for file in report.png report.pdf power.png power-median.png; do
  [ -s "$out/$file" ] || { cat "$out/chromium.log" >&2; echo "render-report: chromium wrote no $file" >&2; exit 1; }
done
# A blank page compresses to almost nothing: a real report's screenshot is tens of kilobytes.
for file in report.png power.png power-median.png; do
  size=$(wc -c <"$out/$file")
  [ "$size" -gt 15000 ] || { echo "render-report: $file is only $size bytes: blank?" >&2; exit 1; }
done
if command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -png -r 60 "$out/report.pdf" "$out/print"
fi
echo "render-report: wrote $out/report.html, report.png, report.pdf, power.png, power-median.png, justification.txt"
