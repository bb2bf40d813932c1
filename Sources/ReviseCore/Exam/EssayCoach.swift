import Foundation

/// Feedback on a written answer to an exam question, the way an examiner reads it (docs/MARKING.md): which
/// paragraphs explain and which only tell the story, how much precise evidence there is, whether the other side
/// is argued and a judgement reached, which of the notes' factors are covered, an estimated mark and level, and
/// three next steps.
public struct EssayFeedback: Hashable, Sendable, Codable {
    public struct Paragraph: Hashable, Sendable, Codable {
        public var number: Int
        /// Its first words, to say which one is meant.
        public var opening: String
        /// It gives a reason or a consequence and ties it to the question ("this meant that…").
        public var explains: Bool
        /// It speaks to the question's own words at all.
        public var relevant: Bool
        public var dates: Int
        public var figures: Int
        public var names: Int
        /// It argues the other side or qualifies the argument ("However, …").
        public var counters: Bool
    }

    public struct FactorNote: Hashable, Sendable, Codable {
        public var factor: String
        public var side: ExamBrief.Side
        /// For a missed factor: what the notes give that the answer could have used.
        public var evidence: [ExamBrief.Evidence]
    }

    public struct Points: Hashable, Sendable, Codable {
        public var explanation: Double
        public var evidence: Double
        public var balance: Double
        public var judgement: Double
    }

    public var questionId: String
    public var question: String
    public var command: ExamQuestion.Command
    public var outOf: Int
    /// The estimated mark, to one decimal place.
    public var mark: Double
    public var level: Int
    public var levels: Int
    public var band: String
    public var descriptor: String
    /// The marks earned under each heading of the mark scheme, and the most each could earn.
    public var points: Points
    public var available: Points
    public var paragraphs: [Paragraph]
    public var covered: [FactorNote]
    public var missed: [FactorNote]
    public var dates: Int
    public var figures: Int
    public var names: Int
    public var counterArgument: Bool
    public var judgement: Bool
    public var substantiated: Bool
    public var words: Int
    /// Things that cap the mark: "reads as a list of words, not sentences", "does not answer this question".
    public var warnings: [String]
    public var nextSteps: [String]

    /// A mark as a student reads it: "6", "5.4".
    public static func formatted(_ mark: Double) -> String {
        mark == mark.rounded() ? String(Int(mark)) : String(format: "%.1f", mark)
    }
}

public enum EssayCoach {
    static let explainers = [
        "because", "due to", "as a result", "therefore", "hence", "thus", "so that", "this meant", "which meant",
        "meant that", "led to", "leading to", "lead to", "in order to", "this shows", "consequently", "caused",
        "causing", "allowed", "enabled", "helped", "contributed", "resulted in", "which made", "so ", "since ",
        "this was", "this is why", "the reason", "as it ", "as they ", "as he ", "thanks to", "owing to",
        "which would", "so he ", "meaning that", "significant", "important", "this made", "made it", "which helped",
        "so as to", "as a way", "aimed", "wanted to", "to solve", "benefit", "as the ", "in order", "the aim",
    ]
    static let contrasts = [
        "however", "on the other hand", "nevertheless", "nonetheless", "although", "in contrast", "conversely",
        "despite", "whereas", "others argue", "some historians", "it could be argued", "yet ", "but ", "even so",
        "on the contrary", "admittedly", "while it is true",
    ]
    static let concluders = [
        "in conclusion", "to conclude", "overall", "in summary", "to sum up", "ultimately", "therefore", "thus",
        "hence", "in short", "all in all", "in the end", "to a large extent", "to some extent", "to a great extent",
        "i agree", "i disagree", "i personally", "on balance", "as a result,", "altogether", "to evaluate",
        "in evaluation", "on the whole", "taking everything", "weighing", "so,", "in the final analysis",
    ]
    static let judgementWords = [
        "most", "main", "more", "greatest", "key", "largely", "partly", "partially", "extent", "agree", "disagree",
        "outweigh", "significant", "important", "crucial", "decisive", "principally", "somewhat", "mainly",
    ]
    static let reasonWords = [
        "because", "as ", "since", "due to", "given that", "which", "this is", "owing to", "as it", "for ",
        "thanks to", "meaning",
    ]

