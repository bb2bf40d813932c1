import Dispatch
import Foundation

/// Reads an outline and returns what it says: facts with citations, exam questions, and the evidence for each
/// name. Knows no subject: every fact comes from the shape of the notes and plain English around it.
public enum FactExtractor {
    /// Changes whenever the same outline would give different knowledge, so stores read their notes again.
    public static let version = 8

    /// Large outlines are read in parts at once, one part per core: the parts are runs of top-level nodes, which
    /// share nothing while they are read, and their findings are put together in order.
    public static func extract(_ outline: Outline, source: String, parts: Int? = nil) -> SourceKnowledge {
        let ranges = partition(outline, into: parts ?? ProcessInfo.processInfo.activeProcessorCount * 2)
        guard ranges.count > 1 else {
            var reader = Reader(outline: outline, source: source)
            reader.run(outline.nodes.indices)
            return reader.result()
        }
        let results = Slots<Reader>(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { part in
            var reader = Reader(outline: outline, source: source)
            reader.run(ranges[part])
            results.set(part, reader)
        }
        var whole = Reader(outline: outline, source: source)
        for part in results.values { whole.absorb(part) }
        return whole.result()
    }

    /// Runs of top-level nodes of about equal size; one run when the outline is small or has one top.
    static func partition(_ outline: Outline, into parts: Int) -> [Range<Int>] {
        let nodes = outline.nodes
        guard parts > 1, nodes.count >= 20_000 else { return [nodes.indices] }
        let target = nodes.count / parts
        var ranges: [Range<Int>] = []
        var start = 0
        for index in nodes.indices where index > start && nodes[index].depth == 0 && index - start >= target {
            ranges.append(start..<index)
            start = index
        }
        ranges.append(start..<nodes.count)
        return ranges
    }

    /// One slot per part, each written by one part only.
    final class Slots<Value>: @unchecked Sendable {
        private var storage: [Value?]
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }

        var values: [Value] { storage.compactMap { $0 } }
    }
}

extension FactExtractor {
    /// An open heading or item while its children are read: collects them for a list fact.
    struct Open {
        var index: Int
        var depth: Int
        var title: String
        var children: [String] = []
        var childHasChildren = false
        /// A date the heading gives to everything under it ("1937:").
        var date: When?
        /// The person a heading is about ("Stalin's powerbases", "Zinoviev:").
        var person: String?
    }

    struct Reader {
        let outline: Outline
        let source: String
        var facts: [Fact] = []
        var questions: [ExamQuestion] = []
        /// Cards the student wrote, kept as written.
        var cards: [Card] = []
        var names: [String: NameEvidence] = [:]
        var lowercaseWords = WordCounts()
        /// Lists of "label - comment" points whose labels are everyday words, by the index of their first point.
        var commentLists: [Int: Bool] = [:]
        var stack: [Open] = []

        init(outline: Outline, source: String) {
            self.outline = outline
            self.source = source
        }

        mutating func run(_ range: Range<Int>) {
            let nodes = outline.nodes
            for index in range {
                let node = nodes[index]
                while let last = stack.last, last.depth >= node.depth { close(stack.removeLast()) }
                // Points of a list are its items, not the headings under a chapter.
                if !stack.isEmpty, node.kind == .item || node.kind == .paragraph || node.kind == .card {
                    stack[stack.count - 1].children.append(node.text)
                }
                if stack.count >= 2 {
                    stack[stack.count - 2].childHasChildren = true
                }
                let own = ownSpan(index)
                let citation = Citation(source: source, span: own)
                let topic = stack.compactMap { open -> String? in
                    let kind = nodes[open.index].kind
                    return kind == .section || kind == .question ? open.title : nil
                }
                var context = Context(
                    citation: citation, topic: topic, date: stack.last(where: { $0.date != nil })?.date,
                    person: stack.last(where: { $0.person != nil })?.person, label: node.label)
                context.node = index
                var open = Open(index: index, depth: node.depth, title: NodeShapes.headingText(node.text))
                switch node.kind {
                case .section:
                    let title = open.title
                    readNames(in: title, context: context, isTitle: true)
                    // "The totalitarian view:", "Labour camps:": a heading that names a thing the notes teach.
                    if let named = TermShape.headingTerm(title) { noteTerm(named, context: context) { $0.emphasised += 1 } }
                    // A line of its own in quotation marks ("Stalin, 1931 'We are fifty … behind'").
                    if Quotations.mayHave(title) { readQuotes(title, words: Words(title), context: context) }
                    let dates = DateFinder.dates(in: title)
                    // A heading that is only a date ("1937:") dates the points under it; a heading with a date
                    // ("Civil war 1918-21") is an event itself.
                    if let date = dates.first {
                        if wordsOutside(date.range, in: title) == 0 {
                            open.date = date.when
                        } else {
                            addEvent(sentence: title, date: date, context: context)
                        }
                    }
                    open.person = leadingName(title)
                case .question:
                    readNames(in: node.text, context: context, isTitle: false)
                    // "Why Stalin made the 'Great Turn' 1928?": a name in marks.
                    if Quotations.mayHave(node.text) {
                        readQuotes(node.text, words: Words(node.text), context: context, namesOnly: true)
                    }
                    questions.append(question(at: index, citation: citation, topic: topic))
                case .item, .paragraph:
                    context.isItem = node.kind == .item
                    // A bold lead-in ("**Peasant complaints:** …") is a label, read as one; bold inside the text
                    // marks a term.
                    let label = node.label?.trimmingPunctuation()
                    // Bold that opens a sentence marks its topic ("**Cinema** was taken up …"), not a term; a
                    // term in bold there is defined by what follows and read as a definition.
                    for phrase in node.emphasis
                    where phrase.trimmingPunctuation() != label && TermShape.isTermLike(phrase) && !node.text.hasPrefix(phrase) {
                        noteTerm(phrase, context: context) { $0.emphasised += 1 }
                    }
                    readStatement(node.text, node: node, context: context)
                    if node.kind == .item, let label = node.label, let date = DateFinder.dates(in: label).first,
                        wordsOutside(date.range, in: label) == 0
                    {
                        open.date = date.when
                    }
                    if node.kind == .item { open.person = node.label.flatMap { leadingName($0) } }
                case .card, .cloze:
                    cards += AuthoredCard.cards(of: node, topic: topic, citation: citation)
                    // Cards Revise made from other notes and that came back (from an export) say nothing new:
                    // read again they would count every fact of those notes twice.
                    if node.cards.contains(where: { $0.citations.first?.source != source }) { break }
                    if node.kind == .card {
                        readCard(node, context: context)
                    } else {
                        // A cloze's text holds its hidden parts: it reads as the sentence it is.
                        readStatement(node.text, node: node, context: context)
                    }
                }
                stack.append(open)
            }
            while let last = stack.popLast() { close(last) }
        }

