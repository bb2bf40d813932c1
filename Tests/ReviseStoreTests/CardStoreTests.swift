import Foundation
import GRDB
import ReviseCore
import TestSupport
import Testing

@testable import ReviseStore

/// Cards in the store: made from the notes, the same ids on re-import, retired (with their history) when their
/// fact goes, every rating saved with the card's new schedule, and the study queue in the right order.
struct CardStoreTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    static let terror = """
        Terror:
        - Kirov was murdered in December 1934.
        - In 1936 the first show trial was held.
        - In 1937 Tukhachevsky was shot.
        - In 1935 a new law was passed against young criminals.

        Key words:
        - Gosplan - state planning commission, coordinated industries and their targets
        - NEP: the New Economic Policy, a compromise with capitalism
        """

    func save(_ store: ReviseStore, _ text: String, name: String = "terror.txt") throws {
        _ = try store.save(try NoteImporter.parse(bytes: Array(text.utf8), name: name), path: "/notes/" + name, at: start)
    }

    @Test func reimportKeepsIdsAndHistoryAndRetiresWhatWentAway() throws {
        let store = try ReviseStore.inMemory()
        try save(store, Self.terror)
        let first = try store.refreshCards(at: start)
        #expect(first.added >= 6 && first.retired == 0)
        let cards = try store.cards()
        let ids = cards.map(\.card.id)
        // Nothing changed: nothing is written again.
        #expect(try store.refreshCards(at: start).unchanged)
        // A review, then the same notes saved again with one line gone and one added.
        let gosplan = try #require(cards.first { $0.card.prompt.contains("Gosplan") })
        _ = try store.review(card: gosplan.card.id, rating: .good, at: start, scheduler: try Scheduler())
        let kirov = try #require(cards.first { $0.card.prompt.contains("Kirov") || $0.card.answer.contains("Kirov") })
        let edited = Self.terror.replacingOccurrences(of: "- Kirov was murdered in December 1934.\n", with: "")
            + "\n- Stakhanovites - workers who beat their targets\n"
        try save(store, edited)
        let second = try store.refreshCards(at: start + 60)
        #expect(second.retired >= 1 && second.added >= 1)
        let after = try store.cards()
        #expect(!after.contains { $0.card.id == kirov.card.id })
        let retired = try #require(try store.card(id: kirov.card.id))
        #expect(retired.retired)
        // The reviewed card kept its id and its history.
        let kept = try #require(try store.card(id: gosplan.card.id))
        #expect(kept.reviewCount == 1 && !kept.retired && kept.schedule.lastReview == start)
        #expect(try store.reviews(of: gosplan.card.id).count == 1)
        // Every card that did not come from the removed line is still there, with the same id.
        let untouched = cards.filter { !($0.card.prompt + $0.card.answer).contains("Kirov") }.map(\.card.id)
        #expect(Set(untouched).isSubset(of: Set(after.map(\.card.id))))
        #expect(ids.count == cards.count)
        // The line comes back: the same card returns, not a new one.
        try save(store, Self.terror)
        try store.refreshCards(at: start + 120)
        #expect(try store.card(id: kirov.card.id)?.retired == false)
    }

    @Test func aReviewIsSavedWithTheScheduleAndCanBeTakenBack() throws {
        let store = try ReviseStore.inMemory()
        try save(store, Self.terror)
        try store.refreshCards(at: start)
        let card = try #require(try store.cards().first)
        let scheduler = try Scheduler(fuzz: false)
        let rated = try store.review(card: card.card.id, rating: .good, at: start, scheduler: scheduler)
        #expect(rated.schedule.phase == .learning && rated.schedule.step == 1 && rated.reviewCount == 1)
        #expect(rated.schedule.due == start + 600)
        let reloaded = try #require(try store.card(id: card.card.id))
        #expect(reloaded.schedule == rated.schedule)
        let undone = try #require(try store.undoLastReview())
        #expect(undone.isNew && undone.reviewCount == 0)
        #expect(try store.reviews(of: card.card.id).isEmpty)
        #expect(try store.undoLastReview() == nil)
        // A rating dated before the card's last one is refused, and nothing changes.
        _ = try store.review(card: card.card.id, rating: .good, at: start + 100, scheduler: scheduler)
        #expect(throws: StoreError.self) { try store.review(card: card.card.id, rating: .easy, at: start, scheduler: scheduler) }
        #expect(try store.reviews(of: card.card.id).count == 1)
        #expect(throws: StoreError.self) { try store.review(card: "nope", rating: .good, at: start, scheduler: scheduler) }
    }

    @Test func theQueueTakesLearningThenReviewsThenNewUpToTheLimit() throws {
        let store = try ReviseStore.inMemory()
        try save(store, Self.terror)
        try store.refreshCards(at: start)
        let scheduler = try Scheduler(fuzz: false)
        let cards = try store.cards()
        #expect(cards.count >= 6)
        // One card into review (easy), one left learning (again).
        _ = try store.review(card: cards[0].card.id, rating: .easy, at: start, scheduler: scheduler)
        _ = try store.review(card: cards[1].card.id, rating: .again, at: start, scheduler: scheduler)
        let later = start + 86400 * 30
        let queue = try store.dueCards(at: later, newPerDay: 2, dayStart: later - 3600)
        #expect(queue.count == 4)
        #expect(queue[0].card.id == cards[1].card.id && queue[1].card.id == cards[0].card.id)
        #expect(queue[2].isNew && queue[3].isNew)
        // New cards already started today count against the limit.
        let sameDay = try store.dueCards(at: start + 60, newPerDay: 2, dayStart: start - 60)
        #expect(sameDay.filter(\.isNew).isEmpty)
        // Suspended cards stay out.
        try store.setSuspended(true, card: cards[2].card.id)
        #expect(!(try store.dueCards(at: later, newPerDay: 50, dayStart: later).contains { $0.card.id == cards[2].card.id }))
        let counts = try store.cardCounts()
        #expect(counts.suspended == 1 && counts.review == 1 && counts.learning == 1)
    }

    @Test func ratingsSentTogetherAreCommittedTogetherAndEachIsOnDiskWhenAnswered() async throws {
        let folder = try Fixtures.temporaryFolder()
        let store = try ReviseStore(path: folder.appendingPathComponent("revise.sqlite").path)
        try save(store, Self.terror)
        try store.refreshCards(at: start)
        let ids = try store.cards().map(\.card.id)
        let scheduler = try Scheduler(fuzz: false)
        let day = StudyDay.start(of: Date())
        // Each card rated once, all at once: every answer comes after its rating is in the database.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for id in ids {
                group.addTask {
                    let rated = try await store.review(card: id, rating: .good, at: Date(), dayStart: day, scheduler: scheduler)
                    #expect(rated.reviewCount == 1 && rated.card.id == id)
                    #expect(try store.reviews(of: id).count == 1)
                    #expect(try store.card(id: id)?.schedule == rated.schedule)
                }
            }
            try await group.waitForAll()
        }
        // One card rated by many at once: each answered rating is there, none lost.
        let one = ids[0]
        let answered = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<24 {
                group.addTask {
                    for _ in 1...5 {
                        do {
                            let rated = try await store.review(card: one, rating: .good, at: Date(), dayStart: day, scheduler: scheduler)
                            #expect(try store.reviews(of: one).count >= rated.reviewCount)
                            return 1
                        } catch StoreError.invalid {
                            continue
                        }
                    }
                    return 0
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(try store.reviews(of: one).count == 1 + answered)
        #expect(try store.card(id: one)?.reviewCount == 1 + answered)
        await #expect(throws: StoreError.self) {
            try await store.review(card: "nope", rating: .good, at: Date(), dayStart: day, scheduler: scheduler)
        }
        // Undo still takes back the last rating.
        let before = try store.reviews(of: one).count
        #expect(try store.undoLastReview()?.card.id == one)
        #expect(try store.reviews(of: one).count == before - 1)
    }

    @Test func aRatingTheDataRefusesFailsAloneAndTheOthersOfItsGroupAreSaved() async throws {
        let folder = try Fixtures.temporaryFolder()
        let store = try ReviseStore(path: folder.appendingPathComponent("revise.sqlite").path)
        try save(store, Self.terror)
        try store.refreshCards(at: start)
        let ids = try store.cards().map(\.card.id)
        #expect(ids.count >= 4)
        let scheduler = try Scheduler(fuzz: false)
        let now = Date()
        let day = StudyDay.start(of: now)
        // The first card is rated now; a rating of it dated an hour earlier is then refused.
        let first = ids[0]
        _ = try await store.review(card: first, rating: .good, at: now, dayStart: day, scheduler: scheduler)
        enum Outcome: Equatable { case saved(String), notFound, invalid }
        // Good ratings, ratings of cards that do not exist and ratings dated too early, all at once and many times
        // over, so that the writer's groups mix them.
        let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
            for round in 0..<6 {
                for (i, id) in ids.dropFirst().enumerated() {
                    group.addTask {
                        _ = try await store.review(
                            card: id, rating: .good, at: now + Double(round * 100 + i) / 1000, dayStart: day, scheduler: scheduler)
                        return .saved(id)
                    }
                    if i % 2 == 0 {
                        group.addTask {
                            do {
                                _ = try await store.review(card: "nope\(i)", rating: .good, at: now, dayStart: day, scheduler: scheduler)
                                return .saved("nope\(i)")
                            } catch StoreError.notFound {
                                return .notFound
                            }
                        }
                        group.addTask {
                            do {
                                _ = try await store.review(
                                    card: first, rating: .again, at: now - 3600, dayStart: day, scheduler: scheduler)
                                return .saved(first)
                            } catch StoreError.invalid {
                                return .invalid
                            }
                        }
                    }
                }
            }
            return try await group.reduce(into: [Outcome]()) { $0.append($1) }
        }
        #expect(!outcomes.contains(.saved(first)) && !outcomes.contains { if case .saved(let id) = $0 { id.hasPrefix("nope") } else { false } })
        #expect(outcomes.contains(.notFound) && outcomes.contains(.invalid))
        // Every good rating is in the database, and nothing of the refused ones.
        for id in ids.dropFirst() {
            #expect(try store.reviews(of: id).count == 6)
            #expect(try store.card(id: id)?.reviewCount == 6)
        }
        #expect(try store.reviews(of: first).count == 1)
        #expect(try store.card(id: first)?.reviewCount == 1)
    }

    @Test func theWALIsCheckpointedBesideTheWriterAndNoRatingIsLost() async throws {
        let folder = try Fixtures.temporaryFolder()
        let path = folder.appendingPathComponent("revise.sqlite").path
        let store = try ReviseStore(path: path)
        try save(store, Self.terror)
        try store.refreshCards(at: start)
        let ids = try store.cards().map(\.card.id)
        let scheduler = try Scheduler(fuzz: false)
        let now = Date()
        let day = StudyDay.start(of: now)
        // One rating at a time: each is a group of its own, so the checkpointer is asked for twice.
        let ratings = 2 * Checkpointer.groupsPerCheckpoint + 5
        for i in 0..<ratings {
            _ = try await store.review(
                card: ids[i % ids.count], rating: .good, at: now + Double(i) / 1000, dayStart: day, scheduler: scheduler)
        }
        // It runs on a thread of its own: wait for it (at most ten seconds).
        for _ in 0..<200 where store.memory.checkpointer.done.load(ordering: .relaxed) == 0 {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(store.memory.checkpointer.done.load(ordering: .relaxed) >= 1)
        // Another connection (the command line) sees every rating.
        let other = try DatabaseQueue(path: path)
        let saved = try await other.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review") }
        #expect(saved == ratings)
        // A store in memory has no file to checkpoint: nothing is started.
        let memory = try ReviseStore.inMemory()
        try save(memory, Self.terror)
        try memory.refreshCards(at: start)
        for (i, id) in try memory.cards().map(\.card.id).enumerated() {
            _ = try await memory.review(card: id, rating: .good, at: now + Double(i), dayStart: day, scheduler: scheduler)
        }
        #expect(memory.memory.checkpointer.path == nil)
    }

    @Test func aDatabaseWhoseNewCardsIndexHeldEveryCardIsBroughtUpToDate() async throws {
        let folder = try Fixtures.temporaryFolder()
        let path = folder.appendingPathComponent("revise.sqlite").path
        let now = Date()
        let day = StudyDay.start(of: now)
        let queue: [StudyQueue.Entry]
        do {
            let store = try ReviseStore(path: path)
            try save(store, Self.terror)
            try store.refreshCards(at: start)
            let ids = try store.cards().map(\.card.id)
            _ = try await store.review(card: ids[1], rating: .good, at: now, dayStart: day, scheduler: try Scheduler(fuzz: false))
            queue = try store.studyQueue(at: now, newPerDay: 20, dayStart: day)
            // As the index was before: every card in it, by when it was last rated.
            try await store.writer.write { db in
                try db.execute(
                    sql: """
                        DROP INDEX cardNew;
                        CREATE INDEX cardNew ON card(retired, suspended, lastReview);
                        DELETE FROM grdb_migrations WHERE identifier LIKE 'v9:%';
                        """)
            }
        }
        let store = try ReviseStore(path: path)
        let sql = try await store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'cardNew'")
        }
        #expect(sql?.contains("WHERE lastReview IS NULL") == true)
        let after = try store.studyQueue(at: now, newPerDay: 20, dayStart: day)
        #expect(after.map(\.id) == queue.map(\.id) && queue.count >= 4)
    }

    @Test func aRatingThroughTheGroupWriterSavesWhatTheSynchronousReviewSaves() async throws {
        // Two stores, the same ratings at the same times: one through the group writer (its statements through
        // SQLite's C interface), one through the synchronous `review` (GRDB's arguments and rows).
        let grouped = try ReviseStore.inMemory()
        let plain = try ReviseStore.inMemory()
        for store in [grouped, plain] {
            try save(store, Self.terror)
            try store.refreshCards(at: start)
        }
        let scheduler = try Scheduler(fuzz: false)
        let ids = try plain.cards().map(\.card.id)
        #expect(ids.count >= 3)
        let ratings: [Rating] = [.good, .again, .easy, .hard, .good, .again, .good, .easy]
        for (i, rating) in ratings.enumerated() {
            let id = ids[i % 3]
            let at = start + Double(i) * 3_700.25
            let fromGroup = try await grouped.review(card: id, rating: rating, at: at, dayStart: start - 3600, scheduler: scheduler)
            let fromPlain = try plain.review(card: id, rating: rating, at: at, scheduler: scheduler)
            #expect(fromGroup == fromPlain)
        }
        // Every column, with its SQLite type, of the cards and the reviews.
        func rows(_ store: ReviseStore) throws -> [[String]] {
            try store.writer.read { db in
                let cards = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, phase, typeof(phase), step, typeof(step), stability, typeof(stability), difficulty,
                            typeof(difficulty), due, typeof(due), lastReview, typeof(lastReview), reviewCount, lapseCount,
                            suspended, retired FROM card ORDER BY id
                        """)
                let reviews = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, cardId, rating, typeof(rating), at, typeof(at), phase, step, typeof(step), stability,
                            typeof(stability), difficulty, due, typeof(previous) FROM review ORDER BY id
                        """)
                return (cards + reviews).map { row in row.databaseValues.map(\.description) }
            }
        }
        #expect(try rows(grouped) == rows(plain))
        // What undo keeps reads back the same: each store undoes its ratings to the new cards.
        for _ in ratings {
            #expect(try grouped.undoLastReview() == plain.undoLastReview())
        }
        #expect(try rows(grouped) == rows(plain))
        #expect(try grouped.cards() == plain.cards())
        // A card that is not there, and a rating dated before the card's last one, are refused as before.
        await #expect(throws: StoreError.self) {
            try await grouped.review(card: "nope", rating: .good, at: start, dayStart: start, scheduler: scheduler)
        }
        _ = try await grouped.review(card: ids[0], rating: .good, at: start + 100, dayStart: start, scheduler: scheduler)
        await #expect(throws: StoreError.self) {
            try await grouped.review(card: ids[0], rating: .good, at: start + 50, dayStart: start, scheduler: scheduler)
        }
    }

    @Test func whatUndoKeepsIsReadBackExactly() throws {
        let scheduler = try Scheduler()
        var schedule = CardSchedule(due: start)
        for (i, rating) in [Rating.good, .again, .easy, .hard, .good, .again, .good].enumerated() {
            let snapshot = ReviseStore.ScheduleSnapshot(schedule: schedule, reviewCount: i, lapseCount: i / 3)
            let read = try JSONDecoder().decode(ReviseStore.ScheduleSnapshot.self, from: snapshot.json)
            #expect(read.schedule == schedule && read.reviewCount == i && read.lapseCount == i / 3)
            // The same fields as JSONEncoder writes (it does not promise their order).
            let encoded = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(snapshot)) as? NSDictionary
            #expect(encoded == (try JSONSerialization.jsonObject(with: snapshot.json) as? NSDictionary))
            schedule = scheduler.review(schedule, rating, at: start + Double(i) * 86400.123, chance: Double(i) / 7)
        }
    }

    @Test func theQueueKeptInMemoryAgreesWithTheDatabase() async throws {
        let store = try ReviseStore.inMemory()
        try save(store, Self.terror)
        try store.refreshCards(at: start)
        let scheduler = try Scheduler(fuzz: false)
        var now = start
        var day = start - 3600
        func agree(_ newPerDay: Int = 3, _ line: Int = #line) throws {
            let kept = try store.nextStudyCard(at: now, newPerDay: newPerDay, dayStart: day)
            let read = try store.nextCard(at: now, newPerDay: newPerDay, dayStart: day)
            let c = read.queue.counts
            #expect(kept.counts == c, "line \(line)")
            #expect(kept.card == read.card, "line \(line)")
        }
        try agree()
        try agree(50)
        let cards = try store.cards()
        for (i, rating) in [Rating.good, .again, .easy, .hard, .good, .good].enumerated() {
            let next = try #require(try store.nextStudyCard(at: now, newPerDay: 3, dayStart: day).card)
            let rated = try await store.review(card: next.card.id, rating: rating, at: now, dayStart: day, scheduler: scheduler)
            #expect(rated.card == next.card)
            #expect(rated == (try store.card(id: next.card.id)))
            try agree()
            now += Double(120 * (i + 1))
            try agree()
        }
        try store.setSuspended(true, card: cards[4].card.id)
        try agree(50)
        try store.editCard(id: cards[5].card.id, prompt: "Reworded?", answer: "Reworded.", at: now)
        try agree(50)
        _ = try store.undoLastReview()
        try agree()
        _ = try store.review(card: cards[0].card.id, rating: .again, at: now + 1, scheduler: scheduler)
        try agree()
        // The next day, and a month on.
        now += 86400
        day += 86400
        try agree()
        now += 86400 * 30
        day += 86400 * 30
        try agree(50)
        let due = try #require(try store.nextStudyCard(at: now, newPerDay: 50, dayStart: day).card)
        _ = try await store.review(card: due.card.id, rating: .easy, at: now, dayStart: day, scheduler: scheduler)
        try agree(50)
    }

    @Test func theDatabaseIsUpgradedWithCardTables() throws {
        let store = try ReviseStore.inMemory()
        #expect(try store.cards().isEmpty)
        #expect(try store.refreshCards(at: start).added == 0)
    }
}

/// Knowledge extracted by an older version of Revise is read again from the stored outlines.
struct KnowledgeVersionTests {
    @Test func staleKnowledgeIsExtractedAgainOnce() throws {
        let store = try ReviseStore.inMemory()
        _ = try store.save(
            try NoteImporter.parse(bytes: Array("Terror:\n- Kirov was murdered in December 1934.\n".utf8), name: "t.txt"),
            path: "/n/t.txt", at: Date())
        // As if an older Revise had written it: the knowledge emptied and its version set back.
        try store.writer.write { db in
            try db.execute(sql: "UPDATE knowledge SET body = ?", arguments: [Data(KnowledgeArchive.encode(SourceKnowledge(source: "t.txt")))])
            try db.execute(sql: "UPDATE setting SET value = '0' WHERE key = 'knowledgeVersion'")
        }
        let kb = try store.knowledgeBase()
        #expect(kb.facts.contains { $0.kind == .event && $0.when?.year == 1934 })
        let version = try store.writer.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'knowledgeVersion'") }
        #expect(version == String(FactExtractor.version))
    }
}
