import Foundation
import TestSupport
import Testing

@testable import ReviseCore

/// Cards made from real notes and from small ones: every card keeps the quality rules, ids are stable, and each
/// type is phrased the way a teacher would.
struct CardGeneratorTests {
    static func knowledge(_ files: [(String, String)]) throws -> KnowledgeBase {
        KnowledgeBase.merge(
            try files.map { name, text in
                FactExtractor.extract(try NoteImporter.parse(bytes: Array(text.utf8), name: name).outline, source: name)
            })
    }

    static let notes = """
        Stalin's rise:

        Trotsky's weaknesses:
        - 1925- Forced to resign as Commissar of War, 1926- Expelled from Politburo
        - Trotsky was Commissar for War and head of the Red Army.

        Key words:
        - Gosplan - 1921 - state planning commission, coordinated industries and their targets
        - NEP: the New Economic Policy, a compromise with capitalism

        Terror:
        - Kirov was murdered in December 1934.
        - In 1936 the first show trial was held.
        - In 1937 Tukhachevsky was shot.
        - By 1938 Yezhov was dismissed.
        - In 1935 a new law was passed against young criminals.
        - From 1929 to 1931 the number of cattle fell from 67 to 48 million.
        - Bukharin, Rykov and Zinoviev were put on trial; Kamenev too.

        (b) Why did Stalin abandon the New Economic Policy? (6)
        - Grain procurement crisis of 1927-28 meant the towns went hungry
        - Industrialisation needed capital from grain exports
        - Ideology: the NEP was a retreat to capitalism
        """

    @Test func everyTypeIsPhrasedAsATeacherWould() throws {
        let cards = CardGenerator.cards(from: try Self.knowledge([("notes.txt", Self.notes)]))
        let byKind = Dictionary(grouping: cards, by: \.kind)
        // Terms both ways, the year a meaning's date gives kept with it.
        #expect(cards.contains { $0.kind == .reverse && $0.prompt == "What is meant by “Gosplan”?" && $0.answer.hasPrefix("State planning commission") && $0.answer.hasSuffix("(1921)") })
        #expect(cards.contains { $0.kind == .reverse && $0.answer == "Gosplan" })
        // A dated statement under a person: "In which year was Trotsky expelled from Politburo?"
        let dated = cards.filter { $0.kind == .date || $0.kind == .choice }
        #expect(dated.contains { $0.prompt == "In which year was Trotsky expelled from Politburo?" && $0.answer == "1926" })
        #expect(dated.contains { $0.prompt.hasPrefix("In which year was Kirov murdered") || $0.prompt.hasPrefix("When was Kirov murdered") })
        // A number blanked in its sentence.
        #expect(cards.contains { $0.kind == .cloze && $0.answer == "from 67 to 48 million" && $0.prompt.contains(CardQuality.blank) })
        // The exam question with its marks and the notes' factors.
        let exam = try #require(byKind[.exam]?.first)
        #expect(exam.prompt.contains("Why did Stalin abandon the New Economic Policy?") && exam.prompt.contains("6"))
        #expect(exam.answer.contains("Grain procurement crisis") && exam.answer.contains("Industrialisation"))
        for card in cards {
            #expect(CardQuality.problems(card).isEmpty, "\(card.prompt) → \(card.answer): \(CardQuality.problems(card))")
            #expect(!card.citations.isEmpty && card.citations.allSatisfy { $0.source == "notes.txt" })
        }
    }

    @Test func multipleChoiceOffersFourDifferentAnswersOneRight() throws {
        let cards = CardGenerator.cards(from: try Self.knowledge([("notes.txt", Self.notes)]))
        for card in cards where card.kind == .choice {
            #expect(card.choices.count == 4 && Set(card.choices).count == 4 && card.choices.contains(card.answer))
            if let year = Int(card.answer) {
                // Years near the right one, never the right one twice.
                #expect(card.choices.compactMap(Int.init).allSatisfy { abs($0 - year) <= 3 })
            }
        }
    }

