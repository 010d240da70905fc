#!/usr/bin/env python3
"""Fixtures for TITE-BOIN (Tests/TrialDesignTests/Fixtures/tite_boin_*.json).

An independent reference implementation written from the paper, not from trialsize's Swift code:

  Yuan Y, Lin R, Li D, Nie L, Warren KE. Time-to-event Bayesian optimal interval design to accelerate
  phase I trials. Clin Cancer Res. 2018;24(20):4921-4930.

At the current dose, n patients treated, y DLTs observed, m patients pending (no DLT, follow-up t_i < W),
STFT = sum_i t_i / W over the pending patients. With the prior p ~ Beta(phi/2, 1 - phi/2):

  p_tilde = (y + phi/2) / (n - m + 1)                      (posterior mean from the n - m known outcomes)
  p_hat   = (y + p_tilde / (1 - p_tilde) * (m - STFT)) / n  (each pending DLT imputed under a uniform
                                                             time to DLT within the window)

Escalate if p_hat <= lambda_e, de-escalate if p_hat >= lambda_d (Liu & Yuan 2015's boundaries), else stay.
Accrual is suspended when more than half of the current dose's patients are pending. Elimination: BOIN's rule
(P(p > phi | y, k) > cutoff under Beta(1, 1), k >= 3) on the k = n - m patients with known outcomes. With no
pending patient the decision is BOIN's own table (get.boundary: escalate if y <= floor(lambda_e n), de-escalate
if y >= ceil(lambda_d n), one more when lambda_d n is whole), as the BOIN R package.

The simulation follows the paper's setting with the time to DLT uniform over the window: patients arrive as a
Poisson process; a cohort's dose is decided when its first patient arrives; while accrual is suspended the
next patient waits until the next outcome at the current dose; after the last patient everyone is followed and
the MTD is selected by the BOIN package's select.mtd rule (isotonic regression of (y + 0.05)/(n + 0.1) with
weights 1/variance, ties to the lower dose).

Python 3 with numpy and scipy (numpy's PCG64 generator; the random numbers differ from trialsize's, so the
operating characteristics are compared within Monte Carlo error).

Usage: python3 scripts/generate_tite_boin_fixtures.py
"""

import json
import math
import os
import sys

import numpy as np
import scipy
from scipy.stats import beta as beta_dist

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "TrialDesignTests", "Fixtures")


def boundaries(target, phi1=None, phi2=None):
    phi1 = 0.6 * target if phi1 is None else phi1
    phi2 = 1.4 * target if phi2 is None else phi2
    lam_e = math.log((1 - phi1) / (1 - target)) / math.log(target * (1 - phi1) / (phi1 * (1 - target)))
    lam_d = math.log((1 - target) / (1 - phi2)) / math.log(phi2 * (1 - target) / (target * (1 - phi2)))
    return lam_e, lam_d


def eliminated(y, k, target, cutoff):
    """BOIN's elimination on k known outcomes (Beta(1, 1) prior), from 3 on."""
    return k >= 3 and 1 - beta_dist.cdf(target, y + 1, k - y + 1) > cutoff


def elimination_count(k, target, cutoff):
    for y in range(1, k + 1):
        if eliminated(y, k, target, cutoff):
            return y
    return None


def table_counts(n, lam_e, lam_d, target, cutoff):
    """get.boundary's counts for n patients: escalate if y <= e, de-escalate if y >= d (capped at elimination)."""
    e = math.floor(lam_e * n)
    x = lam_d * n
    d = round(x) + 1 if abs(round(x) - x) < 1e-12 else math.ceil(x)
    elim = elimination_count(n, target, cutoff)
    if elim is not None and d > elim:
        d = elim
    return e, d


def p_hat(target, n, y, m, stft):
    if m == 0:
        return y / n
    p_tilde = (y + target / 2) / (n - m + 1)
    return (y + p_tilde / (1 - p_tilde) * (m - stft)) / n


def decide(target, cutoff, lam_e, lam_d, window, levels, dlts, followup, doses, stop_at=100):
    """The TITE-BOIN decision from per-patient data; the current dose is the last patient's (1-based)."""
    n = [0] * doses
    y = [0] * doses
    m = [0] * doses
    s = [0.0] * doses
    for lev, dlt, t in zip(levels, dlts, followup):
        k = lev - 1
        n[k] += 1
        if dlt == 1:
            y[k] += 1
        elif t < window:
            m[k] += 1
            s[k] += t / window
    first_elim = None
    for k in range(doses):
        if eliminated(y[k], n[k] - m[k], target, cutoff):
            first_elim = k + 1
            break
    d = levels[-1]
    nd, yd, md, sd = n[d - 1], y[d - 1], m[d - 1], s[d - 1]
    est = p_hat(target, nd, yd, md, sd)
    highest_open = doses if first_elim is None else first_elim - 1
    if highest_open < 1:
        return "stop_for_toxicity", None, est
    if 2 * md > nd:
        # Suspend accrual, except that a dose above the highest one not eliminated moves down at once.
        return ("deescalate", highest_open, est) if d > highest_open else ("suspend", None, est)
    if md == 0:
        e, dd = table_counts(nd, lam_e, lam_d, target, cutoff)
        up, down = yd <= e, yd >= dd
    else:
        up, down = est <= lam_e, est >= lam_d
    # The BOIN package's order: the n.earlystop rule, then the move (never above the highest open dose).
    cannot_escalate = d >= highest_open
    stays = (not up and not down) or (d == 1 and down) or (up and cannot_escalate)
    if nd >= stop_at and stays:
        return "stop_and_select", None, est
    if up and not cannot_escalate:
        return "escalate", d + 1, est
    if down and d > 1:
        return "deescalate", min(d - 1, highest_open), est
    if d > highest_open:
        return "deescalate", highest_open, est
    return "stay", d, est


