import ArgumentParser
import ReviseCore
import ReviseStore

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "List the dated events of the notes in time order.")

    @Option(help: ArgumentHelp("Only events that reach this year or later.", valueName: "year"))
    var from: Int?
    @Option(help: ArgumentHelp("Only events that start in this year or earlier.", valueName: "year"))
    var to: Int?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable {
        var events: [Fact]
    }

    func validate() throws {
        if let from, let to, from > to {
            throw ValidationError("--from \(from) is after --to \(to)")
        }
    }

    func run() throws {
        var events = try store.open().knowledgeBase().timeline
        if let from { events = events.filter { $0.when!.lastYear >= from } }
        if let to { events = events.filter { $0.when!.year <= to } }
        if output.json { return try Output.printJSON(Listing(events: events)) }
        if events.isEmpty { return print("No dated events found.") }
        for event in events {
            let when = event.when!.description.padding(toLength: 14, withPad: " ", startingAt: 0)
            print("\(when)\(event.text)  [\(KnowledgeOutput.citations(event.citations))]")
        }
    }
}
