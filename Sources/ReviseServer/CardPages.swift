import Foundation
import Hummingbird
import ReviseCore
import ReviseStore

/// Browsing the cards: filter by type, topic and state; suspend; reword a card (the wording survives re-import).
extension Site {
    struct CardFilter {
        var kind: Card.Kind?
        var topic: String?
        var state: String?
        var text: String?

        static let states = ["new", "learning", "review", "suspended", "retired"]

        init(_ request: Request) throws {
            if let type = request.query("type") {
                guard let kind = Card.Kind(rawValue: type) else {
                    throw UserError.badRequest("There is no card type “\(type)”; the types are \(Card.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                self.kind = kind
            }
            if let state = request.query("state") {
                guard Self.states.contains(state) else {
                    throw UserError.badRequest("There is no card state “\(state)”; the states are \(Self.states.joined(separator: ", ")).")
                }
                self.state = state
            }
            topic = request.query("topic")
            text = request.query("q")
        }

        static func state(of card: StoredCard) -> String {
            card.retired ? "retired" : card.suspended ? "suspended" : card.isNew ? "new"
                : card.schedule.phase == .review ? "review" : "learning"
        }

        func matches(_ card: StoredCard) -> Bool {
            if let kind, card.card.kind != kind { return false }
            if let state, Self.state(of: card) != state { return false }
            if let topic, card.card.topic.first != topic { return false }
            if let text {
                let t = text.lowercased()
                if !card.card.prompt.lowercased().contains(t), !card.card.answer.lowercased().contains(t) { return false }
            }
            return true
        }
    }

    func filteredCards(_ filter: CardFilter) throws -> [StoredCard] {
        try store.cards(includingRetired: filter.state == "retired").filter(filter.matches)
    }

    func cardsPage(_ request: Request, context: ReviseContext) throws -> Response {
        let filter = try CardFilter(request)
        let all = try store.cards()
        let cards = try filteredCards(filter)
        let page = try request.intQuery("page", in: 1...100_000) ?? 1
        let perPage = 50
        let shown = cards.dropFirst((page - 1) * perPage).prefix(perPage)
        let topics = Array(Set(all.compactMap { $0.card.topic.first })).sorted()
        func option(_ value: String, _ label: String, _ selected: String?) -> HTML {
            "<option value=\"\(value)\"\(selected == value ? HTML(raw: " selected") : "")>\(label)</option>"
        }
        let now = self.now
        let rows = shown.map { stored -> HTML in
            let state = CardFilter.state(of: stored)
            let due: String = stored.isNew || stored.retired ? "—" : stored.schedule.due <= now ? "now" : "in " + Self.interval(from: now, to: stored.schedule.due)
            return """
                <tr><td><span class="badge kind-\(stored.card.kind.rawValue)">\(stored.card.kind.rawValue)</span></td>
                <td class="prompt-cell"><a href="/cards/\(stored.card.id)">\(stored.card.prompt)</a>\(stored.generated != nil ? HTML(" <span class=\"badge\">edited</span>") : "")</td>
                <td>\(stored.card.answer)</td><td><span class="badge state-\(state)">\(state)</span></td><td>\(due)</td>
                <td><form method="post" action="/cards/\(stored.card.id)/suspend">\(csrfField(context))<input type="hidden" name="suspended" value="\(stored.suspended ? "0" : "1")"><input type="hidden" name="back" value="\(request.uri.description)"><button type="submit" class="small">\(stored.suspended ? "Unsuspend" : "Suspend")</button></form></td></tr>
                """
        }
        var query = URLComponentsLite()
        if let kind = filter.kind { query.add("type", kind.rawValue) }
        if let topic = filter.topic { query.add("topic", topic) }
        if let state = filter.state { query.add("state", state) }
        if let text = filter.text { query.add("q", text) }
        let pages = max(1, (cards.count + perPage - 1) / perPage)
        var pager: HTML = ""
        if pages > 1 {
            pager = "<nav class=\"pager\">"
            if page > 1 { pager += "<a href=\"/cards?\(query.with("page", String(page - 1)))\">← Previous</a>" }
            pager += " Page \(page) of \(pages) "
            if page < pages { pager += "<a href=\"/cards?\(query.with("page", String(page + 1)))\">Next →</a>" }
            pager += "</nav>"
        }
        let body: HTML = """
            <section class="panel">
              <h1>Cards</h1>
              <form class="inline-form filters" method="get" action="/cards">
                <label>Type <select name="type">\(option("", "Any", nil))\(Card.Kind.allCases.map { option($0.rawValue, $0.rawValue, filter.kind?.rawValue) })</select></label>
                <label>Topic <select name="topic">\(option("", "Any", nil))\(topics.map { option($0, $0, filter.topic) })</select></label>
                <label>State <select name="state">\(option("", "Any", nil))\(CardFilter.states.map { option($0, $0, filter.state) })</select></label>
                <label>Words <input type="search" name="q" value="\(filter.text ?? "")"></label>
                <button type="submit">Filter</button>
              </form>
              <p class="lead">\(cards.count) of \(all.count) cards.</p>
              <div class="table-scroll"><table class="cards">
                <thead><tr><th>Type</th><th>Prompt</th><th>Answer</th><th>State</th><th>Due</th><th></th></tr></thead>
                <tbody>\(rows)</tbody>
              </table></div>
              \(pager)
            </section>
            """
        return Responses.html(layout(title: "Cards", active: "/cards", context: context, body: body))
    }

    func cardPage(id: String, saved: Bool, context: ReviseContext) throws -> Response {
        guard let stored = try store.card(id: id) else { throw UserError.notFound("There is no card \(id).") }
        let card = stored.card
        let reviews = try store.reviews(of: card.id)
        let s = stored.schedule
        let history = reviews.reversed().map { review -> HTML in
            "<li>\(Self.shortDate(review.at)) · <strong>\(review.rating.name)</strong> · next \(Self.interval(from: review.at, to: review.schedule.due))</li>"
        }
        let body: HTML = """
            <section class="panel">
              <p class="crumbs"><a href="/cards">Cards</a> ›</p>
              <h1 class="card-side">\(HTML.cardText(card.prompt))</h1>
              <p class="answer-line card-side">\(HTML.cardText(card.answer))</p>
              <p class="card-meta"><span class="badge kind-\(card.kind.rawValue)">\(card.kind.rawValue)</span> <span class="badge state-\(CardFilter.state(of: stored))">\(CardFilter.state(of: stored))</span> \(card.topic.joined(separator: " › "))</p>
              \(saved ? HTML("<p class=\"notice\" role=\"status\">Saved. Your wording is kept when the notes are imported again.</p>") : "")
              <p>From \(Self.citationLinks(card.citations, limit: 6))</p>
              <p class="meta">\(stored.isNew ? "Not studied yet." : HTML("Due \(Self.shortDate(s.due)) · stability \(String(format: "%.1f", s.stability ?? 0)) days · difficulty \(String(format: "%.1f", s.difficulty ?? 0)) · \(stored.reviewCount) reviews, \(stored.lapseCount) lapses"))</p>
            </section>
            <section class="panel">
              <h2>Edit the card</h2>
              <form method="post" action="/cards/\(card.id)" class="edit-card">
                \(csrfField(context))
                <label for="prompt">Prompt</label><textarea id="prompt" name="prompt" rows="3" maxlength="2000">\(card.prompt)</textarea>
                <label for="answer">Answer</label><textarea id="answer" name="answer" rows="2" maxlength="2000">\(card.answer)</textarea>
                <p><button type="submit" class="primary">Save</button></p>
              </form>
              \(stored.generated.map { g in HTML("""
                <form method="post" action="/cards/\(card.id)">\(csrfField(context))<input type="hidden" name="prompt" value="\(g.prompt)"><input type="hidden" name="answer" value="\(g.answer)">
                <p class="meta">Revise wrote: “\(g.prompt)” — “\(g.answer)” <button type="submit" class="small">Go back to it</button></p></form>
                """) })
              <form method="post" action="/cards/\(card.id)/suspend">\(csrfField(context))<input type="hidden" name="suspended" value="\(stored.suspended ? "0" : "1")"><input type="hidden" name="back" value="/cards/\(card.id)"><button type="submit">\(stored.suspended ? "Unsuspend" : "Suspend") this card</button></form>
            </section>
            <section class="panel"><h2>Reviews</h2>\(history.isEmpty ? HTML("<p class=\"empty\">None yet.</p>") : HTML("<ol class=\"history\">\(history)</ol>"))</section>
            """
        return Responses.html(layout(title: "Card", active: "/cards", context: context, body: body))
    }

    /// Saves the student's wording of a card, for the form and the API alike.
    func editCard(id: String, prompt: String?, answer: String?) throws {
        for (name, value) in [("prompt", prompt), ("answer", answer)] {
            if let value, value.count > 2000 { throw UserError.badRequest("The card's \(name) is too long (at most 2,000 characters).") }
        }
        guard let stored = try store.card(id: id) else { throw UserError.notFound("There is no card \(id).") }
        let prompt = prompt ?? stored.card.prompt
        let answer = answer ?? stored.card.answer
        if prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw UserError.badRequest("A card needs both a prompt and an answer.")
        }
        try store.editCard(id: stored.card.id, prompt: prompt, answer: answer, at: now)
    }

