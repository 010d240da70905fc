#!/usr/bin/env python3
"""Reference values for trialsize's analysis of one-sample data (issue 13), from scipy.

Writes Tests/TrialDesignTests/Fixtures/exact_poisson.csv: for observed events O and expected
events E (= lambda0 * total time at risk, or sum of the control's cumulative hazard), the exact
one-sided p-value P(Poisson(E) <= O) and the exact (Garwood) interval for the hazard ratio,
chi2.ppf(a, 2O) / 2E to chi2.ppf(1 - a, 2O + 2) / 2E with a = (1 - conf) / 2; and the binomial
fixtures binomial_analysis.csv: the one-sided exact p-value P(X >= x | p0) with its
Clopper-Pearson interval (beta quantiles).

Run from the repository root: python3 scripts/generate_analysis_fixtures.py
"""
import csv
import itertools

import scipy
from scipy import stats

OUT = "Tests/TrialDesignTests/Fixtures"


def poisson_rows():
    for o, e, conf in itertools.product(
        [0, 1, 2, 5, 18, 26, 30, 100, 1000, 100000],
        [0.01, 0.5, 3.2, 16.0611, 26.0, 41.7, 250.0, 1000.0, 98765.4],
        [0.95, 0.90, 0.99],
    ):
        a = (1 - conf) / 2
        lower = 0.0 if o == 0 else stats.chi2.ppf(a, 2 * o) / (2 * e)
        upper = stats.chi2.isf(a, 2 * o + 2) / (2 * e)
        yield [o, repr(e), repr(conf), repr(float(stats.poisson.cdf(o, e))), repr(float(lower)), repr(float(upper))]


def binomial_rows():
    for x, n, p0, conf in [(4, 26, 0.2, 0.95), (1, 26, 0.1, 0.95), (0, 18, 0.05, 0.95), (18, 18, 0.5, 0.95),
                           (7, 30, 0.1, 0.90), (12, 35, 0.2, 0.95), (3, 20, 0.3, 0.99), (250, 1000, 0.2, 0.95)]:
        a = (1 - conf) / 2
        lower = 0.0 if x == 0 else stats.beta.ppf(a, x, n - x + 1)
        upper = 1.0 if x == n else stats.beta.isf(a, x + 1, n - x)
        yield [x, n, repr(p0), repr(conf), repr(float(stats.binom.sf(x - 1, n, p0))), repr(float(lower)), repr(float(upper))]


with open(f"{OUT}/exact_poisson.csv", "w", newline="") as f:
    f.write(f"# scipy {scipy.__version__}\n")
    w = csv.writer(f)
    w.writerow(["observed", "expected", "conf", "p_value", "lower", "upper"])
    w.writerows(poisson_rows())
with open(f"{OUT}/binomial_analysis.csv", "w", newline="") as f:
    f.write(f"# scipy {scipy.__version__}\n")
    w = csv.writer(f)
    w.writerow(["x", "n", "p0", "conf", "p_value", "lower", "upper"])
    w.writerows(binomial_rows())
