import Foundation
import ReviseCore
import TestSupport

/// The hand-made gold annotations of the seeds (`Tests/Fixtures/gold/`), and how extracted knowledge is scored
/// against them. The method is written up in docs/QUALITY.md.
struct GoldSet {
    struct File: Decodable {
        struct Event: Decodable {
            var line: Int
            var year: Int
            var endYear: Int?
            var words: [String]
        }
        struct FactItem: Decodable {
            var line: Int
            var kind: String
            var words: [String]
            /// Marked by the second reading only, or marked by the first and disputed by the second: right when
            /// extracted, not missed when absent (docs/QUALITY.md).
            var optional: Bool?
        }
        struct Person: Decodable {
            var name: String
            var aliases: [String]?
        }
        struct Term: Decodable {
            var term: String
            var aliases: [String]?
            /// Listed by the second reading only: right when extracted, not missed when absent.
            var optional: Bool?
        }
        struct Question: Decodable {
            var line: Int
            var marks: Int?
            var command: String
            var words: [String]
        }
        var source: String
        var events: [Event]
        var facts: [FactItem]
        var people: [Person]
        var terms: [Term]
        var questions: [Question]
        /// Headings worded as questions ("Why collectivise?") that may or may not be exam questions: neither
        /// found nor wrong.
        var ambiguousQuestions: [Question]?
    }

    struct Conflicts: Decodable {
        struct Item: Decodable {
            struct Claim: Decodable {
                var source: String
                var line: Int
                var value: String
            }
            var topic: String
            var scope: String
            var claims: [Claim]
        }
        var conflicts: [Item]
    }

    var files: [File]
    var conflicts: [Conflicts.Item]

    static func load() throws -> GoldSet {
        let folder = Fixtures.fixturesFolder.appendingPathComponent("gold")
        let decoder = JSONDecoder()
        let files = try ["000", "001", "002", "003", "004"].map {
            try decoder.decode(File.self, from: Data(contentsOf: folder.appendingPathComponent("\($0).json")))
        }
        let conflicts = try decoder.decode(
            Conflicts.self, from: Data(contentsOf: folder.appendingPathComponent("conflicts.json")))
        return GoldSet(files: files, conflicts: conflicts.conflicts)
    }

    /// Recall and precision of one kind of knowledge.
    struct Score: CustomStringConvertible {
        var name: String
        var found: Int
        var expected: Int
        var correct: Int
        var extracted: Int
        var recall: Double { expected == 0 ? 1 : Double(found) / Double(expected) }
        var precision: Double { extracted == 0 ? 1 : Double(correct) / Double(extracted) }
        var description: String {
            "| \(name) | \(found)/\(expected) | \(percent(recall)) | \(correct)/\(extracted) | \(percent(precision)) |"
        }
        func percent(_ x: Double) -> String { String(format: "%.0f%%", x * 100) }
    }

    /// A citation covers a gold line when the line is inside its span, or up to two lines before it (a sentence
    /// the gold set marks on its first line may be read from a wrapped paragraph).
    static func covers(_ citation: Citation, _ source: String, _ line: Int) -> Bool {
        citation.source == source && citation.span.first - 2 <= line && line <= citation.span.last
    }

    static func mentions(_ text: String, _ words: [String]) -> Bool {
        let lower = text.lowercased()
        return words.contains { lower.contains($0.lowercased()) }
    }

