import Foundation
import Hummingbird
import ReviseCore
import ReviseStore

/// Exam practice: the question bank, a plan for each question, and feedback on a written answer (the same
/// `ExamBrief` and `EssayCoach` as `revise exam`).
extension Site {
    struct ExamAnswerRequest: Decodable {
        var answer: String
        var seconds: Int?
    }

    struct BankEntry: Encodable {
        var id: String
        var text: String
        var marks: Int
        var marksGiven: Bool
        var command: String
        var citation: String
        var answers: Int
        var best: Double?
    }

    static let longestAnswer = 200_000

    func question(id: String) throws -> ExamQuestion {
        guard let q = try store.examQuestions(in: knowledge()).first(where: { $0.id == id }) else {
            throw UserError.notFound("There is no exam question \(id).")
        }
        return q
    }

    func bank() throws -> [BankEntry] {
        let answers = Dictionary(grouping: try store.answers(), by: \.questionId)
        return try store.examQuestions(in: knowledge()).map { q in
            let mine = answers[q.id] ?? []
            return BankEntry(
                id: q.id, text: q.text, marks: MarkScheme.marks(for: q), marksGiven: q.marks != nil, command: q.command.rawValue,
                citation: q.citation.description, answers: mine.count, best: mine.map(\.feedback.mark).max())
        }
    }

    /// Marks an answer and keeps it with its feedback.
    func mark(_ answer: String, seconds: Int?, questionID: String) throws -> EssayFeedback {
        let question = try question(id: questionID)
        guard answer.utf8.count <= Self.longestAnswer else {
            throw UserError(.contentTooLarge, "The answer is too long to mark (at most \(Self.longestAnswer / 1000) thousand characters).")
        }
        guard answer.split(whereSeparator: { $0.isWhitespace }).count >= 3 else {
            throw UserError.badRequest("Write an answer first: it is empty or too short to mark.")
        }
        if let seconds, !(0...36_000).contains(seconds) { throw UserError.badRequest("The time taken must be between 0 and 36,000 seconds.") }
        let knowledge = try self.knowledge()
        let brief = ExamBrief(question: question, knowledge: knowledge)
        let feedback = EssayCoach.feedback(on: answer, brief: brief, knowledge: knowledge)
        try store.saveAnswer(answer, feedback: feedback, seconds: seconds, at: now)
        return feedback
    }

    func examListPage(context: ReviseContext) throws -> Response {
        let entries = try bank()
        let rows = entries.map { e -> HTML in
            let best = e.best.map { HTML("\(Self.markText($0))/\(e.marks)") } ?? HTML("—")
            return """
                <tr><td><a href="/exam/\(e.id)">\(e.text)</a></td><td>\(e.marks)\(e.marksGiven ? "" : "?")</td><td>\(e.command)</td><td>\(e.answers)</td><td>\(best)</td></tr>
                """
        }
        let body: HTML = """
            <section class="panel">
              <h1>Exam practice</h1>
              <p class="lead">\(entries.count) questions from your notes, the course and your own. Pick one to see a plan from your notes, then write an answer for feedback and an estimated mark.</p>
              <table class="cards-table exam-bank"><thead><tr><th>Question</th><th>Marks</th><th>Asks you to</th><th>Answers</th><th>Best</th></tr></thead>
              <tbody>\(rows)</tbody></table>
            </section>
            <section class="panel">
              <h2>Add a question of your own</h2>
              <form method="post" action="/exam/add" class="add-question">\(csrfField(context))
                <label for="qtext">Question</label><input id="qtext" name="text" required minlength="10" maxlength="1000" placeholder="‘Propaganda was the main reason…’ How far do you agree?">
                <label for="qmarks">Marks</label><input id="qmarks" name="marks" type="number" min="1" max="100" value="10">
                <button type="submit">Add</button>
              </form>
            </section>
            """
        return Responses.html(layout(title: "Exam practice", active: "/exam", context: context, body: body))
    }

