import Foundation
import Hummingbird
import ReviseCore
import ReviseStore

/// Studying in the browser: one card at a time, revealed with Space, rated with 1–4, typed answers checked
/// leniently, undo. The card is drawn here, once, for the page and for the API (which sends the same HTML), and
/// the page works without its script (forms and a `<details>` element), only less smoothly.
extension Site {
    struct StudyCounts: Encodable {
        var new: Int
        var learning: Int
        var review: Int
    }

    struct NextCard: Encodable {
        var card: StoredCard?
        var counts: StudyCounts
        /// The card as the study page shows it (or the "all done" panel), when asked for (`?html=1`).
        var html: String?
    }

    /// The card to study now (or `preferring`, when it names a card), with what is left. Without `preferring`, the
    /// queue kept in memory by the store answers (`checked` asks the store first whether another process wrote to
    /// the file; the answer to a rating need not, its group of ratings has just asked).
    func nextCard(preferring id: String? = nil, context: ReviseContext, checked: Bool = false, html: Bool = true) async throws -> NextCard {
        if !checked { try await store.noticeOtherWriters() }
        let now = self.now
        let dayStart = StudyDay.start(of: now)
        let counts: StudyCounts
        let next: StoredCard?
        if let id {
            let (queue, card) = try store.nextCard(at: now, newPerDay: options.newPerDay, dayStart: dayStart, preferring: id)
            let c = queue.counts
            (counts, next) = (StudyCounts(new: c.new, learning: c.learning, review: c.review), card)
        } else {
            let (c, card) = try store.nextStudyCard(at: now, newPerDay: options.newPerDay, dayStart: dayStart)
            (counts, next) = (StudyCounts(new: c.new, learning: c.learning, review: c.review), card)
        }
        guard let card = next else {
            return NextCard(card: nil, counts: counts, html: html ? try doneFragment(counts: counts, now: now).text : nil)
        }
        return NextCard(card: card, counts: counts, html: html ? cardFragment(card, counts: counts, context: context, now: now).text : nil)
    }

    static func canType(_ card: Card) -> Bool {
        ![.choice, .ordering, .exam].contains(card.kind) && AnswerCheck.canType(card.answer)
    }

    /// The rating buttons, each with the interval it would give the card from now.
    func ratingButtons(_ schedule: CardSchedule, now: Date) -> [HTML] {
        Rating.allCases.map { rating -> HTML in
            let after = scheduler.review(schedule, rating, at: now, chance: 0.5)
            return """
                <button type="submit" name="rating" value="\(rating.rawValue)" class="rate-\(rating.name)"><kbd>\(rating.rawValue)</kbd> \(rating.name.capitalized) <small>\(Self.interval(from: now, to: after.due))</small></button>
                """
        }
    }

