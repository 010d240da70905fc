# Clopper-Pearson intervals for a batch with base R's vectorised qbeta.
# Usage: Rscript cp.R batch.csv out.csv reps  -> writes lower,upper per line; prints the median CPU seconds of reps runs.
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], header = FALSE)
x <- d[[1]]; n <- d[[2]]; a <- 0.025
cp <- function() {
  lo <- ifelse(x == 0, 0, qbeta(a, x, n - x + 1))
  up <- ifelse(x == n, 1, qbeta(a, x + 1, n - x, lower.tail = FALSE))
  cbind(lo, up)
}
r <- suppressWarnings(cp())
write.table(format(r, digits = 17), args[2], sep = ",", row.names = FALSE, col.names = FALSE, quote = FALSE)
# CPU seconds (user + system) of each run, like the other Clopper-Pearson rows of compare.
times <- sapply(seq_len(as.integer(args[3])), function(i) { t <- system.time(suppressWarnings(cp())); t[["user.self"]] + t[["sys.self"]] })
cat(median(times), "\n")