    @Test func idsAreStableAndDependOnWhatIsAsked() throws {
        let a = CardGenerator.cards(from: try Self.knowledge([("notes.txt", Self.notes)]))
        let b = CardGenerator.cards(from: try Self.knowledge([("notes.txt", Self.notes)]))
        #expect(a.map(\.id) == b.map(\.id))
        // Another file beside it leaves these cards' ids alone.
        let more = CardGenerator.cards(from: try Self.knowledge([("notes.txt", Self.notes), ("other.txt", "Other:\n- In 1949 NATO was founded.\n")]))
        #expect(Set(a.map(\.id)).isSubset(of: Set(more.map(\.id))))
        #expect(Card.id(kind: .basic, prompt: "A  question?", answer: "x") == Card.id(kind: .basic, prompt: "a question?", answer: "X"))
    }

    @Test(arguments: [
        ("and the NEP ended in […]", "starts with 'and'"), ("[…] caused the famine, e.g.", "ends with 'eg'"),
        ("the (first plan began in […]", "unbalanced bracket"), ("he said “never in […]", "unbalanced quotation mark"),
        ("[…] - emergency measure to rescue economy", "a cloze of a line's label"),
    ])
    func theRulesCatchBadCards(prompt: String, problem: String) {
        let card = Card(id: "c1", kind: .cloze, prompt: prompt, answer: "1928", citations: [Citation(source: "n", span: Span(1, 1))])
        #expect(CardQuality.problems(card).contains { $0.contains(problem) }, "\(CardQuality.problems(card))")
    }

    @Test func theRulesCatchGivenAwayAnswersAndStopWordClozes() {
        let c = Citation(source: "n", span: Span(1, 1))
        #expect(CardQuality.problems(Card(id: "1", kind: .who, prompt: "Who was Stalin's rival Trotsky?", answer: "Trotsky", citations: [c])).contains("the answer is in the prompt"))
        #expect(CardQuality.problems(Card(id: "2", kind: .cloze, prompt: "Stalin was \(CardQuality.blank) leader", answer: "the", citations: [c])).contains("a cloze that blanks a stop-word"))
        #expect(CardQuality.problems(Card(id: "3", kind: .date, prompt: "In which year was Kirov murdered", answer: "1934", citations: [c])).contains("a question without a question mark"))
    }

    /// The five seeds: hundreds of cards of every type, none breaking a rule.
    @Test(.enabled(if: Fixtures.seedsAvailable, Comment(rawValue: Fixtures.seedsMissingMessage)))
    func theSeedsGiveCardsOfEveryTypeThatKeepTheRules() throws {
        let kb = try KnowledgeQualityTests.knowledgeOfSeeds()
        let cards = CardGenerator.cards(from: kb)
        let kinds = Set(cards.map(\.kind))
        print("cards from the seeds: \(cards.count); " + Card.Kind.allCases.map { k in "\(k.rawValue) \(cards.filter { $0.kind == k }.count)" }.joined(separator: ", "))
        #expect(cards.count >= 200)
        for kind in [Card.Kind.reverse, .cloze, .date, .who, .choice, .ordering, .exam] { #expect(kinds.contains(kind), "no \(kind) cards") }
        for card in cards { #expect(CardQuality.problems(card).isEmpty, "\(card.prompt): \(CardQuality.problems(card))") }
        #expect(Set(cards.map(\.id)).count == cards.count)
        // Every seed gives cards.
        for name in Fixtures.seedNames { #expect(cards.contains { $0.citations.contains { $0.source == name } }, "no cards from \(name)") }
    }

    @Test func anotherSubjectGivesCardsToo() throws {
        let outline = String(decoding: try Fixtures.fixture("other-subject/cold-war-outline.txt"), as: UTF8.self)
        let cards = CardGenerator.cards(from: try Self.knowledge([("cold-war-outline.txt", outline)]))
        #expect(cards.contains { $0.kind == .reverse && $0.prompt == "What is meant by “Containment”?" })
        #expect(cards.contains { $0.kind == .date || $0.kind == .cloze })
        for card in cards { #expect(CardQuality.problems(card).isEmpty, "\(card.prompt): \(CardQuality.problems(card))") }
    }
}
