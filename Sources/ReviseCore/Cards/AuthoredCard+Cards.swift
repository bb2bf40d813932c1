extension AuthoredCard {
    /// The cards a student wrote, exactly as written: `Question::Answer` is one card, `Question:::Answer` two (one
    /// each way), a cloze sentence one card per cloze number (`{{c1::…}}` and `{{c2::…}}` are two cards, two
    /// `{{c1::…}}` one card with both hidden). A note from another tool that carries its cards gives those.
    /// In the order of Anki's cards for the same note, so a review of the note's nth card is a review of the nth.
    public static func cards(of node: OutlineNode, topic: [String], citation: Citation) -> [Card] {
        if !node.cards.isEmpty { return node.cards }
        func card(_ kind: Card.Kind, _ prompt: String, _ answer: String, note: String? = nil) -> Card {
            Card(
                id: Card.id(kind: kind, prompt: prompt, answer: answer), kind: kind, prompt: prompt, answer: answer,
                note: note, topic: topic, citations: [citation], tags: node.tags)
        }
        switch node.kind {
        case .card:
            guard let back = node.answer, !node.text.isEmpty, !back.isEmpty else { return [] }
            if node.bothWays { return [card(.reverse, node.text, back), card(.reverse, back, node.text)] }
            return [card(.basic, node.text, back)]
        case .cloze:
            return clozeSides(node.answer ?? node.text).map { card(.cloze, $0.prompt, $0.answer) }
        default:
            return []
        }
    }

    /// A cloze sentence's cards: for each cloze number in order, the sentence with that number's parts blanked
    /// (and the others shown) and the parts it hides. "{{c1::Gosplan}} set {{c2::targets}}" →
    /// ("[…] set targets", "Gosplan"), ("Gosplan set […]", "targets"). A hint (`{{c1::x::hint}}`) is dropped.
    public static func clozeSides(_ marked: String) -> [(prompt: String, answer: String)] {
        var pieces: [(text: Substring, number: Int?)] = []
        var rest = Substring(marked)
        while let open = rest.range(of: "{{c") {
            let after = rest[open.upperBound...]
            guard let sep = after.range(of: "::"), let number = Int(after[..<sep.lowerBound]),
                let close = after[sep.upperBound...].range(of: "}}")
            else { break }
            pieces.append((rest[..<open.lowerBound], nil))
            var inner = after[sep.upperBound..<close.lowerBound]
            if let hint = inner.range(of: "::") { inner = inner[..<hint.lowerBound] }
            pieces.append((inner, number))
            rest = after[close.upperBound...]
        }
        pieces.append((rest, nil))
        let numbers = Set(pieces.compactMap(\.number)).sorted()
        return numbers.map { n in
            let prompt = pieces.map { $0.number == n ? CardQuality.blank : String($0.text) }.joined()
            let answer = pieces.filter { $0.number == n }.map { String($0.text) }.joined(separator: ", ")
            return (prompt.trimming([" "]), answer)
        }
    }
}
