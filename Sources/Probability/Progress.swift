import Synchronization

/// Where long computations report how far they are, for a front end's progress bar (issue 18).
///
/// A front end binds a sink for the duration of one answer (`Progress.$sink.withValue(bar) { ... }`,
/// or TrialDesign's `WorkProgress.reporting(to:_:)`); `MonteCarlo.run` and the searches read it on
/// the calling thread when they start and call it with the fraction done, 0 ... 1, from any of
/// their threads. Nothing is reported when no sink is bound, and the sink never changes a result.
public enum Progress {
    /// Receives the fraction done of the computation running on this thread; nil: nobody listens.
    @TaskLocal public static var sink: (@Sendable (Double) -> Void)?

    /// A flag the computation running on this thread checks between blocks of work
    /// (`MonteCarlo.run` before each block of trials): once set, it stops and throws
    /// ``ProbabilityError/cancelled(function:)``. nil: the work cannot be cancelled. The web
    /// server binds one per request and sets it when the request's time limit passes.
    @TaskLocal public static var cancellation: Cancellation?
}

/// A one-way flag asking a running computation to stop (``Progress/cancellation``).
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A flag not yet set.
    public init() {}

    /// Asks the computation to stop at its next check.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether ``cancel()`` has been called, from any thread; once true it stays true.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
