import ArgumentParser
import ReviseCore
import ReviseStore

struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts", abstract: "List the facts read from the notes, each with its sources.")

    @Option(help: "Only facts of this kind: \(Fact.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Fact.Kind?
    @Option(help: ArgumentHelp("Only facts about this person, organisation, place or term.", valueName: "name"))
    var about: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable {
        var facts: [Fact]
    }

    func run() throws {
        let knowledge = try store.open().knowledgeBase()
        var facts = knowledge.facts
        if let about {
            guard let entity = knowledge.entity(named: about) else {
                throw Failure(message: "nothing in the notes is called “\(about)”; try: revise people, revise terms")
            }
            facts = knowledge.facts(about: entity)
        }
        if let kind { facts = facts.filter { $0.kind == kind } }
        if output.json { return try Output.printJSON(Listing(facts: facts)) }
        if facts.isEmpty { return print("No facts found in the notes. (Import notes with: revise import PATH)") }
        for fact in facts { print(KnowledgeOutput.line(fact)) }
    }
}

extension Fact.Kind: ExpressibleByArgument {}
