#!/usr/bin/env python3
"""Independent references for trialsize's CRM / TITE-CRM (issue 5).

Writes JSON fixtures beside the tests in Tests/TrialDesignTests/Fixtures/:

* crm_skeletons.json     Lee & Cheung (2009) skeletons: the published rows (source cited) and a grid
                         computed here with mpmath (50 digits) from dfcrm's getprior recursion;
                         indifference intervals of given skeletons by scipy brentq.
* crm_posterior.json     posterior mean / sd of beta, posterior means of p_k, plug-in p_k and 90%
                         equal-tailed intervals, by mpmath quadrature (30 digits) over the normal prior,
                         for empiric and logistic models, with and without TITE weights.
* crm_tite_weights.json  linear and adaptive TITE weights (dfcrm's titecrm algorithm, re-implemented).
* crm_simulation.json    an independent small CRM / TITE-CRM simulator (numpy, dense-grid posterior)
                         for a few designs; selection probabilities with Monte Carlo standard errors.

Run:  python3 scripts/generate_crm_fixtures.py   (about a minute)
"""
import json
import math
import os
import sys

import mpmath as mp
import numpy as np
from scipy.optimize import brentq

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "TrialDesignTests", "Fixtures")
mp.mp.dps = 20  # 20 digits: ample for the 1e-8 tests, and quick


# ---------------------------------------------------------------- models
def logit(p):
    return mp.log(p / (1 - p))


def prob(model, skeleton, intercept, k, beta):
    s = mp.mpf(skeleton[k])
    if model == "empiric":
        return s ** mp.exp(beta)
    x = logit(s) - intercept
    return 1 / (1 + mp.exp(-(intercept + mp.exp(beta) * x)))


# ---------------------------------------------------------------- skeletons
def getprior(halfwidth, target, nu, nlevel, model="empiric", intcpt=3):
    """dfcrm::getprior, transcribed (Cheung 2011, ch. 8)."""
    t, d = mp.mpf(target), mp.mpf(halfwidth)
    a = mp.mpf(intcpt)
    ds = [None] * (nlevel + 1)  # 1-based
    if model == "empiric":
        ds[nu] = t
        for k in range(nu, 1, -1):
            b = mp.log(mp.log(t + d) / mp.log(ds[k]))
            ds[k - 1] = mp.exp(mp.log(t - d) / mp.exp(b))
        for k in range(nu, nlevel):
            b = mp.log(mp.log(t - d) / mp.log(ds[k]))
            ds[k + 1] = mp.exp(mp.log(t + d) / mp.exp(b))
        return [float(v) for v in ds[1:]]
    ds[nu] = logit(t) - a
    for k in range(nu, 1, -1):
        b = mp.log((logit(t + d) - a) / ds[k])
        ds[k - 1] = (logit(t - d) - a) / mp.exp(b)
    for k in range(nu, nlevel):
        b = mp.log((logit(t - d) - a) / ds[k])
        ds[k + 1] = (logit(t + d) - a) / mp.exp(b)
    return [float(1 / (1 + mp.exp(-a - v))) for v in ds[1:]]


def indifference(model, skeleton, intercept, target):
    """crmsens-style intervals: boundaries b_k solve p_{k-1}(b) + p_k(b) = 2 target."""
    K = len(skeleton)
    f = lambda k, b: float(prob(model, skeleton, intercept, k, b))
    bounds = [-math.inf] + [None] * (K - 1) + [math.inf]
    for k in range(1, K):
        g = lambda b: f(k - 1, b) + f(k, b) - 2 * target
        bounds[k] = brentq(g, -40, 40, xtol=1e-14, rtol=1e-14) if g(-40) > 0 and g(40) < 0 else (-math.inf if g(-40) <= 0 else math.inf)

    def p(k, b):
        if b == -math.inf:
            return 1.0 if model == "empiric" else float(1 / (1 + mp.exp(-intercept)))
        if b == math.inf:
            return 0.0
        return f(k, b)
    return [{"level": k + 1, "lower": p(k, bounds[k + 1]), "upper": p(k, bounds[k])} for k in range(K)]


