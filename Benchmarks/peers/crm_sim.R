# A straightforward CRM simulator in base R, written the way dfcrm's crmsim works: the second stand-in for
# crmsim when dfcrm is not installed. Same design as crm_sim.py: empiric model, prior beta ~ N(0, 1.34),
# cohorts of one from level 3, after each patient the posterior mean of beta by two calls of R's integrate
# over (-Inf, Inf) with a likelihood looping over patients and vectorised over beta (as dfcrm's crmh),
# restrict = TRUE rules, the closest level selected at the end.
# Usage: Rscript crm_sim.R TRIALS SEED  -> selection probabilities, then seconds of simulation.
args <- commandArgs(trailingOnly = TRUE)
trials <- as.integer(args[1]); set.seed(as.integer(args[2]))
skeleton <- c(0.0183, 0.0949, 0.25, 0.4422); truth <- c(0.05, 0.12, 0.25, 0.40)
target <- 0.25; patients <- 20; start <- 3; s2 <- 1.34
lik <- function(a, x, y) {
  v <- exp(-a^2 / 2 / s2)
  for (i in seq_along(x)) v <- v * (x[i]^exp(a))^y[i] * (1 - x[i]^exp(a))^(1 - y[i])
  v
}
closest <- function(b) which.min(abs(skeleton^exp(b) - target))
post_mean <- function(x, y) {
  den <- integrate(lik, -Inf, Inf, x = x, y = y)$value
  integrate(function(a) a * lik(a, x, y), -Inf, Inf)$value / den
}
one_trial <- function() {
  lev <- integer(0); tox <- integer(0); cur <- start; highest <- start - 1
  for (j in 1:patients) {
    dlt <- as.integer(runif(1) < truth[cur])
    lev <- c(lev, cur); tox <- c(tox, dlt); highest <- max(highest, cur)
    nxt <- min(closest(post_mean(skeleton[lev], tox)), highest + 1)
    if (dlt == 1) nxt <- min(nxt, cur)
    cur <- nxt
  }
  closest(post_mean(skeleton[lev], tox))
}
counts <- integer(length(skeleton))
elapsed <- system.time(for (t in 1:trials) { k <- one_trial(); counts[k] <- counts[k] + 1 })[["elapsed"]]
cat(sprintf("%.4f", counts / trials), "\n")
cat(elapsed, "\n")
