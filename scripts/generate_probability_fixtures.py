#!/usr/bin/env python3
"""Reference values for Tests/ProbabilityTests (trialsize issue 2).

Every value is computed with mpmath at 60 significant digits from the defining series and
continued fractions below, then rounded once to the nearest double:

* regularised incomplete beta I_x(a, b): the continued fraction of DLMF 8.17.22 (modified
  Lentz), evaluated on the side x < (a+1)/(a+b+2) where it converges fast, with the prefactor
  x^a (1-x)^b / (a B(a, b)) from mpmath's log-gamma;
* regularised incomplete gamma P(a, x), Q(a, x): the power series (DLMF 8.11.4) for x < a+1,
  Legendre's continued fraction (DLMF 8.9.2) otherwise;
* quantiles: safeguarded Newton on the logarithm of the smaller tail, in mpmath, started from
  scipy's ppf/isf and iterated until the step is below 1e-40 relative.

mpmath's own betainc/gammainc do not converge for shapes near 1e6 (hypergeometric series), so
the routines here are checked against them (and against scipy) where they do: the script
asserts agreement to 1e-40 (mpmath) and 1e-12 (scipy) on a grid of small and moderate
parameters before writing anything.

Doubles are written with repr(), which round-trips exactly. Probabilities p given to the
quantiles are exact doubles (mpmath converts them without rounding), so each fixture row is
the exact answer to the question the Swift test asks, rounded once.

Run:  python3 scripts/generate_probability_fixtures.py   (about a minute)
"""
import csv
import os
import random

import mpmath as mp
import numpy as np
from scipy import stats

mp.mp.dps = 60
EPS = mp.mpf(10) ** -55
TINY = mp.mpf(10) ** -400
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "ProbabilityTests", "Fixtures")

PROBS = [1e-15, 1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5,
         0.7, 0.9, 0.95, 0.975, 0.99, 0.999]


# ---------------------------------------------------------------- special functions (mp)
def _beta_cf(a, b, x):
    """Continued fraction for I_x(a, b) * a * B(a, b) / (x^a (1-x)^b), DLMF 8.17.22 (Lentz)."""
    qab, qap, qam = a + b, a + 1, a - 1
    c = mp.mpf(1)
    d = 1 - qab * x / qap
    d = 1 / (d if abs(d) > TINY else TINY)
    h = d
    for m in range(1, 2_000_000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > TINY else TINY)
        c = 1 + aa / c
        c = c if abs(c) > TINY else TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > TINY else TINY)
        c = 1 + aa / c
        c = c if abs(c) > TINY else TINY
        delta = d * c
        h *= delta
        if abs(delta - 1) < EPS:
            return h
    raise RuntimeError(f"beta cf did not converge a={a} b={b} x={x}")


def log_beta(a, b):
    return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)


def beta_pq(a, b, x):
    """(I_x(a, b), 1 - I_x(a, b)), each computed without cancellation when it is the small one."""
    a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    if x <= 0:
        return mp.mpf(0), mp.mpf(1)
    if x >= 1:
        return mp.mpf(1), mp.mpf(0)
    lnpre = a * mp.log(x) + b * mp.log1p(-x) - log_beta(a, b)
    if x < (a + 1) / (a + b + 2):
        p = mp.exp(lnpre) * _beta_cf(a, b, x) / a
        return p, 1 - p
    q = mp.exp(lnpre) * _beta_cf(b, a, 1 - x) / b
    return 1 - q, q


def beta_pdf(a, b, x):
    a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    if x <= 0 or x >= 1:
        return mp.mpf(0)
    return mp.exp((a - 1) * mp.log(x) + (b - 1) * mp.log1p(-x) - log_beta(a, b))


def gamma_pq(k, x):
    """(P(k, x), Q(k, x)) regularised incomplete gamma, unit scale."""
    k, x = mp.mpf(k), mp.mpf(x)
    if x <= 0:
        return mp.mpf(0), mp.mpf(1)
    lnpre = -x + k * mp.log(x) - mp.loggamma(k)
    if x < k + 1:
        ap, term = k, 1 / k
        total = term
        for _ in range(10_000_000):
            ap += 1
            term *= x / ap
            total += term
            if abs(term) < abs(total) * EPS:
                break
        else:
            raise RuntimeError("gamma series")
        p = total * mp.exp(lnpre)
        return p, 1 - p
    b = x + 1 - k
    c = 1 / TINY
    d = 1 / b
    h = d
    for i in range(1, 10_000_000):
        an = -i * (i - k)
        b += 2
        d = an * d + b
        d = d if abs(d) > TINY else TINY
        c = b + an / c
        c = c if abs(c) > TINY else TINY
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < EPS:
            break
    else:
        raise RuntimeError("gamma cf")
    q = mp.exp(lnpre) * h
    return 1 - q, q