        /// The lines a node itself occupies, without its children.
        func ownSpan(_ index: Int) -> Span {
            let nodes = outline.nodes
            let node = nodes[index]
            if index + 1 < nodes.count, nodes[index + 1].depth > node.depth {
                return Span(node.span.first, max(node.span.first, nodes[index + 1].span.first - 1))
            }
            return node.span
        }

        /// A heading or item with three or more points under it is a list.
        mutating func close(_ open: Open) {
            let node = outline.nodes[open.index]
            guard node.kind == .section || node.kind == .item, open.children.count >= 3 else {
                // A short heading with one line under it is a definition: "Gosplan" / "the state planning agency".
                if node.kind == .section, open.children.count == 1, !open.childHasChildren,
                    open.title.wordCount <= 4, open.date == nil, leadingName(open.title) == nil
                        || open.title.wordCount == 1,
                    let meaning = open.children.first, meaning.wordCount >= 3, !meaning.hasSuffix("?"),
                    // A paragraph of several sentences under a heading is writing on a topic, not a meaning.
                    Sentences.split(meaning).count == 1 || TermShape.isGloss(meaning, of: open.title)
                {
                    var context = Context(citation: Citation(source: source, span: node.span), topic: [])
                    context.isItem = false
                    addDefinition(
                        term: open.title, meaning: meaning, text: open.title + ": " + meaning, context: context,
                        shapeSaysSo: true)
                }
                return
            }
            let items = open.children.prefix(15).map { String($0) }
            facts.append(
                Fact(
                    kind: .list, text: open.title, subject: open.title, items: items,
                    topic: [], citations: [Citation(source: source, span: ownSpan(open.index))]))
        }

        /// Takes in what another reader found in a later part of the same outline.
        mutating func absorb(_ other: Reader) {
            facts += other.facts
            questions += other.questions
            cards += other.cards
            for (name, evidence) in other.names { names[name, default: NameEvidence(name: name)].add(evidence) }
            lowercaseWords.add(other.lowercaseWords)
        }

        func result() -> SourceKnowledge {
            var evidence = Array(names.values)
            for i in evidence.indices {
                // For a phrase, the least common of its words: a phrase of everyday words ("Living standards")
                // is a topic more often than a term.
                let words = evidence[i].name.lowercased().split(separator: " ")
                evidence[i].lowercase = words.map { lowercaseWords[String($0)] }.min() ?? 0
            }
            evidence.sort { $0.name < $1.name }
            return SourceKnowledge(source: source, facts: facts, questions: questions, cards: cards, names: evidence)
        }

        /// How many words a text has outside a UTF-8 range (a date).
        func wordsOutside(_ range: Range<Int>, in text: String) -> Int {
            let bytes = Array(text.utf8)
            let before = String(decoding: bytes[..<range.lowerBound], as: UTF8.self)
            let after = String(decoding: bytes[range.upperBound...], as: UTF8.self)
            return before.wordCount + after.wordCount
        }
    }

    /// Where a statement sits: its citation, its topic, and what the headings above it say.
    struct Context {
        var citation: Citation
        var topic: [String]
        /// A date given by a heading above ("1937:").
        var date: When?
        /// The person a heading above is about.
        var person: String?
        var label: String?
        var isItem = false
        /// The node being read, in the outline's nodes.
        var node: Int?
    }
}
