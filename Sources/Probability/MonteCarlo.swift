import Dispatch
import Synchronization

/// Runs a seeded simulation in blocks, in parallel, with a result that does not depend on the
/// number of threads.
///
/// The trials are cut into blocks of ``blockSize``; block `b` always covers the same trials and
/// always draws from `RandomStream(seed: seed, stream: b)`. Blocks run on any thread in any
/// order, and their results come back in block order, so combining them gives the same answer
/// on 1 thread or 16.
public enum MonteCarlo {
    /// The largest number of simulated trials any command accepts.
    public static let maximumTrials = 10_000_000
    /// Trials per block (and per random sub-stream).
    public static let blockSize = 512

    /// The number of threads used when none is given: the machine's active processors.
    public static var defaultThreads: Int { max(1, activeProcessorCount()) }

    /// Simulates `trials` trials and returns each block's result in block order.
    ///
    /// - Parameters:
    ///   - trials: how many trials, 1...``maximumTrials``.
    ///   - seed: the simulation's seed.
    ///   - threads: how many threads to use (the answer does not depend on it).
    ///   - block: simulates the trials in a range with the given stream and summarises them.
    /// - Throws: ``ProbabilityError/limitExceeded(function:requested:cap:)`` for too many trials;
    ///   ``ProbabilityError/cancelled(function:)`` when ``Progress/cancellation`` was set before
    ///   the last block began (each block still left is skipped); the first error (in block
    ///   order) that `block` throws.
    public static func run<Summary: Sendable>(
        trials: Int,
        seed: UInt64,
        threads: Int = defaultThreads,
        _ block: @Sendable (_ trials: Range<Int>, _ stream: RandomStream) throws -> Summary
    ) throws -> [Summary] {
        guard trials >= 1, trials <= maximumTrials else {
            throw ProbabilityError.limitExceeded(function: "MonteCarlo.run", requested: trials, cap: maximumTrials)
        }
        let blockCount = (trials + blockSize - 1) / blockSize
        let results = ConcurrentSlots<Result<Summary, any Error>>(count: blockCount)
        let workers = max(1, min(threads, blockCount))
        // Progress (when a front end listens): blocks finished, of all.
        let sink = Progress.sink
        let cancellation = Progress.cancellation
        let finished = Atomic<Int>(0)
        @Sendable func work(_ worker: Int) {
            var b = worker
            while b < blockCount {
                if let cancellation, cancellation.isCancelled {
                    results[b] = .failure(ProbabilityError.cancelled(function: "MonteCarlo.run"))
                    b += workers
                    continue
                }
                let range = (b * blockSize)..<min(trials, (b + 1) * blockSize)
                let stream = RandomStream(seed: seed, stream: UInt64(b))
                results[b] = Result { try block(range, stream) }
                b += workers
                if let sink {
                    let done = finished.add(1, ordering: .relaxed).newValue
                    sink(Double(done) / Double(blockCount))
                }
            }
        }
        if workers == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { work($0) }
        }
        return try results.values.map { try $0!.get() }
    }
}

#if canImport(Glibc)
import Glibc
private func activeProcessorCount() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#elseif canImport(Darwin)
import Darwin
private func activeProcessorCount() -> Int { Int(sysconf(_SC_NPROCESSORS_ONLN)) }
#else
private func activeProcessorCount() -> Int { 1 }
#endif
