import Foundation
import HTTPTypes
import Hummingbird
import ReviseCore
import ReviseCourses
import ReviseStore
import Synchronization

/// How `revise serve` runs.
public struct ServerOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Uploads larger than this are refused with 413 and a message.
    public var maxUploadBytes = 20 * 1_000_000
    public var newPerDay = 20

    public init() {}
}

/// The web app: the pages and the JSON API, over the same store and the same core functions as the command line.
public enum ReviseServer {
    /// The application, ready to run. `onRunning` gets the port it listens on (useful with port 0).
    public static func application(
        store: ReviseStore, options: ServerOptions, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let site = try Site(store: store, options: options)
        return Application(
            router: site.router(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "Revise"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) })
    }

    /// Makes sure there is something to study: with no notes at all, the built-in course is added. Then the cards
    /// are brought up to date with the notes.
    public static func prepare(_ store: ReviseStore) throws -> (addedCourse: Bool, cards: ReviseStore.CardRefresh) {
        let added = try Courses.addWhenEmpty(store)
        return (added, try store.refreshCards(at: Date()))
    }
}

/// What every request can see: the store, the options, and what is worth keeping between requests.
final class Site: Sendable {
    let store: ReviseStore
    let options: ServerOptions
    let scheduler: Scheduler
    let assets: Assets
    /// The merged knowledge of the notes, kept while the notes do not change, with parts of pages drawn from it.
    private let knowledgeCache = Mutex<(signature: String, knowledge: KnowledgeBase, drawn: [String: HTML])?>(nil)
    /// The study card's JSON and HTML templates, kept per card.
    let drawings = StudyDrawings()

    init(store: ReviseStore, options: ServerOptions) throws {
        self.store = store
        self.options = options
        self.scheduler = try Scheduler()
        self.assets = try Assets()
    }

    func knowledge() throws -> KnowledgeBase { try current().knowledge }

    /// The knowledge of the notes as they are now, with its signature: read from the store only when the notes
    /// changed since the last request.
    private func current() throws -> (signature: String, knowledge: KnowledgeBase) {
        let signature = try store.knowledgeSignature()
        if let cached = knowledgeCache.withLock({ $0 }), cached.signature == signature { return (signature, cached.knowledge) }
        let knowledge = try store.knowledgeBase()
        knowledgeCache.withLock { $0 = (signature, knowledge, [:]) }
        return (signature, knowledge)
    }

    /// Part of a page that depends on the notes alone (not on the student's cards or session): drawn once and
    /// kept until the notes change.
    func drawn(_ key: String, _ draw: (KnowledgeBase) throws -> HTML) throws -> HTML {
        let (signature, knowledge) = try current()
        if let html = knowledgeCache.withLock({ $0?.signature == signature ? $0?.drawn[key] : nil }) { return html }
        let html = try draw(knowledge)
        knowledgeCache.withLock { cache in
            if cache?.signature == signature { cache?.drawn[key] = html }
        }
        return html
    }

    func router() -> Router<ReviseContext> {
        let router = Router(context: ReviseContext.self)
        router.add(middleware: ErrorPages(site: self))
        router.add(middleware: SecurityHeaders())
        router.add(middleware: CSRFGuard())
        addAssetRoutes(to: router)
        addPageRoutes(to: router)
        addAPIRoutes(to: router)
        return router
    }

    func addAssetRoutes(to router: Router<ReviseContext>) {
        for (path, asset) in assets.byPath {
            router.get(RouterPath(path)) { _, _ in
                Response(
                    status: .ok,
                    headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=300"],
                    body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
            }
        }
        // The hello-world route the benchmark measures the rest against.
        router.get("/api/ping") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
    }

    /// The student's day, now.
    var now: Date { Date() }
}

/// A request's context: Hummingbird's, plus the CSRF token that forms on the page must send back.
struct ReviseContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var csrf = ""

    init(source: ApplicationRequestContextSource) { coreContext = .init(source: source) }
}

/// The stylesheet, the script and the icon, read once from the package's resources.
struct Assets: Sendable {
    struct Asset: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    var byPath: [String: Asset] = [:]

