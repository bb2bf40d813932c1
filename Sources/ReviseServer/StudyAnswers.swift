import Foundation
import Hummingbird
import ReviseCore
import ReviseStore
import Synchronization

/// The study API's answers written by hand (`JSONWriter`), byte for byte what `Responses.json` writes for them,
/// and the study card's HTML drawn from a template kept per card.
extension Site {
    /// What is kept between requests for the cards shown: each card's words as JSON, and its HTML with gaps for
    /// what changes from one request to the next.
    final class StudyDrawings: Sendable {
        let words = Mutex<[String: (card: Card, json: [UInt8])]>([:])
        let templates = Mutex<(version: UInt64, byCard: [String: (card: Card, pieces: [FragmentPiece])])>((0, [:]))
    }

    enum FragmentPiece: Sendable {
        case text(String)
        case counts, state, csrf, buttons
    }

    /// A card's own object, as `JSONEncoder` writes it, kept while the card's words stay the same.
    func cardJSON(_ card: Card) -> [UInt8] {
        if let kept = drawings.words.withLock({ $0[card.id] }), kept.card == card { return kept.json }
        let json = (try? [UInt8](Responses.encoder.encode(card))) ?? []
        drawings.words.withLock { $0[card.id] = (card, json) }
        return json
    }

    func write(_ stored: StoredCard, to w: inout JSONWriter) {
        w.raw("{\"card\":")
        w.raw(cardJSON(stored.card))
        if let generated = stored.generated {
            w.raw(",\"generated\":{\"answer\":")
            w.string(generated.answer)
            w.raw(",\"prompt\":")
            w.string(generated.prompt)
            w.raw("}")
        }
        w.raw(",\"lapseCount\":")
        w.int(stored.lapseCount)
        w.raw(",\"retired\":")
        w.bool(stored.retired)
        w.raw(",\"reviewCount\":")
        w.int(stored.reviewCount)
        w.raw(",\"schedule\":")
        w.schedule(stored.schedule)
        w.raw(",\"suspended\":")
        w.bool(stored.suspended)
        w.raw("}")
    }

    func write(_ next: NextCard, to w: inout JSONWriter) {
        w.raw("{")
        if let card = next.card {
            w.raw("\"card\":")
            write(card, to: &w)
            w.raw(",")
        }
        w.raw("\"counts\":{\"learning\":")
        w.int(next.counts.learning)
        w.raw(",\"new\":")
        w.int(next.counts.new)
        w.raw(",\"review\":")
        w.int(next.counts.review)
        w.raw("}")
        if let html = next.html {
            w.raw(",\"html\":")
            w.string(html)
        }
        w.raw("}")
    }

    func json(_ next: NextCard) -> [UInt8] {
        var w = JSONWriter(capacity: (next.html?.utf8.count ?? 0) + 2048)
        write(next, to: &w)
        return w.bytes
    }

    func json(_ answer: ReviewAnswer) -> [UInt8] {
        var w = JSONWriter(capacity: (answer.next.html?.utf8.count ?? 0) + 4096)
        w.raw("{\"next\":")
        write(answer.next, to: &w)
        w.raw(",\"reviewed\":")
        write(answer.reviewed, to: &w)
        w.raw(",\"saved\":")
        w.string(answer.saved)
        w.raw("}")
        return w.bytes
    }

    static func jsonResponse(_ bytes: [UInt8]) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The study card's HTML: its template (drawn once per card and version of the notes) with the counts, the
    /// card's state, the page's CSRF token and the rating buttons (their intervals from now) filled in.
    func cardFragment(_ stored: StoredCard, counts: StudyCounts, context: ReviseContext, now: Date) -> HTML {
        cardFragment(stored, counts: counts, csrf: csrfField(context), now: now)
    }

    func cardFragment(_ stored: StoredCard, counts: StudyCounts, csrf: HTML, now: Date) -> HTML {
        let state = stored.isNew ? "new" : stored.schedule.phase == .review ? "review" : "learning"
        let buttons = ratingButtons(stored.schedule, now: now)
        guard let pieces = fragmentTemplate(stored.card) else {
            return drawCardFragment(stored.card, countsBar: countsBar(counts), state: state, csrf: csrf, buttons: buttons)
        }
        var out = ""
        out.reserveCapacity(4096)
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .counts: out += countsBar(counts).text
            case .state: out += state
            case .csrf: out += csrf.text
            case .buttons: for button in buttons { out += button.text }
            }
        }
        return HTML(raw: out)
    }

    /// The card's HTML with a NUL and a letter where the parts that change go; nil for a card whose words hold a
    /// NUL.
    func fragmentTemplate(_ card: Card) -> [FragmentPiece]? {
        let version = store.wordsVersion
        if let kept = drawings.templates.withLock({ $0.version == version ? $0.byCard[card.id] : nil }), kept.card == card {
            return kept.pieces
        }
        let drawn = drawCardFragment(
            card, countsBar: HTML(raw: "\u{0}c"), state: "\u{0}s", csrf: HTML(raw: "\u{0}f"), buttons: [HTML(raw: "\u{0}b")]
        ).text
        // One for the counts, two for the state, three for the token, one for the buttons.
        guard drawn.utf8.count(where: { $0 == 0 }) == 7 else { return nil }
        var pieces: [FragmentPiece] = []
        for (i, part) in drawn.split(separator: "\u{0}", omittingEmptySubsequences: false).enumerated() {
            if i > 0 {
                switch part.first {
                case "c": pieces.append(.counts)
                case "s": pieces.append(.state)
                case "f": pieces.append(.csrf)
                case "b": pieces.append(.buttons)
                default: return nil
                }
                pieces.append(.text(String(part.dropFirst())))
            } else {
                pieces.append(.text(String(part)))
            }
        }
        drawings.templates.withLock { kept in
            if kept.version != version { kept = (version, [:]) }
            kept.byCard[card.id] = (card, pieces)
        }
        return pieces
    }
}
