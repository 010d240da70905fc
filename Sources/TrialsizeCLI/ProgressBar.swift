import Synchronization
import TrialDesign

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar on standard error for work that runs over a second (issue 18): simulations,
/// calibrations, Simon's search and `ci --input` batches report the fraction done
/// (`WorkProgress`), and this draws `[##########          ] 34%` in place, at most ten times a
/// second, and erases it when the answer is ready.
///
/// Only when standard error is a terminal and the answer is not JSON: nothing is ever drawn into
/// a pipe, a file or a machine-read answer, and the answer itself is never touched.
public final class ProgressBar: Sendable {
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
        var closed = false
    }
    private let start = ContinuousClock.now
    private let state = Mutex(State())
    /// Nothing is drawn before this much time has passed.
    static let delay = Duration.seconds(1)

    /// Whether a bar may be drawn for these arguments: standard error is a terminal, and the
    /// answer is not JSON (`--format json` or `--format=json`).
    static func wanted(for arguments: [String]) -> Bool {
        guard isatty(2) == 1 else { return false }
        for (i, argument) in arguments.enumerated() {
            if argument == "--format=json" { return false }
            if argument == "--format", i + 1 < arguments.count, arguments[i + 1] == "json" { return false }
        }
        return true
    }

    /// A bar for these arguments, or nil when none may be drawn (``wanted(for:)``).
    public static func make(for arguments: [String]) -> ProgressBar? {
        wanted(for: arguments) ? ProgressBar() : nil
    }

    /// Runs `body` with the bar listening, and erases the bar afterwards.
    public func listening<T>(_ body: () -> T) -> T {
        let result = WorkProgress.reporting(to: { [self] in update($0) }, body)
        finish()
        return result
    }

    func update(_ fraction: Double) {
        let now = ContinuousClock.now
        guard now - start >= Self.delay else { return }
        state.withLock { state in
            if state.closed { return }
            if let last = state.lastDraw, now - last < .milliseconds(100) { return }
            state.lastDraw = now
            state.drawn = true
            let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
            let width = 30, filled = Int((clamped * Double(width)).rounded(.down))
            let text =
                "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
                + "] \(Int((clamped * 100).rounded(.down)))%"
            Self.draw(text)
        }
    }

    /// Erases the bar if one was drawn, for good: called before anything else is written to
    /// standard error (a warning, an error), so no line is written over the bar.
    public func finish() {
        state.withLock { state in
            if state.drawn { Self.draw("\r\u{1B}[K") }
            state.drawn = false
            state.closed = true
        }
    }

    private static func draw(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}
