#!/usr/bin/env python3
"""A synthetic data set shaped like the seed trial's PFS (Kearney et al., Breast Cancer Res Treat 2021),
for docs/examples/seed-analysis.md. It is NOT the trial's data (which are not public).

30 patients enter uniformly over 60 weeks; PFS is exponential with a 10-week median (between
the historical 8 and the hoped-for 13 weeks); the analysis is 20 weeks after the last entry, so
patients still progression-free then are censored; 3 patients are lost at random times.
Times are rounded to 0.1 week. Writes docs/examples/seed-pfs.csv (columns patient, entry, time,
event) with numpy's default_rng(20210501).

Run from the repository root: python3 scripts/generate_seed_analysis_data.py
"""
import math

import numpy as np

rng = np.random.default_rng(20210501)
n = 30
entry = np.sort(rng.uniform(0, 60, n))
pfs = rng.exponential(10 / math.log(2), n)
lost = np.full(n, np.inf)
lost[rng.choice(n, 3, replace=False)] = rng.uniform(1, 20, 3)
analysis = 80.0
admin = analysis - entry
time = np.minimum.reduce([pfs, lost, admin])
event = (pfs <= np.minimum(lost, admin)).astype(int)
with open("docs/examples/seed-pfs.csv", "w") as f:
    f.write("patient,entry,time,event\n")
    for i in range(n):
        f.write(f"{i + 1},{entry[i]:.1f},{max(time[i], 0.1):.1f},{event[i]}\n")