    func setSuspended(id: String, _ suspended: Bool) throws {
        guard try store.setSuspended(suspended, card: id) else { throw UserError.notFound("There is no card \(id).") }
    }

    func addCardRoutes(to router: Router<ReviseContext>) {
        router.get("/cards") { request, context in try self.cardsPage(request, context: context) }
        router.get("/media/:name") { _, context in
            let name = try context.parameters.decoded("name")
            guard let bytes = try self.store.media(named: name) else {
                throw UserError(.notFound, "There is no media file “\(name)”.")
            }
            return Responses.media(bytes, name: name)
        }
        router.get("/cards/:id") { request, context in
            try self.cardPage(id: context.parameters.decoded("id"), saved: request.query("saved") != nil, context: context)
        }
        router.post("/cards/:id") { request, context in
            var request = request
            let form = try await request.form()
            let id = try context.parameters.decoded("id")
            try self.editCard(id: id, prompt: form["prompt"], answer: form["answer"])
            return Responses.redirect("/cards/\(id)?saved=1")
        }
        router.post("/cards/:id/suspend") { request, context in
            var request = request
            let form = try await request.form()
            let id = try context.parameters.decoded("id")
            try self.setSuspended(id: id, form["suspended"] != "0")
            // Back to the page the form was on, never to another site.
            let back = form["back"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/cards/\(id)"
            return Responses.redirect(back)
        }
    }
}

/// A query string built from pairs.
struct URLComponentsLite {
    var pairs: [(String, String)] = []

    mutating func add(_ name: String, _ value: String) { pairs.append((name, value)) }

    func with(_ name: String, _ value: String) -> String {
        (pairs.filter { $0.0 != name } + [(name, value)]).map { "\(FormData.encode($0.0))=\(FormData.encode($0.1))" }
            .joined(separator: "&")
    }
}
