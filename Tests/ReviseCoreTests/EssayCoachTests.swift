import Foundation
import ReviseCore
import TestSupport
import Testing

/// Feedback on written answers, held to the real student answers of the essay-plan seed (docs/MARKING.md).
@Suite(.enabled(if: Fixtures.seedsAvailable, Comment(rawValue: Fixtures.seedsMissingMessage)))
struct EssayCoachTests {
    struct ModelAnswer {
        var question: ExamQuestion
        var answer: String
    }

    static let knowledge: KnowledgeBase = (try? KnowledgeQualityTests.knowledgeOfSeeds()) ?? KnowledgeBase()

    /// The prose under each question of the essay-plan seed, up to the next question: the student's own answers.
    static func modelAnswers() throws -> [ModelAnswer] {
        let (name, bytes) = try Fixtures.seed("000")
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let questions = knowledge.questions.filter { $0.citation.source == name }.sorted { $0.citation.span.first < $1.citation.span.first }
        var result: [ModelAnswer] = []
        for (k, q) in questions.enumerated() {
            let start = q.citation.span.last
            let end = k + 1 < questions.count ? questions[k + 1].citation.span.first - 1 : lines.count
            // Questions, not headings with marks ("Stalin's Terror (10)"): those hold plans, not answers.
            guard start < end, q.text.contains("?") || q.command != .other else { continue }
            let answer = lines[start..<min(end, lines.count)].joined(separator: "\n")
            // Only answers in prose: a plan of bullet words is not an answer to mark.
            let prose = EssayCoach.paragraphs(of: answer).filter(EssayCoach.isProse)
            guard prose.count >= 1, prose.joined(separator: " ").split(separator: " ").count >= 60 else { continue }
            result.append(ModelAnswer(question: q, answer: answer))
        }
        return result
    }

    static func mark(_ answer: String, for question: ExamQuestion) -> EssayFeedback {
        EssayCoach.feedback(on: answer, brief: ExamBrief(question: question, knowledge: knowledge), knowledge: knowledge)
    }

    @Test func modelAnswersGetHighBands() throws {
        let answers = try Self.modelAnswers()
        #expect(answers.count >= 8, "found \(answers.count) model answers")
        for m in answers {
            let f = Self.mark(m.answer, for: m.question)
            print("\(f.mark)/\(f.outOf) L\(f.level)/\(f.levels) \(m.question.command.rawValue) — \(m.question.text.prefix(60)) \(f.points) paras \(f.paragraphs.count) warn \(f.warnings)")
            #expect(f.level >= f.levels - 1, "\(m.question.text): level \(f.level) of \(f.levels), \(f.mark)/\(f.outOf)")
            #expect(f.mark >= Double(f.outOf) * 0.6, "\(m.question.text): \(f.mark)/\(f.outOf)")
        }
    }
}

extension EssayCoachTests {
    /// The answer without its conclusion: the last paragraph when it opens as one, else the closing sentences
    /// from the last one that draws a conclusion ("Therefore, …").
    static func withoutConclusion(_ answer: String) -> String? {
        var paragraphs = EssayCoach.paragraphs(of: answer).filter(EssayCoach.isProse)
        guard let last = paragraphs.last else { return nil }
        let openers = ["in conclusion", "to conclude", "overall", "to evaluate", "in summary", "therefore", "thus", "hence", "ultimately", "to sum up"]
        if paragraphs.count >= 2, openers.contains(where: { last.lowercased().hasPrefix($0) }) {
            paragraphs.removeLast()
            return paragraphs.joined(separator: "\n\n")
        }
        let sentences = last.components(separatedBy: ". ")
        guard let k = sentences.lastIndex(where: { s in openers.contains { s.lowercased().hasPrefix($0) } }), k > 0, k >= sentences.count - 2
        else { return nil }
        paragraphs[paragraphs.count - 1] = sentences[..<k].joined(separator: ". ") + "."
        return paragraphs.joined(separator: "\n\n")
    }

    /// The answer without the sentences that argue the other side ("However, …", "On the other hand, …").
    static func withoutCounterArgument(_ answer: String) -> String? {
        let markers = ["however", "on the other hand", "nevertheless", "although", "despite", "in contrast", "but "]
        var changed = false
        let paragraphs = EssayCoach.paragraphs(of: answer).filter(EssayCoach.isProse).compactMap { p -> String? in
            if markers.contains(where: { p.lowercased().hasPrefix($0) }) {
                changed = true
                return nil
            }
            let kept = p.components(separatedBy: ". ").filter { s in
                let l = s.lowercased()
                let counter = markers.contains { l.hasPrefix($0) || l.contains(", " + $0) }
                if counter { changed = true }
                return !counter
            }
            return kept.joined(separator: ". ")
        }
        return changed ? paragraphs.joined(separator: "\n\n") : nil
    }

