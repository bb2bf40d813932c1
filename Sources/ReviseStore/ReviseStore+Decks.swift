import Foundation
import GRDB
import ReviseCore

extension ReviseStore {
    /// What importing a deck from another tool did.
    public struct DeckImport: Hashable, Sendable {
        public var outcome: SaveOutcome
        public var outline: Outline?
        /// Its cards, and how many of them were new to the store.
        public var cards = 0
        public var newCards = 0
        /// Reviews added (a review already stored is not added twice), and media files kept.
        public var reviews = 0
        public var media = 0
    }

    /// The file extensions of cards from other tools: Anki packages and CSV/TSV tables.
    public static let cardFileExtensions: Set<String> = ["apkg", "colpkg", "csv", "tsv"]

    /// An Anki package may unpack to at most this many times the size limit of a file: a small file that unpacks
    /// to far more is refused before it is unpacked.
    public static let unpackFactor = 16

    /// Imports a file of cards from another tool (an Anki package, a CSV or TSV table) from its bytes; nil when
    /// `name` is not such a file, to be read as notes. Every way cards come in (the command line, an upload)
    /// goes through here.
    /// - Parameters:
    ///   - name: how errors name the file (as the user gave it); its extension says what it is.
    ///   - path: the identity of the source (an absolute path, or "upload:/name").
    public func importCardFile(
        bytes: [UInt8], name: String, path: String, maxBytes: Int, scheduler: Scheduler, at date: Date
    ) throws -> DeckImport? {
        let ext = (name as NSString).pathExtension.lowercased()
        guard Self.cardFileExtensions.contains(ext) else { return nil }
        guard !bytes.isEmpty else { throw ImportError.empty(file: name) }
        guard bytes.count <= maxBytes else { throw ImportError.tooLarge(file: name, bytes: bytes.count, limit: maxBytes) }
        let hash = ContentHash.hex(bytes)
        if try contentHash(forPath: path) == hash { return DeckImport(outcome: .unchanged) }
        let deck: CardDeck
        if ext == "csv" || ext == "tsv" {
            deck = try CardTable.deck(text: try SourceText(bytes: bytes, file: name).text, name: name)
        } else {
            deck = try AnkiPackageReader.read(bytes: bytes, name: name, maxUnpackedBytes: maxBytes * Self.unpackFactor)
        }
        return try importDeck(deck, contentHash: hash, byteCount: bytes.count, path: path, scheduler: scheduler, at: date)
    }

    /// Saves a deck from another tool as a source, in one transaction: its outline and knowledge, its cards as the
    /// tool had them, its media, and its review history, from which each reviewed card's memory state is worked
    /// out again by `scheduler` (Revise's FSRS), as if the student had reviewed it here. A deck whose file is
    /// unchanged since its last import is left alone. Importing a deck Revise exported gives back the same cards
    /// (the same ids): their history merges with what the store has, nothing is doubled.
    public func importDeck(
        _ deck: CardDeck, contentHash: String, byteCount: Int, path: String, scheduler: Scheduler, at date: Date
    ) throws(StoreError) -> DeckImport {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let (outline, history) = deck.read(name: name)
        guard outline.nodes.contains(where: { $0.kind == .card || $0.kind == .cloze }) else {
            throw StoreError.invalid("\(name): the deck holds no cards")
        }
        return try write { db in
            let parsed = ParsedSource(name: name, contentHash: contentHash, byteCount: byteCount, outline: outline)
            let (outcome, sourceID) = try Self.save(parsed, path: path, at: date, db: db)
            var result = DeckImport(outcome: outcome, outline: outcome == .unchanged ? nil : outline)
            guard outcome != .unchanged else { return result }
            let existing = Set(try String.fetchAll(db, sql: "SELECT id FROM card"))
            let encoder = JSONEncoder()
            for node in outline.nodes {
                for card in node.cards {
                    result.cards += 1
                    if !existing.contains(card.id) { result.newCards += 1 }
                    try Self.upsert(card, at: date, db: db, encoder: encoder)
                }
            }
            try db.execute(sql: "DELETE FROM media WHERE sourceId = ?", arguments: [sourceID.rawValue])
            let addMedia = try db.cachedStatement(sql: "INSERT OR REPLACE INTO media (name, sourceId, data) VALUES (?, ?, ?)")
            for (file, bytes) in deck.media {
                try addMedia.execute(arguments: [file, sourceID.rawValue, Data(bytes)])
                result.media += 1
            }
            let known = try db.cachedStatement(sql: "SELECT 1 FROM review WHERE cardId = ? AND at = ? LIMIT 1")
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO review (cardId, rating, at, phase, step, stability, difficulty, due)
                    VALUES (?, ?, ?, 'review', NULL, 0, 0, ?)
                    """)
            var touched = Set<String>()
            for review in history {
                let at = review.at.timeIntervalSince1970
                guard try Int.fetchOne(known, arguments: [review.card, at]) == nil else { continue }
                try insert.execute(arguments: [review.card, review.rating.rawValue, at, at])
                touched.insert(review.card)
                result.reviews += 1
            }
            for card in touched.sorted() { try Self.replayHistory(of: card, scheduler: scheduler, db: db) }
            return result
        }
    }

    /// Works a card's memory state out again from its whole review history, oldest first, writing the state after
    /// each review into its row and the last one, with the counts, into the card. In the caller's transaction.
    static func replayHistory(of cardID: String, scheduler: Scheduler, db: Database) throws {
        let reviews = try Row.fetchAll(
            try db.cachedStatement(sql: "SELECT id, rating, at FROM review WHERE cardId = ? ORDER BY at, id"),
            arguments: [cardID])
        let update = try db.cachedStatement(
            sql: "UPDATE review SET phase = ?, step = ?, stability = ?, difficulty = ?, due = ? WHERE id = ?")
        var schedule: CardSchedule?
        var lapses = 0
        for review in reviews {
            let at = Date(timeIntervalSince1970: review["at"])
            let rating = Rating(rawValue: review["rating"]) ?? .good
            let before = schedule ?? CardSchedule(due: at)
            if rating == .again, before.phase == .review { lapses += 1 }
            let after = scheduler.review(before, rating, at: at)
            try update.execute(arguments: [
                after.phase.rawValue, after.step, after.stability, after.difficulty, after.due.timeIntervalSince1970,
                review["id"] as Int64,
            ])
            schedule = after
        }
        guard let schedule else { return }
        try saveSchedule(schedule, reviewCount: reviews.count, lapseCount: lapses, card: cardID, db: db)
    }

    /// A media file a card shows, by its name.
    public func media(named name: String) throws(StoreError) -> [UInt8]? {
        try read { db in
            try Data.fetchOne(db, sql: "SELECT data FROM media WHERE name = ?", arguments: [name]).map { [UInt8]($0) }
        }
    }

    /// The names of every media file kept.
    public func mediaNames() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT name FROM media ORDER BY name") }
    }
}

extension ImportedFile {
    /// A deck that was read: its outline's counts, and (unless it was unchanged) its cards, reviews and media.
    public init(path: String, deck: ReviseStore.DeckImport) {
        self.init(path: path, outcome: deck.outcome, outline: deck.outline)
        guard deck.outcome != .unchanged else { return }
        cards = deck.cards
        reviews = deck.reviews
        media = deck.media
    }
}
