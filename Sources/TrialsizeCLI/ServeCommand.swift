import ArgumentParser
import Dispatch
import Foundation
import Hummingbird
import TrialWeb

/// `trialsize serve`: the local web page and JSON API (docs/web.md).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a local web page for every design, and a JSON API, at http://127.0.0.1:8080/.",
        discussion: """
            A page per design: a form from the design's declared parameters; submitting shows the same \
            answer as --report, the equivalent command line and downloads (HTML, JSON, SVG). The JSON API \
            answers GET or POST /api/v1/<design> with the JSON of --format json; its OpenAPI document is \
            /api/v1/openapi.json. Stop with Ctrl-C.

            The server listens on 127.0.0.1 (this computer only) unless --host says otherwise; anyone \
            who can reach another address can use it, so a warning is printed.
            """)

    @Option(help: "The address to listen on: 127.0.0.1 (this computer only, the default), or 0.0.0.0 for every interface.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one; the address is printed).")
    var port = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard !host.isEmpty, host.count <= 255 else { throw ValidationError("--host must be an address such as 127.0.0.1") }
    }

    /// Whether `host` is a loopback address, reachable from this computer only.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    func run() throws {
        if !Self.isLoopback(host) {
            FileHandle.standardError.write(
                Data(
                    ("trialsize: warning: listening on \(host), beyond this computer: anyone who can reach "
                        + "it can use the calculator (computations are capped and queued, no file is read or written)\n").utf8))
        }
        let server = TrialWebServer(endpoints: WebRegistry.endpoints(), generator: "trialsize \(Trialsize.version)")
        let host = self.host
        let application = Application(
            router: server.router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "trialsize"),
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
        if let message = failure.message { throw ValidationError("the server stopped: \(message)") }
    }
}

/// The server's error, handed from its task to the waiting main thread.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    func set(_ value: String) { lock.withLock { text = value } }
    var message: String? { lock.withLock { text } }
}
