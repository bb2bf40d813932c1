import ArgumentParser
import Foundation
import ReviseStore

/// Where the database lives: `--db PATH`, else `$REVISE_DB`, else the XDG data folder.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The database file.", valueName: "path"))
    var database: String?

    var path: String {
        if let database { return database }
        let env = ProcessInfo.processInfo.environment
        if let path = env["REVISE_DB"], !path.isEmpty { return path }
        let dataHome =
            env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path)
                + "/.local/share")
        return dataHome + "/revise/revise.sqlite"
    }

    func open() throws -> ReviseStore { try ReviseStore(path: path) }
}

struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document (shape in docs/CLI.md) instead of text.")
    var json = false
}

enum Output {
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        FileHandle.standardOutput.write(try encoder.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("revise: \(message)\n".utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// "1 file", "3 files".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
