import Foundation
import GRDB
import ReviseCore
import Synchronization

/// What the store keeps in memory for a long-running study session (the web app): the study queue, the cards'
/// words, the passages they cite, and the writer that commits ratings in groups. Every write other than a rating
/// bumps `version` once it has committed, which drops what was kept; a rating updates the queue in place.
final class StudyMemory: Sendable {
    /// Bumped after every write but a rating commits (and when another process changed the file).
    let version = Atomic<UInt64>(0)
    /// The queue: every card's schedule, and the due, learning and new cards in the order to study them. Rebuilt
    /// under the lock, so a group of ratings committed meanwhile is applied after the rebuild, never lost.
    let queue = Mutex<StudyModel?>(nil)
    /// Each card's words (the part a rating does not change), read once.
    let words = Mutex<(version: UInt64, cards: [String: CardWords])>((0, [:]))
    let passages = Mutex<(version: UInt64, byCitation: [Citation: Passage?])>((0, [:]))
    let committer = ReviewCommitter()
    let checkpointer = Checkpointer()
    /// `PRAGMA data_version` of the writer connection when a group of ratings was last committed: it changes only
    /// when another connection (another process) commits.
    let dataVersion = Mutex<Int?>(nil)

    typealias Passage = (topic: String, text: String)

    func changed() { version.add(1, ordering: .sequentiallyConsistent) }
    var current: UInt64 { version.load(ordering: .sequentiallyConsistent) }
}

/// The words of a card and the student's rewording, as `selectCards` reads them.
struct CardWords: Sendable {
    var card: Card
    var generated: CardText?
}

/// A card's place in the study queue: what the store's `studyQueue` query orders by.
struct QueueItem: Sendable {
    var due: Double
    var rowid: Int64
    var id: String
    var isNew: Bool
}

/// Where a card stands: its schedule and counts, as the `card` table has them.
struct CardState: Sendable {
    var rowid: Int64
    var schedule: CardSchedule
    var due: Double
    var reviewCount: Int
    var lapseCount: Int
    var suspended: Bool
    var retired: Bool
    /// First rated on the model's day (it counts against the day's new cards).
    var introduced: Bool

    var studied: Bool { !retired && !suspended }
    var inLearning: Bool { studied && schedule.lastReview != nil && schedule.phase != .review }
    var inReviews: Bool { studied && schedule.phase == .review }
    var inFresh: Bool { studied && schedule.lastReview == nil }
}

/// The study queue kept in memory: the same cards, in the same order, as `ReviseStore.studyQueue` reads.
struct StudyModel: Sendable {
    var version: UInt64
    var dayStart: Double
    var cards: [String: CardState] = [:]
    /// Learning and relearning cards that have been rated, by due (then rowid).
    var learning: [QueueItem] = []
    /// Cards in review, by due (then rowid).
    var reviews: [QueueItem] = []
    /// Cards never rated, by rowid.
    var fresh: [QueueItem] = []
    /// Cards first rated today.
    var introduced = 0

    init(version: UInt64, dayStart: Double) {
        self.version = version
        self.dayStart = dayStart
    }

