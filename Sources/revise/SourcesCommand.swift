import ArgumentParser
import Foundation
import ReviseStore

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "List the imported note files.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable {
        var sources: [StoredSource]
    }

    func run() throws {
        let sources = try store.open().sources()
        if output.json {
            try Output.printJSON(Listing(sources: sources))
            return
        }
        guard !sources.isEmpty else {
            print("No notes imported yet. Try: revise import PATH")
            return
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        for source in sources {
            let nodes = source.counts.values.reduce(0, +)
            print("\(source.id). \(source.title)")
            print(
                "   \(source.name) · \(source.format.displayName) · \(source.lineCount) lines · \(nodes) nodes · "
                    + "imported \(formatter.string(from: source.updatedAt))")
            if !source.warnings.isEmpty {
                print("   \(Output.count(source.warnings.count, "warning")): \(source.warnings[0])")
            }
        }
    }
}
