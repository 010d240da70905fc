import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrialWeb

@testable import TrialsizeCLI
@testable import TrialsizeServe

/// The real registry, built once: every design command as `trialsize serve` offers it.
let registry = WebRegistry.endpoints()

/// The server `trialsize serve` runs, with limits a test may change.
/// The server's limits for tests: `trialsize serve`'s, except that a page with no progress waits up to 120 s before it
/// is streamed. The in-process server shares Swift's cooperative threads (one per core) with the other test targets'
/// long synchronous tests, which can hold them past the 10 s a real server waits; a refusal would then be streamed
/// with status 200 and a test expecting its 400 would fail for the load alone. The streaming itself is tested through
/// progress (after ``TrialWebServer/streamingPatience``), which this does not change.
func testLimits() -> WebLimits {
    var limits = WebLimits()
    limits.wholePageWaitSeconds = 120
    return limits
}

func makeServer(_ limits: WebLimits = testLimits(), endpoints: [WebEndpoint] = registry) -> TrialWebServer {
    TrialWebServer(endpoints: endpoints, generator: "trialsize \(Trialsize.version)", limits: limits)
}

/// Runs `body` against the server through HummingbirdTesting's in-process router client.
func withServer<Value>(_ server: TrialWebServer = makeServer(), _ body: @Sendable (any TestClientProtocol) async throws -> Value)
    async throws -> Value
{
    let application = Application(router: server.router())
    return try await application.test(.router, body)
}

/// The text of a response body.
func text(_ response: TestResponse) -> String { String(buffer: response.body) }

/// Runs the command line in-process: status, standard output, standard error.
func commandLine(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
    final class Buffer: @unchecked Sendable { var text = "" }
    let out = Buffer(), err = Buffer()
    var output = Output { out.text += $0 }
    var errors = Output { err.text += $0 }
    let status = CommandLineRun.execute(arguments, output: &output, errors: &errors)
    return (status, out.text, err.text)
}

/// `key=value&…` percent-encoded.
func query(_ pairs: [(String, String)]) -> String {
    let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
    return pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
}

func endpoint(_ command: String) throws -> WebEndpoint {
    try #require(registry.first { $0.command == command })
}
