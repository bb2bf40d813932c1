/// Small judgements about a line's text that several parsers share.
enum NodeShapes {
    /// A lead-in: "**General Secretary:** Stalin ran…", "Gigantomania: showing off…", "1934: OGPU became…".
    static func label(of text: String, emphasis: [String]) -> String? {
        if let bold = emphasis.first, text.hasPrefix(bold) {
            let after = text.dropFirst(bold.count)
            if after.hasPrefix(":") || after.hasPrefix(" -") || after.hasPrefix(" –") || after.hasPrefix(" —") {
                return bold
            }
        }
        let utf8 = text.utf8
        // Strings here are native, so their bytes are contiguous; the search is a tight loop over them.
        let found: Int?? = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.prefix(120).firstIndex(of: UInt8(ascii: ":"))
        }
        let colonOffset: Int
        switch found {
        case .some(.some(let offset)): colonOffset = offset
        case .some(.none): return nil
        case .none:
            guard let index = utf8.prefix(120).firstIndex(of: UInt8(ascii: ":")) else { return nil }
            colonOffset = utf8.distance(from: utf8.startIndex, to: index)
        }
        let colon = utf8.index(utf8.startIndex, offsetBy: colonOffset)
        let label = text[..<colon]
        let after = text[utf8.index(after: colon)...]
        guard label.utf8.count <= 90, !label.isEmpty, after.utf8.first == 0x20, after.utf8.count > 1 else { return nil }
        guard label.wordCount <= 6, !label.has("http"), !label.has(". ") else { return nil }
        return String(label)
    }

    /// A prose paragraph rather than a short line of a list.
    static func isProse(_ text: String, physicalLines: Int) -> Bool {
        text.utf8.count >= 150 || (physicalLines >= 2 && text.utf8.count >= 80)
    }

    /// The text of a heading without the colon that introduced its content.
    static func headingText(_ text: String) -> String {
        var s = Substring(text)
        while let last = s.last, last == ":" || last == " " { s = s.dropLast() }
        return String(s)
    }

    /// "Chapter One: …", "Part 2 …", "Unit 3 …": headings that open the largest divisions of notes.
    static func isChapter(_ text: String) -> Bool {
        let lower = text.lowercased()
        for prefix in ["chapter ", "part ", "unit ", "topic ", "section ", "module "] where lower.hasPrefix(prefix) {
            let word = lower.dropFirst(prefix.count).prefix(while: { $0.isLetter || $0.isNumber })
            return !word.isEmpty
        }
        return false
    }
}

/// Cards a student wrote inside notes: `Question::Answer`, `Question:::Answer` (both ways) and
/// `{{c1::hidden}}` clozes.
public enum AuthoredCard {
    static func node(from text: String, span: Span) -> OutlineNode? {
        // "==highlighted==" words are clozes too, as note-taking plugins write them.
        if text.has("=="), let marked = highlightsAsClozes(text) { return node(from: marked, span: span) }
        guard text.has("::") else { return nil }
        if text.has("{{c"), let (plain, hidden) = cloze(text) {
            return OutlineNode(kind: .cloze, text: plain, span: span, answer: text, clozes: hidden)
        }
        guard let range = text.range(of: "::") else { return nil }
        var front = text[..<range.lowerBound]
        var back = text[range.upperBound...]
        var bothWays = false
        if back.hasPrefix(":") {
            back = back.dropFirst()
            bothWays = true
        }
        front = Substring(front.trimming([" "]))
        back = Substring(back.trimming([" "]))
        // "std::vector" is code, not a card: a card has words on at least one side.
        guard front.count >= 2, !back.isEmpty, front.has(" ") || back.has(" ") else { return nil }
        return OutlineNode(
            kind: .card, text: String(front), span: span, answer: String(back), bothWays: bothWays)
    }

