#!/usr/bin/env Rscript
# Reference designs with restricted follow-up (each patient followed at most tf; the final analysis
# tf after the last entry) for `trialsize survival --max-follow-up` (single stage) and
# `trialsize survival --two-stage --max-follow-up`, from OneArm2stage 1.2.1's phase2.TTE with
# restricted = 1 (Wu, Chen, Wei, Weiss & Chauhan, Pharm Stat 2020;19:214-229), run on R 4.2.2.
# phase2.TTE's design part needs only the survival package: the function is sourced from the
# package sources (not committed), e.g.
#   OA2_SOURCE=/path/to/OneArm2stage/R/phase2.TTE_052520231531.r Rscript scripts/generate_restricted_survival_fixtures.R
# It takes minutes per setting (its grid search). Writes
# Tests/TrialDesignTests/Fixtures/restricted_survival.csv: one row per setting and criterion with
# phase2.TTE's single-stage n (its equation 2, integrals up to tf) and its optimal and minimax
# designs (n1, c1, n, c, t1, MTSL, ES, PS), rounded to 4 decimals by phase2.TTE itself.
suppressMessages(library(survival))
source(Sys.getenv("OA2_SOURCE"))
out <- file.path("Tests", "TrialDesignTests", "Fixtures", "restricted_survival.csv")
settings <- list(
  # The OneArm2stage vignette's Example 1 (exponential, S0(2) = 0.62, HR 0.467, 2 years each, 5 a year).
  list(shape = 1, S0 = 0.62, x0 = 2, hr = 0.467, tf = 2, rate = 5, alpha = 0.05, beta = 0.2),
  # The seed trial: exponential, median 8 vs 13 weeks, each patient followed 26 weeks, 1 a week.
  list(shape = 1, S0 = 0.5, x0 = 8, hr = 8 / 13, tf = 26, rate = 1, alpha = 0.05, beta = 0.2),
  # Weibull 0.5 (phase2.TTE's help example 1 with restricted follow-up).
  list(shape = 0.5, S0 = 0.6, x0 = 3, hr = 0.5, tf = 1, rate = 5, alpha = 0.05, beta = 0.15),
  # Weibull 1.22, median 9, hazard ratio 1/1.75, 20 patients a year, each followed 2 years.
  list(shape = 1.22, S0 = 0.5, x0 = 9, hr = 1 / 1.75, tf = 2, rate = 20, alpha = 0.05, beta = 0.2)
)
rows <- c("setting,shape,S0,x0,hr,tf,rate,alpha,beta,nsingle,criterion,n1,c1,n,c,t1,MTSL,ES,PS")
for (i in seq_along(settings)) {
  s <- settings[[i]]
  r <- suppressWarnings(phase2.TTE(shape = s$shape, S0 = s$S0, x0 = s$x0, hr = s$hr, tf = s$tf, rate = s$rate,
                                   alpha = s$alpha, beta = s$beta, restricted = 1))
  for (criterion in c("optimal", "minimax")) {
    d <- if (criterion == "optimal") r$Two_stage_Optimal else r$Two_stage_minmax
    rows <- c(rows, paste(i, s$shape, s$S0, s$x0, sprintf("%.17g", s$hr), s$tf, s$rate, s$alpha, s$beta,
                          r$Single_stage$nsingle, criterion, d$n1, d$c1, d$n, d$c, d$t1, d$MTSL, d$ES, d$PS, sep = ","))
  }
  writeLines(rows, out)
}
