import Foundation
import ReviseCore
import TestSupport
import Testing

/// The same extraction on notes about another subject (the Cold War), written for these tests in two shapes:
/// nothing in the extractor knows either subject.
struct OtherSubjectTests {
    struct Expected: Decodable {
        struct Event: Decodable {
            var file: String
            var line: Int
            var year: Int
        }
        struct Question: Decodable {
            var file: String
            var line: Int
            var marks: Int
        }
        var people: [String]
        var aliases: [String: [String]]
        var terms: [String]
        var events: [Event]
        var question: Question
    }

    static let folder = Fixtures.fixturesFolder.appendingPathComponent("other-subject")

    static func knowledge() throws -> (KnowledgeBase, Expected) {
        let names = ["cold-war-outline.txt", "cold-war-cards.md"]
        let sources = try names.map { name in
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            return FactExtractor.extract(try NoteImporter.parse(bytes: bytes, name: name).outline, source: name)
        }
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
        return (KnowledgeBase.merge(sources), expected)
    }

    @Test func peopleAndTheirMisspellingsComeOut() throws {
        let (kb, expected) = try Self.knowledge()
        let names = kb.people.flatMap { [$0.name] + $0.aliases }
        let found = expected.people.filter { person in names.contains { $0 == person || $0.hasSuffix(" " + person) } }
        #expect(Double(found.count) / Double(expected.people.count) >= 0.85, "found \(found) of \(expected.people)")
        for (person, spellings) in expected.aliases {
            let entity = try #require(kb.entity(named: person))
            for spelling in spellings { #expect(entity.aliases.contains(spelling), "\(spelling) is \(person)") }
        }
        let people = Set(kb.people.map(\.name))
        let wrong = people.filter { name in !expected.people.contains { name == $0 || name.hasSuffix(" " + $0) } }
        #expect(wrong.count <= 1, "not people: \(wrong)")
    }

    @Test func termsAndDatesComeOut() throws {
        let (kb, expected) = try Self.knowledge()
        let terms = Set(kb.terms.flatMap { [$0.name] + $0.aliases }.map { $0.lowercased() })
        let foundTerms = expected.terms.filter { terms.contains($0.lowercased()) }
        #expect(Double(foundTerms.count) / Double(expected.terms.count) >= 0.75, "terms found: \(foundTerms)")
        let events = kb.facts.filter { $0.kind == .event }
        let foundEvents = expected.events.filter { e in
            events.contains { f in
                f.when?.year == e.year && f.citations.contains { $0.source == e.file && $0.span.first <= e.line && e.line <= $0.span.last }
            }
        }
        #expect(Double(foundEvents.count) / Double(expected.events.count) >= 0.9, "\(foundEvents.count) of \(expected.events.count) events")
        let question = try #require(kb.questions.first)
        #expect(question.marks == expected.question.marks && question.citation.span.first == expected.question.line)
        #expect(question.command == .explainWhy)
    }
}
