extension ExamQuestion {
    /// A stable id: the question's words, hashed. The same question in two places of the notes is one question.
    public var id: String {
        "q" + String(ContentHash.hex(Array(Card.normalised(text).utf8)).prefix(10))
    }

    /// The statement a "how far do you agree" question quotes: "‘Stalin’s Five-Year Plans brought misery…’".
    public var statement: String? {
        for (open, close) in [("‘", "’ "), ("'", "' "), ("“", "”"), ("\"", "\""), ("‘", "’."), ("'", "'."), ("‘", "’"), ("'", "'")] {
            guard let start = text.range(of: open) else { continue }
            let rest = text[start.upperBound...]
            guard let end = rest.range(of: close) else { continue }
            let inner = rest[..<end.lowerBound].trimmingCharacters(in: .whitespaces)
            if inner.wordCount >= 4 { return String(inner) }
        }
        return nil
    }
}

/// The words of a question or an answer that carry its meaning, folded so that "modernise", "modernize" and
/// "modernisation" meet.
enum ExamWords {
    static let commandWords: Set<String> = [
        "describe", "explain", "why", "how", "far", "agree", "disagree", "significant", "significance", "statement",
        "answer", "extent", "important", "main", "reason", "reasons", "view", "did", "was", "were", "had", "what",
    ]

    static func stem(_ word: String) -> String {
        var w = word.lowercased()
        if w.contains("z") { w = w.replacingOccurrences(of: "iz", with: "is").replacingOccurrences(of: "yz", with: "ys") }
        for suffix in ["isations", "isation", "ations", "ation", "ising", "ised", "ises", "ise", "ings", "ing", "ies", "ied", "ed", "es", "s", "e"]
        where w.count > suffix.count + 3 && w.hasSuffix(suffix) {
            w.removeLast(suffix.count)
            break
        }
        return w
    }

    /// The first `count` words of a text, with "…" when there were more.
    static func clipped(_ text: String, _ count: Int) -> String {
        let words = text.split(separator: " ")
        return words.count <= count ? text : words.prefix(count).joined(separator: " ") + "…"
    }

    /// Content words, stemmed.
    static func of(_ text: String) -> Set<String> {
        Set(ContentWords.of(text).filter { !commandWords.contains($0) && !$0.allSatisfy(\.isNumber) }.map(stem))
    }
}

/// What a question asks for and what the notes offer to answer it: the demands of its command word and marks,
/// and the factors found in the knowledge base, each with its evidence and citations. `revise exam plan` prints it.
public struct ExamBrief: Hashable, Sendable, Encodable {
    public enum Side: String, Hashable, Sendable, Codable {
        /// Supports the statement (or the factor named in the question).
        case agree
        /// Argues against it, or is another factor to weigh against the one named.
        case disagree
        case neutral
    }

    public struct Evidence: Hashable, Sendable, Codable {
        public var text: String
        public var citation: Citation
    }

    public struct Factor: Hashable, Sendable, Encodable {
        enum CodingKeys: String, CodingKey { case title, side, evidence, fromPlan }

        public var title: String
        public var side: Side
        /// Dates, names and figures from the notes that support the factor.
        public var evidence: [Evidence]
        /// Where the factor comes from: the notes' own plan for this question, or found by search.
        public var fromPlan: Bool
        /// The words that show an answer covers the factor.
        var keywords: Set<String>
    }

    public var question: ExamQuestion
    public var id: String
    public var marks: Int
    public var scheme: MarkScheme
    public var factors: [Factor]
    /// A suggested line of argument for the essay.
    public var argument: String
    /// The words of the question that matter, weighted by how rare they are in the notes.
    var focus: [String: Double]
    enum CodingKeys: String, CodingKey { case question, id, marks, scheme, factors, argument, period }

    /// The years the question asks about ("in 1945-47"), when it names them.
    public var period: When?
    /// The rarer words of the factors and their evidence, with their weights: what an answer on this question
    /// is likely to talk about even when it does not repeat the question's words.
    var context: [String: Double]

