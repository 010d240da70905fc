import Foundation
import Synchronization

/// A page's computation, watched while it runs: the fraction done it reports and, once
/// finished, its result.
///
/// A design page starts its computation as a job and waits a moment
/// (``TrialWebServer/streamingPatience``, counted once the computation reports progress, so a
/// refusal of the inputs, which comes before any work, is always sent with its own status).
/// Most answers come in that moment and are sent as one page with the right status. A longer
/// one (a simulation) is sent as it goes: the top of
/// the page and a progress line at once, a new line every ``TrialWebServer/progressInterval``
/// (stacked by the style sheet, so only the latest shows), then the answer and the form. Each line is a write
/// to the browser: when the page has been closed the write fails and the job is cancelled,
/// so the simulation stops at its next block of trials and gives its place back.
final class PageJob<Value: Sendable>: Sendable {
    private let state = Mutex<(fraction: Double?, result: Result<Value, any Error>?)>((nil, nil))

    /// Receives the computation's progress (``TrialDesign/WorkProgress``).
    var progress: @Sendable (Double) -> Void {
        { [weak self] fraction in self?.state.withLock { $0.fraction = fraction } }
    }

    var fraction: Double? { state.withLock { $0.fraction } }
    var result: Result<Value, any Error>? { state.withLock { $0.result } }

    func finish(_ result: Result<Value, any Error>) { state.withLock { $0.result = result } }

    /// Waits until the job has finished (returning its result), or until it has reported progress
    /// and `patience` seconds have passed, or `longest` seconds in any case (returning nil).
    func waitUntilWorking(patience: Double, longest: Double) async throws -> Result<Value, any Error>? {
        let start = ContinuousClock.now
        while true {
            if let result = try await wait(upTo: 0.1) { return result }
            let elapsed = ContinuousClock.now - start
            if elapsed >= .milliseconds(Int(longest * 1000)) { return nil }
            if fraction != nil, elapsed >= .milliseconds(Int(patience * 1000)) { return nil }
        }
    }

    /// Waits until the job has finished or `seconds` have passed; returns its result if finished.
    /// Polls every 20 ms (a page's job is seconds long; the poll costs nothing beside it).
    func wait(upTo seconds: Double) async throws -> Result<Value, any Error>? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while true {
            if let result { return result }
            if ContinuousClock.now >= deadline { return nil }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
