#!/usr/bin/env Rscript
# Reference values for trialsize's BOIN design (issue 14), from the BOIN R package itself.
#
# Produced with BOIN 2.7.2 (CRAN; Yuan & Liu) and Iso 0.0-21, on R 4.2. The package is NOT part of trialsize:
# install it yourself (R CMD INSTALL -l /work/rlib BOIN) and run
#     R_LIBS=/work/rlib Rscript scripts/generate_boin_fixtures.R      (about 2 minutes: get.oc is slow)
#
# Writes, beside the tests in Tests/TrialDesignTests/Fixtures/:
#   boin_boundaries.json  get.boundary: lambda_e, lambda_d and the full decision table (n = 1..ncohort*cohortsize,
#                         elimination NA -> null) for several targets, cohort sizes, phi1/phi2 and cutoffs.
#   boin_select.json      select.mtd: the MTD (99 -> null) and its printed estimates, 95% intervals and
#                         P(overdose) (the package prints them with 2 decimals) for hand-made and random data.
#   boin_oc.json          get.oc: selection, patients and DLTs per dose, stopping, for several scenarios
#                         (ntrial trials each; get.oc returns means only, no standard errors).
suppressPackageStartupMessages({ library(BOIN); library(jsonlite) })
out_dir <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "..",
                     "Tests", "TrialDesignTests", "Fixtures")
meta <- list(generator = "scripts/generate_boin_fixtures.R",
             package = paste("BOIN", as.character(packageVersion("BOIN"))),
             r = R.version.string)
write_fixture <- function(name, data) {
  writeLines(toJSON(c(meta, list(data = data)), auto_unbox = TRUE, digits = I(17), na = "null", null = "null", pretty = TRUE),
             file.path(out_dir, name))
}

# ---------------------------------------------------------------- boundaries
bcases <- list()
for (target in c(0.1, 0.15, 0.2, 0.25, 0.3, 0.33, 0.35, 0.4, 0.5, 0.55)) {
  for (design in list(c(10, 3), c(30, 1), c(8, 4))) {
    bcases[[length(bcases) + 1]] <- list(target = target, ncohort = design[1], cohortsize = design[2])
  }
}
bcases[[length(bcases) + 1]] <- list(target = 0.25, ncohort = 12, cohortsize = 3, p.saf = 0.15, p.tox = 0.35, cutoff.eli = 0.95)
bcases[[length(bcases) + 1]] <- list(target = 0.3, ncohort = 10, cohortsize = 3, p.saf = 0.2, p.tox = 0.4, cutoff.eli = 0.9)
bcases[[length(bcases) + 1]] <- list(target = 0.2, ncohort = 20, cohortsize = 2, p.saf = 0.1, p.tox = 0.3, cutoff.eli = 0.99)
boundaries <- lapply(bcases, function(c) {
  p.saf <- if (is.null(c$p.saf)) 0.6 * c$target else c$p.saf
  p.tox <- if (is.null(c$p.tox)) 1.4 * c$target else c$p.tox
  cutoff <- if (is.null(c$cutoff.eli)) 0.95 else c$cutoff.eli
  npts <- c$ncohort * c$cohortsize
  b <- get.boundary(c$target, c$ncohort, c$cohortsize, n.earlystop = npts, p.saf = p.saf, p.tox = p.tox, cutoff.eli = cutoff)
  tab <- if (c$cohortsize > 1) b$full_boundary_tab else b$boundary_tab
  list(target = c$target, ncohort = c$ncohort, cohortsize = c$cohortsize, phi1 = p.saf, phi2 = p.tox, cutoff = cutoff,
       lambda_e = b$lambda_e, lambda_d = b$lambda_d,
       n = as.integer(tab[1, ]), escalate = as.integer(tab[2, ]), deescalate = as.integer(tab[3, ]),
       eliminate = as.integer(tab[4, ]))
})
write_fixture("boin_boundaries.json", boundaries)

