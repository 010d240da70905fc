#!/usr/bin/env python3
"""Reference bivariate normal orthant probabilities P(X > h, Y > k; rho) for Probability's
BivariateNormal, by mpmath quadrature of phi(x) * Phi((rho x - k) / sqrt(1 - rho^2)) over x > h
at 30 digits (independent of Genz's algorithm). Run from the repository root:
    python3 scripts/generate_bivariate_normal_fixtures.py
Writes Tests/ProbabilityTests/Fixtures/bivariate_normal.csv.
"""
import csv, os
import mpmath as mp

mp.mp.dps = 30
OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ProbabilityTests", "Fixtures", "bivariate_normal.csv")


def upper(h, k, rho):
    h, k, rho = mp.mpf(h), mp.mpf(k), mp.mpf(rho)
    s = mp.sqrt(1 - rho * rho)
    f = lambda x: mp.npdf(x) * mp.ncdf((rho * x - k) / s)
    return mp.quad(f, [h, h + 2, h + 6, mp.inf]) if h > -40 else mp.quad(f, [-mp.inf, 0, mp.inf])


rows = []
for rho in [-0.99, -0.9, -0.5, -0.1, 0.1, 0.29, 0.5, 0.74, 0.8, 0.92, 0.93, 0.97, 0.995]:
    for h in [-3.0, -1.2, 0.0, 0.7, 2.5]:
        for k in [-2.0, -0.3, 0.4, 1.645, 3.1]:
            rows.append((h, k, rho, mp.nstr(upper(h, k, rho), 20)))
with open(OUT, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["h", "k", "rho", "upper"])
    w.writerows(rows)
print(len(rows), "rows")
