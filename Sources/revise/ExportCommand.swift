import ArgumentParser
import Foundation
import ReviseCore
import ReviseStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Give the cards to other tools: an Anki package, CSV or TSV, JSON or Markdown.",
        discussion: """
            apkg: an Anki package, a deck per set of notes with a subdeck per topic (needs --out). csv: Anki's text \
            import, with its header lines. tsv: a term and its definition per line, as Anki and Quizlet import. json: \
            the shape of `revise cards --json`. md: `Question::Answer` lines and {{c1::…}} clozes.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case apkg, csv, tsv, json, md
    }

    @Option(help: ArgumentHelp("apkg, csv, tsv, json or md.", valueName: "format"))
    var format: Format
    @Option(help: ArgumentHelp("Only cards whose topic (section path) contains these words.", valueName: "words"))
    var topic: String?
    @Option(help: ArgumentHelp("The file to write (standard output when left out, except for apkg).", valueName: "file"))
    var out: String?
    @Flag(name: .customLong("with-history"), help: "apkg: keep each card's schedule and review log.")
    var withHistory = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if format == .apkg, out == nil { throw ValidationError("--format apkg writes a file: say where with --out FILE.apkg") }
        if withHistory, format != .apkg { throw ValidationError("--with-history goes with --format apkg only") }
    }

    func run() throws {
        if let out {
            let folder = URL(fileURLWithPath: out).deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw Failure(message: "\(out): cannot be written: the folder \(folder) does not exist", exitCode: 73)
            }
        }
        let store = try store.openWithCards()
        var cards = try store.cards()
        if let topic {
            let lower = topic.lowercased()
            cards = cards.filter { $0.card.topic.joined(separator: " / ").lowercased().contains(lower) }
        }
        if cards.isEmpty {
            throw Failure(message: "no cards to export" + (topic.map { " under a topic with “\($0)”" } ?? "; import notes first"), exitCode: 1)
        }
        let notes = CardExport.notes(for: cards.map(\.card))
        let text: String
        switch format {
        case .apkg:
            let titles = Dictionary(try store.sources().map { ($0.name, $0.title) }, uniquingKeysWith: { a, _ in a })
            var byDeck: [String: [StoredCard]] = [:]
            var order: [String] = []
            for c in cards {
                let source = c.card.citations.first?.source ?? ""
                let name = "Revise::" + AnkiPackage.clean(titles[source].flatMap { $0.isEmpty ? nil : $0 } ?? source)
                if byDeck[name] == nil { order.append(name) }
                byDeck[name, default: []].append(c)
            }
            var reviews: [String: [StoredReview]] = [:]
            if withHistory { for c in cards where c.reviewCount > 0 { reviews[c.card.id] = try store.reviews(of: c.card.id) } }
            let decks = order.map { AnkiPackage.Deck(name: $0, cards: byDeck[$0]!, reviews: reviews) }
            let summary: AnkiPackage.Summary
            do {
                summary = try AnkiPackage.write(decks, to: URL(fileURLWithPath: out!), history: withHistory)
            } catch {
                throw Failure(message: "\(out!): cannot be written (\(error))", exitCode: 73)
            }
            print("Wrote \(out!): \(summary.notes) notes, \(summary.cards) cards in \(summary.decks.count) decks" + (withHistory ? ", \(summary.reviews) reviews" : "") + ".")
            return
        case .csv: text = CardExport.csv(notes)
        case .tsv: text = CardExport.tsv(notes)
        case .md: text = CardExport.markdown(notes, title: "Revise cards")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            text = String(decoding: try encoder.encode(CardsCommand.Listing(cards: cards.map(CardView.init))), as: UTF8.self) + "\n"
        }
        if let out {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw Failure(message: "\(out): cannot be written (\(error.localizedDescription))", exitCode: 73)
            }
            print("Wrote \(out): \(notes.count) cards.")
        } else {
            print(text, terminator: "")
        }
    }
}
