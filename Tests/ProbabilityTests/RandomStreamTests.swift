import Synchronization
import Testing

@testable import Probability

@Suite("Seeded random streams")
struct RandomStreamTests {
    @Test("the same seed and stream give the same draws")
    func reproducible() {
        let a = RandomStream(seed: 42, stream: 3)
        let b = RandomStream(seed: 42, stream: 3)
        let drawsA = (0..<1000).map { _ in a.uniform() }
        let drawsB = (0..<1000).map { _ in b.uniform() }
        #expect(drawsA == drawsB)
        let c = RandomStream(seed: 42, stream: 4)
        #expect((0..<1000).map { _ in c.uniform() } != drawsA)
    }

    @Test("a simulation gives identical blocks on 1 thread and on 8")
    func threadIndependent() throws {
        let body: @Sendable (Range<Int>, RandomStream) -> Double = { trials, stream in
            trials.reduce(0.0) { sum, _ in sum + stream.exponential(mean: 2) }
        }
        let one = try MonteCarlo.run(trials: 10_000, seed: 7, threads: 1, body)
        let eight = try MonteCarlo.run(trials: 10_000, seed: 7, threads: 8, body)
        #expect(one == eight)
        #expect(one.count == (10_000 + MonteCarlo.blockSize - 1) / MonteCarlo.blockSize)
        // The mean of 10,000 exponentials with mean 2 lies within 5 standard errors (0.02 each).
        let mean = one.reduce(0, +) / 10_000
        #expect(abs(mean - 2) < 5 * 0.02)
    }

    /// Issue 18: a progress sink hears every block (fractions up to 1) and changes nothing.
    @Test("a progress sink hears every block and changes no result")
    func progress() throws {
        let body: @Sendable (Range<Int>, RandomStream) -> Double = { trials, stream in
            trials.reduce(0.0) { sum, _ in sum + stream.uniform() }
        }
        let quiet = try MonteCarlo.run(trials: 20_000, seed: 9, threads: 3, body)
        let heard = Mutex<[Double]>([])
        let listened = try Progress.$sink.withValue(
            { fraction in heard.withLock { $0.append(fraction) } },
            operation: { try MonteCarlo.run(trials: 20_000, seed: 9, threads: 3, body) }
        )
        #expect(listened == quiet)
        let fractions = heard.withLock { $0 }.sorted()
        #expect(fractions.count == quiet.count && fractions.last == 1 && fractions.allSatisfy { $0 > 0 && $0 <= 1 })
    }

    @Test("too many trials is refused, not run")
    func capped() {
        #expect(throws: ProbabilityError.self) {
            _ = try MonteCarlo.run(trials: MonteCarlo.maximumTrials + 1, seed: 1) { _, _ in 0 }
        }
    }
}