    public init(question: ExamQuestion, knowledge: KnowledgeBase) {
        self.question = question
        id = question.id
        marks = MarkScheme.marks(for: question)
        scheme = MarkScheme(command: question.command, marks: marks)
        let facts = knowledge.facts
        let weights = Self.rarity(of: facts)
        // The words of each fact's own text, read once: every factor's evidence search looks at all of them.
        let textWords = facts.map { ExamWords.of($0.text) }
        let questionWords = ExamWords.of(question.text)
        // A word of the question matters as much as it is rare in the notes: "collectivisation" more than "Stalin".
        var focus: [String: Double] = [:]
        for w in questionWords { focus[w] = weights[w] ?? 1.5 }
        // Other names of what the question names count as its words: "the United States" for "the USA".
        let spaced = " " + question.text.lowercased() + " "
        for entity in knowledge.entities where entity.kind != .person {
            let names = [entity.name] + entity.aliases
            guard names.contains(where: { $0.count >= 2 && spaced.contains(" " + $0.lowercased() + " ") }) else { continue }
            let weight = names.compactMap { focus[ExamWords.stem($0)] }.max() ?? 1.5
            for name in names { for w in ExamWords.of(name) where focus[w] == nil { focus[w] = weight } }
        }
        self.focus = focus
        let period = DateFinder.dates(in: question.text).first?.when
        self.period = period
        factors = Self.factors(for: question, focus: focus, period: period, facts: facts, textWords: textWords, weights: weights)
        var context: [String: Double] = [:]
        for factor in factors {
            for w in factor.keywords.union(factor.evidence.flatMap { ExamWords.of($0.text) }) where focus[w] == nil {
                if let weight = weights[w], weight >= 1 { context[w] = weight }
            }
        }
        self.context = context
        argument = Self.argument(question: question, factors: factors)
    }

    /// Inverse document frequency of each word over the facts' texts, so common words weigh little.
    static func rarity(of facts: [Fact]) -> [String: Double] {
        var counts: [String: Int] = [:]
        for fact in facts {
            for w in ExamWords.of(fact.text + " " + fact.topic.joined(separator: " ")) { counts[w, default: 0] += 1 }
        }
        let n = Double(max(1, facts.count))
        return counts.mapValues { log(n / Double($0)) }.filter { $0.value > 0 }
    }

    /// Words that name a side of an argument rather than a point: "Agree", "Disagree", "Success".
    static let sideWords: [String: Int] = [
        "agree": 1, "for": 1, "yes": 1, "disagree": -1, "against": -1, "no": -1, "success": 2, "successes": 2,
        "positive": 2, "positives": 2, "strengths": 2, "achievements": 2, "failure": -2, "failures": -2,
        "negative": -2, "negatives": -2, "weaknesses": -2, "problems": -2, "limitations": -2,
    ]

    static let goodWords: Set<String> = [
        "success", "successful", "rose", "rise", "increased", "increase", "grew", "growth", "improved", "improve",
        "gained", "doubled", "trebled", "tripled", "achieved", "built", "strong", "stronger", "strengthened",
        "survive", "survived", "support", "popular", "benefit", "benefited", "education", "schools", "better",
        "modern", "secured", "won", "expanded", "higher",
    ]
    static let badWords: Set<String> = [
        "misery", "fell", "fall", "famine", "died", "death", "deaths", "killed", "shortage", "shortages", "harsh",
        "poor", "failure", "failed", "lost", "decline", "declined", "crime", "overcrowded", "rationed", "rationing",
        "terror", "starvation", "suffering", "hostile", "inefficient", "worse", "weak", "weakened", "fear",
        "executed", "shot", "arrested", "deported", "dropped", "lower", "low",
    ]

