import Foundation
import GRDB
import ReviseCore

extension ReviseStore {
    /// Extracts what an outline says and saves it, in the caller's transaction (with the outline, so a source's
    /// facts are replaced together with it).
    static func saveKnowledge(
        of outline: Outline, sourceID: Int64, name: String, db: Database, prepared: PreparedNote.Knowledge? = nil
    ) throws {
        // Knowledge read ahead of the transaction (`parseNote`, `readKnowledge`) is used when it was read under the
        // same name.
        let body = prepared.flatMap { $0.source == name ? $0.body : nil }
            ?? KnowledgeArchive.encode(FactExtractor.extract(outline, source: name))
        try db.execute(
            sql: "INSERT OR REPLACE INTO knowledge (sourceId, body) VALUES (?, ?)",
            arguments: [sourceID, Data(body)])
    }

    /// Replaces a source's passages in the search index. A passage another source (or another place of this
    /// one) already has is stored once and cited by both: importing the same notes twice, or two copies of
    /// one file, gives one search result with two citations, not two results.
    static func savePassages(
        of outline: Outline, sourceID: Int64, db: Database, prepared: [Passages.Keyed]? = nil
    ) throws {
        let previous = try Int64.fetchAll(
            db, sql: "SELECT DISTINCT passageId FROM passageCitation WHERE sourceId = ?", arguments: [sourceID])
        try db.execute(sql: "DELETE FROM passageCitation WHERE sourceId = ?", arguments: [sourceID])
        let stillCited = try db.cachedStatement(sql: "SELECT 1 FROM passageCitation WHERE passageId = ? LIMIT 1")
        for id in previous where try Int.fetchOne(stillCited, arguments: [id]) == nil {
            try db.execute(sql: "DELETE FROM passage WHERE rowid = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM passageKey WHERE passageId = ?", arguments: [id])
        }
        let find = try db.cachedStatement(sql: "SELECT passageId FROM passageKey WHERE hash = ?")
        let insertText = try db.cachedStatement(sql: "INSERT INTO passage (text, topic) VALUES (?, ?)")
        let insertKey = try db.cachedStatement(sql: "INSERT INTO passageKey (passageId, hash) VALUES (?, ?)")
        let cite = try db.cachedStatement(
            sql: "INSERT INTO passageCitation (passageId, sourceId, firstLine, lastLine) VALUES (?, ?, ?, ?)")
        for (passage, hash) in prepared ?? Passages.keyed(outline) {
            var id = try Int64.fetchOne(find, arguments: [hash])
            if id == nil {
                try insertText.execute(arguments: [passage.text, passage.topic])
                id = db.lastInsertedRowID
                try insertKey.execute(arguments: [id, hash])
            }
            try cite.execute(arguments: [id, sourceID, passage.span.first, passage.span.last])
        }
    }

    /// Reads every stored outline again when the knowledge was extracted by another version of Revise, so a
    /// better reader improves notes imported before it. One transaction; nothing to do when up to date.
    func refreshKnowledgeIfStale() throws(StoreError) {
        let current: String? = try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'knowledgeVersion'")
        }
        let version = String(FactExtractor.version)
        if current == version { return }
        try write { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT source.id, source.name, outline.nodes FROM source JOIN outline ON outline.sourceId = source.id")
            for row in rows {
                let data: Data = row["nodes"]
                let nodes = try OutlineArchive.decode([UInt8](data))
                let outline = Outline(
                    title: "", format: .outline, metadata: [:], nodes: nodes, warnings: [],
                    lineCount: nodes.last?.span.last ?? 0)
                try Self.saveKnowledge(of: outline, sourceID: row["id"], name: row["name"], db: db)
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('knowledgeVersion', ?)", arguments: [version])
            // The cards follow the knowledge.
            try db.execute(sql: "DELETE FROM setting WHERE key = 'cardSignature'")
        }
    }

