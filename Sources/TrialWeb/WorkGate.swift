import Dispatch
import Foundation
import Synchronization
import TrialDesign

/// Admission for the computations behind the pages and the API: at most `maximumRunning` at
/// once, at most `maximumWaiting` queued behind them, and a request beyond both refused at once
/// (HTTP 503 with Retry-After) instead of piling up. The server keeps two gates: a small one for
/// simulations and a larger one for everything else, so a burst of simulations never starves the
/// quick answers.
public final class WorkGate: Sendable {
    /// The computations allowed to run at once (at least 1), each on a thread of its own.
    public let maximumRunning: Int
    /// The computations allowed to wait in line behind the running ones; one more is refused with ``Busy``.
    public let maximumWaiting: Int

    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Bool, Never>] = []
    }
    private let state = Mutex(State())

    /// A gate for `maximumRunning` computations at once (more than 0) and `maximumWaiting` in line (0
    /// or more); other values stop the program.
    public init(maximumRunning: Int, maximumWaiting: Int) {
        precondition(maximumRunning > 0 && maximumWaiting >= 0)
        self.maximumRunning = maximumRunning
        self.maximumWaiting = maximumWaiting
    }

    /// Thrown when every place, running and waiting, is taken.
    public struct Busy: Error, Sendable {}

    /// How many computations run and wait now.
    public var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.waiting.count) } }

    /// Takes a place, waiting in line if all are running.
    /// - Throws: ``Busy`` when the line is full too.
    public func enter() async throws(Busy) {
        let admitted = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let decision: Bool? = state.withLock { state in
                if state.running < maximumRunning {
                    state.running += 1
                    return true
                }
                if state.waiting.count < maximumWaiting {
                    state.waiting.append(continuation)
                    return nil
                }
                return false
            }
            if let decision { continuation.resume(returning: decision) }
        }
        if !admitted { throw Busy() }
    }

    /// Gives the place to the next in line, or frees it.
    public func leave() {
        let next: CheckedContinuation<Bool, Never>? = state.withLock { state in
            if state.waiting.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume(returning: true)
    }

    /// Runs `work` on a thread of its own (off the server's event loops, Swift's cooperative
    /// threads and Dispatch's pool, since the statistics are synchronous and may take seconds), holding a place for
    /// as long as it runs. Gives up waiting after `timeLimit` seconds with ``TimedOut``, and sets
    /// the computation's ``Cancellation``: a simulation stops at its next block of trials
    /// (``MonteCarlo``); other work, which is short and capped, finishes in the background and
    /// keeps its place until then, so the number running stays bounded. Cancelling the request's
    /// task (the server shutting down) does the same.
    public func run<Result: Sendable>(timeLimit: Double, _ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await enter()
        let once = ResumeOnce<Result>()
        // Set when the time limit passes or the request's task is cancelled: a simulation then
        // stops at its next block of trials (`Progress.cancellation`) and gives its place back.
        let cancellation = WorkCancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                once.set(continuation)
                // A thread of its own rather than Dispatch's pool, which on Linux keeps about one
                // worker per core: two simulations would otherwise hold every worker and quick
                // answers would wait for them. The gates bound the number of such threads.
                let thread = Thread {
                    let result = Swift.Result { try WorkProgress.cancellable(by: cancellation) { try work() } }
                    self.leave()
                    once.resume(with: result)
                }
                thread.stackSize = 8 << 20
                thread.start()
                DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) {
                    cancellation.cancel()
                    once.resume(with: .failure(TimedOut(seconds: timeLimit)))
                }
            }
        } onCancel: {
            cancellation.cancel()
            once.resume(with: .failure(CancellationError()))
        }
    }

    /// The answer took longer than the per-request time limit.
    public struct TimedOut: Error, Sendable {
        /// The time limit that passed, in seconds (``WebLimits/timeLimitSeconds`` for the server's requests).
        public let seconds: Double
    }
}

/// A continuation resumed by whichever comes first: the answer or the time limit.
private final class ResumeOnce<Result: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<Result, any Error>?>(nil)

    func set(_ value: CheckedContinuation<Result, any Error>) { continuation.withLock { $0 = value } }

    func resume(with result: Swift.Result<Result, any Error>) {
        let taken = continuation.withLock { value -> CheckedContinuation<Result, any Error>? in
            defer { value = nil }
            return value
        }
        taken?.resume(with: result)
    }
}
