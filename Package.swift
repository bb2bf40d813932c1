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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
                .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The built-in courses: notes written for Revise, shipped as resources, read like any imported file.
        .target(name: "ReviseCourses", dependencies: ["ReviseCore", "ReviseStore"], resources: [.copy("Courses")]),
        // The web app and its JSON API (Hummingbird): pages and routes over the same store as the command line.
        .target(
            name: "ReviseServer",
            dependencies: [
                "ReviseCore", "ReviseStore", "ReviseCourses", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Assets")]
        ),
        // The command-line tool: thin commands over the core, the store and the server.
        .executableTarget(
            name: "revise",
            dependencies: [
                "ReviseCore", "ReviseStore", "ReviseCourses", "ReviseServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ReviseCoreTests", dependencies: ["ReviseCore", "TestSupport"]),
        .testTarget(
            name: "ReviseStoreTests",
            dependencies: [
                "ReviseStore", "ReviseCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "ReviseServerTests",
            dependencies: [
                "ReviseServer", "ReviseStore", "ReviseCore", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ReviseEndToEndTests",
            dependencies: ["revise", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