    /// What every source says, merged.
    public func knowledgeBase() throws(StoreError) -> KnowledgeBase {
        try refreshKnowledgeIfStale()
        let sources: [SourceKnowledge] = try read { db in
            try Data.fetchAll(
                db, sql: "SELECT body FROM knowledge JOIN source ON source.id = knowledge.sourceId ORDER BY source.id"
            ).map { try KnowledgeArchive.decode([UInt8]($0)) }
        }
        return KnowledgeBase.merge(sources)
    }

    /// Changes whenever the notes (or the version of Revise that read them) change: a cache of the knowledge base
    /// is good while this stays the same.
    public func knowledgeSignature() throws(StoreError) -> String {
        try read { db in
            let hashes = try String.fetchAll(db, sql: "SELECT path || ':' || contentHash FROM source ORDER BY id")
            return "\(FactExtractor.version)\u{1}" + hashes.joined(separator: "\u{1}")
        }
    }

    /// The passage of the notes a citation points into, with its topic: what a student reads to see where a fact
    /// came from. Nil when the source is gone.
    public func passage(at citation: Citation) throws(StoreError) -> (topic: String, text: String)? {
        // Kept until the next write.
        let version = memory.current
        if let kept = memory.passages.withLock({ $0.version == version ? $0.byCitation[citation] : nil }) { return kept }
        let passage = try readPassage(at: citation)
        memory.passages.withLock { kept in
            if kept.version != version { kept = (version, [:]) }
            kept.byCitation[citation] = passage
        }
        return passage
    }

    func readPassage(at citation: Citation) throws(StoreError) -> (topic: String, text: String)? {
        try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT passage.topic AS topic, passage.text AS text FROM passageCitation pc
                    JOIN source ON source.id = pc.sourceId JOIN passage ON passage.rowid = pc.passageId
                    WHERE source.name = ? AND pc.firstLine <= ? AND pc.lastLine >= ?
                    ORDER BY pc.lastLine - pc.firstLine LIMIT 1
                    """, arguments: [citation.source, citation.span.last, citation.span.first]
            ).map { ($0["topic"], $0["text"]) }
        }
    }

    /// A passage of the notes that matches a search, best first.
    public struct SearchHit: Hashable, Sendable, Codable {
        /// Where the passage is: its first place in the notes.
        public var citation: Citation
        /// The places the same passage stands, first place first: at most `citationLimit` of them.
        public var citations: [Citation]
        /// How many places the passage stands in, all told.
        public var citationCount: Int
        public var topic: String
        public var text: String
        /// The passage with the matched words marked `[` … `]`.
        public var highlighted: String
        /// bm25: lower is better.
        public var score: Double
    }

    /// How many places of one passage a search result lists.
    public static let citationLimit = 10

    /// Passages of the notes that match `query` (words, "quoted phrases", prefix*), ranked by bm25.
    public func search(_ query: String, limit: Int = 20) throws(StoreError) -> [SearchHit] {
        let match = Self.ftsQuery(query)
        guard !match.isEmpty else { return [] }
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid AS id, topic, text, highlight(passage, 0, '[', ']') AS highlighted,
                        bm25(passage, 1.0, 0.3) AS score
                    FROM passage WHERE passage MATCH ? ORDER BY score LIMIT ?
                    """, arguments: [match, limit])
            let citations = try db.cachedStatement(
                sql: """
                    SELECT source.name AS name, firstLine, lastLine FROM passageCitation
                    JOIN source ON source.id = passageCitation.sourceId
                    WHERE passageId = ? ORDER BY source.id, firstLine LIMIT \(Self.citationLimit)
                    """)
            let count = try db.cachedStatement(sql: "SELECT COUNT(*) FROM passageCitation WHERE passageId = ?")
            return try rows.compactMap { row in
                let cited = try Row.fetchAll(citations, arguments: [row["id"] as Int64]).map {
                    Citation(source: $0["name"], span: Span($0["firstLine"], $0["lastLine"]))
                }
                guard let first = cited.first else { return nil }
                let total = cited.count < Self.citationLimit ? cited.count : try Int.fetchOne(count, arguments: [row["id"] as Int64]) ?? cited.count
                return SearchHit(
                    citation: first, citations: cited, citationCount: total, topic: row["topic"], text: row["text"],
                    highlighted: row["highlighted"], score: row["score"])
            }
        }
    }

    /// A user's words as an FTS5 query: each word a term (prefix with `*`), "quoted" phrases kept, everything
    /// else (FTS5 operators, brackets, stray quotes) neutralised so no query is a syntax error.
    static func ftsQuery(_ query: String) -> String {
        var terms: [String] = []
        var inPhrase = false
        var phrase: [String] = []
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            if inPhrase { phrase.append(word) } else {
                let prefix = word.hasSuffix("*")
                let bare = word.filter { $0.isLetter || $0.isNumber }
                if !bare.isEmpty { terms.append("\"\(bare)\"" + (prefix ? "*" : "")) }
            }
            word = ""
        }
        for c in query {
            if c == "\"" {
                flush()
                if inPhrase, !phrase.isEmpty { terms.append("\"" + phrase.joined(separator: " ") + "\"") }
                phrase = []
                inPhrase.toggle()
            } else if c.isLetter || c.isNumber || (c == "*" && !word.isEmpty) {
                word.append(c)
            } else {
                flush()
            }
        }
        flush()
        if !phrase.isEmpty { terms.append("\"" + phrase.joined(separator: " ") + "\"") }
        return terms.joined(separator: " ")
    }
}

