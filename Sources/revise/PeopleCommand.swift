import ArgumentParser
import ReviseCore
import ReviseStore

struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people", abstract: "List the people the notes speak of, with their roles.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable {
        var people: [Entity]
    }

    func run() throws {
        let people = try store.open().knowledgeBase().people
        if output.json { return try Output.printJSON(Listing(people: people)) }
        if people.isEmpty { return print("No people found in the notes. (Import notes with: revise import PATH)") }
        for person in people {
            var line = person.name
            if !person.aliases.isEmpty { line += " (also " + person.aliases.joined(separator: ", ") + ")" }
            if let summary = person.summary { line += " — " + summary }
            print(line + "  [\(Output.count(person.citations.count, "mention"))]")
        }
    }
}

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Everything the notes say about one person: roles, timeline, facts.")

    @Argument(help: "The person's name, or any spelling the notes use.")
    var name: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Profile: Encodable {
        var person: Entity
        var roles: [Fact]
        var timeline: [Fact]
        var facts: [Fact]
    }

    func run() throws {
        let knowledge = try store.open().knowledgeBase()
        guard let person = knowledge.entity(named: name), person.kind == .person else {
            let names = knowledge.people.map(\.name)
            let close = names.filter { $0.lowercased().hasPrefix(String(name.lowercased().prefix(2))) }.prefix(3)
            throw Failure(
                message: "no person called “\(name)” in the notes"
                    + (close.isEmpty ? "; try: revise people" : "; did you mean " + close.joined(separator: ", ") + "?"))
        }
        let facts = knowledge.facts(about: person)
        let profile = Profile(
            person: person, roles: facts.filter { $0.kind == .role && $0.subject == person.name },
            timeline: facts.filter { $0.kind == .event && $0.when != nil }.sorted { $0.when! < $1.when! },
            facts: facts.filter { $0.kind != .role && $0.kind != .event })
        if output.json { return try Output.printJSON(profile) }
        print(person.name + (person.aliases.isEmpty ? "" : " (also " + person.aliases.joined(separator: ", ") + ")"))
        if !profile.roles.isEmpty {
            print("\nRoles")
            for role in profile.roles {
                print("  \(role.detail ?? "")\(role.when.map { " (\($0))" } ?? "")  [\(KnowledgeOutput.citations(role.citations))]")
            }
        }
        if !profile.timeline.isEmpty {
            print("\nTimeline")
            for event in profile.timeline {
                print("  \(event.when!.description.padding(toLength: 14, withPad: " ", startingAt: 0))\(event.text)  [\(KnowledgeOutput.citations(event.citations))]")
            }
        }
        if !profile.facts.isEmpty {
            print("\nFacts")
            for fact in profile.facts { print("  " + KnowledgeOutput.line(fact)) }
        }
        print("\nMentioned at " + KnowledgeOutput.citations(person.citations, limit: 8))
    }
}
