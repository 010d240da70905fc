import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TrialDesign
import TrialReport
import TrialWeb

@testable import TrialsizeCLI
@testable import TrialsizeServe

/// The pages and the API answer as the command line does (issue 17).
@Suite("Web pages and API")
struct WebPageTests {
    static let seed = "control_median=8&median=13&alpha=0.05&power=0.8"

    @Test("the survival page answers the seed question: 26 events, as the command line")
    func seedPage() async throws {
        let cli = commandLine(["survival", "--control-median", "8", "--median", "13", "--alpha", "0.05", "--power", "0.8"])
        #expect(cli.status == 0)
        #expect(cli.output.contains("26"))
        try await withServer { client in
            let response = try await client.execute(uri: "/survival?" + Self.seed, method: .get)
            #expect(response.status == .ok)
            let page = text(response)
            #expect(page.contains("<h2>The same answer on the command line</h2>"))
            #expect(page.contains("trialsize survival --control-median 8 --median 13 --alpha 0.05 --power 0.8"))
            // The events row as the terminal prints it (the seed trial's published 26 events).
            let events = try #require(cli.output.split(separator: "\n").first { $0.hasPrefix("  events ") })
            let value = events.dropFirst("  events".count).trimmingCharacters(in: .whitespaces)
            #expect(value.hasPrefix("26 "))
            #expect(page.contains("<tr><th scope=\"row\">events</th><td>\(value)</td></tr>"))
            #expect(page.contains("/survival/report.html?control_median=8&amp;median=13&amp;alpha=0.05&amp;power=0.8"))
            #expect(page.contains("/api/v1/survival?control_median=8&amp;median=13"))
            #expect(page.contains("Justification"))
            #expect(!page.contains("<script"))
        }
    }

    @Test("the empty form lists every declared field with its label, help and allowed range")
    func form() async throws {
        let survival = try endpoint("survival")
        try await withServer { client in
            let page = text(try await client.execute(uri: "/survival", method: .get))
            for field in survival.fields {
                #expect(page.contains("name=\"\(field.jsonKey)\""), "\(field.key)")
                #expect(page.contains("<label for=\"f-\(field.jsonKey)\">" + Markup.escapeForTest(field.label)), "\(field.key)")
            }
            #expect(page.contains("Allowed: [1e-10, 0.5]"))
            #expect(!page.contains("name=\"threads\""))
            #expect(page.contains("name=\"unit\""))
        }
    }

    @Test("the index lists every design command")
    func index() async throws {
        let names = Trialsize.designLeaves.map(\.name)
        #expect(registry.map(\.command) == names)
        try await withServer { client in
            let page = text(try await client.execute(uri: "/", method: .get))
            for endpoint in registry { #expect(page.contains("href=\"\(endpoint.path)\"")) }
        }
    }

    @Test(
        "each design's example: the API gives exactly the command line's --format json, and the page answers",
        arguments: registry.filter { !$0.example.isEmpty }.map(\.command))
    func apiEqualsCommandLine(command: String) async throws {
        let endpoint = try endpoint(command)
        let inputs = try FormInputs.inputs(endpoint.example, fields: endpoint.fields)
        let words = endpoint.commandLine(inputs).split(separator: " ").dropFirst().map(String.init)
        let cli = commandLine(words + ["--format", "json"])
        #expect(cli.status == 0, "\(cli.errors)")
        let exampleQuery = query(endpoint.example.map { ($0.key, $0.value) })
        try await withServer { client in
            let api = try await client.execute(uri: endpoint.apiPath + "?" + exampleQuery, method: .get)
            #expect(api.status == .ok, "\(text(api))")
            #expect(api.headers[.contentType] == "application/json; charset=utf-8")
            #expect(text(api) == cli.output)
            let page = try await client.execute(uri: endpoint.path + "?" + exampleQuery, method: .get)
            #expect(page.status == .ok)
            #expect(text(page).contains("<div class=\"report\">"))
            let report = try await client.execute(uri: endpoint.path + "/report.html?" + exampleQuery, method: .get)
            #expect(report.status == .ok)
            #expect(text(report).hasPrefix("<!DOCTYPE html>"))
        }
    }

    @Test("POST with a JSON object gives the same answer as GET")
    func post() async throws {
        try await withServer { client in
            let get = try await client.execute(uri: "/api/v1/survival?" + Self.seed, method: .get)
            let body = ByteBuffer(string: #"{"control_median": 8, "median": 13, "alpha": 0.05, "power": 0.8}"#)
            let post = try await client.execute(
                uri: "/api/v1/survival", method: .post, headers: [.contentType: "application/json"], body: body)
            #expect(post.status == .ok)
            #expect(text(post) == text(get))
            let form = try await client.execute(
                uri: "/api/v1/survival", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: Self.seed))
            #expect(text(form) == text(get))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text(get).utf8)) as? [String: Any])
            #expect(
                json["events"] as? Int == 26 || (json["methods"] as? [[String: Any]])?.first?["events"] as? Int == 26
                    || text(get).contains("\"events\" : 26"))
        }
    }

