/// Reads flashcard lists: "Question? Answer", "Term / meaning", "Term - meaning", "term<TAB>meaning",
/// `Q::A`, `{{c1::…}}`, and alternating lines (a term or question, then its answer on the next line).
struct FlashcardParser {
    let lines: [SourceLine]
    let fallbackTitle: String

    func parse() -> ParsedOutline {
        var builder = OutlineBuilder()
        var title = fallbackTitle
        let content = lines.filter { !$0.isBlank }
        var i = 0
        // A first line that is not a card names the list.
        if let first = content.first, Self.split(String(first.content)) == nil,
            AuthoredCard.node(from: String(first.content), span: Span(line: 1)) == nil,
            first.content.hasSuffix(":") || first.content.hasPrefix("#") || Self.blankAfter(first, in: lines)
        {
            title = NodeShapes.headingText(String(first.content.drop(while: { $0 == "#" || $0 == " " })))
            i = 1
        }
        while i < content.count {
            let line = content[i]
            i += 1
            let raw = String(ListMarker(line.content)?.rest ?? line.content)
            let cleaned = InlineText.clean(raw, markdown: true)
            let text = cleaned.text
            let span = Span(line: line.number)
            if let card = AuthoredCard.node(from: text, span: span) {
                builder.addItem(card, indent: 0, isListItem: false)
                continue
            }
            if text.hasSuffix(":") && text.wordCount <= 8 || raw.hasPrefix("#") {
                let heading = NodeShapes.headingText(String(text.drop(while: { $0 == "#" || $0 == " " })))
                builder.openHeading(OutlineNode(kind: .section, text: heading, span: span), rank: 1)
                continue
            }
            if let (front, back) = Self.split(raw) {
                let f = InlineText.clean(front, markdown: true).text
                let b = InlineText.clean(back, markdown: true).text
                builder.addItem(
                    OutlineNode(kind: .card, text: f, span: span, emphasis: cleaned.emphasis, answer: b),
                    indent: 0, isListItem: false)
                continue
            }
            // Alternating lines: this line is the front, the next the back.
            if i < content.count, Self.split(String(content[i].content)) == nil,
                content[i].number == line.number + 1
            {
                let back = content[i]
                i += 1
                builder.addItem(
                    OutlineNode(
                        kind: .card, text: text, span: Span(line.number, back.number), emphasis: cleaned.emphasis,
                        answer: InlineText.clean(back.content, markdown: true).text),
                    indent: 0, isListItem: false)
                continue
            }
            builder.addItem(OutlineNode(kind: .item, text: text, span: span), indent: 0, isListItem: false)
        }
        return ParsedOutline(title: title, nodes: builder.finish(), warnings: builder.warnings)
    }

    static func blankAfter(_ line: SourceLine, in lines: [SourceLine]) -> Bool {
        line.number < lines.count && lines[line.number].isBlank
    }

    /// Splits a one-line card into front and back, or returns nil when the line is not one.
    static func split(_ line: String) -> (Substring, Substring)? {
        let text = Substring(line)
        if let tab = text.firstIndex(of: "\t") {
            let front = text[..<tab].trimming([" ", "\t"])
            let back = text[text.index(after: tab)...].trimming([" ", "\t"])
            if !front.isEmpty, !back.isEmpty { return (Substring(front), Substring(back)) }
        }
        // "What does anti-Semitism mean? The hatred of Jews!"
        // The question ends at a "?" followed by a space; one inside a quotation ("¿Cuánto cuesta?" mean?) does not.
        if let q = text.indices.first(where: { text[$0] == "?" && text[text.index(after: $0)...].first == " " }) {
            let back = text[text.index(after: q)...].trimming([" "])
            let front = text[...q]
            if !back.isEmpty, front.wordCount >= 2, back.contains(where: { $0.isLetter }),
                ExamQuestionShape.splitMarks(String(back)).marks == nil
            {
                return (front, Substring(back))
            }
        }
        for separator in [" / ", " - ", " – ", " — ", " = "] {
            if text.has(separator), let range = text.range(of: separator) {
                let front = text[..<range.lowerBound]
                let back = text[range.upperBound...].trimming([" "])
                if !front.isEmpty, front.wordCount <= 6, !back.isEmpty {
                    return (Substring(front.trimming([" "])), Substring(back))
                }
            }
        }
        return nil
    }
}
