import Foundation
import TestSupport

/// Runs the built `revise` binary as a user would, capturing what it prints and its exit status.
struct CLI {
    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    /// `REVISE_BIN`, else the debug build beside the tests.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["REVISE_BIN"] { return URL(fileURLWithPath: path) }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/revise")
    }

    let folder: URL
    var database: String { folder.appendingPathComponent("revise.sqlite").path }

    init() throws { folder = try Fixtures.temporaryFolder() }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    /// A fresh database with the Cold War notes of the test fixtures (always there) imported.
    static func withColdWarNotes() throws -> CLI {
        let cli = try CLI()
        let result = try cli.run(["import", Fixtures.fixturesFolder.appendingPathComponent("other-subject").path])
        guard result.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: ["reason": result.err]) }
        return cli
    }

    /// Runs `revise` with `--db` pointing at this test's database unless `environment` says otherwise.
    @discardableResult
    func run(_ arguments: [String], useDatabase: Bool = true, environment: [String: String] = [:],
             in directory: URL? = nil, asUser user: String? = nil, input: String? = nil) throws -> Result {
        let process = Process()
        let full = arguments + (useDatabase ? ["--db", database] : [])
        if let user {
            // Root reads every file; to see what a student sees, run as another user, from a copy of the binary
            // that user can reach wherever the clone lives.
            let copy = folder.appendingPathComponent("revise-\(user)")
            if !FileManager.default.fileExists(atPath: copy.path) {
                try FileManager.default.copyItem(at: Self.binary, to: copy)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
            }
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", user, "--", copy.path] + full
        } else {
            process.executableURL = Self.binary
            process.arguments = full
        }
        var env = ProcessInfo.processInfo.environment
        env["REVISE_DB"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = directory ?? folder
        let outURL = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let input {
            let inURL = folder.appendingPathComponent("stdin-\(UUID().uuidString)")
            try Data(input.utf8).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        return Result(
            status: process.terminationStatus,
            out: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            err: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    func write(_ name: String, _ contents: String) throws -> URL {
        try write(name, Data(contents.utf8))
    }

    func write(_ name: String, _ data: Data) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}
