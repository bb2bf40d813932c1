import Foundation
import ReviseCore
import TestSupport
import Testing

/// Flashcard lists in the shapes students write them, from our own example notes on other subjects.
struct FlashcardImportTests {
    func outline(_ fixture: String) throws -> Outline {
        try NoteImporter.parse(bytes: Fixtures.fixture(fixture), name: fixture).outline
    }

    @Test func questionAnswerSlashAndDashLines() throws {
        let outline = try outline("biology-flashcards.txt")
        #expect(outline.format == .flashcards)
        #expect(outline.title == "Cell biology")
        let cards = outline.nodes.filter { $0.kind == .card }
        #expect(cards.count == 5)
        #expect(cards[0].text == "What does a ribosome make?")
        #expect(cards[0].answer == "Proteins, by joining amino acids in the order the mRNA gives")
        #expect(cards[2].text == "Mitochondria")
        #expect(cards[2].answer == "where aerobic respiration releases energy from glucose")
        #expect(cards[4].text == "Diffusion")
        #expect(cards.allSatisfy { $0.span.first == $0.span.last })
    }

    @Test func aQuestionMarkInsideAQuotationDoesNotEndTheQuestion() throws {
        let outline = try NoteImporter.parse(
            text: "Phrases:\n\nWhat does \"¿Cuánto cuesta?\" mean? How much does it cost?\nla manzana\tthe apple\n",
            name: "spanish.txt")
        let card = try #require(outline.nodes.first)
        #expect(card.text == "What does \"¿Cuánto cuesta?\" mean?")
        #expect(card.answer == "How much does it cost?")
    }

    @Test func authoredCardsAndClozesInMarkdown() throws {
        let outline = try outline("chemistry-cards.md")
        #expect(outline.title == "Chemistry: bonding")
        let cards = outline.nodes.filter { $0.kind == .card }
        #expect(cards.map(\.text) == ["An ionic bond", "Covalent bond"])
        #expect(cards.map(\.bothWays) == [false, true])
        let cloze = try #require(outline.nodes.first { $0.kind == .cloze })
        #expect(cloze.clozes == ["delocalised electrons", "charge"])
        #expect(cloze.text.hasPrefix("Metals conduct electricity because of delocalised electrons that carry charge"))
    }

    @Test(arguments: ["french-alternating.txt", "physics-questions.txt"])
    func alternatingLines(fixture: String) throws {
        let outline = try outline(fixture)
        #expect(outline.format == .flashcards)
        let cards = outline.nodes.filter { $0.kind == .card }
        #expect(cards.count >= 3)
        #expect(cards.allSatisfy { $0.answer?.isEmpty == false && $0.span.last == $0.span.first + 1 })
    }

    @Test func cardSyntaxInsideOrdinaryNotes() throws {
        let text = "Trade:\n\n- Tariff::a tax on imports\n- The {{c1::Corn Laws}} were repealed in {{c2::1846}}\n- std::vector\n"
        let outline = try NoteImporter.parse(text: text, name: "econ.txt")
        #expect(outline.nodes.contains { $0.kind == .card && $0.text == "Tariff" && $0.answer == "a tax on imports" })
        #expect(outline.nodes.contains { $0.kind == .cloze && $0.clozes == ["Corn Laws", "1846"] })
        #expect(outline.nodes.contains { $0.kind == .item && $0.text == "std::vector" })
    }

    @Test func highlightedWordsAreClozes() throws {
        let text = "# Trade\n\n==========\n\n- The ==Corn Laws== were repealed in ==1846==\n- if a == b then stop\n"
        let outline = try NoteImporter.parse(text: text, name: "econ.md")
        #expect(outline.nodes.contains { $0.kind == .cloze && $0.clozes == ["Corn Laws", "1846"] && $0.text == "The Corn Laws were repealed in 1846" })
        #expect(outline.nodes.contains { $0.kind == .item && $0.text.contains("a == b") })
        #expect(outline.nodes.contains { $0.kind == .item && $0.text == "==========" }, "a rule of = signs is not a cloze")
    }
}