/// Passages of an outline for search: consecutive nodes under one heading, up to a few hundred characters,
/// each with its topic and lines.
enum Passages {
    struct Passage {
        var text: String
        var topic: String
        var span: Span
    }

    static let targetLength = 600

    /// A passage and the hash that finds the same passage in the store.
    typealias Keyed = (passage: Passage, hash: String)

    static func keyed(_ outline: Outline) -> [Keyed] {
        of(outline).map { ($0, ContentHash.hex(Array(($0.topic + "\u{1}" + $0.text).utf8))) }
    }

    static func of(_ outline: Outline) -> [Passage] {
        var result: [Passage] = []
        var headings: [(depth: Int, text: String)] = []
        var current: Passage?
        var currentDepth = -1
        // The headings joined, made again only when they change.
        var topic = ""
        var topicIsStale = false
        func flush() {
            if let c = current { result.append(c) }
            current = nil
        }
        for node in outline.nodes {
            while let last = headings.last, last.depth >= node.depth {
                headings.removeLast()
                topicIsStale = true
            }
            if node.kind == .section || node.kind == .question {
                flush()
                headings.append((node.depth, node.text))
                topicIsStale = true
                if node.kind == .question {
                    result.append(Passage(text: node.text, topic: headings.dropLast().map(\.text).joined(separator: " › "), span: node.span.first == node.span.last ? node.span : Span(line: node.span.first)))
                }
                continue
            }
            var text = node.text
            if let answer = node.answer { text += " — " + answer }
            if topicIsStale {
                topic = headings.map(\.text).joined(separator: " › ")
                topicIsStale = false
            }
            let span = Span(node.span.first, node.span.first + max(0, (node.span.last - node.span.first)))
            if current != nil, current!.topic == topic, node.depth >= currentDepth - 1,
                current!.text.utf8.count + text.utf8.count <= targetLength
            {
                // Appended in place: the passage's text is not copied for each line it takes.
                current!.text += "\n"
                current!.text += text
                current!.span = Span(current!.span.first, max(current!.span.last, span.last))
            } else {
                flush()
                current = Passage(text: text, topic: topic, span: span)
                currentDepth = node.depth
            }
        }
        flush()
        return result
    }
}
