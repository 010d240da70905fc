# The seed question with base R (qchisq/pchisq): see seed_scipy.py.
m0 <- 8; m1 <- 13; alpha <- 0.05; power <- 0.8; dropout <- 0.1
rho <- m0 / m1
pw <- function(d) pchisq(rho * qchisq(1 - alpha, 2 * d), 2 * d, lower.tail = FALSE)
d <- 1
while (pw(d) < power) d <- d + 1
cat(sprintf("events %d patients %d power %.4f\n", d, ceiling(d / (1 - dropout) * (1 - 1e-9)), pw(d)))
