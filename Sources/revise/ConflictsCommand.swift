import ArgumentParser
import ReviseCore
import ReviseStore

struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "Where the notes disagree: different numbers or dates for the same thing.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable {
        var conflicts: [Conflict]
    }

    func run() throws {
        let conflicts = try store.open().knowledgeBase().conflicts
        if output.json { return try Output.printJSON(Listing(conflicts: conflicts)) }
        if conflicts.isEmpty { return print("The notes agree with each other: no conflicting numbers or dates found.") }
        for conflict in conflicts {
            print("\(conflict.topic)  (\(conflict.severity == .conflict ? "conflict" : "may differ in scope"))")
            for claim in conflict.claims {
                print("  \(claim.value)  \(claim.citation)  “\(claim.text)”")
            }
        }
    }
}
