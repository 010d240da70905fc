// swift-tools-version: 6.0
//
// trialsize: power and sample size for phase I/II cancer trials, on the GNU Scientific Library.
// The layers depend one way only: trialsize (main.swift) -> TrialsizeCLI (the command line) -> TrialReport
// -> TrialDesign -> Probability -> CGSL.
// Library products: TrialsizeKit (`import TrialsizeKit`: every public layer, reports included) and
// TrialsizeNumerics (`import TrialsizeNumerics`: Probability and TrialDesign only, no report layer, so
// no Foundation and no template engine), each a module of one file that re-exports the layers.

import Foundation
import PackageDescription

// `TRIALSIZE_LIBFUZZER=1 swift build -c release --product FuzzTrialsize ...` (scripts/fuzz.sh): the
// libFuzzer build. It adds the fuzz program (Fuzz/Main, linked with libFuzzer's runtime; below) and
// compiles the command line and the harness with coverage instrumentation (`-sanitize=fuzzer`);
// `TRIALSIZE_LIBFUZZER=all` instruments the design and report layers as well.
// Every other target keeps its usual flags, so a fuzz build in the scratch path of an ordinary release
// build recompiles only the instrumented modules. Without the variable the manifest is the usual one.
let libFuzzer = ProcessInfo.processInfo.environment["TRIALSIZE_LIBFUZZER"] ?? ""
let fuzzing = !libFuzzer.isEmpty && libFuzzer != "0"
/// Coverage instrumentation for one of the package's own modules in a libFuzzer build.
func instrumented(deep: Bool = false) -> [SwiftSetting] {
    fuzzing && (!deep || libFuzzer == "all") ? [.unsafeFlags(["-sanitize=fuzzer"])] : []
}

let package = Package(
    name: "trialsize",
    products: [
        .executable(name: "trialsize", targets: ["trialsize"]),
        // `trialsize serve` starts this program, which sits beside `trialsize`: the web server's
        // libraries (Hummingbird, SwiftNIO) stay out of the command line's start-up.
        .executable(name: "trialsize-serve", targets: ["trialsize-serve"]),
        .library(name: "TrialsizeKit", targets: ["TrialsizeKit"]),
        .library(name: "TrialsizeNumerics", targets: ["TrialsizeNumerics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // `--report FILE.docx`: the Word document's zip package.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // `swift package generate-documentation --target TrialsizeKit` (the DocC catalogs in Sources/*/*.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // `trialsize serve`: the local web page and JSON API (Sources/TrialWeb).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
        ),
        .target(
            name: "Probability",
            dependencies: ["CGSL", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: instrumented(deep: true)
        ),
        .target(
            name: "TrialDesign",
            dependencies: ["Probability", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: instrumented(deep: true)
        ),
        .target(
            name: "TrialReport",
            dependencies: [
                "TrialDesign", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.embedInCode("Templates")],
            swiftSettings: instrumented(deep: true)
        ),
        .target(name: "TrialsizeNumerics", dependencies: ["Probability", "TrialDesign"]),
        .target(name: "TrialsizeKit", dependencies: ["Probability", "TrialDesign", "TrialReport"]),
        // The web front end: pages and JSON API over an injected registry of design endpoints.
        // It sees parameter catalogs and reports only; the command line injects how each design runs.
        .target(
            name: "TrialWeb",
            dependencies: [
                "TrialDesign", "TrialReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The command line: parsing, the commands, the output and error contract. A library, so that the
        // tests and the fuzz targets link it; the `trialsize` executable is its main.swift only.
        .target(
            name: "TrialsizeCLI",
            dependencies: [
                "TrialDesign", "TrialReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: instrumented()
        ),
        .executableTarget(name: "trialsize", dependencies: ["TrialsizeCLI"]),
        // `trialsize serve`: the registry of design endpoints (each runs the command line's own
        // parser and command) and the server; `trialsize-serve` is its main.swift.
        .target(
            name: "TrialsizeServe",
            dependencies: [
                "TrialsizeCLI", "TrialWeb", "TrialDesign", "TrialReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(name: "trialsize-serve", dependencies: ["TrialsizeServe"]),
        // What the libFuzzer targets check, in an ordinary library so that the test suite replays the
        // committed corpus through the same code (Fuzz/Harness; docs/reliability.md).
        .target(name: "FuzzHarness", dependencies: ["TrialsizeCLI"], path: "Fuzz/Harness", swiftSettings: instrumented()),
        // Shared by the test targets: fixture readers, tolerances, a seeded SplitMix64 generator.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "ProbabilityTests",
            dependencies: ["Probability", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TrialDesignTests", dependencies: ["TrialDesign", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "TrialReportTests",
            dependencies: ["TrialReport", "Probability", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Golden"]  // read through #filePath, so golden files can be rewritten in place
        ),
        .testTarget(
            name: "TrialWebTests",
            dependencies: [
                "TrialWeb", "TrialDesign", "TrialReport", "TrialsizeCLI", "TrialsizeServe", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "trialsizeTests",
            // `trialsize` too: OutputFailureTests runs the built binary.
            dependencies: [
                "TrialsizeCLI", "trialsize", "FuzzHarness", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Golden"]  // read through #filePath, so golden files can be rewritten in place
        ),
    ]
)

if fuzzing {
    // One executable for both fuzz targets (Fuzz/Main: TRIALSIZE_FUZZ_TARGET picks one), whose main.swift runs
    // libFuzzer's driver (declared by the CLibFuzzer module map) with a test function of FuzzHarness. SwiftPM
    // links an executable's own entry point as `main`, so libFuzzer's runtime is linked without its `main`:
    // the archive scripts/fuzz.sh finds in the toolchain and names in TRIALSIZE_LIBFUZZER_RUNTIME.
    let runtime = ProcessInfo.processInfo.environment["TRIALSIZE_LIBFUZZER_RUNTIME"] ?? "libclang_rt.fuzzer_no_main.a"
    package.targets += [
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .executableTarget(
            name: "FuzzTrialsize", dependencies: ["FuzzHarness", "CLibFuzzer"], path: "Fuzz/Main",
            linkerSettings: [
                .unsafeFlags(["-Xlinker", "--whole-archive", "-Xlinker", runtime, "-Xlinker", "--no-whole-archive", "-lstdc++"])
            ]
        ),
    ]
}
