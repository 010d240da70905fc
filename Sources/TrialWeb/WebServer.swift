import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TrialDesign
import TrialReport

/// The limits the server enforces, with the values `trialsize serve` uses (docs/web.md).
public struct WebLimits: Sendable {
    /// The longest request target (path and query) accepted, in bytes; longer gets 414.
    public var maximumURIBytes = 8192
    /// The largest request body accepted (a form or a JSON object), in bytes; larger gets 413.
    public var maximumBodyBytes = 65_536
    /// The largest body of a design that takes a data file (`analyze survival`'s CSV, read in
    /// memory: about 80,000 patients of `12.3,1`); larger gets 413.
    public var maximumUploadBytes = 1 << 20
    /// Simulations running at once, and waiting behind them; beyond both, 503 with Retry-After.
    public var simulationsRunning = 2
    /// Simulations allowed to wait behind the running ones; one more is refused with 503.
    public var simulationsWaiting = 2
    /// Other computations running at once, and waiting behind them.
    public var answersRunning = 4
    /// Other computations allowed to wait behind the running ones; one more is refused with 503.
    public var answersWaiting = 256
    /// The longest a computation may take, in seconds, counted from its start (the wait in line
    /// before it is bounded by the line's length), before its request gets a 503 and the work is
    /// cancelled; every command's own work is capped at about 10 s on two cores, so this is
    /// reached only when many computations share the cores.
    public var timeLimitSeconds = 60.0
    /// The Retry-After a 503 sends, in seconds.
    public var retryAfterSeconds = 10
    /// How long a page waits for an answer that reports no progress before streaming it, in seconds
    /// (a refusal comes before any progress, so it is sent whole with its own status within this wait).
    public var wholePageWaitSeconds = 10.0

    /// The limits `trialsize serve` uses, the values above (docs/web.md).
    public init() {}
}

/// The web front end: a page per design, the JSON API and its OpenAPI document, over the
/// endpoints the command line injects (``WebEndpoint``).
///
/// Routes (docs/web.md): `/` the designs; `/<design>` its form and, with a query, its answer;
/// `/<design>/report.html` and `/<design>/report.docx` the `--report` page and Word document; `/<design>/plots/<name>.svg` a plot;
/// `GET|POST /api/v1/<design>` the `--format json` answer; `/api/v1/openapi.json`.
public struct TrialWebServer: Sendable {
    /// The designs served, one page and one API path each, in the order the index page lists them.
    public let endpoints: [WebEndpoint]
    /// The size, queue and time limits the server enforces.
    public let limits: WebLimits
    /// Named in each report's footer: "trialsize 0.1.0".
    public let generator: String
    let simulations: WorkGate
    let answers: WorkGate

    /// A server over `endpoints`, naming `generator` in each report's footer, with its two work gates
    /// (simulations, and everything else) sized by `limits`.
    public init(endpoints: [WebEndpoint], generator: String, limits: WebLimits = WebLimits()) {
        self.endpoints = endpoints
        self.generator = generator
        self.limits = limits
        self.simulations = WorkGate(maximumRunning: limits.simulationsRunning, maximumWaiting: limits.simulationsWaiting)
        self.answers = WorkGate(maximumRunning: limits.answersRunning, maximumWaiting: limits.answersWaiting)
    }