    @Test("a refused input: HTTP 400, one line naming the field (its label on the page, its key in the API)")
    func refused() async throws {
        try await withServer { client in
            let api = try await client.execute(uri: "/api/v1/survival?control_median=8&median=13&alpha=1.5", method: .get)
            #expect(api.status == .badRequest)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(text(api).utf8)) as? [String: Any])
            #expect(body["parameter"] as? String == "alpha")
            #expect((body["error"] as? String)?.hasPrefix("alpha must be in [1e-10, 0.5], got 1.5") == true)
            let page = try await client.execute(uri: "/survival?control_median=8&median=13&alpha=1.5", method: .get)
            #expect(page.status == .badRequest)
            #expect(text(page).contains("role=\"alert\" id=\"error\">Significance level must be in [1e-10, 0.5], got 1.5"))
            #expect(text(page).contains("aria-invalid=\"true\""))
            let percent = try await client.execute(uri: "/api/v1/survival?control_median=8&median=13&power=80%25", method: .get)
            #expect(percent.status == .badRequest)
            #expect(text(percent).contains("80% means 0.8"))
            let unknown = try await client.execute(uri: "/api/v1/survival?contol_median=8", method: .get)
            #expect(unknown.status == .badRequest)
            #expect(text(unknown).contains("unknown field"))
            let twice = try await client.execute(uri: "/api/v1/survival?control_median=8&control_median=9&median=13", method: .get)
            #expect(twice.status == .badRequest)
            #expect(text(twice).contains("given more than once"))
        }
    }

    @Test("an unknown address: 404 as JSON under /api/, as a page elsewhere")
    func notFound() async throws {
        try await withServer { client in
            let api = try await client.execute(uri: "/api/v1/no-such-design", method: .get)
            #expect(api.status == .notFound)
            #expect(text(api).hasPrefix("{\"error\":\"nothing at /api/v1/no-such-design"))
            let page = try await client.execute(uri: "/no-such-page", method: .get)
            #expect(page.status == .notFound)
            #expect(text(page).contains("role=\"alert\""))
        }
    }

    @Test("the Word report is the --report FILE.docx document")
    func word() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trialsize-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("seed.docx").path
        let cli = commandLine([
            "survival", "--control-median", "8", "--median", "13", "--alpha", "0.05", "--power", "0.8", "--report", path,
        ])
        #expect(cli.status == 0)
        let expected = try Data(contentsOf: URL(fileURLWithPath: path))
        try await withServer { client in
            let response = try await client.execute(uri: "/survival/report.docx?" + Self.seed, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(Data(response.body.readableBytesView) == expected)
        }
    }

    @Test("the time unit, a presentation option, reaches the report")
    func unit() async throws {
        try await withServer { client in
            let page = text(try await client.execute(uri: "/survival?control_median=8&median=13&unit=months", method: .get))
            #expect(page.contains("<tr><th scope=\"row\">control median</th><td>8 months</td></tr>"))
            #expect(page.contains("--unit months"))
        }
    }

