import Foundation
import GRDB
import ReviseCore

/// A source's row id in the store.
public struct SourceID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { "\(rawValue)" }
}

/// An imported file as the store keeps it.
public struct StoredSource: Hashable, Sendable, Codable {
    public var id: SourceID
    /// The absolute path the file was imported from: its identity.
    public var path: String
    /// The file name, as citations show it.
    public var name: String
    public var title: String
    public var format: SourceFormat
    public var contentHash: String
    public var byteCount: Int
    public var lineCount: Int
    public var metadata: [String: String]
    public var warnings: [ImportWarning]
    public var importedAt: Date
    public var updatedAt: Date
    /// How many nodes of each kind its outline has.
    public var counts: [String: Int]
}

/// What saving a parsed file did.
public enum SaveOutcome: String, Sendable, Codable {
    /// A new source.
    case added
    /// A known source whose content changed: its outline was replaced.
    case updated
    /// A known source with the same content: nothing was written.
    case unchanged
}

extension ReviseStore {
    /// The content hash stored for a path, to skip parsing a file that has not changed.
    public func contentHash(forPath path: String) throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT contentHash FROM source WHERE path = ?", arguments: [path])
        }
    }

    /// Saves a parsed file and its outline in one transaction, replacing the outline of a changed file.
    @discardableResult
    public func save(_ parsed: ParsedSource, path: String, at date: Date) throws(StoreError) -> (
        SaveOutcome, SourceID
    ) {
        try write { db in
            let existing = try Row.fetchOne(
                db, sql: "SELECT id, contentHash FROM source WHERE path = ?", arguments: [path])
            if let existing, existing["contentHash"] as String == parsed.contentHash {
                return (.unchanged, SourceID(rawValue: existing["id"]))
            }
            let outline = parsed.outline
            let name = URL(fileURLWithPath: path).lastPathComponent
            let metadata = try Self.jsonText(outline.metadata)
            let warnings = try Self.jsonText(outline.warnings)
            let id: Int64
            if let existing {
                id = existing["id"]
                try db.execute(
                    sql: """
                        UPDATE source SET name = ?, title = ?, format = ?, contentHash = ?, byteCount = ?,
                            lineCount = ?, metadata = ?, warnings = ?, updatedAt = ? WHERE id = ?
                        """,
                    arguments: [
                        name, outline.title, outline.format.rawValue, parsed.contentHash, parsed.byteCount,
                        outline.lineCount, metadata, warnings, date, id,
                    ])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO source (path, name, title, format, contentHash, byteCount, lineCount, metadata,
                            warnings, importedAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        path, name, outline.title, outline.format.rawValue, parsed.contentHash, parsed.byteCount,
                        outline.lineCount, metadata, warnings, date, date,
                    ])
                id = db.lastInsertedRowID
            }
            try Self.saveOutline(outline.nodes, sourceID: id, db: db)
            try Self.saveKnowledge(of: outline, sourceID: id, name: name, db: db)
            // The first source's knowledge is of this version; with others already stored, their version stands
            // (and a stale one is brought up to date when the knowledge is read).
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM source") == 1 {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('knowledgeVersion', ?)",
                    arguments: [String(FactExtractor.version)])
            }
            try Self.savePassages(of: outline, sourceID: id, db: db)
            return (existing == nil ? .added : .updated, SourceID(rawValue: id))
        }
    }

    /// Every imported source, in the order they were first imported.
    public func sources() throws(StoreError) -> [StoredSource] {
        try read { db in
            let counts = try Self.nodeCounts(db)
            return try Row.fetchAll(db, sql: "SELECT * FROM source ORDER BY id").map {
                try Self.source(from: $0, counts: counts[$0["id"]] ?? [:])
            }
        }
    }

    /// The source a user means by `query`: its path, its file name, or the end of its path.
    public func source(matching query: String) throws(StoreError) -> StoredSource? {
        let all = try sources()
        let absolute = URL(fileURLWithPath: query).standardizedFileURL.path
        return all.first { $0.path == absolute } ?? all.first { $0.name == query }
            ?? all.first { $0.path.hasSuffix("/" + query) }
    }

    /// The outline saved for a source.
    public func outline(of id: SourceID) throws(StoreError) -> Outline {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM source WHERE id = ?", arguments: [id.rawValue])
            else { throw StoreError.notFound("no source with id \(id)") }
            let source = try Self.source(from: row, counts: [:])
            let data = try Data.fetchOne(
                db, sql: "SELECT nodes FROM outline WHERE sourceId = ?", arguments: [id.rawValue])
            let bytes = data.map { [UInt8]($0) } ?? []
            let nodes: [OutlineNode]
            do throws(ArchiveDamaged) {
                nodes = try bytes.isEmpty ? [] : OutlineArchive.decode(bytes)
            } catch {
                throw StoreError.database("source \(id) (\(source.name)): \(error)")
            }
            return Outline(
                title: source.title, format: source.format, metadata: source.metadata, nodes: nodes,
                warnings: source.warnings, lineCount: source.lineCount)
        }
    }

    /// Saves (or replaces) a source's outline, with how many nodes of each kind it has, so listing sources
    /// never unpacks an outline.
    static func saveOutline(_ nodes: [OutlineNode], sourceID: Int64, db: Database) throws {
        var counts: [String: Int] = [:]
        for node in nodes { counts[node.kind.rawValue, default: 0] += 1 }
        try db.execute(
            sql: "INSERT OR REPLACE INTO outline (sourceId, counts, nodes) VALUES (?, ?, ?)",
            arguments: [sourceID, try jsonText(counts), Data(OutlineArchive.encode(nodes))])
    }

    static func nodeCounts(_ db: Database) throws -> [Int64: [String: Int]] {
        var result: [Int64: [String: Int]] = [:]
        let decoder = JSONDecoder()
        for row in try Row.fetchAll(db, sql: "SELECT sourceId, counts FROM outline") {
            result[row["sourceId"]] = try decoder.decode([String: Int].self, from: Data((row["counts"] as String).utf8))
        }
        return result
    }

    static func jsonText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func source(from row: Row, counts: [String: Int]) throws -> StoredSource {
        let decoder = JSONDecoder()
        return StoredSource(
            id: SourceID(rawValue: row["id"]), path: row["path"], name: row["name"], title: row["title"],
            format: SourceFormat(rawValue: row["format"]) ?? .outline, contentHash: row["contentHash"],
            byteCount: row["byteCount"], lineCount: row["lineCount"],
            metadata: try decoder.decode([String: String].self, from: Data((row["metadata"] as String).utf8)),
            warnings: try decoder.decode([ImportWarning].self, from: Data((row["warnings"] as String).utf8)),
            importedAt: row["importedAt"], updatedAt: row["updatedAt"], counts: counts)
    }
}
