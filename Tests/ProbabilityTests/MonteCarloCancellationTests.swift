import Synchronization
import Testing

@testable import Probability

/// `Progress.cancellation`: a simulation stops at its next block once the flag is set (the web
/// server's time limit), and a flag never set changes nothing.
@Suite("Monte Carlo cancellation")
struct MonteCarloCancellationTests {
    static func sum(_ trials: Range<Int>, _ stream: RandomStream) -> Double {
        trials.reduce(0.0) { total, _ in total + stream.uniform() }
    }

    @Test("a flag set before the run stops it before any block, on any number of threads", arguments: [1, 2, 7])
    func cancelledBefore(threads: Int) {
        let cancellation = Cancellation()
        cancellation.cancel()
        let blocks = Atomic<Int>(0)
        #expect(throws: ProbabilityError.cancelled(function: "MonteCarlo.run")) {
            try Progress.$cancellation.withValue(cancellation) {
                try MonteCarlo.run(trials: 100_000, seed: 1, threads: threads) { trials, stream in
                    blocks.add(1, ordering: .relaxed)
                    return Self.sum(trials, stream)
                }
            }
        }
        #expect(blocks.load(ordering: .relaxed) == 0)
    }

    @Test("a flag set during the run stops it at the next block")
    func cancelledDuring() {
        let cancellation = Cancellation()
        let blocks = Atomic<Int>(0)
        #expect(throws: ProbabilityError.self) {
            try Progress.$cancellation.withValue(cancellation) {
                try MonteCarlo.run(trials: 100 * MonteCarlo.blockSize, seed: 1, threads: 1) { trials, stream in
                    if blocks.add(1, ordering: .relaxed).newValue == 3 { cancellation.cancel() }
                    return Self.sum(trials, stream)
                }
            }
        }
        #expect(blocks.load(ordering: .relaxed) == 3)
    }

    @Test("a flag never set leaves the answer as it is")
    func notCancelled() throws {
        let plain = try MonteCarlo.run(trials: 10_000, seed: 7, threads: 2, Self.sum)
        let watched = try Progress.$cancellation.withValue(Cancellation()) {
            try MonteCarlo.run(trials: 10_000, seed: 7, threads: 2, Self.sum)
        }
        #expect(plain == watched)
    }
}