    func scores(_ kb: KnowledgeBase) -> [Score] {
        var result: [Score] = []
        // Events: the right year at the right line.
        var goldEvents: [(String, File.Event)] = []
        for f in files { for e in f.events { goldEvents.append((f.source, e)) } }
        let events = kb.facts.filter { $0.kind == .event }
        let eventFound = goldEvents.filter { source, gold in
            events.contains { fact in
                fact.when?.year == gold.year && fact.citations.contains { Self.covers($0, source, gold.line) }
            }
        }.count
        let eventCorrect = events.filter { fact in
            goldEvents.contains { source, gold in
                fact.when?.year == gold.year && fact.citations.contains { Self.covers($0, source, gold.line) }
            }
        }.count
        result.append(Score(name: "events (right year)", found: eventFound, expected: goldEvents.count, correct: eventCorrect, extracted: events.count))

        // People: by name or alias, any case.
        let goldPeople = files.flatMap(\.people)
        var goldNames: [String: String] = [:]
        for p in goldPeople {
            goldNames[p.name.lowercased()] = p.name
            for a in p.aliases ?? [] { goldNames[a.lowercased()] = p.name }
        }
        let distinctGold = Set(goldPeople.map(\.name))
        let people = kb.people
        let peopleNames = Set(people.flatMap { [$0.name] + $0.aliases }.compactMap { goldNames[$0.lowercased()] })
        let peopleCorrect = people.filter { p in ([p.name] + p.aliases).contains { goldNames[$0.lowercased()] != nil } }.count
        result.append(Score(name: "people", found: distinctGold.intersection(peopleNames).count, expected: distinctGold.count, correct: peopleCorrect, extracted: people.count))

        // Terms: by name or alias, any case, plural folded, a hyphen read as a space and a possessive "'s" dropped
        // ("Five-Year Plans" = "Five Year Plan", "Lenin's testament" = "Lenin testament").
        func fold(_ s: String) -> String {
            var l = s.lowercased().replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "'s ", with: " ")
            l = l.split(whereSeparator: { $0 == " " || $0 == "-" }).joined(separator: " ")
            if l.count > 3, l.hasSuffix("s") { l.removeLast() }
            return l
        }
        // Spellings to the term they name: the first reading's terms (required) and every term of both readings.
        var goldTerms: [String: String] = [:]
        var everyTerm: [String: String] = [:]
        for t in files.flatMap(\.terms) {
            let spellings = [t.term] + (t.aliases ?? [])
            for a in spellings where everyTerm[fold(a)] == nil { everyTerm[fold(a)] = fold(t.term) }
            if t.optional != true { for a in spellings { goldTerms[fold(a)] = fold(t.term) } }
        }
        // A term the second reading lists under a spelling of a required one is that term.
        for (spelling, term) in everyTerm { if let required = goldTerms[term] { everyTerm[spelling] = required } }
        for (spelling, term) in goldTerms { everyTerm[spelling] = term }
        let terms = kb.entities.filter { $0.kind == .term || $0.kind == .organisation }
        let isGoldTerm = { (t: Entity) in ([t.name] + t.aliases).contains { everyTerm[fold($0)] != nil || goldNames[$0.lowercased()] != nil } }
        let termCorrect = terms.filter(isGoldTerm).count
        for (label, gold) in [("terms", goldTerms), ("terms, both readings required", everyTerm)] {
            let distinct = Set(gold.values)
            let found = Set(terms.flatMap { [$0.name] + $0.aliases }.compactMap { gold[fold($0)] })
            if ProcessInfo.processInfo.environment["REVISE_QUALITY_DETAIL"] != nil {
                print("\(label) missed:", distinct.subtracting(found).sorted())
            }
            result.append(Score(name: label, found: found.count, expected: distinct.count, correct: termCorrect, extracted: terms.count))
        }
        if ProcessInfo.processInfo.environment["REVISE_QUALITY_DETAIL"] != nil {
            print("terms wrong:", terms.filter { !isGoldTerm($0) }.map(\.name).sorted())
        }

