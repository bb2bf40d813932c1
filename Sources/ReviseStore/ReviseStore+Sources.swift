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

/// What importing one file did, as the command line and the web app report it.
public struct ImportedFile: Hashable, Sendable, Codable {
    public var path: String
    /// added, updated, unchanged or failed.
    public var status: String
    public var format: String?
    public var title: String?
    public var sections: Int?
    public var items: Int?
    public var questions: Int?
    public var cards: Int?
    /// For a deck from another tool: the reviews and media files it brought.
    public var reviews: Int?
    public var media: Int?
    public var warnings: [String]
    public var error: String?

    /// A file that was read: what its outline holds (nothing when it was unchanged).
    public init(path: String, outcome: SaveOutcome, outline: Outline?) {
        self.init(path: path, outcome: outcome, outline: outline, counts: nil)
    }

    /// The same, with the outline's `counts` worked out beforehand (off the writer's thread).
    public init(path: String, outcome: SaveOutcome, outline: Outline?, counts known: [OutlineNode.Kind: Int]?) {
        self.path = path
        status = outcome.rawValue
        warnings = []
        guard let outline else { return }
        let counts = known ?? outline.counts
        format = outline.format.rawValue
        title = outline.title
        sections = counts[.section] ?? 0
        items = (counts[.item] ?? 0) + (counts[.paragraph] ?? 0)
        questions = counts[.question] ?? 0
        cards = (counts[.card] ?? 0) + (counts[.cloze] ?? 0)
        warnings = outline.warnings.map { "\(path)\($0.line.map { ":\($0)" } ?? ""): \($0.message)" }
    }

    /// A file that could not be imported, and why.
    public init(path: String, error: String) {
        self.path = path
        status = "failed"
        warnings = []
        self.error = error
    }
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
        try write { db in try Self.save(parsed, path: path, at: date, db: db) }
    }

    /// Saves a parsed file in the caller's transaction.
    static func save(
        _ parsed: ParsedSource, path: String, at date: Date, db: Database, knowledge: PreparedNote.Knowledge? = nil,
        outlineRow: (counts: String, nodes: [UInt8])? = nil, laterKnowledge: (() -> [UInt8]?)? = nil
    ) throws -> (SaveOutcome, SourceID) {
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
        if let outlineRow {
            try db.execute(
                sql: "INSERT OR REPLACE INTO outline (sourceId, counts, nodes) VALUES (?, ?, ?)",
                arguments: [id, outlineRow.counts, Data(outlineRow.nodes)])
        } else {
            try Self.saveOutline(outline.nodes, sourceID: id, db: db)
        }
        // The first source's knowledge is of this version; with others already stored, their version stands
        // (and a stale one is brought up to date when the knowledge is read).
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM source") == 1 {
            try db.execute(
                sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('knowledgeVersion', ?)",
                arguments: [String(FactExtractor.version)])
        }
        try Self.savePassages(of: outline, sourceID: id, db: db, prepared: knowledge?.passages)
        // The knowledge last: it may still be being read (on other cores) while the rest is written.
        var prepared = knowledge
        if let laterKnowledge {
            if let body = laterKnowledge() { prepared?.body = body } else { prepared = nil }
        }
        try Self.saveKnowledge(of: outline, sourceID: id, name: name, db: db, prepared: prepared)
        return (existing == nil ? .added : .updated, SourceID(rawValue: id))
    }

    /// Reads a file's bytes into an outline and saves it with its knowledge, unless the file at `path` is
    /// unchanged since its last import (then nothing is parsed or written and the outline is nil). Every way notes
    /// come in (the command line, an upload, a built-in course) goes through here.
    public func importNote(
        bytes: [UInt8], name: String, path: String, options: NoteImporter.Options = .init(), at date: Date
    ) throws -> (outcome: SaveOutcome, outline: Outline?) {
        let hash = ContentHash.hex(bytes)
        if try contentHash(forPath: path) == hash { return (.unchanged, nil) }
        let parsed = try NoteImporter.parse(bytes: bytes, name: name, options: options, contentHash: hash)
        let (outcome, _) = try save(parsed, path: path, at: date)
        return (outcome, parsed.outline)
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
        try db.execute(
            sql: "INSERT OR REPLACE INTO outline (sourceId, counts, nodes) VALUES (?, ?, ?)",
            arguments: [sourceID, try outlineCounts(nodes), Data(OutlineArchive.encode(nodes))])
    }

    /// How many nodes of each kind, as stored with an outline.
    static func outlineCounts(_ nodes: [OutlineNode]) throws -> String {
        var counts: [String: Int] = [:]
        for node in nodes { counts[node.kind.rawValue, default: 0] += 1 }
        return try jsonText(counts)
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
