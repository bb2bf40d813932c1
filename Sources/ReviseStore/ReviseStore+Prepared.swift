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
}

extension ReviseStore {
    /// Parses a note file and extracts its knowledge, as `importNote` would, without touching the store: safe
    /// on any thread. `storedHash` is the content hash the store has for `path` (`contentHash(forPath:)`); a
    /// file with that hash is not parsed.
    public static func prepareNote(
        bytes: [UInt8], name: String, path: String, storedHash: String?, options: NoteImporter.Options = .init()
    ) throws(ImportError) -> PreparedNote {
        let hash = ContentHash.hex(bytes)
        if storedHash == hash { return PreparedNote(contentHash: hash, parsed: nil, knowledge: nil) }
        let parsed = try NoteImporter.parse(bytes: bytes, name: name, options: options, contentHash: hash)
        // The name `save` gives the source, which the knowledge cites.
        let source = URL(fileURLWithPath: path).lastPathComponent
        // A large outline is read in small parts (eight per core), so that when it is the last file read, its
        // last part does not leave the other cores idle; the findings are the same for any number of parts.
        let knowledge = FactExtractor.extract(
            parsed.outline, source: source, parts: ProcessInfo.processInfo.activeProcessorCount * 8)
        return PreparedNote(
            contentHash: hash, parsed: parsed,
            knowledge: PreparedNote.Knowledge(
                source: source, body: KnowledgeArchive.encode(knowledge), passages: Passages.keyed(parsed.outline)))
    }

    /// Saves a prepared note, as `importNote` does: unchanged when the store already has its content.
    public func importPrepared(_ note: PreparedNote, path: String, at date: Date) throws -> (
        outcome: SaveOutcome, outline: Outline?
    ) {
        guard let parsed = note.parsed, try contentHash(forPath: path) != note.contentHash else {
            return (.unchanged, nil)
        }
        let (outcome, _) = try write { db in
            try Self.save(parsed, path: path, at: date, db: db, knowledge: note.knowledge)
        }
        return (outcome, parsed.outline)
    }
}