    init() throws {
        let files: [(String, String, String)] = [
            ("app", "css", "text/css; charset=utf-8"), ("app", "js", "text/javascript; charset=utf-8"),
            ("icon", "svg", "image/svg+xml"),
        ]
        for (name, ext, type) in files {
            guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Assets")
                ?? Bundle.module.url(forResource: name, withExtension: ext)
            else { throw UserError(.internalServerError, "this build of Revise is missing its \(name).\(ext)") }
            byPath["/assets/\(name).\(ext)"] = Asset(bytes: [UInt8](try Data(contentsOf: url)), contentType: type)
        }
        byPath["/favicon.ico"] = byPath["/assets/icon.svg"]
    }
}

/// A request the server refuses or cannot answer, with the words to show the user.
struct UserError: Error, CustomStringConvertible {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { message }

    static func badRequest(_ message: String) -> UserError { UserError(.badRequest, message) }
    static func notFound(_ message: String) -> UserError { UserError(.notFound, message) }
}

/// Every error becomes a page (or, under `/api/`, a JSON body `{"error": {"status", "message"}}`) that says what
/// went wrong, with a 4xx status for what the user can fix.
struct ErrorPages: RouterMiddleware {
    typealias Context = ReviseContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, message) = Self.describe(error, path: request.uri.path)
            if request.uri.path.hasPrefix("/api/") {
                return Responses.json(APIError(error: .init(status: Int(status.code), message: message)), status: status)
            }
            return Responses.html(
                site.layout(
                    title: status.reasonPhrase, active: "", context: context,
                    body: """
                        <section class="panel error-page">
                          <h1>\(status.code) · \(status.reasonPhrase)</h1>
                          <p class="lead">\(message)</p>
                          <p><a class="button" href="/">Back to Today</a></p>
                        </section>
                        """), status: status)
        }
    }

    struct APIError: Encodable {
        struct Detail: Encodable {
            var status: Int
            var message: String
        }
        var error: Detail
    }

    static func describe(_ error: any Error, path: String) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as UserError: return (error.status, error.message)
        case let error as ImportError: return (.unprocessableContent, "\(error)")
        case let error as StoreError:
            switch error {
            case .notFound(let what): return (.notFound, what)
            case .invalid(let why): return (.conflict, why)
            default: return (.internalServerError, "\(error)")
            }
        case let error as HTTPError:
            if error.status == .notFound { return (.notFound, "There is no page at \(path).") }
            if error.status == .contentTooLarge { return (.contentTooLarge, "The request is larger than the server accepts.") }
            return (error.status, error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError:
            return (error.status, error.status.reasonPhrase)
        default:
            return (.internalServerError, "Something went wrong on the server: \(error)")
        }
    }
}

/// Headers every response carries: no resource from elsewhere, no framing, no sniffing.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = ReviseContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return response
    }
}

