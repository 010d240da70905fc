#!/usr/bin/env bash
# Compiles every command's golden LaTeX output (Tests/trialsizeTests/Golden/*.tex, or the files
# given) with pdflatex inside a plain article (no extra package), and fails on any LaTeX error
# or any line wider than the text (an "Overfull \hbox" over 1 pt).
#
#   bash scripts/check-latex.sh [FILE.tex ...]
#
# Installs Debian's texlive-latex-base and texlive-latex-recommended first when pdflatex is
# missing and apt-get can run (as in CI). Keeps the PDFs in $TRIALSIZE_LATEX_OUT when set, so they
# can be looked at (pdftoppm -png FILE.pdf page).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pdflatex >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq texlive-latex-base texlive-latex-recommended >/dev/null
  else
    echo "check-latex: pdflatex is missing (apt-get install texlive-latex-base texlive-latex-recommended)" >&2
    exit 1
  fi
fi
work=${TRIALSIZE_LATEX_OUT:-$(mktemp -d)}
mkdir -p "$work"
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(Tests/trialsizeTests/Golden/*.tex)
failures=0
for file in "${files[@]}"; do
  name=$(basename "$file" .tex)
  [ -s "$file" ] || continue   # a refused run (its .stderr golden says why) prints nothing
  printf '\\documentclass{article}\n\\begin{document}\n\\input{%s}\n\\end{document}\n' "$(realpath "$file")" > "$work/$name.tex"
  if ! (cd "$work" && pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" >/dev/null 2>&1); then
    echo "$file: does not compile:"; grep -A2 '^!' "$work/$name.log" | head -6; failures=$((failures + 1)); continue
  fi
  wide=$(grep -o 'Overfull \\hbox ([0-9.]*pt' "$work/$name.log" | grep -o '[0-9.]*pt' | tr -d pt | awk '$1 > 1' | sort -n | tail -1 || true)
  if [ -n "$wide" ]; then echo "$file: a line is ${wide} pt wider than the text"; failures=$((failures + 1)); fi
done
echo "check-latex: ${#files[@]} files, $failures problems"
[ "$failures" = 0 ]
