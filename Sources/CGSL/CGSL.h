// The parts of the GNU Scientific Library that trialsize uses.
// Only the Probability module imports this; everything else sees Swift types.
#ifndef CGSL_H
#define CGSL_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_log.h>
#include <gsl/gsl_sf_result.h>

// Swift 6 rejects GSL's solver and generator type globals as "not concurrency-safe";
// these accessors hand them over as plain constant pointers.
static inline const gsl_root_fsolver_type *cgsl_root_fsolver_brent(void) { return gsl_root_fsolver_brent; }
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }

#endif