# ---------------------------------------------------------------- select.mtd
scases <- list(
  list(target = 0.25, npts = c(3, 3, 15, 9, 0), ntox = c(0, 0, 4, 4, 0)),
  list(target = 0.3, npts = c(3, 3, 15, 9, 0), ntox = c(0, 0, 4, 4, 0)),
  list(target = 0.3, npts = c(3, 6, 15, 6, 0), ntox = c(0, 0, 4, 5, 0)),
  list(target = 0.25, npts = c(6, 0, 0), ntox = c(4, 0, 0)),
  list(target = 0.25, npts = c(9, 12, 9), ntox = c(3, 2, 4)),
  list(target = 0.2, npts = c(3, 3, 3, 12, 9), ntox = c(0, 0, 0, 2, 3)),
  list(target = 0.25, npts = c(3, 9, 6, 0), ntox = c(0, 3, 0, 0), boundMTD = TRUE),
  list(target = 0.3, npts = c(3, 6, 12, 9, 0), ntox = c(0, 1, 5, 4, 0), boundMTD = TRUE),
  list(target = 0.3, npts = c(3, 6, 12, 9, 0), ntox = c(0, 1, 5, 4, 0), boundMTD = FALSE)
)
set.seed(14)
for (i in 1:300) {
  k <- sample(2:7, 1)
  target <- sample(c(0.15, 0.2, 0.25, 0.3, 0.33, 0.4), 1)
  tried <- sample(1:k, 1)
  npts <- c(sample(c(1, 2, 3, 3, 6, 6, 9, 12, 15, 18), tried, replace = TRUE), rep(0, k - tried))
  p <- sort(runif(k, 0.01, 0.7))
  ntox <- rbinom(k, npts, p)
  scases[[length(scases) + 1]] <- list(target = target, npts = npts, ntox = ntox, boundMTD = (i %% 5 == 0))
}
num <- function(s) ifelse(s == "----", NA, suppressWarnings(as.numeric(s)))
select <- lapply(scases, function(c) {
  bound <- if (is.null(c$boundMTD)) FALSE else c$boundMTD
  r <- select.mtd(c$target, c$npts, c$ntox, boundMTD = bound)
  ci <- gsub("[()]", "", as.character(r$p_est$CI))
  ends <- strsplit(ci, ",")
  list(target = c$target, npts = as.integer(c$npts), ntox = as.integer(c$ntox), bound_mtd = bound,
       mtd = if (r$MTD == 99) NA else as.integer(r$MTD),
       phat = num(as.character(r$p_est$phat)),
       lower = sapply(ends, function(e) num(e[1])), upper = sapply(ends, function(e) num(e[2])),
       p_overdose = num(r$p_overdose))
})
write_fixture("boin_select.json", select)

# ---------------------------------------------------------------- get.oc
ntrial <- 10000
ocases <- list(
  list(name = "issue-example", target = 0.25, p = c(0.05, 0.12, 0.25, 0.40, 0.55), ncohort = 10, cohortsize = 3),
  list(name = "earlystop-12", target = 0.3, p = c(0.1, 0.2, 0.3, 0.45, 0.6, 0.7), ncohort = 12, cohortsize = 3, n.earlystop = 12),
  list(name = "single-patient-start-2", target = 0.2, p = c(0.02, 0.05, 0.1, 0.2, 0.35), ncohort = 20, cohortsize = 1, startdose = 2),
  list(name = "seed-trial", target = 0.25, p = c(0.05, 0.12, 0.25, 0.40), ncohort = 10, cohortsize = 1, startdose = 3),
  list(name = "all-toxic", target = 0.25, p = c(0.45, 0.55, 0.65), ncohort = 8, cohortsize = 3),
  list(name = "bound-mtd", target = 0.3, p = c(0.15, 0.3, 0.42, 0.5, 0.6), ncohort = 10, cohortsize = 3, boundMTD = TRUE),
  list(name = "custom-phi-cutoff", target = 0.25, p = c(0.08, 0.15, 0.22, 0.3, 0.5), ncohort = 9, cohortsize = 4,
       p.saf = 0.15, p.tox = 0.35, cutoff.eli = 0.9)
)
oc <- lapply(ocases, function(c) {
  g <- function(key, default) if (is.null(c[[key]])) default else c[[key]]
  p.saf <- g("p.saf", 0.6 * c$target); p.tox <- g("p.tox", 1.4 * c$target)
  r <- get.oc(c$target, c$p, c$ncohort, c$cohortsize, n.earlystop = g("n.earlystop", 100), startdose = g("startdose", 1),
              p.saf = p.saf, p.tox = p.tox, cutoff.eli = g("cutoff.eli", 0.95), boundMTD = g("boundMTD", FALSE),
              ntrial = ntrial, seed = 6)
  list(name = c$name, target = c$target, truth = c$p, ncohort = c$ncohort, cohortsize = c$cohortsize,
       n_earlystop = g("n.earlystop", 100), startdose = g("startdose", 1), phi1 = p.saf, phi2 = p.tox,
       cutoff = g("cutoff.eli", 0.95), bound_mtd = g("boundMTD", FALSE), ntrial = ntrial,
       selection = r$selpercent / 100, none = r$percentstop / 100, patients = r$npatients, dlts = r$ntox,
       total_patients = r$totaln, total_dlts = r$totaltox)
})
write_fixture("boin_oc.json", oc)
