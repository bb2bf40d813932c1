import ArgumentParser
import Foundation
import ReviseCore
import ReviseStore

extension StoreOptions {
    /// The store with its cards brought up to date with the notes.
    func openWithCards(at now: Date = Date()) throws -> ReviseStore {
        let store = try open()
        try store.refreshCards(at: now)
        return store
    }
}

/// A card as the commands print it in JSON: the card, its schedule and what was done to it.
struct CardView: Encodable {
    var id: String
    var type: String
    var prompt: String
    var answer: String
    var choices: [String]?
    var order: [String]?
    var note: String?
    var topic: [String]
    /// Tags the card brought from another tool (absent when none).
    var tags: [String]?
    var citations: [String]
    var state: String
    var suspended: Bool
    var retired: Bool
    var due: String
    var stability: Double?
    var difficulty: Double?
    var reviews: Int
    var lapses: Int

    init(_ s: StoredCard) {
        id = s.card.id
        type = s.card.kind.rawValue
        prompt = s.card.prompt
        answer = s.card.answer
        choices = s.card.choices.isEmpty ? nil : s.card.choices
        order = s.card.order.isEmpty ? nil : s.card.order
        note = s.card.note
        topic = s.card.topic
        tags = s.card.tags.isEmpty ? nil : s.card.tags
        citations = s.card.citations.map(\.description)
        state = s.isNew ? "new" : s.schedule.phase.rawValue
        suspended = s.suspended
        retired = s.retired
        due = Timestamp.format(s.schedule.due)
        stability = s.schedule.stability
        difficulty = s.schedule.difficulty
        reviews = s.reviewCount
        lapses = s.lapseCount
    }
}

enum CardText {
    static func oneLine(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }

    static func state(_ s: StoredCard) -> String {
        if s.retired { return "retired" }
        if s.suspended { return "suspended" }
        return s.isNew ? "new" : s.schedule.phase.rawValue
    }
}

struct CardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards", abstract: "The cards made from the notes.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only cards of this type: \(Card.Kind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "type"))
    var type: String?

    @Option(help: ArgumentHelp("Only cards whose topic (section path) contains these words.", valueName: "words"))
    var topic: String?

    @Option(help: ArgumentHelp("Only cards in this state: new, learning, review, relearning, suspended, retired.", valueName: "state"))
    var state: String?

    struct Listing: Encodable {
        var cards: [CardView]
    }

    func run() throws {
        let states = ["new", "learning", "review", "relearning", "suspended", "retired"]
        if let state, !states.contains(state) {
            throw Failure(message: "--state \(state): not a state; the states are \(states.joined(separator: ", "))", exitCode: 64)
        }
        var cards = try store.openWithCards().cards(includingRetired: state == "retired")
        if let type {
            guard let kind = Card.Kind(rawValue: type) else {
                throw Failure(
                    message: "--type \(type): not a card type; the types are \(Card.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
                    exitCode: 64)
            }
            cards = cards.filter { $0.card.kind == kind }
        }
        if let topic {
            let lower = topic.lowercased()
            cards = cards.filter { $0.card.topic.joined(separator: " / ").lowercased().contains(lower) }
        }
        if let state { cards = cards.filter { CardText.state($0) == state } }
        if output.json { return try Output.printJSON(Listing(cards: cards.map(CardView.init))) }
        if cards.isEmpty { return print("No cards match. Cards are made from the notes: import some with `revise import PATH`.") }
        for s in cards {
            print("\(s.card.id)  \(s.card.kind.rawValue)  \(CardText.state(s))  \(CardText.oneLine(s.card.prompt))")
            print("    → \(CardText.oneLine(s.card.answer))   [\(s.card.citations.map(\.description).prefix(3).joined(separator: ", "))]")
        }
        print("\(cards.count) card\(cards.count == 1 ? "" : "s")")
    }
}

struct CardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card", abstract: "One card: both sides, its sources, its schedule and its reviews.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The card's id (or the start of it).")
    var id: String

    struct Detail: Encodable {
        var card: CardView
        var history: [Entry]

        struct Entry: Encodable {
            var rating: Int
            var at: String
            var state: String
            var stability: Double?
            var difficulty: Double?
            var due: String
        }
    }

    func run() throws {
        let opened = try store.openWithCards()
        guard let s = try opened.card(id: id) else {
            throw Failure(message: "there is no card \(id) (see `revise cards` for the ids)", exitCode: 1)
        }
        let reviews = try opened.reviews(of: s.card.id)
        if output.json {
            return try Output.printJSON(
                Detail(
                    card: CardView(s),
                    history: reviews.map {
                        .init(
                            rating: $0.rating.rawValue, at: Timestamp.format($0.at), state: $0.schedule.phase.rawValue,
                            stability: $0.schedule.stability, difficulty: $0.schedule.difficulty,
                            due: Timestamp.format($0.schedule.due))
                    }))
        }
        print("\(s.card.id)  \(s.card.kind.rawValue)  \(CardText.state(s))")
        print("Q: \(s.card.prompt)")
        if !s.card.choices.isEmpty { print("   " + s.card.choices.enumerated().map { "\($0.offset + 1)) \($0.element)" }.joined(separator: "   ")) }
        print("A: \(s.card.answer)")
        if let note = s.card.note { print("   \(note)") }
        if !s.card.topic.isEmpty { print("Topic: \(s.card.topic.joined(separator: " › "))") }
        print("From: \(s.card.citations.map(\.description).joined(separator: ", "))")
        if s.isNew {
            print("Not studied yet.")
        } else {
            print(
                "Due \(Timestamp.format(s.schedule.due)); stability \(String(format: "%.2f", s.schedule.stability ?? 0)) days, difficulty \(String(format: "%.2f", s.schedule.difficulty ?? 0)); \(s.reviewCount) reviews, \(s.lapseCount) lapses"
            )
            for r in reviews { print("  \(Timestamp.format(r.at))  \(r.rating.name)") }
        }
    }
}

struct SuspendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suspend", abstract: "Keep a card out of study until unsuspended.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The card's id (or the start of it).") var id: String

    func run() throws { try Suspension.set(true, id: id, store: store) }
}

struct UnsuspendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unsuspend", abstract: "Bring a suspended card back into study.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The card's id (or the start of it).") var id: String

    func run() throws { try Suspension.set(false, id: id, store: store) }
}

enum Suspension {
    static func set(_ suspended: Bool, id: String, store options: StoreOptions) throws {
        let store = try options.openWithCards()
        guard let s = try store.card(id: id) else {
            throw Failure(message: "there is no card \(id) (see `revise cards` for the ids)", exitCode: 1)
        }
        try store.setSuspended(suspended, card: s.card.id)
        print("\(s.card.id) \(suspended ? "suspended" : "back in study"): \(CardText.oneLine(s.card.prompt))")
    }
}