    static func read(_ db: Database, version: UInt64, dayStart: Double) throws -> StudyModel {
        var model = StudyModel(version: version, dayStart: dayStart)
        let introduced = Set(
            try String.fetchAll(
                db,
                sql: """
                    SELECT id FROM card WHERE lastReview >= ? AND NOT EXISTS
                    (SELECT 1 FROM review r WHERE r.cardId = card.id AND r.at < ?)
                    """, arguments: [dayStart, dayStart]))
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT rowid, id, phase, step, stability, difficulty, due, lastReview, reviewCount, lapseCount,
                    suspended, retired FROM card
                """)
        while let row = try rows.next() {
            let id: String = row[1]
            let due: Double = row[6]
            let state = CardState(
                rowid: row[0],
                schedule: CardSchedule(
                    phase: StudyPhase(rawValue: row[2]) ?? .learning, step: row[3], stability: row[4], difficulty: row[5],
                    due: Date(timeIntervalSince1970: due), lastReview: (row[7] as Double?).map(Date.init(timeIntervalSince1970:))),
                due: due, reviewCount: row[8], lapseCount: row[9], suspended: row[10], retired: row[11],
                introduced: introduced.contains(id))
            model.cards[id] = state
            model.add(id, state, sorted: false)
        }
        model.introduced = introduced.count
        let byDue: (QueueItem, QueueItem) -> Bool = { ($0.due, $0.rowid) < ($1.due, $1.rowid) }
        model.learning.sort(by: byDue)
        model.reviews.sort(by: byDue)
        model.fresh.sort { $0.rowid < $1.rowid }
        return model
    }

    private static func item(_ id: String, _ state: CardState) -> QueueItem {
        QueueItem(due: state.due, rowid: state.rowid, id: id, isNew: state.schedule.isNew)
    }

    /// The first index whose item does not come before `item` (by due then rowid, or by rowid).
    private static func position(of item: QueueItem, in list: [QueueItem], byDue: Bool) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            let before = byDue ? (list[mid].due, list[mid].rowid) < (item.due, item.rowid) : list[mid].rowid < item.rowid
            if before { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private mutating func add(_ id: String, _ state: CardState, sorted: Bool) {
        let item = Self.item(id, state)
        if state.inLearning {
            learning.insert(item, at: sorted ? Self.position(of: item, in: learning, byDue: true) : learning.endIndex)
        }
        if state.inReviews {
            reviews.insert(item, at: sorted ? Self.position(of: item, in: reviews, byDue: true) : reviews.endIndex)
        }
        if state.inFresh { fresh.insert(item, at: sorted ? Self.position(of: item, in: fresh, byDue: false) : fresh.endIndex) }
    }

    private mutating func remove(_ id: String, _ state: CardState) {
        let item = Self.item(id, state)
        func take(_ list: inout [QueueItem], byDue: Bool) {
            let i = Self.position(of: item, in: list, byDue: byDue)
            if i < list.count, list[i].id == id {
                list.remove(at: i)
            } else {
                list.removeAll { $0.id == id }
            }
        }
        if state.inLearning { take(&learning, byDue: true) }
        if state.inReviews { take(&reviews, byDue: true) }
        if state.inFresh { take(&fresh, byDue: false) }
    }

    /// A rating was committed: the card now stands as `rated` says. Setting it again changes nothing. False when
    /// the model cannot take it (another day, a card it does not know): it must be read again.
    mutating func apply(_ rated: RatedCard) -> Bool {
        guard rated.dayStart == dayStart, let old = cards[rated.id] else { return false }
        var state = old
        state.schedule = rated.schedule
        state.due = rated.schedule.due.timeIntervalSince1970
        state.reviewCount = rated.reviewCount
        state.lapseCount = rated.lapseCount
        state.suspended = rated.suspended
        state.retired = rated.retired
        state.introduced = rated.introduced
        remove(rated.id, old)
        add(rated.id, state, sorted: true)
        cards[rated.id] = state
        introduced += (state.introduced ? 1 : 0) - (old.introduced ? 1 : 0)
        return true
    }

    /// What is left to study at `now` and the card to show first: `StudyQueue(studyQueue(…))`'s counts and next.
    func next(at now: Double, newPerDay: Int) -> (counts: (new: Int, learning: Int, review: Int), id: String?) {
        func dueCount(_ list: [QueueItem]) -> Int {
            var low = 0
            var high = list.count
            while low < high {
                let mid = (low + high) / 2
                if list[mid].due <= now { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let learningDue = dueCount(learning)
        let reviewsDue = dueCount(reviews)
        let freshLeft = min(fresh.count, max(0, newPerDay - introduced))
        var newInReviews = 0
        for item in reviews[..<reviewsDue] where item.isNew { newInReviews += 1 }
        let id = learningDue > 0 ? learning[0].id : reviewsDue > 0 ? reviews[0].id : freshLeft > 0 ? fresh[0].id : nil
        return ((freshLeft + newInReviews, learningDue, reviewsDue - newInReviews), id)
    }
}

/// A rating as committed: where the card stands after it.
struct RatedCard: Sendable {
    var id: String
    var schedule: CardSchedule
    var reviewCount: Int
    var lapseCount: Int
    var suspended: Bool
    var retired: Bool
    var dayStart: Double
    var introduced: Bool
}

/// Commits ratings in groups, on a thread of its own: the ratings that arrive while a group is being written wait
/// for the next group, which is written in one transaction. Each rating's caller resumes only after the transaction
/// holding its rating has committed.
final class ReviewCommitter: Sendable {
    struct Job {
        /// Nil for a caller that only wants to know whether another process changed the file.
        var rating: Rating?
        var id: String
        var time: Date
        var dayStart: Date
        var scheduler: Scheduler?
        var continuation: UnsafeContinuation<RatedCard?, any Error>
    }

    private let thread = WorkerThread<[Job]>(name: "revise review writer", idle: []) { !$0.isEmpty }

    func submit(_ job: Job, store: ReviseStore) {
        thread.add { $0.append(job) } perform: { store.commit($0) }
    }
}

/// Checkpoints the WAL on a thread and connection of its own, asked for every `groupsPerCheckpoint` groups of
/// ratings. The checkpoint is passive: it never waits for the writer nor makes it wait. Without it, SQLite
/// checkpoints inside a commit once the WAL reaches 1,000 pages, on the writer's thread, and waits for the disk
/// while the next group's ratings wait for it; with it, that checkpoint seldom has anything left to copy. SQLite's
/// own checkpoint stays on, so the WAL is still checkpointed whenever this one has not kept up (and in the command
/// line, which rates one card at a time).
final class Checkpointer: @unchecked Sendable {
    static let groupsPerCheckpoint = 40

    /// The database file; nil for a store in memory. Set once, before any rating.
    var path: String?
    /// Checkpoints run so far (for tests).
    let done = Atomic<Int>(0)
    /// Groups committed since the last checkpoint.
    private let thread = WorkerThread<Int>(name: "revise checkpointer", idle: 0) { $0 >= Checkpointer.groupsPerCheckpoint }
    /// The checkpointer's own connection, opened by its first checkpoint (only its thread uses it).
    private var connection: DatabaseQueue?

    /// A group of ratings has committed.
    func committed() {
        guard path != nil else { return }
        thread.add { $0 += 1 } perform: { [self] _ in checkpoint() }
    }

    private func checkpoint() {
        guard let path else { return }
        do {
            if connection == nil { connection = try DatabaseQueue(path: path) }
            // Refused (busy) while SQLite's own checkpoint runs, which then does the work.
            try connection?.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
            done.add(1, ordering: .relaxed)
        } catch {}
    }
}

/// A thread of its own for work handed over in turns: started when there is work worth a turn, asleep between
/// turns, and ended after five seconds with none. Each turn takes all the work added since the last one.
final class WorkerThread<Work>: @unchecked Sendable {
    private let name: String
    /// What is left once a turn has taken the work.
    private let idle: Work
    /// Whether the work added so far is worth a turn.
    private let ready: @Sendable (Work) -> Bool
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var work: Work
    private var running = false

    init(name: String, idle: Work, ready: @escaping @Sendable (Work) -> Bool) {
        self.name = name
        self.idle = idle
        self.ready = ready
        work = idle
    }

    /// Adds to the work; once it is worth a turn, wakes the thread, or starts one that runs `perform` for each turn
    /// (the thread holds `perform`, and what it holds, only while it runs).
    func add(_ change: (inout Work) -> Void, perform: @escaping @Sendable (Work) -> Void) {
        condition.lock()
        change(&work)
        guard ready(work) else {
            condition.unlock()
            return
        }
        if running {
            condition.signal()
            condition.unlock()
            return
        }
        running = true
        condition.unlock()
        let thread = Thread { [self] in run(perform) }
        thread.name = name
        thread.start()
    }

    private func run(_ perform: (Work) -> Void) {
        while true {
            condition.lock()
            let deadline = Date(timeIntervalSinceNow: 5)
            while !ready(work), condition.wait(until: deadline) {}
            guard ready(work) else {
                running = false
                condition.unlock()
                return
            }
            var turn = idle
            swap(&turn, &work)
            condition.unlock()
            perform(turn)
        }
    }
}

extension ReviseStore {
    /// Rates a card with the other ratings that arrive meanwhile, in one transaction; returns once that
    /// transaction has committed (the rating is on disk). Reads and writes only the card's schedule.
    func commitRating(card id: String, rating: Rating, at time: Date, dayStart: Date, scheduler: Scheduler) async throws(StoreError) -> RatedCard {
        do {
            let rated = try await withUnsafeThrowingContinuation { continuation in
                memory.committer.submit(
                    .init(rating: rating, id: id, time: time, dayStart: dayStart, scheduler: scheduler, continuation: continuation),
                    store: self)
            }
            guard let rated else { throw StoreError.database("the rating was not saved") }
            return rated
        } catch {
            throw StoreError(error)
        }
    }

    /// Makes sure the kept queue knows of what another process committed (it is dropped if so).
    func checkForOtherWriters() async throws(StoreError) {
        do {
            _ = try await withUnsafeThrowingContinuation { continuation in
                memory.committer.submit(
                    .init(rating: nil, id: "", time: Date(), dayStart: Date(), scheduler: nil, continuation: continuation), store: self)
            }
        } catch {
            throw StoreError(error)
        }
    }

    /// Writes a group of ratings in one transaction (on the committer's thread), then updates the kept queue,
    /// then answers each caller.
    fileprivate func commit(_ batch: [Job]) {
        // Ratings of one card in the order they were given.
        let order = batch.indices.sorted { batch[$0].time < batch[$1].time }
        var results = [Result<RatedCard?, StoreError>](repeating: .success(nil), count: batch.count)
        var othersWrote = false
        let hasRatings = batch.contains { $0.rating != nil }
        do {
            let check: (Database) throws -> Void = { db in
                let pragma = try RawStatement(db, "PRAGMA data_version")
                defer { pragma.done() }
                let version: Int? = try pragma.step() ? pragma.int(0) : nil
                othersWrote = self.memory.dataVersion.withLock { last in
                    defer { last = version }
                    return last != nil && last != version
                }
            }
            if !hasRatings {
                try writer.writeWithoutTransaction(check)
            } else {
                try writer.write { db in
                    try check(db)
                    for index in order {
                        let job = batch[index]
                        guard let rating = job.rating, let scheduler = job.scheduler else { continue }
                        do {
                            results[index] = .success(
                                try Self.rate(job.id, rating, at: job.time, dayStart: job.dayStart, scheduler: scheduler, db: db))
                        } catch let error as StoreError {
                            // Refused before anything was written: the others go ahead.
                            results[index] = .failure(error)
                        }
                    }
                }
            }
        } catch {
            let failure = StoreError(error)
            results = batch.map { _ in .failure(failure) }
        }
        if othersWrote { memory.changed() }
        if hasRatings { memory.checkpointer.committed() }
        memory.queue.withLock { model in
            for case .success(let rated?) in results where model != nil {
                if !model!.apply(rated) { model = nil }
            }
        }
        for (job, result) in zip(batch, results) {
            job.continuation.resume(with: result.mapError { $0 as any Error })
        }
    }

    typealias Job = ReviewCommitter.Job

    /// One rating, in the caller's transaction: the card's schedule read, the next one worked out, both saved
    /// with the review (and what undo puts back). The card's words are not read. The statements go through
    /// SQLite's C interface (`RawStatement`): under load they run thousands of times a second, and GRDB's arguments
    /// and rows were about a fifth of the writer thread's time.
    static func rate(_ id: String, _ rating: Rating, at time: Date, dayStart: Date, scheduler: Scheduler, db: Database) throws -> RatedCard {
        let select = try RawStatement(
            db,
            """
            SELECT phase, step, stability, difficulty, due, lastReview, reviewCount, lapseCount, suspended, retired
            FROM card WHERE id = ?
            """)
        select.bind(1, id)
        guard try select.step() else {
            select.done()
            throw StoreError.notFound("there is no card \(id)")
        }
        let before = CardSchedule(
            phase: StudyPhase(rawValue: select.text(0)) ?? .learning, step: select.optionalInt(1),
            stability: select.optionalDouble(2), difficulty: select.optionalDouble(3),
            due: Date(timeIntervalSince1970: select.double(4)),
            lastReview: select.optionalDouble(5).map(Date.init(timeIntervalSince1970:)))
        var reviewCount = select.int(6)
        var lapseCount = select.int(7)
        let suspended = select.int(8) != 0
        let retired = select.int(9) != 0
        select.done()
        if let last = before.lastReview, time < last {
            throw StoreError.invalid("card \(id) was last reviewed at \(Timestamp.format(last)); a review cannot come before it")
        }
        let previous = ScheduleSnapshot(schedule: before, reviewCount: reviewCount, lapseCount: lapseCount).bytes
        var s = scheduler.review(before, rating, at: time, chance: Double.random(in: 0..<1))
        reviewCount += 1
        if rating == .again, before.phase == .review { lapseCount += 1 }
        // As the card table will give them back.
        s.due = Date(timeIntervalSince1970: s.due.timeIntervalSince1970)
        s.lastReview = s.lastReview.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970) }
        let update = try RawStatement(
            db,
            """
            UPDATE card SET phase = ?, step = ?, stability = ?, difficulty = ?, due = ?, lastReview = ?,
                reviewCount = ?, lapseCount = ? WHERE id = ?
            """)
        update.bind(1, s.phase.rawValue)
        update.bind(2, s.step)
        update.bind(3, s.stability)
        update.bind(4, s.difficulty)
        update.bind(5, s.due.timeIntervalSince1970)
        update.bind(6, s.lastReview?.timeIntervalSince1970)
        update.bind(7, reviewCount)
        update.bind(8, lapseCount)
        update.bind(9, id)
        try update.run()
        let insert = try RawStatement(
            db,
            """
            INSERT INTO review (cardId, rating, at, phase, step, stability, difficulty, due, previous)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insert.bind(1, id)
        insert.bind(2, rating.rawValue)
        insert.bind(3, time.timeIntervalSince1970)
        insert.bind(4, s.phase.rawValue)
        insert.bind(5, s.step)
        insert.bind(6, s.stability)
        insert.bind(7, s.difficulty)
        insert.bind(8, s.due.timeIntervalSince1970)
        insert.bind(9, blob: previous)
        try insert.run()
        let start = dayStart.timeIntervalSince1970
        var introduced = false
        if let last = s.lastReview, last.timeIntervalSince1970 >= start {
            let earlier = try RawStatement(db, "SELECT EXISTS (SELECT 1 FROM review WHERE cardId = ? AND at < ?)")
            earlier.bind(1, id)
            earlier.bind(2, start)
            defer { earlier.done() }
            introduced = try earlier.step() ? earlier.int(0) == 0 : true
        }
        return RatedCard(
            id: id, schedule: s, reviewCount: reviewCount, lapseCount: lapseCount, suspended: suspended, retired: retired,
            dayStart: start, introduced: introduced)
    }

