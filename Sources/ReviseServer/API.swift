import Foundation
import Hummingbird
import ReviseCore
import ReviseStore

/// The JSON API (`docs/API.md`): the same functions as the pages, answers in JSON, errors as
/// `{"error": {"status", "message"}}` with a 4xx status for what the client can fix.
extension Site {
    struct ReviewRequest: Decodable {
        var card: String
        var rating: RatingValue

        /// The body as clients send it, `{"card": "c2765b8349efe", "rating": 3}` (or `"rating": "good"`), read
        /// without `JSONDecoder`; nil for anything else (escapes, other fields, a field twice, bytes beyond ASCII), which
        /// `Request.json` then reads, with its messages for what is wrong.
        static func plain(_ body: ByteBuffer) -> (card: String, rating: String)? {
            body.withUnsafeReadableBytes { bytes -> (card: String, rating: String)? in
                var i = 0
                func space() { while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 } }
                func take(_ byte: UInt8) -> Bool {
                    space()
                    guard i < bytes.count, bytes[i] == byte else { return false }
                    i += 1
                    return true
                }
                /// A string with no escapes, or a whole number.
                func scalar() -> String? {
                    space()
                    guard i < bytes.count else { return nil }
                    if bytes[i] == UInt8(ascii: "\"") {
                        let start = i + 1
                        var end = start
                        // ASCII only: JSONDecoder is left to judge other bytes (and refuse what is not UTF-8).
                        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"),
                            (0x20..<0x80).contains(bytes[end])
                        {
                            end += 1
                        }
                        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
                        i = end + 1
                        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    }
                    let start = i
                    while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
                    guard i > start, i - start < 10 else { return nil }
                    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                }
                guard take(UInt8(ascii: "{")) else { return nil }
                var card: String?
                var rating: String?
                var numberRating = false
                for n in 0..<2 {
                    if n == 1, !take(UInt8(ascii: ",")) { return nil }
                    space()
                    let quoted = i < bytes.count && bytes[i] == UInt8(ascii: "\"")
                    guard quoted, let key = scalar(), take(UInt8(ascii: ":")) else { return nil }
                    space()
                    let isString = i < bytes.count && bytes[i] == UInt8(ascii: "\"")
                    guard let value = scalar() else { return nil }
                    switch key {
                    case "card" where card == nil && isString: card = value
                    case "rating" where rating == nil:
                        rating = value
                        numberRating = !isString
                    default: return nil
                    }
                }
                guard take(UInt8(ascii: "}")) else { return nil }
                space()
                guard i == bytes.count, let card, let rating else { return nil }
                // A number is read as JSONDecoder reads an Int: "03" is not JSON.
                if numberRating, rating.count > 1, rating.hasPrefix("0") { return nil }
                return (card, rating)
            }
        }
    }

    /// A rating as 1–4 or its name.
    struct RatingValue: Decodable {
        var rating: Rating

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let text = (try? container.decode(Int.self)).map(String.init) ?? (try? container.decode(String.self))
            rating = try Site.rating(text)
        }
    }

    struct CheckRequest: Decodable {
        var card: String
        var typed: String
    }

    struct EditRequest: Decodable {
        var prompt: String?
        var answer: String?
    }

    struct SuspendRequest: Decodable {
        var suspended: Bool
    }

    struct ReviewAnswer: Encodable {
        var reviewed: StoredCard
        /// "good — next in 10m".
        var saved: String
        var next: NextCard
    }

    struct CheckAnswer: Encodable {
        var verdict: String
        var suggestedRating: Int
        var answer: String
    }

    struct Import: Encodable {
        var file: ImportedFile
        var cards: ReviseStore.CardRefresh
    }

    /// Imports one uploaded file (its bytes are the body, its name in `?name=`), then brings the cards up to date.
    func importUpload(_ request: Request) async throws -> Import {
        guard let raw = request.query("name") else {
            throw UserError.badRequest("Say the file's name: POST /api/import?name=notes.md with the file as the body.")
        }
        let name = String(raw.split(separator: "/").last ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 255, !name.contains("\0") else { throw UserError.badRequest("“\(raw)” is not a file name.") }
        let limit = options.maxUploadBytes
        let megabytes = String(format: "%g", Double(limit) / 1_000_000)
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw UserError(.contentTooLarge, "\(name) is \(String(format: "%.1f", Double(length) / 1_000_000)) MB, larger than the upload limit of \(megabytes) MB.")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            throw UserError(.contentTooLarge, "\(name) is larger than the upload limit of \(megabytes) MB.")
        }
        let bytes = Array(body.readableBytesView)
        if let deck = try store.importCardFile(
            bytes: bytes, name: name, path: "upload:/" + name, maxBytes: limit, scheduler: scheduler, at: now)
        {
            let refresh = try store.refreshCards(at: now)
            return Import(file: ImportedFile(path: name, deck: deck), cards: refresh)
        }
        let result = try store.importNote(
            bytes: bytes, name: name, path: "upload:/" + name, options: .init(maxBytes: limit), at: now)
        let refresh = try store.refreshCards(at: now)
        return Import(file: ImportedFile(path: name, outcome: result.outcome, outline: result.outline), cards: refresh)
    }

    func importPage(context: ReviseContext) throws -> Response {
        let sources = try store.sources()
        let rows = sources.map { source -> HTML in
            """
            <tr><td><a href="/source?name=\(FormData.encode(source.name))">\(source.name)</a></td><td>\(source.title)</td><td>\(source.format.rawValue)</td><td class="num">\(source.lineCount)</td><td>\(Self.shortDate(source.updatedAt))</td></tr>
            """
        }
        let megabytes = String(format: "%g", Double(options.maxUploadBytes) / 1_000_000)
        let body: HTML = """
            <section class="panel">
              <h1>Import notes</h1>
              <p class="lead">Plain-text outlines, Markdown or GitBook pages, revision-card sets and essay plans (.txt, .md); Anki packages (.apkg, with their review history) and flashcards from Anki or Quizlet as CSV or TSV. Up to \(megabytes) MB a file. A file imported again replaces its earlier version; your reviews are kept.</p>
              <form id="import-form" class="drop-zone" method="post" action="/api/import" enctype="application/octet-stream" data-max-bytes="\(options.maxUploadBytes)">
                <label for="files" class="button primary">Choose files</label>
                <input id="files" name="files" type="file" multiple accept=".txt,.md,.markdown,.apkg,.colpkg,.csv,.tsv,text/plain,text/markdown,text/csv,text/tab-separated-values">
                <p>or drop them here</p>
                <noscript><p class="error">Uploading needs JavaScript. Without it, use the command line: revise import PATH.</p></noscript>
              </form>
              <ul class="uploads" id="uploads" aria-live="polite"></ul>
            </section>
            <section class="panel">
              <h2>Your notes</h2>
              \(sources.isEmpty ? HTML("<p class=\"empty\">None yet.</p>") : HTML("""
                <div class="table-scroll"><table><thead><tr><th>File</th><th>Title</th><th>Format</th><th class="num">Lines</th><th>Imported</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """))
            </section>
            """
        return Responses.html(layout(title: "Import", active: "/import", context: context, body: body))
    }

    func addPageRoutes(to router: Router<ReviseContext>) {
        router.get("/") { _, context in try self.todayPage(context: context) }
        router.get("/stats") { _, context in try self.statsPage(context: context) }
        router.get("/import") { _, context in try self.importPage(context: context) }
        addStudyRoutes(to: router)
        addKnowledgeRoutes(to: router)
        addCardRoutes(to: router)
        addExamRoutes(to: router)
    }

    /// `?html=1`: the study answers (`/api/next`, `/api/review`, `/api/undo`) bring the card drawn as the Study page
    /// shows it, which is what the page's script puts on screen; other clients need only the card.
    static func wantsHTML(_ request: Request) -> Bool {
        guard let value = request.query("html") else { return false }
        return value == "1" || value == "true"
    }

    func addAPIRoutes(to router: Router<ReviseContext>) {
        let api = router.group("api")
        addExamAPIRoutes(to: api)
        api.get("session") { _, context in Responses.json(["csrf": context.csrf]) }
        api.get("today") { _, _ in Responses.json(try self.todayReport()) }
        api.get("stats") { _, _ in Responses.json(try self.statsReport()) }
        api.get("next") { request, context in
            Self.jsonResponse(
                self.json(try await self.nextCard(preferring: request.query("card"), context: context, html: Self.wantsHTML(request))))
        }
        api.post("review") { request, context in
            var request = request
            let card: String
            let rating: Rating
            let bytes = try await request.collectBody(upTo: 1_000_000)
            if let plain = ReviewRequest.plain(bytes) {
                (card, rating) = (plain.card, try Self.rating(plain.rating))
            } else {
                let body = try await request.json(ReviewRequest.self)
                (card, rating) = (body.card, body.rating.rating)
            }
            let after = try await self.rate(cardID: card, rating: rating)
            let saved = "\(rating.name) — next in \(Self.interval(from: after.schedule.lastReview ?? self.now, to: after.schedule.due))"
            let next = try await self.nextCard(context: context, checked: true, html: Self.wantsHTML(request))
            return Self.jsonResponse(self.json(ReviewAnswer(reviewed: after, saved: saved, next: next)))
        }
        api.post("check") { request, _ in
            var request = request
            let body = try await request.json(CheckRequest.self)
            guard let stored = try self.store.card(id: body.card) else { throw UserError.notFound("There is no card \(body.card).") }
            let verdict = AnswerCheck.check(body.typed, against: stored.card.answer)
            return Responses.json(
                CheckAnswer(verdict: verdict.rawValue, suggestedRating: verdict.suggestedRating.rawValue, answer: stored.card.answer))
        }
        api.post("undo") { request, context in
            guard let card = try self.store.undoLastReview() else {
                throw UserError(.conflict, "There is no rating to undo.")
            }
            return Self.jsonResponse(
                self.json(try await self.nextCard(preferring: card.card.id, context: context, html: Self.wantsHTML(request))))
        }
        api.get("cards") { request, _ in
            let cards = try self.filteredCards(try CardFilter(request))
            let limit = try request.intQuery("limit", in: 1...10_000) ?? 100
            let offset = try request.intQuery("offset", in: 0...10_000_000) ?? 0
            struct Listing: Encodable {
                var total: Int
                var cards: [StoredCard]
            }
            return Responses.json(Listing(total: cards.count, cards: Array(cards.dropFirst(offset).prefix(limit))))
        }
        api.get("cards/:id") { _, context in
            let id = try context.parameters.decoded("id")
            guard let stored = try self.store.card(id: id) else { throw UserError.notFound("There is no card \(id).") }
            struct Detail: Encodable {
                var card: StoredCard
                var reviews: [StoredReview]
            }
            return Responses.json(Detail(card: stored, reviews: try self.store.reviews(of: stored.card.id)))
        }
        api.post("cards/:id") { request, context in
            var request = request
            let id = try context.parameters.decoded("id")
            let body = try await request.json(EditRequest.self)
            try self.editCard(id: id, prompt: body.prompt, answer: body.answer)
            return Responses.json(try self.store.card(id: id))
        }
        api.post("cards/:id/suspend") { request, context in
            var request = request
            let id = try context.parameters.decoded("id")
            let body = try await request.json(SuspendRequest.self)
            try self.setSuspended(id: id, body.suspended)
            return Responses.json(try self.store.card(id: id))
        }
        api.get("timeline") { request, _ in
            let (from, to) = try self.yearRange(request)
            struct Listing: Encodable { var events: [Fact] }
            return Responses.json(Listing(events: try self.timelineEvents(from: from, to: to).events))
        }
        api.get("people") { _, _ in
            struct Listing: Encodable { var people: [Entity] }
            return Responses.json(Listing(people: try self.knowledge().people))
        }
        api.get("terms") { _, _ in
            struct Listing: Encodable { var terms: [Entity] }
            return Responses.json(Listing(terms: try self.knowledge().terms))
        }
        for (path, people) in [("people/:name", true), ("terms/:name", false)] {
            api.get(RouterPath(path)) { _, context in
                let name = try context.parameters.decoded("name")
                let knowledge = try self.knowledge()
                guard let entity = knowledge.entity(named: name), (entity.kind == .person) == people else {
                    throw UserError.notFound("There is no \(people ? "person" : "term") called “\(name)” in the notes.")
                }
                struct Entry: Encodable {
                    var entity: Entity
                    var facts: [Fact]
                }
                return Responses.json(Entry(entity: entity, facts: knowledge.facts(about: entity)))
            }
        }
        api.get("conflicts") { _, _ in
            struct Listing: Encodable { var conflicts: [Conflict] }
            return Responses.json(Listing(conflicts: try self.knowledge().conflicts))
        }
        api.get("search") { request, _ in
            guard let query = request.query("q") else { throw UserError.badRequest("Say what to search for: /api/search?q=words.") }
            guard query.count <= 500 else { throw UserError.badRequest("The search is too long (at most 500 characters).") }
            let limit = try request.intQuery("limit", in: 1...1000) ?? 20
            struct Listing: Encodable {
                var query: String
                var results: [ReviseStore.SearchHit]
            }
            return Responses.json(Listing(query: query, results: try self.store.search(query, limit: limit)))
        }
        api.post("import") { request, _ in
            Responses.json(try await self.importUpload(request), status: .created)
        }
    }
}
