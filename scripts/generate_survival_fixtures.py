#!/usr/bin/env python3
"""Reference values for trialsize's single-arm survival methods, computed independently with scipy.

Writes Tests/TrialDesignTests/Fixtures/survival_*.csv. Run from the repository root:
    python3 scripts/generate_survival_fixtures.py
Each formula here is written from its source, not from trialsize's Swift:
  exact       Epstein & Sobel (1953): 2*lambda*T ~ chi2(2d)
  log-hazard  d = (z_a + z_b)^2 / ln^2(m1/m0)
  cube-root   Wilson-Hilferty transform of the hazard estimate (Lawless 2003, sec. 3.2)
  log-rank    Wu (2015), Pharm Stat 14:26-33, exact-variance formula
  lachin-foulkes  one-sample hazard-scale form of Lachin & Foulkes (1986)
"""
import csv, math, os
import numpy as np
from scipy import integrate, optimize
from scipy.stats import chi2, norm

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "TrialDesignTests", "Fixtures")


def exact_power(d, m0, m1, alpha, sides):
    rho = m0 / m1  # lambda1 / lambda0
    tail = alpha / sides
    p = 0.0
    if sides == 2 or m1 > m0:
        p += chi2.sf(chi2.isf(tail, 2 * d) * rho, 2 * d)
    if sides == 2 or m1 < m0:
        p += chi2.cdf(chi2.ppf(tail, 2 * d) * rho, 2 * d)
    return p


def normal_power(shift, alpha, sides):
    """P(reject) for a statistic N(shift, 1) under H1 (shift > 0 in the direction tested)."""
    z = norm.isf(alpha / sides)
    p = norm.sf(z - shift)
    if sides == 2:
        p += norm.cdf(-z - shift)
    return p


def log_hazard_power(d, m0, m1, alpha, sides):
    return normal_power(math.sqrt(d) * abs(math.log(m1 / m0)), alpha, sides)


def cube_root_power(d, m0, m1, alpha, sides):
    # (lambda/lambdahat)^(1/3) ~ N(1 - c, c), c = 1/(9d); r = (lambda0/lambda1)^(1/3) = (m1/m0)^(1/3)
    c = 1 / (9 * d)
    r = (m1 / m0) ** (1 / 3)
    z = norm.isf(alpha / sides)
    # reject for a longer median when (lambda0/lambdahat)^(1/3) > 1 - c + z sqrt(c), i.e. r X > 1 - c + z sqrt(c), X ~ N(1-c, c)
    up = norm.sf(((1 - c + z * math.sqrt(c)) / r - (1 - c)) / math.sqrt(c))
    lo = norm.cdf(((1 - c - z * math.sqrt(c)) / r - (1 - c)) / math.sqrt(c))
    if sides == 2:
        return up + lo
    return up if m1 > m0 else lo


def lachin_foulkes_power(n_events_1, n_events_0, m0, m1, alpha, sides):
    """Power with expected events under H1 (n*phi1) and under H0 (n*phi0)."""
    l0, l1 = math.log(2) / m0, math.log(2) / m1
    z = norm.isf(alpha / sides)
    sd0 = l0 / math.sqrt(n_events_0)
    sd1 = l1 / math.sqrt(n_events_1)
    p = norm.sf((z * sd0 - abs(l0 - l1)) / sd1)
    if sides == 2:
        p += norm.cdf((-z * sd0 - abs(l0 - l1)) / sd1)
    return p


def event_probability(rate, A, F, eta):
    """P(event observed) for exponential(rate), uniform accrual over A, follow-up F, loss rate eta.
    A = F = inf means followed until the event."""
    mu = rate + eta
    if math.isinf(F):
        return rate / mu
    if A == 0:
        return rate / mu * (-math.expm1(-mu * F))
    return rate / mu * (1 - math.exp(-mu * F) * (-math.expm1(-mu * A)) / (mu * A))


