#!/usr/bin/env python3
"""Reference values for trialsize's binomial methods (issue 4), independent of GSL.

Writes CSV fixtures into Tests/TrialDesignTests/Fixtures/:

* clopper_pearson.csv  x,n,tail,lower,upper: Clopper-Pearson bounds by inverting the regularised
  incomplete beta function in mpmath at 50 digits (Newton from scipy's beta.ppf, bisection fallback).
* interval_methods.csv  method,x,n,conf,lower,upper: mid-p (mpmath root of the mid-p tail equations),
  Jeffreys (mpmath beta inversion), Wilson, Agresti-Coull and Wald (closed forms in mpmath).
* single_stage.csv  p0,p1,alpha,n,r,attained_alpha,attained_power: A'Hern exact single-stage rules,
  brute force with scipy.stats.binom.
* interval_width.csv  width,expected,n,x,lower,upper: the first n whose 95% Clopper-Pearson interval at
  x = round(n * expected) is no wider than width (scan of n with the mpmath bounds).
* simon.csv  p0,p1,alpha,beta,kind,r1,n1,r,n,en_p0,pet_p0,alpha_attained,power_attained: Simon optimal and
  minimax designs found by an exhaustive numpy search over every (n1, r1, r, n) with n <= nmax (no pruning),
  written independently of the Swift search.

Run: python3 scripts/generate_binomial_fixtures.py   (scipy 1.17, mpmath 1.3, numpy)
"""
import csv
import os

import mpmath as mp
import numpy as np
from scipy import stats

mp.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "TrialDesignTests", "Fixtures")


def _lower_series(a, b, x):
    """I_x(a, b) from the all-positive series x^a (1-x)^b / (a B(a, b)) * 2F1(a+b, 1; a+1; x)
    (DLMF 8.17.8), used below the mean a/(a+b) where it converges without cancellation."""
    a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    if x <= 0:
        return mp.mpf(0)
    log_front = a * mp.log(x) + b * mp.log1p(-x) - mp.log(a) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b))
    return mp.exp(log_front) * mp.hyp2f1(a + b, 1, a + 1, x, maxterms=10**7)


def betainc(a, b, p):
    """Regularised incomplete beta I_p(a, b).

    The positive series in x converges geometrically at rate x after its largest term, so it is summed
    directly for p <= 1/2 and through I_p(a, b) = 1 - I_{1-p}(b, a) otherwise; that subtraction runs at
    400 digits so a result as small as 1e-300 keeps its leading 20+ digits."""
    p = mp.mpf(p)
    if p >= 1:
        return mp.mpf(1)
    if p <= mp.mpf("0.5"):
        return _lower_series(a, b, p)
    with mp.workdps(420):
        value = 1 - _lower_series(b, a, 1 - p)
    return +value


def betainc_upper(a, b, p):
    """1 - I_p(a, b) = I_{1-p}(b, a)."""
    return betainc(b, a, 1 - mp.mpf(p))


def solve_tail(tail, target, increasing, start):
    """The p in (0, 1) with tail(p) = target, where tail is increasing (a lower tail in p) or decreasing.

    Newton steps on h(u) = ±(log tail(e^u) − log target) in u = log p, so a root at 1e-100 is reached as fast as
    one at 0.3; every step is kept inside a bracket [lo, hi] on u and replaced by bisection when it leaves it.
    Raises if it has not converged to 1e-35 relative after 2000 steps: a fixture is never written silently wrong."""
    log_target = mp.log(target)

    def h(u):
        value = tail(mp.exp(u))
        if value <= 0:
            return mp.mpf("-inf") if increasing else mp.mpf("inf")
        d = mp.log(value) - log_target
        return d if increasing else -d

    lo, hi = mp.log(mp.mpf("1e-400")), mp.mpf(0)
    u = mp.log(mp.mpf(start)) if start is not None and 0 < start < 1 and np.isfinite(start) and start > 1e-300 else mp.log(mp.mpf("0.5"))
    for _ in range(2000):
        hu = h(u)
        if hu == 0:
            return mp.exp(u)
        if hu < 0:
            lo = u
        else:
            hi = u
        step = mp.mpf("1e-25") * max(1, abs(u))
        d = (h(u + step) - hu) / step if mp.isfinite(hu) else mp.mpf(0)
        nxt = u - hu / d if d > 0 and mp.isfinite(hu) else None
        if nxt is None or not (lo < nxt < hi):
            nxt = (lo + hi) / 2
        if abs(nxt - u) <= mp.mpf("1e-38") * max(1, abs(u)):
            return mp.exp(nxt)
        u = nxt
    raise RuntimeError("no convergence")


