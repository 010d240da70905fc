#!/usr/bin/env python3
"""A straightforward CRM simulator in Python: the stand-in for dfcrm's crmsim when dfcrm is not installed.

Empiric model p_k(beta) = skeleton_k ** exp(beta), prior beta ~ N(0, 1.34) (dfcrm's default scale
sqrt(1.34)), cohorts of one starting at `start`. After each patient the posterior mean of beta is
two adaptive quadratures over (-inf, inf) (scipy.integrate.quad, as crmsim calls R's integrate), the
next level is the one whose plug-in p_k is closest to the target, restricted as crmsim's
restrict = TRUE (no skipping on escalation, no escalation right after a DLT). After the last patient the
closest level is selected, unrestricted. No early stopping.

Usage: crm_sim.py TRIALS SEED  -> prints selection probabilities, then seconds of simulation.
"""
import math
import sys
import time

import numpy as np
from scipy.integrate import quad

SKELETON = np.array([0.0183, 0.0949, 0.25, 0.4422])
TRUTH = np.array([0.05, 0.12, 0.25, 0.40])
TARGET, PATIENTS, START, PRIOR_VAR = 0.25, 20, 3, 1.34


def posterior_mean(n, y):
    """E[beta | data] with n[k] patients and y[k] DLTs at level k (likelihood as dfcrm's crmh)."""
    terms = [(SKELETON[k], int(y[k]), int(n[k] - y[k])) for k in range(len(SKELETON)) if n[k] > 0]

    def lik(beta):
        e = math.exp(min(beta, 700.0))  # p = s**e underflows to 0 beyond, as in R
        v = math.exp(-beta * beta / (2 * PRIOR_VAR))
        for s, dlt, ok in terms:
            p = s ** e
            v *= p ** dlt * (1 - p) ** ok
        return v

    den = quad(lik, -math.inf, math.inf)[0]
    num = quad(lambda b: b * lik(b), -math.inf, math.inf)[0]
    return num / den


def closest(beta):
    return int(np.argmin(np.abs(SKELETON ** math.exp(beta) - TARGET)))  # lowest on a tie


def one_trial(rng):
    levels = len(SKELETON)
    n = np.zeros(levels)
    y = np.zeros(levels)
    current, highest = START - 1, START - 2  # 0-based
    for _ in range(PATIENTS):
        dlt = rng.random() < TRUTH[current]
        n[current] += 1
        y[current] += dlt
        highest = max(highest, current)
        best = closest(posterior_mean(n, y))
        nxt = min(best, highest + 1)
        if dlt:
            nxt = min(nxt, current)
        current = nxt
    return closest(posterior_mean(n, y))


if __name__ == "__main__":
    trials, seed = int(sys.argv[1]), int(sys.argv[2])
    rng = np.random.default_rng(seed)
    t = time.perf_counter()
    counts = np.zeros(len(SKELETON))
    for _ in range(trials):
        counts[one_trial(rng)] += 1
    elapsed = time.perf_counter() - t
    print(" ".join(f"{c / trials:.4f}" for c in counts))
    print(f"{elapsed:.4f}")
