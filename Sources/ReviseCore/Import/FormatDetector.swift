/// Tells which kind of notes a file holds, from its name and the shape of its lines.
enum FormatDetector {
    static func detect(_ lines: [SourceLine], fileName: String) -> SourceFormat {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".mdown") { return .markdown }
        // The first few thousand lines tell the shape; a 50 MB file need not be read twice.
        let content = Array(lines.lazy.filter { !$0.isBlank }.prefix(3_000))
        guard !content.isEmpty else { return .outline }
        if content.lazy.filter({ Boilerplate.cardNumber($0.content) != nil }).prefix(2).count >= 2 {
            return .cardSet
        }
        if content.first?.content == "---", lines.prefix(60).dropFirst().contains(where: { $0.content == "---" }) {
            return .markdown
        }
        let headings = content.lazy.filter { MarkdownParser.atxHeading($0.content) != nil }.prefix(2).count
        if headings >= 2 { return .markdown }
        if isFlashcards(content) { return .flashcards }
        if SourceLine.areSoftWrapped(content) { return .essay }
        return .outline
    }

    /// Most lines are one-line cards, or the lines alternate between a short front and a longer back.
    static func isFlashcards(_ content: [SourceLine]) -> Bool {
        guard content.count >= 2 else { return false }
        var cards = 0
        for line in content {
            let marker = ListMarker(line.content)
            let text = String(marker?.rest ?? line.content)
            // A bulleted "1928 - an event" is an outline's line; only explicit card syntax counts in a list.
            if AuthoredCard.node(from: text, span: Span(line: line.number)) != nil
                || (marker == nil && FlashcardParser.split(text) != nil)
            {
                cards += 1
            }
        }
        if Double(cards) >= 0.6 * Double(content.count) { return true }
        // Alternating term and answer lines, with no bullets.
        let body = Array(content.dropFirst(content.count % 2 == 1 ? 1 : 0))
        guard body.count >= 4, body.allSatisfy({ ListMarker($0.content) == nil }) else { return false }
        var fronts = 0
        var backs = 0
        for (n, line) in body.enumerated() {
            let words = line.content.wordCount
            if n % 2 == 0 {
                if (words <= 5 && !line.content.hasSuffix(".")) || line.content.hasSuffix("?") { fronts += 1 }
            } else if words >= 2 {
                backs += 1
            }
        }
        let pairs = body.count / 2
        return Double(fronts) >= 0.8 * Double(pairs) && Double(backs) >= 0.8 * Double(pairs)
    }
}
