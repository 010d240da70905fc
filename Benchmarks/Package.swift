// swift-tools-version: 6.1
//
// trialsize's benchmarks (issue 7), a package of their own so the main build stays lean.
// Run from this folder:  swift package benchmark
// Baselines:             swift package benchmark baseline update main
//                        swift package benchmark baseline check main     (fails on a regression past the thresholds)
// See docs/performance.md.

import PackageDescription

let package = Package(
    name: "TrialsizeBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The explicit name matters: the checkout's folder name varies (worktrees, CI clones).
        .package(name: "trialsize", path: ".."),
        // MallocInterposer: malloc counts without jemalloc; without the trait, resolution asks for a package not mirrored here.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "TrialsizeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TrialsizeKit", package: "trialsize"),
            ],
            path: "Benchmarks/TrialsizeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
