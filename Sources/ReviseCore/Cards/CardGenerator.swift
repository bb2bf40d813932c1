/// Writes cards from what the notes say: terms both ways, the years of events, who held a post or said something,
/// numbers in their sentence, events of one topic in order, and the notes' exam questions. A card is written only
/// when it can be phrased well; every card keeps `CardQuality`'s rules and cites its sources.
public enum CardGenerator {
    /// Changes whenever the cards written from the same notes change, so stores write their cards again.
    public static let version = 10

    public static func cards(from knowledge: KnowledgeBase) -> [Card] {
        var writer = Writer(knowledge: knowledge)
        writer.writeAll()
        return writer.cards
    }

    struct Writer {
        let knowledge: KnowledgeBase
        var cards: [Card] = []
        var seen: Set<String> = []
        let kinds: [String: Entity.Kind]
        /// For each person, the middle year of the dated events that name them: their era.
        let era: [String: Int]
        /// Claims each fact's citation makes in a disagreement, for the note on its card.
        let disagreements: [Citation: Conflict]
        /// Who held each post, by its normalised name: a post one person held makes a fair question.
        let holders: [String: Set<String>]
        /// The terms the notes define, once each, with the topic of their definition.
        let definedTerms: [(term: String, topic: [String])]
        /// Where the student wrote cards themselves: no card is written from those lines.
        let authored: Set<Citation>
        /// Each term's abbreviation, when the notes use one ("New Economic Policy" → "NEP").
        let abbreviations: [String: String]

        init(knowledge: KnowledgeBase) {
            self.knowledge = knowledge
            var kinds: [String: Entity.Kind] = [:]
            for e in knowledge.entities {
                kinds[e.name] = e.kind
                for a in e.aliases where kinds[a] == nil { kinds[a] = e.kind }
            }
            self.kinds = kinds
            var abbreviations: [String: String] = [:]
            for e in knowledge.entities where e.kind != .person {
                if let short = e.aliases.filter(TermShape.isAcronym).min(by: { ($0.count, $0) < ($1.count, $1) }) {
                    abbreviations[e.name] = short
                }
            }
            self.abbreviations = abbreviations
            var years: [String: [Int]] = [:]
            for fact in knowledge.facts where fact.kind == .event || fact.kind == .role {
                guard let y = fact.when?.year else { continue }
                for m in fact.mentions where kinds[m] == .person { years[m, default: []].append(y) }
            }
            era = years.mapValues { $0.sorted()[$0.count / 2] }
            var disagreements: [Citation: Conflict] = [:]
            for conflict in knowledge.conflicts {
                for claim in conflict.claims { disagreements[claim.citation] = conflict }
            }
            self.disagreements = disagreements
            var holders: [String: Set<String>] = [:]
            var definedTerms: [(term: String, topic: [String])] = []
            var defined: Set<String> = []
            for fact in knowledge.facts {
                if fact.kind == .role, let post = fact.detail, let person = fact.subject {
                    holders[Card.normalised(post), default: []].insert(person)
                }
                if fact.kind == .definition, let t = fact.subject, kinds[t] != nil || TermShape.isAcronym(t),
                    defined.insert(Card.normalised(t)).inserted
                {
                    definedTerms.append((t, fact.topic))
                }
            }
            self.holders = holders
            self.definedTerms = definedTerms
            // Where each card was written: its last citation (a card brought back from a Revise export also cites
            // the notes it was first made from, whose other cards still stand).
            authored = Set(knowledge.cards.compactMap(\.citations.last))
        }

        mutating func add(_ card: Card) {
            guard CardQuality.problems(card).isEmpty, seen.insert(card.id).inserted else { return }
            cards.append(card)
        }

        mutating func add(
            _ kind: Card.Kind, prompt: String, answer: String, choices: [String] = [], order: [String] = [],
            note: String? = nil, from fact: Fact
        ) {
            guard !fact.citations.contains(where: authored.contains) else { return }
            add(
                Card(
                    id: Card.id(kind: kind, prompt: prompt, answer: answer), kind: kind, prompt: prompt, answer: answer,
                    choices: choices, order: order, note: note, topic: fact.topic, citations: fact.citations))
        }

        mutating func writeAll() {
            // The student's own cards first, as written: a rule that tidies Revise's wording must not reject them.
            for card in knowledge.cards where seen.insert(card.id).inserted { cards.append(card) }
            for fact in knowledge.facts {
                switch fact.kind {
                case .definition: writeDefinition(fact)
                case .event:
                    writeEvent(fact)
                    writeNameCloze(fact)
                case .role: writeRole(fact)
                case .quote: writeQuote(fact)
                case .statistic: writeStatistic(fact)
                case .cause: writeCause(fact)
                case .list: break
                }
            }
            writeOrderings()
            for question in knowledge.questions { writeExam(question) }
        }

