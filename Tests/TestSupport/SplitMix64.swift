/// SplitMix64 (Steele, Lea & Flood, OOPSLA 2014): a small, fast generator that gives the same
/// sequence on every platform, for the seeded loops of the property tests and the CLI fuzzer.
/// (The library's own simulations use Probability's `RandomStream`; this one only draws test
/// inputs.)
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's whole state: the next output is a function of it alone.
    public var state: UInt64

    /// A generator whose first output is `mix(state + golden gamma)`.
    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A seed for item `index` of a run seeded with `seed`: the first output of a generator
    /// started at `seed ^ (index · 0xD1B54A32D192ED03)`, so each item replays on its own.
    public static func mix(_ seed: UInt64, _ index: UInt64) -> UInt64 {
        var random = SplitMix64(state: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        return random.next()
    }
}
