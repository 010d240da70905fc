/// Where long computations report how far they are, for a front end's progress bar (issue 18).
///
/// A front end binds a sink for the duration of one answer (`Progress.$sink.withValue(bar) { ... }`,
/// or TrialDesign's `WorkProgress.reporting(to:_:)`); `MonteCarlo.run` and the searches read it on
/// the calling thread when they start and call it with the fraction done, 0 ... 1, from any of
/// their threads. Nothing is reported when no sink is bound, and the sink never changes a result.
public enum Progress {
    /// Receives the fraction done of the computation running on this thread; nil: nobody listens.
    @TaskLocal public static var sink: (@Sendable (Double) -> Void)?
}