def decision_grid():
    cases = []
    window = 28.0
    patterns = {
        "early": [0.1],
        "late": [0.9],
        "mixed": [0.05, 0.35, 0.65, 0.95],
    }
    for target in (0.25, 0.3):
        lam_e, lam_d = boundaries(target)
        for current in (1, 2):
            for n in range(1, 9):
                for y in range(0, n + 1):
                    for m in range(0, n - y + 1):
                        for name, fractions in patterns.items():
                            if m == 0 and name != "mixed":
                                continue
                            # Level 1 (when current is 2): 3 complete patients without DLT.
                            levels, dlts, fu = ([1, 1, 1], [0, 0, 0], [window] * 3) if current == 2 else ([], [], [])
                            # Current level: y DLTs (time to DLT window/3), m pending, the rest complete without DLT.
                            levels += [current] * n
                            dlts += [1] * y + [0] * (n - y)
                            pend = [fractions[i % len(fractions)] * window for i in range(m)]
                            fu += [window / 3] * y + [window] * (n - y - m) + pend
                            fu = [round(t, 10) for t in fu]
                            # The last patient is at the current level by construction.
                            action, nxt, est = decide(target, 0.95, lam_e, lam_d, window, levels, dlts, fu, 3)
                            cases.append({"target": target, "levels": levels, "dlts": dlts,
                                          "follow_up": fu, "action": action, "next": nxt, "estimate": est})
    return cases


# --- simulation ---------------------------------------------------------------------------------------------

