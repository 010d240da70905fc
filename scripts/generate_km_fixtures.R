#!/usr/bin/env Rscript
# Kaplan-Meier reference fixtures for trialsize's analysis (issue 13), from R's survival package.
#
# Writes, under Tests/TrialDesignTests/Fixtures/:
#   km/<name>.csv      the data: time,event (event 1 = progression or death, 0 = censored), from the
#                      data sets that ship with survival (lung, aml, ovarian, veteran, colon deaths,
#                      pbc) and small constructed cases (a curve flat at exactly 0.5, flat to the end,
#                      all censored, ending in an event, heavy ties);
#   km_quantiles.csv   survfit quantiles (0.25, 0.5, 0.75) and their intervals for conf.type log,
#                      log-log and plain at conf 0.95 and 0.90 (quantile.survfit; NA written as empty);
#   km_landmarks.csv   summary(fit, times = ...) survival, limits and numbers at risk.
#
# Run from the repository root:  Rscript scripts/generate_km_fixtures.R
# Produced with R 4.2.2 and survival 3.5.3 (Debian r-cran-survival); the header of each CSV repeats it.
suppressMessages(library(survival))
out <- "Tests/TrialDesignTests/Fixtures"
dir.create(file.path(out, "km"), showWarnings = FALSE, recursive = TRUE)
version <- paste0("# R ", getRversion(), ", survival ", packageVersion("survival"))

datasets <- list(
  lung = data.frame(time = lung$time, event = as.integer(lung$status == 2)),
  aml = data.frame(time = aml$time, event = aml$status),
  ovarian = data.frame(time = ovarian$futime, event = ovarian$fustat),
  veteran = data.frame(time = veteran$time, event = veteran$status),
  pbc = data.frame(time = pbc$time, event = as.integer(pbc$status == 2)),
  colon_death = with(subset(colon, etype == 2), data.frame(time = time, event = status)),
  # Uncensored, six events: S = 0.5 exactly from t = 3 to t = 4, so R's median is the midpoint, 3.5.
  flat_half = data.frame(time = c(1, 2, 3, 4, 5, 6), event = c(1, 1, 1, 1, 1, 1)),
  # S = 0.5 from t = 2 to the end of follow-up (t = 7): R's median is (2 + 7)/2 = 4.5.
  flat_to_end = data.frame(time = c(1, 2, 5, 7), event = c(1, 1, 0, 0)),
  all_censored = data.frame(time = c(2, 3, 5, 8, 13), event = c(0, 0, 0, 0, 0)),
  ends_in_event = data.frame(time = c(1, 2, 2, 3, 4, 6, 9), event = c(1, 1, 0, 1, 0, 1, 1)),
  ties = data.frame(time = rep(c(1, 2, 3, 4, 5, 6), each = 5), event = rep(c(1, 1, 0, 1, 0), 6))
)

quantile_rows <- list()
landmark_rows <- list()
fmt <- function(v) ifelse(is.na(v), "", trimws(formatC(v, digits = 17, format = "g")))
for (name in names(datasets)) {
  d <- datasets[[name]]
  write.csv(d, file.path(out, "km", paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  times <- unique(round(quantile(d$time, c(0.1, 0.25, 0.5, 0.75, 0.9), type = 1)))
  for (conf in c(0.95, 0.90)) for (type in c("log", "log-log", "plain")) {
    fit <- survfit(Surv(time, event) ~ 1, data = d, conf.type = type, conf.int = conf)
    q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
    for (i in 1:3) {
      quantile_rows[[length(quantile_rows) + 1]] <- data.frame(
        dataset = name, conf_type = type, conf = conf, probability = c(0.25, 0.5, 0.75)[i],
        estimate = fmt(q$quantile[i]), lower = fmt(q$lower[i]), upper = fmt(q$upper[i]))
    }
    s <- summary(fit, times = times[times <= max(d$time)])
    landmark_rows[[length(landmark_rows) + 1]] <- data.frame(
      dataset = name, conf_type = type, conf = conf, time = s$time, n_risk = s$n.risk,
      survival = fmt(s$surv), lower = fmt(s$lower), upper = fmt(s$upper))
  }
}
write_fixture <- function(rows, file) {
  con <- file(file.path(out, file), "w")
  writeLines(version, con)
  write.csv(do.call(rbind, rows), con, row.names = FALSE, quote = FALSE)
  close(con)
}
write_fixture(quantile_rows, "km_quantiles.csv")
write_fixture(landmark_rows, "km_landmarks.csv")
