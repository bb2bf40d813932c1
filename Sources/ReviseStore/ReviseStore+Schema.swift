import GRDB

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
        return migrator
    }
}