        // MARK: Terms

        mutating func writeDefinition(_ fact: Fact) {
            guard let term = fact.subject, let raw = fact.detail, kinds[term] != nil || TermShape.isAcronym(term) else { return }
            var meaning = Phrase.tidy(raw)
            // "Gosplan - 1921 - state planning commission": the year goes after the meaning.
            if let date = DateFinder.dates(in: meaning).first, meaning.hasPrefix(date.when.text) {
                let rest = Phrase.tidy(String(meaning.dropFirst(date.when.text.count)))
                if rest.wordCount >= 2 { meaning = rest + " (\(date.when.description))" }
            }
            guard meaning.wordCount >= 2, meaning.wordCount <= 25 else { return }
            // A meaning that spells out its term ("the New Economic Policy of 1921, which …") is asked by the
            // term's abbreviation ("What is meant by “NEP”?"), and the other way round with the term left out.
            var asked = term
            var shown = meaning
            if let named = meaning.range(of: term, options: .caseInsensitive) {
                guard let short = abbreviations[term], meaning.range(of: short) == nil else { return }
                asked = short
                shown = meaning.replacingCharacters(in: named, with: "[…]")
            }
            add(.reverse, prompt: "What is meant by “\(asked)”?", answer: Phrase.capitalised(meaning), from: fact)
            let prompt = "Which term means “\(shown)”?"
            // One in three asked with four terms to choose from: other terms the notes define under the same topic
            // (or, failing that, anywhere), never one that means the same.
            let others = otherTerms(than: term, near: fact.topic)
            if Self.asChoice(prompt), others.count == 3 {
                add(.choice, prompt: prompt, answer: term, choices: Self.shuffled(others + [term], seed: prompt), from: fact)
            } else {
                add(.reverse, prompt: prompt, answer: term, from: fact)
            }
        }

        /// Three other defined terms, those sharing the most of `topic`'s path first.
        func otherTerms(than term: String, near topic: [String]) -> [String] {
            let key = Card.normalised(term)
            let scored = definedTerms.filter { Card.normalised($0.term) != key }.map { defined in
                (zip(defined.topic, topic).prefix { $0 == $1 }.count, defined.term)
            }
            return scored.sorted { ($0.0, $1.1) > ($1.0, $0.1) }.prefix(3).map(\.1)
        }

        // MARK: Events

        mutating func writeEvent(_ fact: Fact) {
            // A question in the notes is not an event ("Why did Stalin abandon the NEP in 1928?").
            guard let when = fact.when, let detail = fact.detail, !fact.text.has("?") else { return }
            let statement = Phrase.tidy(detail.has(when.text) ? detail.replacingFirst(when.text, with: "") : detail)
            let words = statement.split(separator: " ").map(String.init)
            guard words.count >= 3, words.count <= 22 else { return }
            let answer = when.description
            if var question = Phrase.yearQuestion(statement, person: person(of: fact)) {
                // "In which year" wants one year; a period or a decade is asked "When".
                if when.isRange || when.month != nil || when.qualifier != .on {
                    question = "When" + question.dropFirst("In which year".count)
                }
                // One question in three is asked with four years to choose from, near the right one (a question
                // is asked one way only, so a session never shows it twice).
                if Self.asChoice(question), !when.isRange, when.qualifier == .on, when.month == nil {
                    let choices = Self.nearYears(when.year, seed: question).map(String.init) + [answer]
                    add(.choice, prompt: question, answer: answer, choices: Self.shuffled(choices, seed: question), from: fact)
                } else {
                    add(.date, prompt: question, answer: answer, from: fact)
                }
            } else if fact.text.has(when.text), fact.text.wordCount <= 30 {
                let blanked = fact.text.replacingFirst(when.text, with: CardQuality.blank)
                let sentence = Phrase.clause(holding: CardQuality.blank, in: Phrase.tidy(blanked))
                // A heading with its date ("The Soviet Economy 1918-1928") says too little to be asked.
                guard sentence.has(CardQuality.blank), sentence.wordCount >= 5 else { return }
                add(.cloze, prompt: Phrase.capitalised(sentence), answer: when.text, from: fact)
            }
        }

