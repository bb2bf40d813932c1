/// Reads plain-text notes: outlines, essay plans with exam questions, and exported revision-card sets.
///
/// Headings are told from items by shape: a short line ending in ":", or a short line standing alone between
/// blank lines. A heading followed straight by another heading opens a chapter. An exam question opens a block
/// that holds its plan and its answer; inside it, short standalone lines are plan points, not headings.
struct PlainTextParser {
    enum Rank {
        static let card = 0
        static let chapter = 1
        static let question = 2
        static let heading = 3
    }

    let lines: [SourceLine]
    let format: SourceFormat
    let fallbackTitle: String

    func parse() -> ParsedOutline {
        let isCardSet = format == .cardSet
        let logical = LogicalLine.build(lines, skip: { isCardSet && Boilerplate.isBoilerplate($0.content) })
        var builder = OutlineBuilder()
        var metadata: [String: String] = [:]
        var start = 0
        var title = fallbackTitle
        var expectingCard = false

        if isCardSet {
            if let first = logical.first {
                title = InlineText.clean(first.content).text
                start = 1
            }
            // Lines between the title and the site's header block are the set's subtitle.
            let firstCardEnd = lines.first { Boilerplate.cardNumber($0.content) != nil }?.number ?? Int.max
            let headerEnd = lines.last { $0.number < firstCardEnd && Boilerplate.isBoilerplate($0.content) }?.number
            if let headerEnd {
                var subtitle: [String] = []
                while start < logical.count, logical[start].last < headerEnd {
                    subtitle.append(InlineText.clean(logical[start].content).text)
                    start += 1
                }
                if !subtitle.isEmpty { metadata["subtitle"] = subtitle.joined(separator: " ") }
            }
            expectingCard = true
        } else if let first = logical.first, first.marker == nil {
            let text = InlineText.clean(first.content).text
            let (rest, marks) = ExamQuestionShape.splitMarks(text)
            if marks == nil, !ExamQuestionShape.isQuestion(rest, hasMarks: false), text.utf8.count <= 120,
                text.wordCount <= 12, !NodeShapes.isProse(text, physicalLines: first.physicalLines),
                !(text.last.map { ".,;".contains($0) } ?? false)
            {
                title = NodeShapes.headingText(text)
                start = 1
            }
        }

        var index = start
        while index < logical.count {
            let line = logical[index]
            let next = index + 1 < logical.count ? logical[index + 1] : nil
            index += 1
            if isCardSet, Boilerplate.cardNumber(line.content) != nil {
                builder.cover(line: line.last)
                builder.closeAll()
                expectingCard = true
                continue
            }
            let cleaned = InlineText.clean(line.body)
            let text = cleaned.text
            guard !text.isEmpty else { continue }
            let span = Span(line.first, line.last)

            if expectingCard {
                expectingCard = false
                builder.openHeading(
                    OutlineNode(kind: .section, text: NodeShapes.headingText(text), span: span), rank: Rank.card)
                continue
            }
            if var card = AuthoredCard.node(from: text, span: span) {
                card.emphasis = cleaned.emphasis
                builder.addItem(card, indent: line.indent, isListItem: line.marker != nil)
                continue
            }
            if line.marker != nil {
                let node = OutlineNode(
                    kind: .item, text: text, span: span,
                    label: NodeShapes.label(of: text, emphasis: cleaned.emphasis), emphasis: cleaned.emphasis)
                builder.addItem(node, indent: line.indent, isListItem: true)
                continue
            }
            // "By 1941 collectivisation had greatly strengthened the USSR?**Agree:**": a question, then a heading.
            if text.hasSuffix(":"), let q = text.firstIndex(of: "?") {
                let heading = text[text.index(after: q)...].trimming([" "])
                if !heading.isEmpty, heading.wordCount <= 3, !heading.has("?") {
                    builder.openHeading(
                        OutlineNode(kind: .question, text: String(text[...q]), span: span), rank: Rank.question)
                    builder.openHeading(
                        OutlineNode(kind: .section, text: NodeShapes.headingText(heading), span: span),
                        rank: Rank.heading)
                    continue
                }
            }
            let (questionText, marks) = ExamQuestionShape.splitMarks(text)
            if ExamQuestionShape.isQuestion(questionText, hasMarks: marks != nil),
                marks != nil || ExamQuestionShape.partLabel(text) != nil
                    || !NodeShapes.isProse(text, physicalLines: line.physicalLines)
            {
                builder.openHeading(
                    OutlineNode(kind: .question, text: questionText, span: span, emphasis: cleaned.emphasis, marks: marks),
                    rank: Rank.question)
                continue
            }
            if let shape = Self.headingShape(line, text: text) {
                let isChapter = NodeShapes.isChapter(text)
                if shape == .standalone, builder.insideQuestion, !isChapter {
                    builder.addItem(
                        OutlineNode(kind: .item, text: text, span: span, emphasis: cleaned.emphasis),
                        indent: line.indent, isListItem: false)
                    continue
                }
                let opensChapter =
                    isChapter || next.map { Self.headingShape($0, text: InlineText.clean($0.body).text) != nil } ?? false
                // "1937:" among "1936: …" and "1938: …" lines is an item that holds the bullets below it.
                let previous = builder.nodes.last
                if shape == .colon, !opensChapter, let previous, previous.kind == .item,
                    let label = previous.label, text.wordCount <= 3,
                    label.first?.isNumber == true, text.first?.isNumber == true
                {
                    builder.addItem(
                        OutlineNode(kind: .item, text: NodeShapes.headingText(text), span: span),
                        indent: line.indent, isListItem: false, adopts: true)
                    continue
                }
                builder.openHeading(
                    OutlineNode(kind: .section, text: NodeShapes.headingText(text), span: span, emphasis: cleaned.emphasis),
                    rank: opensChapter ? Rank.chapter : Rank.heading)
                continue
            }
            let kind: OutlineNode.Kind =
                NodeShapes.isProse(text, physicalLines: line.physicalLines) ? .paragraph : .item
            let node = OutlineNode(
                kind: kind, text: text, span: span,
                label: NodeShapes.label(of: text, emphasis: cleaned.emphasis),
                emphasis: cleaned.emphasis)
            // "…the main reasons being:" introduces the bullets that follow.
            builder.addItem(node, indent: line.indent, isListItem: false, adopts: text.hasSuffix(":"))
        }
        let nodes = builder.finish()
        return ParsedOutline(title: title, metadata: metadata, nodes: nodes, warnings: builder.warnings)
    }

    enum HeadingShape { case colon, standalone }

    /// Whether a line reads as a heading: short and ending in ":", or short and standing alone.
    static func headingShape(_ line: LogicalLine, text: String) -> HeadingShape? {
        guard line.marker == nil, line.physicalLines == 1, text.utf8.count <= 120, let last = text.last,
            let first = text.first
        else { return nil }
        let words = text.wordCount
        if last == ":" {
            guard words <= 10, !text.has(". "), !(words > 6 && text.has(", ")), text.utf8.count >= 2
            else { return nil }
            return .colon
        }
        guard words <= 8, line.blankBefore, line.blankAfter, !".,;!\"”’'-–".contains(last),
            first.isUppercase || first.isNumber, !text.has(". "), AuthoredCard.node(from: text, span: Span(line: 1)) == nil
        else { return nil }
        return .standalone
    }
}