/// Cross-site request forgery: every request that changes something (POST, PUT, PATCH, DELETE) must carry the
/// token of the `revise_csrf` cookie, in the `X-CSRF-Token` header or a form's `csrf` field. Another site can make
/// the browser send the cookie but cannot read it, so it cannot send the token.
struct CSRFGuard: RouterMiddleware {
    typealias Context = ReviseContext
    static let cookie = "revise_csrf"
    static let header = HTTPField.Name("X-CSRF-Token")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let existing = Self.cookieToken(in: request)
        let token = existing.flatMap { $0.utf8.count == 32 ? $0 : nil } ?? Self.newToken()
        context.csrf = token
        let changes = switch request.method {
        case .get, .head, .options: false
        default: true
        }
        if changes {
            var supplied = request.headers[Self.header]
            if supplied == nil, request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
                let body = try await request.collectBody(upTo: 1_000_000)
                supplied = FormData.parse(String(buffer: body))["csrf"]?.first
            }
            guard let existing, let supplied, !existing.isEmpty, Self.same(supplied, existing) else {
                throw UserError(
                    .forbidden,
                    "This request did not carry the page's security token (CSRF). Reload the page and try again; API clients send the revise_csrf cookie's value in the X-CSRF-Token header.")
            }
        }
        var response = try await next(request, context)
        if existing != token {
            response.setCookie(Cookie(name: Self.cookie, value: token, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// The `revise_csrf` cookie's value with all but its hex digits left out, as `request.cookies[cookie]` and
    /// `Character.isHexDigit` read it (the first cookie of that name in the `Cookie` fields), nil without one. Read
    /// from the fields' bytes when they are ASCII, as they are from browsers and API clients; anything else goes
    /// through Hummingbird's cookie parsing.
    static func cookieToken(in request: Request) -> String? {
        enum Reading { case token(String?), absent, unsure }
        for field in request.headers where field.name == .cookie {
            var value = field.value
            let reading = value.withUTF8 { bytes -> Reading in
                if bytes.contains(where: { $0 >= 0x80 }) { return .unsure }
                let name = cookieBytes
                var start = 0
                while start <= bytes.count {
                    let end = bytes[start...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
                    var i = start
                    // Hummingbird drops the whitespace at the start of each cookie.
                    while i < end, [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(bytes[i]) { i += 1 }
                    if end - i > name.count, bytes[i + name.count] == UInt8(ascii: "="),
                        UnsafeBufferPointer(rebasing: bytes[i..<(i + name.count)]).elementsEqual(name)
                    {
                        // It reads no cookie from "revise_csrf=" (and looks no further).
                        guard end > i + name.count + 1 else { return .token(nil) }
                        let hex = bytes[(i + name.count + 1)..<end].filter {
                            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
                                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0)
                        }
                        return .token(String(decoding: hex, as: UTF8.self))
                    }
                    start = end + 1
                }
                return .absent
            }
            switch reading {
            case .token(let token): return token
            case .absent: continue
            case .unsure: return request.cookies[Self.cookie]?.value.filter { $0.isHexDigit }
            }
        }
        return nil
    }

    private static let cookieBytes = Array(cookie.utf8)

    /// 128 random bits as 32 hex digits.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return [generator.next(), generator.next()].map { (word: UInt64) -> String in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Compares in time that does not depend on where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

enum Responses {
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: page.text)))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":{"status":500,"message":"could not encode the answer"}}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func svg(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String) -> Response { Response.redirect(to: location, type: .normal) }

    /// A media file a card shows, typed by its extension. It came from someone else's deck: `SecurityHeaders`
    /// tells the browser not to guess its type and to run no script written inside it (an SVG may hold some).
    static func media(_ bytes: [UInt8], name: String) -> Response {
        let types = [
            "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
            "svg": "image/svg+xml", "mp3": "audio/mpeg", "ogg": "audio/ogg", "wav": "audio/wav", "m4a": "audio/mp4",
        ]
        let type = types[(name as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
        return Response(
            status: .ok,
            headers: [.contentType: type, .cacheControl: "private, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension Parameters {
    /// A path parameter, percent-decoded ("/people/Nikolai%20Yezhov").
    func decoded(_ name: String) throws -> String {
        let raw = try require(name)
        return raw.removingPercentEncoding ?? raw
    }
}

extension Request {
    /// A query parameter, trimmed; nil when absent or blank.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters.get(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// A whole-number query parameter within bounds, or a 400 that names it.
    func intQuery(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = query(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw UserError.badRequest("The parameter \(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); it was “\(text)”.")
        }
        return value
    }

    /// The fields of a form body (the CSRF check has already read it).
    mutating func form() async throws -> [String: String] {
        guard headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true else {
            throw UserError(.unsupportedMediaType, "Send this form as application/x-www-form-urlencoded.")
        }
        let body = try await collectBody(upTo: 1_000_000)
        return FormData.parse(String(buffer: body)).compactMapValues(\.last)
    }

    /// A JSON body decoded as `T`, or a 400 that says what is wrong with it.
    mutating func json<T: Decodable>(_ type: T.Type, limit: Int = 1_000_000) async throws -> T {
        let body = try await collectBody(upTo: limit)
        guard body.readableBytes > 0 else { throw UserError.badRequest("The request needs a JSON body.") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
        } catch let error as UserError {
            throw error
        } catch DecodingError.keyNotFound(let key, _) {
            throw UserError.badRequest("The JSON body is missing “\(key.stringValue)”.")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw UserError.badRequest("The JSON body's “\(field)” has the wrong type: \(context.debugDescription)")
        } catch {
            throw UserError.badRequest("The body is not valid JSON.")
        }
    }
}