    func examPage(id: String, feedback: EssayFeedback? = nil, answer: String = "", context: ReviseContext) throws -> Response {
        let question = try question(id: id)
        let brief = ExamBrief(question: question, knowledge: try knowledge())
        let top = brief.scheme.levels.last!
        let factors = brief.factors.map { f -> HTML in
            let evidence = f.evidence.map { e -> HTML in
                "<li>\(e.text) <a class=\"cite\" href=\"\(Self.sourceLink(e.citation))\">\(e.citation.description)</a></li>"
            }
            let side = question.command == .howFarDoYouAgree && f.side != .neutral ? HTML(" <span class=\"badge\">\(f.side == .agree ? "for" : "against")</span>") : ""
            return "<li><strong>\(f.title)</strong>\(side)<ul class=\"evidence\">\(evidence)</ul></li>"
        }
        let history = try store.answers(to: id)
        let progress: HTML =
            history.isEmpty
            ? ""
            : "<p class=\"progress-line\">Your answers so far: \(history.map { Self.markText($0.feedback.mark) }.joined(separator: " → ")) (of \(brief.marks))</p>"
        let minutes = max(5, brief.marks * 3 / 2)
        let body: HTML = """
            <section class="panel">
              <p class="crumbs"><a href="/exam">Exam practice</a></p>
              <h1>\(question.text)</h1>
              <p class="lead">\(brief.marks) marks\(question.marks == nil ? " (assumed)" : "") · \(question.command.rawValue) · <a class="cite" href="\(Self.sourceLink(question.citation))">\(question.citation.description)</a></p>
              <p>\(brief.scheme.demands)</p>
              <p class="hint">Top level (\(top.low)–\(top.high) marks): \(top.descriptor)</p>
              <details class="plan"><summary>A plan from your notes (\(brief.factors.count) factors)</summary>
                <ol class="factors">\(factors)</ol>
                <p><strong>Line of argument:</strong> \(brief.argument)</p>
              </details>
            </section>
            \(feedback.map { Self.feedbackPanel($0) } ?? "")
            <section class="panel">
              <h2>Your answer</h2>
              \(progress)
              <form method="post" action="/exam/\(id)" class="exam-answer">\(csrfField(context))
                <div class="timer" data-minutes="\(minutes)" hidden><button type="button" class="small timer-toggle">Start a \(minutes)-minute timer</button> <span class="timer-clock" aria-live="polite"></span></div>
                <input type="hidden" name="seconds" value="">
                <label for="answer">Write your answer in paragraphs (a blank line between them).</label>
                <textarea id="answer" name="answer" rows="18" required maxlength="\(Self.longestAnswer)">\(answer)</textarea>
                <button type="submit" class="primary">Mark my answer</button>
              </form>
            </section>
            """
        return Responses.html(layout(title: "Exam: " + question.text.split(separator: " ").prefix(8).joined(separator: " "), active: "/exam", context: context, body: body))
    }

    static func markText(_ mark: Double) -> String { EssayFeedback.formatted(mark) }

    static func feedbackPanel(_ f: EssayFeedback) -> HTML {
        let p = f.points
        let a = f.available
        func part(_ name: String, _ got: Double, _ of: Double) -> HTML {
            "<li><span>\(name)</span> <meter min=\"0\" max=\"\(markText(of))\" value=\"\(markText(got))\"></meter> \(markText(got))/\(markText(of))</li>"
        }
        let paragraphs = f.paragraphs.map { para -> HTML in
            let kind = !para.relevant ? "off the question" : para.explains ? "explains" : "narrates"
            return "<li class=\"para-\(kind.replacingOccurrences(of: " ", with: "-"))\"><strong>\(kind)</strong>\(para.counters ? ", argues the other side" : "") · \(para.dates + para.figures) dates/figures — “\(para.opening)”</li>"
        }
        let missed = f.missed.prefix(6).map { m -> HTML in
            let e = m.evidence.first.map { e -> HTML in ": “\(e.text)” <a class=\"cite\" href=\"\(sourceLink(e.citation))\">\(e.citation.description)</a>" } ?? ""
            return "<li>\(m.factor)\(e)</li>"
        }
        let warnings = f.warnings.map { w -> HTML in "<p class=\"warning\">\(w)</p>" }
        return """
            <section class="panel feedback">
              <h2>Estimated mark: \(markText(f.mark)) / \(f.outOf) <span class="badge">level \(f.level) of \(f.levels) · \(f.band) marks</span></h2>
              <p>\(f.descriptor)</p>
              \(warnings)
              <ul class="parts">\(part("Explanation", p.explanation, a.explanation))\(part("Evidence", p.evidence, a.evidence))\(part("Balance", p.balance, a.balance))\(part("Judgement", p.judgement, a.judgement))</ul>
              <p>\(f.dates) dates, \(f.figures) figures and \(f.names) names from your notes · counter-argument: \(f.counterArgument ? "yes" : "no") · judgement: \(f.judgement ? (f.substantiated ? "yes, with a reason" : "yes, without a reason") : "no")</p>
              <h3>Next steps</h3>
              <ol class="next-steps">\(f.nextSteps.map { s -> HTML in "<li>\(s)</li>" })</ol>
              <h3>Paragraph by paragraph</h3>
              <ol class="paragraph-notes">\(paragraphs)</ol>
              \(f.covered.isEmpty ? "" : HTML("<p><strong>Covered:</strong> \(f.covered.map(\.factor).joined(separator: " · "))</p>"))
              \(missed.isEmpty ? "" : HTML("<h3>Missed from your notes</h3><ul>\(missed)</ul>"))
            </section>
            """
    }