    /// The study card: its words and where it comes from, with the counts, its state, the page's CSRF token and
    /// the rating buttons put in. `cardFragment` draws it from a template kept per card.
    func drawCardFragment(_ card: Card, countsBar: HTML, state: String, csrf: HTML, buttons: [HTML]) -> HTML {
        let typable = Self.canType(card)
        var front: HTML = "<div class=\"prompt\">\(HTML.cardText(card.prompt))</div>"
        if card.kind == .ordering, let colon = card.prompt.range(of: ": ") {
            let items = card.prompt[colon.upperBound...].components(separatedBy: "; (").enumerated().map { i, item -> HTML in
                "<li>\(i == 0 ? item : "(" + item)</li>"
            }
            front = "<div class=\"prompt\">\(card.prompt[..<colon.lowerBound])</div><ul class=\"order-items\">\(items)</ul>"
        }
        if !card.choices.isEmpty {
            let letters = Array("abcdefgh")
            let choices = card.choices.enumerated().map { i, choice -> HTML in
                "<li><button type=\"button\" class=\"choice\" data-choice=\"\(choice)\"><kbd>\(String(letters[min(i, 7)]))</kbd> \(choice)</button></li>"
            }
            front += "<ol class=\"choices\">\(choices)</ol>"
        }
        if typable {
            front += """
                <form class="type-answer" action="/api/check" method="post" autocomplete="off">
                  <label for="typed">Type the answer <span class="hint">(optional, Enter to check)</span></label>
                  <input id="typed" name="typed" autocapitalize="off" spellcheck="false" enterkeyhint="done">
                </form>
                """
        }
        var back: HTML = "<div class=\"answer\">\(HTML.cardText(card.answer))</div>"
        if card.kind == .ordering, !card.order.isEmpty {
            back = "<ol class=\"answer order-answer\">\(card.order.map { item -> HTML in "<li>\(item)</li>" })</ol>"
        }
        back += "<p class=\"verdict\" hidden></p>"
        if let note = card.note { back += "<p class=\"note\">\(note)</p>" }
        if let citation = card.citations.first {
            var source: HTML = "<p class=\"from\">From \(Self.citationLinks(card.citations, limit: 3))</p>"
            if let passage = try? store.passage(at: citation) {
                source += """
                    <blockquote class="passage">\(passage.topic.isEmpty ? "" : HTML("<p class=\"passage-topic\">\(passage.topic)</p>"))<p class="passage-text">\(passage.text)</p></blockquote>
                    """
            }
            back += "<div class=\"source\">\(source)</div>"
        }
        return """
            <article class="study-card" id="study-card" data-card="\(card.id)" data-typable="\(typable ? "true" : "false")" data-answer="\(card.answer)">
              \(countsBar)
              <p class="card-meta"><span class="badge kind-\(card.kind.rawValue)">\(card.kind.rawValue)</span> <span class="badge state-\(state)">\(state)</span> <span class="topic">\(card.topic.joined(separator: " › "))</span></p>
              <div class="front">\(front)</div>
              <details class="answer-box" id="answer-box">
                <summary class="button primary reveal">Show answer <kbd>Space</kbd></summary>
                <div class="back">\(back)</div>
                <form class="rate" method="post" action="/study/review">
                  \(csrf)<input type="hidden" name="card" value="\(card.id)">
                  \(buttons)
                </form>
              </details>
              <div class="study-tools">
                <form method="post" action="/study/undo">\(csrf)<button type="submit" class="link" id="undo"><kbd>U</kbd> Undo last rating</button></form>
                <form method="post" action="/cards/\(card.id)/suspend">\(csrf)<input type="hidden" name="suspended" value="1"><input type="hidden" name="back" value="/study"><button type="submit" class="link"><kbd>S</kbd> Suspend</button></form>
                <a href="/cards/\(card.id)"><kbd>E</kbd> Edit card</a>
              </div>
            </article>
            """
    }

    func countsBar(_ counts: StudyCounts) -> HTML {
        """
        <p class="counts" aria-label="Left to study"><span class="count-new" title="New">\(counts.new) new</span> <span class="count-learning" title="Learning">\(counts.learning) learning</span> <span class="count-review" title="Review">\(counts.review) to review</span></p>
        """
    }

    func doneFragment(counts: StudyCounts, now: Date) throws -> HTML {
        let today = try store.today(at: now, newPerDay: options.newPerDay, dayStart: StudyDay.start(of: now))
        let later: HTML = today.dueLaterToday > 0
            ? "<p>\(today.dueLaterToday) more \(today.dueLaterToday == 1 ? "card comes" : "cards come") due later today: come back then.</p>"
            : "<p>Nothing else is due today.</p>"
        return """
            <article class="study-card done" id="study-card" data-card="">
              \(countsBar(counts))
              <h2>All done for now</h2>
              <p class="lead">You reviewed \(today.reviewedToday) \(today.reviewedToday == 1 ? "card" : "cards") today\(today.streak > 1 ? ", \(today.streak) days in a row" : "").</p>
              \(later)
              <p><a class="button" href="/">Back to Today</a> <a class="button" href="/cards">Browse the cards</a></p>
            </article>
            """
    }

    func studyPage(_ request: Request, context: ReviseContext) async throws -> Response {
        let next = try await nextCard(preferring: request.query("card"), context: context)
        return Responses.html(
            layout(
                title: "Study", active: "/study", context: context,
                body: """
                    <section class="study" id="study" aria-live="polite">\(HTML(raw: next.html ?? ""))</section>
                    <p class="keys">Keys: <kbd>Space</kbd> show the answer · <kbd>1</kbd>–<kbd>4</kbd> again, hard, good, easy · <kbd>T</kbd> type the answer · <kbd>U</kbd> undo · <kbd>S</kbd> suspend</p>
                    """))
    }

    /// Rates a card for the form and the API alike; the rating is on disk when this returns. Ratings that arrive
    /// together are committed together, each answered after its commit.
    func rate(cardID: String, rating: Rating) async throws -> StoredCard {
        // Two ratings of one card sent at once (two tabs) may reach the database in the other order; the later
        // one is then timed again rather than refused.
        for attempt in 1...3 {
            do {
                let now = self.now
                return try await store.review(
                    card: cardID, rating: rating, at: now, dayStart: StudyDay.start(of: now), scheduler: scheduler)
            } catch {
                guard case .invalid(let why) = error else { throw error }
                if attempt == 3 { throw UserError(.conflict, why) }
            }
        }
        throw UserError(.conflict, "The rating could not be saved; try again.")
    }

    static func rating(_ text: String?) throws -> Rating {
        guard let text, let value = Int(text).flatMap(Rating.init(rawValue:)) ?? Rating.allCases.first(where: { $0.name == text.lowercased() })
        else { throw UserError.badRequest("The rating must be 1–4 (or again, hard, good, easy); it was “\(text ?? "")”.") }
        return value
    }

    func addStudyRoutes(to router: Router<ReviseContext>) {
        router.get("/study") { request, context in try await self.studyPage(request, context: context) }
        router.post("/study/review") { request, context in
            var request = request
            let form = try await request.form()
            guard let id = form["card"], !id.isEmpty else { throw UserError.badRequest("The form did not say which card was rated.") }
            _ = try await self.rate(cardID: id, rating: try Self.rating(form["rating"]))
            return Responses.redirect("/study")
        }
        router.post("/study/undo") { _, _ in
            guard let card = try self.store.undoLastReview() else { return Responses.redirect("/study") }
            return Responses.redirect("/study?card=\(card.card.id)")
        }
    }
}