def gamma_pdf(k, x):
    k, x = mp.mpf(k), mp.mpf(x)
    if x <= 0:
        return mp.mpf(0)
    return mp.exp((k - 1) * mp.log(x) - x - mp.loggamma(k))


def invert(tails, pdf, target, upper, start, lo, hi):
    """x with lower tail F(x) = target (upper=False) or upper tail Q(x) = target (upper=True).

    Solves the smaller tail; Newton on its logarithm inside a bracket, bisection as fallback."""
    target = mp.mpf(target)
    if target > mp.mpf(0.5):
        target, upper = 1 - target, not upper
    lt = mp.log(target)

    def h(x):  # increasing in x
        p, q = tails(x)
        return (lt - mp.log(q)) if upper else (mp.log(p) - lt), (q if upper else p)

    lo, hi = mp.mpf(lo), mp.mpf(hi)
    while hi == mp.inf or h(hi)[0] < 0:
        hi = (hi * 4 if hi != mp.inf else max(mp.mpf(start), mp.mpf(1)) * 4)
        if h(hi)[0] >= 0:
            break
    x = mp.mpf(start) if start is not None and np.isfinite(start) and lo < start < hi else (lo + hi) / 2
    for _ in range(5000):
        v, t = h(x)
        if v == 0:
            return x
        if v < 0:
            lo = x
        else:
            hi = x
        f = pdf(x)
        nxt = x - v * t / f if f > 0 else None
        if nxt is None or not (lo < nxt < hi):
            nxt = mp.sqrt(lo * hi) if lo > 0 and hi / lo > 4 else (lo + hi) / 2
        if abs(nxt - x) <= abs(nxt) * mp.mpf(10) ** -45:
            return nxt
        x = nxt
    raise RuntimeError("invert")


def r(v):
    """A double, written so it round-trips."""
    return repr(float(v))


