import ArgumentParser
import ReviseCore
import ReviseStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find what the notes say about something: ranked passages with citations.")

    @Argument(help: "Words to find; \"a phrase\" in quotes; a word ending in * matches its beginning.")
    var query: [String]
    @Option(help: "How many passages to show.")
    var limit = 10
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable {
        var query: String
        var results: [ReviseStore.SearchHit]
    }

    func validate() throws {
        guard limit > 0, limit <= 1000 else { throw ValidationError("--limit must be between 1 and 1000") }
        guard query.joined().contains(where: { $0.isLetter || $0.isNumber }) else {
            throw ValidationError("give some words to search for")
        }
    }

    func run() throws {
        let text = query.joined(separator: " ")
        let hits = try store.open().search(text, limit: limit)
        if output.json { return try Output.printJSON(Listing(query: text, results: hits)) }
        if hits.isEmpty { return print("Nothing in the notes matches “\(text)”.") }
        for hit in hits {
            let places = KnowledgeOutput.citations(hit.citations, total: hit.citationCount)
            print(places + (hit.topic.isEmpty ? "" : "  · " + hit.topic))
            // The lines that matched, in order, then others for context, four in all.
            let lines = hit.highlighted.split(separator: "\n")
            let matched = lines.indices.filter { lines[$0].contains("[") }
            let shown = (matched + lines.indices.filter { !matched.contains($0) }).prefix(4).sorted()
            for index in shown { print("    " + lines[index]) }
        }
    }
}
