// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Revise",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "revise", targets: ["revise"]),
        .library(name: "ReviseCore", targets: ["ReviseCore"]),
        .library(name: "ReviseStore", targets: ["ReviseStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // Pure logic: takes bytes, strings and dates, returns values. No file, database or network I/O.
        .target(
            name: "ReviseCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Persistence: one facade over a SQLite file (GRDB).
        .target(
            name: "ReviseStore",
            dependencies: [
                "ReviseCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The command-line tool: thin commands over the core and the store.
        .executableTarget(
            name: "revise",
            dependencies: [
                "ReviseCore", "ReviseStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The built-in courses: notes written for Revise, read like any imported file.
            resources: [.copy("Courses")]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ReviseCoreTests", dependencies: ["ReviseCore", "TestSupport"]),
        .testTarget(name: "ReviseStoreTests", dependencies: ["ReviseStore", "ReviseCore", "TestSupport"]),
        .testTarget(
            name: "ReviseEndToEndTests",
            dependencies: ["revise", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