    /// Rates a card with the ratings that arrive meanwhile (one transaction for the group), and returns it as it
    /// stands after: once this returns, the rating is on disk. For a server answering many ratings at once; the
    /// same rules as `review(card:rating:at:scheduler:)`.
    public func review(
        card id: String, rating: Rating, at time: Date, dayStart: Date, scheduler: Scheduler
    ) async throws(StoreError) -> StoredCard {
        let rated = try await commitRating(card: id, rating: rating, at: time, dayStart: dayStart, scheduler: scheduler)
        guard let words = try words(of: id) else { throw StoreError.notFound("there is no card \(id)") }
        return StoredCard(
            card: words.card, schedule: rated.schedule, suspended: rated.suspended, retired: rated.retired,
            reviewCount: rated.reviewCount, lapseCount: rated.lapseCount, generated: words.generated)
    }

    /// A card's words (with the student's rewording), kept after the first read until a write changes them.
    func words(of id: String) throws(StoreError) -> CardWords? {
        let version = memory.current
        if let words = memory.words.withLock({ $0.version == version ? $0.cards[id] : nil }) { return words }
        guard let stored = try read({ db in
            try Row.fetchOne(try db.cachedStatement(sql: "\(Self.selectCards) WHERE card.id = ?"), arguments: [id]).map(Self.storedCard)
        }) else { return nil }
        let words = CardWords(card: stored.card, generated: stored.generated)
        memory.words.withLock { kept in
            if kept.version != version { kept = (version, [:]) }
            kept.cards[id] = words
        }
        return words
    }

