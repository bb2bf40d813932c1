import Foundation
import GRDB
import ReviseCore
import Synchronization

/// The student's day: it starts at local midnight.
public enum StudyDay {
    public static func start(of now: Date) -> Date {
        if let day = today.withLock({ $0 }), day.start <= now, now < day.next { return day.start }
        let calendar = Calendar.current
        let start = calendar.startOfDay(for: now)
        // A day is 23 to 25 hours long: 30 hours on is always within the next one.
        let next = calendar.startOfDay(for: start.addingTimeInterval(30 * 3600))
        today.withLock { $0 = (start, next) }
        return start
    }

    /// The last day asked for, kept: working it out through the calendar takes longer than a rating.
    private static let today = Mutex<(start: Date, next: Date)?>(nil)
}

extension ReviseStore {
    /// Where the student stands today: what is due, what is new, how long the streak is, what they keep forgetting.
    public struct Today: Hashable, Sendable, Codable {
        /// Learning and review cards due now.
        public var dueNow: Int
        /// Cards that come due later today (learning steps, mostly).
        public var dueLaterToday: Int
        /// New cards left for today under the daily limit.
        public var newLeft: Int
        public var reviewedToday: Int
        /// Days in a row, up to today (or yesterday, when nothing is studied yet today), with at least one review.
        public var streak: Int
        /// Topics by how often their cards were forgotten (rated "again"), most first.
        public var forgotten: [TopicCount]
        public var counts: CardCounts
    }

    public struct TopicCount: Hashable, Sendable, Codable {
        public var topic: String
        public var count: Int
    }

    public func today(at now: Date, newPerDay: Int, dayStart: Date) throws(StoreError) -> Today {
        let queue = try studyQueue(at: now, newPerDay: newPerDay, dayStart: dayStart)
        let counts = try cardCounts()
        return try read { db in
            let start = dayStart.timeIntervalSince1970
            let later =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM card WHERE retired = 0 AND suspended = 0 AND lastReview IS NOT NULL
                        AND due > ? AND due < ?
                        """, arguments: [now.timeIntervalSince1970, start + 86400]) ?? 0
            // Day numbers relative to today (0 today, -1 yesterday). CAST truncates toward zero, so the offset
            // makes it round down (SQLite's floor() is not in every build).
            let days = Set(
                try Int.fetchAll(
                    db, sql: "SELECT DISTINCT CAST((at - ?) / 86400.0 + 1000000 AS INTEGER) - 1000000 FROM review",
                    arguments: [start]))
            var streak = 0
            var day = days.contains(0) ? 0 : -1
            while days.contains(day) {
                streak += 1
                day -= 1
            }
            let reviewedToday = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review WHERE at >= ?", arguments: [start]) ?? 0
            let forgotten = try Row.fetchAll(
                db,
                sql: """
                    SELECT card.topic AS topic, COUNT(*) AS n FROM review JOIN card ON card.id = review.cardId
                    WHERE review.rating = 1 AND card.retired = 0 GROUP BY card.topic ORDER BY n DESC, card.topic LIMIT 5
                    """
            ).map { TopicCount(topic: $0["topic"], count: $0["n"]) }
            return Today(
                dueNow: queue.filter { !$0.schedule.isNew }.count, dueLaterToday: later,
                newLeft: queue.filter(\.schedule.isNew).count, reviewedToday: reviewedToday, streak: streak,
                forgotten: forgotten, counts: counts)
        }
    }

    /// Reviews on each of the `days` days up to and including the one starting at `dayStart`, oldest first.
    public func reviewsPerDay(days: Int, dayStart: Date) throws(StoreError) -> [Int] {
        try read { db in
            let first = dayStart.timeIntervalSince1970 - Double(days - 1) * 86400
            var perDay = Array(repeating: 0, count: days)
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT CAST((at - ?) / 86400.0 AS INTEGER) AS day, COUNT(*) AS n FROM review
                    WHERE at >= ? GROUP BY day
                    """, arguments: [first, first])
            {
                let day: Int = row["day"]
                if day >= 0, day < days { perDay[day] = row["n"] }
            }
            return perDay
        }
    }

    /// True retention of one week: of the ratings given to cards that were in review, the share not "again".
    public struct WeekRetention: Hashable, Sendable, Codable {
        /// The week's first day.
        public var start: Date
        public var reviews: Int
        public var remembered: Int
        public var retention: Double? { reviews > 0 ? Double(remembered) / Double(reviews) : nil }
    }

    /// True retention for each of the last `weeks` weeks (the last one ends with today), oldest first. A rating
    /// counts when the card's previous rating had put it in review.
    public func retentionByWeek(weeks: Int, dayStart: Date) throws(StoreError) -> [WeekRetention] {
        try read { db in
            let end = dayStart.timeIntervalSince1970 + 86400
            let first = end - Double(weeks) * 7 * 86400
            var result = (0..<weeks).map {
                WeekRetention(start: Date(timeIntervalSince1970: first + Double($0) * 7 * 86400), reviews: 0, remembered: 0)
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT at, rating, before FROM (
                        SELECT at, rating, LAG(phase) OVER (PARTITION BY cardId ORDER BY at, id) AS before FROM review)
                    WHERE before = 'review' AND at >= ?
                    """, arguments: [first])
            {
                let week = Int((row["at"] as Double - first) / (7 * 86400))
                guard week >= 0, week < weeks else { continue }
                result[week].reviews += 1
                if row["rating"] as Int > 1 { result[week].remembered += 1 }
            }
            return result
        }
    }

    /// How many cards in review wait how long between reviews.
    public struct IntervalBucket: Hashable, Sendable, Codable {
        public var label: String
        /// The bucket holds intervals up to this many days.
        public var upToDays: Int?
        public var cards: Int
    }

    public func intervalDistribution() throws(StoreError) -> [IntervalBucket] {
        let bounds: [(String, Int?)] = [
            ("1 d", 1), ("2 d", 2), ("3–4 d", 4), ("5–7 d", 7), ("1–2 wk", 14), ("2–4 wk", 30), ("1–2 mo", 60),
            ("2–4 mo", 120), ("4–12 mo", 365), ("> 1 yr", nil),
        ]
        var buckets = bounds.map { IntervalBucket(label: $0.0, upToDays: $0.1, cards: 0) }
        let intervals: [Double] = try read { db in
            try Double.fetchAll(
                db,
                sql: "SELECT due - lastReview FROM card WHERE retired = 0 AND suspended = 0 AND phase = 'review' AND lastReview IS NOT NULL")
        }
        for seconds in intervals {
            let days = Int((seconds / 86400).rounded())
            let index = buckets.firstIndex { $0.upToDays.map { days <= $0 } ?? true } ?? buckets.count - 1
            buckets[index].cards += 1
        }
        return buckets
    }
}
