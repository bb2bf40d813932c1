import ArgumentParser
import ReviseCore
import ReviseStore

struct QuestionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions", abstract: "List the exam questions: those in the notes and those you added.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Listing: Encodable {
        var questions: [Numbered]
    }

    struct Numbered: Encodable {
        var number: Int
        var question: ExamQuestion

        func encode(to encoder: any Encoder) throws {
            enum Keys: String, CodingKey { case id, number, text, marks, command, topic, factors, citation }
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(question.id, forKey: .id)
            try c.encode(number, forKey: .number)
            try c.encode(question.text, forKey: .text)
            try c.encode(question.marks, forKey: .marks)
            try c.encode(question.command, forKey: .command)
            try c.encode(question.topic, forKey: .topic)
            try c.encode(question.factors, forKey: .factors)
            try c.encode(question.citation.description, forKey: .citation)
        }
    }

    func run() throws {
        let questions = try store.open().examQuestions()
        let numbered = questions.enumerated().map { Numbered(number: $0.offset + 1, question: $0.element) }
        if output.json { return try Output.printJSON(Listing(questions: numbered)) }
        if questions.isEmpty { return print("No exam questions found in the notes.") }
        for n in numbered {
            let q = n.question
            print("\(n.number). \(q.id)  \(q.text)\(q.marks.map { " [\($0) marks]" } ?? "")  (\(q.command.rawValue); \(q.citation))")
            if !q.factors.isEmpty { print("   factors: " + q.factors.prefix(6).joined(separator: " · ")) }
        }
    }
}