    @Test("analyze survival reads an uploaded CSV in memory: the page (multipart form) and the API (JSON) answer as the command line")
    func upload() async throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/examples/seed-pfs.csv")
            .standardized.path
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        let cli = commandLine(["analyze", "survival", "--input", path, "--control-median", "8", "--format", "json"])
        #expect(cli.status == 0, "\(cli.errors)")
        // The same answer but for the data's name.
        let expected = cli.output.replacingOccurrences(of: "\"source\" : \"\(path)\"", with: "\"source\" : \"seed-pfs.csv\"")
        #expect(expected != cli.output)
        try await withServer { client in
            let boundary = "trialsize-test-boundary"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"control_median\"\r\n\r\n8\r\n"
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"input\"; filename=\"seed-pfs.csv\"\r\nContent-Type: text/csv\r\n\r\n"
            body += csv + "\r\n--\(boundary)--\r\n"
            let page = try await client.execute(
                uri: "/analyze/survival", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: body))
            #expect(page.status == .ok, "\(text(page).prefix(2000))")
            #expect(text(page).contains("trialsize analyze survival --input seed-pfs.csv --control-median 8"))
            #expect(text(page).contains("seed-pfs.csv (time column"))
            #expect(text(page).contains("enctype=\"multipart/form-data\""))
            let json = try JSONSerialization.data(withJSONObject: ["input": csv, "control_median": 8])
            let api = try await client.execute(
                uri: "/api/v1/analyze/survival", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: json))
            #expect(api.status == .ok)
            #expect(text(api) == expected.replacingOccurrences(of: "seed-pfs.csv", with: "data.csv"))
            let missing = try await client.execute(uri: "/api/v1/analyze/survival?control_median=8", method: .get)
            #expect(missing.status == .badRequest)
            #expect(text(missing).contains("\"parameter\":\"input\""))
            let large = try await client.execute(
                uri: "/api/v1/analyze/survival", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{\"input\": \"" + String(repeating: "1,1\\n", count: 300_000) + "\"}"))
            #expect(large.status == .contentTooLarge)
        }
    }

    @Test("a plot is served as SVG")
    func plot() async throws {
        try await withServer { client in
            let page = text(try await client.execute(uri: "/survival?" + Self.seed, method: .get))
            let marker = "/survival/plots/"
            let start = try #require(page.range(of: marker))
            let name = page[start.upperBound...].prefix { $0 != "." }
            let svg = try await client.execute(uri: marker + name + ".svg?" + Self.seed, method: .get)
            #expect(svg.status == .ok)
            #expect(svg.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(text(svg).contains("<svg"))
        }
    }

    @Test("the OpenAPI document has every design, GET and POST, with the declared ranges")
    func openAPI() async throws {
        try await withServer { client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text(response).utf8)) as? [String: Any])
            #expect(json["openapi"] as? String == "3.1.0")
            let paths = try #require(json["paths"] as? [String: Any])
            #expect(Set(paths.keys) == Set(registry.map(\.apiPath)))
            let survival = try #require(paths["/api/v1/survival"] as? [String: Any])
            let post = try #require(survival["post"] as? [String: Any])
            let body = try #require(
                ((post["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any])
            let properties = try #require((body["schema"] as? [String: Any])?["properties"] as? [String: Any])
            #expect((properties["alpha"] as? [String: Any])?["maximum"] as? Double == 0.5)
            #expect(survival["get"] != nil)
        }
    }
}

extension Markup {
    static func escapeForTest(_ text: String) -> String { escape(text) }
}

/// `trialsize serve`'s own options, refused as every option is.
@Suite("The serve command")
struct ServeCommandTests {
    @Test("a port outside 0...65535 is one line and exit 64")
    func badPort() {
        let result = commandLine(["serve", "--port", "70000"])
        #expect(result.status == 64)
        #expect(result.errors == "trialsize: error: --port must be in 0...65535, got 70000\n")
    }

    @Test("loopback addresses are told from the others (which print a warning)")
    func loopback() throws {
        #expect(ServeCommand.isLoopback("127.0.0.1"))
        #expect(ServeCommand.isLoopback("localhost"))
        #expect(ServeCommand.isLoopback("::1"))
        #expect(!ServeCommand.isLoopback("0.0.0.0"))
        #expect(!ServeCommand.isLoopback("192.168.1.10"))
        for loopback in ["127.1.2.3", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"] {
            #expect(ServeCommand.isLoopback(loopback), "\(loopback)")
        }
        #expect(try ServeOptions.parse(["--host", "[::1]"]).listenHost == "::1")
        #expect(try ServeOptions.parse(["--host", "0.0.0.0"]).listenHost == "0.0.0.0")
        for other in ["127.example.com", "128.0.0.1", "::2", "::ffff:10.0.0.1", "::", "127.0.0.1.nip.io"] {
            #expect(!ServeCommand.isLoopback(other), "\(other)")
        }
    }

    @Test("the help names the pages and the API")
    func help() {
        let result = commandLine(["serve", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("/api/v1/<design>"))
    }
}
