#!/usr/bin/env bash
# Worst cases of the work budget (issue 19): runs each command at the edge of its cost model's
# budget (WorkBudget.defaultSeconds, 10 s on 2 cores) in a release build, and fails when any
# accepted run takes more than twice the budget, or when a run the model refuses is not refused
# at once (exit 64 within 2 s). Usage: scripts/worst-case.sh [path/to/trialsize]
# (default: builds release through build-slot). See docs/reliability.md, "Cost models".
set -u
budget=10
limit=$((2 * budget))
bin=${1:-}
if [ -z "$bin" ]; then
  build-slot swift build -c release --product trialsize >/dev/null || exit 1
  bin=$(swift build -c release --show-bin-path)/trialsize
fi
failures=0
skeleton20=0.01,0.02,0.04,0.06,0.08,0.1,0.13,0.16,0.2,0.24,0.28,0.32,0.36,0.4,0.45,0.5,0.56,0.62,0.7,0.77
truth20=0.02,0.03,0.05,0.07,0.09,0.12,0.15,0.18,0.22,0.26,0.3,0.34,0.38,0.42,0.47,0.52,0.58,0.64,0.72,0.8

# run EXPECT NAME ARGS...: EXPECT is "answer" (exit 0 within 2 x budget) or "refuse" (exit 64 within 2 s).
run() {
  local expect=$1 name=$2; shift 2
  local start end status seconds
  start=$(date +%s.%N)
  "$bin" "$@" >/dev/null 2>/tmp/worst-case-$$.err
  status=$?
  end=$(date +%s.%N)
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  local ok=1
  if [ "$expect" = answer ]; then
    [ $status -eq 0 ] && awk -v s="$seconds" -v l="$limit" 'BEGIN { exit !(s <= l) }' || ok=0
  else
    [ $status -eq 64 ] && awk -v s="$seconds" 'BEGIN { exit !(s <= 2) }' || ok=0
  fi
  printf '%-8s %-6s %7.2f s  exit %-3s %s\n' "$([ $ok = 1 ] && echo ok || echo FAIL)" "$expect" "$seconds" "$status" "$name"
  [ $ok = 1 ] || { failures=$((failures + 1)); sed 's/^/         /' /tmp/worst-case-$$.err; }
}

# ci --width: the mid-p search near the budget, and the 1 min 40 s case (refused now).
run answer "ci mid-p width 0.0085"     ci --width 0.0085 --expected 0.5 --method mid-p
run refuse "ci mid-p width 0.00278"    ci --width 0.00278 --expected 0.5 --method mid-p
run answer "ci wald width 0.003"       ci --width 0.003 --expected 0.5 --method wald
run answer "ci clopper-pearson 0.006"  ci --width 0.006 --expected 0.5 --method clopper-pearson
# simon: nmax below the Neyman-Pearson bound (101 s before), refused at once.
run refuse "simon nmax 2"              simon --p0 0.45 --p1 0.4767 --power 0.9 --nmax 2
run answer "simon p0 0.1 p1 0.3"       simon --p0 0.1 --p1 0.3
# simon at the cap (issue 18: 27 s and 100 s before the faster search; under a second now).
run answer "simon 0.5/0.55 a.01 pw.99"  simon --p0 0.5 --p1 0.55 --alpha 0.01 --power 0.99
run answer "simon 0.4/0.43 pw.9"        simon --p0 0.4 --p1 0.43 --power 0.9
run answer "simon 0.45/0.4767 pw.9"     simon --p0 0.45 --p1 0.4767 --power 0.9
# survival: simulation and the whole search.
run answer "survival simulate 30M"     survival --control-median 8 --median 8.7 --method log-rank --shape 0.37 --patients 1000 --simulate 30000
run refuse "survival search 40000x10000" survival --control-median 8 --median 8.7 --method log-rank --shape 0.37 --accrual 10 --follow-up 50 --loss-rate 0.001 --patients 2 --simulate 40000 --search --search-max 10000
run refuse "survival search median 8.2" survival --control-median 8 --median 8.2 --method log-rank --shape 0.37 --accrual 10 --follow-up 50 --loss-rate 0.001 --patients 2 --simulate 40000 --search --search-max 10000
run refuse "survival 1e6 patients x 400" survival --control-median 8 --median 8.1 --patients 1000000 --simulate 400
run answer "survival search 3000x1000" survival --control-median 8 --median 13 --method log-rank --shape 0.37 --accrual 10 --follow-up 50 --loss-rate 0.001 --simulate 3000 --search --search-max 1000
# two-arm survival: the search by simulated power (default search-max: twice the formula's n, about 1,040 here).
run answer "two-arm search 2000 x 2n"   two-arm survival --control-median 8 --median 10 --accrual 52 --follow-up 26 --simulate 2000 --search
run refuse "two-arm search 40000x1000" two-arm survival --control-median 8 --median 10 --accrual 52 --follow-up 26 --simulate 40000 --search --search-max 1000
# crm: the posterior grid counts (variance 100, logistic intercept 40).
run refuse "crm simulate 20 levels var 100" crm simulate --target 0.3 --skeleton $skeleton20 --truth $truth20 --patients 200 --start 1 --trials 100000 --prior-variance 100
run answer "crm simulate 20 levels 5000" crm simulate --target 0.3 --skeleton $skeleton20 --truth $truth20 --patients 200 --start 1 --trials 5000
run refuse "crm calibrate logistic 40"  crm calibrate --target 0.3 --levels 20 --prior-mtd 10 --patients 200 --trials 1 --model logistic --intercept 40 --prior-variance 100
# sensitivity grids: the points share the budget (docs/grids.md). 200 Simon searches near the
# shared budget's edge; a grid of simulations each within the budget alone, refused as a whole;
# 200 analytic survival answers.
p1s=0.3,0.31,0.32,0.33,0.34,0.35,0.36,0.37,0.38,0.39,0.4,0.41,0.42,0.43,0.44,0.45,0.46,0.47,0.48,0.49
run answer "grid simon 10 x 20"        simon --p0 0.1,0.11,0.12,0.13,0.14,0.15,0.16,0.17,0.18,0.19 --p1 $p1s --power 0.9
run refuse "grid survival 5 x 20M"     survival --control-median 8 --median 13 --patients 200,201,202,203,204 --simulate 100000
run answer "grid survival 10 x 20"     survival --control-median 8 --median 9,10,11,12,13,14,15,16,17,18 --power $(seq -s, 0.70 0.01 0.89) --method log-rank --accrual 52 --follow-up 26

rm -f /tmp/worst-case-$$.err
echo "failures: $failures"
[ $failures -eq 0 ]
