#!/usr/bin/env Rscript
# Simon two-stage inference fixtures for trialsize (issue 13), from clinfun's twostage.inference
# (Koyama & Chen 2008 p-value and interval; Jung & Kim 2004 UMVUE), with the exact interval limits
# re-solved here by uniroot so they can be compared more tightly than clinfun's 1e-4 grid.
#
# Needs clinfun installed (R_LIBS=/work/rlib; produced with clinfun 1.1.5, R 4.2.2). Run from the
# repository root:  R_LIBS=/work/rlib Rscript scripts/generate_simon_inference_fixtures.R
# Writes Tests/TrialDesignTests/Fixtures/simon_inference.csv with, per design and outcome:
#   clinfun's pumvue, p.value, LCL and UCL (alpha = 0.05, so a 90% interval), the p-value again
#   from upper tails (p_value_tail, accurate where clinfun's 1 - pbinom cancels), and
#   lower_root: the p with P_p(T >= t) = alpha, and upper_root: the p with P_p(T <= t) = alpha,
#   T ordered by stage, then responses.
suppressMessages(library(clinfun))
designs <- list(c(1, 10, 5, 29, 0.1), c(3, 17, 10, 37, 0.2), c(3, 19, 10, 36, 0.2), c(1, 15, 5, 25, 0.1),
                c(4, 19, 15, 54, 0.2), c(7, 28, 15, 60, 0.2))
alpha <- 0.05
tail_ge <- function(x, r1, n1, n, p) {
  n2 <- n - n1
  if (x <= r1) return(1 - pbinom(x - 1, n1, p))
  x1 <- (r1 + 1):n1
  sum(dbinom(x1, n1, p) * (1 - pbinom(x - x1 - 1, n2, p)))
}
tail_le <- function(x, r1, n1, n, p) {
  if (x <= r1) return(pbinom(x, n1, p))
  1 - tail_ge(x + 1, r1, n1, n, p)
}
# The same p-value from upper tails (pbinom(lower.tail = FALSE)): clinfun's 1 - pbinom(...) loses
# every digit below about 1e-16, so tiny p-values are compared with this one.
tail_upper <- function(x, r1, n1, n, p) {
  n2 <- n - n1
  if (x <= r1) return(pbinom(x - 1, n1, p, lower.tail = FALSE))
  x1 <- (r1 + 1):n1
  sum(dbinom(x1, n1, p) * pbinom(x - x1 - 1, n2, p, lower.tail = FALSE))
}
rows <- list()
for (d in designs) {
  r1 <- d[1]; n1 <- d[2]; r <- d[3]; n <- d[4]; p0 <- d[5]
  for (x in 1:(n - 1)) {
    if (x > r1 || x <= r1) {
      if (x <= r1 && x > n1) next
      ti <- suppressWarnings(twostage.inference(x, r1, n1, n, p0, alpha))
      lo <- uniroot(function(p) tail_ge(x, r1, n1, n, p) - alpha, c(1e-12, 1 - 1e-12), tol = 1e-14)$root
      up <- uniroot(function(p) tail_le(x, r1, n1, n, p) - alpha, c(1e-12, 1 - 1e-12), tol = 1e-14)$root
      rows[[length(rows) + 1]] <- data.frame(r1 = r1, n1 = n1, r = r, n = n, p0 = p0, x = x,
        umvue = sprintf("%.17g", ti[1]), p_value = sprintf("%.17g", ti[2]),
        p_value_tail = sprintf("%.17g", tail_upper(x, r1, n1, n, p0)), clinfun_lcl = ti[3], clinfun_ucl = ti[4],
        lower_root = sprintf("%.17g", lo), upper_root = sprintf("%.17g", up))
    }
  }
}
con <- file("Tests/TrialDesignTests/Fixtures/simon_inference.csv", "w")
writeLines(paste0("# clinfun ", packageVersion("clinfun"), ", R ", getRversion(), "; alpha 0.05"), con)
write.csv(do.call(rbind, rows), con, row.names = FALSE, quote = FALSE)
close(con)
