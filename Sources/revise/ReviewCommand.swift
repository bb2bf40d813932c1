import ArgumentParser
import Foundation
import ReviseCore
import ReviseStore

/// When the study day starts: local midnight of the day `now` falls in.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "What is due to study now, in the order a study session takes it.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "New cards a day.") var new: Int = 20

    struct Queue: Encodable {
        var counts: Counts
        var cards: [CardView]
        struct Counts: Encodable {
            var new: Int
            var learning: Int
            var review: Int
        }
    }

    func run() throws {
        guard new >= 0 else { throw Failure(message: "--new \(new): the number of new cards a day cannot be negative", exitCode: 64) }
        let now = Date()
        let opened = try store.openWithCards(at: now)
        let due = try opened.dueCards(at: now, newPerDay: new, dayStart: StudyDay.start(of: now))
        let counts = Queue.Counts(
            new: due.filter(\.isNew).count, learning: due.filter { !$0.isNew && $0.schedule.phase != .review }.count,
            review: due.filter { !$0.isNew && $0.schedule.phase == .review }.count)
        if output.json { return try Output.printJSON(Queue(counts: counts, cards: due.map(CardView.init))) }
        print("\(counts.new) new, \(counts.learning) learning, \(counts.review) to review")
        for s in due { print("\(s.card.id)  \(CardText.state(s))  \(CardText.oneLine(s.card.prompt))") }
    }
}

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Rate one card: again, hard, good or easy (or 1-4).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The card's id (or the start of it).") var id: String
    @Argument(help: "again, hard, good, easy, or 1-4.") var rating: String

    @Option(help: ArgumentHelp("When the card was reviewed (ISO-8601; default now).", valueName: "time"))
    var at: String?

    func run() throws {
        let names = ["again": Rating.again, "hard": .hard, "good": .good, "easy": .easy]
        guard let rating = names[rating.lowercased()] ?? Int(rating).flatMap(Rating.init(rawValue:)) else {
            throw Failure(message: "'\(rating)' is not a rating; use again, hard, good, easy or 1-4", exitCode: 64)
        }
        var time = Date()
        if let at {
            guard let parsed = Timestamp.parse(at) else {
                throw Failure(message: "--at \(at): not an ISO-8601 time such as 2024-05-01T09:30:00Z", exitCode: 64)
            }
            time = parsed
        }
        let opened = try store.openWithCards(at: time)
        guard let s = try opened.card(id: id) else {
            throw Failure(message: "there is no card \(id) (see `revise cards` for the ids)", exitCode: 1)
        }
        if s.retired { throw Failure(message: "card \(s.card.id) is retired: its fact is no longer in the notes", exitCode: 1) }
        let after = try opened.review(card: s.card.id, rating: rating, at: time, scheduler: try Scheduler())
        if output.json { return try Output.printJSON(CardView(after)) }
        print("\(after.card.id) rated \(rating.name); next due \(Timestamp.format(after.schedule.due)) (\(after.schedule.phase.rawValue))")
    }
}
