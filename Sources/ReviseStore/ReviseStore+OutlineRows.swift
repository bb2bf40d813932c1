import GRDB
import GRDBSQLite
import ReviseCore

extension ReviseStore {
    /// Writes an outline's nodes as rows. Notes of tens of megabytes have a million nodes, so this binds values
    /// straight to one prepared SQLite statement instead of building GRDB arguments for each row. It runs inside
    /// the caller's transaction: an error leaves nothing written.
    static func insertNodes(_ nodes: [OutlineNode], sourceID: Int64, db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO outlineNode (sourceId, position, depth, kind, text, firstLine, lastLine, level,
                    label, marks, answer, bothWays, emphasis, clozes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let handle = statement.sqliteStatement
        for (position, node) in nodes.enumerated() {
            sqlite3_reset(handle)
            sqlite3_bind_int64(handle, 1, sourceID)
            sqlite3_bind_int64(handle, 2, Int64(position))
            sqlite3_bind_int64(handle, 3, Int64(node.depth))
            bind(node.kind.rawValue, at: 4, handle)
            bind(node.text, at: 5, handle)
            sqlite3_bind_int64(handle, 6, Int64(node.span.first))
            sqlite3_bind_int64(handle, 7, Int64(node.span.last))
            bind(node.level, at: 8, handle)
            bind(node.label, at: 9, handle)
            bind(node.marks, at: 10, handle)
            bind(node.answer, at: 11, handle)
            sqlite3_bind_int64(handle, 12, node.bothWays ? 1 : 0)
            bind(node.emphasis.isEmpty ? nil : jsonList(node.emphasis), at: 13, handle)
            bind(node.clozes.isEmpty ? nil : jsonList(node.clozes), at: 14, handle)
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                sqlite3_reset(handle)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
            }
        }
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ text: String?, at index: Int32, _ handle: OpaquePointer) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                sqlite3_bind_text(handle, index, "", 0, transient)
                return
            }
            _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                sqlite3_bind_text(handle, index, chars, Int32(bytes.count), transient)
            }
        }
    }

    private static func bind(_ value: Int?, at index: Int32, _ handle: OpaquePointer) {
        if let value {
            sqlite3_bind_int64(handle, index, Int64(value))
        } else {
            sqlite3_bind_null(handle, index)
        }
    }
}