def skeleton_fixture():
    published = [
        {"source": "Lee & Cheung 2009 (Clin Trials 6:227-238); /work/shared/reference/published-cases.md",
         "model": "empiric", "target": 0.25, "halfwidth": 0.05, "levels": 5, "prior_mtd": 3, "intercept": 3,
         "skeleton": [0.0840, 0.1567, 0.25, 0.3545, 0.4603]},
        {"source": "Lee & Cheung 2009; published-cases.md", "model": "empiric", "target": 0.20, "halfwidth": 0.04,
         "levels": 6, "prior_mtd": 3, "intercept": 3, "skeleton": [0.0704, 0.1266, 0.20, 0.2855, 0.3768, 0.4676]},
        {"source": "Lee & Cheung 2009 (logistic, intercept 3); published-cases.md", "model": "logistic",
         "target": 0.25, "halfwidth": 0.10, "levels": 6, "prior_mtd": 3, "intercept": 3,
         "skeleton": [0.0177, 0.0861, 0.25, 0.4668, 0.6469, 0.7631]},
    ]
    grid = []
    for model in ("empiric", "logistic"):
        for target in (0.1, 0.2, 0.25, 0.3, 0.33, 0.5):
            for halfwidth in (0.02, 0.05, 0.09):
                if halfwidth >= min(target, 1 - target):
                    continue
                for levels, nu in ((4, 3), (5, 1), (6, 4), (8, 8)):
                    intercept = 3
                    if model == "logistic" and float(logit(mp.mpf(target + halfwidth))) >= intercept:
                        continue
                    grid.append({"model": model, "target": target, "halfwidth": halfwidth, "levels": levels,
                                 "prior_mtd": nu, "intercept": intercept,
                                 "skeleton": getprior(halfwidth, target, nu, levels, model, intercept)})
    intervals = []
    for model, skeleton, intercept, target in (
        ("empiric", [0.05, 0.12, 0.25, 0.40], 3, 0.25),
        ("empiric", getprior(0.09, 0.25, 3, 4), 3, 0.25),
        ("empiric", [0.02, 0.06, 0.10, 0.18, 0.30], 3, 0.20),
        ("logistic", [0.05, 0.12, 0.25, 0.40], 3, 0.25),
        ("logistic", getprior(0.10, 0.25, 3, 6, "logistic", 3), 3, 0.25),
    ):
        intervals.append({"model": model, "skeleton": skeleton, "intercept": intercept, "target": target,
                          "intervals": indifference(model, skeleton, intercept, target)})
    return {"published": published, "grid": grid, "indifference": intervals}


# ---------------------------------------------------------------- TITE weights
def tite_weights(followup, dlt, window, scheme):
    """dfcrm::titecrm's weights, transcribed."""
    w = [min(u / window, 1.0) for u in followup]
    for i, y in enumerate(dlt):
        if y:
            w[i] = 1.0
    if scheme == "adaptive":
        support = sorted(min(followup[i] / window, 1.0) for i in range(len(dlt)) if dlt[i])
        z = len(support)
        if z:
            for i in range(len(dlt)):
                if dlt[i]:
                    continue
                v = w[i]
                if v >= 1:
                    continue
                m = len([s for s in support if s <= v])
                if m == 0:
                    w[i] = v / (support[0] * (z + 1))
                elif m == z:
                    w[i] = (z + (v - support[z - 1]) / (1 - support[z - 1])) / (z + 1)
                else:
                    w[i] = (m + (v - support[m - 1]) / (support[m] - support[m - 1])) / (z + 1)
    return w


def weights_fixture():
    cases = [
        ([21, 14, 7], [0, 0, 1], 21),
        ([21, 21, 10, 5, 2], [0, 1, 0, 0, 0], 21),
        ([3, 21, 12, 18, 6, 1], [1, 0, 1, 0, 0, 0], 21),
        ([30, 25, 10, 40, 5], [0, 0, 0, 1, 0], 42),
        ([1, 2, 3], [0, 0, 0], 21),
    ]
    out = []
    for f, y, window in cases:
        for scheme in ("linear", "adaptive"):
            out.append({"follow_up": f, "dlt": y, "window": window, "scheme": scheme,
                        "weights": tite_weights(f, y, window, scheme)})
    return out


