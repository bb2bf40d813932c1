import Foundation
import GRDB
import ReviseCore

/// The one door to a Revise database. It owns the schema and every write that must keep the data consistent:
/// a source and its outline are saved together or not at all.
public final class ReviseStore: Sendable {
    let writer: any DatabaseWriter
    /// The study queue and the cards' words kept between requests, and the writer of ratings in groups.
    let memory = StudyMemory()

    /// Opens (creating if needed) the SQLite file at `path`, making its folder first.
    public convenience init(path: String) throws(StoreError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: path, reason: error.localizedDescription)
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        // In WAL mode NORMAL keeps the file consistent on a crash; only the very last commit may be lost on power
        // failure, and a re-import brings it back.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536") }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
        try self.init(writer: pool, path: path)
    }

    /// A database in memory, for tests.
    public static func inMemory() throws(StoreError) -> ReviseStore {
        var config = Configuration()
        config.foreignKeysEnabled = true
        do {
            return try ReviseStore(writer: try DatabaseQueue(configuration: config), path: ":memory:")
        } catch let error as StoreError {
            throw error
        } catch {
            throw .cannotOpen(path: ":memory:", reason: "\(error)")
        }
    }

    init(writer: any DatabaseWriter, path: String) throws(StoreError) {
        self.writer = writer
        if writer is DatabasePool { memory.checkpointer.path = path }
        do {
            try Self.migrator.migrate(writer)
        } catch {
            throw .cannotOpen(path: path, reason: "its schema could not be brought up to date: \(error)")
        }
    }

    /// Runs a read, turning database errors into `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError(error)
        }
    }

    /// Runs a write in one transaction, turning database errors into `StoreError`. What is kept in memory for
    /// study is read again after it.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        defer { memory.changed() }
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error)
        }
    }
}

/// What went wrong with the database, in words for the user.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case database(String)
    case notFound(String)
    /// A request the data refuses: a review dated before the card's last one.
    case invalid(String)

    init(_ error: any Error) {
        if let error = error as? StoreError {
            self = error
        } else if let error = error as? DatabaseError {
            self = .database(error.message ?? "\(error.resultCode)")
        } else {
            self = .database("\(error)")
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the database \(path): \(reason)"
        case .database(let message): "database error: \(message)"
        case .notFound(let what): what
        case .invalid(let why): why
        }
    }
}
