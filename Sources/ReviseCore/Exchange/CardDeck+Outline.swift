import Foundation

extension CardDeck {
    /// The deck as a source: a section per deck (the decks every note shares are the title), a card or cloze
    /// node per note on its line, with its tags and the exact cards it stands for, so the cards come out as the
    /// other tool had them and its glossary, timeline and search read them like any notes. With it, every review
    /// with the id of the card it rates, oldest first (reviews of a card the note no longer has, such as a cloze
    /// number that was removed, are left out).
    /// - Parameter name: how citations name the file.
    public func read(name: String) -> (outline: Outline, reviews: [(card: String, rating: Rating, at: Date)]) {
        let shared = sharedDecks
        // Anki's "Default" deck names nothing: the file does.
        let title = shared.last.flatMap { $0 == "Default" ? nil : $0 } ?? self.title
        var nodes: [OutlineNode] = []
        var reviews: [(card: String, rating: Rating, at: Date)] = []
        var open: [String] = []
        for note in notesByDeck {
            let path = Array(note.deck.dropFirst(shared.count))
            // Close the sections this note is not under, open the ones it is.
            let common = zip(open, path).prefix { $0 == $1 }.count
            open.removeLast(open.count - common)
            for level in common..<path.count {
                nodes.append(
                    OutlineNode(
                        kind: .section, depth: level, text: path[level], span: Span(line: note.line), level: level + 1))
                open.append(path[level])
            }
            guard var node = node(for: note, depth: path.count) else { continue }
            node.cards = cards(for: note, node: node, topic: path, citation: Citation(source: name, span: node.span))
            nodes.append(node)
            guard !note.reviews.isEmpty else { continue }
            // A cloze note's nth card is its cloze number n + 1; the cards are one per number present.
            let numbers = note.shape == .cloze && note.revise == nil ? AuthoredCard.clozeNumbers(node.answer ?? "") : []
            let ordinals = numbers.isEmpty ? Array(node.cards.indices) : Set(numbers).sorted().map { $0 - 1 }
            for review in note.reviews {
                guard let k = ordinals.firstIndex(of: review.card), k < node.cards.count else { continue }
                reviews.append((node.cards[k].id, review.rating, review.at))
            }
        }
        let outline = Outline(
            title: title, format: format, metadata: [:], nodes: nodes, warnings: [],
            lineCount: notes.map(\.line).max() ?? 0)
        return (outline, reviews.sorted { ($0.at, $0.card) < ($1.at, $1.card) })
    }

    public func outline(name: String) -> Outline { read(name: name).outline }

    public func reviewedCards(name: String) -> [(card: String, rating: Rating, at: Date)] { read(name: name).reviews }

    /// The deck names every note starts with: ["Revise", "Stalin's USSR"] of "Revise::Stalin's USSR::Terror".
    var sharedDecks: [String] {
        guard var shared = notes.first?.deck else { return [] }
        for note in notes.dropFirst() {
            shared = Array(zip(shared, note.deck).prefix { $0 == $1 }.map(\.0))
        }
        return shared
    }

    /// The notes grouped by deck, decks in the order they first appear, notes in their order within each.
    var notesByDeck: [Note] {
        var order: [[String]: Int] = [:]
        for note in notes where order[note.deck] == nil { order[note.deck] = order.count }
        // Indices are sorted, not notes: a note is a large value to move.
        let rank = notes.map { order[$0.deck]! }
        return notes.indices.sorted { (rank[$0], $0) < (rank[$1], $1) }.map { notes[$0] }
    }

    /// A note's sides as text.
    func text(_ side: String) -> String {
        isHTML ? Markup.plainText(fromHTML: side) : side.trimming([" ", "\t", "\r", "\n"])
    }

    /// The outline node a note reads as, nil when its front is empty.
    func node(for note: Note, depth: Int) -> OutlineNode? {
        let front = text(note.front)
        let back = text(note.back)
        guard !front.isEmpty else { return nil }
        let span = Span(line: note.line)
        switch note.shape {
        case .cloze:
            guard let (plain, hidden) = AuthoredCard.cloze(front) else {
                return OutlineNode(kind: .card, depth: depth, text: front, span: span, answer: back, tags: note.tags)
            }
            return OutlineNode(
                kind: .cloze, depth: depth, text: plain, span: span, answer: front, clozes: hidden, tags: note.tags)
        case .basic, .bothWays:
            return OutlineNode(
                kind: .card, depth: depth, text: front, span: span, answer: back, bothWays: note.shape == .bothWays,
                tags: note.tags)
        }
    }

    /// The cards a note stands for: those a Revise export carried (citing the package last, where they were
    /// written from now), else the note's own, with a cloze's extra text as the card's note.
    func cards(for note: Note, node: OutlineNode, topic: [String], citation: Citation) -> [Card] {
        if let json = note.revise, let cards = try? JSONDecoder().decode([Card].self, from: Data(json.utf8)), !cards.isEmpty {
            return cards.map { card in
                var card = card
                if !card.citations.contains(citation) { card.citations.append(citation) }
                return card
            }
        }
        var plain = node
        plain.cards = []
        var cards = AuthoredCard.cards(of: plain, topic: topic, citation: citation)
        let extra = text(note.back)
        if note.shape == .cloze, node.kind == .cloze, !extra.isEmpty {
            for i in cards.indices { cards[i].note = extra }
        }
        return cards
    }
}
