import ArgumentParser
import Foundation
import ReviseCore
import ReviseStore

struct ExamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam", abstract: "Practise exam questions: plans from your notes and feedback on written answers.",
        subcommands: [ExamPlanCommand.self, ExamAnswerCommand.self, ExamAddCommand.self, ExamHistoryCommand.self])

    /// The question a user means: its id ("q1a2b…"), its number in `revise questions`, or words of its text.
    static func question(_ query: String, in store: ReviseStore, knowledge: KnowledgeBase? = nil) throws -> ExamQuestion {
        let questions = try knowledge.map { try store.examQuestions(in: $0) } ?? store.examQuestions()
        if let q = questions.first(where: { $0.id == query }) { return q }
        if let n = Int(query), (1...questions.count).contains(n) { return questions[n - 1] }
        let lower = query.lowercased()
        let matching = questions.filter { $0.text.lowercased().contains(lower) }
        if matching.count == 1 { return matching[0] }
        if matching.count > 1 {
            throw Failure(
                message: "“\(query)” matches \(matching.count) questions; use an id:\n"
                    + matching.prefix(8).map { "  \($0.id)  \($0.text)" }.joined(separator: "\n"), exitCode: 64)
        }
        throw Failure(message: "there is no question “\(query)”; `revise questions` lists them with their ids", exitCode: 64)
    }
}

struct ExamPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "An essay plan for a question: what it demands, the factors your notes give, evidence and a line of argument.")

    @Argument(help: "The question: its id, its number in `revise questions`, or words of it.")
    var question: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try store.open()
        let knowledge = try store.knowledgeBase()
        let question = try ExamCommand.question(question, in: store, knowledge: knowledge)
        let brief = ExamBrief(question: question, knowledge: knowledge)
        if output.json { return try Output.printJSON(brief) }
        print("\(question.text)  [\(brief.marks) marks\(question.marks == nil ? ", assumed" : "")]  \(brief.id)")
        print("Command: \(question.command.rawValue). \(brief.scheme.demands)")
        print("Top level (\(brief.scheme.levels.last!.low)–\(brief.scheme.levels.last!.high)): \(brief.scheme.levels.last!.descriptor)")
        let groups: [(String, [ExamBrief.Factor])] =
            question.command == .howFarDoYouAgree
            ? [("For the statement", brief.factors.filter { $0.side == .agree }), ("Against it", brief.factors.filter { $0.side == .disagree }),
                ("To weigh", brief.factors.filter { $0.side == .neutral })]
            : [("Factors", brief.factors)]
        for (title, factors) in groups where !factors.isEmpty {
            print("\n\(title):")
            for (k, f) in factors.enumerated() {
                print("  \(k + 1). \(f.title)\(f.fromPlan ? "" : "  (from your notes on this topic)")")
                for e in f.evidence { print("     – \(e.text)  (\(e.citation))") }
            }
        }
        if brief.factors.isEmpty { print("\nYour notes say little about this question yet; import notes on it for factors and evidence.") }
        print("\nLine of argument: \(brief.argument)")
    }
}

