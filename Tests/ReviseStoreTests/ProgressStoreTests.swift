import Foundation
import ReviseCore
import TestSupport
import Testing

@testable import ReviseStore

/// What Today and Stats read: the streak, what is due later today, the most forgotten topics, true retention by
/// week and the spread of intervals; and the student's wording of a card, kept through re-imports.
struct ProgressStoreTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func storeWithCards() throws -> (ReviseStore, [StoredCard]) {
        let store = try ReviseStore.inMemory()
        _ = try store.save(try NoteImporter.parse(bytes: Array(CardStoreTests.terror.utf8), name: "terror.txt"), path: "/notes/terror.txt", at: start)
        try store.refreshCards(at: start)
        return (store, try store.cards())
    }

    @Test func theStreakCountsDaysInARowWithReviews() throws {
        let (store, cards) = try storeWithCards()
        let scheduler = try Scheduler(fuzz: false)
        let day = 86400.0
        // Reviews three days running, then a gap of a day, then today's.
        for (offset, card) in [(-4.0, 0), (-2.0, 1), (-1.0, 2), (0.0, 3)] {
            _ = try store.review(card: cards[card].card.id, rating: .good, at: start + offset * day, scheduler: scheduler)
        }
        let today = try store.today(at: start + 60, newPerDay: 20, dayStart: start - 1)
        #expect(today.streak == 3)
        #expect(today.reviewedToday == 1)
        // Before studying today, yesterday's streak still stands.
        let tomorrow = try store.today(at: start + day + 60, newPerDay: 20, dayStart: start + day - 1)
        #expect(tomorrow.streak == 3)
        #expect(try store.today(at: start + 3 * day, newPerDay: 20, dayStart: start + 3 * day - 1).streak == 0)
    }

    @Test func todayCountsDueNowLaterAndNewAndTheMostForgottenTopics() throws {
        let (store, cards) = try storeWithCards()
        let scheduler = try Scheduler(fuzz: false)
        _ = try store.review(card: cards[0].card.id, rating: .again, at: start, scheduler: scheduler)
        _ = try store.review(card: cards[1].card.id, rating: .good, at: start, scheduler: scheduler)
        let today = try store.today(at: start + 30, newPerDay: 5, dayStart: start - 60)
        #expect(today.dueNow == 0)
        #expect(today.dueLaterToday == 2)
        #expect(today.newLeft == 3)
        #expect(today.forgotten.first?.count == 1)
        #expect(today.forgotten.first?.topic == cards[0].card.topic.joined(separator: " / "))
    }

    @Test func trueRetentionCountsOnlyCardsThatWereInReview() throws {
        let (store, cards) = try storeWithCards()
        let scheduler = try Scheduler(fuzz: false)
        let id = cards[0].card.id
        _ = try store.review(card: id, rating: .easy, at: start, scheduler: scheduler)  // new → review: not counted
        let first = try #require(try store.card(id: id)).schedule.due
        _ = try store.review(card: id, rating: .good, at: first, scheduler: scheduler)  // remembered
        let second = try #require(try store.card(id: id)).schedule.due
        _ = try store.review(card: id, rating: .again, at: second, scheduler: scheduler)  // forgotten
        let weeks = try store.retentionByWeek(weeks: 52, dayStart: StudyDay.start(of: second))
        #expect(weeks.count == 52)
        #expect(weeks.reduce(0) { $0 + $1.reviews } == 2)
        #expect(weeks.reduce(0) { $0 + $1.remembered } == 1)
        let perDay = try store.reviewsPerDay(days: 400, dayStart: StudyDay.start(of: second))
        #expect(perDay.reduce(0, +) == 3)
        #expect(perDay.last == 1)
        let intervals = try store.intervalDistribution()
        #expect(intervals.count == 10)
        let inReview = try store.cardCounts().review
        #expect(intervals.reduce(0) { $0 + $1.cards } == inReview)
    }

    @Test func aRewordedCardKeepsItsWordsThroughReimportAndCanGoBack() throws {
        let (store, cards) = try storeWithCards()
        let card = cards[0].card
        #expect(try store.editCard(id: card.id, prompt: "  My own question?  ", answer: "", at: start))
        var edited = try #require(try store.card(id: card.id))
        #expect(edited.card.prompt == "My own question?")
        #expect(edited.card.answer == card.answer)
        #expect(edited.generated == CardText(prompt: card.prompt, answer: card.answer))
        // The notes grow; the cards are made again; the wording stays.
        let grown = CardStoreTests.terror + "- In 1938 Bukharin was shot.\n"
        _ = try store.save(try NoteImporter.parse(bytes: Array(grown.utf8), name: "terror.txt"), path: "/notes/terror.txt", at: start + 60)
        try store.refreshCards(at: start + 60)
        edited = try #require(try store.card(id: card.id))
        #expect(edited.card.prompt == "My own question?")
        #expect(try store.cards().first { $0.card.id == card.id }?.card.prompt == "My own question?")
        // Back to Revise's wording: the edit is gone.
        #expect(try store.editCard(id: card.id, prompt: card.prompt, answer: card.answer, at: start + 120))
        #expect(try store.card(id: card.id)?.generated == nil)
        #expect(!(try store.editCard(id: "nope", prompt: "a", answer: "b", at: start)))
    }
}
