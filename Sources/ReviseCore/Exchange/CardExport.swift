/// Cards written for other tools: Anki's note types, CSV and TSV for Anki's and Quizlet's text import, and
/// Markdown in the `Question::Answer` / `{{c1::…}}` syntax note-taking plugins use.
public enum CardExport {
    /// How a card becomes a note in Anki.
    public enum NoteType: String, Hashable, Sendable, Codable, CaseIterable {
        /// Front, Back, Source.
        case basic = "Basic"
        /// Front, Back, Source; Anki makes a card each way.
        case basicReversed = "Basic (and reversed card)"
        /// Text (with `{{c1::…}}`), Back Extra, Source.
        case cloze = "Cloze"

        public var fieldNames: [String] {
            switch self {
            case .basic, .basicReversed: ["Front", "Back", "Source"]
            case .cloze: ["Text", "Back Extra", "Source"]
            }
        }
    }

    /// One note: its type, its fields in the type's order, its tags and its deck path below the course's deck.
    public struct Note: Hashable, Sendable {
        /// The Revise cards the note stands for, in the order of Anki's cards (two for a term asked both ways).
        public var cardIDs: [String]
        public var cardID: String { cardIDs[0] }
        public var type: NoteType
        public var fields: [String]
        public var tags: [String]
        /// The topic the card belongs to: its subdeck.
        public var topic: String?

        public var front: String { fields[0] }
        public var back: String { fields[1] }
    }

    /// The blank a cloze card's prompt holds.
    static let blank = "[…]"

    /// The note for a card. Reverse cards become one "Basic (and reversed card)" note; clozes become Cloze notes
    /// with the answer back in its blank; every other kind is Basic.
    public static func note(for card: Card) -> Note {
        let source = card.citations.prefix(3).map(\.description).joined(separator: ", ")
        let tags = tag(for: card.topic.first).map { [$0] } ?? []
        let topic = card.topic.first.map(Phrase.tidy)
        var back = card.answer
        if !card.choices.isEmpty { back += "\n(choices: " + card.choices.joined(separator: " · ") + ")" }
        if let note = card.note { back += "\n" + note }
        switch card.kind {
        case .cloze where card.prompt.contains(blank):
            let text = card.prompt.replacingFirst(blank, with: "{{c1::" + card.answer + "}}")
            return Note(cardIDs: [card.id], type: .cloze, fields: [text, card.note ?? "", source], tags: tags, topic: topic)
        case .reverse:
            return Note(cardIDs: [card.id], type: .basicReversed, fields: [card.prompt, back, source], tags: tags, topic: topic)
        default:
            var front = card.prompt
            if !card.choices.isEmpty { front += "\n" + card.choices.enumerated().map { "\(["a", "b", "c", "d", "e", "f"][min($0.offset, 5)])) \($0.element)" }.joined(separator: "\n") }
            return Note(cardIDs: [card.id], type: .basic, fields: [front, card.answer + (card.note.map { "\n" + $0 } ?? ""), source], tags: tags, topic: topic)
        }
    }

    /// The notes for a list of cards. A term's two reverse cards ("What is meant by “Gosplan”?" and "Which term
    /// means “the state planning commission”?", from one line) become one "Basic (and reversed card)" note, term
    /// on the front, so Anki asks it both ways without asking anything twice.
    public static func notes(for cards: [Card]) -> [Note] {
        var result: [Note] = []
        var paired = Set<String>()
        let reverses = cards.filter { $0.kind == .reverse }
        for card in cards where !paired.contains(card.id) {
            guard card.kind == .reverse,
                let partner = reverses.first(where: { other in
                    other.id != card.id && !paired.contains(other.id) && other.citations.first == card.citations.first
                        && card.prompt.lowercased().contains(other.answer.lowercased())
                        && other.prompt.lowercased().contains(card.answer.lowercased())
                })
            else {
                var n = note(for: card)
                if n.type == .basicReversed { n.type = .basic }
                result.append(n)
                continue
            }
            paired.formUnion([card.id, partner.id])
            // The term is the answer of the card that asks for the term.
            let asksForTerm = card.prompt.count > partner.prompt.count && card.answer.count < partner.answer.count ? card : partner
            let asksForMeaning = asksForTerm.id == card.id ? partner : card
            var n = note(for: asksForMeaning)
            n.fields[0] = asksForTerm.answer
            n.fields[1] = asksForMeaning.answer
            n.cardIDs = [asksForMeaning.id, asksForTerm.id]
            result.append(n)
        }
        return result
    }

