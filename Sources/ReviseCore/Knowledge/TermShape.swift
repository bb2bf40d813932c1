/// Whether a phrase reads like a term a student learns ("Gosplan", "show trials", "Socialism in One Country")
/// rather than a statement or a topic heading ("Living standards dropped", "Stalin's economic motives").
enum TermShape {
    static let verbs: WordList = [
        "was", "were", "is", "are", "be", "been", "had", "has", "have", "became", "become", "fell", "rose", "made",
        "took", "gave", "got", "did", "does", "led", "saw", "won", "lost", "went", "came", "began", "could",
        "would", "should", "can", "will", "must", "might", "may", "wanted", "said", "felt", "thought", "knew",
        "kept", "left", "put", "set", "ran", "grew", "meant", "brought", "sought", "fought", "built", "told",
        "overtook", "undertook", "drove", "chose", "wrote", "spoke", "broke", "fled", "sold", "bought", "paid", "held",
        "struck", "threw", "sent", "spent", "stood", "understood", "caught", "taught", "forbade", "overthrew",
    ]

    /// Two or more letters, all capitals: "NEP", "NKVD", "K&Z".
    static func isAcronym(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.isLetter }
        return letters.count >= 2 && letters.allSatisfy { $0.isCapital }
    }

    static let adjectiveEndings = ["al", "ic", "ous", "ive", "ed", "ly", "ful", "ern", "ical", "less"]

    static func isTermLike(_ phrase: String) -> Bool {
        let words = Words(phrase)
        let n = words.count
        guard n >= 1, n <= 5, phrase.utf8.count <= 120 else { return false }
        if phrase.unicodeScalars.contains(where: { "?:;!\"“”".unicodeScalars.contains($0) }) { return false }
        let first = words[0]
        let last = words[n - 1]
        // "New Soviet Man", "Old Bolsheviks": a capitalised "New" or "Old" opens a name of several words.
        let opensName = n > 1 && first.isCapitalised && ["new", "old"].contains(first.lower)
        if Vocabulary.notNames.contains(first.lower), !first.isAcronym, !(n > 1 && first.isNumber), !opensName { return false }
        if n == 1, first.isNumber { return false }
        // A lone adjective or participle is not a term: "economic", "unofficial", "liquidated", "western".
        if n == 1, !first.isCapitalised, adjectiveEndings.contains(where: { first.lower.hasSuffix($0) }) { return false }
        if ["of", "and", "or", "the", "a", "to", "in", "for", "with", "by", "on"].contains(last.lower) { return false }
        for (k, w) in words.items.enumerated() {
            if verbs.contains(w.lower) { return false }
            if !w.isCapitalised, w.lower.count > 4, w.lower.hasSuffix("ed") || w.lower.hasSuffix("ly"), n >= 2 {
                return false
            }
            // A possessive makes a topic ("Stalin's personality") unless a name follows ("Lenin's Testament").
            if w.isPossessive, !(k + 1 < n && words[k + 1].isCapitalised) { return false }
            if !w.punctuationAfter.isEmpty, k < n - 1, !["-", "/", "&", "'", "’"].contains(w.punctuationAfter) { return false }
        }
        return true
    }

    /// A word that names a process, a policy or a doctrine by its ending: "collectivisation", "Russification",
    /// "factionalism".
    /// A heading that is a lower-case name of a view, policy or model: "The totalitarian view" gives "totalitarian
    /// view". One or two describing words, then a word for what it is (`Vocabulary.kindNouns`).
    static func namedKind(_ heading: String) -> String? {
        var words = Words(heading).items
        if words.first?.lower == "the" { words.removeFirst() }
        guard words.count >= 2, words.count <= 3, let last = words.last, Vocabulary.kindNouns.contains(last.lower),
            words.allSatisfy({ !$0.isCapitalised && !$0.isNumber && !$0.isPossessive && !Vocabulary.notNames.contains($0.lower) })
        else { return nil }
        return words.map(\.text).joined(separator: " ")
    }

    /// A verb by the word list, or a longer word in "-ed" (a past tense or a participle): "became", "controlled".
    static func isVerbLike(_ word: String) -> Bool {
        verbs.contains(word) || (word.count > 4 && word.hasSuffix("ed"))
    }

    static func isConceptNoun(_ word: String) -> Bool {
        let w = word.lowercased()
        guard w.count >= 8 else { return false }
        return ["isation", "ization", "ification", "ism"].contains { w.hasSuffix($0) }
    }

    /// Words that start a statement rather than an explanation: the body of a topic label ("Peasant complaints:
    /// During the 1920s the number … increased", "Secretariat: This position allowed him …").
    static let statementOpeners: WordList = [
        "he", "she", "it", "they", "we", "i", "you", "this", "these", "those", "there", "his", "her", "their", "its",
        "during", "between", "despite", "although", "though", "after", "before", "since", "when", "while", "in",
        "on", "at", "by", "from", "throughout", "however", "but", "and", "so", "because", "as", "if", "then",
        "began", "was", "were", "had", "did",
    ]

    /// Whether the text after "Term:" or "Term -" explains the term ("state planning commission", "a land policy
    /// put forward by …") rather than going on about a topic ("Farming continued to be very primitive",
    /// "Between 1924 and 1927").
    static func isGloss(_ meaning: String, of term: String) -> Bool {
        let words = Words(meaning)
        guard words.count > 0 else { return false }
        var first = 0
        // "Gosplan - 1921 - state planning commission": a date before the meaning.
        while first < words.count - 1, words[first].isNumber { first += 1 }
        if statementOpeners.contains(words[first].lower) || words[first].lower.hasSuffix("ly") { return false }
        // "a land policy put forward by Stalin": an article starts a description, unless a "was" or "is" soon
        // makes it a statement ("the NEP was a retreat to capitalism").
        if ["a", "an", "the"].contains(words[first].lower) {
            let copulas: Set<String> = ["was", "were", "is", "are", "had", "has"]
            return !words.items.dropFirst(first).prefix(5).contains { copulas.contains($0.lower) }
        }
        // A verb among the first words makes a statement: "mistakes were left untreated", "share of GDP rose".
        for k in first..<min(words.count, first + 5) {
            let w = words[k]
            if verbs.contains(w.lower) || (k > first && w.lower.count > 4 && w.lower.hasSuffix("ed")) { return false }
            if !w.punctuationAfter.isEmpty { break }
        }
        // A body that repeats its label's main word is about the topic, not a meaning of it ("Inefficient
        // Farming: Farming continued …").
        let head = Words(term)
        guard head.count > 0 else { return false }
        let stem = String(head[head.count - 1].lower.prefix(5))
        if stem.count >= 4, words.items.prefix(8).contains(where: { $0.lower.hasPrefix(stem) }) { return false }
        return true
    }
}
