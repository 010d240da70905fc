import ArgumentParser
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The options of `trialsize serve`, shared with the `trialsize-serve` program it starts.
public struct ServeOptions: ParsableArguments {
    /// The address to listen on: 127.0.0.1 by default (this computer only); an address reachable from other computers is
    /// accepted with a warning, since anyone who can reach it can use the server.
    @Option(help: "The address to listen on: 127.0.0.1 (this computer only, the default), or 0.0.0.0 for every interface.")
    public var host = "127.0.0.1"

    /// The TCP port to listen on, 0...65535, 8080 by default; 0 picks a free one, and the address printed says which.
    @Option(help: "The port to listen on (0 picks a free one; the address is printed).")
    public var port = 8080

    /// The defaults: 127.0.0.1, port 8080.
    public init() {}

    /// Refuses, before the server starts, a port outside 0...65535 and a host that is empty or longer than 255 characters.
    /// - Throws: `ValidationError`, which the parser prints with the usage.
    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard !host.isEmpty, host.count <= 255 else { throw ValidationError("--host must be an address such as 127.0.0.1") }
    }

    /// `host` as the server binds it: an IPv6 address may be written in brackets, as in a URL (`[::1]`).
    public var listenHost: String {
        host.hasPrefix("[") && host.hasSuffix("]") && host.count > 2 ? String(host.dropFirst().dropLast()) : host
    }

    /// Whether `host` is a loopback address, reachable from this computer only: `localhost`, an IPv4
    /// address in 127.0.0.0/8, or the IPv6 loopback ::1 in any spelling (with or without brackets, or
    /// IPv4-mapped as ::ffff:127.x.y.z). A name such as `127.example.com` is not an address, so it is not.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, bare, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        let loopback = bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff && bytes[12] == 127
        return loopback || mapped
    }
}

/// `trialsize serve`: the local web page and JSON API (docs/web.md).
///
/// The server is its own program, `trialsize-serve`, built beside `trialsize` (`swift build`
/// builds both): this command checks the options and then replaces itself with that program
/// (`execv`, so the process, its id and its signals stay the same). Keeping the web server's
/// libraries out of `trialsize` keeps every other command's start-up short (docs/performance.md).
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

            The server is the program trialsize-serve, beside trialsize (swift build builds both).
            """)

    @OptionGroup var options: ServeOptions

    /// Whether `host` is a loopback address (``ServeOptions/isLoopback(_:)``).
    static func isLoopback(_ host: String) -> Bool { ServeOptions.isLoopback(host) }

    /// `trialsize-serve` in the folder of the running program.
    static var serverProgram: String {
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: running).deletingLastPathComponent().appendingPathComponent("trialsize-serve").path
    }

    func run() throws {
        let program = Self.serverProgram
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw ValidationError(
                "serve needs the program trialsize-serve beside trialsize (\(program) is missing): build it with swift build --product trialsize-serve"
            )
        }
        let arguments = ["trialsize-serve", "--host", options.host, "--port", String(options.port)]
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        execv(program, &pointers)
        // Only reached when execv failed.
        let reason = String(cString: strerror(errno))
        for pointer in pointers { free(pointer) }
        throw ValidationError("serve could not start \(program): \(reason)")
    }
}