    /// Feedback on `answer` to the question of `brief`; `knowledge` supplies the names the answer may use.
    public static func feedback(on answer: String, brief: ExamBrief, knowledge: KnowledgeBase) -> EssayFeedback {
        let scheme = brief.scheme
        let names = Set(knowledge.entities.flatMap { [$0.name] + $0.aliases }.map { $0.lowercased() }.filter { $0.count >= 3 })
        let blocks = paragraphs(of: answer)
        var notes: [EssayFeedback.Paragraph] = []
        var prose: [String] = []
        var fragments = 0
        for block in blocks {
            guard isProse(block) else {
                fragments += 1
                continue
            }
            prose.append(block)
            let lower = " " + block.lowercased() + " "
            let relevant = links(block, to: brief)
            let dates = DateFinder.dates(in: block)
            let figures = QuantityFinder.quantities(in: block, skipping: dates).count
            notes.append(
                EssayFeedback.Paragraph(
                    number: notes.count + 1, opening: ExamWords.clipped(block, 8),
                    explains: relevant && explainers.contains { lower.contains($0) },
                    relevant: relevant, dates: dates.count, figures: figures, names: namesUsed(in: block, from: names),
                    counters: relevant && opensWithContrast(block) || contrastSentences(block).count >= 2))
        }
        let wordCount = answer.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
        var warnings: [String] = []
        if prose.isEmpty || fragments > prose.count * 2 {
            warnings.append("It reads as a list of words or notes, not sentences: examiners mark explanation, which needs sentences.")
        }
        let relevantCount = notes.filter(\.relevant).count
        if !prose.isEmpty, relevantCount * 3 < notes.count || relevantCount == 0 {
            warnings.append("Most paragraphs do not speak to this question's words: check it answers this question, not another one.")
        }

        // Explanation: each relevant paragraph that explains counts as a point, in full when it is developed (fifty
        // words or more); one that only narrates, a third. A closing paragraph that only concludes is not a point.
        let relevantNotes = notes.filter(\.relevant)
        let (concluded, substantiated) = judgement(prose, brief: brief)
        let closing = concluded && prose.count >= 2 && concluders.contains { prose.last!.lowercased().hasPrefix($0) } ? notes.last?.number : nil
        var pointsMade = 0.0
        for (k, note) in notes.enumerated() where note.relevant && note.number != closing {
            let developed = min(1, Double(prose[k].wordCount) / 50)
            pointsMade += (note.explains ? 1 : 0.35) * developed
        }
        let explanation: Double
        if scheme.command == .describe {
            // Features described: relevant sentences that state something.
            let features = zip(notes, prose).filter { $0.0.relevant }.flatMap { Sentences.split($0.1) }.filter { $0.wordCount >= 6 }.count
            // Each feature adds less than the one before, and none is worthless: a describe answer has no
            // conclusion or counter-argument to reward, so every sentence of substance counts a little.
            explanation = scheme.shares.explanation * Self.diminishing(Double(features), expected: Double(scheme.pointsExpected))
        } else {
            explanation = scheme.shares.explanation * min(1, pointsMade / Double(scheme.pointsExpected))
        }
        // Evidence: dates and figures in relevant paragraphs, and the names the notes know.
        let dates = relevantNotes.reduce(0) { $0 + $1.dates }
        let figures = relevantNotes.reduce(0) { $0 + $1.figures }
        let nameCount = relevantNotes.reduce(0) { $0 + $1.names }
        let describing = scheme.command == .describe
        let precise = describing
            ? Self.diminishing(Double(dates + figures), expected: Double(scheme.evidenceExpected))
            : min(1, Double(dates + figures) / Double(scheme.evidenceExpected))
        let named = describing
            ? Self.diminishing(Double(nameCount), expected: Double(scheme.evidenceExpected + 2))
            : min(1, Double(nameCount) / Double(scheme.evidenceExpected + 2))
        let evidence = scheme.shares.evidence * (0.7 * precise + 0.3 * named)
        // Balance: a paragraph that argues the other side, or sentences that qualify the argument.
        let counterParagraphs = zip(notes, prose).reduce(0.0) { sum, pair in
            pair.0.relevant && pair.0.counters ? sum + min(1, Double(pair.1.wordCount) / 50) : sum
        }
        let counterSentences = zip(notes, prose).filter { $0.0.relevant }.flatMap { contrastSentences($0.1) }.count
        let balanceFraction = min(1, counterParagraphs * 0.6 + Double(counterSentences) * 0.2)
        let balance = scheme.shares.balance * balanceFraction
        // Judgement: a conclusion at the end that answers the question, supported by a reason.
        let judgement = scheme.shares.judgement * ((concluded ? 0.6 : 0) + (substantiated ? 0.4 : 0))

        var total = explanation + evidence + balance + judgement
        if !warnings.isEmpty {
            // A list of words or an answer to another question cannot leave the lowest level.
            total = min(total, Double(scheme.levels[0].high))
        }
        let mark = (total * 10).rounded() / 10
        let level = scheme.level(for: mark)

        // Factors: covered when the answer uses enough of the factor's own words.
        let answerWords = ExamWords.of(prose.joined(separator: " "))
        var covered: [EssayFeedback.FactorNote] = []
        var missed: [EssayFeedback.FactorNote] = []
        for factor in brief.factors {
            let titleWords = ExamWords.of(factor.title)
            let shared = titleWords.intersection(answerWords).count
            let needed = titleWords.count <= 2 ? titleWords.count : max(2, (titleWords.count + 1) / 2)
            if shared >= max(1, needed) || factor.keywords.intersection(answerWords).count >= 4 {
                covered.append(EssayFeedback.FactorNote(factor: factor.title, side: factor.side, evidence: []))
            } else {
                missed.append(EssayFeedback.FactorNote(factor: factor.title, side: factor.side, evidence: factor.evidence))
            }
        }

        let points = EssayFeedback.Points(explanation: round1(explanation), evidence: round1(evidence), balance: round1(balance), judgement: round1(judgement))
        var feedback = EssayFeedback(
            questionId: brief.id, question: brief.question.text, command: brief.question.command, outOf: scheme.marks,
            mark: mark, level: level.number, levels: scheme.levels.count, band: "\(level.low)–\(level.high)",
            descriptor: level.descriptor, points: points,
            available: EssayFeedback.Points(
                explanation: round1(scheme.shares.explanation), evidence: round1(scheme.shares.evidence),
                balance: round1(scheme.shares.balance), judgement: round1(scheme.shares.judgement)),
            paragraphs: notes, covered: covered, missed: missed, dates: dates, figures: figures, names: nameCount,
            counterArgument: balanceFraction > 0, judgement: concluded, substantiated: substantiated, words: wordCount,
            warnings: warnings, nextSteps: [])
        feedback.nextSteps = nextSteps(feedback, brief: brief)
        return feedback
    }