# ---------------------------------------------------------------- posterior
def posterior(model, skeleton, intercept, variance, levels, dlt, weights, level=0.9, target=0.25):
    K = len(skeleton)
    var = mp.mpf(variance)

    def logh(b):
        total = -b * b / (2 * var)
        for d, y, w in zip(levels, dlt, weights):
            p = prob(model, skeleton, intercept, d - 1, b)
            total += mp.log(p) if y else mp.log(1 - w * p)
        return total

    grid = [-12 * mp.sqrt(var) + 24 * mp.sqrt(var) * i / 600 for i in range(601)]
    c = max(logh(b) for b in grid)
    g = lambda b: mp.exp(logh(b) - c)
    # Finite limits: beyond 12 prior sds the prior factor is below e^-72 of its peak (and the likelihood is
    # at most 1), far under the 1e-8 tolerance; mpmath is very slow at s**exp(huge) on infinite ranges.
    reach = 12 * mp.sqrt(var)
    pts = [-reach] + [mp.mpf(v) for v in (-6, -3, -1, 0, 1, 3, 6) if abs(v) < reach] + [reach]
    z = mp.quad(g, pts)
    mean = mp.quad(lambda b: b * g(b), pts) / z
    sd = mp.sqrt(mp.quad(lambda b: (b - mean) ** 2 * g(b), pts) / z)
    pmeans = [mp.quad(lambda b, k=k: prob(model, skeleton, intercept, k, b) * g(b), pts) / z for k in range(K)]

    def quantile(q):
        # Newton on the posterior CDF (its derivative is the density g/z), from the normal approximation.
        x = mean + sd * mp.sqrt(2) * mp.erfinv(2 * q - 1)
        for _ in range(60):
            step = (mp.quad(g, [-reach, x]) / z - q) / (g(x) / z)
            x -= step
            if abs(step) < mp.mpf(10) ** -15:
                break
        return x

    tail = (1 - mp.mpf(level)) / 2
    lo, hi = quantile(tail), quantile(1 - tail)

    def above(k):
        # P(p_k(beta) > target): the posterior mass where the condition holds, with the crossing
        # found numerically (bisection on [-reach, reach]), not from a closed form.
        f = lambda b: prob(model, skeleton, intercept, k, b) - target
        a, b = -reach, reach
        fa, fb = f(a), f(b)
        if fa <= 0 and fb <= 0:
            return mp.mpf(0)
        if fa > 0 and fb > 0:
            return mp.mpf(1)
        for _ in range(200):
            m = (a + b) / 2
            if (f(m) > 0) == (fa > 0):
                a = m
            else:
                b = m
        cross = (a + b) / 2
        mass = mp.quad(g, [-reach, cross]) / z
        return mass if fa > 0 else 1 - mass

    return {
        "target": target,
        "above_target": [float(above(k)) for k in range(K)],
        "beta_mean": float(mean), "beta_sd": float(sd),
        "posterior_means": [float(v) for v in pmeans],
        "plug_in": [float(prob(model, skeleton, intercept, k, mean)) for k in range(K)],
        "interval_lower": [float(prob(model, skeleton, intercept, k, hi)) for k in range(K)],
        "interval_upper": [float(prob(model, skeleton, intercept, k, lo)) for k in range(K)],
    }


