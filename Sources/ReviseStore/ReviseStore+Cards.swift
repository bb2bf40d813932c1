import Foundation
import GRDB
import ReviseCore

/// A card as the store keeps it: the card, where it stands with the scheduler, and what the student did to it.
public struct StoredCard: Hashable, Sendable, Codable {
    public var card: Card
    public var schedule: CardSchedule
    public var suspended: Bool
    /// Its fact is no longer in the notes: kept with its history, never shown for study.
    public var retired: Bool
    public var reviewCount: Int
    public var lapseCount: Int
    /// When the student has reworded the card (the card then carries their words): what Revise wrote.
    public var generated: CardText?

    public var isNew: Bool { schedule.isNew }
}

/// The two sides of a card.
public struct CardText: Hashable, Sendable, Codable {
    public var prompt: String
    public var answer: String

    public init(prompt: String, answer: String) {
        self.prompt = prompt
        self.answer = answer
    }
}

/// One rating given to a card, with the memory state after it.
public struct StoredReview: Hashable, Sendable, Codable {
    public var id: Int64
    public var cardId: String
    public var rating: Rating
    public var at: Date
    public var schedule: CardSchedule
}

extension ReviseStore {
    /// What `refreshCards` changed.
    public struct CardRefresh: Hashable, Sendable, Codable {
        public var added = 0
        public var kept = 0
        public var retired = 0
        public var unchanged = true
    }

