import ArgumentParser
import ReviseCore
import ReviseStore

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms", abstract: "The glossary: terms, organisations and places with their meanings.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable {
        var terms: [Entity]
    }

    func run() throws {
        let terms = try store.open().knowledgeBase().terms
        if output.json { return try Output.printJSON(Listing(terms: terms)) }
        if terms.isEmpty { return print("No terms found in the notes. (Import notes with: revise import PATH)") }
        for term in terms {
            var line = term.name
            if !term.aliases.isEmpty { line += " (" + term.aliases.joined(separator: ", ") + ")" }
            if term.kind != .term { line += " [\(term.kind.rawValue)]" }
            if let summary = term.summary { line += " — " + summary }
            print(line + "  [\(KnowledgeOutput.citations(term.citations, limit: 2))]")
        }
    }
}