def cp(x, n, tail):
    a = mp.mpf(tail)
    if x == 0:
        lower = mp.mpf(0)
    elif x == n:
        lower = a ** (mp.mpf(1) / n)
    else:
        lower = solve_tail(lambda p: betainc(x, n - x + 1, p), a, True, stats.beta.ppf(tail, x, n - x + 1))
    if x == n:
        upper = mp.mpf(1)
    elif x == 0:
        upper = 1 - a ** (mp.mpf(1) / n)
    else:
        upper = solve_tail(lambda p: betainc_upper(x + 1, n - x, p), a, False, stats.beta.isf(tail, x + 1, n - x))
    return lower, upper


def midp(x, n, tail):
    a = mp.mpf(tail)
    if x == 0:
        lower = mp.mpf(0)
    elif x == n:
        lower = (2 * a) ** (mp.mpf(1) / n)
    else:
        lower = solve_tail(lambda p: (betainc(x, n - x + 1, p) + betainc(x + 1, n - x, p)) / 2, a, True,
                           stats.beta.ppf(tail, x, n - x + 1))
    if x == n:
        upper = mp.mpf(1)
    elif x == 0:
        upper = 1 - (2 * a) ** (mp.mpf(1) / n)
    else:
        upper = solve_tail(lambda p: (betainc_upper(x, n - x + 1, p) + betainc_upper(x + 1, n - x, p)) / 2, a, False,
                           stats.beta.isf(tail, x + 1, n - x))
    return lower, upper


def z_upper(tail):
    return -mp.sqrt(2) * mp.erfinv(2 * mp.mpf(tail) - 1)


def jeffreys(x, n, tail):
    a, b = mp.mpf(x) + mp.mpf("0.5"), mp.mpf(n - x) + mp.mpf("0.5")
    lower = mp.mpf(0) if x == 0 else solve_tail(lambda p: betainc(a, b, p), mp.mpf(tail), True, stats.beta.ppf(tail, float(a), float(b)))
    upper = mp.mpf(1) if x == n else solve_tail(lambda p: betainc_upper(a, b, p), mp.mpf(tail), False, stats.beta.isf(tail, float(a), float(b)))
    return lower, upper


def wilson(x, n, tail):
    z = z_upper(tail)
    z2 = z * z
    centre = (x + z2 / 2) / (n + z2)
    half = z / (n + z2) * mp.sqrt(mp.mpf(x) * (n - x) / n + z2 / 4)
    lower = mp.mpf(0) if x == 0 else max(mp.mpf(0), centre - half)
    upper = mp.mpf(1) if x == n else min(mp.mpf(1), centre + half)
    return lower, upper


def agresti_coull(x, n, tail):
    z = z_upper(tail)
    nt = n + z * z
    pt = (x + z * z / 2) / nt
    half = z * mp.sqrt(pt * (1 - pt) / nt)
    return max(mp.mpf(0), pt - half), min(mp.mpf(1), pt + half)


def wald(x, n, tail):
    z = z_upper(tail)
    p = mp.mpf(x) / n
    half = z * mp.sqrt(p * (1 - p) / n)
    return max(mp.mpf(0), p - half), min(mp.mpf(1), p + half)


