import Yams

/// Reads Markdown and GitBook pages: YAML front matter, `#` headings (the first `# ` is the page title),
/// nested lists, paragraphs, tables, quotes and fenced code.
struct MarkdownParser {
    let lines: [SourceLine]
    let fallbackTitle: String

    func parse() -> ParsedOutline {
        var warnings: [ImportWarning] = []
        var metadata: [String: String] = [:]
        var index = 0
        if let first = lines.first, first.content == "---" {
            if let close = lines.dropFirst().firstIndex(where: { $0.content == "---" || $0.content == "..." }) {
                let yaml = lines[1..<close].map { String($0.raw) }.joined(separator: "\n")
                do {
                    metadata = Self.flatten(try Yams.load(yaml: yaml))
                } catch {
                    warnings.append(ImportWarning(line: 1, "the front matter is not valid YAML; it was skipped"))
                }
                index = close + 1
            }
        }

        var title = metadata["title"] ?? ""
        var builder = OutlineBuilder()
        var paragraph: (first: Int, last: Int, text: String, indent: Int)?
        var sawHeading = false

        func flushParagraph() {
            guard let p = paragraph else { return }
            paragraph = nil
            let cleaned = InlineText.clean(p.text, markdown: true)
            guard !cleaned.text.isEmpty else { return }
            let span = Span(p.first, p.last)
            if var card = AuthoredCard.node(from: cleaned.text, span: span) {
                card.emphasis = cleaned.emphasis
                builder.addItem(card, indent: p.indent, isListItem: false)
                return
            }
            let kind: OutlineNode.Kind =
                NodeShapes.isProse(cleaned.text, physicalLines: p.last - p.first + 1) ? .paragraph : .item
            builder.addItem(
                OutlineNode(
                    kind: kind, text: cleaned.text, span: span,
                    label: NodeShapes.label(of: cleaned.text, emphasis: cleaned.emphasis),
                    emphasis: cleaned.emphasis),
                indent: p.indent, isListItem: false)
        }

        /// The list item still open for lazy continuation lines: its node index and content column.
        var openItem: (node: Int, column: Int, first: Int, last: Int, text: String)?
        func flushItem() {
            guard let item = openItem else { return }
            openItem = nil
            let cleaned = InlineText.clean(item.text, markdown: true)
            let span = Span(item.first, item.last)
            if var card = AuthoredCard.node(from: cleaned.text, span: span) {
                card.depth = builder.nodes[item.node].depth
                card.emphasis = cleaned.emphasis
                builder.replace(at: item.node, with: card)
                return
            }
            var node = builder.nodes[item.node]
            node.text = cleaned.text
            node.emphasis = cleaned.emphasis
            node.label = NodeShapes.label(of: cleaned.text, emphasis: cleaned.emphasis)
            node.span = Span(item.first, max(item.last, node.span.last))
            builder.replace(at: item.node, with: node)
        }

        var inFence: (marker: Substring, first: Int, text: [Substring])?
        while index < lines.count {
            let line = lines[index]
            index += 1
            let content = line.content
            if var fence = inFence {
                if content.hasPrefix(fence.marker) {
                    inFence = nil
                    let text = fence.text.joined(separator: "\n")
                    if !text.trimming([" ", "\n"]).isEmpty {
                        builder.addItem(
                            OutlineNode(kind: .paragraph, text: text, span: Span(fence.first, line.number)),
                            indent: 0, isListItem: false)
                    }
                } else {
                    fence.text.append(line.raw)
                    inFence = fence
                }
                continue
            }
            if line.isBlank {
                flushParagraph()
                continue
            }
            if content.hasPrefix("```") || content.hasPrefix("~~~") {
                flushParagraph()
                flushItem()
                inFence = (content.prefix(3), line.number, [])
                continue
            }
            if content.hasPrefix("{%") || content.hasPrefix("<!--") || Self.isRule(content) {
                flushParagraph()
                continue
            }
            if let (level, headingText) = Self.atxHeading(content) {
                flushParagraph()
                flushItem()
                let cleaned = InlineText.clean(headingText, markdown: true)
                guard !cleaned.text.isEmpty else { continue }
                // The first "# " heading is the page's title, unless the front matter named a different one.
                if level == 1, !sawHeading, title.isEmpty || title == cleaned.text, builder.isEmpty {
                    title = cleaned.text
                    sawHeading = true
                    continue
                }
                sawHeading = true
                let (questionText, marks) = ExamQuestionShape.splitMarks(cleaned.text)
                let isQuestion = ExamQuestionShape.isQuestion(questionText, hasMarks: marks != nil)
                builder.openHeading(
                    OutlineNode(
                        kind: isQuestion ? .question : .section, text: isQuestion ? questionText : cleaned.text,
                        span: Span(line: line.number), emphasis: cleaned.emphasis, marks: marks),
                    rank: level)
                continue
            }
            if let marker = ListMarker(content) {
                flushParagraph()
                flushItem()
                var rest = marker.rest
                for box in ["[ ] ", "[x] ", "[X] "] where rest.hasPrefix(box) { rest = rest.dropFirst(box.count) }
                builder.addItem(
                    OutlineNode(kind: .item, text: "", span: Span(line: line.number)), indent: line.indent,
                    isListItem: true)
                let column = line.indent + (content.utf8.count - marker.rest.utf8.count)
                openItem = (builder.nodes.count - 1, column, line.number, line.number, String(rest))
                continue
            }
            if var item = openItem, paragraph == nil, line.indent >= 2 || !(lines[index - 2].isBlank) {
                // A lazy continuation of the open list item.
                item.text += " " + content
                item.last = line.number
                openItem = item
                continue
            }
            flushItem()
            var text = content
            if text.hasPrefix(">") { text = text.drop(while: { $0 == ">" || $0 == " " }) }
            if text.hasPrefix("|") {
                flushParagraph()
                let cells = text.split(separator: "|").map { $0.trimming([" "]) }.filter { !$0.isEmpty }
                if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { continue }
                paragraph = (line.number, line.number, cells.joined(separator: " | "), line.indent)
                flushParagraph()
                continue
            }
            // Each `Q::A` or cloze line is a card of its own, never folded into a paragraph.
            if text.has("::") || text.has("{{c") {
                flushParagraph()
                paragraph = (line.number, line.number, String(text), 0)
                flushParagraph()
                continue
            }
            if var p = paragraph {
                p.text += " " + text
                p.last = line.number
                paragraph = p
                if line.trailingSpaces >= 2 { flushParagraph() }
            } else {
                paragraph = (line.number, line.number, String(text), 0)
            }
        }
        flushParagraph()
        flushItem()
        // Items whose text was all markup say nothing.
        let nodes = builder.finish()
        return ParsedOutline(
            title: title.isEmpty ? fallbackTitle : title, metadata: metadata, nodes: Self.dropEmpty(nodes),
            warnings: warnings + builder.warnings)
    }