    /// The router with every route and the security headers.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders(maximumURIBytes: limits.maximumURIBytes))
        let server = self
        router.get("/") { _, _ in Self.html(.ok, Pages.index(server.endpoints, generator: server.generator)) }
        router.get("/assets/trialsize.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Pages.stylesheet)))
        }
        router.get("/api/v1/openapi.json") { _, _ in
            Self.json(.ok, OpenAPIDocument.json(server.endpoints, version: server.generator))
        }
        for endpoint in endpoints {
            router.get(RouterPath(endpoint.path)) { request, _ in await server.designPage(endpoint, request) }
            if endpoint.upload != nil {
                router.post(RouterPath(endpoint.path)) { request, _ in await server.designPage(endpoint, request) }
            }
            router.get(RouterPath(endpoint.path + "/report.html")) { request, _ in await server.reportPage(endpoint, request) }
            router.get(RouterPath(endpoint.path + "/report.docx")) { request, _ in await server.wordReport(endpoint, request) }
            router.get(RouterPath(endpoint.path + "/plots/:file")) { request, context in
                await server.plot(endpoint, request, file: context.parameters.get("file") ?? "")
            }
            router.get(RouterPath(endpoint.apiPath)) { request, _ in await server.api(endpoint, request) }
            router.post(RouterPath(endpoint.apiPath)) { request, _ in await server.api(endpoint, request) }
        }
        return router
    }

    // MARK: pages

    func designPage(_ endpoint: WebEndpoint, _ request: Request) async -> Response {
        var submitted: [(key: String, value: String)] = []
        var upload: WebUpload?
        do {
            (submitted, upload) = try await Self.fields(of: request, endpoint: endpoint, limits: limits)
        } catch {
            let failure = Failure(error, naming: { endpoint.label(of: $0) }, limits: limits)
            return Self.html(
                failure.status, Pages.design(endpoint, submitted: [], outcome: .refused(message: failure.message, parameter: "")))
        }
        if submitted.isEmpty, upload == nil, request.method == .get {
            return Self.html(.ok, Pages.design(endpoint, submitted: [], outcome: .empty))
        }
        let generator = self.generator
        let (fields, file) = (submitted, upload)
        let inputs: WebInputs
        do {
            var given = try FormInputs.inputs(fields, fields: endpoint.fields)
            given.upload = file
            inputs = given
        } catch {
            return refusal(endpoint, submitted: submitted, error)
        }
        // The answer as a job: sent whole when it comes within the patience, streamed otherwise.
        let asked = ContinuousClock.now
        let job = PageJob<(main: String, plots: [String], word: Bool)>()
        let task = Task {
            do {
                let value = try await compute(endpoint, inputs, progress: job.progress) { report in
                    (
                        main: try Self.page(of: report, generator: generator).parts().main, plots: try Self.figures(of: report).map(\.name),
                        word: report is any DesignReporting
                    )
                }
                job.finish(.success(value))
            } catch {
                job.finish(.failure(error))
            }
        }
        let outcome = { @Sendable (result: Result<(main: String, plots: [String], word: Bool), any Error>) -> (Pages.Outcome, Failure?) in
            switch result {
            case let .success(answer):
                // An answer from a data file has no address to recompute it from: no downloads.
                return (
                    .answer(
                        reportMain: answer.main, commandLine: endpoint.commandLine(inputs), query: file == nil ? Pages.query(inputs) : nil,
                        plots: answer.plots, word: answer.word), nil
                )
            case let .failure(error):
                let failure = Failure(error, naming: { endpoint.label(of: $0) }, limits: self.limits)
                return (.refused(message: failure.message, parameter: failure.parameter), failure)
            }
        }
        if let result = try? await job.waitUntilWorking(patience: Self.streamingPatience, longest: limits.wholePageWaitSeconds) {
            let (shown, failure) = outcome(result)
            var response = Self.html(failure?.status ?? .ok, Pages.design(endpoint, submitted: fields, outcome: shown))
            failure?.addRetryAfter(to: &response)
            return response
        }
        let waited = Int((ContinuousClock.now - asked).components.seconds)
        let start = ContinuousClock.now
        let seconds = { @Sendable in Int((ContinuousClock.now - start).components.seconds) + waited }
        let body = ResponseBody { writer in
            do {
                try await writer.write(ByteBuffer(string: Pages.streamedTop(endpoint)))
                var result = job.result
                while result == nil {
                    try await writer.write(ByteBuffer(string: Pages.progressLine(fraction: job.fraction, seconds: seconds())))
                    result = try await job.wait(upTo: Self.progressInterval)
                }
                let (shown, _) = outcome(result!)
                try await writer.write(
                    ByteBuffer(string: Pages.streamedBottom(endpoint, submitted: fields, outcome: shown, seconds: seconds())))
                try await writer.finish(nil)
            } catch {
                // The page was closed (a write failed) or the server is stopping: stop the work.
                task.cancel()
                throw error
            }
        }
        // The status is sent before the answer is known: a refusal found after this point is
        // shown on the page with status 200 (docs/web.md).
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: body)
    }

    /// How long a page waits for its answer before streaming it, in seconds, once the
    /// computation has reported progress (a simulation under way has passed its checks, so a
    /// refusal of the inputs still gets its own status, whatever the load).
    static let streamingPatience = 1.0
    /// How often a streamed page writes a progress line, in seconds.
    static let progressInterval = 1.0

    func refusal(_ endpoint: WebEndpoint, submitted: [(key: String, value: String)], _ error: any Error) -> Response {
        let failure = Failure(error, naming: { endpoint.label(of: $0) }, limits: limits)
        var response = Self.html(
            failure.status,
            Pages.design(endpoint, submitted: submitted, outcome: .refused(message: failure.message, parameter: failure.parameter)))
        failure.addRetryAfter(to: &response)
        return response
    }

    func reportPage(_ endpoint: WebEndpoint, _ request: Request) async -> Response {
        let generator = self.generator
        do {
            let inputs = try FormInputs.inputs(try FormInputs.pairs(fromQuery: request.uri.query ?? ""), fields: endpoint.fields)
            let page = try await compute(endpoint, inputs) { report in try Self.page(of: report, generator: generator).render() }
            var response = Self.html(.ok, page)
            response.headers[.contentDisposition] = "attachment; filename=\"\(endpoint.fileStem).html\""
            return response
        } catch {
            let failure = Failure(error, naming: { endpoint.label(of: $0) }, limits: limits)
            var response = Self.html(failure.status, Pages.problem(title: "trialsize " + endpoint.command, message: failure.message))
            failure.addRetryAfter(to: &response)
            return response
        }
    }

    /// The `--report FILE.docx` document: the same content as the HTML report, in Word's styles.
    func wordReport(_ endpoint: WebEndpoint, _ request: Request) async -> Response {
        let generator = self.generator
        do {
            let inputs = try FormInputs.inputs(try FormInputs.pairs(fromQuery: request.uri.query ?? ""), fields: endpoint.fields)
            let data = try await compute(endpoint, inputs) { report -> Data in
                guard let design = report as? any DesignReporting else {
                    throw Failure(status: .notFound, message: "this answer has no Word report")
                }
                return try design.wordDocument(justification: try design.justification(), generator: generator).data()
            }
            var response = Response(
                status: .ok, headers: [.contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
            response.headers[.contentDisposition] = "attachment; filename=\"\(endpoint.fileStem).docx\""
            return response
        } catch {
            let failure = Failure(error, naming: { endpoint.label(of: $0) }, limits: limits)
            var response = Self.html(failure.status, Pages.problem(title: "trialsize " + endpoint.command, message: failure.message))
            failure.addRetryAfter(to: &response)
            return response
        }
    }

    func plot(_ endpoint: WebEndpoint, _ request: Request, file: String) async -> Response {
        guard file.hasSuffix(".svg") else { return Self.html(.notFound, Pages.problem(title: "Not found", message: "Plots end in .svg.")) }
        let name = String(file.dropLast(4))
        do {
            let inputs = try FormInputs.inputs(try FormInputs.pairs(fromQuery: request.uri.query ?? ""), fields: endpoint.fields)
            let svg = try await compute(endpoint, inputs) { report in try Self.figures(of: report).first { $0.name == name }?.svg() }
            guard let svg else {
                return Self.html(.notFound, Pages.problem(title: "Not found", message: "This answer has no plot of that name."))
            }
            var response = Response(
                status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: svg)))
            response.headers[.contentDisposition] = "attachment; filename=\"\(endpoint.fileStem)-\(Self.safeFileName(name)).svg\""
            return response
        } catch {
            let failure = Failure(error, naming: { endpoint.label(of: $0) }, limits: limits)
            var response = Self.html(failure.status, Pages.problem(title: "trialsize " + endpoint.command, message: failure.message))
            failure.addRetryAfter(to: &response)
            return response
        }
    }

    // MARK: the JSON API

    func api(_ endpoint: WebEndpoint, _ request: Request) async -> Response {
        do {
            let (pairs, upload) = try await Self.fields(of: request, endpoint: endpoint, limits: limits)
            var inputs = try FormInputs.inputs(pairs, fields: endpoint.fields)
            inputs.upload = upload
            let json = try await compute(endpoint, inputs) { report in try report.render(.json) }
            return Self.json(.ok, json)
        } catch {
            let failure = Failure(error, naming: { endpoint.jsonKey(of: $0) }, limits: limits)
            var response = Self.json(
                failure.status, failure.json(parameter: failure.parameter.isEmpty ? nil : endpoint.jsonKey(of: failure.parameter)))
            failure.addRetryAfter(to: &response)
            return response
        }
    }

    /// The fields of a request: its query; for POST also its body, a JSON object, a URL-encoded
    /// form or a multipart form, at most ``WebLimits/maximumBodyBytes`` (``WebLimits/maximumUploadBytes``
    /// for a design that takes a data file). A design's data file comes apart from the fields: a
    /// form's file part, or the field of the upload's key holding the file's text.
    static func fields(of request: Request, endpoint: WebEndpoint, limits: WebLimits) async throws -> (
        pairs: [(key: String, value: String)], upload: WebUpload?
    ) {
        var pairs = try FormInputs.pairs(fromQuery: request.uri.query ?? "")
        var upload: WebUpload?
        if request.method == .post {
            let cap = endpoint.upload == nil ? limits.maximumBodyBytes : limits.maximumUploadBytes
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: cap)
            } catch {
                throw Failure(status: .contentTooLarge, message: "the request body is larger than \(cap) bytes")
            }
            let bytes = Array(body.readableBytesView)
            let type = request.headers[.contentType] ?? ""
            if bytes.isEmpty {
                // nothing more
            } else if type.hasPrefix("application/x-www-form-urlencoded") {
                pairs += try FormInputs.pairs(fromQuery: String(decoding: bytes, as: UTF8.self))
            } else if let boundary = Multipart.boundary(contentType: type) {
                for part in try Multipart.parts(bytes, boundary: boundary) {
                    if let key = endpoint.upload?.jsonKey, part.name == key {
                        if part.fileName?.isEmpty == false || !part.bytes.isEmpty {
                            upload = WebUpload(name: part.fileName.flatMap { $0.isEmpty ? nil : $0 } ?? "data.csv", bytes: part.bytes)
                        }
                    } else {
                        pairs.append((part.name, String(decoding: part.bytes, as: UTF8.self)))
                    }
                }
            } else {
                pairs += try FormInputs.pairs(fromJSON: Data(bytes), fields: endpoint.fields + (endpoint.upload.map { [$0] } ?? []))
            }
        }
        if let key = endpoint.upload?.jsonKey, let index = pairs.firstIndex(where: { $0.key == key }) {
            // The API's `"input": "time,event\n…"`: the file's text in a field.
            upload = WebUpload(name: "data.csv", bytes: Array(pairs[index].value.utf8))
            pairs.remove(at: index)
        }
        return (pairs, upload)
    }

    // MARK: running a design

    /// Runs the design and renders with `render`, both off the event loop behind the gate its
    /// weight calls for, within the time limit.
    func compute<Result: Sendable>(
        _ endpoint: WebEndpoint, _ inputs: WebInputs, progress: (@Sendable (Double) -> Void)? = nil,
        render: @escaping @Sendable (any Reporting) throws -> Result
    ) async throws -> Result {
        let gate = endpoint.isHeavy(inputs) ? simulations : answers
        let run = endpoint.run
        return try await gate.run(timeLimit: limits.timeLimitSeconds) {
            guard let progress else { return try render(try run(inputs)) }
            return try WorkProgress.reporting(to: progress) { try render(try run(inputs)) }
        }
    }

    /// The `--report` page of `report`: with its justification and plots for a design's report,
    /// the document alone for a mode without a paragraph (`ci --width`).
    static func page(of report: any Reporting, generator: String) throws -> HTMLReport {
        if let design = report as? any DesignReporting {
            return try design.page(justification: try design.justification(), generator: generator)
        }
        return HTMLReport(try report.document(), generator: generator)
    }

    static func figures(of report: any Reporting) throws -> [Figure] {
        try (report as? any DesignReporting)?.figures() ?? []
    }

    static func safeFileName(_ name: String) -> String {
        String(
            name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
                .map(Character.init))
    }

    // MARK: responses

    static func html(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

extension WebEndpoint {
    /// The field's label for a message ("Control median"); the key itself when not a field.
    func label(of key: String) -> String {
        if key.isEmpty { return "" }
        return fields.first { $0.key == key }?.label ?? key
    }

    /// The field's snake_case key (`control_median`), as the API names it.
    func jsonKey(of key: String) -> String {
        key.replacingOccurrences(of: "-", with: "_")
    }

    /// A download's file name: `trialsize-crm-simulate`.
    var fileStem: String { "trialsize-" + command.split(separator: " ").joined(separator: "-") }
}

/// A failed request as a status and one line: refused inputs 400, busy 503, too large 413,
/// a numerical failure or anything unexpected 500.
struct Failure: Error {
    let status: HTTPResponse.Status
    let message: String
    /// The field at fault (kebab-case key), or empty.
    var parameter = ""
    var retryAfter: Int?

    init(status: HTTPResponse.Status, message: String, parameter: String = "", retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.parameter = parameter
        self.retryAfter = retryAfter
    }

    init(_ error: any Error, naming name: (String) -> String, limits: WebLimits) {
        switch error {
        case let failure as Failure:
            self = failure
        case let failure as WebInputError:
            self.init(status: .badRequest, message: failure.message(naming: name), parameter: failure.parameter)
        case let failure as DesignError where failure.kind == .invalidInput:
            self.init(status: .badRequest, message: failure.message(naming: name), parameter: failure.parameter)
        case let failure as DesignError:
            self.init(status: .internalServerError, message: failure.message(naming: name))
        case is WorkGate.Busy:
            self.init(
                status: .serviceUnavailable,
                message: "the server is busy with other computations; try again in \(limits.retryAfterSeconds) seconds",
                retryAfter: limits.retryAfterSeconds)
        case let timeout as WorkGate.TimedOut:
            self.init(
                status: .serviceUnavailable,
                message: "the answer took longer than \(Int(timeout.seconds)) seconds (the server is busy); try again later",
                retryAfter: limits.retryAfterSeconds)
        default:
            self.init(status: .internalServerError, message: "internal error: \(error)")
        }
    }

    func addRetryAfter(to response: inout Response) {
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
    }

    /// `{"error": "...", "parameter": "alpha"}` (parameter null when the request as a whole is at fault).
    func json(parameter: String?) -> String {
        struct Body: Encodable {
            let error: String
            let parameter: String?
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(error, forKey: .error)
                try container.encode(parameter, forKey: .parameter)
            }
            enum CodingKeys: String, CodingKey { case error, parameter }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data =
            (try? encoder.encode(Body(error: message, parameter: parameter)))
            ?? Data("{\"error\":\"internal error\",\"parameter\":null}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Security headers on every response, and the cap on the request target's length.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = BasicRequestContext
    let maximumURIBytes: Int

    /// No script at all; styles only from the server's own style sheet; images (inline SVG
    /// needs none) only from the server; forms submit only to the server; never framed.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        if request.uri.string.utf8.count > maximumURIBytes {
            response = TrialWebServer.html(
                .uriTooLong,
                Pages.problem(
                    title: "Request too long",
                    message: "The address is longer than \(maximumURIBytes) bytes."))
        } else {
            do {
                response = try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
                // Not found, in the form the client reads: JSON under /api/, a page elsewhere.
                let message =
                    "nothing at \(request.uri.path) for \(request.method); the designs are listed at / and in /api/v1/openapi.json"
                response =
                    request.uri.path.hasPrefix("/api/")
                    ? TrialWebServer.json(error.status, Failure(status: error.status, message: message).json(parameter: nil))
                    : TrialWebServer.html(error.status, Pages.problem(title: "Not found", message: message))
            } catch let error as any HTTPResponseError {
                response = try error.response(from: request, context: context)
            }
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.xFrameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