def write(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{name}: {len(rows)} rows, {os.path.getsize(path)} bytes")


# ---------------------------------------------------------------- self-checks
def self_check():
    for a, b, x in [(0.5, 0.5, 0.3), (2, 3, 0.7), (10, 40, 0.2), (0.05, 2, 0.01), (30, 7, 0.9), (200, 100, 0.6)]:
        p, q = beta_pq(a, b, x)
        ref = mp.betainc(a, b, 0, x, regularized=True)
        assert abs(p - ref) < mp.mpf(10) ** -40 * max(ref, 1e-300), (a, b, x)
        assert abs(float(q) - stats.beta.sf(x, a, b)) <= 1e-12 * float(q), (a, b, x)
    for k, x in [(0.5, 0.1), (0.5, 20), (3, 1), (3, 9), (100, 80), (100, 130), (0.01, 1e-3)]:
        p, q = gamma_pq(k, x)
        ref = mp.gammainc(k, 0, x, regularized=True)
        assert abs(p - ref) < mp.mpf(10) ** -40 * ref, (k, x)
        assert abs(float(q) - stats.gamma.sf(x, k)) <= 1e-12 * float(q), (k, x)
    # large shapes: against scipy only
    for a, b, x in [(1e5, 2e5, 0.334), (1e6, 1e6, 0.5003)]:
        p, q = beta_pq(a, b, x)
        assert abs(float(p) - stats.beta.cdf(x, a, b)) < 1e-9 * float(p), (a, b, x)
    print("self-check passed")


# ---------------------------------------------------------------- continuous families
def continuous_rows(tails, pdf, params, lo, hi, start_lower, start_upper):
    """Quantile rows (params..., p, quantile, upperQuantile) and cdf rows at those points."""
    qrows, crows = [], []
    for p in PROBS:
        xl = invert(tails, pdf, p, False, start_lower(p), lo, hi)
        xu = invert(tails, pdf, p, True, start_upper(p), lo, hi)
        qrows.append(list(params) + [repr(p), r(xl), r(xu)])
        for x in sorted({float(xl), float(xu)}):
            if not (float(lo) < x < float(hi) if hi != mp.inf else x > float(lo)):
                continue
            P, Q = tails(mp.mpf(x))
            crows.append(list(params) + [repr(x), r(P), r(Q), r(pdf(mp.mpf(x)))])
    return qrows, crows


def normal():
    def tails(x):
        return mp.ncdf(x), mp.ncdf(-x)
    qrows, crows = continuous_rows(tails, mp.npdf, [], -mp.inf, mp.inf,
                                   lambda p: stats.norm.ppf(p), lambda p: stats.norm.isf(p))
    # invert() assumes lo >= 0 for geometric bisection only; normal handled by Newton from scipy start.
    for x in [-38.0, -30.0, -20.0, -8.5, -5.0, -1.96, -1e-3, 0.0, 0.5, 1.6448536269514722, 3.0, 7.0, 12.0, 25.0, 37.5]:
        crows.append([repr(x), r(mp.ncdf(x)), r(mp.ncdf(-x)), r(mp.npdf(x))])
    write("normal_quantile.csv", ["p", "quantile", "upper_quantile"], qrows)
    write("normal_cdf.csv", ["x", "cdf", "survival", "density"], crows)


def gamma_family():
    qrows, crows = [], []
    shapes = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 100, 1e3, 1e4, 1e5, 1e6]
    for k in shapes:
        for scale in ([1.0, 3.5] if k in (0.5, 10) else [1.0]):
            tails = (lambda x, k=k, s=scale: gamma_pq(k, x / s))
            pdf = (lambda x, k=k, s=scale: gamma_pdf(k, x / s) / s)
            q, c = continuous_rows(tails, pdf, [repr(k), repr(scale)], 0, mp.inf,
                                   lambda p: stats.gamma.ppf(p, k, scale=scale),
                                   lambda p: stats.gamma.isf(p, k, scale=scale))
            qrows += q
            crows += c
    write("gamma_quantile.csv", ["shape", "scale", "p", "quantile", "upper_quantile"], qrows)
    write("gamma_cdf.csv", ["shape", "scale", "x", "cdf", "survival", "density"], crows)


def chi_squared():
    qrows, crows = [], []
    for dof in [0.5, 1, 2, 3, 5, 10, 30, 52, 100, 1000, 1e4, 22000, 5e4, 1e5, 3e5, 1e6]:
        k = mp.mpf(dof) / 2
        tails = (lambda x, k=k: gamma_pq(k, x / 2))
        pdf = (lambda x, k=k: gamma_pdf(k, x / 2) / 2)
        q, c = continuous_rows(tails, pdf, [repr(float(dof))], 0, mp.inf,
                               lambda p: stats.chi2.ppf(p, dof), lambda p: stats.chi2.isf(p, dof))
        qrows += q
        crows += c
    write("chisquared_quantile.csv", ["dof", "p", "quantile", "upper_quantile"], qrows)
    write("chisquared_cdf.csv", ["dof", "x", "cdf", "survival", "density"], crows)


def exponential():
    rows = []
    for rate in [1e-3, 0.0866433975699932, 1.0, 50.0]:
        lam = mp.mpf(rate)
        for p in PROBS:
            rows.append([repr(rate), "q", repr(p), r(-mp.log1p(-mp.mpf(p)) / lam), r(-mp.log(mp.mpf(p)) / lam)])
        for z in [1e-12, 1e-6, 0.01, 0.5, 1.0, 3.0, 20.0, 300.0, 700.0]:
            x = float(mp.mpf(z) / lam)
            X = mp.mpf(x)
            rows.append([repr(rate), "c", repr(x), r(-mp.expm1(-lam * X)), r(mp.exp(-lam * X)), r(lam * mp.exp(-lam * X))])
    # "q" rows: rate, q, p, quantile, upper_quantile ; "c" rows: rate, c, x, cdf, survival, density
    write("exponential.csv", ["rate", "kind", "arg", "v1", "v2", "v3"], [row + [""] * (6 - len(row)) for row in rows])