def pava(values, weights):
    """Weighted pool-adjacent-violators: the non-decreasing fit."""
    blocks = []  # [value, weight, count]
    for v, w in zip(values, weights):
        blocks.append([v, w, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            v2, w2, c2 = blocks.pop()
            v1, w1, c1 = blocks.pop()
            blocks.append([(v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, c1 + c2])
    out = []
    for v, _, c in blocks:
        out += [v] * c
    return out


def select_mtd(target, n, y, cutoff):
    """The BOIN package's select.mtd (boundMTD = FALSE): 1-based MTD or 0 for none."""
    k = len(n)
    elim = k
    for i in range(k):
        if n[i] >= 3 and eliminated(y[i], n[i], target, cutoff):
            elim = i
            break
    if elim == 0:
        return 0
    tried = [i for i in range(elim) if n[i] > 0]
    if not tried:
        return 0
    phat = [(y[i] + 0.05) / (n[i] + 0.1) for i in tried]
    var = [(y[i] + 0.05) * (n[i] - y[i] + 0.05) / ((n[i] + 0.1) ** 2 * (n[i] + 0.1 + 1)) for i in tried]
    fit = pava(phat, [1 / v for v in var])
    fit = [f + (j + 1) * 1e-10 for j, f in enumerate(fit)]
    best = min(range(len(tried)), key=lambda j: (abs(fit[j] - target), j))
    return tried[best] + 1


def simulate_trial(rng, truth, target, cutoff, lam_e, lam_d, window, rate, cohort_size, cohorts, start=1, stop_at=100):
    k = len(truth)
    total = cohort_size * cohorts
    tables = [None] + [table_counts(j, lam_e, lam_d, target, cutoff) for j in range(1, total + 1)]
    # eliminated(y, j) is y >= elim_count[j] (scipy's beta CDF evaluated once per j, for speed).
    elim_count = [None] + [elimination_count(j, target, cutoff) for j in range(1, total + 1)]

    def is_eliminated(yy, j):
        return j >= 3 and elim_count[j] is not None and yy >= elim_count[j]
    arrival, level, dlt_time = [], [], []
    d = start
    first_elim = k + 1
    clock = 0.0
    stopped_tox = False

    def state(t):
        n = [0] * k; y = [0] * k; m = [0] * k; s = [0.0] * k
        for a, lev, dt in zip(arrival, level, dlt_time):
            j = lev - 1
            n[j] += 1
            if a + dt <= t:
                y[j] += 1
            elif a + window > t:
                m[j] += 1
                s[j] += (t - a) / window
        return n, y, m, s

    done = False
    for c in range(cohorts):
        if c > 0:
            clock += rng.exponential(1 / rate)
            while True:
                n, y, m, s = state(clock)
                for j in range(k):
                    if is_eliminated(y[j], n[j] - m[j]):
                        first_elim = min(first_elim, j + 1)
                        break
                highest_open = first_elim - 1
                if highest_open < 1:
                    stopped_tox = True
                    done = True
                    break
                nd, yd, md, sd = n[d - 1], y[d - 1], m[d - 1], s[d - 1]
                if 2 * md > nd and d > highest_open:
                    d = highest_open
                    break
                if 2 * md > nd:
                    ends = [a + min(dt, window) for a, lev, dt in zip(arrival, level, dlt_time) if lev == d and a + min(dt, window) > clock]
                    clock = min(ends)
                    continue
                if md == 0:
                    e, dd = tables[nd]
                    up, down = yd <= e, yd >= dd
                else:
                    est = p_hat(target, nd, yd, md, sd)
                    up, down = est <= lam_e, est >= lam_d
                cannot = d >= highest_open
                stays = (not up and not down) or (d == 1 and down) or (up and cannot)
                if nd >= stop_at and stays:
                    done = True
                    break
                if up and not cannot:
                    d += 1
                elif down and d > 1:
                    d = min(d - 1, highest_open)
                elif d > highest_open:
                    d = highest_open
                break
            if done:
                break
        for i in range(cohort_size):
            if i > 0:
                clock += rng.exponential(1 / rate)
            u = rng.uniform()
            p = truth[d - 1]
            arrival.append(clock)
            level.append(d)
            dlt_time.append(rng.uniform(0, window) if u < p else math.inf)
    n = [0] * k; y = [0] * k
    duration = 0.0
    for a, lev, dt in zip(arrival, level, dlt_time):
        n[lev - 1] += 1
        if dt <= window:
            y[lev - 1] += 1
        duration = max(duration, a + min(dt, window))
    sel = 0 if stopped_tox else select_mtd(target, n, y, cutoff)
    return sel, n, y, duration


def simulate(truth, target, window, rate, cohort_size, cohorts, trials, seed):
    rng = np.random.default_rng(seed)
    lam_e, lam_d = boundaries(target)
    k = len(truth)
    sel = np.zeros(k + 1)
    pts = np.zeros((trials, k))
    tox = np.zeros((trials, k))
    dur = np.zeros(trials)
    for t in range(trials):
        s, n, y, d = simulate_trial(rng, truth, target, 0.95, lam_e, lam_d, window, rate, cohort_size, cohorts)
        sel[s] += 1
        pts[t] = n
        tox[t] = y
        dur[t] = d
    p = sel / trials
    se_p = np.sqrt(p * (1 - p) / trials)
    return {
        "truth": truth, "target": target, "window": window, "rate": rate, "cohort_size": cohort_size, "cohorts": cohorts,
        "trials": trials, "seed": seed,
        "selection": p[1:].tolist(), "selection_se": se_p[1:].tolist(), "none": p[0], "none_se": se_p[0],
        "patients": pts.mean(0).tolist(), "patients_se": (pts.std(0, ddof=1) / math.sqrt(trials)).tolist(),
        "dlts": tox.mean(0).tolist(), "dlts_se": (tox.std(0, ddof=1) / math.sqrt(trials)).tolist(),
        "duration": dur.mean(), "duration_se": dur.std(ddof=1) / math.sqrt(trials),
    }


def main():
    header = {"generator": "scripts/generate_tite_boin_fixtures.py",
              "reference": "Yuan, Lin, Li, Nie & Warren 2018, Clin Cancer Res 24:4921 (implemented independently in Python)",
              "python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__}
    cases = decision_grid()
    with open(os.path.join(OUT, "tite_boin_decisions.json"), "w") as f:
        json.dump({"about": header, "window": 28.0, "doses": 3, "data": cases}, f, separators=(",", ":"))
    trials = int(os.environ.get("TITE_BOIN_TRIALS", "10000"))
    scenarios = [
        # The seed trial's phase I (4 doses, target 0.25), a 28-day window, 1 patient a week (rate 1/7 per day).
        ([0.05, 0.12, 0.25, 0.40], 0.25, 28.0, 1 / 7, 3, 10),
        # Fast accrual relative to the window (many suspensions), 5 doses.
        ([0.05, 0.10, 0.20, 0.30, 0.45], 0.3, 90.0, 0.1, 3, 12),
        # Toxic: the lowest dose near the target, early stopping possible.
        ([0.30, 0.45, 0.60], 0.25, 21.0, 0.2, 3, 8),
    ]
    out = []
    for i, (truth, target, window, rate, size, cohorts) in enumerate(scenarios):
        out.append(simulate(truth, target, window, rate, size, cohorts, trials, 20260 + i))
        print(f"scenario {i + 1}: selection {np.round(out[-1]['selection'], 3)} none {out[-1]['none']:.3f} duration {out[-1]['duration']:.1f}")
    with open(os.path.join(OUT, "tite_boin_oc.json"), "w") as f:
        json.dump({"about": header, "data": out}, f, indent=1)
    print(f"{len(cases)} decision cases, {len(out)} simulated scenarios of {trials} trials")


if __name__ == "__main__":
    main()