def write_cp():
    rows = []
    tails = [0.1, 0.05, 0.025, 0.005, 0.0005, 1e-10, 1e-300]
    ns = [1, 2, 3, 5, 10, 18, 20, 26, 30, 50, 100, 257, 1000, 1826, 1933, 10_000, 100_000]
    for n in ns:
        xs = sorted({0, 1, 2, n // 7, n // 3, n // 2, n - 2, n - 1, n} & set(range(n + 1)))
        for x in xs:
            for tail in tails:
                if tail < 1e-20 and 0 < x < n and n > 1000:
                    continue
                try:
                    lower, upper = cp(x, n, tail)
                except ValueError as error:  # mpmath's hypergeometric series gives up: leave the case out
                    print("skipped", x, n, tail, str(error).splitlines()[0])
                    continue
                rows.append((x, n, tail, lower, upper))
    for (x, n) in [(1716, 1933), (44, 1826), (0, 1_000_000), (1_000_000, 1_000_000), (1, 1_000_000), (0, 1_000_000_000)]:
        for tail in [0.025, 1e-12]:
            lower, upper = cp(x, n, tail)
            rows.append((x, n, tail, lower, upper))
    with open(os.path.join(OUT, "clopper_pearson.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["x", "n", "tail", "lower", "upper"])
        for x, n, tail, lower, upper in rows:
            w.writerow([x, n, repr(tail), mp.nstr(lower, 20), mp.nstr(upper, 20)])
    print("clopper_pearson.csv", len(rows))


def write_methods():
    methods = {"mid-p": midp, "jeffreys": jeffreys, "wilson": wilson, "agresti-coull": agresti_coull, "wald": wald,
               "clopper-pearson": cp}
    rows = []
    for n in [1, 5, 10, 26, 50, 200, 1000]:
        for x in sorted({0, 1, n // 4, n // 2, n - 1, n} & set(range(n + 1))):
            for conf in [0.9, 0.95, 0.99]:
                for name, f in methods.items():
                    lower, upper = f(x, n, (1 - conf) / 2)
                    rows.append((name, x, n, conf, lower, upper))
    with open(os.path.join(OUT, "interval_methods.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["method", "x", "n", "conf", "lower", "upper"])
        for name, x, n, conf, lower, upper in rows:
            w.writerow([name, x, n, conf, mp.nstr(lower, 20), mp.nstr(upper, 20)])
    print("interval_methods.csv", len(rows))


def write_single_stage():
    rows = []
    for (p0, p1, alpha) in [(0.2, 0.4, 0.05), (0.05, 0.2, 0.05), (0.1, 0.3, 0.1), (0.3, 0.5, 0.025)]:
        for n in range(1, 121):
            k = np.arange(0, n + 2)
            tails = stats.binom.sf(k - 1, n, p0)  # P(X >= k)
            r = int(k[np.argmax(tails <= alpha)]) if np.any(tails <= alpha) else n + 1
            rows.append((p0, p1, alpha, n, r, stats.binom.sf(r - 1, n, p0), stats.binom.sf(r - 1, n, p1)))
    with open(os.path.join(OUT, "single_stage.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["p0", "p1", "alpha", "n", "r", "attained_alpha", "attained_power"])
        for row in rows:
            w.writerow(list(row[:5]) + [repr(float(row[5])), repr(float(row[6]))])
    print("single_stage.csv", len(rows))


def simon_brute_force(p0, p1, alpha, beta, nmax):
    """Every design with n <= nmax: the feasible one with least EN(p0) for each n."""
    best = {}
    for n in range(2, nmax + 1):
        for n1 in range(1, n):
            n2 = n - n1
            x1 = np.arange(n1 + 1)
            r = np.arange(n)  # candidate r = 0..n-1
            res = []
            for p in (p0, p1):
                b = stats.binom.pmf(x1, n1, p)
                # S[x1, r] = P(X2 > r - x1)
                s = stats.binom.sf(r[None, :] - x1[:, None], n2, p)
                m = b[:, None] * s
                # reject[r1, r] = sum_{x1 > r1} m[x1, r]
                rev = np.cumsum(m[::-1], axis=0)[::-1]
                rej = np.vstack([rev[1:], np.zeros((1, n))])  # row r1 = sum over x1 >= r1+1
                res.append(rej)
            rej0, rej1 = res
            pet0 = stats.binom.cdf(np.arange(n1), n1, p0)
            for r1 in range(n1):
                ok = (rej0[r1] <= alpha) & (rej1[r1] >= 1 - beta) & (r > r1)
                if ok.any():
                    rr = int(r[np.argmax(ok)])
                    en = n1 + (1 - pet0[r1]) * n2
                    if n not in best or en < best[n][0] - 1e-12:
                        best[n] = (en, r1, n1, rr, n, pet0[r1], rej0[r1, rr], rej1[r1, rr])
    if not best:
        return None
    minimax = best[min(best)]
    optimal = min(best.values(), key=lambda v: (v[0], v[4]))
    return optimal, minimax


def write_simon():
    cases = [  # p0, p1, alpha, beta, nmax for the brute force
        (0.2, 0.4, 0.10, 0.10, 60), (0.1, 0.3, 0.05, 0.20, 45), (0.05, 0.25, 0.10, 0.10, 40),
        (0.05, 0.25, 0.05, 0.20, 35), (0.05, 0.25, 0.05, 0.10, 45), (0.1, 0.3, 0.10, 0.10, 50),
        (0.1, 0.3, 0.05, 0.10, 55), (0.2, 0.4, 0.05, 0.20, 60), (0.3, 0.5, 0.05, 0.20, 65),
    ]
    with open(os.path.join(OUT, "simon.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["p0", "p1", "alpha", "beta", "kind", "r1", "n1", "r", "n", "en_p0", "pet_p0", "attained_alpha", "attained_power"])
        for p0, p1, alpha, beta, nmax in cases:
            optimal, minimax = simon_brute_force(p0, p1, alpha, beta, nmax)
            assert optimal[4] <= nmax - 8, ("widen nmax", p0, p1, alpha, beta, optimal)
            for kind, d in (("optimal", optimal), ("minimax", minimax)):
                en, r1, n1, r, n, pet, a, pw = d
                w.writerow([p0, p1, alpha, beta, kind, r1, n1, r, n, repr(float(en)), repr(float(pet)), repr(float(a)), repr(float(pw))])
                print(p0, p1, alpha, beta, kind, f"{r1}/{n1}, {r}/{n}", round(en, 2), round(pet, 3))


def write_widths():
    """First n whose Clopper-Pearson 95% interval at x = round(n * expected) is no wider than `width`."""
    with open(os.path.join(OUT, "interval_width.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["width", "expected", "n", "x", "lower", "upper"])
        for width, expected in [(0.2, 0.3), (0.1, 0.5), (0.3, 0.1), (0.05, 0.2)]:
            for n in range(1, 5000):
                x = int(np.floor(n * expected + 0.5))
                lower, upper = cp(x, n, 0.025)
                if upper - lower <= width:
                    w.writerow([width, expected, n, x, mp.nstr(lower, 20), mp.nstr(upper, 20)])
                    print("width", width, expected, n)
                    break


if __name__ == "__main__":
    import sys
    os.makedirs(OUT, exist_ok=True)
    parts = sys.argv[1:] or ["single-stage", "simon", "methods", "cp"]
    if "single-stage" in parts:
        write_single_stage()
    if "simon" in parts:
        write_simon()
    if "methods" in parts:
        write_methods()
    if "widths" in parts:
        write_widths()
    if "cp" in parts:
        write_cp()