    /// A topic as an Anki tag: no spaces, "::" kept for hierarchy only. "Stalin's rise to power" → "Stalins_rise_to_power".
    public static func tag(for topic: String?) -> String? {
        guard let topic else { return nil }
        var out = ""
        var lastUnderscore = false
        for ch in Phrase.tidy(topic) where ch != "'" && ch != "’" {
            if ch.isLetter || ch.isNumber || ch == "-" {
                out.append(ch)
                lastUnderscore = false
            } else if !lastUnderscore, !out.isEmpty {
                out.append("_")
                lastUnderscore = true
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        return out.isEmpty ? nil : String(out.prefix(60))
    }

    // MARK: Text formats

    /// A field for a text file: line breaks become `<br>` (Anki reads the file as HTML) and the separator
    /// never appears unquoted.
    static func csvField(_ text: String, separator: Character) -> String {
        let html = html(text)
        if separator == "\t" {
            let field = html.replacingOccurrences(of: "\t", with: " ")
            // A line that starts with "#" is a comment to Anki's text import: quoted, it is a field.
            return field.hasPrefix("#") ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        if html.contains(separator) || html.contains("\"") || html.hasPrefix("#") {
            return "\"" + html.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return html
    }

    static func escapeHTML(_ text: String) -> String { Markup.escapeContent(text) }

    /// A field as HTML: escaped, line breaks as `<br>`.
    public static func html(_ text: String) -> String {
        Markup.escapeContent(text).replacingOccurrences(of: "\n", with: "<br>")
    }

    /// CSV for Anki's text import: its header lines (separator, HTML, note type and tag columns), then one row
    /// per note: Anki's own note type ("Basic", "Basic (and reversed card)", "Cloze"), front (a cloze keeps its
    /// `{{c1::…}}`), back with the source under it, and tags. Anki's stock note types have two fields, so the
    /// source rides in the back.
    public static func csv(_ notes: [Note]) -> String {
        var out = "#separator:Comma\n#html:true\n#notetype column:1\n#tags column:4\n"
        for n in notes {
            let back = escapeHTML(n.back) + (n.fields[2].isEmpty ? "" : (n.back.isEmpty ? "" : "<br>") + "<small>" + escapeHTML(n.fields[2]) + "</small>")
            let row = [csvField(n.type.rawValue, separator: ","), csvField(n.front, separator: ","), csvQuoted(back.replacingOccurrences(of: "\n", with: "<br>")), csvField(n.tags.joined(separator: " "), separator: ",")]
            out += row.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A field already in HTML, quoted when it must be.
    static func csvQuoted(_ html: String) -> String {
        html.contains(",") || html.contains("\"") ? "\"" + html.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : html
    }

    /// TSV in the shape both Anki and Quizlet import: a term and its definition per line, separated by a tab, no
    /// header. Clozes are written as the sentence with its blank and the answer.
    public static func tsv(_ notes: [Note]) -> String {
        notes.map { n in
            let (front, back) = n.type == .cloze ? clozeSides(n.front) : (n.front, n.back)
            return csvField(front, separator: "\t") + "\t" + csvField(back, separator: "\t")
        }.joined(separator: "\n") + (notes.isEmpty ? "" : "\n")
    }

    /// A cloze's text as a question and its answers: "In {{c1::1928}} the plan began" → ("In […] the plan began", "1928").
    static func clozeSides(_ text: String) -> (String, String) {
        var question = ""
        var answers: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{c") {
            question += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let sep = after.range(of: "::"), let close = after.range(of: "}}"), sep.upperBound <= close.lowerBound else {
                question += rest[open.lowerBound...]
                rest = ""
                break
            }
            answers.append(String(after[sep.upperBound..<close.lowerBound]))
            question += blank
            rest = after[close.upperBound...]
        }
        question += rest
        return (question, answers.joined(separator: "; "))
    }

    /// Markdown with the cards as note-taking plugins write them: `Question::Answer` lines under a heading per
    /// topic, and cloze sentences with `{{c1::…}}`.
    public static func markdown(_ notes: [Note], title: String) -> String {
        var out = "# \(title)\n"
        var byTopic: [String: [Note]] = [:]
        var order: [String] = []
        for n in notes {
            let key = n.topic ?? "Other"
            if byTopic[key] == nil { order.append(key) }
            byTopic[key, default: []].append(n)
        }
        for topic in order {
            out += "\n## \(topic)\n\n"
            for n in byTopic[topic]! {
                let oneLine = { (s: String) in s.replacingOccurrences(of: "\n", with: " ") }
                switch n.type {
                case .cloze: out += oneLine(n.front) + "\n"
                case .basicReversed: out += oneLine(n.front) + ":::" + oneLine(n.back) + "\n"
                case .basic: out += oneLine(n.front) + "::" + oneLine(n.back) + "\n"
                }
            }
        }
        return out
    }
}

import Crypto

extension CardExport {
    /// The text of a field without its HTML, as Anki sorts and checks notes by it.
    public static func plainText(_ field: String) -> String {
        var out = ""
        var inTag = false
        for ch in field {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        return out
    }

    /// Anki's checksum of a note's first field: the first 8 hex digits of the SHA-1 of its plain text.
    public static func checksum(_ field: String) -> Int64 {
        let digest = Insecure.SHA1.hash(data: Array(plainText(field).utf8))
        return digest.prefix(4).reduce(Int64(0)) { $0 << 8 | Int64($1) }
    }
}