    func addExamRoutes(to router: Router<ReviseContext>) {
        router.get("/exam") { _, context in try self.examListPage(context: context) }
        router.post("/exam/add") { request, _ in
            var request = request
            let form = try await request.form()
            let marks = try form["marks"].flatMap { $0.isEmpty ? nil : $0 }.map { text -> Int in
                guard let n = Int(text) else { throw UserError.badRequest("Marks must be a whole number; it was “\(text)”.") }
                return n
            }
            let question = try self.addQuestion(text: form["text"] ?? "", marks: marks)
            return Responses.redirect("/exam/\(question.id)")
        }
        router.get("/exam/:id") { _, context in try self.examPage(id: context.parameters.decoded("id"), context: context) }
        router.post("/exam/:id") { request, context in
            var request = request
            let form = try await request.form()
            let id = try context.parameters.decoded("id")
            let answer = form["answer"] ?? ""
            let seconds = try form["seconds"].flatMap { $0.isEmpty ? nil : $0 }.map { text -> Int in
                guard let n = Int(text) else { throw UserError.badRequest("The time taken must be a whole number of seconds.") }
                return n
            }
            let feedback = try self.mark(answer, seconds: seconds, questionID: id)
            return try self.examPage(id: id, feedback: feedback, answer: answer, context: context)
        }
    }

    func addQuestion(text: String, marks: Int?) throws -> ExamQuestion {
        do {
            return try store.addExamQuestion(text: text, marks: marks, at: now)
        } catch {
            guard case .invalid(let why) = error else { throw error }
            throw UserError.badRequest(why.prefix(1).uppercased() + why.dropFirst() + ".")
        }
    }

    func addExamAPIRoutes(to api: RouterGroup<ReviseContext>) {
        api.get("exam") { _, _ in Responses.json(["questions": try self.bank()]) }
        api.get("exam/:id") { _, context in
            Responses.json(ExamBrief(question: try self.question(id: context.parameters.decoded("id")), knowledge: try self.knowledge()))
        }
        api.post("exam/:id/answer") { request, context in
            var request = request
            let body = try await request.json(ExamAnswerRequest.self, limit: Self.longestAnswer + 10_000)
            let feedback = try self.mark(body.answer, seconds: body.seconds, questionID: try context.parameters.decoded("id"))
            return Responses.json(feedback)
        }
        api.get("exam/:id/answers") { _, context in
            let id = try context.parameters.decoded("id")
            _ = try self.question(id: id)
            return Responses.json(["answers": try self.store.answers(to: id)])
        }
        api.post("exam") { request, _ in
            struct Body: Decodable {
                var text: String
                var marks: Int?
            }
            var request = request
            let body = try await request.json(Body.self)
            let question = try self.addQuestion(text: body.text, marks: body.marks)
            return Responses.json(["id": question.id], status: .created)
        }
    }
}
