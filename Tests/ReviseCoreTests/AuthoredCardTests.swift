import Foundation
import ReviseCore
import Testing

/// Cards students write in their notes, and cards brought from other tools: kept as written, never doubled.
struct AuthoredCardTests {
    func cards(_ text: String, name: String = "cards.md") throws -> [Card] {
        let outline = try NoteImporter.parse(text: text, name: name)
        return CardGenerator.cards(from: KnowledgeBase.merge([FactExtractor.extract(outline, source: name)]))
    }

    @Test func oneLineCardsAreKeptAsWritten() throws {
        let cards = try cards(
            """
            # Stalin's USSR

            What was the Five-Year Plan::A plan of targets for industry set by Gosplan
            Gosplan:::The state planning commission
            """)
        #expect(cards.count == 3)
        #expect(cards[0].kind == .basic)
        #expect(cards[0].prompt == "What was the Five-Year Plan")
        #expect(cards[0].answer == "A plan of targets for industry set by Gosplan")
        #expect(cards[1].kind == .reverse && cards[1].prompt == "Gosplan" && cards[1].answer == "The state planning commission")
        #expect(cards[2].kind == .reverse && cards[2].prompt == "The state planning commission" && cards[2].answer == "Gosplan")
        // No card of Revise's own wording from the same lines ("What is meant by “Gosplan”?").
        #expect(!cards.contains { $0.prompt.hasPrefix("What is meant by") || $0.prompt.hasPrefix("Which term") })
        #expect(cards.allSatisfy { $0.citations.map(\.description) == ["cards.md:3"] || $0.citations.map(\.description) == ["cards.md:4"] })
    }

    @Test func multiLineCardsKeepTheirLineBreaks() throws {
        let cards = try cards(
            """
            Name the noble gases
            of the first three periods
            ?
            Helium
            Neon
            Argon

            pH
            ??
            A measure of how acidic a solution is
            """, name: "chemistry.txt")
        #expect(cards.count == 3)
        #expect(cards[0].kind == .basic)
        #expect(cards[0].prompt == "Name the noble gases\nof the first three periods")
        #expect(cards[0].answer == "Helium\nNeon\nArgon")
        #expect(cards[0].citations.map(\.description) == ["chemistry.txt:1-6"])
        #expect(cards[1].prompt == "pH" && cards[1].answer == "A measure of how acidic a solution is")
        #expect(cards[2].prompt == "A measure of how acidic a solution is" && cards[2].answer == "pH")
    }