struct ExamAnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer", abstract: "Feedback on a written answer: level, estimated mark, factors covered and missed, and three next steps.")

    @Argument(help: "The question's id (from `revise questions --json`), its number, or words of it.")
    var question: String
    @Option(name: .long, help: ArgumentHelp("The answer, as a text file ('-' for standard input).", valueName: "file"))
    var file: String
    @Option(help: "How many minutes the answer took, to keep with it.")
    var minutes: Double?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    static let largest = 200_000

    func validate() throws {
        if let minutes, !(minutes > 0 && minutes < 600) {
            throw ValidationError("--minutes must be between 0 and 600; it was \(minutes)")
        }
    }

    func run() throws {
        let text = try Self.readAnswer(file)
        let store = try store.open()
        let knowledge = try store.knowledgeBase()
        let question = try ExamCommand.question(question, in: store, knowledge: knowledge)
        let brief = ExamBrief(question: question, knowledge: knowledge)
        let feedback = EssayCoach.feedback(on: text, brief: brief, knowledge: knowledge)
        let saved = try store.saveAnswer(text, feedback: feedback, seconds: minutes.map { Int($0 * 60) }, at: Date())
        if output.json { return try Output.printJSON(feedback) }
        Self.printFeedback(feedback)
        let earlier = try store.answers(to: feedback.questionId).filter { $0.id != saved.id }
        if !earlier.isEmpty {
            let marks = (earlier.map(\.feedback.mark) + [feedback.mark]).map { Self.format($0) }.joined(separator: " → ")
            print("\nYour answers to this question so far: \(marks) (of \(feedback.outOf))")
        }
    }

    /// The answer's text: refused with the file's name when it is missing, empty, binary, not UTF-8 or huge.
    static func readAnswer(_ path: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.fileExists(atPath: path) else { throw Failure(message: "\(path): no such file", exitCode: 66) }
            guard let read = FileManager.default.contents(atPath: path) else { throw Failure(message: "\(path): cannot be read", exitCode: 66) }
            data = read
        }
        let name = path == "-" ? "standard input" : path
        guard data.count <= largest else {
            throw Failure(message: "\(name): \(data.count) bytes is too long for an answer (at most \(largest))", exitCode: 65)
        }
        guard !data.contains(0) else { throw Failure(message: "\(name): a binary file, not a written answer", exitCode: 65) }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw Failure(message: "\(name): not UTF-8 text (save the answer as plain UTF-8 text)", exitCode: 65)
        }
        guard text.split(whereSeparator: { $0.isWhitespace }).count >= 3 else {
            throw Failure(message: "\(name): the answer is empty or too short to mark", exitCode: 65)
        }
        return text
    }

    static func format(_ mark: Double) -> String { EssayFeedback.formatted(mark) }

    static func printFeedback(_ f: EssayFeedback) {
        print("\(f.question)")
        print("Estimated mark: \(format(f.mark)) / \(f.outOf) — level \(f.level) of \(f.levels) (\(f.band) marks)")
        print("  \(f.descriptor)")
        for w in f.warnings { print("  ! \(w)") }
        let p = f.points
        let a = f.available
        print(
            "\nMarks by part: explanation \(format(p.explanation))/\(format(a.explanation)), evidence \(format(p.evidence))/\(format(a.evidence)), "
                + "balance \(format(p.balance))/\(format(a.balance)), judgement \(format(p.judgement))/\(format(a.judgement))")
        print("Evidence: \(f.dates) dates, \(f.figures) figures, \(f.names) names from your notes; \(f.words) words.")
        print("Counter-argument: \(f.counterArgument ? "yes" : "no"). Judgement: \(f.judgement ? (f.substantiated ? "yes, with a reason" : "yes, but not supported by a reason") : "no").")
        if !f.paragraphs.isEmpty {
            print("\nParagraphs:")
            for para in f.paragraphs {
                let kind = !para.relevant ? "off the question" : para.explains ? "explains" : "narrates"
                let detail = para.dates + para.figures > 0 ? ", \(para.dates + para.figures) dates/figures" : ""
                print("  \(para.number). \(kind)\(para.counters ? ", argues the other side" : "")\(detail) — “\(para.opening)”")
            }
        }
        if !f.covered.isEmpty { print("\nCovered: " + f.covered.map(\.factor).joined(separator: " · ")) }
        if !f.missed.isEmpty {
            print("Missed:")
            for m in f.missed.prefix(6) {
                print("  – \(m.factor)" + (m.evidence.first.map { ": “\($0.text)” (\($0.citation))" } ?? ""))
            }
        }
        print("\nNext steps:")
        for (k, step) in f.nextSteps.enumerated() { print("  \(k + 1). \(step)") }
    }
}

struct ExamAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a question of your own to the bank.")

    @Argument(help: "The question, as the exam would print it.")
    var text: String
    @Option(help: "The marks it is worth.")
    var marks: Int?
    @Option(help: "The topic it belongs to.")
    var topic: String?
    @Option(name: .customLong("factor"), help: "A factor your plan would use (repeat for several).")
    var factors: [String] = []
    @OptionGroup var store: StoreOptions

    func run() throws {
        let question = try store.open().addExamQuestion(text: text, marks: marks, topic: topic, factors: factors, at: Date())
        print("Added \(question.id): \(question.text) (\(question.command.rawValue), \(MarkScheme.marks(for: question)) marks\(topic.map { "; \($0)" } ?? ""))")
    }
}

struct ExamHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Your written answers and their marks over time.")

    @Argument(help: "Only the answers to this question (id, number or words).")
    var question: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Entry: Encodable {
        var id: Int64
        var questionId: String
        var question: String
        var at: String
        var minutes: Double?
        var mark: Double
        var outOf: Int
        var level: Int
    }

    func run() throws {
        let store = try store.open()
        let id = try question.map { try ExamCommand.question($0, in: store).id }
        let answers = try store.answers(to: id)
        let entries = answers.map {
            Entry(
                id: $0.id, questionId: $0.questionId, question: $0.question, at: Timestamp.format($0.at),
                minutes: $0.seconds.map { Double($0) / 60 }, mark: $0.feedback.mark, outOf: $0.feedback.outOf, level: $0.feedback.level)
        }
        if output.json { return try Output.printJSON(["answers": entries]) }
        if entries.isEmpty { return print("No answers yet: `revise exam answer QUESTION --file answer.txt` marks one.") }
        for e in entries {
            print("\(e.at)  \(ExamAnswerCommand.format(e.mark))/\(e.outOf) (level \(e.level))  \(e.questionId)  \(e.question.prefix(70))")
        }
    }
}