def beta_family():
    vals = [0.05, 0.5, 1, 2.5, 20, 1e3, 1e5, 1e6]
    pairs = [(a, b) for a in vals for b in vals]
    pairs += [(0.1, 0.1), (4, 23), (5, 22), (1716, 218), (45, 1782), (1e6, 1e6 + 1), (3, 1e6)]
    probs = [1e-15, 1e-9, 1e-4, 0.025, 0.3, 0.5, 0.8, 0.975, 0.9999, 1 - 1e-9]
    qrows, crows = [], []
    for a, b in pairs:
        tails = (lambda x, a=a, b=b: beta_pq(a, b, x))
        pdf = (lambda x, a=a, b=b: beta_pdf(a, b, x))
        for p in probs:
            xl = invert(tails, pdf, p, False, stats.beta.ppf(p, a, b), 0, 1)
            xu = invert(tails, pdf, p, True, stats.beta.isf(p, a, b), 0, 1)
            qrows.append([repr(float(a)), repr(float(b)), repr(p), r(xl), r(xu)])
            if p in (1e-9, 0.3, 0.975):
                x = float(xl)
                if 0 < x < 1:
                    P, Q = tails(mp.mpf(x))
                    crows.append([repr(float(a)), repr(float(b)), repr(x), r(P), r(Q), r(pdf(mp.mpf(x)))])
    write("beta_quantile.csv", ["a", "b", "p", "quantile", "upper_quantile"], qrows)
    write("beta_cdf.csv", ["a", "b", "x", "cdf", "survival", "density"], crows)


