import Foundation
import GRDB
import ReviseCore
import ZIPFoundation

/// Writes cards as an Anki package (`.apkg`): a zip holding `collection.anki2`, an Anki collection in its
/// SQLite schema 11, which every Anki since 2.1 imports, and an empty `media` list. A deck per course, a subdeck
/// per topic, the note types Basic, Basic (and reversed card) and Cloze with a Source field, tags by topic,
/// and, when asked, each card's schedule and review log. A hidden "Revise" field holds the note's cards as
/// JSON, which no template shows: importing the package gives back the very same cards.
public enum AnkiPackage {
    public struct Deck: Hashable, Sendable {
        /// "Revise::Stalin's USSR".
        public var name: String
        public var cards: [StoredCard]
        public var reviews: [String: [StoredReview]]

        public init(name: String, cards: [StoredCard], reviews: [String: [StoredReview]] = [:]) {
            self.name = name
            self.cards = cards
            self.reviews = reviews
        }
    }

    public struct Summary: Hashable, Sendable, Codable {
        public var notes: Int
        public var cards: Int
        public var decks: [String]
        public var reviews: Int
    }

    /// Note type ids: fixed, so a second export updates the same note types in Anki.
    static let modelIDs: [CardExport.NoteType: Int64] = [.basic: 1_700_000_000_001, .basicReversed: 1_700_000_000_002, .cloze: 1_700_000_000_003]