def posterior_fixture():
    seed_skel = getprior(0.09, 0.25, 3, 4)
    cases = [
        ("empiric", [0.05, 0.12, 0.25, 0.40], 3, 1.34, [3, 3, 4], [0, 0, 1], [1, 1, 1]),
        ("empiric", [0.05, 0.12, 0.25, 0.40], 3, 1.34, [3, 3, 4], [0, 0, 1],
         tite_weights([21, 14, 7], [0, 0, 1], 21, "linear")),
        ("empiric", seed_skel, 3, 1.34, [3, 3, 3, 4, 4, 4], [0, 0, 0, 0, 1, 0], [1, 1, 1, 1, 1, 1]),
        ("empiric", seed_skel, 3, 1.34, [3], [1], [1]),
        ("empiric", seed_skel, 3, 1.34, [1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1], [1] * 8),
        ("empiric", seed_skel, 3, 1.34, [4] * 12, [0] * 12, [1] * 12),
        ("empiric", [0.02, 0.06, 0.10, 0.18, 0.30], 3, 0.5, [1, 2, 3, 3, 4, 4], [0, 0, 0, 1, 1, 0],
         [1, 1, 1, 1, 1, 0.4]),
        ("logistic", [0.05, 0.12, 0.25, 0.40], 3, 1.34, [3, 3, 4], [0, 0, 1], [1, 1, 1]),
        ("logistic", getprior(0.10, 0.25, 3, 6, "logistic", 3), 3, 1.34, [2, 3, 3, 4, 4, 3],
         [0, 0, 0, 1, 0, 0], [1, 1, 1, 1, 0.6, 0.2]),
        ("empiric", [0.05, 0.12, 0.25, 0.40], 3, 4.0, [2, 3, 4, 4, 4], [0, 0, 1, 1, 0],
         tite_weights([40, 35, 10, 20, 5], [0, 0, 1, 1, 0], 42, "adaptive")),
        # No patients yet (the starting dose), and six of six DLTs at the lowest level (the safety rule).
        ("empiric", [0.05, 0.12, 0.25, 0.40], 3, 1.34, [], [], []),
        ("empiric", [0.05, 0.12, 0.25, 0.40], 3, 1.34, [1] * 6, [1] * 6, [1] * 6),
        ("logistic", [0.05, 0.12, 0.25, 0.40], 3, 1.34, [1, 1, 1, 2, 2, 2], [1, 1, 0, 1, 1, 1], [1] * 6),
    ]
    out = []
    for model, skel, a, var, lv, y, w in cases:
        row = {"model": model, "skeleton": skel, "intercept": a, "prior_variance": var, "levels": lv,
               "dlt": y, "weights": w}
        row.update(posterior(model, skel, a, var, lv, y, w))
        out.append(row)
        print("posterior", model, lv, y, row["beta_mean"], file=sys.stderr)
    return out


# ---------------------------------------------------------------- independent simulation
class GridPosterior:
    """Dense trapezoid grid (h = 0.005 on [-12, 12]): an independent, slow, accurate rule."""

    def __init__(self, model, skeleton, intercept, variance):
        self.b = np.linspace(-12, 12, 4801)
        e = np.exp(self.b)[None, :]
        s = np.asarray(skeleton)[:, None]
        if model == "empiric":
            self.p = s ** e
        else:
            x = np.log(s / (1 - s)) - intercept
            self.p = 1 / (1 + np.exp(-(intercept + e * x)))
        self.p = np.clip(self.p, 1e-300, 1 - 1e-16)
        self.lp, self.lq = np.log(self.p), np.log1p(-self.p)
        self.prior = -self.b ** 2 / (2 * variance)

    def mean(self, y, c, partial=()):
        h = self.prior + y @ self.lp + c @ self.lq
        for k, w in partial:
            h = h + np.log1p(-w * self.p[k])
        e = np.exp(h - h.max())
        return float((e * self.b).sum() / e.sum())

    def closest(self, beta, model, skeleton, intercept, target):
        K = len(skeleton)
        p = [float(prob(model, skeleton, intercept, k, beta)) for k in range(K)]
        d = [abs(v - target) for v in p]
        return int(np.argmin(d)) + 1


