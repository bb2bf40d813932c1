/// The rules every generated card keeps, each one a reason a teacher would throw a card away. The generator drops a
/// card that breaks one; the tests hold every card made from real notes to them.
public enum CardQuality {
    /// Words a card never starts or ends on: the dangling ends of a copied half-sentence.
    static let danglingWords: Set<String> = [
        "and", "or", "but", "so", "because", "of", "the", "a", "an", "to", "with", "e.g", "eg", "e.g.", "i.e", "ie",
        "etc", "which", "that", "who", "as", "by", "for", "from", "in", "on", "at", "into", "than", "then", "whilst",
        "while", "although", "however", "also", "this", "these", "his", "her", "their", "its", "is", "was", "were",
    ]

    static let danglingStarts: Set<String> = [
        "and", "or", "but", "so", "because", "e.g", "eg", "i.e", "ie", "etc", "which", "that", "than", "then", "whilst",
        "while", "although", "however", "also", "of", "is", "was", "were",
    ]

    /// What is wrong with a card; empty when it is a good one.
    public static func problems(_ card: Card) -> [String] {
        var problems: [String] = []
        let prompt = card.prompt.trimming([" "])
        let answer = card.answer.trimming([" "])
        if prompt.isEmpty || answer.isEmpty { problems.append("an empty side") }
        if prompt.wordCount > 60 { problems.append("a prompt of \(prompt.wordCount) words") }
        if card.kind != .exam, card.kind != .ordering, answer.wordCount > 30 {
            problems.append("an answer of \(answer.wordCount) words")
        }
        // The answer never given away by the question.
        let p = Card.normalised(prompt)
        let a = Card.normalised(answer)
        if a.count >= 3, card.kind != .ordering, card.kind != .exam, p.has(a) { problems.append("the answer is in the prompt") }
        for (side, text) in [("prompt", prompt), ("answer", answer)] {
            // A question's opening words are the card's own ("In which year…", "Who was…"); only its end can dangle.
            // A cloze's answer is the notes' own words that were hidden ("from 67 to 48 million").
            let copied = (side == "answer" && card.kind != .cloze) || (side == "prompt" && (card.kind == .cloze || card.kind == .ordering))
            if let edge = danglingEdge(text), copied || edge.hasPrefix("ends") { problems.append("the \(side) \(edge)") }
            if let unbalanced = unbalanced(text) { problems.append("the \(side) has an unbalanced \(unbalanced)") }
        }
        switch card.kind {
        case .cloze:
            if !prompt.has(blank) { problems.append("a cloze without a blank") }
            // "[…] - emergency measure to rescue economy": the hidden part was the line's label, so nothing is left
            // to say what the card is about.
            if prompt.hasPrefix(blank + " -") || prompt.hasPrefix(blank + "-") || prompt.hasPrefix(blank + " –") {
                problems.append("a cloze of a line's label")
            }
            if Vocabulary.notNames.contains(a) { problems.append("a cloze that blanks a stop-word") }
        case .basic, .reverse, .date, .who, .choice, .exam:
            let ends = prompt.hasSuffix("?") || prompt.hasSuffix(".") || (card.kind == .exam && prompt.hasSuffix(")"))
            if !ends { problems.append("a question without a question mark") }
            if let first = prompt.unicodeScalars.first, first.isLetter, !first.properties.isUppercase {
                problems.append("a question that does not start with a capital")
            }
        case .ordering: break
        }
        if card.kind == .choice {
            if card.choices.count != 4 || Set(card.choices).count != 4 { problems.append("choices that are not four different ones") }
            if !card.choices.contains(card.answer) { problems.append("choices without the answer") }
        }
        if card.citations.isEmpty { problems.append("no citation") }
        return problems
    }

    public static let blank = "[…]"

    /// "starts with 'and'", "ends with 'e.g.'": a fragment's edge.
    static func danglingEdge(_ text: String) -> String? {
        let words = text.split(separator: " ").map { $0.lowercased().trimmingPunctuationKeepingAbbreviations() }
        guard let first = words.first, let last = words.last else { return nil }
        // A sentence may open with a preposition or an article ("In 1936 the first…", "From 1929 to 1931…"), not
        // with a word that joins it to something before.
        if danglingStarts.contains(first) { return "starts with '\(first)'" }
        if danglingWords.contains(last) || last.hasSuffix("-") { return "ends with '\(last)'" }
        return nil
    }

    /// The first kind of bracket or quotation mark that is opened and not closed (or closed and not opened).
    static func unbalanced(_ text: String) -> String? {
        var depth: [Character: Int] = ["(": 0, "[": 0]
        for c in text {
            switch c {
            case "(": depth["(", default: 0] += 1
            case ")": depth["(", default: 0] -= 1
            case "[": depth["[", default: 0] += 1
            case "]": depth["[", default: 0] -= 1
            default: break
            }
            if depth.values.contains(where: { $0 < 0 }) { return "bracket" }
        }
        if depth.values.contains(where: { $0 != 0 }) { return "bracket" }
        if text.filter({ $0 == "\"" }).count % 2 != 0 { return "quotation mark" }
        if text.filter({ $0 == "“" }).count != text.filter({ $0 == "”" }).count { return "quotation mark" }
        if text.filter({ $0 == "‘" }).count > text.filter({ $0 == "’" }).count { return "quotation mark" }
        return nil
    }
}

extension String {
    /// Trailing and leading punctuation off, but "e.g." keeps its dots so it is recognised.
    fileprivate func trimmingPunctuationKeepingAbbreviations() -> String {
        let t = trimming([",", ";", ":", "!", "?", "(", ")", "\"", "“", "”", "'", "‘", "’"])
        if t == "e.g." || t == "i.e." { return t.filter { $0 != "." } }
        return t.hasSuffix(".") ? String(t.dropLast()) : t
    }
}
