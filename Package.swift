// swift-tools-version: 6.0
//
// trialsize: power and sample size for phase I/II cancer trials, on the GNU Scientific Library.
// The layers depend one way only: trialsize (CLI) -> TrialReport -> TrialDesign -> Probability -> CGSL.

import PackageDescription

let package = Package(
    name: "trialsize",
    products: [
        .executable(name: "trialsize", targets: ["trialsize"]),
        .library(name: "TrialsizeKit", targets: ["Probability", "TrialDesign", "TrialReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
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
            dependencies: ["TrialDesign", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.embedInCode("Templates")]
        ),
        .executableTarget(
            name: "trialsize",
            dependencies: [
                "TrialDesign", "TrialReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ProbabilityTests",
            dependencies: ["Probability"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TrialDesignTests", dependencies: ["TrialDesign"], exclude: ["Fixtures"]),
        .testTarget(
            name: "TrialReportTests",
            dependencies: ["TrialReport", "Probability"],
            exclude: ["Golden"]  // read through #filePath, so golden files can be rewritten in place
        ),
        .testTarget(
            name: "trialsizeTests",
            dependencies: ["trialsize"],
            exclude: ["Golden"]  // read through #filePath, so golden files can be rewritten in place
        ),
    ]
)
