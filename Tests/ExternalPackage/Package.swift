// swift-tools-version: 6.0
//
// An outside package that uses trialsize as a library, the way an embedder would: it depends on the
// checkout by path and imports the library products, never the internal modules by name.
// scripts/check-external-package.sh builds and runs it (from scripts/test.sh).

import PackageDescription

let package = Package(
    name: "TrialsizeExternalPackage",
    dependencies: [
        // The explicit name matters: the checkout's folder name varies (worktrees, CI clones).
        .package(name: "trialsize", path: "../..")
    ],
    targets: [
        // `import TrialsizeKit`: every public layer, reports included.
        .executableTarget(
            name: "KitExample",
            dependencies: [.product(name: "TrialsizeKit", package: "trialsize")]
        ),
        // `import TrialsizeNumerics`: the numbers only (no report layer, no template engine).
        .executableTarget(
            name: "NumericsExample",
            dependencies: [.product(name: "TrialsizeNumerics", package: "trialsize")]
        ),
    ]
)
