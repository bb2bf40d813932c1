import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import TestSupport
import Testing

/// `revise study` in a real pseudo-terminal (made by `script`), driven by keys as a student presses them.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pseudo-terminal"))
struct StudyCommandTests {
    /// Starts `revise study` under a pseudo-terminal; the keys are written to it as they are given.
    final class Session {
        let process = Process()
        let input = Pipe()
        let outURL: URL

        init(cli: CLI, arguments: [String]) throws {
            // Keys written after the session died must not kill the test run.
            signal(SIGPIPE, SIG_IGN)
            outURL = cli.folder.appendingPathComponent("study-\(UUID().uuidString).out")
            FileManager.default.createFile(atPath: outURL.path, contents: nil)
            let command = ([CLI.binary.path, "study", "--db", cli.database] + arguments).map { "'\($0)'" }.joined(separator: " ")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
            process.standardInput = input
            process.standardOutput = try FileHandle(forWritingTo: outURL)
            process.standardError = FileHandle.nullDevice
            var env = ProcessInfo.processInfo.environment
            env["TERM"] = "xterm"
            process.environment = env
            try process.run()
        }

        func press(_ keys: String, pause: Double = 0.15) {
            for byte in keys.utf8 {
                try? input.fileHandleForWriting.write(contentsOf: Data([byte]))
                Thread.sleep(forTimeInterval: pause / 4)
            }
            Thread.sleep(forTimeInterval: pause)
        }

        var output: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }

        /// Waits (bounded) for the session to end by itself.
        func finish(timeout: Double = 20) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return !process.isRunning
        }
    }

    func imported() throws -> CLI { try CLI.withColdWarNotes() }

    /// Reviews in the database, card by card, read with the CLI.
    func reviewCount(_ cli: CLI) throws -> Int {
        let cards = try CLI.json(try cli.run(["cards", "--json"]).out)["cards"] as? [[String: Any]] ?? []
        return cards.reduce(0) { $0 + ($1["reviews"] as? Int ?? 0) }
    }

    @Test func fiveCardsAreStudiedByKeyboardAndSaved() throws {
        let cli = try imported()
        defer { cli.cleanUp() }
        let session = try Session(cli: cli, arguments: ["--new", "10"])
        Thread.sleep(forTimeInterval: 1.0)
        // Reveal and rate five cards: good, easy, hard, good, easy.
        for rating in ["3", "4", "2", "3", "4"] { session.press(" " + rating) }
        session.press("q")
        #expect(session.finish(), "study did not quit on q")
        let out = session.output
        #expect(out.contains("1 again   2 hard   3 good   4 easy"))
        #expect(out.contains("From cold-war"))
        #expect(out.components(separatedBy: "Saved:").count - 1 == 5, "\(out.suffix(2000))")
        #expect(try reviewCount(cli) == 5)
        // Typing an answer, then undo and quit.
        let second = try Session(cli: cli, arguments: ["--new", "10"])
        Thread.sleep(forTimeInterval: 1.0)
        second.press("tsomething\n")
        second.press("\n")
        #expect(try reviewCount(cli) == 6 || second.output.contains("You typed"))
        second.press("u")
        second.press("q")
        #expect(second.finish())
        #expect(second.output.contains("You typed “something”") || second.output.contains("Took back") || second.output.contains("Saved:"))
        #expect(try reviewCount(cli) == 5)
    }

    /// Killed at random moments, fifty times: every rating shown as saved is in the database, and the database
    /// opens and answers afterwards.
    @Test func aKilledSessionLosesNoSavedRating() throws {
        let cli = try imported()
        defer { cli.cleanUp() }
        var generator = SystemRandomNumberGenerator()
        var acknowledged = 0
        for round in 0..<50 {
            let session = try Session(cli: cli, arguments: ["--new", "1000"])
            Thread.sleep(forTimeInterval: 0.3)
            let presses = Int.random(in: 0...4, using: &generator)
            for _ in 0..<presses { session.press(" " + ["1", "2", "3", "4"].randomElement(using: &generator)!, pause: 0.02) }
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.15, using: &generator))
            // kill -9 the study process itself (script's child), then script.
            let pkill = Process()
            pkill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
            pkill.arguments = ["-9", "-f", "study --db \(cli.database)"]
            try pkill.run()
            pkill.waitUntilExit()
            session.process.terminate()
            _ = session.finish(timeout: 5)
            acknowledged += session.output.components(separatedBy: "Saved:").count - 1
            let stored = try reviewCount(cli)
            #expect(stored >= acknowledged, "round \(round): \(acknowledged) ratings shown as saved, \(stored) in the database")
        }
        #expect(acknowledged >= 20, "the sessions were killed before they rated anything: \(acknowledged)")
        #expect(try cli.run(["due", "--json"]).status == 0)
    }
}
