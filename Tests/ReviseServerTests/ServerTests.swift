import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReviseCore
@testable import ReviseServer
import ReviseStore
import Testing
import TestSupport

/// A running server on a free port of 127.0.0.1, over a real SQLite file, and a client that keeps the CSRF cookie
/// the way a browser does.
struct LiveServer {
    let store: ReviseStore
    let path: String
    var options = ServerOptions()

    init(course: Bool = true, maxUploadBytes: Int = 20_000_000) throws {
        let folder = try Fixtures.temporaryFolder()
        path = folder.appendingPathComponent("revise.sqlite").path
        store = try ReviseStore(path: path)
        if course { _ = try ReviseServer.prepare(store) }
        options.port = 0
        options.maxUploadBytes = maxUploadBytes
    }

    func run(_ body: @Sendable (Client) async throws -> Void) async throws {
        let app = try ReviseServer.application(store: store, options: options)
        try await app.test(.live) { client in
            let session = try await client.execute(uri: "/api/session", method: .get)
            let cookie = session.headers[.setCookie] ?? ""
            let token = String(cookie.split(separator: ";")[0].split(separator: "=")[1])
            try await body(Client(client: client, token: token))
        }
    }

    struct Client {
        let client: any TestClientProtocol
        let token: String

        struct Answer {
            var status: HTTPResponse.Status
            var headers: HTTPFields
            var text: String
            var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
            var errorMessage: String { ((json["error"] as? [String: Any])?["message"] as? String) ?? "" }
        }

        /// The id of the card in a study answer (`/api/next`, a review's `next`).
        static func cardID(_ answer: [String: Any]) -> String? {
            (answer["card"] as? [String: Any]).flatMap { ($0["card"] as? [String: Any])?["id"] as? String }
        }

        func get(_ uri: String) async throws -> Answer {
            let response = try await client.execute(uri: uri, method: .get, headers: [.cookie: "revise_csrf=\(token)"])
            return Answer(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }

        /// A POST with the CSRF cookie, and the token unless `withToken` is false.
        func post(
            _ uri: String, json: String? = nil, form: String? = nil, bytes: [UInt8]? = nil, withToken: Bool = true
        ) async throws -> Answer {
            var headers: HTTPFields = [.cookie: "revise_csrf=\(token)"]
            var body: ByteBuffer?
            if let json {
                headers[.contentType] = "application/json"
                body = ByteBuffer(string: json)
            } else if let form {
                headers[.contentType] = "application/x-www-form-urlencoded"
                body = ByteBuffer(string: form + (withToken ? "&csrf=\(token)" : ""))
            } else if let bytes {
                headers[.contentType] = "application/octet-stream"
                body = ByteBuffer(bytes: bytes)
            }
            if withToken, form == nil { headers[HTTPField.Name("X-CSRF-Token")!] = token }
            let response = try await client.execute(uri: uri, method: .post, headers: headers, body: body)
            return Answer(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }
    }
}

@Suite("Web app over HTTP")
struct ServerTests {
    static let pages = [
        "/", "/study", "/timeline", "/timeline?from=1924&to=1929", "/people", "/terms", "/conflicts", "/search?q=famine",
        "/search", "/cards", "/cards?type=cloze&state=new", "/import", "/stats", "/exam", "/assets/app.css", "/assets/app.js",
        "/favicon.ico",
    ]

