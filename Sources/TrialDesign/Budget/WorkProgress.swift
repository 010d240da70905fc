import Probability

/// Progress of long work, for a front end's progress bar: simulations (through `MonteCarlo.run`),
/// Simon's search and the command line's batches report the fraction done to the sink bound
/// around the answer. Results never depend on it (issue 18).
public enum WorkProgress {
    /// Runs `body` with `sink` receiving the fraction done (0 ... 1) of whatever long work it
    /// does, from any thread; a computation that restarts (a calibration's next scenario) starts
    /// again from 0.
    public static func reporting<T>(to sink: @escaping @Sendable (Double) -> Void, _ body: () throws -> T) rethrows -> T {
        try Progress.$sink.withValue(sink) { try body() }
    }

    /// Reports `fraction` done to the sink bound on this thread, if any.
    public static func report(_ fraction: Double) {
        Progress.sink?(fraction)
    }

    /// Runs `body` so that setting `cancellation` stops its simulations at their next block of
    /// trials, with a `DesignError` of kind `numericalFailure` wrapping
    /// `ProbabilityError.cancelled` (the web server's time limit).
    public static func cancellable<T>(by cancellation: WorkCancellation, _ body: () throws -> T) rethrows -> T {
        try Progress.$cancellation.withValue(cancellation) { try body() }
    }
}

extension WorkProgress {
    /// Whether the work running on this thread was asked to stop (for loops of a front end's own).
    public static var isCancelled: Bool { Progress.cancellation?.isCancelled ?? false }
}

/// The flag that cancels work run under ``WorkProgress/cancellable(by:_:)``.
public typealias WorkCancellation = Cancellation