def wu_terms(m0, hr, k, A, F, eta):
    """p0, p1, p00, p01 of Wu (2015) with censoring survival G(t) = exp(-eta t) * admin(t)."""
    lam0 = lambda t: k * math.log(2) * t ** (k - 1) / m0 ** k
    Lam0 = lambda t: math.log(2) * (t / m0) ** k
    S1 = lambda t: math.exp(-hr * Lam0(t))
    if math.isinf(F):
        G = lambda t: math.exp(-eta * t)
        pieces = [(0, np.inf, lambda t: 1.0)]
    else:
        tau = A + F
        pieces = [(0, F, lambda t: 1.0)]
        if A > 0:
            pieces.append((F, tau, lambda t: (tau - t) / A))
        G = lambda t: math.exp(-eta * t)

    def integral(h):
        total = 0.0
        for a, b, w in pieces:
            total += integrate.quad(lambda t: h(t) * w(t) * G(t), a, b, epsabs=0, epsrel=1e-12, limit=500)[0]
        return total
    p0 = integral(lambda t: S1(t) * lam0(t))
    p00 = integral(lambda t: S1(t) * Lam0(t) * lam0(t))
    return p0, hr * p0, p00, hr * p00


def wu_n(m0, hr, k, A, F, eta, alpha, power):
    p0, p1, p00, p01 = wu_terms(m0, hr, k, A, F, eta)
    w = p1 - p0
    sigma = math.sqrt(p1 - p1 ** 2 + 2 * p00 - p0 ** 2 - 2 * p01 + 2 * p0 * p1)
    return (math.sqrt(p0) * norm.isf(alpha) + sigma * norm.isf(1 - power)) ** 2 / w ** 2


def wu_power(n, m0, hr, k, A, F, eta, alpha, sides):
    p0, p1, p00, p01 = wu_terms(m0, hr, k, A, F, eta)
    w = abs(p1 - p0)
    sigma = math.sqrt(p1 - p1 ** 2 + 2 * p00 - p0 ** 2 - 2 * p01 + 2 * p0 * p1)
    z = norm.isf(alpha / sides)
    p = norm.sf((z * math.sqrt(p0) - math.sqrt(n) * w) / sigma)
    if sides == 2:
        p += norm.cdf((-z * math.sqrt(p0) - math.sqrt(n) * w) / sigma)
    return p


def rejection_region(method, d, e0, alpha, sides, longer):
    """(upper, lower) critical values of S = 2 lambda0 T with d events (see UncensoredCharacteristics)."""
    z = norm.isf(alpha / sides)
    if d == 0:
        up = {"exact": 0, "log_hazard": 0, "cube_root": 0, "log_rank": 2 * z * z,
              "lachin_foulkes": 0 if z / math.sqrt(e0) < 1 else None}[method]
        lo = None
    elif method == "exact":
        up, lo = chi2.isf(alpha / sides, 2 * d), chi2.ppf(alpha / sides, 2 * d)
    elif method == "log_hazard":
        up, lo = 2 * d * math.exp(z / math.sqrt(d)), 2 * d * math.exp(-z / math.sqrt(d))
    elif method == "cube_root":
        c = 1 / (9 * d)
        up = 2 * d * (1 - c + z * math.sqrt(c)) ** 3
        lo = 2 * d * (1 - c - z * math.sqrt(c)) ** 3 if 1 - c - z * math.sqrt(c) > 0 else None
    elif method == "lachin_foulkes":
        s = z / math.sqrt(e0)
        up = 2 * d / (1 - s) if s < 1 else None
        lo = 2 * d / (1 + s)
    else:
        r = math.sqrt(z * z + 4 * d)
        up, lo = 2 * ((z + r) / 2) ** 2, 2 * ((-z + r) / 2) ** 2
    if sides == 1:
        if longer:
            lo = None
        else:
            up = None
    return up, lo


def uncensored(method, n, q, m0, m1, alpha, sides):
    """Exact size and power with every patient followed to the event, D ~ Bin(n, 1-q)."""
    from scipy.stats import binom
    rho = m0 / m1
    size = power = 0.0
    for d in range(1, n + 1):
        w = binom.pmf(d, n, 1 - q) if q > 0 else (1.0 if d == n else 0.0)
        if w == 0:
            continue
        up, lo = rejection_region(method, d, n * (1 - q), alpha, sides, m1 > m0)
        for h, acc in ((1.0, "size"), (rho, "power")):
            p = 0.0
            if up is not None:
                p += chi2.sf(h * up, 2 * d)
            if lo is not None:
                p += chi2.cdf(h * lo, 2 * d)
            if acc == "size":
                size += w * p
            else:
                power += w * p
    return size, power


def fmt(x):
    return repr(float(x))


