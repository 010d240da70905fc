/* The same exhaustive Simon search as simon.py, compiled: a second stand-in for clinfun's ph2simon, whose
 * search (f2bdry) is compiled Fortran. Every n <= nmax, n1 < n, r1 < n1; for each (n, n1) the rejection
 * probabilities of all (r1, r) by running sums over x1 from n1 down (O(n1 * n) per pair); for each r1 the
 * smallest r with P(reject | p0) <= alpha, feasible when its power >= 1 - beta. Same 1e-12 slack and tie
 * rules as simon.py. Build: cc -O2 -o simon simon.c -lm.  Usage: simon p0 p1 alpha power nmax */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define TOL 1e-12
static double **pmf[2], **above[2]; /* above[k][n][j + 1] = P(X > j), j = -1..n */

static void tables(int which, double p, int nmax) {
    pmf[which] = malloc((nmax + 1) * sizeof(double *));
    above[which] = malloc((nmax + 1) * sizeof(double *));
    for (int n = 0; n <= nmax; n++) {
        double *m = malloc((n + 1) * sizeof(double)), *a = malloc((n + 2) * sizeof(double));
        for (int x = 0; x <= n; x++)
            m[x] = exp(lgamma(n + 1.0) - lgamma(x + 1.0) - lgamma(n - x + 1.0) + x * log(p) + (n - x) * log1p(-p));
        a[n + 1] = 0; /* P(X > n) */
        for (int j = n - 1; j >= -1; j--) a[j + 1] = a[j + 2] + m[j + 1];
        pmf[which][n] = m;
        above[which][n] = a;
    }
}

static double surv(int which, int n2, int k) { /* P(X2 > k) */
    if (k < 0) return 1;
    if (k >= n2) return 0;
    return above[which][n2][k + 1];
}

int main(int argc, char **argv) {
    if (argc < 6) { fprintf(stderr, "usage: simon p0 p1 alpha power nmax\n"); return 2; }
    double p0 = atof(argv[1]), p1 = atof(argv[2]), alpha = atof(argv[3]), power = atof(argv[4]);
    int nmax = atoi(argv[5]);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    tables(0, p0, nmax);
    tables(1, p1, nmax);
    double *acc0 = malloc((nmax + 1) * sizeof(double)), *acc1 = malloc((nmax + 1) * sizeof(double));
    int have_mm = 0, have_opt = 0, mm[4] = {0}, opt[4] = {0};
    double mm_en = 0, opt_en = 0;
    for (int n = 2; n <= nmax; n++) {
        int have = 0, best[4] = {0};
        double best_en = 0;
        for (int n1 = 1; n1 < n; n1++) {
            int n2 = n - n1;
            int first_r[n1]; /* per r1: smallest r meeting alpha, or -1 */
            double pw[n1];
            for (int r = 0; r <= n; r++) acc0[r] = acc1[r] = 0;
            for (int x1 = n1; x1 >= 1; x1--) {
                double b0 = pmf[0][n1][x1], b1 = pmf[1][n1][x1];
                for (int r = 0; r <= n; r++) {
                    acc0[r] += b0 * surv(0, n2, r - x1);
                    acc1[r] += b1 * surv(1, n2, r - x1);
                }
                int r1 = x1 - 1;
                first_r[r1] = -1;
                for (int r = r1 + 1; r < n; r++)
                    if (acc0[r] <= alpha * (1 + TOL)) { first_r[r1] = r; pw[r1] = acc1[r]; break; }
            }
            for (int r1 = 0; r1 < n1; r1++) {
                if (first_r[r1] < 0 || !(pw[r1] >= power * (1 - TOL))) continue;
                double pet0 = 1 - above[0][n1][r1 + 1];
                double en = n1 + (1 - pet0) * n2;
                if (!have || en < best_en * (1 - TOL)) {
                    have = 1; best_en = en;
                    best[0] = r1; best[1] = n1; best[2] = first_r[r1]; best[3] = n;
                }
            }
        }
        if (!have) continue;
        if (!have_mm) { have_mm = 1; mm_en = best_en; for (int i = 0; i < 4; i++) mm[i] = best[i]; }
        if (!have_opt || best_en < opt_en * (1 - TOL)) { have_opt = 1; opt_en = best_en; for (int i = 0; i < 4; i++) opt[i] = best[i]; }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!have_mm) { printf("none\n"); return 1; }
    printf("optimal (%d, %d, %d, %d) EN %.4f minimax (%d, %d, %d, %d) EN %.4f seconds %.6f\n", opt[0], opt[1], opt[2], opt[3],
           opt_en, mm[0], mm[1], mm[2], mm[3], mm_en, (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec));
    return 0;
}
