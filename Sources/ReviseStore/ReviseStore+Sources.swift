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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try write { db in
            let existing = try Row.fetchOne(
                db, sql: "SELECT id, contentHash FROM source WHERE path = ?", arguments: [path])
            if let existing, existing["contentHash"] as String == parsed.contentHash {
                return (.unchanged, SourceID(rawValue: existing["id"]))
            }
            let outline = parsed.outline
            let name = URL(fileURLWithPath: path).lastPathComponent
            let metadata = String(decoding: try encoder.encode(outline.metadata), as: UTF8.self)
            let warnings = String(decoding: try encoder.encode(outline.warnings), as: UTF8.self)
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
                try db.execute(sql: "DELETE FROM outlineNode WHERE sourceId = ?", arguments: [id])
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
            try Self.insertNodes(outline.nodes, sourceID: id, db: db)
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
            let nodes = try Row.fetchAll(
                db, sql: "SELECT * FROM outlineNode WHERE sourceId = ? ORDER BY position", arguments: [id.rawValue]
            ).map { row in
                OutlineNode(
                    kind: OutlineNode.Kind(rawValue: row["kind"]) ?? .item, depth: row["depth"], text: row["text"],
                    span: Span(row["firstLine"], row["lastLine"]), level: row["level"], label: row["label"],
                    emphasis: Self.list(row["emphasis"]), marks: row["marks"], answer: row["answer"],
                    bothWays: row["bothWays"], clozes: Self.list(row["clozes"]))
            }
            return Outline(
                title: source.title, format: source.format, metadata: source.metadata, nodes: nodes,
                warnings: source.warnings, lineCount: source.lineCount)
        }
    }

    static func nodeCounts(_ db: Database) throws -> [Int64: [String: Int]] {
        var result: [Int64: [String: Int]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT sourceId, kind, COUNT(*) AS n FROM outlineNode GROUP BY 1, 2") {
            result[row["sourceId"], default: [:]][row["kind"]] = row["n"]
        }
        return result
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

    /// A JSON array of strings, written by hand: a JSONEncoder for each of a million rows costs more than
    /// the rest of the row.
    static func jsonList(_ values: [String]) -> String {
        var out = "["
        for (n, value) in values.enumerated() {
            if n > 0 { out += "," }
            out += "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }
        return out + "]"
    }

    static func list(_ json: String?) -> [String] {
        guard let json else { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }
}