    @Test("every page answers 200 with HTML that names the page, on the built-in course")
    func everyPage() async throws {
        try await LiveServer().run { client in
            for page in Self.pages {
                let answer = try await client.get(page)
                #expect(answer.status == .ok, "\(page): \(answer.status)")
                if !page.hasPrefix("/assets"), page != "/favicon.ico" {
                    #expect(answer.text.contains("<title>"), "\(page)")
                    #expect(answer.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                }
            }
            // A person's and a term's page, and a card's.
            let people = try await client.get("/api/people").json["people"] as? [[String: Any]] ?? []
            let person = try #require(people.first?["name"] as? String)
            #expect(try await client.get("/people/\(person.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)").status == .ok)
            let terms = try await client.get("/api/terms").json["terms"] as? [[String: Any]] ?? []
            let term = try #require(terms.first?["name"] as? String)
            #expect(try await client.get("/terms/\(term.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)").status == .ok)
            let cards = try await client.get("/api/cards?limit=1").json["cards"] as? [[String: Any]] ?? []
            let id = try #require((cards.first?["card"] as? [String: Any])?["id"] as? String)
            #expect(try await client.get("/cards/\(id)").status == .ok)
        }
    }

    @Test("every API answers JSON of its documented shape")
    func apiShapes() async throws {
        try await LiveServer().run { client in
            let today = try await client.get("/api/today").json
            #expect(Set(today.keys) == ["today", "forecast", "retentionByWeek", "sources"])
            #expect((today["forecast"] as? [Int])?.count == 30)
            let day = try #require(today["today"] as? [String: Any])
            for key in ["dueNow", "dueLaterToday", "newLeft", "reviewedToday", "streak", "forgotten", "counts"] {
                #expect(day[key] != nil, "today.\(key)")
            }
            let next = try await client.get("/api/next").json
            #expect(Set(next.keys) == ["card", "counts"])
            let drawn = try await client.get("/api/next?html=1").json
            #expect(Set(drawn.keys) == ["card", "counts", "html"])
            #expect((drawn["html"] as? String)?.contains("study-card") == true)
            let cards = try await client.get("/api/cards?type=reverse&limit=5").json
            #expect((cards["total"] as? Int ?? 0) > 5)
            #expect((cards["cards"] as? [[String: Any]])?.count == 5)
            let first = try #require((cards["cards"] as? [[String: Any]])?.first)
            #expect(Set(first.keys).isSuperset(of: ["card", "schedule", "suspended", "retired", "reviewCount", "lapseCount"]))
            let timeline = try await client.get("/api/timeline?from=1928&to=1932").json
            let events = try #require(timeline["events"] as? [[String: Any]])
            #expect(!events.isEmpty)
            #expect(events.allSatisfy { ($0["when"] as? [String: Any])?["year"] != nil && $0["citations"] != nil })
            #expect((try await client.get("/api/people").json["people"] as? [Any])?.isEmpty == false)
            #expect((try await client.get("/api/terms").json["terms"] as? [Any])?.isEmpty == false)
            #expect(try await client.get("/api/conflicts").json["conflicts"] is [Any])
            let search = try await client.get("/api/search?q=collectivisation&limit=3").json
            #expect(search["query"] as? String == "collectivisation")
            #expect((search["results"] as? [[String: Any]])?.first?["highlighted"] != nil)
            let stats = try await client.get("/api/stats").json
            #expect((stats["reviewsPerDay"] as? [Int])?.count == 182)
            #expect((stats["intervals"] as? [Any])?.count == 10)
        }
    }

    @Test("a rating through the API is on disk when it answers, and undo takes it back")
    func reviewAndUndo() async throws {
        let server = try LiveServer()
        try await server.run { client in
            let next = try await client.get("/api/next").json
            let card = try #require(LiveServer.Client.cardID(next))
            let answer = try await client.post("/api/review", json: #"{"card": "\#(card)", "rating": "good"}"#)
            #expect(answer.status == .ok, "\(answer.text)")
            #expect((answer.json["saved"] as? String)?.hasPrefix("good — next in") == true)
            #expect(try server.store.reviews(of: card).count == 1)
            let check = try await client.post("/api/check", json: #"{"card": "\#(card)", "typed": "nothing like it at all"}"#)
            #expect(check.json["verdict"] as? String == "wrong")
            let undo = try await client.post("/api/undo", json: "{}")
            #expect(undo.status == .ok)
            #expect(try server.store.reviews(of: card).isEmpty)
            #expect(try await client.post("/api/undo", json: "{}").status == .conflict)
            // The form a browser without the script sends.
            let form = try await client.post("/study/review", form: "card=\(card)&rating=3")
            #expect(form.status == .seeOther)
            #expect(try server.store.reviews(of: card).count == 1)
        }
    }

    @Test("ratings sent at once are each on disk when answered 200, and none is lost")
    func concurrentRatings() async throws {
        let server = try LiveServer()
        try await server.run { client in
            let next = try await client.get("/api/next").json
            let card = try #require(LiveServer.Client.cardID(next))
            let store = server.store
            let answered = try await withThrowingTaskGroup(of: Int.self) { group in
                // Eight, not more: the test client sends them over one connection, each within its 20 s, and on a
                // loaded machine sixteen in a row have run out of it.
                for i in 0..<8 {
                    group.addTask {
                        let answer = try await client.post("/api/review", json: #"{"card": "\#(card)", "rating": \#(i % 4 + 1)}"#)
                        guard answer.status == .ok else { return 0 }
                        // The answer says how many ratings the card has had; all of them are in the database.
                        let count = try #require((answer.json["reviewed"] as? [String: Any])?["reviewCount"] as? Int)
                        #expect(try store.reviews(of: card).count >= count)
                        #expect((answer.json["next"] as? [String: Any])?["counts"] != nil)
                        return 1
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(answered >= 1)
            #expect(try store.reviews(of: card).count == answered)
            #expect(try store.card(id: card)?.reviewCount == answered)
        }
    }

    @Test("a rating saved by another program while the server runs is seen by the next answer")
    func anotherWriter() async throws {
        let server = try LiveServer()
        try await server.run { client in
            let first = try await client.get("/api/next").json
            let card = try #require(LiveServer.Client.cardID(first))
            let newBefore = try #require((first["counts"] as? [String: Any])?["new"] as? Int)
            // Another program (the command line's `revise review`, say) opens the same file and rates the card.
            let other = try ReviseStore(path: server.path)
            _ = try other.review(card: card, rating: .easy, at: Date(), scheduler: try Scheduler())
            let after = try await client.get("/api/next").json
            #expect(LiveServer.Client.cardID(after) != card, "the card rated elsewhere is due in days, not now")
            #expect((after["counts"] as? [String: Any])?["new"] as? Int == newBefore - 1)
            // A rating through the server builds on the other program's: the card has two reviews now.
            let answer = try await client.post("/api/review", json: #"{"card": "\#(card)", "rating": "good"}"#)
            #expect(answer.status == .ok, "\(answer.text)")
            #expect((answer.json["reviewed"] as? [String: Any])?["reviewCount"] as? Int == 2)
            #expect(try server.store.reviews(of: card).count == 2)
        }
    }

    @Test("the study answers written by hand are the bytes JSONEncoder writes")
    func handWrittenJSON() throws {
        let server = try LiveServer()
        let site = try Site(store: server.store, options: server.options)
        let html = "<article class=\"study-card\" data-answer=\"it's / \\ \u{1}\u{1F}\t\r\n é 🙂\">"
        var cards = try server.store.cards()
        #expect(cards.count > 100)
        let scheduler = try Scheduler()
        let start = Date(timeIntervalSince1970: 1_790_000_123.456)
        for (i, card) in cards.enumerated() where i % 3 == 0 {
            var stored = card
            stored.schedule = scheduler.review(
                card.schedule, Rating(rawValue: i % 4 + 1)!, at: start + Double(i) * 3607.77, chance: Double(i % 10) / 10)
            stored.reviewCount = i
            stored.lapseCount = i / 7
            stored.suspended = i % 2 == 0
            if i % 5 == 0 { stored.generated = CardText(prompt: "What \"was\" it?\n", answer: "This / that") }
            cards[i] = stored
        }
        for (i, card) in cards.enumerated() {
            let next = Site.NextCard(
                card: i % 11 == 0 ? nil : card, counts: .init(new: i, learning: 2, review: 300),
                html: i % 13 == 0 ? nil : html + card.card.prompt)
            #expect(site.json(next) == [UInt8](try Responses.encoder.encode(next)), "\(card.card.id)")
            let answer = Site.ReviewAnswer(reviewed: card, saved: "good — next in \(i)m", next: next)
            let expected = [UInt8](try Responses.encoder.encode(answer))
            let written = site.json(answer)
            #expect(written == expected, "\(String(decoding: written, as: UTF8.self))\n\(String(decoding: expected, as: UTF8.self))")
        }
        // The review body read without JSONDecoder: the same card and rating, or left to JSONDecoder.
        for body in [
            #"{"card": "c2765b8349efe", "rating": 3}"#, #"{"rating":"good","card":"c1"}"#, " {\n\"card\" : \"c9\" ,\t\"rating\": 4 }\n",
            #"{"card": "c1", "rating": "7"}"#,
        ] {
            let plain = try #require(Site.ReviewRequest.plain(ByteBuffer(string: body)), "\(body)")
            let decoded = try? JSONDecoder().decode(Site.ReviewRequest.self, from: Data(body.utf8))
            #expect(plain.card == (try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["card"] as? String)
            #expect((try? Site.rating(plain.rating)) == decoded?.rating.rating)
        }
        for body in [
            #"{"card": "c\u0031", "rating": 3}"#, #"{"card": "c1", "rating": 3, "x": 1}"#, #"{"card": "c1"}"#, #"{"card": "c1", "rating": 03}"#,
            #"{"card": "c1", "rating": 3.0}"#, #"{"card": 1, "rating": 3}"#, #"{"card": "c1", "card": "c2", "rating": 3}"#, "", "[]",
            #"{"card": "c1", "rating": 3} x"#, #"{"card": "é", "rating": 3}"#,
        ] {
            #expect(Site.ReviewRequest.plain(ByteBuffer(string: body)) == nil, "\(body)")
        }
        // The study card drawn from its kept template is the card drawn whole.
        let csrf = HTML(raw: "<input type=\"hidden\" name=\"csrf\" value=\"0123abcd\">")
        for (i, card) in cards.enumerated() {
            let counts = Site.StudyCounts(new: i, learning: 1, review: 2)
            let now = start + Double(i) * 600
            let state = card.isNew ? "new" : card.schedule.phase == .review ? "review" : "learning"
            let whole = site.drawCardFragment(
                card.card, countsBar: site.countsBar(counts), state: state, csrf: csrf, buttons: site.ratingButtons(card.schedule, now: now))
            #expect(site.cardFragment(card, counts: counts, csrf: csrf, now: now).text == whole.text, "\(card.card.id)")
            #expect(site.cardFragment(card, counts: counts, csrf: csrf, now: now).text == whole.text, "\(card.card.id), kept")
        }
        // Dates far apart, with and without fractions of a second.
        for seconds in [0, 1, 59.999, 951_782_400, 1_790_000_000.5, 4_102_444_799.9, 253_402_300_799] as [Double] {
            var stored = cards[0]
            stored.schedule.due = Date(timeIntervalSince1970: seconds)
            stored.schedule.lastReview = Date(timeIntervalSince1970: seconds / 2)
            let next = Site.NextCard(card: stored, counts: .init(new: 0, learning: 0, review: 0), html: "")
            #expect(site.json(next) == [UInt8](try Responses.encoder.encode(next)), "\(seconds)")
        }
    }

    @Test("bad requests get a 4xx and a message that says what is wrong")
    func badRequests() async throws {
        try await LiveServer().run { client in
            let noToken = try await client.post("/api/review", json: #"{"card": "x", "rating": 3}"#, withToken: false)
            #expect(noToken.status == .forbidden)
            #expect(noToken.errorMessage.contains("CSRF"))
            let formNoToken = try await client.post("/study/review", form: "card=x&rating=3", withToken: false)
            #expect(formNoToken.status == .forbidden)
            #expect(formNoToken.text.contains("security token"))
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                ("/api/review", "not json", .badRequest, "not valid JSON"),
                ("/api/review", #"{"rating": 3}"#, .badRequest, "missing “card”"),
                ("/api/review", #"{"card": "x", "rating": 7}"#, .badRequest, "must be 1–4"),
                ("/api/review", #"{"card": "nope", "rating": 3}"#, .notFound, "no card nope"),
                ("/api/cards/nope/suspend", #"{"suspended": "yes"}"#, .badRequest, "“suspended” has the wrong type"),
                ("/api/cards/nope", #"{"prompt": "a"}"#, .notFound, "no card nope"),
            ]
            for (uri, body, status, message) in cases {
                let answer = try await client.post(uri, json: body)
                #expect(answer.status == status, "\(uri) \(body): \(answer.status) \(answer.text)")
                #expect(answer.errorMessage.contains(message), "\(uri) \(body): \(answer.errorMessage)")
            }
            let gets: [(String, HTTPResponse.Status, String)] = [
                ("/timeline?from=abc", .badRequest, "from must be a whole number"),
                ("/timeline?from=1940&to=1930", .badRequest, "is after"),
                ("/cards?type=nope", .badRequest, "no card type “nope”"),
                ("/cards?state=sleeping", .badRequest, "no card state"),
                ("/people/Nobody%20At%20All", .notFound, "no person called “Nobody At All”"),
                ("/terms/Nothing", .notFound, "no term called"),
                ("/source?name=missing.md", .notFound, "no notes called"),
                ("/api/search", .badRequest, "Say what to search for"),
                ("/api/cards?limit=0", .badRequest, "limit must be"),
                ("/no/such/page", .notFound, "no page at /no/such/page"),
                ("/api/nothing", .notFound, "no page at /api/nothing"),
            ]
            for (uri, status, message) in gets {
                let answer = try await client.get(uri)
                #expect(answer.status == status, "\(uri): \(answer.status)")
                #expect(answer.text.contains(Markup.escape(message)) || answer.errorMessage.contains(message), "\(uri): \(answer.text.suffix(700))")
            }
        }
    }

    @Test("uploads: notes are imported, bad files are refused by name, the size limit is enforced")
    func uploads() async throws {
        let server = try LiveServer(course: false, maxUploadBytes: 100_000)
        try await server.run { client in
            let notes = try Fixtures.fixture("other-subject/cold-war-outline.txt")
            let added = try await client.post("/api/import?name=cold-war.md", bytes: notes)
            #expect(added.status == .created, "\(added.text)")
            #expect((added.json["file"] as? [String: Any])?["status"] as? String == "added")
            #expect(((added.json["cards"] as? [String: Any])?["added"] as? Int ?? 0) > 0)
            let again = try await client.post("/api/import?name=cold-war.md", bytes: notes)
            #expect((again.json["file"] as? [String: Any])?["status"] as? String == "unchanged")
            let binary = try await client.post("/api/import?name=photo.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0, 0, 1, 2])
            #expect(binary.status == .unprocessableContent)
            #expect(binary.errorMessage.contains("photo.md"))
            let empty = try await client.post("/api/import?name=empty.md", bytes: [])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.errorMessage.contains("empty.md"))
            let invalid = try await client.post("/api/import?name=latin1.txt", bytes: Array("caf".utf8) + [0xE9, 0xFF, 0xFE] + Array(" notes\n".utf8))
            #expect(invalid.status.code < 300 || invalid.errorMessage.contains("latin1.txt"))
            let huge = try await client.post("/api/import?name=huge.md", bytes: Array(repeating: UInt8(ascii: "a"), count: 150_000))
            #expect(huge.status == .contentTooLarge)
            #expect(huge.errorMessage.contains("huge.md"))
            #expect(huge.errorMessage.contains("0.1 MB"))
            let unnamed = try await client.post("/api/import", bytes: notes)
            #expect(unnamed.status == .badRequest)
            // Cards from other tools: a CSV file, and broken ones refused by name (and line).
            let csv = try await client.post("/api/import?name=words.csv", bytes: Array("front,back\nle chat,the cat\nmanger,to eat\n".utf8))
            #expect(csv.status == .created, "\(csv.text)")
            #expect((csv.json["file"] as? [String: Any])?["format"] as? String == "card-table")
            #expect(try server.store.cards().contains { $0.card.prompt == "le chat" && $0.card.answer == "the cat" })
            let ragged = try await client.post("/api/import?name=ragged.csv", bytes: Array("a,b\nc,d,e\n".utf8))
            #expect(ragged.status == .unprocessableContent)
            #expect(ragged.errorMessage.contains("ragged.csv:2"), "\(ragged.errorMessage)")
            let package = try await client.post("/api/import?name=deck.apkg", bytes: Array("PK not really a zip".utf8))
            #expect(package.status == .unprocessableContent)
            #expect(package.errorMessage.contains("deck.apkg") && package.errorMessage.contains("zip"), "\(package.errorMessage)")
            // Nothing that was saved before is lost.
            #expect(try server.store.sources().map(\.name).contains("cold-war.md"))
        }
    }

    @Test("a deck's media are served to the cards that show them")
    func media() async throws {
        let server = try LiveServer(course: false)
        let deck = CardDeck(
            title: "flags", notes: [.init(shape: .basic, front: "Which flag? <img src=\"fr.png\">", back: "France", line: 1)],
            media: ["fr.png": Array("picture bytes".utf8)], isHTML: true)
        _ = try server.store.importDeck(
            deck, contentHash: "h", byteCount: 10, path: "/decks/flags.apkg", scheduler: try Scheduler(), at: Date())
        try await server.run { client in
            let image = try await client.get("/media/fr.png")
            #expect(image.status == .ok)
            #expect(image.headers[.contentType] == "image/png")
            #expect(image.text == "picture bytes")
            #expect(try await client.get("/media/none.png").status == .notFound)
            let card = try #require(try server.store.cards().first)
            let page = try await client.get("/cards/\(card.card.id)").text
            #expect(page.contains("<img class=\"card-image\" src=\"/media/fr.png\" alt=\"fr.png\">"), "\(page.suffix(2000))")
        }
    }

    @Test("text from the notes is escaped: a <script> is shown, never run")
    func escaping() async throws {
        let server = try LiveServer(course: false)
        try await server.run { client in
            let notes = Array("""
                # Tricky <script>alert('x')</script> notes
                - **Comintern** - the Communist International <img src=x onerror="alert(1)">
                - 1935: the Popular Front was adopted by the Comintern "quoted" & more

                """.utf8)
            #expect(try await client.post("/api/import?name=evil%3Cb%3E.md", bytes: notes).status == .created)
            for page in ["/source?name=evil%3Cb%3E.md", "/terms", "/search?q=onerror", "/timeline", "/cards", "/import", "/search?q=%3Cscript%3E"] {
                let html = try await client.get(page).text
                #expect(!html.contains("<script>alert"), "\(page)")
                #expect(!html.contains("<img src=x"), "\(page)")
                #expect(!html.contains("<b>.md"), "\(page)")
            }
            let source = try await client.get("/source?name=evil%3Cb%3E.md").text
            #expect(source.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            #expect(source.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"))
        }
    }

    @Test("a card reworded in the browser keeps its words when the notes are imported again")
    func editSurvivesReimport() async throws {
        let server = try LiveServer(course: false)
        try await server.run { client in
            let v1 = Array("# Cold War\n- Truman Doctrine: a promise to help free peoples resist communism\n- 1949: NATO founded\n".utf8)
            #expect(try await client.post("/api/import?name=cw.md", bytes: v1).status == .created)
            let cards = try await client.get("/api/cards?type=reverse").json["cards"] as? [[String: Any]] ?? []
            let card = try #require(cards.first?["card"] as? [String: Any])
            let id = try #require(card["id"] as? String)
            let edit = try await client.post("/cards/\(id)", form: "prompt=What+did+Truman+promise%3F&answer=Help+against+communism")
            #expect(edit.status == .seeOther)
            // The notes change elsewhere and come in again.
            let v2 = Array("# Cold War\n- Truman Doctrine: a promise to help free peoples resist communism\n- 1949: NATO founded\n- 1955: Warsaw Pact founded\n".utf8)
            #expect(try await client.post("/api/import?name=cw.md", bytes: v2).status == .created)
            let after = try #require(try server.store.card(id: id))
            #expect(after.card.prompt == "What did Truman promise?")
            #expect(after.card.answer == "Help against communism")
            #expect(after.generated?.prompt == card["prompt"] as? String)
            #expect(try await client.get("/cards/\(id)").text.contains("Go back to it"))
            // Suspending through the page's form.
            let suspend = try await client.post("/cards/\(id)/suspend", form: "suspended=1&back=https%3A%2F%2Fexample.com")
            #expect(suspend.status == .seeOther)
            #expect(suspend.headers[.location] == "/cards/\(id)")
            #expect(try server.store.card(id: id)?.suspended == true)
        }
    }

    @Test("the server listens on 127.0.0.1 unless told otherwise")
    func loopbackByDefault() {
        #expect(ServerOptions().host == "127.0.0.1")
        #expect(ServerOptions().maxUploadBytes == 20_000_000)
    }

    @Test("all five seeds, uploaded through the API, give every page", .enabled(if: Fixtures.seedsAvailable, Comment(rawValue: Fixtures.seedsMissingMessage)))
    func seeds() async throws {
        try await LiveServer(course: false).run { client in
            for name in Fixtures.seedNames {
                let bytes = try Fixtures.seed(String(name.prefix(3))).bytes
                let answer = try await client.post("/api/import?name=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", bytes: bytes)
                #expect(answer.status == .created, "\(name): \(answer.text)")
            }
            for page in Self.pages { #expect(try await client.get(page).status == .ok, "\(page)") }
            let people = try await client.get("/api/people").json["people"] as? [[String: Any]] ?? []
            #expect(people.count >= 25)
            for person in people.compactMap({ $0["name"] as? String }) {
                let page = try await client.get("/people/\(person.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
                #expect(page.status == .ok, "\(person)")
            }
            let conflicts = try await client.get("/conflicts").text
            #expect(conflicts.contains("class=\"claims\""))
            for name in Fixtures.seedNames {
                let page = try await client.get("/source?name=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&line=3")
                #expect(page.status == .ok, "\(name)")
            }
        }
    }
}

extension ServerTests {
    @Test("exam practice: the bank, a plan, an answer marked and kept, a question added, and bad requests refused")
    func examPractice() async throws {
        try await LiveServer().run { client in
            let bank = try await client.get("/api/exam").json["questions"] as? [[String: Any]] ?? []
            #expect(bank.count >= 5, "the course's questions are in the bank")
            let question = try #require(bank.first { ($0["text"] as? String)?.contains("Five-Year Plans brought misery") == true })
            let id = try #require(question["id"] as? String)
            let page = try await client.get("/exam/\(id)")
            #expect(page.status == .ok && page.text.contains("<textarea") && page.text.contains("data-minutes"))
            let brief = try await client.get("/api/exam/\(id)").json
            #expect((brief["factors"] as? [[String: Any]])?.isEmpty == false)
            let answer = """
                The statement is partly true because real wages fell and food was rationed until 1935, which meant misery for most workers.\\n\\nHowever, coal output rose from 35 million tonnes in 1928 to 128 million tonnes in 1937, which helped the USSR survive the German invasion of 1941.\\n\\nOverall, I agree to some extent, because living standards fell for most people even though industry grew.
                """
            let marked = try await client.post("/api/exam/\(id)/answer", json: #"{"answer": "\#(answer)", "seconds": 600}"#)
            #expect(marked.status == .ok, "\(marked.text)")
            let mark = try #require(marked.json["mark"] as? Double)
            #expect(mark > 0 && (marked.json["nextSteps"] as? [String])?.count == 3)
            let kept = try await client.get("/api/exam/\(id)/answers").json["answers"] as? [[String: Any]] ?? []
            #expect(kept.count == 1 && kept.first?["seconds"] as? Int == 600)
            // The form posts the same and shows the feedback on the page.
            let form = try await client.post("/exam/\(id)", form: "answer=" + answer.replacingOccurrences(of: "\\n", with: "\n").addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + "&seconds=")
            #expect(form.status == .ok && form.text.contains("Estimated mark:") && form.text.contains("Next steps"))
            let added = try await client.post("/exam/add", form: "text=Why%20did%20Stalin%20launch%20the%20Great%20Terror%3F&marks=12")
            #expect(added.status == .seeOther || added.status == .found, "\(added.status)")
            #expect(try await client.get("/exam").text.contains("Why did Stalin launch the Great Terror?"))
            // Bad requests: no such question, an empty answer, too short a question, marks that are not a number.
            #expect(try await client.get("/exam/qnothing").status == .notFound)
            let empty = try await client.post("/api/exam/\(id)/answer", json: #"{"answer": "  "}"#)
            #expect(empty.status == .badRequest && empty.errorMessage.contains("too short"))
            let short = try await client.post("/api/exam", json: #"{"text": "Why?"}"#)
            #expect(short.status == .badRequest && short.errorMessage.contains("four words"))
            let marks = try await client.post("/exam/add", form: "text=Why%20did%20the%20NEP%20end%20so%20soon%3F&marks=ten")
            #expect(marks.status == .badRequest)
            let noToken = try await client.post("/api/exam/\(id)/answer", json: #"{"answer": "x y z"}"#, withToken: false)
            #expect(noToken.status == .forbidden)
            let after = try await client.get("/api/exam/\(id)/answers").json["answers"] as? [[String: Any]] ?? []
            #expect(after.count == 2, "refused answers are not kept")
        }
    }
}

/// The CSRF token read from the `Cookie` fields' bytes is what Hummingbird's cookie parsing reads.
struct CSRFCookieTests {
    @Test("the token read from the cookie's bytes is the one Hummingbird's parsing gives")
    func tokenMatchesHummingbirdsReading() {
        let token = "0123456789abcdefABCDEF0123456789"
        let headers: [[String]] = [
            [], ["revise_csrf=\(token)"], ["a=b; revise_csrf=\(token)"], ["a=b;revise_csrf=\(token); c=d"],
            ["  \t revise_csrf=\(token)"], ["revise_csrf=\(token)x-y"], ["revise_csrf=12"], ["revise_csrf="], ["revise_csrf"],
            ["xrevise_csrf=\(token)"], ["revise_csrfx=\(token)"], ["revise_csrf =\(token)"], ["a=b", "revise_csrf=\(token)"],
            ["revise_csrf=first", "revise_csrf=\(token)"], ["revise_csrf=\(token); revise_csrf=other"],
            ["revise_csrf=\(token)=\(token)"], ["revise_csrf=\"\(token)\""], [";;; revise_csrf=\(token);"],
            ["é=1; revise_csrf=\(token)"], ["revise_csrf=\(token)é"], ["revise_csrf=\(token); n=é"],
            ["revise_csrf=０１２３456789abcdefABCDEF0123456789"], ["\u{2003}revise_csrf=\(token)"],
        ]
        for values in headers {
            var fields = HTTPFields()
            for value in values { fields.append(HTTPField(name: .cookie, value: value)) }
            let request = Request(
                head: HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1", path: "/api/review", headerFields: fields),
                body: .init(buffer: ByteBuffer()))
            let expected = request.cookies[CSRFGuard.cookie]?.value.filter { $0.isHexDigit }
            #expect(CSRFGuard.cookieToken(in: request) == expected, "\(values)")
        }
    }
}