        /// Who an event is about: the person it names, else the person its heading is about ("Trotsky's
        /// weaknesses" › "1926- Expelled from Politburo").
        func person(of fact: Fact) -> String? {
            if let s = fact.subject, kinds[s] == .person { return s }
            guard let heading = fact.topic.last, let first = heading.split(separator: " ").first else { return nil }
            var name = String(first)
            for suffix in ["'s", "’s", "'", "’", ":"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
            if kinds[name] == .person { return name }
            return knowledge.entity(named: name).flatMap { $0.kind == .person && $0.aliases.contains(name) ? $0.name : nil }
        }

        static func asChoice(_ question: String) -> Bool { stableNumber(question) % 3 == 0 }

        /// The person an event names, hidden: "In 1937 […] was shot" → Tukhachevsky.
        mutating func writeNameCloze(_ fact: Fact) {
            guard let person = fact.subject, kinds[person] == .person, fact.text.wordCount <= 25,
                Phrase.hasVerb(fact.text), fact.text.has(person + " ") || fact.text.has(person + "'")
            else { return }
            let sentence = Phrase.tidy(fact.text.replacingFirst(person, with: CardQuality.blank))
            guard sentence.has(CardQuality.blank), sentence.wordCount >= 4 else { return }
            add(.cloze, prompt: Phrase.capitalised(sentence), answer: person, from: fact)
        }

        static func nearYears(_ year: Int, seed: String) -> [Int] {
            let offsets = [-3, -2, -1, 1, 2, 3]
            let start = stableNumber(seed) % offsets.count
            return (0..<3).map { year + offsets[(start + $0 * 2) % offsets.count] }
        }

        static func stableNumber(_ text: String) -> Int {
            var h: UInt64 = 14_695_981_039_346_656_037
            for b in text.utf8 { h = (h ^ UInt64(b)) &* 1_099_511_628_211 }
            return Int(h % 1_000_003)
        }

        static func shuffled(_ items: [String], seed: String) -> [String] {
            items.sorted { stableNumber(seed + $0) < stableNumber(seed + $1) }
        }

        // MARK: People

        mutating func writeRole(_ fact: Fact) {
            guard let person = fact.subject, kinds[person] == .person, let raw = fact.detail else { return }
            let role = Phrase.tidy(raw)
            // A named post ("Commissar for Heavy Industry", "head of the NKVD"), not a description ("the bodyguard",
            // "a member of the Politburo", which many were).
            let named = role.split(separator: " ").contains { $0.first?.isUppercase == true }
            guard role.wordCount >= 1, role.wordCount <= 8, !role.lowercased().hasPrefix("in charge"),
                !role.lowercased().hasPrefix("member"), named, Phrase.startsLikeRole(role)
            else { return }
            // Only a post one person held in the notes makes a fair question.
            let holders = self.holders[Card.normalised(raw)] ?? []
            guard holders.count == 1 else { return }
            let when = fact.when.map { " in \($0.description)" } ?? ""
            let prompt = "Who was \(Phrase.withArticle(role))\(when)?"
            let distractors = peopleOfTheSameEra(as: person, excluding: holders)
            if Self.asChoice(prompt), distractors.count == 3 {
                add(.choice, prompt: prompt, answer: person, choices: Self.shuffled(distractors + [person], seed: prompt), from: fact)
            } else {
                add(.who, prompt: prompt, answer: person, from: fact)
            }
        }

        func peopleOfTheSameEra(as person: String, excluding: Set<String>) -> [String] {
            let year = era[person]
            let people = knowledge.people.map(\.name).filter { !excluding.contains($0) && $0 != person }
            return Array(
                people.sorted { a, b in
                    let da = year.flatMap { y in era[a].map { abs($0 - y) } } ?? 1000
                    let db = year.flatMap { y in era[b].map { abs($0 - y) } } ?? 1000
                    return (da, a) < (db, b)
                }.prefix(3))
        }

        mutating func writeQuote(_ fact: Fact) {
            guard let speaker = fact.subject, kinds[speaker] == .person, let words = fact.detail else { return }
            let quote = Phrase.tidy(words)
            // A short phrase in quotation marks is more often a name for something than words someone said.
            guard quote.wordCount >= 5, quote.wordCount <= 30 else { return }
            add(.who, prompt: "Who said “\(quote)”?", answer: speaker, from: fact)
        }

        // MARK: Numbers and causes

        mutating func writeStatistic(_ fact: Fact) {
            guard let q = fact.quantity, fact.text.wordCount <= 32, fact.text.has(q.text) else { return }
            // The number is hidden, the thing it counts stays: "About […] army officers", "from […] tonnes".
            var hidden = q.text
            if let unit = q.unit, unit != "%", unit != "times", hidden.hasSuffix(" " + unit) {
                hidden = String(hidden.dropLast(unit.count + 1))
            }
            let blanked = Phrase.tidy(fact.text.replacingFirst(hidden, with: CardQuality.blank))
            let sentence = Phrase.clause(holding: CardQuality.blank, in: blanked)
            guard sentence.has(CardQuality.blank), sentence.wordCount >= 5 else { return }
            var note: String?
            if let conflict = fact.citations.compactMap({ disagreements[$0] }).first {
                note = "Sources disagree: " + conflict.claims.map { "\($0.value) (\($0.citation))" }.joined(separator: ", ")
            }
            add(.cloze, prompt: Phrase.capitalised(sentence), answer: hidden, note: note, from: fact)
        }

        /// Arrows the notes drew ("Troika -> carried out the executions", "Nikolaev -> the murderer who killed
        /// Kirov"): what something did, or who someone was.
        mutating func writeCause(_ fact: Fact) {
            guard fact.text.has("->") || fact.text.has("→") else { return }
            let links = fact.items.count >= 2 ? fact.items : [fact.subject, fact.detail].compactMap { $0 }
            for (a, b) in zip(links, links.dropFirst()) {
                let thing = Phrase.tidy(a)
                let said = Phrase.tidy(b)
                guard thing.wordCount >= 1, thing.wordCount <= 6, said.wordCount >= 3, said.wordCount <= 16,
                    Phrase.startsLikeNounPhrase(thing), let first = said.split(separator: " ").first?.lowercased()
                else { continue }
                if Phrase.isParticiple(first), !["was", "were"].contains(first) {
                    add(.basic, prompt: "What did \(Phrase.withArticleIfCommon(thing, isBody: kinds[thing] == .organisation)) do?", answer: Phrase.capitalised(said), from: fact)
                } else if kinds[thing] == .person, ["the", "a", "an"].contains(first) {
                    add(.basic, prompt: "Who was \(thing)?", answer: Phrase.capitalised(said), from: fact)
                }
            }
        }

        // MARK: Orderings and exam questions

        /// Events of one topic (a section, else its chapter) in fours, to put in order: at most three sets a topic.
        mutating func writeOrderings() {
            var byTopic: [[String]: [Fact]] = [:]
            for fact in knowledge.timeline where !fact.topic.isEmpty {
                guard let detail = fact.detail, !fact.text.has("?"), Phrase.tidy(detail).wordCount >= 3,
                    Phrase.tidy(detail).wordCount <= 12, !fact.when!.isRange, Phrase.standsAlone(Phrase.tidy(detail))
                else { continue }
                byTopic[fact.topic, default: []].append(fact)
                if fact.topic.count > 1 { byTopic[[fact.topic[0]], default: []].append(fact) }
            }
            var used: Set<Citation> = []
            for topic in byTopic.keys.sorted(by: { ($1.count, $0.joined(separator: "/")) < ($0.count, $1.joined(separator: "/")) }) {
                var pool: [Fact] = []
                var years: Set<Int> = []
                for fact in byTopic[topic]! where !years.contains(fact.when!.year) && !used.contains(fact.citations[0]) {
                    pool.append(fact)
                    years.insert(fact.when!.year)
                }
                for start in stride(from: 0, to: min(pool.count, 12), by: 4) where start + 4 <= pool.count {
                    let chosen = Array(pool[start..<(start + 4)])
                    let items = chosen.map { Phrase.capitalised(Phrase.tidy($0.detail!)) }
                    let shown = Self.shuffled(items, seed: topic.joined(separator: "/") + "\(start)")
                    guard shown != items else { continue }
                    let prompt = "Put in time order: " + shown.enumerated().map { "(\($0.offset + 1)) \($0.element)" }.joined(separator: "; ")
                    let answer = zip(items, chosen).map { "\($0.0) (\($0.1.when!.description))" }.joined(separator: " → ")
                    var fact = chosen[0]
                    fact.topic = topic
                    fact.citations = Array(Set(chosen.flatMap(\.citations))).sorted()
                    add(.ordering, prompt: prompt, answer: answer, order: items, from: fact)
                    used.formUnion(chosen.map { $0.citations[0] })
                }
            }
        }

        mutating func writeExam(_ question: ExamQuestion) {
            // A heading with marks ("Stalin's Terror (10)") is a topic, not a question to practise.
            guard question.text.has("?") || question.command != .other, question.marks != nil || question.text.wordCount >= 6
            else { return }
            let factors = question.factors.map(Phrase.tidy).filter { $0.wordCount >= 2 && $0.wordCount <= 16 }
            guard factors.count >= 2 else { return }
            var prompt = question.text.trimming([" "])
            if let marks = question.marks, !prompt.has("(\(marks))") { prompt += " (\(marks) marks)" }
            if !(prompt.hasSuffix("?") || prompt.hasSuffix(".") || prompt.hasSuffix(")")) { prompt += "?" }
            var answer = factors.prefix(8).map { "• " + Phrase.capitalised($0) }.joined(separator: "\n")
            // Recall the factors and the judgement they lead to.
            if let judgement = ExamBrief.judgementLine(for: question) { answer += "\n" + judgement }
            let fact = Fact(kind: .list, text: question.text, topic: question.topic, citations: [question.citation])
            add(
                Card(
                    id: Card.id(kind: .exam, prompt: prompt, answer: ""), kind: .exam, prompt: prompt, answer: answer,
                    topic: fact.topic,
                    citations: fact.citations))
        }
    }
}