    /// Makes the cards match the notes: new cards for new facts (due now), the same ids (and histories) for facts
    /// that are still there, and retired (not deleted) cards for facts that are gone. Does nothing when no note
    /// changed since the last time. One transaction.
    @discardableResult
    public func refreshCards(at now: Date) throws(StoreError) -> CardRefresh {
        let signature: String = try read { db in
            let hashes = try String.fetchAll(db, sql: "SELECT contentHash FROM source ORDER BY id")
            let key = "cards \(CardGenerator.version)\u{1}" + hashes.joined(separator: "\u{1}")
            return ContentHash.hex(Array(key.utf8))
        }
        let current: String? = try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'cardSignature'")
        }
        if current == signature { return CardRefresh() }
        return try syncCards(CardGenerator.cards(from: try knowledgeBase()), at: now, signature: signature)
    }

    /// Makes the stored cards these: new ones added (due at `now`), existing ones updated in place (ids, schedules
    /// and reviews kept), the rest retired. One transaction.
    @discardableResult
    public func syncCards(_ cards: [Card], at now: Date, signature: String? = nil) throws(StoreError) -> CardRefresh {
        try write { db in
            var result = CardRefresh(unchanged: false)
            let existing = Set(try String.fetchAll(db, sql: "SELECT id FROM card"))
            var generated = Set<String>()
            let encoder = JSONEncoder()
            for card in cards {
                generated.insert(card.id)
                if existing.contains(card.id) { result.kept += 1 } else { result.added += 1 }
                try Self.upsert(card, at: now, db: db, encoder: encoder)
            }
            let retire = try db.cachedStatement(sql: "UPDATE card SET retired = 1 WHERE id = ? AND retired = 0")
            for id in existing.subtracting(generated) {
                try retire.execute(arguments: [id])
                if db.changesCount > 0 { result.retired += 1 }
            }
            if let signature {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('cardSignature', ?)", arguments: [signature])
            }
            return result
        }
    }

    /// Adds a card (new, due at `now`) or updates the words of the card with its id, keeping its schedule and
    /// history; a retired card with the same id comes back. In the caller's transaction.
    static func upsert(_ card: Card, at now: Date, db: Database, encoder: JSONEncoder = JSONEncoder()) throws {
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO card (id, kind, prompt, answer, body, topic, due, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, prompt = excluded.prompt, answer = excluded.answer,
                    body = excluded.body, topic = excluded.topic, retired = 0
                """)
        try insert.execute(arguments: [
            card.id, card.kind.rawValue, card.prompt, card.answer, try encodeBody(card, encoder: encoder),
            card.topic.joined(separator: " / "), now.timeIntervalSince1970, now.timeIntervalSince1970,
        ])
    }

    /// The parts of a card that are not columns of their own.
    struct CardBody: Codable {
        var choices: [String]
        var order: [String]
        var note: String?
        var topic: [String]
        var citations: [Citation]
        var tags: [String]?
    }

    static func encodeBody(_ card: Card, encoder: JSONEncoder = JSONEncoder()) throws -> Data {
        try encoder.encode(
            CardBody(
                choices: card.choices, order: card.order, note: card.note, topic: card.topic, citations: card.citations,
                tags: card.tags.isEmpty ? nil : card.tags))
    }

    /// Cards with the student's edits over Revise's wording; add `WHERE`, `ORDER BY` (columns as `card.x`).
    static let selectCards = """
        SELECT card.id, kind, COALESCE(e.prompt, card.prompt) AS prompt, COALESCE(e.answer, card.answer) AS answer,
            card.prompt AS generatedPrompt, card.answer AS generatedAnswer, e.cardId IS NOT NULL AS edited, body, retired,
            suspended, phase, step, stability, difficulty, due, lastReview, reviewCount, lapseCount
        FROM card LEFT JOIN cardEdit e ON e.cardId = card.id
        """

    static func storedCard(_ row: Row) throws -> StoredCard {
        let body = try JSONDecoder().decode(CardBody.self, from: row["body"] as Data)
        let card = Card(
            id: row["id"], kind: Card.Kind(rawValue: row["kind"]) ?? .basic, prompt: row["prompt"], answer: row["answer"],
            choices: body.choices, order: body.order, note: body.note, topic: body.topic, citations: body.citations,
            tags: body.tags ?? [])
        let schedule = CardSchedule(
            phase: StudyPhase(rawValue: row["phase"]) ?? .learning, step: row["step"], stability: row["stability"],
            difficulty: row["difficulty"], due: Date(timeIntervalSince1970: row["due"]),
            lastReview: (row["lastReview"] as Double?).map(Date.init(timeIntervalSince1970:)))
        return StoredCard(
            card: card, schedule: schedule, suspended: row["suspended"], retired: row["retired"],
            reviewCount: row["reviewCount"], lapseCount: row["lapseCount"],
            generated: row["edited"] ? CardText(prompt: row["generatedPrompt"], answer: row["generatedAnswer"]) : nil)
    }

    /// Every card, in the order they were made; retired ones only when asked for.
    public func cards(includingRetired: Bool = false) throws(StoreError) -> [StoredCard] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "\(Self.selectCards) \(includingRetired ? "" : "WHERE retired = 0") ORDER BY card.rowid"
            ).map(Self.storedCard)
        }
    }

    /// The card with this id, or the one card whose id starts with it.
    public func card(id: String) throws(StoreError) -> StoredCard? {
        try read { db in
            if let row = try Row.fetchOne(try db.cachedStatement(sql: "\(Self.selectCards) WHERE card.id = ?"), arguments: [id]) {
                return try Self.storedCard(row)
            }
            let rows = try Row.fetchAll(
                db, sql: "\(Self.selectCards) WHERE card.id LIKE ? ESCAPE '\\' LIMIT 2",
                arguments: [id.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"])
            return rows.count == 1 ? try Self.storedCard(rows[0]) : nil
        }
    }

    /// Words a card the student's way; an empty side, or a side the same as Revise's, keeps Revise's. The edit
    /// is kept apart from the card, so it survives every re-import that still makes the card. False when there is
    /// no such card.
    @discardableResult
    public func editCard(id: String, prompt: String, answer: String, at time: Date) throws(StoreError) -> Bool {
        let prompt = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        let answer = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT prompt, answer FROM card WHERE id = ?", arguments: [id])
            else { return false }
            let newPrompt = prompt.isEmpty ? row["prompt"] as String : prompt
            let newAnswer = answer.isEmpty ? row["answer"] as String : answer
            if newPrompt == row["prompt"], newAnswer == row["answer"] {
                try db.execute(sql: "DELETE FROM cardEdit WHERE cardId = ?", arguments: [id])
            } else {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO cardEdit (cardId, prompt, answer, editedAt) VALUES (?, ?, ?, ?)",
                    arguments: [id, newPrompt, newAnswer, time.timeIntervalSince1970])
            }
            return true
        }
    }

    /// Suspends or brings back a card; false when there is no such card.
    @discardableResult
    public func setSuspended(_ suspended: Bool, card id: String) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE card SET suspended = ? WHERE id = ?", arguments: [suspended, id])
            return db.changesCount > 0
        }
    }

    /// Rates a card and saves the rating and the card's new schedule in one transaction: once this returns, the
    /// rating is on disk.
    public func review(card id: String, rating: Rating, at time: Date, scheduler: Scheduler) throws(StoreError) -> StoredCard {
        try write { db in
            guard let row = try Row.fetchOne(try db.cachedStatement(sql: "\(Self.selectCards) WHERE card.id = ?"), arguments: [id])
            else { throw StoreError.notFound("there is no card \(id)") }
            var stored = try Self.storedCard(row)
            if let last = stored.schedule.lastReview, time < last {
                throw StoreError.invalid(
                    "card \(id) was last reviewed at \(Timestamp.format(last)); a review cannot come before it")
            }
            let previous = try JSONEncoder().encode(
                ScheduleSnapshot(schedule: stored.schedule, reviewCount: stored.reviewCount, lapseCount: stored.lapseCount))
            let wasReview = stored.schedule.phase == .review
            stored.schedule = scheduler.review(stored.schedule, rating, at: time, chance: Double.random(in: 0..<1))
            stored.reviewCount += 1
            if rating == .again, wasReview { stored.lapseCount += 1 }
            try Self.saveSchedule(of: stored, db: db)
            let s = stored.schedule
            try db.execute(
                sql: """
                    INSERT INTO review (cardId, rating, at, phase, step, stability, difficulty, due, previous)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, rating.rawValue, time.timeIntervalSince1970, s.phase.rawValue, s.step, s.stability, s.difficulty,
                    s.due.timeIntervalSince1970, previous,
                ])
            return stored
        }
    }

    /// Writes a card's schedule and counts, in the caller's transaction.
    static func saveSchedule(of stored: StoredCard, db: Database) throws {
        try saveSchedule(
            stored.schedule, reviewCount: stored.reviewCount, lapseCount: stored.lapseCount, card: stored.card.id, db: db)
    }

    static func saveSchedule(_ s: CardSchedule, reviewCount: Int, lapseCount: Int, card id: String, db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE card SET phase = ?, step = ?, stability = ?, difficulty = ?, due = ?, lastReview = ?,
                    reviewCount = ?, lapseCount = ? WHERE id = ?
                """
        ).execute(arguments: [
            s.phase.rawValue, s.step, s.stability, s.difficulty, s.due.timeIntervalSince1970,
            s.lastReview?.timeIntervalSince1970, reviewCount, lapseCount, id,
        ])
    }

    /// Takes back the last rating given to any card: the card returns to where it stood before it. Nil when there
    /// is nothing to undo.
    public func undoLastReview() throws(StoreError) -> StoredCard? {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, cardId, previous FROM review ORDER BY id DESC LIMIT 1"),
                let data = row["previous"] as Data?
            else { return nil }
            let snapshot = try JSONDecoder().decode(ScheduleSnapshot.self, from: data)
            let cardId: String = row["cardId"]
            guard var before = try Row.fetchOne(db, sql: "\(Self.selectCards) WHERE card.id = ?", arguments: [cardId]).map(Self.storedCard)
            else { return nil }
            before.schedule = snapshot.schedule
            before.reviewCount = snapshot.reviewCount
            before.lapseCount = snapshot.lapseCount
            try Self.saveSchedule(of: before, db: db)
            try db.execute(sql: "DELETE FROM review WHERE id = ?", arguments: [row["id"] as Int64])
            return before
        }
    }

    /// Where a card stood before a rating: what undo puts back. (Older databases stored the whole card; these
    /// three fields read the same from it.)
    struct ScheduleSnapshot: Codable {
        var schedule: CardSchedule
        var reviewCount: Int
        var lapseCount: Int

        /// What `JSONEncoder().encode(self)` gives (the same fields and numbers; `JSONEncoder` does not promise an
        /// order of keys), written by hand.
        var json: Data { Data(bytes) }

        var bytes: [UInt8] {
            var w = JSONWriter(capacity: 160)
            w.raw("{\"schedule\":")
            w.plainSchedule(schedule)
            w.raw(",\"reviewCount\":")
            w.int(reviewCount)
            w.raw(",\"lapseCount\":")
            w.int(lapseCount)
            w.raw("}")
            return w.bytes
        }
    }

    /// A card's reviews, oldest first.
    public func reviews(of id: String) throws(StoreError) -> [StoredReview] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, cardId, rating, at, phase, step, stability, difficulty, due FROM review WHERE cardId = ? ORDER BY at, id",
                arguments: [id]
            ).map { row in
                StoredReview(
                    id: row["id"], cardId: row["cardId"], rating: Rating(rawValue: row["rating"]) ?? .good,
                    at: Date(timeIntervalSince1970: row["at"]),
                    schedule: CardSchedule(
                        phase: StudyPhase(rawValue: row["phase"]) ?? .review, step: row["step"], stability: row["stability"],
                        difficulty: row["difficulty"], due: Date(timeIntervalSince1970: row["due"]),
                        lastReview: Date(timeIntervalSince1970: row["at"])))
            }
        }
    }

    /// What is due to study at `now`, in the order to study it: learning and relearning cards that are due, then
    /// reviews that are due (most overdue first), then new cards up to what is left of `newPerDay` today (the day
    /// being the 24 hours from `dayStart`). Only ids and schedules: a session loads each card when it shows it.
    public func studyQueue(at now: Date, newPerDay: Int, dayStart: Date) throws(StoreError) -> [StudyQueue.Entry] {
        try read { db in try Self.studyQueue(db, at: now, newPerDay: newPerDay, dayStart: dayStart) }
    }

    /// What to study now and the card to show first (`preferring` when it names a card that is not retired, else
    /// the queue's next), read together.
    public func nextCard(
        at now: Date, newPerDay: Int, dayStart: Date, preferring id: String? = nil
    ) throws(StoreError) -> (queue: StudyQueue, card: StoredCard?) {
        try read { db in
            let queue = StudyQueue(try Self.studyQueue(db, at: now, newPerDay: newPerDay, dayStart: dayStart))
            let select = try db.cachedStatement(sql: "\(Self.selectCards) WHERE card.id = ?")
            if let id, let row = try Row.fetchOne(select, arguments: [id]), let card = try? Self.storedCard(row), !card.retired {
                return (queue, card)
            }
            guard let next = queue.next(at: now) else { return (queue, nil) }
            return (queue, try Row.fetchOne(select, arguments: [next.id]).map(Self.storedCard))
        }
    }

    static func studyQueue(_ db: Database, at now: Date, newPerDay: Int, dayStart: Date) throws -> [StudyQueue.Entry] {
        do {
            let t = now.timeIntervalSince1970
            func entries(_ sql: String, _ arguments: StatementArguments) throws -> [StudyQueue.Entry] {
                try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: arguments).map { row in
                    StudyQueue.Entry(
                        id: row[0],
                        schedule: CardSchedule(
                            phase: StudyPhase(rawValue: row[1]) ?? .learning, step: row[2], stability: row[3],
                            difficulty: row[4], due: Date(timeIntervalSince1970: row[5]),
                            lastReview: (row[6] as Double?).map(Date.init(timeIntervalSince1970:))))
                }
            }
            let columns = "id, phase, step, stability, difficulty, due, lastReview"
            let learning = try entries(
                """
                SELECT \(columns) FROM card WHERE retired = 0 AND suspended = 0 AND due <= ? AND lastReview IS NOT NULL
                AND phase != 'review' ORDER BY due
                """, [t])
            let reviews = try entries(
                "SELECT \(columns) FROM card WHERE retired = 0 AND suspended = 0 AND due <= ? AND phase = 'review' ORDER BY due",
                [t])
            // New cards first rated today count against the day's new cards.
            let introducedToday = try Int.fetchOne(
                try db.cachedStatement(
                    sql: """
                    SELECT COUNT(*) FROM card WHERE lastReview >= ? AND NOT EXISTS
                    (SELECT 1 FROM review r WHERE r.cardId = card.id AND r.at < ?)
                    """), arguments: [dayStart.timeIntervalSince1970, dayStart.timeIntervalSince1970]) ?? 0
            let fresh = try entries(
                "SELECT \(columns) FROM card WHERE retired = 0 AND suspended = 0 AND lastReview IS NULL ORDER BY rowid LIMIT ?",
                [max(0, newPerDay - introducedToday)])
            return learning + reviews + fresh
        }
    }

    /// The cards of `studyQueue`, whole.
    public func dueCards(at now: Date, newPerDay: Int, dayStart: Date) throws(StoreError) -> [StoredCard] {
        var cards: [StoredCard] = []
        for entry in try studyQueue(at: now, newPerDay: newPerDay, dayStart: dayStart) {
            if let card = try card(id: entry.id) { cards.append(card) }
        }
        return cards
    }

    /// How many cards are new, learning (or relearning), in review, suspended and retired.
    public struct CardCounts: Hashable, Sendable, Codable {
        public var new = 0
        public var learning = 0
        public var review = 0
        public var suspended = 0
        public var retired = 0
    }

    public func cardCounts() throws(StoreError) -> CardCounts {
        try read { db in
            var counts = CardCounts()
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT retired, suspended, lastReview IS NULL AS new, phase, COUNT(*) AS n FROM card
                    GROUP BY retired, suspended, new, phase
                    """)
            {
                let n: Int = row["n"]
                if row["retired"] as Bool {
                    counts.retired += n
                } else if row["suspended"] as Bool {
                    counts.suspended += n
                } else if row["new"] as Bool {
                    counts.new += n
                } else if row["phase"] as String == "review" {
                    counts.review += n
                } else {
                    counts.learning += n
                }
            }
            return counts
        }
    }
}