    /// "The ==Gosplan== set targets" → "The {{c1::Gosplan}} set targets"; nil when there is no highlight (a
    /// line of "=" underlining a heading, "a == b" in code).
    static func highlightsAsClozes(_ text: String) -> String? {
        var out = ""
        var rest = Substring(text)
        // Numbered after the sentence's own `{{cN::…}}` clozes, so a highlight never joins one of them.
        var n = cloze(text).map { _ in clozeNumbers(text).max() ?? 0 } ?? 0
        let first = n
        while let open = rest.range(of: "==") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "==") else { break }
            let inner = after[..<close.lowerBound]
            guard !inner.isEmpty, inner.count <= 80, inner.first != " ", inner.last != " ", !inner.contains("=") else {
                out += rest[..<open.upperBound]
                rest = after
                continue
            }
            n += 1
            out += rest[..<open.lowerBound] + "{{c\(n)::" + inner + "}}"
            rest = after[close.upperBound...]
        }
        return n == first ? nil : out + rest
    }

    /// The numbers of a sentence's `{{cN::…}}` clozes, in order.
    static func clozeNumbers(_ text: String) -> [Int] {
        var numbers: [Int] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{c") {
            let after = rest[open.upperBound...]
            guard let sep = after.range(of: "::"), let n = Int(after[..<sep.lowerBound]) else { break }
            numbers.append(n)
            rest = after[sep.upperBound...]
        }
        return numbers
    }

    /// "The {{c1::Gosplan}} set targets" → ("The Gosplan set targets", ["Gosplan"]). Hints (`{{c1::x::hint}}`)
    /// are dropped from the plain text.
    static func cloze(_ text: String) -> (String, [String])? {
        var plain = ""
        var hidden: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{c") {
            plain += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let sep = afterOpen.range(of: "::"), afterOpen[..<sep.lowerBound].allSatisfy(\.isNumber),
                let close = afterOpen.range(of: "}}")
            else { return nil }
            var inner = afterOpen[sep.upperBound..<close.lowerBound]
            if let hint = inner.range(of: "::") { inner = inner[..<hint.lowerBound] }
            hidden.append(String(inner))
            plain += inner
            rest = afterOpen[close.upperBound...]
        }
        plain += rest
        return hidden.isEmpty ? nil : (plain, hidden)
    }
}

extension AuthoredCard {
    /// A card written over several lines, as note-taking plugins write them: the question's lines, a line of
    /// `?` (or `??` for a card asked both ways), the answer's lines; a blank line ends it.
    struct Multiline {
        var span: Span
        var front: String
        var back: String
        var bothWays: Bool
    }

    /// Finds the multi-line cards in `lines` and returns the lines with each card on its first line in
    /// `Question:::Answer` form and its other lines blank (so every parser reads it as a card, and the line
    /// numbers stay), with the cards as written, to put their line breaks back.
    static func joiningMultiline(_ lines: [SourceLine]) -> (lines: [SourceLine], cards: [Int: Multiline]) {
        guard lines.contains(where: { $0.content == "?" || $0.content == "??" }) else { return (lines, [:]) }
        var lines = lines
        var cards: [Int: Multiline] = [:]
        for i in lines.indices where lines[i].content == "?" || lines[i].content == "??" {
            var start = i
            while start > 0, !lines[start - 1].isBlank, !lines[start - 1].content.hasPrefix("#") { start -= 1 }
            var end = i
            while end + 1 < lines.count, !lines[end + 1].isBlank, lines[end + 1].content != "?", lines[end + 1].content != "??" {
                end += 1
            }
            guard start < i, end > i else { continue }
            let front = lines[start..<i].map { String($0.content) }.joined(separator: "\n")
            let back = lines[(i + 1)...end].map { String($0.content) }.joined(separator: "\n")
            let bothWays = lines[i].content == "??"
            let first = lines[start]
            let joined = front.replacing("\n", with: " ") + (bothWays ? ":::" : "::") + back.replacing("\n", with: " ")
            lines[start] = SourceLine(
                number: first.number, raw: Substring(joined), indent: first.indent, content: Substring(joined),
                trailingSpaces: 0)
            for k in (start + 1)...end {
                lines[k] = SourceLine(number: lines[k].number, raw: "", indent: 0, content: "", trailingSpaces: 0)
            }
            cards[first.number] = Multiline(
                span: Span(first.number, lines[end].number), front: front, back: back, bothWays: bothWays)
        }
        return (lines, cards)
    }

    /// The nodes with each multi-line card's sides as written (line breaks and all) and its whole span.
    static func restoringMultiline(_ nodes: [OutlineNode], _ cards: [Int: Multiline]) -> [OutlineNode] {
        guard !cards.isEmpty else { return nodes }
        return nodes.map { node in
            guard node.kind == .card, let card = cards[node.span.first] else { return node }
            var node = node
            node.text = card.front
            node.answer = card.back
            node.bothWays = card.bothWays
            node.span = card.span
            return node
        }
    }
}