    /// Writes the package to `url`, replacing a file there. With `history`, cards keep their schedules and reviews.
    @discardableResult
    public static func write(_ decks: [Deck], to url: URL, history: Bool, now: Date = Date()) throws -> Summary {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("revise-apkg-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let collection = work.appendingPathComponent("collection.anki2")
        let summary = try writeCollection(decks, to: collection.path, history: history, now: now)
        try Data("{}".utf8).write(to: work.appendingPathComponent("media"))
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        try? fm.removeItem(at: partial)
        let archive = try Archive(url: partial, accessMode: .create)
        try archive.addEntry(with: "collection.anki2", relativeTo: work, compressionMethod: .deflate)
        try archive.addEntry(with: "media", relativeTo: work, compressionMethod: .deflate)
        // Whole or not at all: the package appears under its name only once it is complete.
        if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
        try fm.moveItem(at: partial, to: url)
        return summary
    }

    static func writeCollection(_ decks: [Deck], to path: String, history: Bool, now: Date) throws -> Summary {
        let db = try DatabaseQueue(path: path)
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let crt = Int64((now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
        var deckIDs: [String: Int64] = [:]
        var nextDeck: Int64 = 1_700_000_100_000
        func deckID(_ name: String) -> Int64 {
            if let id = deckIDs[name] { return id }
            // Parents first: Anki wants "A" for "A::B".
            let parts = name.components(separatedBy: "::")
            if parts.count > 1 { _ = deckID(parts.dropLast().joined(separator: "::")) }
            nextDeck += 1
            deckIDs[name] = nextDeck
            return nextDeck
        }
        var notes = 0
        var cardCount = 0
        var reviewCount = 0
        try db.write { db in
            try db.execute(sql: schema)
            var nextID = nowSeconds * 1000
            func uniqueID() -> Int64 {
                nextID += 1
                return nextID
            }
            var position: Int64 = 0
            var usedLogIDs = Set<Int64>()
            for deck in decks {
                let byID = Dictionary(deck.cards.map { ($0.card.id, $0) }, uniquingKeysWith: { a, _ in a })
                for note in CardExport.notes(for: deck.cards.map(\.card)) {
                    let did = deckID(note.topic.map { deck.name + "::" + clean($0) } ?? deck.name)
                    let nid = uniqueID()
                    let fields = note.fields.map(CardExport.html) + [reviseField(note.cardIDs.compactMap { byID[$0]?.card })]
                    try db.execute(
                        sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')",
                        arguments: [
                            nid, "revise-" + note.cardID, modelIDs[note.type]!, nowSeconds,
                            note.tags.isEmpty ? "" : " " + note.tags.joined(separator: " ") + " ",
                            fields.joined(separator: "\u{1F}"), CardExport.plainText(fields[0]), CardExport.checksum(fields[0]),
                        ])
                    notes += 1
                    for (ord, cardID) in note.cardIDs.enumerated() {
                        let stored = byID[cardID]!
                        position += 1
                        let cid = uniqueID()
                        let s = stored.schedule
                        var (type, queue, due, ivl) = (0, 0, position, Int64(0))
                        if history, let last = s.lastReview {
                            let days = max(1, Int64((s.due.timeIntervalSince(last) / 86_400).rounded()))
                            switch s.phase {
                            case .review:
                                (type, queue, due, ivl) = (2, 2, Int64((s.due.timeIntervalSince1970 - Double(crt)) / 86_400), days)
                            case .learning, .relearning:
                                (type, queue, due, ivl) = (s.phase == .learning ? 1 : 3, 1, Int64(s.due.timeIntervalSince1970), 0)
                            }
                            if stored.suspended { queue = -1 }
                        } else if stored.suspended {
                            queue = -1
                        }
                        let reps = history ? stored.reviewCount : 0
                        let lapses = history ? stored.lapseCount : 0
                        try db.execute(
                            sql: "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, 2500, ?, ?, 0, 0, 0, 0, '')",
                            arguments: [cid, nid, did, ord, nowSeconds, type, queue, due, ivl, reps, lapses])
                        cardCount += 1
                        guard history else { continue }
                        var lastInterval: Int64 = 0
                        for review in deck.reviews[stored.card.id] ?? [] {
                            let interval = max(0, Int64((review.schedule.due.timeIntervalSince(review.at) / 86_400).rounded()))
                            let logType = review.schedule.phase == .review ? (lastInterval == 0 ? 0 : 1) : (lastInterval > 0 ? 2 : 0)
                            // The log's id is the review's time in milliseconds, made unique.
                            var logID = Int64(review.at.timeIntervalSince1970 * 1000)
                            while !usedLogIDs.insert(logID).inserted { logID += 1 }
                            try db.execute(
                                sql: "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, 2500, 0, ?)",
                                arguments: [
                                    logID, cid, review.rating.rawValue,
                                    interval > 0 ? interval : -Int64(review.schedule.due.timeIntervalSince(review.at)), lastInterval, logType,
                                ])
                            lastInterval = interval
                            reviewCount += 1
                        }
                    }
                }
            }
            let decksJSON = decksObject(deckIDs, now: nowSeconds)
            try db.execute(
                sql: "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
                arguments: [crt, nowSeconds * 1000, nowSeconds * 1000, json(conf), json(models(now: nowSeconds)), json(decksJSON), json(dconf)])
        }
        return Summary(notes: notes, cards: cardCount, decks: deckIDs.keys.sorted(), reviews: reviewCount)
    }

    /// The name of the hidden field that carries a note's cards.
    public static let reviseFieldName = "Revise"

    /// A note's cards as the hidden field holds them: JSON, escaped as HTML content like every field.
    static func reviseField(_ cards: [Card]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Markup.escapeContent(String(decoding: (try? encoder.encode(cards)) ?? Data("[]".utf8), as: UTF8.self))
    }

    /// A deck name part without the characters Anki reserves.
    public static func clean(_ name: String) -> String {
        name.replacingOccurrences(of: "::", with: ":").replacingOccurrences(of: "\"", with: "'")
    }

    static func json(_ value: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    static let schema = """
        CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
            ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
            models text not null, decks text not null, dconf text not null, tags text not null);
        CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
            usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
            flags integer not null, data text not null);
        CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
            mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
            ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
            left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
        CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
            ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
        CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
        CREATE INDEX ix_notes_usn on notes (usn);
        CREATE INDEX ix_cards_usn on cards (usn);
        CREATE INDEX ix_revlog_usn on revlog (usn);
        CREATE INDEX ix_cards_nid on cards (nid);
        CREATE INDEX ix_cards_sched on cards (did, queue, due);
        CREATE INDEX ix_revlog_cid on revlog (cid);
        CREATE INDEX ix_notes_csum on notes (csum);
        """

    static var conf: [String: Any] { [
        "activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200, "timeLim": 0, "estTimes": true,
        "dueCounts": true, "nextPos": 1, "sortType": "noteFld", "sortBackwards": false, "addToCur": true,
    ] }

    static var dconf: [String: Any] { [
        "1": [
            "id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0, "replayq": true,
            "dyn": false,
            "new": ["bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1, "perDay": 20],
            "lapse": ["delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0],
            "rev": ["bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2],
        ] as [String: Any]
    ] }

    static func decksObject(_ ids: [String: Int64], now: Int64) -> [String: Any] {
        var result: [String: Any] = ["1": deck(id: 1, name: "Default", now: now)]
        for (name, id) in ids { result[String(id)] = deck(id: id, name: name, now: now) }
        return result
    }

    static func deck(id: Int64, name: String, now: Int64) -> [String: Any] {
        [
            "id": id, "name": name, "mod": now, "usn": -1, "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0],
            "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false, "desc": "", "dyn": 0, "conf": 1,
            "extendNew": 0, "extendRev": 0,
        ]
    }

    static let css = ".card { font-family: sans-serif; font-size: 20px; text-align: center; color: black; background-color: white; }\n.source { font-size: 12px; color: #777; }\n.cloze { font-weight: bold; color: blue; }"

    static func models(now: Int64) -> [String: Any] {
        func field(_ name: String, _ ord: Int) -> [String: Any] {
            ["name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "media": [String]()]
        }
        func template(_ name: String, _ ord: Int, _ q: String, _ a: String) -> [String: Any] {
            ["name": name, "ord": ord, "qfmt": q, "afmt": a, "did": NSNull(), "bqfmt": "", "bafmt": ""]
        }
        let source = "<div class=source>{{Source}}</div>"
        func model(_ type: CardExport.NoteType, templates: [[String: Any]], kind: Int) -> [String: Any] {
            [
                "id": modelIDs[type]!, "name": "Revise " + type.rawValue, "type": kind, "mod": now, "usn": -1, "sortf": 0,
                "did": 1, "tmpls": templates,
                "flds": (type.fieldNames + [reviseFieldName]).enumerated().map { field($0.element, $0.offset) },
                "css": css, "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
                "latexPost": "\\end{document}", "latexsvg": false, "tags": [String](), "vers": [String](),
                "req": kind == 1 ? [[0, "any", [0]]] : templates.indices.map { [$0, "any", [$0]] },
            ]
        }
        return [
            String(modelIDs[.basic]!): model(
                .basic, templates: [template("Card 1", 0, "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}" + source)], kind: 0),
            String(modelIDs[.basicReversed]!): model(
                .basicReversed,
                templates: [
                    template("Card 1", 0, "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}" + source),
                    template("Card 2", 1, "{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}" + source),
                ], kind: 0),
            String(modelIDs[.cloze]!): model(
                .cloze, templates: [template("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}" + source)], kind: 1),
        ]
    }
}
