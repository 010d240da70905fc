internal import CGSL

/// A seeded stream of random numbers: GSL's Mersenne Twister (MT19937) behind a Swift type.
///
/// Streams are *split* reproducibly: stream `i` of seed `s` is a generator whose whole
/// 624-word state is filled from SplitMix64 applied to (s, i) (Steele, Lea & Flood 2014,
/// "Fast splittable pseudorandom number generators"), so sub-streams do not overlap in
/// practice and a simulation that gives block `i` of its trials stream `i` gets the same
/// numbers whatever the number of threads.
///
/// A stream owns its generator: use one per task, never share one across threads.
public final class RandomStream {
    private let generator: UnsafeMutablePointer<gsl_rng>
    /// The seed this generator was built from.
    public let seed: UInt64
    /// The index of the stream within its seed (block `b` of a Monte Carlo run uses stream `b`).
    public let stream: UInt64

    /// Stream `stream` of seed `seed`: the same numbers on every platform and run.
    public init(seed: UInt64, stream: UInt64 = 0) {
        GSLRuntime.prepare()
        guard let generator = gsl_rng_alloc(cgsl_rng_mt19937()) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        self.generator = generator
        self.seed = seed
        self.stream = stream
        Self.fillState(generator, seed: seed, stream: stream)
    }

    deinit { gsl_rng_free(generator) }

    /// GSL's `gsl_rng_set` takes a 32-bit seed for MT19937, too few for many sub-streams.
    /// Its state is `{ unsigned long mt[624]; int mti; }`; fill it from SplitMix64 instead.
    private static func fillState(_ generator: UnsafeMutablePointer<gsl_rng>, seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(state: seed ^ SplitMix64.mix(stream &+ 0x5851_F42D_4C95_7F2D))
        let words = 624
        let expectedSize = MemoryLayout<UInt>.stride * words + MemoryLayout<Int32>.stride
        guard gsl_rng_size(generator) >= expectedSize, let state = gsl_rng_state(generator) else {
            gsl_rng_set(generator, UInt(truncatingIfNeeded: mixer.next()))
            return
        }
        let mt = state.bindMemory(to: UInt.self, capacity: words)
        var anyNonZero = false
        for i in 0..<words {
            let word = UInt(mixer.next() & 0xFFFF_FFFF)
            anyNonZero = anyNonZero || word != 0
            mt[i] = word
        }
        if !anyNonZero { mt[0] = 0x8000_0000 }
        (state + MemoryLayout<UInt>.stride * words).bindMemory(to: Int32.self, capacity: 1).pointee = Int32(words)
    }

    // The variates below are called millions of times inside simulations, so they do not
    // throw. Their parameters are checked all the same, before GSL sees them (GSL's gamma
    // sampler loops forever on a NaN shape and recurses without bound on a very negative one):
    // an invalid parameter gives NaN (real-valued variates) or −1 (counts), never a hang or a
    // trap. Designs validate their inputs first, so they never see these markers.

    /// Uniform on the open interval (0, 1): never exactly 0 or 1, so log(u) is always finite.
    @inline(__always)
    public func uniform() -> Double { gsl_rng_uniform_pos(generator) }

    /// An exponential variate with the given mean (finite, > 0; otherwise NaN).
    @inline(__always)
    public func exponential(mean: Double) -> Double {
        guard mean > 0, mean.isFinite else { return .nan }
        return gsl_ran_exponential(generator, mean)
    }

    /// A standard normal variate (Marsaglia–Tsang ziggurat, `gsl_ran_gaussian_ziggurat`).
    @inline(__always)
    public func standardNormal() -> Double { gsl_ran_gaussian_ziggurat(generator, 1) }

    /// A Weibull variate with scale `scale` and shape `shape`: S(t) = exp(−(t/scale)^shape).
    /// Both finite and > 0; otherwise NaN.
    @inline(__always)
    public func weibull(scale: Double, shape: Double) -> Double {
        guard scale > 0, scale.isFinite, shape > 0, shape.isFinite else { return .nan }
        return gsl_ran_weibull(generator, scale, shape)
    }

    /// A gamma variate with shape and scale (Marsaglia & Tsang 2000, `gsl_ran_gamma`).
    /// Both finite and > 0; otherwise NaN.
    @inline(__always)
    public func gamma(shape: Double, scale: Double) -> Double {
        guard shape > 0, shape.isFinite, scale > 0, scale.isFinite else { return .nan }
        return gsl_ran_gamma(generator, shape, scale)
    }

    /// A Poisson count with the given mean, 0 ≤ mean ≤ ``Poisson/maximumMean``; otherwise −1.
    @inline(__always)
    public func poisson(mean: Double) -> Int {
        guard mean >= 0, mean <= Poisson.maximumMean else { return -1 }
        if mean == 0 { return 0 }
        return Int(gsl_ran_poisson(generator, mean))
    }

    /// A binomial count of `trials` trials (0...``Binomial/maximumTrials``) with success
    /// probability `probability` in [0, 1]; otherwise −1.
    @inline(__always)
    public func binomial(trials: Int, probability: Double) -> Int {
        guard trials >= 0, trials <= Binomial.maximumTrials, probability >= 0, probability <= 1 else { return -1 }
        return Int(gsl_ran_binomial(generator, probability, UInt32(trials)))
    }

    /// True with probability `probability` (false for p ≤ 0 or NaN, true for p ≥ 1).
    @inline(__always)
    public func bernoulli(_ probability: Double) -> Bool { gsl_rng_uniform(generator) < probability }

    /// A uniform whole number in 0..<upperBound; 0 when upperBound ≤ 1.
    ///
    /// Up to 2³² − 1 this is GSL's exact `gsl_rng_uniform_int`; above it MT19937 has too few
    /// bits per draw, and two 32-bit draws are combined (53 bits, `⌊u·n⌋`).
    @inline(__always)
    public func integer(below upperBound: Int) -> Int {
        if upperBound <= 1 { return 0 }
        if upperBound <= Int(UInt32.max) {
            return Int(gsl_rng_uniform_int(generator, UInt(upperBound)))
        }
        let high = Double(gsl_rng_get(generator) >> 5)  // 27 bits
        let low = Double(gsl_rng_get(generator) >> 6)  // 26 bits
        let u = (high * 67_108_864 + low) / 9_007_199_254_740_992
        return Swift.min(Int(u * Double(upperBound)), upperBound - 1)
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a 64-bit mixer used to seed and split streams.
struct SplitMix64 {
    var state: UInt64

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }
}
