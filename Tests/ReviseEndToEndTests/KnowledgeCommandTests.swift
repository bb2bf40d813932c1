import Foundation
import TestSupport
import Testing

/// The knowledge commands, run as a user would on imported notes: every one in text and in JSON, and the
/// mistakes a user makes.
@Suite(.serialized)
struct KnowledgeCommandTests {
    func imported() throws -> CLI { try CLI.withColdWarNotes() }

    @Test func everyCommandAnswersInTextAndJSON() throws {
        let cli = try imported()
        defer { cli.cleanUp() }
        let facts = try CLI.json(try cli.run(["facts", "--json"]).out)["facts"] as? [[String: Any]]
        #expect((facts?.count ?? 0) > 50)
        for fact in facts ?? [] {
            let citations = fact["citations"] as? [[String: Any]]
            #expect(citations?.isEmpty == false, "every fact cites its source: \(fact)")
            #expect(fact["kind"] is String && fact["text"] is String)
        }
        let roles = try CLI.json(try cli.run(["facts", "--kind", "role", "--json"]).out)["facts"] as? [[String: Any]]
        #expect(roles?.contains { $0["subject"] as? String == "Truman" } == true)
        let about = try cli.run(["facts", "--about", "Kruschev"])
        #expect(about.status == 0 && about.out.contains("Khrushchev") || about.out.contains("1953"), "\(about.out)")

        let timeline = try cli.run(["timeline", "--from", "1950", "--to", "1962", "--json"])
        let events = try #require(try CLI.json(timeline.out)["events"] as? [[String: Any]])
        #expect(!events.isEmpty)
        let years = events.compactMap { ($0["when"] as? [String: Any])?["year"] as? Int }
        #expect(years == years.sorted() && years.allSatisfy { $0 <= 1962 })
        let text = try cli.run(["timeline"])
        #expect(text.status == 0 && text.out.contains("cold-war-outline.txt:"))

        let people = try cli.run(["people"])
        #expect(people.status == 0 && people.out.contains("Khrushchev (also Kruschev)"), "\(people.out)")
        let person = try cli.run(["person", "kruschev", "--json"])
        #expect(person.status == 0)
        let profile = try CLI.json(person.out)
        #expect((profile["person"] as? [String: Any])?["name"] as? String == "Khrushchev")
        #expect((profile["timeline"] as? [[String: Any]])?.isEmpty == false)

        let terms = try cli.run(["terms"])
        #expect(terms.status == 0 && terms.out.contains("Containment — the US policy"), "\(terms.out)")
        let questions = try CLI.json(try cli.run(["questions", "--json"]).out)["questions"] as? [[String: Any]]
        #expect(questions?.first?["marks"] as? Int == 12 && questions?.first?["number"] as? Int == 1)
        #expect((questions?.first?["id"] as? String)?.hasPrefix("q") == true)
        #expect((questions?.first?["citation"] as? String)?.hasPrefix("cold-war-outline.txt:") == true)
        #expect(try cli.run(["conflicts"]).status == 0)
        let conflicts = try CLI.json(try cli.run(["conflicts", "--json"]).out)
        #expect(conflicts["conflicts"] is [Any])

        let search = try cli.run(["search", "Berlin", "airlift", "--json"])
        let hits = try #require(try CLI.json(search.out)["results"] as? [[String: Any]])
        #expect(!hits.isEmpty)
        #expect((hits.first?["highlighted"] as? String)?.contains("[Berlin]") == true)
        let searchText = try cli.run(["search", "\"iron curtain\""])
        #expect(searchText.status == 0 && searchText.out.contains("cold-war-outline.txt:"), "\(searchText.out)")
    }

    @Test func mistakesGetAClearMessageAndAnExitCode() throws {
        let cli = try imported()
        defer { cli.cleanUp() }
        let unknown = try cli.run(["person", "Napoleon"])
        #expect(unknown.status == 1 && unknown.err.contains("no person called “Napoleon”"), "\(unknown.err)")
        let about = try cli.run(["facts", "--about", "Nobody At All"])
        #expect(about.status == 1 && about.err.contains("Nobody At All"))
        let kind = try cli.run(["facts", "--kind", "gossip"])
        #expect(kind.status == 64 && kind.err.contains("gossip"))
        let years = try cli.run(["timeline", "--from", "1990", "--to", "1950"])
        #expect(years.status == 64 && years.err.contains("--from 1990 is after --to 1950"))
        let notAYear = try cli.run(["timeline", "--from", "soon"])
        #expect(notAYear.status == 64)
        let empty = try cli.run(["search", "!!!"])
        #expect(empty.status == 64 && empty.err.contains("give some words"))
        // FTS5 syntax in a query is read as words, never an error.
        for query in ["NEAR(", "\"unbalanced", "a AND OR b", "col:umn", "*", "^x"] {
            let odd = try cli.run(["search", query])
            #expect(odd.status == 0 || odd.status == 64, "\(query): \(odd.err)")
            #expect(!odd.err.contains("database error"), "\(query): \(odd.err)")
        }
        let limit = try cli.run(["search", "Berlin", "--limit", "0"])
        #expect(limit.status == 64)
    }

    @Test func anEmptyStoreSaysSoInsteadOfFailing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for command in [["facts"], ["timeline"], ["people"], ["terms"], ["questions"], ["conflicts"], ["search", "x"]] {
            let result = try cli.run(command)
            #expect(result.status == 0, "\(command): \(result.err)")
            #expect(!result.out.isEmpty)
        }
    }

    @Test(.enabled(if: Fixtures.seedsAvailable, Comment(rawValue: Fixtures.seedsMissingMessage)))
    func theSeedsGiveTheirPeopleAndQuestions() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["import", Fixtures.seedsFolder.path]).status == 0)
        let people = try CLI.json(try cli.run(["people", "--json"]).out)["people"] as? [[String: Any]] ?? []
        func aliases(_ name: String) -> [String] {
            people.first { $0["name"] as? String == name }?["aliases"] as? [String] ?? []
        }
        #expect(aliases("Trotsky").contains("Trosky"))
        #expect(aliases("Rykov").contains("Kykov"))
        #expect(aliases("Yagoda").contains("Yogda"))
        #expect(aliases("Kamenev").contains("K&Z") && aliases("Zinoviev").contains("Z&K"))
        #expect(aliases("Lenin").contains("Lenins"))
        let questions = try CLI.json(try cli.run(["questions", "--json"]).out)["questions"] as? [[String: Any]] ?? []
        let marks = questions.compactMap { $0["marks"] as? Int }
        #expect(marks.contains(40) && marks.contains(6) && marks.contains(10))
        let search = try cli.run(["search", "famine", "--json"])
        #expect((try CLI.json(search.out)["results"] as? [[String: Any]])?.count ?? 0 >= 5)
    }
}