    static func dropEmpty(_ nodes: [OutlineNode]) -> [OutlineNode] {
        guard nodes.contains(where: { $0.text.isEmpty }) else { return nodes }
        var result: [OutlineNode] = []
        var removed: [Int] = []
        for var node in nodes {
            let original = node.depth
            while let last = removed.last, last >= original { removed.removeLast() }
            if node.text.isEmpty {
                removed.append(original)
                continue
            }
            node.depth = original - removed.count
            result.append(node)
        }
        return result
    }

    static func atxHeading(_ content: Substring) -> (Int, Substring)? {
        let hashes = content.prefix(while: { $0 == "#" })
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = content.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.drop(while: { $0 == " " })
        while text.last == "#" { text = text.dropLast() }
        return (hashes.count, Substring(text.trimming([" "])))
    }

    /// "---", "***", "_ _ _": a thematic break.
    static func isRule(_ content: Substring) -> Bool {
        guard let first = content.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
        else { return false }
        var marks = 0
        for b in content.utf8 {
            if b == first {
                marks += 1
            } else if b != 0x20 {
                return false
            }
        }
        return marks >= 3
    }

    /// Front matter as flat strings: nested values are joined, lists become comma-separated.
    static func flatten(_ value: Any?) -> [String: String] {
        guard let dict = value as? [String: Any] else { return [:] }
        var result: [String: String] = [:]
        for (key, value) in dict {
            switch value {
            case let list as [Any]: result[key] = list.map { "\($0)" }.joined(separator: ", ")
            case let nested as [String: Any]:
                for (k, v) in flatten(nested) { result["\(key).\(k)"] = v }
            default: result[key] = "\(value)"
            }
        }
        return result
    }
}
