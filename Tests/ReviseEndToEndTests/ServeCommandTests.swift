import Foundation
import Testing
import TestSupport

/// `revise serve` as a user starts it: the built-in course on an empty database, the page served, bad options
/// refused with the reason, a port that is taken reported.
@Suite("revise serve")
struct ServeCommandTests {
    /// Starts the server on a free port and returns it with the address it printed (bounded wait).
    func start(_ cli: CLI, _ extra: [String] = []) throws -> (Process, String, FileHandle) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--port", "0", "--db", cli.database] + extra
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !printed.contains("Ctrl-C") {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        let url = try #require(printed.firstMatch(of: /running at (http:\/\/127\.0\.0\.1:\d+)\//)?.output.1)
        #expect(printed.contains("No notes yet, so the built-in course is ready to study"))
        return (process, String(url), pipe.fileHandleForReading)
    }

    func get(_ url: String) throws -> (Int, String) {
        let result = Process()
        result.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        result.arguments = ["-s", "-m", "20", "-w", "\n%{http_code}", url]
        let pipe = Pipe()
        result.standardOutput = pipe
        try result.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        result.waitUntilExit()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    @Test("an empty database gets the built-in course and Today is served on 127.0.0.1", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func servesTheCourse() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let (process, url, _) = try start(cli)
        defer { process.terminate(); process.waitUntilExit() }
        let (status, body) = try get(url + "/")
        #expect(status == 200)
        #expect(body.contains("cards to study"))
        // The same database answers the command line.
        process.terminate()
        process.waitUntilExit()
        let sources = try cli.run(["sources"])
        #expect(sources.out.contains("stalins-ussr"))
    }

    @Test("bad options are refused with the reason, and a port that is taken is reported")
    func badOptions() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for (arguments, message) in [
            (["serve", "--port", "70000"], "--port must be from 0 to 65535"),
            (["serve", "--max-upload", "0"], "--max-upload must be"),
            (["serve", "--new=-1"], "--new must be"),
        ] {
            let result = try cli.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.err.contains(message), "\(arguments): \(result.err)")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { return }
        let (process, url, _) = try start(cli)
        defer { process.terminate(); process.waitUntilExit() }
        let port = String(url.split(separator: ":").last!)
        let taken = try cli.run(["serve", "--port", port])
        #expect(taken.status == 69)
        #expect(taken.err.contains("cannot serve on 127.0.0.1:\(port)"))
    }
}