    static func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }

    /// 0 for none, about 0.78 at the number expected, 0.95 at twice it, never quite 1.
    static func diminishing(_ count: Double, expected: Double) -> Double {
        1 - exp(-1.5 * count / max(1, expected))
    }

    // MARK: Reading the answer

    /// Blocks separated by blank lines; a block cut by a page break mid-sentence joins the next one.
    public static func paragraphs(of text: String) -> [String] {
        var blocks: [String] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
            current = []
        }
        // Text from a browser's form ends its lines with "\r\n".
        let text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { flush() } else { current.append(trimmed) }
        }
        flush()
        var result: [String] = []
        for block in blocks {
            if let last = result.last, let end = last.last, !".!?)\"”’".contains(end),
                let first = block.first, first.isLowercase
            {
                result[result.count - 1] = last + " " + block
            } else {
                result.append(block)
            }
        }
        return result
    }

    /// Sentences, not notes: at least two sentences of six words or more, or one of fifteen.
    public static func isProse(_ block: String) -> Bool {
        let sentences = Sentences.split(block).filter { $0.wordCount >= 6 && Phrase.hasVerb($0) && readsAsSentence($0) }
        return sentences.count >= 2 || sentences.contains { $0.wordCount >= 10 }
    }

    static let glue: Set<String> = [
        "the", "a", "an", "of", "to", "and", "in", "was", "were", "is", "are", "he", "it", "they", "his", "their",
        "that", "this", "as", "for", "with", "by", "on", "had", "be", "which", "who", "not", "from", "at", "but",
    ]

    /// A run of words held together by the small words of English, not a list of keywords.
    static func readsAsSentence(_ sentence: String) -> Bool {
        let words = sentence.lowercased().split(whereSeparator: { !$0.isLetter })
        guard !words.isEmpty else { return false }
        let small = words.filter { glue.contains(String($0)) }.count
        return Double(small) >= Double(words.count) * 0.15
    }

    /// Whether a paragraph speaks to the question: enough of its rarer words, or the notes' factors for it.
    static func links(_ block: String, to brief: ExamBrief) -> Bool {
        let words = ExamWords.of(block)
        // A word of the question counts when the paragraph has it or a longer word made from it ("breakdown" for
        // "break", "relationship" for "relation").
        let score = brief.focus.reduce(0.0) { sum, item in
            let used = words.contains(item.key) || (item.key.count >= 5 && words.contains { $0.hasPrefix(item.key) })
            return sum + (used ? item.value : 0)
        }
        let top = brief.focus.values.max() ?? 0
        if score >= max(1.5, top * 0.8) { return true }
        // What the notes say about the question, in other words: three of the rarer words of its factors and their
        // evidence along with a word of the question, or five without; or the years the question asks about.
        let near = words.filter { (brief.context[$0] ?? 0) >= 1 }.count
        if near >= 5 || (near >= 3 && score > 0) { return true }
        if let period = brief.period, DateFinder.dates(in: block).contains(where: { $0.when.overlaps(period) }) { return true }
        // A paragraph on one of the factors the notes give for this question is relevant too ("coal output rose…"
        // for a question on the Five-Year Plans), as is one that answers "how far do you agree" in those words.
        let titled = brief.factors.contains { f in
            let title = ExamWords.of(f.title)
            let shared = title.intersection(words).count
            guard !title.isEmpty, shared * 2 >= title.count else { return false }
            // Two of its words, or one when the paragraph argues the other side of a "how far" question.
            return shared >= 2 || (score > 0 && title.count == 1)
                || (brief.question.command != .explainWhy && brief.question.command != .describe && opensWithContrast(block))
        }
        if titled { return true }
        let lower = block.lowercased()
        return brief.question.command == .howFarDoYouAgree && score > 0
            && ["i agree", "i disagree", "to a large extent", "to some extent", "to a small extent", "to a great extent", "i partly agree"].contains { lower.contains($0) }
    }

    static func opensWithContrast(_ block: String) -> Bool {
        let lower = block.lowercased()
        return ["however", "on the other hand", "nevertheless", "nonetheless", "in contrast", "conversely", "although", "despite", "yet", "but", "others argue", "some historians"]
            .contains { lower.hasPrefix($0) }
    }

    /// The sentences that argue against or qualify what went before.
    static func contrastSentences(_ block: String) -> [String] {
        Sentences.split(block).filter { sentence in
            let lower = " " + sentence.lowercased()
            return sentence.wordCount >= 8 && contrasts.contains { lower.hasPrefix(" " + $0) || lower.contains(", " + $0) || lower.contains(" " + $0 + ",") }
        }
    }

    static func namesUsed(in block: String, from names: Set<String>) -> Int {
        let words = block.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" }).map { $0.lowercased() }
        var found = Set<String>()
        for i in words.indices {
            for n in 1...3 where i + n <= words.count {
                let phrase = words[i..<(i + n)].joined(separator: " ")
                if names.contains(phrase) { found.insert(phrase) }
            }
        }
        return found.count
    }

    /// Whether the answer ends on a judgement that answers the question, and whether a reason backs it.
    static func judgement(_ prose: [String], brief: ExamBrief) -> (Bool, Bool) {
        guard let last = prose.last else { return (false, false) }
        let sentences = Sentences.split(last)
        // The concluding part: the whole last paragraph when it opens as a conclusion, else its last sentences
        // from the one that does.
        let lowerLast = last.lowercased()
        var conclusion: String?
        if prose.count >= 2, concluders.contains(where: { lowerLast.hasPrefix($0) }) {
            conclusion = last
        } else if let k = sentences.lastIndex(where: { s in
            let l = s.lowercased()
            return concluders.contains { l.hasPrefix($0) }
        }), k >= sentences.count - 2 {
            // Only the closing sentences: a "Therefore, …" in mid-paragraph ends a point, not the answer.
            conclusion = sentences[k...].joined(separator: " ")
        }
        guard let text = conclusion, links(text, to: brief) || ExamWords.of(text).intersection(brief.focus.keys).count >= 1 else {
            return (false, false)
        }
        let lower = " " + text.lowercased() + " "
        // "How far" and "how significant" want the question answered in so many words ("to a small extent",
        // "the most important"); for "explain why" a closing "Therefore, …" that sums up the reasons is enough.
        let judges = judgementWords.contains { lower.contains(" " + $0) } || (brief.question.command == .explainWhy && text.wordCount >= 12)
        let reasoned = reasonWords.contains { lower.contains(" " + $0) } && text.wordCount >= 10
        return (judges, judges && reasoned)
    }

    // MARK: Next steps

    static func nextSteps(_ f: EssayFeedback, brief: ExamBrief) -> [String] {
        var steps: [(priority: Double, text: String)] = []
        let available = f.available
        if !f.warnings.isEmpty {
            steps.append((100, "Write in full sentences about this question: one paragraph per point, each saying what happened, then why it matters for “\(ExamWords.clipped(brief.question.text, 12))”."))
        }
        let explainGap = available.explanation - f.points.explanation
        if explainGap > 0.05 {
            if let narrating = f.paragraphs.first(where: { $0.relevant && !$0.explains }) {
                steps.append((explainGap * 1.2, "Paragraph \(narrating.number) (“\(narrating.opening)”) tells what happened; end it by explaining how this answers the question (“This meant that…”, “As a result…”)."))
            } else if let factor = f.missed.first(where: { !$0.evidence.isEmpty }) ?? f.missed.first {
                steps.append((explainGap, "Add a paragraph on “\(ExamWords.clipped(factor.factor, 10))”" + evidenceHint(factor.evidence) + ", and explain how it links to the question."))
            } else {
                steps.append((explainGap, "Develop more points: the question wants \(brief.scheme.pointsExpected) or more, each explained in its own paragraph."))
            }
        }
        let evidenceGap = available.evidence - f.points.evidence
        if evidenceGap > 0.05, f.dates + f.figures >= brief.scheme.evidenceExpected {
            // Dates and figures enough; what is short is the names.
            steps.append((evidenceGap, "Name the people, groups and terms involved: \(f.names) of those your notes know so far. Precise names show knowledge as dates do."))
        } else if evidenceGap > 0.05 {
            let example = f.missed.flatMap(\.evidence).first ?? brief.factors.flatMap(\.evidence).first
            steps.append((evidenceGap * 1.1, "Use more precise evidence (dates and figures): \(f.dates + f.figures) so far, aim for \(brief.scheme.evidenceExpected) or more" + (example.map { ". Your notes give “\(ExamWords.clipped($0.text, 18))” (\($0.citation))" } ?? "") + "."))
        }
        let balanceGap = available.balance - f.points.balance
        if balanceGap > 0.05 {
            let other = f.missed.first { $0.side == .disagree } ?? f.missed.first { $0.side == .agree }
            let hint = other.map { " such as “\(ExamWords.clipped($0.factor, 10))”" + evidenceHint($0.evidence) } ?? ""
            steps.append((balanceGap * (f.counterArgument ? 0.8 : 1.3), (f.paragraphs.contains(where: \.counters)
                ? "Develop the other side as fully as your main one, with its own evidence"
                : f.counterArgument ? "Develop the other side into a paragraph of its own" : "Argue the other side: add a paragraph starting “However, …”") + hint + "."))
        }
        let judgementGap = available.judgement - f.points.judgement
        if judgementGap > 0.05 {
            steps.append((judgementGap * 1.3, f.judgement
                ? "Support your conclusion with a reason: say why the strongest factor outweighs the others (“…mattered most because…”)."
                : "End with a judgement that answers the question directly (“Overall, … mattered most because …”), weighing the factors you explained."))
        }
        if let factor = f.missed.first, !steps.contains(where: { $0.text.contains(factor.factor.prefix(20)) }) {
            steps.append((0.5, "Your notes also offer “\(ExamWords.clipped(factor.factor, 10))”" + evidenceHint(factor.evidence) + ": a point to add or to weigh against the others."))
        }
        steps.append((0.1, "Plan before writing: `revise exam plan \(brief.id)` lists the factors, evidence and a line of argument."))
        steps.append((0.05, "Time yourself: about \(max(5, brief.scheme.marks * 3 / 2)) minutes for \(brief.scheme.marks) marks."))
        return Array(steps.sorted { $0.priority > $1.priority }.map(\.text).prefix(3))
    }

    static func evidenceHint(_ evidence: [ExamBrief.Evidence]) -> String {
        guard let first = evidence.first else { return "" }
        return " (your notes: “\(ExamWords.clipped(first.text, 16))”, \(first.citation))"
    }
}
