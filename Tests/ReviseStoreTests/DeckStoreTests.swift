import Foundation
import ReviseCore
import TestSupport
import Testing

@testable import ReviseStore

/// Decks from other tools in the store: their cards as written, their history replayed through FSRS, their
/// media kept, and nothing doubled when the same deck (or Revise's own export) comes in again.
struct DeckStoreTests {
    let day = Date(timeIntervalSince1970: 1_790_000_000)

    var deck: CardDeck {
        CardDeck(
            title: "spanish",
            notes: [
                .init(
                    shape: .basic, front: "el perro", back: "the dog", deck: ["Spanish", "Animals"], tags: ["nouns"], line: 1,
                    reviews: [
                        .init(card: 0, rating: .good, at: day), .init(card: 0, rating: .good, at: day + 3 * 86_400),
                        .init(card: 0, rating: .again, at: day + 12 * 86_400),
                    ]),
                .init(shape: .bothWays, front: "comer", back: "to eat <img src=\"eat.png\">", deck: ["Spanish", "Verbs"], line: 2),
            ],
            media: ["eat.png": [0x89, 0x50, 0x4E, 0x47]], isHTML: true)
    }

    @Test func aDeckBringsItsCardsHistoryAndMedia() throws {
        let store = try ReviseStore.inMemory()
        let scheduler = try Scheduler()
        let done = try store.importDeck(
            deck, contentHash: "h1", byteCount: 100, path: "/decks/spanish.apkg", scheduler: scheduler, at: day + 20 * 86_400)
        #expect(done.outcome == .added)
        #expect(done.cards == 3 && done.newCards == 3 && done.reviews == 3 && done.media == 1)
        let cards = try store.cards()
        #expect(cards.map(\.card.prompt) == ["el perro", "comer", "to eat [image: eat.png]"])
        #expect(cards[0].card.tags == ["nouns"])
        #expect(try store.media(named: "eat.png") == [0x89, 0x50, 0x4E, 0x47])
        // The memory state is Revise's FSRS over the same history.
        let perro = cards[0]
        var expected = CardSchedule(due: day)
        for (rating, at) in [(Rating.good, day), (.good, day + 3 * 86_400), (.again, day + 12 * 86_400)] {
            expected = scheduler.review(expected, rating, at: at)
        }
        #expect(perro.schedule == expected)
        #expect(perro.reviewCount == 3 && perro.lapseCount == 1)
        #expect(try store.reviews(of: perro.card.id).map(\.rating) == [.good, .good, .again])
        // The knowledge's cards are the deck's: refreshing makes no others and retires none.
        let refresh = try store.refreshCards(at: day + 20 * 86_400)
        #expect(refresh.added == 0 && refresh.retired == 0)
        #expect(try store.cards().count == 3)
        // The same file again: nothing is written.
        let again = try store.importDeck(
            deck, contentHash: "h1", byteCount: 100, path: "/decks/spanish.apkg", scheduler: scheduler, at: day + 21 * 86_400)
        #expect(again.outcome == .unchanged && again.reviews == 0)
        // A changed file with one more review: only that review is added.
        var more = deck
        more.notes[0].reviews.append(.init(card: 0, rating: .good, at: day + 13 * 86_400))
        let changed = try store.importDeck(
            more, contentHash: "h2", byteCount: 120, path: "/decks/spanish.apkg", scheduler: scheduler, at: day + 21 * 86_400)
        #expect(changed.outcome == .updated && changed.reviews == 1 && changed.newCards == 0)
        #expect(try store.reviews(of: perro.card.id).count == 4)
    }

    @Test func aDeckWithoutCardsIsRefusedAndLeavesNothing() throws {
        let store = try ReviseStore.inMemory()
        let empty = CardDeck(title: "empty", notes: [.init(shape: .basic, front: "  ", back: "x", line: 1)])
        #expect(throws: StoreError.self) {
            try store.importDeck(
                empty, contentHash: "h", byteCount: 1, path: "/decks/empty.csv", scheduler: try Scheduler(), at: day)
        }
        #expect(try store.sources().isEmpty)
    }
}
