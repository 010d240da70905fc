import Probability

/// Work a front end splits across threads, its results kept in order (Probability's `Parallel`),
/// for a batch that interleaves statistics and output: `trialsize ci --input` computes and
/// formats each thread's contiguous slice of intervals, then writes the slices in input order.
public enum ParallelWork {
    /// `body(0)`, …, `body(workers − 1)` on up to `workers` threads at once, returned in index order.
    public static func map<Value: Sendable>(workers: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        Parallel.map(workers: workers, body)
    }
}
