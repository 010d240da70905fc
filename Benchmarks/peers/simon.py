#!/usr/bin/env python3
"""A straightforward exhaustive search for Simon's optimal and minimax two-stage designs (numpy/scipy).

The stand-in for clinfun's ph2simon when clinfun is not installed. Like ph2simon it enumerates every
n <= nmax, every n1 < n, every r1 < n1 and every r, with no bounds on EN beyond the enumeration:
for each (n, n1) the rejection probabilities of all (r1, r) pairs at once,

    P(reject | p) = sum_{x1 > r1} b(x1; n1, p) * P(X2 > r - x1; n - n1, p),

as a reverse cumulative sum over x1 of an (n1 + 1) x (n + 1) matrix. For each r1 the smallest r with
P(reject | p0) <= alpha is the most powerful; the design is feasible when its power is >= 1 - beta.
Minimax: smallest n, then smallest EN(p0); optimal: smallest EN(p0) over every n <= nmax.
Error-rate comparisons carry the same 1e-12 relative slack as trialsize (ErrorRateTolerance).

clinfun does this in Fortran (f2bdry), so this pure numpy version is slower than clinfun would be:
a ratio against it overstates trialsize's lead over clinfun.
"""
import sys
import time

import numpy as np
from scipy.stats import binom

TOL = 1e-12


def tables(p, nmax):
    """pmf[n][x] and above[n][k] = P(X > k) for k = -1..n (index k + 1), n = 0..nmax."""
    pmf, above = [], []
    for n in range(nmax + 1):
        x = np.arange(n + 1)
        pmf.append(binom.pmf(x, n, p))
        # above[k + 1] = P(X > k), k = -1..n; clamp so indices beyond are 0 and below are 1
        above.append(np.concatenate(([1.0], binom.sf(x, n, p))))
    return pmf, above


def survival_matrix(above_n2, n1, n):
    """S[x1, r] = P(X2 > r - x1) for x1 = 0..n1, r = 0..n (1 when r - x1 < 0, 0 when r - x1 >= n2)."""
    n2 = len(above_n2) - 2
    k = np.arange(n + 1)[None, :] - np.arange(n1 + 1)[:, None]  # r - x1
    out = np.zeros_like(k, dtype=float)
    out[k < 0] = 1.0
    inside = (k >= 0) & (k <= n2)
    out[inside] = above_n2[k[inside] + 1]
    return out


def search(p0, p1, alpha, power, nmax, nmin=2):
    pmf0, above0 = tables(p0, nmax)
    pmf1, above1 = tables(p1, nmax)
    minimax = None  # (n, en, design)
    optimal = None  # (en, design)
    for n in range(nmin, nmax + 1):
        best_here = None
        for n1 in range(1, n):
            n2 = n - n1
            # rejection probability for (r1, r): reverse cumsum over x1 > r1
            s0 = survival_matrix(above0[n2], n1, n)
            s1 = survival_matrix(above1[n2], n1, n)
            m0 = pmf0[n1][:, None] * s0
            m1 = pmf1[n1][:, None] * s1
            rej0 = np.cumsum(m0[::-1], axis=0)[::-1]  # rej0[x, r] = sum_{x1 >= x}
            rej1 = np.cumsum(m1[::-1], axis=0)[::-1]
            # r1 = 0..n1-1 -> rows 1..n1 (x1 > r1); r must exceed r1 and be < n
            r0 = rej0[1:, :]
            r1m = rej1[1:, :]
            rr = np.arange(n + 1)[None, :]
            r1s = np.arange(n1)[:, None]
            valid = (rr > r1s) & (rr < n)
            ok_alpha = valid & (r0 <= alpha * (1 + TOL))
            has = ok_alpha.any(axis=1)
            first_r = np.argmax(ok_alpha, axis=1)
            pw = r1m[np.arange(n1), first_r]
            feasible = has & (pw >= power * (1 - TOL))
            if not feasible.any():
                continue
            pet0 = np.cumsum(pmf0[n1])[:n1]  # P(X1 <= r1)
            en = n1 + (1 - pet0) * n2
            for r1 in np.nonzero(feasible)[0]:
                design = (int(r1), n1, int(first_r[r1]), n)
                e = float(en[r1])
                if best_here is None or e < best_here[0] * (1 - TOL):
                    best_here = (e, design)
        if best_here is None:
            continue
        if minimax is None:
            minimax = best_here
        if optimal is None or best_here[0] < optimal[0] * (1 - TOL):
            optimal = best_here
    return optimal, minimax


if __name__ == "__main__":
    p0, p1, alpha, power, nmax = map(float, sys.argv[1:6])
    t = time.perf_counter()
    opt, mm = search(p0, p1, alpha, power, int(nmax))
    elapsed = time.perf_counter() - t
    print(f"optimal {opt[1]} EN {opt[0]:.4f} minimax {mm[1]} EN {mm[0]:.4f} seconds {elapsed:.3f}")
