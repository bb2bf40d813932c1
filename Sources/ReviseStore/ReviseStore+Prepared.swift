import Foundation
import ReviseCore

/// A note file parsed and read for knowledge before its transaction: the work of an import that needs no
/// database, so several files can be read at once (one per core) while another is written.
public struct PreparedNote: Sendable {
    /// The knowledge of the outline, encoded for the store, and the source name it was read under; with the
    /// outline's passages for search and their hashes.
    public struct Knowledge: Sendable {
        var source: String
        var body: [UInt8]
        var passages: [Passages.Keyed]
    }

    public var contentHash: String
    /// Nil when the file is unchanged since its last import (then nothing was parsed).
    public var parsed: ParsedSource?
    var knowledge: Knowledge?
    /// The outline as stored (its counts and its archive), made ahead of the transaction.
    var outlineRow: (counts: String, nodes: [UInt8])?
    /// The outline's nodes of each kind (`Outline.counts`), for the import's report.
    public var counts: [OutlineNode.Kind: Int]?
}

extension ReviseStore {
    /// A note file parsed, as `importNote` would, without touching the store (safe on any thread): its passages
    /// cut and its outline encoded, its knowledge not yet read (`readKnowledge`), so that a writer can start saving
    /// the note while its knowledge is read. `storedHash` is the content hash the store has for `path`
    /// (`contentHash(forPath:)`); a file with that hash is not parsed.
    public static func parseNote(
        bytes: [UInt8], name: String, path: String, storedHash: String?, options: NoteImporter.Options = .init()
    ) throws(ImportError) -> PreparedNote {
        let hash = ContentHash.hex(bytes)
        if storedHash == hash { return PreparedNote(contentHash: hash, parsed: nil, knowledge: nil) }
        let parsed = try NoteImporter.parse(bytes: bytes, name: name, options: options, contentHash: hash)
        let source = URL(fileURLWithPath: path).lastPathComponent
        let outlineRow = try? (counts: Self.outlineCounts(parsed.outline.nodes), nodes: OutlineArchive.encode(parsed.outline.nodes))
        return PreparedNote(
            contentHash: hash, parsed: parsed,
            knowledge: PreparedNote.Knowledge(source: source, body: [], passages: Passages.keyed(parsed.outline)),
            outlineRow: outlineRow, counts: parsed.outline.counts)
    }

    /// The knowledge of a note from `parseNote`, encoded for the store (nil when the note was not parsed).
    public static func readKnowledge(of note: PreparedNote) -> [UInt8]? {
        guard let parsed = note.parsed, let source = note.knowledge?.source else { return nil }
        // A large outline is read in small parts (eight per core), so that when it is the last file read, its
        // last part does not leave the other cores idle; the findings are the same for any number of parts.
        return KnowledgeArchive.encode(
            FactExtractor.extract(parsed.outline, source: source, parts: ProcessInfo.processInfo.activeProcessorCount * 8))
    }

    /// Saves a note from `parseNote`, as `importNote` does (unchanged when the store already has its content);
    /// `knowledge` gives its knowledge (from `readKnowledge`, waiting for it if need be) once the outline and
    /// passages are written.
    public func importParsed(
        _ note: PreparedNote, path: String, at date: Date, knowledge: @escaping () -> [UInt8]?
    ) throws -> (outcome: SaveOutcome, outline: Outline?) {
        guard let parsed = note.parsed, try contentHash(forPath: path) != note.contentHash else {
            return (.unchanged, nil)
        }
        let (outcome, _) = try write { db in
            try Self.save(
                parsed, path: path, at: date, db: db, knowledge: note.knowledge, outlineRow: note.outlineRow,
                laterKnowledge: knowledge)
        }
        return (outcome, parsed.outline)
    }
}
