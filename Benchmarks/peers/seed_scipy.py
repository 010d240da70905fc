#!/usr/bin/env python3
"""The seed question with scipy, as a planner would script it: exact test on total time at risk
(2*lambda0*T ~ chi2(2d)), control median 8, alternative 13, one-sided alpha 0.05, power 0.8, dropout 0.1.
Smallest d with P(chi2_2d > rho * c_d) >= power, c_d = chi2.ppf(1 - alpha, 2d), rho = 8/13; patients = ceil(d / 0.9)."""
import math
from scipy.stats import chi2

m0, m1, alpha, power, dropout = 8.0, 13.0, 0.05, 0.8, 0.1
rho = m0 / m1
d = 1
while chi2.sf(rho * chi2.ppf(1 - alpha, 2 * d), 2 * d) < power:
    d += 1
patients = math.ceil(d / (1 - dropout) * (1 - 1e-9))
print(f"events {d} patients {patients} power {chi2.sf(rho * chi2.ppf(1 - alpha, 2 * d), 2 * d):.4f}")
