import ArgumentParser
import Dispatch
import Foundation
import Hummingbird
import TrialReport
import TrialWeb
import TrialsizeCLI

/// The `trialsize-serve` program (`trialsize serve` starts it): the local web page and JSON API
/// over every design command (docs/web.md).
public struct WebServerProgram: ParsableCommand {
    /// The program's name, its one-line abstract, and the version `--version` prints (`Software.version`).
    public static let configuration = CommandConfiguration(
        commandName: "trialsize-serve",
        abstract: "The web server of trialsize serve: a page for every design, and a JSON API (docs/web.md).",
        version: Software.version)

    @OptionGroup var options: ServeOptions

    /// The options at their defaults (the parser sets them from the arguments).
    public init() {}

    /// Serves every design command (``WebRegistry/endpoints()``) on `--host` and `--port` until the process is stopped: warns on standard
    /// error when the address is not loopback, and prints the address once listening.
    /// - Throws: `ExitCode(64)` after one line on standard error naming `--host` and `--port` when the server stops on an
    ///   error (an address it cannot listen on: unknown, in use, or not allowed).
    public func run() throws {
        if !ServeOptions.isLoopback(options.host) {
            FileHandle.standardError.write(
                Data(
                    ("trialsize: warning: listening on \(options.host), beyond this computer: anyone who can reach "
                        + "it can use the calculator (computations are capped and queued, no file is read or written)\n").utf8))
        }
        let server = TrialWebServer(endpoints: WebRegistry.endpoints(), generator: "trialsize \(Software.version)")
        let host = options.listenHost
        let application = Application(
            router: server.router(),
            configuration: .init(address: .hostname(host, port: options.port), serverName: "trialsize"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write(Data("trialsize: serving on http://\(shown):\(port)/ (Ctrl-C stops)\n".utf8))
            }
        )
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await application.runService() } catch { failure.set("\(error)") }
            done.signal()
        }
        done.wait()
        if let message = failure.message {
            let shown = host.contains(":") ? "[\(host)]:\(options.port)" : "\(host):\(options.port)"
            FileHandle.standardError.write(
                Data("trialsize: error: --host and --port: could not serve on \(shown): \(message)\n".utf8))
            throw ExitCode(64)
        }
    }
}

/// The server's error, handed from its task to the waiting main thread.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    func set(_ value: String) { lock.withLock { text = value } }
    var message: String? { lock.withLock { text } }
}