def main():
    os.makedirs(OUT, exist_ok=True)
    medians = [(8, 13), (8, 12), (6, 12), (12, 8), (10, 11), (3, 4.5), (24, 36)]
    alphas = [(0.05, 1), (0.025, 1), (0.1, 1), (0.05, 2), (0.01, 2)]
    with open(os.path.join(OUT, "survival_event_power.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["control_median", "median", "alpha", "sides", "events", "exact", "log_hazard", "cube_root", "lachin_foulkes"])
        for m0, m1 in medians:
            for a, s in alphas:
                for d in [2, 5, 10, 26, 27, 30, 57, 100, 400]:
                    w.writerow([m0, m1, a, s, d,
                                fmt(exact_power(d, m0, m1, a, s)),
                                fmt(log_hazard_power(d, m0, m1, a, s)),
                                fmt(cube_root_power(d, m0, m1, a, s)),
                                fmt(lachin_foulkes_power(d, d, m0, m1, a, s))])
    # smallest integer events reaching the target power, every patient followed to the event
    with open(os.path.join(OUT, "survival_events_required.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["control_median", "median", "alpha", "sides", "power", "exact", "log_hazard", "cube_root", "lachin_foulkes"])
        for m0, m1 in medians:
            for a, s in alphas:
                for pw in [0.8, 0.9]:
                    row = [m0, m1, a, s, pw]
                    for fn in (exact_power, log_hazard_power, cube_root_power,
                               lambda d, *x: lachin_foulkes_power(d, d, *x)):
                        d = 1
                        while fn(d, m0, m1, a, s) < pw:
                            d += 1
                        row.append(d)
                    w.writerow(row)
    # event probabilities under accrual, follow-up and loss
    with open(os.path.join(OUT, "survival_event_probability.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["median", "accrual", "follow_up", "loss_rate", "probability"])
        for m in [2, 8, 13, 60]:
            for A, F in [(26, 13), (5, 3), (0, 10), (52, 0), (1e-3, 1)]:
                for eta in [0, 0.01, 0.2]:
                    w.writerow([m, A, F, eta, fmt(event_probability(math.log(2) / m, A, F, eta))])
    # Wu (2015) one-sample log-rank: continuous n and power at integer n
    with open(os.path.join(OUT, "survival_wu_log_rank.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["control_median", "hazard_ratio", "shape", "accrual", "follow_up", "loss_rate", "alpha", "power", "n", "power_at_ceiling"])
        cases = [(9, 1 / 1.75, 1.22, 5, 3, 0), (9, 1 / 1.75, 1, 5, 3, 0), (8, 8 / 13, 1, 26, 13, 0),
                 (8, 8 / 13, 1, 26, 13, 0.01), (12, 0.7, 0.8, 24, 12, 0), (12, 0.5, 2, 10, 0, 0),
                 (6, 1.5, 1, 12, 6, 0), (8, 8 / 13, 1, math.inf, math.inf, 0)]
        for m0, hr, k, A, F, eta in cases:
            for a, pw in [(0.05, 0.8), (0.025, 0.9)]:
                n = wu_n(m0, hr, k, A, F, eta, a, pw)
                w.writerow([m0, fmt(hr), k, A, F, eta, a, pw, fmt(n),
                            fmt(wu_power(math.ceil(n), m0, hr, k, A, F, eta, a, 1))])
    with open(os.path.join(OUT, "survival_uncensored.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["method", "patients", "dropout", "control_median", "median", "alpha", "sides", "type_i_error", "power"])
        methods = ["exact", "log_hazard", "cube_root", "lachin_foulkes", "log_rank"]
        for m in methods:
            for n, q, m0, m1, a, sd in [(26, 0, 8, 13, 0.05, 1), (30, 0.1, 8, 13, 0.05, 1), (27, 0, 8, 13, 0.05, 1),
                                        (40, 0, 12, 8, 0.05, 1), (60, 0.2, 8, 12, 0.05, 2), (5, 0, 8, 20, 0.1, 1)]:
                size, power = uncensored(m, n, q, m0, m1, a, sd)
                w.writerow([m, n, q, m0, m1, a, sd, fmt(size), fmt(power)])
    print("Wu example n =", wu_n(9, 1 / 1.75, 1.22, 5, 3, 0, 0.05, 0.8))


if __name__ == "__main__":
    main()
