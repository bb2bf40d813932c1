import Foundation
import GRDB
import ReviseCore

/// A written answer to an exam question, kept with the feedback it was given so progress shows over time.
public struct StoredAnswer: Hashable, Sendable, Codable {
    public var id: Int64
    public var questionId: String
    public var question: String
    public var at: Date
    /// How long the student took, when they timed themselves.
    public var seconds: Int?
    public var answer: String
    public var feedback: EssayFeedback
}

extension ReviseStore {
    /// Where the questions a student adds are cited from: "my questions:2" is the second one added.
    public static let addedQuestionsSource = "my questions"

    /// Every question to practise: those found in the notes (the built-in course's among them), one per wording,
    /// then those the student added.
    public func examQuestions() throws(StoreError) -> [ExamQuestion] {
        try examQuestions(in: knowledgeBase())
    }

    /// The same, with the knowledge already at hand (merging it is the slow part).
    public func examQuestions(in knowledge: KnowledgeBase) throws(StoreError) -> [ExamQuestion] {
        var seen = Set<String>()
        var result: [ExamQuestion] = []
        for q in knowledge.questions where seen.insert(q.id).inserted { result.append(q) }
        for q in try addedQuestions() where seen.insert(q.id).inserted { result.append(q) }
        return result
    }

    /// The questions the student wrote, in the order they were added.
    public func addedQuestions() throws(StoreError) -> [ExamQuestion] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, text, marks, topic, factors FROM examQuestion ORDER BY rowid").map { row in
                let text: String = row["text"]
                let factors = (row["factors"] as String?).flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
                return ExamQuestion(
                    text: text, marks: row["marks"], command: ExamQuestion.Command(asking: text),
                    topic: (row["topic"] as String?).map { [$0] } ?? [], factors: factors,
                    citation: Citation(source: Self.addedQuestionsSource, span: Span(line: Int(row["rowid"] as Int64))))
            }
        }
    }

    /// Adds a question of the student's own. Refused when it is too short to be a question or already there.
    @discardableResult
    public func addExamQuestion(
        text raw: String, marks: Int?, topic: String? = nil, factors: [String] = [], at date: Date
    ) throws(StoreError) -> ExamQuestion {
        let text = raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        guard text.split(separator: " ").count >= 4 else {
            throw StoreError.invalid("a question needs at least four words; “\(text)” is too short")
        }
        guard text.count <= 1000 else { throw StoreError.invalid("a question can be at most 1,000 characters long") }
        let topic = topic.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        if let topic, topic.count > 200 { throw StoreError.invalid("a topic can be at most 200 characters long") }
        if let marks, !(1...100).contains(marks) { throw StoreError.invalid("marks must be between 1 and 100; \(marks) was given") }
        let probe = ExamQuestion(text: text, marks: marks, command: ExamQuestion.Command(asking: text), citation: Citation(source: "", span: Span(line: 1)))
        if try examQuestions().contains(where: { $0.id == probe.id }) {
            throw StoreError.invalid("that question is already in the bank as \(probe.id)")
        }
        let encoded = String(decoding: try! JSONEncoder().encode(factors), as: UTF8.self)
        return try write { db in
            try db.execute(
                sql: "INSERT INTO examQuestion (id, text, marks, topic, factors, addedAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [probe.id, text, marks, topic, encoded, date.timeIntervalSince1970])
            var question = probe
            question.factors = factors
            question.topic = topic.map { [$0] } ?? []
            question.citation = Citation(source: Self.addedQuestionsSource, span: Span(line: Int(db.lastInsertedRowID)))
            return question
        }
    }

    /// Keeps an answer with its feedback, in one transaction.
    @discardableResult
    public func saveAnswer(_ answer: String, feedback: EssayFeedback, seconds: Int?, at date: Date) throws(StoreError) -> StoredAnswer {
        let body = try! JSONEncoder().encode(feedback)
        return try write { db in
            try db.execute(
                sql: """
                    INSERT INTO examAnswer (questionId, question, at, seconds, answer, mark, outOf, level, feedback)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    feedback.questionId, feedback.question, date.timeIntervalSince1970, seconds, answer, feedback.mark,
                    feedback.outOf, feedback.level, body,
                ])
            return StoredAnswer(
                id: db.lastInsertedRowID, questionId: feedback.questionId, question: feedback.question, at: date, seconds: seconds,
                answer: answer, feedback: feedback)
        }
    }

    /// The answers written so far, oldest first; those to one question when `questionId` is given.
    public func answers(to questionId: String? = nil) throws(StoreError) -> [StoredAnswer] {
        try read { db in
            let rows =
                if let questionId {
                    try Row.fetchAll(db, sql: "SELECT * FROM examAnswer WHERE questionId = ? ORDER BY id", arguments: [questionId])
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM examAnswer ORDER BY id")
                }
            return try rows.map { row in
                StoredAnswer(
                    id: row["id"], questionId: row["questionId"], question: row["question"],
                    at: Date(timeIntervalSince1970: row["at"]), seconds: row["seconds"], answer: row["answer"],
                    feedback: try JSONDecoder().decode(EssayFeedback.self, from: row["feedback"] as Data))
            }
        }
    }
}
