// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "starcard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "starcard", targets: ["starcard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C libraries: module map + shim header only; the owning Swift classes live in
        // Postgres (libpq) and Extract (zlib).
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        .target(name: "Postgres", dependencies: [
            "CLibPQ",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Extract", dependencies: ["CZlib"]),
        .target(name: "Cleanse", dependencies: ["Extract"]),
        .target(name: "Dedupe", dependencies: ["Cleanse"]),
        .target(name: "Warehouse", dependencies: [
            "Postgres", "Cleanse", "Dedupe",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Scoring", dependencies: [
            "Postgres", "Warehouse",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Synth", dependencies: ["Extract"]),
        .target(name: "Pipeline", dependencies: [
            "Postgres", "Extract", "Cleanse", "Dedupe", "Warehouse", "Scoring",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .executableTarget(name: "starcard", dependencies: [
            "Pipeline", "Synth", "Postgres",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        .target(name: "TestSupport", dependencies: ["Postgres"], path: "Tests/TestSupport"),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "ExtractTests", dependencies: ["Extract"]),
        .testTarget(name: "CleanseTests", dependencies: ["Cleanse"]),
        .testTarget(name: "DedupeTests", dependencies: ["Dedupe"]),
        .testTarget(name: "SynthTests", dependencies: ["Synth"]),
        .testTarget(name: "WarehouseTests", dependencies: ["Warehouse"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Synth", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
