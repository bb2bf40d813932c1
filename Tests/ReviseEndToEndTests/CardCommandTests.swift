import Foundation
import TestSupport
import Testing

/// The card and review commands as a user runs them: cards from imported notes, one card, suspending, what is due,
/// rating a card, and the mistakes a user makes.
@Suite(.serialized)
struct CardCommandTests {
    func imported() throws -> CLI { try CLI.withColdWarNotes() }

    @Test func cardsAreListedStudiedAndRated() throws {
        let cli = try imported()
        defer { cli.cleanUp() }
        let listing = try cli.run(["cards", "--json"])
        #expect(listing.status == 0, "\(listing.err)")
        let cards = try #require(try CLI.json(listing.out)["cards"] as? [[String: Any]])
        #expect(cards.count >= 20)
        for card in cards {
            #expect((card["citations"] as? [String])?.first?.contains(".txt:") == true || (card["citations"] as? [String])?.first?.contains(".md:") == true)
            #expect(card["state"] as? String == "new")
        }
        // The same notes give the same ids every time.
        let again = try #require(try CLI.json(try cli.run(["cards", "--json"]).out)["cards"] as? [[String: Any]])
        #expect(again.compactMap { $0["id"] as? String } == cards.compactMap { $0["id"] as? String })
        let reverse = try cli.run(["cards", "--type", "reverse"])
        #expect(reverse.status == 0 && reverse.out.contains("What is meant by"))

        let due = try #require(try CLI.json(try cli.run(["due", "--json", "--new", "5"]).out) as [String: Any]?)
        let queue = try #require(due["cards"] as? [[String: Any]])
        #expect(queue.count == 5)
        let id = try #require(queue.first?["id"] as? String)
        let rated = try cli.run(["review", id, "good", "--at", "2026-01-05T09:00:00Z"])
        #expect(rated.status == 0 && rated.out.contains("rated good"), "\(rated.err)")
        let detail = try #require(try CLI.json(try cli.run(["card", String(id.prefix(8)), "--json"]).out) as [String: Any]?)
        #expect((detail["history"] as? [[String: Any]])?.count == 1)
        #expect((detail["card"] as? [String: Any])?["state"] as? String == "learning")
        #expect(try cli.run(["review", id, "easy", "--at", "2026-01-05T09:11:00Z"]).status == 0)
        let text = try cli.run(["card", id])
        #expect(text.out.contains("2 reviews") && text.out.contains("From: "))

        let stats = try CLI.json(try cli.run(["stats", "--json", "--svg", cli.folder.appendingPathComponent("stats.svg").path]).out)
        #expect((stats["reviewsPerDay"] as? [Int])?.count == 30 && (stats["forecast"] as? [Int])?.count == 30)
        let svg = try String(contentsOf: cli.folder.appendingPathComponent("stats.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("Cards due, next 30 days"))
        #expect(try cli.run(["stats"]).out.contains("Cards: "))

        #expect(try cli.run(["suspend", id]).status == 0)
        #expect(try cli.run(["cards", "--state", "suspended"]).out.contains(id))
        #expect(try cli.run(["unsuspend", id]).status == 0)
    }

    @Test func mistakesAreNamed() throws {
        let cli = try imported()
        defer { cli.cleanUp() }
        let id = try #require((try CLI.json(try cli.run(["cards", "--json"]).out)["cards"] as? [[String: Any]])?.first?["id"] as? String)
        let badRating = try cli.run(["review", id, "great"])
        #expect(badRating.status != 0 && badRating.err.contains("'great' is not a rating"))
        let badTime = try cli.run(["review", id, "good", "--at", "yesterday"])
        #expect(badTime.status != 0 && badTime.err.contains("--at yesterday"))
        let noCard = try cli.run(["review", "zzzz", "good"])
        #expect(noCard.status != 0 && noCard.err.contains("there is no card zzzz"))
        #expect(try cli.run(["review", id, "good", "--at", "2026-01-05T09:00:00Z"]).status == 0)
        let earlier = try cli.run(["review", id, "good", "--at", "2025-01-05T09:00:00Z"])
        #expect(earlier.status != 0 && earlier.err.contains("cannot come before"))
        let badType = try cli.run(["cards", "--type", "flash"])
        #expect(badType.status != 0 && badType.err.contains("the types are"))
        let badNew = try cli.run(["due", "--new", "-3"])
        #expect(badNew.status != 0)
        // An empty database says what to do.
        let empty = try CLI()
        defer { empty.cleanUp() }
        let none = try empty.run(["cards"])
        #expect(none.status == 0 && none.out.contains("revise import"))
    }
}
