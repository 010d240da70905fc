import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import TrialDesign
import TrialWeb

#if canImport(Glibc)
import Glibc
#endif

/// A page whose answer takes longer than a moment is streamed: a progress line at once and
/// every second, then the answer; closing the page cancels the computation.
@Suite("Streamed pages")
struct StreamedPageTests {
    /// Set by a fake design when it sees its cancellation.
    final class Seen: Sendable {
        private let flag = Mutex(false)
        func set() { flag.withLock { $0 = true } }
        var value: Bool { flag.withLock { $0 } }
    }

    /// A design that runs `seconds` (or until cancelled), reporting half done unless `silent`,
    /// then refuses with `message`, as a design refusing late (a search that fell short) would.
    static func slow(seconds: Double, silent: Bool = false, seen: Seen = Seen(), message: String = "finished") -> WebEndpoint {
        WebEndpoint(command: "slow", abstract: "A slow answer.", fields: [CommonParameters.seed]) { _ in
            let start = Date()
            while !WorkProgress.isCancelled, Date().timeIntervalSince(start) < seconds {
                if !silent { WorkProgress.report(0.5) }
                Thread.sleep(forTimeInterval: 0.01)
            }
            if WorkProgress.isCancelled { seen.set() }
            throw DesignError(parameter: "seed", requirement: message, value: "1")
        }
    }

    @Test("a slow answer is streamed: the page's top and progress lines, then the outcome and the form")
    func streamed() async throws {
        try await withServer(makeServer(endpoints: [Self.slow(seconds: 2.5, message: "refused after the work")])) { client in
            let response = try await client.execute(uri: "/slow?seed=1", method: .get)
            // The status went out before the outcome was known (docs/web.md).
            #expect(response.status == .ok)
            let page = text(response)
            #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
            #expect(page.contains("<div class=\"progress no-print\" role=\"status\" aria-live=\"polite\">"))
            // The seconds so far depend on the machine's load; the line's form does not.
            #expect(page.contains("Computing\u{2026} 50% done ("))
            #expect(page.contains(" so far)<progress max=\"100\" value=\"50\">50%</progress></p>"))
            #expect(page.contains("<p>Computed in about"))
            #expect(page.contains("role=\"alert\"") && page.contains("refused after the work"))
            #expect(page.contains("<form class=\"design\""))
            // Only the latest progress line shows: the style sheet stacks them in one place.
            let style = try await client.execute(uri: "/assets/trialsize.css", method: .get)
            #expect(text(style).contains(".progress > p { position: absolute; top: 0;"))
        }
    }

    /// A refusal comes before any work, so before any progress: whatever the load, the page
    /// waits for it (up to 10 s) and sends it whole with status 400.
    @Test("a refusal before any progress is one page with its own status, even when it takes over the patience")
    func refusedWhole() async throws {
        try await withServer(makeServer(endpoints: [Self.slow(seconds: 1.5, silent: true, message: "refused before any work")])) { client in
            let response = try await client.execute(uri: "/slow?seed=1", method: .get)
            #expect(response.status == .badRequest)
            #expect(!text(response).contains("Computing"))
        }
    }

    #if canImport(Glibc)
    @Test("closing a streamed page cancels its computation")
    func closingCancels() async throws {
        let seen = Seen()
        let application = Application(
            router: makeServer(endpoints: [Self.slow(seconds: 30, seen: seen)]).router(),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await application.test(.live) { client in
            let port = try #require(client.port)
            let received = try Self.readThenClose(port: port, path: "/slow?seed=1", until: "Computing")
            #expect(received.contains("Computing"))
            for _ in 0..<250 where !seen.value { try await Task.sleep(for: .milliseconds(20)) }
            #expect(seen.value, "the computation saw its cancellation within 5 s of the page closing")
        }
    }

    /// Sends a GET over a plain socket, reads until `marker` arrives (or 10 s pass), and closes.
    static func readThenClose(port: Int, path: String, until marker: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !text.contains(marker) {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            text += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return text
    }
    #endif
}
