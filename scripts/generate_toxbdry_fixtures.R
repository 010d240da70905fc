#!/usr/bin/env Rscript
# Reference boundaries and operating characteristics for `trialsize toxicity-boundary`,
# computed by clinfun's toxbdry() and bdrycross.prob() (Ivanova, Qaqish & Schell, Biometrics
# 2005;61:540-545). Produced with clinfun 1.1.5 on R 4.2.2.
#
# Run from the repository root, with clinfun installed (R_LIBS pointing at its library):
#   R_LIBS=/work/rlib Rscript scripts/generate_toxbdry_fixtures.R
# Writes Tests/TrialDesignTests/Fixtures/toxbdry_boundaries.csv (one row per case and look:
# the low and high boundaries) and toxbdry_oc.csv (one row per case and true rate: pcross,
# pstop and ess of both boundaries from toxbdry's bdry.oc, and, for extra rates outside the
# p0..p1 grid, from bdrycross.prob on each boundary).
suppressMessages(library(clinfun))
out <- file.path("Tests", "TrialDesignTests", "Fixtures")
cat("clinfun", as.character(packageVersion("clinfun")), "\n")

cases <- list(
  list(p0 = 0.2, p1 = 0.35, looks = c(10, 20, 30, 40), cP0 = 0.1, cP1 = 0.9, delta = 0, priority = "null"),
  list(p0 = 0.2, p1 = 0.35, looks = c(10, 20, 30, 40), cP0 = 0.1, cP1 = 0.9, delta = 0.5, priority = "null"),
  list(p0 = 0.2, p1 = 0.35, looks = c(10, 20, 30, 40), cP0 = 0.1, cP1 = 0.9, delta = 0, priority = "alt"),
  list(p0 = 0.1, p1 = 0.3, looks = 1:30, cP0 = 0.1, cP1 = 0.9, delta = 0, priority = "null"),
  list(p0 = 0.1, p1 = 0.3, looks = 1:30, cP0 = 0.1, cP1 = 0.9, delta = 0.5, priority = "null"),
  list(p0 = 0.1, p1 = 0.3, looks = 1:30, cP0 = 0.1, cP1 = 0.9, delta = 0.2, priority = "alt"),
  list(p0 = 0.15, p1 = 0.3, looks = 1:60, cP0 = 0.05, cP1 = 0.8, delta = 0, priority = "null"),
  list(p0 = 0.25, p1 = 0.4, looks = c(6, 12, 18, 24, 30, 36), cP0 = 0.1, cP1 = 0.9, delta = 0.25, priority = "null"),
  list(p0 = 0.3, p1 = 0.5, looks = c(5, 15, 25), cP0 = 0.2, cP1 = 0.8, delta = 0.1, priority = "alt"),
  list(p0 = 0.05, p1 = 0.2, looks = 1:100, cP0 = 0.1, cP1 = 0.9, delta = 0, priority = "null"),
  list(p0 = 0.33, p1 = 0.5, looks = c(3, 6, 9, 12, 15, 18), cP0 = 0.1, cP1 = 0.9, delta = 0, priority = "null"),
  list(p0 = 0.2, p1 = 0.4, looks = c(12, 25, 37, 50), cP0 = 0.05, cP1 = 0.95, delta = 0.5, priority = "alt")
)
extra <- c(0.01, 0.5, 0.7)

fmt <- function(x) sprintf("%.17g", x)
bdry <- c("case,p0,p1,alpha,power,shape,priority,look,n,low,high")
oc <- c("case,rate,source,pcross_low,pstop_low,ess_low,pcross_high,pstop_high,ess_high")
for (i in seq_along(cases)) {
  k <- cases[[i]]
  b <- toxbdry(k$p0, k$p1, k$looks, cP0 = k$cP0, cP1 = k$cP1, delta = k$delta, priority = k$priority)
  for (j in seq_along(k$looks)) {
    bdry <- c(bdry, paste(i, fmt(k$p0), fmt(k$p1), fmt(k$cP0), fmt(k$cP1), fmt(k$delta), k$priority,
                          j, k$looks[j], b$lo.bdry[j], b$hi.bdry[j], sep = ","))
  }
  m <- b$bdry.oc
  for (r in seq_len(nrow(m))) {
    oc <- c(oc, paste(i, fmt(m[r, 1]), "toxbdry", paste(fmt(m[r, 2:7]), collapse = ","), sep = ","))
  }
  lo <- bdrycross.prob(k$looks, b$lo.bdry, extra)
  hi <- bdrycross.prob(k$looks, b$hi.bdry, extra)
  for (r in seq_along(extra)) {
    oc <- c(oc, paste(i, fmt(extra[r]), "bdrycross.prob", paste(fmt(c(lo[r, 2:4], hi[r, 2:4])), collapse = ","), sep = ","))
  }
}
writeLines(bdry, file.path(out, "toxbdry_boundaries.csv"))
writeLines(oc, file.path(out, "toxbdry_oc.csv"))