def clopper_pearson():
    """Exact (Clopper-Pearson) bounds: lower = Beta(x, n-x+1) quantile at alpha/2,
    upper = Beta(x+1, n-x) upper quantile at alpha/2."""
    cases = set()
    for n in [1, 2, 3, 5, 10, 18, 20, 26, 30, 50, 100, 250, 500, 1000, 1826, 1933, 2000]:
        for x in {0, 1, 2, n // 4, n // 2, (3 * n) // 4, n - 1, n}:
            if 0 <= x <= n:
                cases.add((x, n, 0.05))
    cases |= {(1716, 1933, 0.05), (44, 1826, 0.05), (4, 26, 0.05), (3, 20, 0.05), (7, 30, 0.05),
              (0, 18, 0.05), (18, 18, 0.05), (4, 26, 0.1), (4, 26, 0.01)}
    rng = random.Random(20260125)
    for _ in range(160):
        n = rng.randint(1, 2000)
        cases.add((rng.randint(0, n), n, rng.choice([0.05, 0.1, 0.2, 0.01])))
    for n in [10_000, 100_000, 1_000_000]:
        for x in [1, n // 100, n // 2, n - 3]:
            cases.add((x, n, 0.05))
    rows = []
    for x, n, alpha in sorted(cases, key=lambda c: (c[1], c[0], c[2])):
        t = alpha / 2
        if x == 0:
            lower = mp.mpf(0)
        else:
            a, b = x, n - x + 1
            lower = invert(lambda v: beta_pq(a, b, v), lambda v: beta_pdf(a, b, v), t, False,
                           stats.beta.ppf(t, a, b), 0, 1)
        if x == n:
            upper = mp.mpf(1)
        else:
            a, b = x + 1, n - x
            upper = invert(lambda v: beta_pq(a, b, v), lambda v: beta_pdf(a, b, v), t, True,
                           stats.beta.isf(t, a, b), 0, 1)
        rows.append([x, n, repr(alpha), r(lower), r(upper)])
    write("clopper_pearson.csv", ["x", "n", "alpha", "lower", "upper"], rows)


def clopper_pearson_ordinary():
    """1,000 ordinary 95% intervals, n uniform on 1..2000 and x uniform on 0..n (the setting
    of the speed target in docs/methods/quantiles.md): the bounds at which the one-shot series
    step is accepted after a single evaluation."""
    rng = random.Random(20261125)
    cases = []
    for _ in range(1000):
        n = rng.randint(1, 2000)
        cases.append((rng.randint(0, n), n))
    rows = []
    t = 0.025
    for x, n in cases:
        if x == 0:
            lower = mp.mpf(0)
        else:
            a, b = x, n - x + 1
            lower = invert(lambda v: beta_pq(a, b, v), lambda v: beta_pdf(a, b, v), t, False,
                           stats.beta.ppf(t, a, b), 0, 1)
        if x == n:
            upper = mp.mpf(1)
        else:
            a, b = x + 1, n - x
            upper = invert(lambda v: beta_pq(a, b, v), lambda v: beta_pdf(a, b, v), t, True,
                           stats.beta.isf(t, a, b), 0, 1)
        rows.append([x, n, r(lower), r(upper)])
    write("clopper_pearson_ordinary.csv", ["x", "n", "lower", "upper"], rows)


def binomial():
    rows, qrows = [], []
    for n in [1, 10, 26, 100, 1000, 10_000, 100_000, 1_000_000]:
        for prob in [1e-4, 0.01, 0.2, 0.5, 0.9]:
            mean, sd = n * prob, (n * prob * (1 - prob)) ** 0.5
            ks = {0, 1, n - 1, n, int(mean)}
            for m in [-40, -12, -8, -5, -2, 2, 5, 8, 12, 40]:
                ks.add(int(round(mean + m * max(sd, 1))))
            P, N = mp.mpf(prob), mp.mpf(n)
            for k in sorted(k for k in ks if 0 <= k <= n):
                if k == n:
                    cdf, sf = mp.mpf(1), mp.mpf(0)
                else:
                    sf, cdf = beta_pq(k + 1, n - k, P)  # P(X > k) = I_p(k+1, n-k)
                pmf = mp.exp(mp.loggamma(N + 1) - mp.loggamma(k + 1) - mp.loggamma(N - k + 1)
                             + k * mp.log(P) + (N - k) * mp.log1p(-P))
                rows.append([n, repr(prob), k, r(cdf), r(sf), r(pmf)])
            for p in [1e-12, 0.025, 0.5, 0.975, 0.999999]:
                k = int(stats.binom.ppf(p, n, prob))
                cdf_at = lambda j: mp.mpf(1) if j >= n else (mp.mpf(0) if j < 0 else beta_pq(j + 1, n - j, P)[1])
                while k > 0 and cdf_at(k - 1) >= p:
                    k -= 1
                while cdf_at(k) < p:
                    k += 1
                near = [abs(cdf_at(j) / p - 1) for j in (k - 1, k) if 0 <= j]
                if min(near) > 1e-9:  # skip near-ties, where a 1-ulp CDF difference could flip k
                    qrows.append([n, repr(prob), repr(p), k])
    write("binomial.csv", ["n", "probability", "k", "cdf", "survival", "mass"], rows)
    write("binomial_quantile.csv", ["n", "probability", "p", "k"], qrows)


def poisson():
    rows, qrows = [], []
    for mu in [0.1, 1.0, 5.5, 30.0, 1000.0, 1e5, 1e6]:
        sd = mu ** 0.5
        ks = {0, 1, int(mu)}
        for m in [-40, -12, -8, -5, -2, 2, 5, 8, 12, 40]:
            ks.add(int(round(mu + m * max(sd, 1))))
        M = mp.mpf(mu)
        for k in sorted(k for k in ks if k >= 0):
            p_lower, q_upper = gamma_pq(k + 1, M)   # P(X <= k) = Q(k+1, mu)
            pmf = mp.exp(k * mp.log(M) - M - mp.loggamma(k + 1))
            rows.append([repr(mu), k, r(q_upper), r(p_lower), r(pmf)])
        for p in [1e-12, 0.025, 0.5, 0.975, 0.999999]:
            k = int(stats.poisson.ppf(p, mu))
            cdf_at = lambda j: mp.mpf(0) if j < 0 else gamma_pq(j + 1, M)[1]
            while k > 0 and cdf_at(k - 1) >= p:
                k -= 1
            while cdf_at(k) < p:
                k += 1
            near = [abs(cdf_at(j) / p - 1) for j in (k - 1, k) if j >= 0]
            if min(near) > 1e-9:
                qrows.append([repr(mu), repr(p), k])
    write("poisson.csv", ["mean", "k", "cdf", "survival", "mass"], rows)
    write("poisson_quantile.csv", ["mean", "p", "k"], qrows)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    self_check()
    normal()
    exponential()
    gamma_family()
    chi_squared()
    beta_family()
    clopper_pearson()
    clopper_pearson_ordinary()
    binomial()
    poisson()
