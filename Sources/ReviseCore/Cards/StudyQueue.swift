import Foundation

/// The order of a study session: cards in learning that are due, then reviews that are due, then new cards; a card
/// rated during the session comes back when its next learning step is due, and one due within the learn-ahead
/// window is shown early when nothing else is left, as a student at the desk would want.
public struct StudyQueue: Sendable {
    public struct Entry: Hashable, Sendable {
        public var id: String
        public var schedule: CardSchedule

        public init(id: String, schedule: CardSchedule) {
            self.id = id
            self.schedule = schedule
        }

        var isLearning: Bool { !schedule.isNew && schedule.phase != .review }
    }

    /// In the order the store gave them: learning, reviews, new.
    public private(set) var waiting: [Entry]
    public private(set) var done = 0
    /// Seconds: how early a learning card may be shown when nothing else is due.
    public var learnAhead: Double

    public init(_ entries: [Entry], learnAhead: Double = 20 * 60) {
        waiting = entries
        self.learnAhead = learnAhead
    }

    /// The next card to show at `now`, or nil when the session is over.
    public func next(at now: Date) -> Entry? {
        // Learning cards whose step has come round go first, then the rest in order; a learning card that is not
        // due yet waits unless it is all that is left and due within the learn-ahead window.
        if let due = waiting.filter({ $0.isLearning && $0.schedule.due <= now }).min(by: { $0.schedule.due < $1.schedule.due }) {
            return due
        }
        if let other = waiting.first(where: { !$0.isLearning || $0.schedule.due <= now }) { return other }
        return waiting.filter { $0.schedule.due <= now.addingTimeInterval(learnAhead) }.min { $0.schedule.due < $1.schedule.due }
    }

    /// A card was rated: it leaves the queue, and comes back if its next learning step falls within the session.
    public mutating func rated(_ id: String, now: Date, after schedule: CardSchedule) {
        waiting.removeAll { $0.id == id }
        done += 1
        if schedule.phase != .review, schedule.due <= now.addingTimeInterval(learnAhead) {
            waiting.append(Entry(id: id, schedule: schedule))
        }
    }

    /// A card leaves without a rating (suspended).
    public mutating func remove(_ id: String) { waiting.removeAll { $0.id == id } }

    /// A rating was taken back: the card is shown again next.
    public mutating func undone(_ entry: Entry) {
        waiting.removeAll { $0.id == entry.id }
        waiting.insert(entry, at: 0)
        done = max(0, done - 1)
    }

    public var counts: (new: Int, learning: Int, review: Int) {
        (
            waiting.filter { $0.schedule.isNew }.count, waiting.filter(\.isLearning).count,
            waiting.filter { !$0.schedule.isNew && $0.schedule.phase == .review }.count
        )
    }
}
