import ArgumentParser
import Foundation
import ReviseServer
import ReviseStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web app: study, timeline, glossary, conflicts, search and stats in the browser.",
        discussion: """
            Serves the same database as the other commands. With no notes yet, the built-in course is added first. \
            The server listens on 127.0.0.1 unless told otherwise: other machines cannot reach it.
            """)

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port).") var port = 8080
    @Option(help: ArgumentHelp("Refuse uploaded files larger than this many megabytes.", valueName: "MB"))
    var maxUpload: Double = 20
    @Option(help: "New cards a day.") var new: Int = 20
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard maxUpload > 0, maxUpload <= 1000 else { throw ValidationError("--max-upload must be from 0 to 1000 megabytes") }
        guard new >= 0, new <= 10_000 else { throw ValidationError("--new must be from 0 to 10000") }
        guard !host.isEmpty else { throw ValidationError("--host cannot be empty") }
    }

    func run() async throws {
        let opened = try store.open()
        let (addedCourse, cards) = try ReviseServer.prepare(opened)
        if addedCourse {
            FileHandle.standardOutput.write(Data("No notes yet, so the built-in course is ready to study (\(cards.added) cards).\n".utf8))
        }
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.maxUploadBytes = Int(maxUpload * 1_000_000)
        options.newPerDay = new
        let host = self.host
        let path = store.path
        let app = try ReviseServer.application(store: opened, options: options) { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            FileHandle.standardOutput.write(
                Data("Revise is running at http://\(shown):\(port)/  (database \(path); Ctrl-C to stop)\n".utf8))
        }
        do {
            try await app.runService()
        } catch {
            throw Failure(message: "cannot serve on \(host):\(port): \(error)", exitCode: 69)
        }
    }
}