        // Facts of each kind: a fact of that kind at the line that says one of the words.
        for kind in ["role", "definition", "statistic", "quote", "cause", "list"] {
            // Found: of the first reading's facts (required); correct: at a line either reading marks.
            var gold: [(String, File.FactItem)] = []
            var every: [(String, File.FactItem)] = []
            for f in files {
                for x in f.facts where x.kind == kind {
                    every.append((f.source, x))
                    if x.optional != true { gold.append((f.source, x)) }
                }
            }
            let extracted = kb.facts.filter { $0.kind.rawValue == kind }
            let found = gold.filter { source, g in
                extracted.contains { fact in
                    fact.citations.contains { Self.covers($0, source, g.line) }
                        && Self.mentions([fact.text, fact.subject ?? "", fact.detail ?? ""].joined(separator: " "), g.words)
                }
            }.count
            let atGoldLine = { (fact: Fact) in every.contains { source, g in fact.citations.contains { Self.covers($0, source, g.line) } } }
            let correct = extracted.filter(atGoldLine).count
            if let wanted = ProcessInfo.processInfo.environment["REVISE_QUALITY_DETAIL"], wanted == kind {
                for fact in extracted where !atGoldLine(fact) {
                    print("\(kind) wrong: \(fact.citations.first.map(\.description) ?? "") \(fact.subject ?? "-") | \(fact.detail ?? "-") | \(fact.text.prefix(140))")
                }
                if ProcessInfo.processInfo.environment["REVISE_QUALITY_RIGHT"] != nil {
                    for fact in extracted where atGoldLine(fact) {
                        print("\(kind) right: \(fact.citations.first.map(\.description) ?? "") \(fact.subject ?? "-") | \(fact.detail ?? "-") | \(fact.text.prefix(140))")
                    }
                }
                for (source, g) in gold where !extracted.contains(where: { fact in fact.citations.contains { Self.covers($0, source, g.line) } }) {
                    print("\(kind) missed: \(source.prefix(3)):\(g.line) \(g.words)")
                }
            }
            result.append(Score(name: kind, found: found, expected: gold.count, correct: correct, extracted: extracted.count))
            if every.count > gold.count {
                let foundEvery = every.filter { source, g in
                    extracted.contains { fact in
                        fact.citations.contains { Self.covers($0, source, g.line) }
                            && Self.mentions([fact.text, fact.subject ?? "", fact.detail ?? ""].joined(separator: " "), g.words)
                    }
                }.count
                result.append(
                    Score(name: "\(kind), both readings required", found: foundEvery, expected: every.count, correct: correct, extracted: extracted.count))
            }
        }

        // Exam questions: at the line, with the right marks.
        var goldQuestions: [(String, File.Question)] = []
        for f in files { for q in f.questions { goldQuestions.append((f.source, q)) } }
        let qFound = goldQuestions.filter { source, g in
            kb.questions.contains { Self.covers($0.citation, source, g.line) && $0.marks == g.marks }
        }.count
        let qCorrect = kb.questions.filter { q in
            goldQuestions.contains { source, g in Self.covers(q.citation, source, g.line) }
        }.count
        let qAmbiguous = kb.questions.filter { q in
            files.contains { f in (f.ambiguousQuestions ?? []).contains { Self.covers(q.citation, f.source, $0.line) } }
        }.count
        result.append(
            Score(
                name: "exam questions (with marks)", found: qFound, expected: goldQuestions.count, correct: qCorrect,
                extracted: kb.questions.count - qAmbiguous))

        // Conflicts: one that cites two of the gold claims.
        func matches(_ c: Conflict, _ g: Conflicts.Item) -> Bool {
            let cited = g.claims.filter { claim in c.claims.contains { Self.covers($0.citation, claim.source, claim.line) } }
            return cited.count >= 2
        }
        if ProcessInfo.processInfo.environment["REVISE_QUALITY_DETAIL"] != nil {
            for g in conflicts where !kb.conflicts.contains(where: { matches($0, g) }) {
                print("conflict missed:", g.topic, g.claims.map { "\($0.source.prefix(3)):\($0.line) \($0.value)" })
            }
            for c in kb.conflicts where !conflicts.contains(where: { matches(c, $0) }) {
                print("conflict wrong:", c.topic, c.claims.map { "\($0.citation)" })
            }
        }
        let cFound = conflicts.filter { g in kb.conflicts.contains { matches($0, g) } }.count
        let cCorrect = kb.conflicts.filter { c in conflicts.contains { matches(c, $0) } }.count
        result.append(Score(name: "conflicts", found: cFound, expected: conflicts.count, correct: cCorrect, extracted: kb.conflicts.count))
        return result
    }
}
