// swift-tools-version: 6.0
//
// trialsize: power and sample size for phase I/II cancer trials, on the GNU Scientific Library.
// The layers depend one way only: trialsize (CLI) -> TrialReport -> TrialDesign -> Probability -> CGSL.
// Library products: TrialsizeKit (`import TrialsizeKit`: every public layer, reports included) and
// TrialsizeNumerics (`import TrialsizeNumerics`: Probability and TrialDesign only, no report layer, so
// no Foundation and no template engine), each a module of one file that re-exports the layers.

import PackageDescription

let package = Package(
    name: "trialsize",
    products: [
        .executable(name: "trialsize", targets: ["trialsize"]),
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
            dependencies: ["CGSL", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(
            name: "TrialDesign",
            dependencies: ["Probability", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(
            name: "TrialReport",
            dependencies: [
                "TrialDesign", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.embedInCode("Templates")]
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
        .executableTarget(
            name: "trialsize",
            dependencies: [
                "TrialDesign", "TrialReport", "TrialWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
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
                "TrialWeb", "TrialDesign", "TrialReport", "trialsize", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "trialsizeTests",
            dependencies: ["trialsize", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Golden"]  // read through #filePath, so golden files can be rewritten in place
        ),
    ]
)
