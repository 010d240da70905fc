#!/usr/bin/env python3
"""Independent reference for trialsize's exact 3+3 operating characteristics (issue 14).

Brute force, sharing no code or algebra with the Swift implementation: the 3+3 rules are written out as a
plain trial (`run_trial`), and every possible sequence of cohort outcomes (0, 1, 2 or 3 DLTs in each cohort
of 3) is enumerated by replaying the trial with a longer and longer prefix of outcomes. Each complete
sequence has probability prod C(3,y) p^y (1-p)^(3-y) at the levels where its cohorts were treated; the
selection probabilities and the expected patients and DLTs per level are sums over all sequences, in exact
rational arithmetic (fractions.Fraction), printed as floats.

The variant (docs/methods/three-plus-three.md): cohorts of 3 from `start`; escalation phase 0/3 escalate,
1/3 add 3 (<= 1/6 escalate, >= 2/6 too toxic), >= 2/3 too toxic; at the highest level 0/3 also adds 3 and
<= 1/6 makes it the MTD. A too-toxic level sends the trial down: a lower level with 6 patients is the MTD;
with 3 it gets 3 more (MTD if <= 1/6); below the start (untreated) it gets 3, then 3 more unless >= 2 DLTs,
MTD if <= 1/6; the lowest level too toxic: no MTD.

Run:  python3 scripts/generate_three_plus_three_fixtures.py   (a few seconds)
"""
import json
import os
from fractions import Fraction
from math import comb

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "TrialDesignTests", "Fixtures", "three_plus_three.json")


class NeedMore(Exception):
    pass


def run_trial(levels, start, draw):
    """One 3+3 trial; `draw(level)` gives the DLTs in a cohort of 3. Returns (mtd or None, n, y)."""
    n = [0] * levels
    y = [0] * levels
    d = start
    toxic = None
    while toxic is None:
        first = draw(d)
        n[d] += 3
        y[d] += first
        if first == 0 and d < levels - 1:
            d += 1
            continue
        if first <= 1:
            second = draw(d)
            n[d] += 3
            y[d] += second
            if y[d] <= 1:
                if d == levels - 1:
                    return d, n, y
                d += 1
                continue
        toxic = d
    j = toxic - 1
    while j >= 0:
        if n[j] == 6:
            return j, n, y
        if n[j] == 3:
            more = draw(j)
            n[j] += 3
            y[j] += more
            if y[j] <= 1:
                return j, n, y
            j -= 1
            continue
        first = draw(j)
        n[j] += 3
        y[j] += first
        if first >= 2:
            j -= 1
            continue
        second = draw(j)
        n[j] += 3
        y[j] += second
        if y[j] <= 1:
            return j, n, y
        j -= 1
    return None, n, y


def exact(truth, start):
    levels = len(truth)
    p = [Fraction(x).limit_denominator(10**9) for x in truth]
    selection = [Fraction(0)] * levels
    none = Fraction(0)
    patients = [Fraction(0)] * levels
    dlts = [Fraction(0)] * levels
    stack = [[]]
    paths = 0
    while stack:
        prefix = stack.pop()
        weight = [Fraction(1)]
        position = [0]

        def draw(level):
            if position[0] == len(prefix):
                raise NeedMore(level)
            outcome = prefix[position[0]]
            position[0] += 1
            weight[0] *= comb(3, outcome) * p[level] ** outcome * (1 - p[level]) ** (3 - outcome)
            return outcome

        try:
            mtd, n, y = run_trial(levels, start, draw)
        except NeedMore:
            for outcome in range(4):
                stack.append(prefix + [outcome])
            continue
        paths += 1
        w = weight[0]
        if mtd is None:
            none += w
        else:
            selection[mtd] += w
        for k in range(levels):
            patients[k] += w * n[k]
            dlts[k] += w * y[k]
    return {"selection": [float(x) for x in selection], "none": float(none),
            "patients": [float(x) for x in patients], "dlts": [float(x) for x in dlts],
            "expected_n": float(sum(patients)), "paths": paths}


CASES = [
    ([0.05, 0.12, 0.25, 0.40, 0.55], 1),
    ([0.05, 0.12, 0.25, 0.40], 3),
    ([0.05, 0.12, 0.25, 0.40], 1),
    ([0.1, 0.2, 0.3, 0.45, 0.6, 0.7], 1),
    ([0.02, 0.05, 0.1, 0.2, 0.35], 2),
    ([0.45, 0.55, 0.65], 1),
    ([0.3], 1),
    ([0.01, 0.02, 0.03], 1),
    ([0.2, 0.5, 0.3, 0.6], 2),
    ([0.15, 0.25, 0.35, 0.5, 0.6], 4),
]

if __name__ == "__main__":
    data = []
    for truth, start in CASES:
        result = exact(truth, start - 1)
        result.update({"truth": truth, "start": start})
        data.append(result)
    with open(OUT, "w") as f:
        json.dump({"generator": "scripts/generate_three_plus_three_fixtures.py (exact enumeration, fractions)", "data": data}, f, indent=1)
    print("wrote", OUT, sum(d["paths"] for d in data), "outcome sequences")