    /// What to study now and the card to show first, from the queue kept in memory (read again after any write
    /// but a rating, and each new day). The same as `nextCard(at:newPerDay:dayStart:preferring:)` without a
    /// preferred card.
    public func nextStudyCard(
        at now: Date, newPerDay: Int, dayStart: Date
    ) throws(StoreError) -> (counts: (new: Int, learning: Int, review: Int), card: StoredCard?) {
        let start = dayStart.timeIntervalSince1970
        let found: ((new: Int, learning: Int, review: Int), String?, CardState?)
        do {
            found = try memory.queue.withLock { model in
                let version = memory.current
                if model == nil || model!.version != version || model!.dayStart != start {
                    model = try writer.read { db in try StudyModel.read(db, version: version, dayStart: start) }
                }
                let (counts, id) = model!.next(at: now.timeIntervalSince1970, newPerDay: newPerDay)
                return (counts, id, id.flatMap { model!.cards[$0] })
            }
        } catch {
            throw StoreError(error)
        }
        let (counts, id, state) = found
        guard let id, let state, let words = try words(of: id) else { return (counts, nil) }
        return (
            counts,
            StoredCard(
                card: words.card, schedule: state.schedule, suspended: state.suspended, retired: state.retired,
                reviewCount: state.reviewCount, lapseCount: state.lapseCount, generated: words.generated)
        )
    }

    /// The version of what the store holds for study: it changes with every write but a rating (imports, edits,
    /// suspensions, undo) and when another process writes to the file. What is drawn from the cards' words can be
    /// kept while it stays the same.
    public var wordsVersion: UInt64 { memory.current }

    /// Asks the writer whether another process changed the file since the last group of ratings; if so, what is
    /// kept in memory is read again. A study page calls this before showing the queue.
    public func noticeOtherWriters() async throws(StoreError) { try await checkForOtherWriters() }
}