    /// +1 for a text that speaks of gains, -1 of losses, 0 when neither or both.
    static func tone(_ text: String) -> Int {
        var score = 0
        for w in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            if goodWords.contains(String(w)) { score += 1 }
            if badWords.contains(String(w)) { score -= 1 }
        }
        return score.signum()
    }

    /// The notes' own plan for a question as factors, with the side its headings give ("Agree", "Success") when
    /// there is one; their evidence is found later.
    static func planFactors(of question: ExamQuestion) -> [Factor] {
        let statementTone = question.statement.map(tone) ?? 0
        var result: [Factor] = []
        var seen = Set<String>()
        var side = Side.neutral
        for raw in question.factors {
            let title = Phrase.tidy(raw)
            let lower = title.lowercased().trimmingCharacters(in: .punctuationCharacters)
            if let marker = sideWords[lower] {
                side = abs(marker) == 1 ? (marker > 0 ? .agree : .disagree) : Self.side(tone: marker.signum(), statementTone: statementTone)
                continue
            }
            guard title.wordCount >= 2 || (title.wordCount == 1 && title.count >= 4 && title.first?.isUppercase == true) else { continue }
            // "I personally disagree with the statement…" is the plan's judgement, not a factor.
            if lower.hasPrefix("i ") { continue }
            let words = ExamWords.of(title)
            guard !words.isEmpty, seen.insert(words.sorted().joined(separator: " ")).inserted else { continue }
            let factorSide = side != .neutral ? side : Self.side(tone: tone(title), statementTone: statementTone)
            result.append(Factor(title: title, side: factorSide, evidence: [], fromPlan: true, keywords: words))
        }
        return result
    }

    /// What a student should be able to say from memory about a question: its line of argument from the notes'
    /// own plan, for the back of its exam card.
    public static func judgementLine(for question: ExamQuestion) -> String? {
        let factors = planFactors(of: question)
        func named(_ side: Side) -> String? {
            factors.first { $0.side == side }.map { "“\(ExamWords.clipped($0.title, 6))”" }
        }
        switch question.command {
        case .describe: return nil
        case .explainWhy: return "Judgement: which reason mattered most, and why."
        case .howFarDoYouAgree:
            if let agree = named(.agree), let disagree = named(.disagree) {
                return "Judgement: how far you agree, weighing \(agree) against \(disagree)."
            }
            return "Judgement: how far you agree, and why the stronger side outweighs the other."
        case .howSignificant: return "Judgement: how significant it was compared with the other factors, and why."
        case .other: return "Judgement: a conclusion that answers the question, with its reason."
        }
    }

    static func factors(
        for question: ExamQuestion, focus: [String: Double], period: When?, facts: [Fact], textWords: [Set<String>],
        weights: [String: Double]
    ) -> [Factor] {
        let statementTone = question.statement.map(tone) ?? 0
        var result = planFactors(of: question)
        var seen = Set(result.map { $0.keywords.sorted().joined(separator: " ") })
        for k in result.indices {
            result[k].evidence = evidence(
                for: result[k].keywords, question: Set(focus.keys), facts: facts, textWords: textWords, weights: weights,
                excluding: question.citation)
        }
        // Then what the rest of the notes say about the question's words, one factor per heading they stand under.
        var scored: [(fact: Fact, score: Double)] = []
        for fact in facts where fact.kind != .list {
            let words = ExamWords.of(fact.text + " " + (fact.topic.last ?? ""))
            var score = words.reduce(0.0) { $0 + (focus[$1] ?? 0) }
            // A question about "1945-47" is about what happened then.
            if let period, let when = fact.when, when.overlaps(period), when.lastYear - when.year <= 10 { score += 2 }
            if score >= 2.5 { scored.append((fact, score)) }
        }
        scored.sort { $0.score > $1.score }
        var byHeading: [String: [Fact]] = [:]
        var order: [String] = []
        for (fact, _) in scored {
            guard let heading = fact.topic.last.map(Phrase.tidy), heading.wordCount <= 10, heading != question.text, !heading.contains("?")
            else { continue }
            if byHeading[heading] == nil { order.append(heading) }
            byHeading[heading, default: []].append(fact)
        }
        for heading in order where result.count < 8 {
            let group = byHeading[heading]!
            let words = ExamWords.of(heading).union(group.prefix(3).flatMap { ExamWords.of($0.detail ?? $0.text) })
            let key = ExamWords.of(heading).sorted().joined(separator: " ")
            guard !key.isEmpty, seen.insert(key).inserted else { continue }
            // A heading that is a question's own plan is covered above.
            if result.contains(where: { !$0.keywords.isDisjoint(with: ExamWords.of(heading)) && $0.fromPlan }) { continue }
            let picked = Self.pick(group, max: 3)
            result.append(
                Factor(
                    title: heading, side: Self.side(tone: picked.map { tone($0.text) }.reduce(0, +).signum(), statementTone: statementTone),
                    evidence: picked.map { Evidence(text: $0.text, citation: $0.citations[0]) }, fromPlan: false,
                    keywords: words))
        }
        return result
    }

    static func side(tone: Int, statementTone: Int) -> Side {
        guard tone != 0, statementTone != 0 else { return .neutral }
        return tone == statementTone ? .agree : .disagree
    }

    /// The facts that best support a factor: those sharing its rarest words, dated or numbered first.
    static func evidence(
        for words: Set<String>, question: Set<String>, facts: [Fact], textWords: [Set<String>], weights: [String: Double],
        excluding: Citation
    ) -> [Evidence] {
        var scored: [(Fact, Double)] = []
        // The factor's own words must be there (half of them, at least one); the question's words only help rank.
        let needed = max(1, (words.count + 1) / 2)
        for (k, fact) in facts.enumerated() where fact.kind != .list && !fact.citations.contains(excluding) {
            let factWords = textWords[k]
            let own = factWords.intersection(words)
            guard own.count >= min(needed, 3) else { continue }
            let context = factWords.intersection(question).subtracting(words)
            guard own.count + context.count >= 2 else { continue }
            var score = own.reduce(0.0) { $0 + 2 * (weights[$1] ?? 1.5) } + context.reduce(0.0) { $0 + (weights[$1] ?? 1.5) }
            if fact.when != nil || fact.quantity != nil { score *= 1.3 }
            scored.append((fact, score))
        }
        let best = scored.sorted { $0.1 > $1.1 }.map(\.0)
        return pick(best, max: 2).map { Evidence(text: $0.text, citation: $0.citations[0]) }
    }

    /// Up to `max` facts, those with a date or a number first, no two saying the same.
    static func pick(_ facts: [Fact], max: Int) -> [Fact] {
        let ordered = facts.filter { $0.when != nil || $0.quantity != nil } + facts.filter { $0.when == nil && $0.quantity == nil }
        var result: [Fact] = []
        for fact in ordered where result.count < max {
            if result.contains(where: { ContentWords.overlap(ContentWords.of($0.text), ContentWords.of(fact.text)) >= 0.6 }) { continue }
            if fact.text.wordCount < 4 || fact.text.count > 260 { continue }
            result.append(fact)
        }
        return result
    }

    static func argument(question: ExamQuestion, factors: [Factor]) -> String {
        let names = factors.prefix(4).map { "“\(ExamWords.clipped($0.title, 8))”" }
        let list = names.isEmpty ? "the factors your notes give" : names.joined(separator: ", ")
        switch question.command {
        case .describe:
            return "Open with what it was, then describe \(list), each with a date, a name or a figure."
        case .explainWhy:
            return "One paragraph per reason (\(list)): point, evidence, then how it led to the outcome in the question. End by saying which reason mattered most and why."
        case .howFarDoYouAgree:
            let agree = factors.filter { $0.side == .agree }.prefix(2).map { "“\(ExamWords.clipped($0.title, 8))”" }
            let disagree = factors.filter { $0.side == .disagree }.prefix(2).map { "“\(ExamWords.clipped($0.title, 8))”" }
            let forText = agree.isEmpty ? "the evidence for the statement" : agree.joined(separator: " and ")
            let againstText = disagree.isEmpty ? "the evidence against it" : disagree.joined(separator: " and ")
            return "Agree up to a point: argue \(forText), then challenge it with \(againstText). Conclude with how far you agree, and why the stronger side outweighs the other."
        case .howSignificant:
            return "Define what significant means here, explain the factor in the question, weigh it against \(list), and conclude how significant it was compared with them."
        case .other:
            return "Explain \(list) with evidence, consider another view, and finish with a supported conclusion."
        }
    }
}

import Foundation