    /// The answer with every date and number taken out, fractions written in words too ("by one-third").
    static func withoutDatesAndFigures(_ answer: String) -> String? {
        let stripped = answer.replacingOccurrences(of: #"\b\d[\d,.%]*\b%?"#, with: "", options: .regularExpression)
            .replacingOccurrences(
                of: #"\b(one|two|three|a)[- ](thirds?|quarters?|fifths?|tenths?)\b"#, with: "",
                options: [.regularExpression, .caseInsensitive])
        return stripped == answer ? nil : stripped
    }

    static func firstParagraphOnly(_ answer: String) -> String? {
        let paragraphs = EssayCoach.paragraphs(of: answer).filter(EssayCoach.isProse)
        return paragraphs.count >= 2 ? paragraphs[0] : nil
    }

    @Test func takingAnythingAwayLowersTheMark() throws {
        var checked = 0
        for m in try Self.modelAnswers() {
            let feedback = Self.mark(m.answer, for: m.question)
            let full = feedback.mark
            let cuts: [(String, String?)] = [
                // An answer that ends without a judgement has no conclusion to take away.
                ("without the conclusion", feedback.judgement || m.question.command == .describe ? Self.withoutConclusion(m.answer) : nil),
                ("without the counter-argument", Self.withoutCounterArgument(m.answer)),
                ("without dates and figures", Self.withoutDatesAndFigures(m.answer)),
                ("first paragraph only", Self.firstParagraphOnly(m.answer)),
            ]
            for case let (name, cut?) in cuts {
                let lower = Self.mark(cut, for: m.question).mark
                #expect(lower < full, "\(m.question.text.prefix(50)) \(name): \(lower) is not below \(full)")
                checked += 1
            }
        }
        print("cuts checked: \(checked)")
        #expect(checked >= 15, "only \(checked) cuts applied")
    }

    @Test func keywordListsAndAnswersToOtherQuestionsScoreLow() throws {
        let answers = try Self.modelAnswers()
        for m in answers {
            let f = Self.mark(m.answer, for: m.question)
            // The answer's own rarer words, one after another: no sentences.
            let keywords = Array(Set(m.answer.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 7 })).sorted().prefix(40)
            let listed = Self.mark(keywords.joined(separator: " "), for: m.question)
            #expect(listed.mark <= Double(f.outOf) * 0.3, "\(m.question.text.prefix(50)) keyword list: \(listed.mark)/\(f.outOf)")
            #expect(!listed.warnings.isEmpty)
            let listedLines = Self.mark(keywords.joined(separator: "\n"), for: m.question)
            #expect(listedLines.mark <= Double(f.outOf) * 0.3, "\(m.question.text.prefix(50)) keyword lines: \(listedLines.mark)/\(f.outOf)")
        }
        // An answer about one thing given to a question about another.
        let modernise = try #require(answers.first { $0.question.text.contains("modernise") })
        let peasants = try #require(answers.first { $0.question.text.contains("opposed by many peasants") })
        let nep = try #require(answers.first { $0.question.text.contains("New Economic Policy") })
        for (answer, question) in [(modernise, peasants), (peasants, modernise), (nep, peasants)] {
            let own = Self.mark(question.answer, for: question.question).mark
            let copied = Self.mark(answer.answer, for: question.question)
            #expect(copied.mark <= Double(copied.outOf) * 0.35, "\(answer.question.text.prefix(40)) given to \(question.question.text.prefix(40)): \(copied.mark)")
            #expect(copied.mark < own)
        }
    }

    @Test func windowsAndBrowserLineEndingsSeparateParagraphs() {
        let text = "First paragraph has enough words to be prose, because it explains.\r\n\r\nSecond paragraph also has enough words to count.\r\rThird."
        #expect(EssayCoach.paragraphs(of: text).count == 3)
    }

    @Test func feedbackNamesWhatIsMissingWithCitations() throws {
        let question = try #require(Self.knowledge.questions.first { $0.text.contains("Five-Year Plans brought misery") })
        let answer = """
            The Five-Year Plans brought misery because workers lived in overcrowded barracks and real wages fell. This meant \
            that many people suffered, so the statement is true.
            """
        let f = Self.mark(answer, for: question)
        #expect(f.level <= 2)
        #expect(!f.counterArgument)
        #expect(f.nextSteps.count == 3)
        #expect(!f.missed.isEmpty)
        #expect(f.missed.contains { !$0.evidence.isEmpty }, "missed factors carry the notes' evidence")
        #expect(f.paragraphs.count == 1 && f.paragraphs[0].explains)
        let brief = ExamBrief(question: question, knowledge: Self.knowledge)
        #expect(brief.factors.count >= 3)
        #expect(brief.factors.contains { $0.side == .disagree })
    }
}
