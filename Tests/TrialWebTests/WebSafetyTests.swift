import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrialDesign
import TrialReport

@testable import TrialWeb
@testable import TrialsizeCLI
@testable import TrialsizeServe

/// What keeps the server safe to run where others can reach it (issue 17): escaping, caps,
/// headers, the bounded number of simulations, no file access.
@Suite("Web safety")
struct WebSafetyTests {
    /// Script-injection payloads: a script element, an attribute break-out, an SVG handler, a URL.
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "javascript:alert(1)",
        "</textarea><script>alert(1)</script>",
    ]

    /// Markup that must never reach a page unescaped: a tag the payload opened (its `<` kept) or
    /// a script URL in an attribute. Escaped, the payloads are harmless text (`&lt;script&gt;`).
    static func injected(_ body: String) -> [String] {
        ["<script", "<img src=x", "<svg onload", "href=\"javascript:", "src=\"javascript:", "action=\"javascript:"].filter {
            body.contains($0)
        }
    }

    @Test(
        "every field of every design, given each payload (with the example's other values), comes back escaped",
        arguments: registry.map(\.command))
    func everyFieldEscaped(command: String) async throws {
        let endpoint = try endpoint(command)
        try await withServer { client in
            for field in endpoint.fields {
                for payload in Self.payloads {
                    var pairs = endpoint.example.filter { $0.key != field.jsonKey }.map { ($0.key, $0.value) }
                    pairs.append((field.jsonKey, payload))
                    let uri = endpoint.path + "?" + query(pairs)
                    let page = try await client.execute(uri: uri, method: .get)
                    #expect([.ok, .badRequest].contains(page.status), "\(command) \(field.key): \(page.status)")
                    #expect(Self.injected(text(page)).isEmpty, "\(command) --\(field.key) \(payload): \(Self.injected(text(page)))")
                    let api = try await client.execute(uri: endpoint.apiPath + "?" + query(pairs), method: .get)
                    #expect([.ok, .badRequest].contains(api.status))
                    #expect(api.headers[.contentType] == "application/json; charset=utf-8")
                    if page.status == .ok {
                        // Text fields reach the report: its page and its plots are escaped too.
                        let report = try await client.execute(uri: endpoint.path + "/report.html?" + query(pairs), method: .get)
                        #expect(Self.injected(text(report)).isEmpty, "\(command) report --\(field.key)")
                    }
                }
            }
        }
    }

    @Test("text that reaches the report (the endpoint's name) is shown, escaped, in the page and the plots")
    func endpointNameEscaped() async throws {
        try await withServer { client in
            let uri = "/survival?" + query([("control_median", "8"), ("median", "13"), ("endpoint", "<script>alert(1)</script>")])
            let page = try await client.execute(uri: uri, method: .get)
            #expect(page.status == .ok)
            #expect(text(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(Self.injected(text(page)).isEmpty)
        }
    }

    @Test("a data file's contents (column names, values, its name) come back escaped")
    func uploadEscaped() async throws {
        let boundary = "b"
        for payload in Self.payloads {
            let csv = "\(payload),event\n1,1\n"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"control_median\"\r\n\r\n8\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"time_column\"\r\n\r\n\(payload)\r\n"
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"input\"; filename=\"\(payload).csv\"\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
            let request = body
            try await withServer { client in
                let page = try await client.execute(
                    uri: "/analyze/survival", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                    body: ByteBuffer(string: request))
                #expect([.ok, .badRequest].contains(page.status))
                #expect(Self.injected(text(page)).isEmpty, "\(payload): \(Self.injected(text(page)))")
            }
        }
    }

    @Test("security headers on every response: pages, API, errors, not found")
    func headers() async throws {
        try await withServer { client in
            for uri in ["/", "/survival", "/api/v1/survival?alpha=2", "/no/such/page", "/assets/trialsize.css", "/api/v1/openapi.json"] {
                let response = try await client.execute(uri: uri, method: .get)
                let policy = try #require(response.headers[.contentSecurityPolicy], "\(uri)")
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(policy.contains("default-src 'none'"))
                #expect(!policy.contains("script-src"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test("a request target beyond 8 KiB gets 414, a body beyond 64 KiB gets 413")
    func caps() async throws {
        try await withServer { client in
            let long = try await client.execute(uri: "/survival?endpoint=" + String(repeating: "a", count: 9000), method: .get)
            #expect(long.status == .uriTooLong)
            let body = ByteBuffer(string: "{\"endpoint\": \"" + String(repeating: "a", count: 70_000) + "\"}")
            let large = try await client.execute(
                uri: "/api/v1/survival", method: .post, headers: [.contentType: "application/json"], body: body)
            #expect(large.status == .contentTooLarge)
            #expect(text(large).contains("\"error\""))
            let value = try await client.execute(uri: "/api/v1/survival?endpoint=" + String(repeating: "a", count: 1001), method: .get)
            #expect(value.status == .badRequest)
            #expect(text(value).contains("longer than 1000 characters"))
        }
    }

    @Test("no parameter reaches the file system: --input, --threads and output paths are not fields")
    func noFiles() async throws {
        for endpoint in registry {
            let keys = Set(endpoint.fields.map(\.key))
            #expect(keys.isDisjoint(with: ["input", "threads", "plot", "report", "template", "format", "justify"]), "\(endpoint.command)")
        }
        try await withServer { client in
            for key in ["input", "report", "plot", "template"] {
                let response = try await client.execute(uri: "/api/v1/ci?x=4&n=26&\(key)=/etc/passwd", method: .get)
                #expect(response.status == .badRequest)
                #expect(text(response).contains("unknown field"))
            }
        }
    }

    @Test("simulations beyond the bound get 503 with Retry-After while quick answers go on")
    func busy() async throws {
        var limits = testLimits()
        limits.simulationsRunning = 1
        limits.simulationsWaiting = 0
        let trials = Parameter("trials", label: "Trials", help: "Simulated trials.", allowed: .integer(1...10), default: "1")
        // The slow simulation runs until the test releases it (at most 20 s).
        let release = DispatchSemaphore(value: 0)
        let slow = WebEndpoint(command: "slow", abstract: "A slow simulation.", fields: [trials]) { _ in
            _ = release.wait(timeout: .now() + 20)
            throw DesignError(parameter: "trials", requirement: "finished", value: "")
        }
        let server = makeServer(limits, endpoints: registry + [slow])
        try await withServer(server) { client in
            async let first = client.execute(uri: "/api/v1/slow?trials=1", method: .get)
            // Wait until the first simulation holds the only place.
            for _ in 0..<200 where server.simulations.load.running == 0 { try await Task.sleep(for: .milliseconds(50)) }
            #expect(server.simulations.load.running == 1)
            let second = try await client.execute(uri: "/api/v1/slow?trials=1", method: .get)
            #expect(second.status == .serviceUnavailable)
            #expect(second.headers[.retryAfter] == "10")
            #expect(text(second).contains("busy"))
            let quick = try await client.execute(uri: "/api/v1/survival?control_median=8&median=13", method: .get)
            #expect(quick.status == .ok)
            release.signal()
            #expect(try await first.status == .badRequest)
        }
    }

    @Test("the work gate admits its bound, queues its line and refuses beyond")
    func gate() async throws {
        let gate = WorkGate(maximumRunning: 1, maximumWaiting: 1)
        try await gate.enter()
        let waiting = Task { try await gate.enter() }
        for _ in 0..<200 where gate.load.waiting == 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(gate.load.running == 1 && gate.load.waiting == 1)
        await #expect(throws: WorkGate.Busy.self) { try await gate.enter() }
        gate.leave()
        try await waiting.value
        #expect(gate.load.running == 1 && gate.load.waiting == 0)
        gate.leave()
        #expect(gate.load.running == 0)
    }

    @Test("the time limit cancels the work, which gives its place back")
    func timeLimitCancels() async throws {
        let gate = WorkGate(maximumRunning: 1, maximumWaiting: 0)
        await #expect(throws: WorkGate.TimedOut.self) {
            try await gate.run(timeLimit: 0.2) { () -> Int in
                // Work that runs until it is told to stop (a simulation checks between blocks).
                let start = Date()
                while !WorkProgress.isCancelled, Date().timeIntervalSince(start) < 30 { Thread.sleep(forTimeInterval: 0.005) }
                return 1
            }
        }
        for _ in 0..<250 where gate.load.running > 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(gate.load.running == 0, "the cancelled work left within 5 s of the time limit")
    }

    @Test("the time limit answers 503 while the work finishes in the background")
    func timeLimit() async throws {
        var limits = testLimits()
        limits.timeLimitSeconds = 0.3
        let slow = WebEndpoint(command: "slow", abstract: "A slow answer.", fields: []) { _ in
            Thread.sleep(forTimeInterval: 1.0)
            throw DesignError(parameter: "", requirement: "finished", value: "")
        }
        try await withServer(makeServer(limits, endpoints: [slow])) { client in
            let response = try await client.execute(uri: "/api/v1/slow", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(text(response).contains("longer than"))
        }
    }
}
