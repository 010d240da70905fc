import Testing

@testable import Probability

@Suite("Random variates: reproducibility and distribution sanity")
struct RandomVariateTests {
    /// One draw of every variate, in a fixed order.
    static func draws(_ s: RandomStream, count: Int) -> [Double] {
        var out: [Double] = []
        for _ in 0..<count {
            out.append(s.uniform())
            out.append(s.exponential(mean: 2))
            out.append(s.standardNormal())
            out.append(s.weibull(scale: 3, shape: 1.5))
            out.append(s.gamma(shape: 0.7, scale: 2))
            out.append(Double(s.poisson(mean: 4.5)))
            out.append(Double(s.binomial(trials: 30, probability: 0.2)))
            out.append(s.bernoulli(0.3) ? 1 : 0)
            out.append(Double(s.integer(below: 7)))
        }
        return out
    }

    @Test("two runs of a seeded stream give identical draws of every variate; other streams differ")
    func reproducible() {
        let first = Self.draws(RandomStream(seed: 20_260_125, stream: 9), count: 500)
        let second = Self.draws(RandomStream(seed: 20_260_125, stream: 9), count: 500)
        #expect(first == second)
        #expect(Self.draws(RandomStream(seed: 20_260_125, stream: 10), count: 500) != first)
        #expect(Self.draws(RandomStream(seed: 20_260_126, stream: 9), count: 500) != first)
        // Stream 0 of seed s is not stream s of seed 0 (the seed and index are mixed, not added).
        let a = RandomStream(seed: 5, stream: 0), b = RandomStream(seed: 0, stream: 5)
        #expect((0..<100).map { _ in a.uniform() } != (0..<100).map { _ in b.uniform() })
    }

    @Test("MonteCarlo.run gives identical results on 1, 2 and 8 threads")
    func threadIndependent() throws {
        let body: @Sendable (Range<Int>, RandomStream) -> [Double] = { trials, stream in
            trials.map { _ in stream.gamma(shape: 2, scale: 1) + stream.standardNormal() }
        }
        let trials = 20 * MonteCarlo.blockSize + 77  // a ragged last block
        let one = try MonteCarlo.run(trials: trials, seed: 99, threads: 1, body)
        let two = try MonteCarlo.run(trials: trials, seed: 99, threads: 2, body)
        let eight = try MonteCarlo.run(trials: trials, seed: 99, threads: 8, body)
        #expect(one == two && one == eight)
        #expect(one.map(\.count).reduce(0, +) == trials)
        #expect(one.last?.count == 77)
        // Block b is stream b of the seed.
        let streamThree = RandomStream(seed: 99, stream: 3)
        #expect(one[3] == body(3 * MonteCarlo.blockSize..<4 * MonteCarlo.blockSize, streamThree))
    }

    @Test("the first error in block order is thrown, whatever the thread count")
    func errorsInBlockOrder() {
        struct Failed: Error, Equatable { let block: Int }
        for threads in [1, 2, 8] {
            #expect(throws: Failed(block: 2)) {
                try MonteCarlo.run(trials: 10 * MonteCarlo.blockSize, seed: 1, threads: threads) { range, _ in
                    let block = range.lowerBound / MonteCarlo.blockSize
                    if block == 2 || block == 7 { throw Failed(block: block) }
                    return block
                }
            }
        }
        #expect(throws: ProbabilityError.self) { try MonteCarlo.run(trials: 0, seed: 1) { _, _ in 0 } }
    }

    /// Sample mean within 5 standard errors of the true mean, for n = 200,000 draws
    /// (a false alarm has probability below 1e-6 per check).
    @Test("each variate's sample mean lies within 5 standard errors of its mean")
    func means() {
        let n = 200_000
        let s = RandomStream(seed: 424_242, stream: 1)
        func check(_ name: String, mean: Double, variance: Double, _ draw: () -> Double) {
            var sum = 0.0
            for _ in 0..<n { sum += draw() }
            let standardError = (variance / Double(n)).squareRoot()
            let z = (sum / Double(n) - mean) / standardError
            #expect(abs(z) < 5, "\(name): sample mean off by \(z) standard errors")
        }
        check("uniform", mean: 0.5, variance: 1.0 / 12) { s.uniform() }
        check("exponential", mean: 2, variance: 4) { s.exponential(mean: 2) }
        check("normal", mean: 0, variance: 1) { s.standardNormal() }
        check("normal²", mean: 1, variance: 2) {
            let z = s.standardNormal(); return z * z
        }
        // Weibull(scale 3, shape 1.5): mean 3 Γ(1 + 2/3), variance 9 (Γ(1 + 4/3) − Γ(1 + 2/3)²).
        let g1 = 0.902_745_292_950_933_6, g2 = 1.190_639_348_758_999_9
        check("weibull", mean: 3 * g1, variance: 9 * (g2 - g1 * g1)) { s.weibull(scale: 3, shape: 1.5) }
        check("gamma", mean: 1.4, variance: 2.8) { s.gamma(shape: 0.7, scale: 2) }
        check("gamma large shape", mean: 500, variance: 500) { s.gamma(shape: 500, scale: 1) }
        check("poisson", mean: 4.5, variance: 4.5) { Double(s.poisson(mean: 4.5)) }
        check("poisson large", mean: 1e4, variance: 1e4) { Double(s.poisson(mean: 1e4)) }
        check("binomial", mean: 6, variance: 4.8) { Double(s.binomial(trials: 30, probability: 0.2)) }
        check("bernoulli", mean: 0.3, variance: 0.21) { s.bernoulli(0.3) ? 1 : 0 }
        check("integer", mean: 3, variance: 4) { Double(s.integer(below: 7)) }
        let big = 1 << 40
        check("integer 2^40", mean: Double(big - 1) / 2, variance: Double(big) * Double(big) / 12) {
            Double(s.integer(below: big))
        }
    }
}
