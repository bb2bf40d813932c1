import Foundation
import GRDB
import ReviseCore

extension ReviseStore {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources and outlines") { db in
            try db.create(table: "source") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("title", .text).notNull()
                t.column("format", .text).notNull()
                t.column("contentHash", .text).notNull()
                t.column("byteCount", .integer).notNull()
                t.column("lineCount", .integer).notNull()
                t.column("metadata", .text).notNull()
                t.column("warnings", .text).notNull()
                t.column("importedAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.execute(
                sql: """
                    CREATE TABLE outlineNode (
                        sourceId INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        depth INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        text TEXT NOT NULL,
                        firstLine INTEGER NOT NULL,
                        lastLine INTEGER NOT NULL,
                        level INTEGER,
                        label TEXT,
                        marks INTEGER,
                        answer TEXT,
                        bothWays BOOLEAN NOT NULL DEFAULT 0,
                        emphasis TEXT,
                        clozes TEXT,
                        PRIMARY KEY (sourceId, position)
                    ) WITHOUT ROWID
                    """)
        }
        migrator.registerMigration("v2: outlines stored whole") { db in
            try db.execute(
                sql: """
                    CREATE TABLE outline (
                        sourceId INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,
                        counts TEXT NOT NULL,
                        nodes BLOB NOT NULL
                    )
                    """)
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM source") {
                let nodes = try Row.fetchAll(
                    db, sql: "SELECT * FROM outlineNode WHERE sourceId = ? ORDER BY position", arguments: [id]
                ).map { row in
                    OutlineNode(
                        kind: OutlineNode.Kind(rawValue: row["kind"]) ?? .item, depth: row["depth"], text: row["text"],
                        span: Span(row["firstLine"], row["lastLine"]), level: row["level"], label: row["label"],
                        emphasis: stringList(row["emphasis"]), marks: row["marks"], answer: row["answer"],
                        bothWays: row["bothWays"], clozes: stringList(row["clozes"]))
                }
                try saveOutline(nodes, sourceID: id, db: db)
            }
            try db.drop(table: "outlineNode")
        }
        migrator.registerMigration("v3: knowledge and passages") { db in
            try db.execute(
                sql: """
                    CREATE TABLE knowledge (
                        sourceId INTEGER PRIMARY KEY REFERENCES source(id) ON DELETE CASCADE,
                        body BLOB NOT NULL
                    );
                    CREATE VIRTUAL TABLE passage USING fts5(
                        text, topic, sourceId UNINDEXED, firstLine UNINDEXED, lastLine UNINDEXED,
                        tokenize = 'porter unicode61 remove_diacritics 2'
                    );
                    """)
            for row in try Row.fetchAll(db, sql: "SELECT id, name, title, format FROM source") {
                let id: Int64 = row["id"]
                let name: String = row["name"]
                let data = try Data.fetchOne(db, sql: "SELECT nodes FROM outline WHERE sourceId = ?", arguments: [id])
                let nodes = try OutlineArchive.decode(data.map { [UInt8]($0) } ?? [])
                let outline = Outline(
                    title: row["title"], format: SourceFormat(rawValue: row["format"]) ?? .outline, metadata: [:],
                    nodes: nodes, warnings: [], lineCount: nodes.last?.span.last ?? 0)
                try saveKnowledge(of: outline, sourceID: id, name: name, db: db)
            }
        }
        migrator.registerMigration("v4: each passage stored once, cited by every source that has it") { db in
            try db.execute(
                sql: """
                    DROP TABLE passage;
                    CREATE VIRTUAL TABLE passage USING fts5(
                        text, topic, tokenize = 'porter unicode61 remove_diacritics 2'
                    );
                    CREATE TABLE passageKey (
                        passageId INTEGER PRIMARY KEY,
                        hash TEXT NOT NULL UNIQUE
                    );
                    CREATE TABLE passageCitation (
                        passageId INTEGER NOT NULL REFERENCES passageKey(passageId),
                        sourceId INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                        firstLine INTEGER NOT NULL,
                        lastLine INTEGER NOT NULL
                    );
                    CREATE INDEX passageCitationBySource ON passageCitation(sourceId);
                    CREATE INDEX passageCitationByPassage ON passageCitation(passageId);
                    """)
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM source") {
                let data = try Data.fetchOne(db, sql: "SELECT nodes FROM outline WHERE sourceId = ?", arguments: [id])
                let nodes = try OutlineArchive.decode(data.map { [UInt8]($0) } ?? [])
                let outline = Outline(
                    title: "", format: .outline, metadata: [:], nodes: nodes, warnings: [],
                    lineCount: nodes.last?.span.last ?? 0)
                try savePassages(of: outline, sourceID: id, db: db)
            }
        }
        migrator.registerMigration("v5: cards, their schedules and reviews") { db in
            try db.execute(
                sql: """
                    CREATE TABLE card (
                        id TEXT PRIMARY KEY,
                        kind TEXT NOT NULL,
                        prompt TEXT NOT NULL,
                        answer TEXT NOT NULL,
                        body BLOB NOT NULL,
                        topic TEXT NOT NULL,
                        retired INTEGER NOT NULL DEFAULT 0,
                        suspended INTEGER NOT NULL DEFAULT 0,
                        phase TEXT NOT NULL DEFAULT 'learning',
                        step INTEGER DEFAULT 0,
                        stability REAL,
                        difficulty REAL,
                        due REAL NOT NULL,
                        lastReview REAL,
                        reviewCount INTEGER NOT NULL DEFAULT 0,
                        lapseCount INTEGER NOT NULL DEFAULT 0,
                        createdAt REAL NOT NULL
                    );
                    CREATE INDEX cardByDue ON card(retired, suspended, due);
                    CREATE INDEX cardNew ON card(retired, suspended, lastReview);
                    CREATE TABLE review (
                        id INTEGER PRIMARY KEY,
                        cardId TEXT NOT NULL REFERENCES card(id),
                        rating INTEGER NOT NULL,
                        at REAL NOT NULL,
                        phase TEXT NOT NULL,
                        step INTEGER,
                        stability REAL NOT NULL,
                        difficulty REAL NOT NULL,
                        due REAL NOT NULL,
                        previous BLOB
                    );
                    CREATE INDEX reviewByCard ON review(cardId, at);
                    CREATE INDEX reviewByTime ON review(at);
                    CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    """)
        }
        migrator.registerMigration("v6: the student's own wording of a card") { db in
            // Kept apart from the card so that refreshing the cards from the notes never overwrites an edit.
            try db.execute(
                sql: """
                    CREATE TABLE cardEdit (
                        cardId TEXT PRIMARY KEY REFERENCES card(id),
                        prompt TEXT NOT NULL,
                        answer TEXT NOT NULL,
                        editedAt REAL NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v7: exam questions of the student's own, and written answers with their feedback") { db in
            try db.execute(
                sql: """
                    CREATE TABLE examQuestion (
                        id TEXT NOT NULL UNIQUE,
                        text TEXT NOT NULL,
                        marks INTEGER,
                        topic TEXT,
                        factors TEXT NOT NULL,
                        addedAt REAL NOT NULL
                    );
                    CREATE TABLE examAnswer (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        questionId TEXT NOT NULL,
                        question TEXT NOT NULL,
                        at REAL NOT NULL,
                        seconds INTEGER,
                        answer TEXT NOT NULL,
                        mark REAL NOT NULL,
                        outOf INTEGER NOT NULL,
                        level INTEGER NOT NULL,
                        feedback BLOB NOT NULL
                    );
                    CREATE INDEX examAnswerByQuestion ON examAnswer (questionId, id);
                    """)
        }
        migrator.registerMigration("v8: media files cards brought from another tool show") { db in
            try db.execute(
                sql: """
                    CREATE TABLE media (
                        name TEXT PRIMARY KEY,
                        sourceId INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                        data BLOB NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v9: only cards never rated in the index of new cards") { db in
            // A rating moved every card's entry of `cardNew` (its lastReview changed): a page more in each rating's
            // commit. New cards are all the index is for (`lastReview IS NULL ORDER BY rowid`).
            try db.execute(
                sql: """
                    DROP INDEX cardNew;
                    CREATE INDEX cardNew ON card(retired, suspended) WHERE lastReview IS NULL;
                    """)
        }
        return migrator
    }

    /// A JSON list of strings as version 1 stored them.
    private static func stringList(_ json: String?) -> [String] {
        guard let json else { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }
}