def simulate(model, skeleton, intercept, target, truth, n, start, cohort, trials, seed, tite=None):
    rng = np.random.default_rng(seed)
    K = len(skeleton)
    post = GridPosterior(model, skeleton, intercept, 1.34)
    skel_f = [float(v) for v in skeleton]

    def closest(beta):
        s = np.asarray(skel_f)
        if model == "empiric":
            p = s ** math.exp(beta)
        else:
            x = np.log(s / (1 - s)) - intercept
            p = 1 / (1 + np.exp(-(intercept + math.exp(beta) * x)))
        return int(np.argmin(np.abs(p - target))) + 1

    sel = np.zeros(K)
    treated = np.zeros(K)
    for _ in range(trials):
        y, c, nk = np.zeros(K), np.zeros(K), np.zeros(K)
        cur, highest = start, start - 1
        if tite is None:
            done = 0
            while done < n:
                size = min(cohort, n - done)
                tox = rng.random(size) < truth[cur - 1]
                y[cur - 1] += tox.sum(); c[cur - 1] += size - tox.sum(); nk[cur - 1] += size
                done += size
                highest = max(highest, cur)
                if done < n:
                    nxt = closest(post.mean(y, c))
                    nxt = min(nxt, highest + 1)
                    if tox.any():
                        nxt = min(nxt, cur)
                    cur = nxt
        else:
            window, rate = tite["window"], tite["rate"]
            arr, lev, has, tt = [], [], [], []
            clock, last = 0.0, 0.0
            for i in range(n):
                if i > 0:
                    clock += rng.exponential(1 / rate)
                    y[:] = 0; c[:] = 0
                    partial, new = [], False
                    for j in range(i):
                        seen = has[j] and arr[j] + tt[j] <= clock
                        if seen:
                            y[lev[j] - 1] += 1
                            new = new or arr[j] + tt[j] > last
                        else:
                            w = min((clock - arr[j]) / window, 1.0)
                            if w >= 1:
                                c[lev[j] - 1] += 1
                            elif w > 0:
                                partial.append((lev[j] - 1, w))
                    nxt = min(closest(post.mean(y, c, partial)), highest + 1)
                    if new:
                        nxt = min(nxt, lev[i - 1])
                    cur = nxt
                    last = clock
                u = rng.random()
                p = truth[cur - 1]
                arr.append(clock); lev.append(cur); has.append(u < p); tt.append(window * u / p if u < p else window)
                highest = max(highest, cur)
                nk[cur - 1] += 1
            y[:] = 0; c[:] = 0
            for j in range(n):
                if has[j]:
                    y[lev[j] - 1] += 1
                else:
                    c[lev[j] - 1] += 1
        sel[closest(post.mean(y, c)) - 1] += 1
        treated += nk
    p = sel / trials
    return {"selection": p.tolist(), "selection_se": np.sqrt(p * (1 - p) / trials).tolist(),
            "patients_per_level": (treated / trials).tolist()}


def simulation_fixture():
    seed_skel = getprior(0.09, 0.25, 3, 4)
    cases = [
        dict(model="empiric", skeleton=seed_skel, intercept=3, target=0.25, truth=[0.05, 0.12, 0.25, 0.40],
             patients=10, start=3, cohort=1, trials=20000),
        dict(model="empiric", skeleton=[0.0840, 0.1567, 0.25, 0.3545, 0.4603], intercept=3, target=0.25,
             truth=[0.02, 0.05, 0.10, 0.25, 0.45], patients=20, start=1, cohort=3, trials=6000),
        dict(model="logistic", skeleton=[0.05, 0.12, 0.25, 0.40], intercept=3, target=0.25,
             truth=[0.10, 0.30, 0.45, 0.60], patients=12, start=2, cohort=1, trials=6000),
        dict(model="empiric", skeleton=seed_skel, intercept=3, target=0.25, truth=[0.05, 0.12, 0.25, 0.40],
             patients=10, start=3, cohort=1, trials=3000, tite={"window": 21, "rate": 0.2}),
    ]
    out = []
    for i, case in enumerate(cases):
        res = simulate(case["model"], case["skeleton"], case["intercept"], case["target"], case["truth"],
                       case["patients"], case["start"], case["cohort"], case["trials"], 1000 + i, case.get("tite"))
        row = dict(case)
        row.update(res)
        out.append(row)
        print("simulation", i, res["selection"], file=sys.stderr)
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[1:])
    jobs = {"crm_skeletons.json": skeleton_fixture, "crm_tite_weights.json": weights_fixture,
            "crm_posterior.json": posterior_fixture, "crm_simulation.json": simulation_fixture}
    for name, job in jobs.items():
        if only and name not in only:
            continue
        data = job()  # compute first, so an interrupted run never leaves a truncated fixture
        with open(os.path.join(OUT, name), "w") as f:
            json.dump({"generator": "scripts/generate_crm_fixtures.py", "data": data}, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