extension ReviseStore {
    /// What the student has done and what is coming: reviews per day, true retention, the next 30 days' load.
    public struct StudyStats: Hashable, Sendable, Codable {
        public var counts: CardCounts
        /// Reviews on each of the last `days` days, oldest first (day 0 is the first day).
        public var reviewsPerDay: [Int]
        /// Of the ratings given to cards that were in review, the share that were not "again"; nil with none.
        public var trueRetention: Double?
        public var reviewsCounted: Int
        /// Cards due on each of the next 30 days (day 0 is today and includes overdue cards).
        public var forecast: [Int]
    }

    /// Stats with days starting at `dayStart` (local midnight of today) and running back `days` days.
    public func studyStats(dayStart: Date, days: Int = 30) throws(StoreError) -> StudyStats {
        let counts = try cardCounts()
        return try read { db in
            let first = dayStart.addingTimeInterval(-Double(days - 1) * 86400)
            var perDay = Array(repeating: 0, count: days)
            var passed = 0
            var counted = 0
            let decoder = JSONDecoder()
            for row in try Row.fetchAll(db, sql: "SELECT at, rating, previous FROM review WHERE at >= ?", arguments: [first.timeIntervalSince1970]) {
                let at: Double = row["at"]
                let day = Int((at - first.timeIntervalSince1970) / 86400)
                if day >= 0, day < days { perDay[day] += 1 }
                if let data = row["previous"] as Data?, let before = try? decoder.decode(ScheduleSnapshot.self, from: data),
                    !before.schedule.isNew, before.schedule.phase == .review
                {
                    counted += 1
                    if (row["rating"] as Int) > 1 { passed += 1 }
                }
            }
            var forecast = Array(repeating: 0, count: 30)
            for due in try Double.fetchAll(
                db, sql: "SELECT due FROM card WHERE retired = 0 AND suspended = 0 AND lastReview IS NOT NULL")
            {
                let day = max(0, Int((due - dayStart.timeIntervalSince1970) / 86400))
                if day < 30 { forecast[day] += 1 }
            }
            return StudyStats(
                counts: counts, reviewsPerDay: perDay, trueRetention: counted > 0 ? Double(passed) / Double(counted) : nil,
                reviewsCounted: counted, forecast: forecast)
        }
    }
}