    @Test func clozesMakeOneCardPerNumberAndHighlightsNumberAfterThem() throws {
        let cards = try cards("The ==Haber process== makes {{c1::ammonia}} at {{c2::450 °C}} and {{c2::200 atm}}.\n")
        #expect(cards.map(\.prompt) == [
            "The Haber process makes […] at 450 °C and 200 atm.",
            "The Haber process makes ammonia at […] and […].",
            "The […] makes ammonia at 450 °C and 200 atm.",
        ])
        #expect(cards.map(\.answer) == ["ammonia", "450 °C, 200 atm", "Haber process"])
        #expect(cards.allSatisfy { $0.kind == .cloze })
    }

    @Test func clozeSidesDropHints() {
        let sides = AuthoredCard.clozeSides("In {{c1::1928::a year}} the {{c2::First Five-Year Plan}} began")
        #expect(sides.map(\.prompt) == ["In […] the First Five-Year Plan began", "In 1928 the […] began"])
        #expect(sides.map(\.answer) == ["1928", "First Five-Year Plan"])
    }

    @Test func htmlFieldsReadAsText() {
        #expect(Markup.plainText(fromHTML: "Capital of <b>France</b>?") == "Capital of France?")
        #expect(Markup.plainText(fromHTML: "one<br>two<br/>three") == "one\ntwo\nthree")
        #expect(Markup.plainText(fromHTML: "<div>first</div><div>second</div>") == "first\nsecond")
        #expect(Markup.plainText(fromHTML: "A &amp; B &lt;c&gt; &quot;d&quot;&nbsp;e") == "A & B <c> \"d\" e")
        #expect(Markup.plainText(fromHTML: "Map: <img src=\"map of europe.png\">") == "Map: [image: map of europe.png]")
        // What the exporter writes reads back exactly.
        let text = "Tom & Jerry <3\n\"quoted\" and 'single'\nline three"
        #expect(Markup.plainText(fromHTML: CardExport.html(text)) == text)
    }

    @Test func aDeckBecomesSectionsAndTheCardsItHad() throws {
        let day = Date(timeIntervalSince1970: 1_700_000_000)
        let deck = CardDeck(
            title: "french",
            notes: [
                .init(shape: .basic, front: "le chat", back: "the cat", deck: ["French", "Animals"], tags: ["nouns"], line: 1,
                      reviews: [.init(card: 0, rating: .good, at: day), .init(card: 0, rating: .again, at: day + 86_400)]),
                .init(shape: .bothWays, front: "<b>manger</b>", back: "to eat", deck: ["French", "Verbs"], line: 2,
                      reviews: [.init(card: 1, rating: .easy, at: day)]),
                .init(shape: .cloze, front: "Je {{c1::suis}} {{c3::étudiant}}", back: "être", deck: ["French", "Verbs"], line: 3,
                      reviews: [.init(card: 2, rating: .hard, at: day)]),
                .init(shape: .basic, front: "le chien", back: "the dog", deck: ["French", "Animals"], line: 4),
            ], isHTML: true)
        let outline = deck.outline(name: "french.apkg")
        #expect(outline.title == "French")
        #expect(outline.format == .ankiPackage)
        #expect(outline.nodes.map(\.kind) == [.section, .card, .card, .section, .card, .cloze])
        #expect(outline.nodes.filter { $0.kind == .section }.map(\.text) == ["Animals", "Verbs"])
        #expect(outline.nodes[1].tags == ["nouns"])
        let cards = outline.nodes.flatMap(\.cards)
        #expect(cards.map(\.prompt) == ["le chat", "le chien", "manger", "to eat", "Je […] étudiant", "Je suis […]"])
        #expect(cards[0].tags == ["nouns"] && cards[0].topic == ["Animals"])
        #expect(cards[4].note == "être")
        #expect(cards[0].citations.map(\.description) == ["french.apkg:1"])
        let reviews = deck.reviewedCards(name: "french.apkg")
        #expect(reviews.count == 4)
        #expect(reviews.filter { $0.card == cards[0].id }.map(\.rating) == [.good, .again])
        // The reversed card's second card is the one asked back to front; the cloze's card 2 is its c3.
        #expect(reviews.contains { $0.card == cards[3].id && $0.rating == .easy })
        #expect(reviews.contains { $0.card == cards[5].id && $0.rating == .hard })
        // Through the knowledge the same cards come out, and nothing else.
        let generated = CardGenerator.cards(from: KnowledgeBase.merge([FactExtractor.extract(outline, source: "french.apkg")]))
        #expect(generated.map(\.id) == cards.map(\.id))
    }

    @Test func anAnkiDefaultDeckLeavesTheTitleToTheFile() {
        let deck = CardDeck(title: "spanish words", notes: [.init(shape: .basic, front: "perro", back: "dog", deck: ["Default"], line: 1)])
        let outline = deck.outline(name: "spanish words.apkg")
        #expect(outline.title == "spanish words")
        #expect(outline.nodes.map(\.kind) == [.card])
    }

    @Test func aNoteRevisionExportedKeepsItsExactCards() throws {
        let original = Card(
            id: Card.id(kind: .date, prompt: "In which year did the purges begin?", answer: "1936"), kind: .date,
            prompt: "In which year did the purges begin?", answer: "1936", topic: ["Terror"],
            citations: [Citation(source: "notes.txt", span: Span(line: 12))])
        let json = String(decoding: try JSONEncoder().encode([original]), as: UTF8.self)
        let deck = CardDeck(
            title: "export",
            notes: [.init(shape: .basic, front: "In which year did the purges begin?", back: "1936", line: 1, revise: json)],
            isHTML: true)
        let cards = deck.outline(name: "export.apkg").nodes.flatMap(\.cards)
        #expect(cards.count == 1)
        #expect(cards[0].id == original.id && cards[0].kind == .date && cards[0].topic == ["Terror"])
        #expect(cards[0].citations.map(\.description) == ["notes.txt:12", "export.apkg:1"])
    }
}
