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
        // "New Soviet Man", "Old Bolsheviks", "Last Testament": a capitalised "New", "Old" or "Last" opens a name
        // of several words.
        let opensName = n > 1 && first.isCapitalised && ["new", "old", "last"].contains(first.lower)
        // A phrase in lower case after its first word may open with a word that is not a name when capitalised
        // ("show trials"), but not with a function word, nor be all everyday words ("key points").
        let lowerBody = n > 1 && words.items.dropFirst().allSatisfy { !$0.isCapitalised }
        let plain = lowerBody
            ? Vocabulary.leadingFunctionWords.contains(first)
                || (Vocabulary.notNames.contains(first) && Vocabulary.notNames.contains(last))
            : Vocabulary.notNames.contains(first)
        if plain, !first.isAcronym, !(n > 1 && first.isNumber), !opensName { return false }
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

    /// A heading that names a thing the notes teach: "The totalitarian view", "Labour camps:", "The show trials:",
    /// "1936 constitution:", "Structuralist arguement:", "The Kirov murder 1934:". Two or three words after an
    /// optional "The", in lower case
    /// but for the heading's first word (or a year), no possessive, no verb, and not ending in a word for a part of
    /// an essay or a topic ("Living standards", "Political factors", "Social impact", "Key dates").
    static func headingTerm(_ heading: String) -> String? {
        // The last of a heading's parts ("Culture in Stalin's USSR: Cultural revolution"), without the years it
        // ends with ("The grain procurement crisis 1927-1929").
        // After the last ": " (found by its bytes: Foundation's backwards search was most of this function's time).
        let part = heading.lastByteRange(of: ": ").map { String(heading[$0.upperBound...]) } ?? heading
        var words = Words(part).items
        while let last = words.last, last.isNumber { words.removeLast() }
        let opensWithThe = words.first?.lower == "the"
        if opensWithThe { words.removeFirst() }
        // A group named in capitals: "The Twenty Five Thousanders".
        if opensWithThe, words.count >= 2, words.count <= 3, let last = words.last, last.lower.hasSuffix("s"),
            !last.lower.hasSuffix("ss"), words.allSatisfy({ $0.isCapitalised && !$0.isPossessive && $0.punctuationAfter.isEmpty || $0.start == last.start }),
            !topicWords.contains(last.lower)
        {
            return words.map(\.text).joined(separator: " ")
        }
        guard words.count >= 2, words.count <= 3, let last = words.last, !topicWords.contains(last.lower) else { return nil }
        for (k, w) in words.enumerated() {
            // The first word may be a verb's spelling that is also a noun ("Show trials").
            guard !w.isPossessive, k == 0 ? !Vocabulary.leadingFunctionWords.contains(w) : !Vocabulary.notNames.contains(w),
                k == 0 || !isVerbLike(w.lower),
                k == 0 || !(w.isCapitalised || w.isNumber), !w.isNumber || w.text.utf8.count == 4,
                k == words.count - 1 || w.punctuationAfter.isEmpty
            else { return nil }
        }
        return words.map(\.text).joined(separator: " ")
    }

    /// Last words of headings that name a topic or a part of an essay rather than a thing.
    static let topicWords: WordList = [
        "impact", "impacts", "factor", "factors", "aspect", "aspects", "achievement", "achievements", "standard",
        "standards", "condition", "conditions", "structure", "struggle", "interpretation", "interpretations", "history",
        "summary", "background", "conclusion", "conclusions", "introduction", "overview", "reason", "reasons", "cause",
        "causes", "consequence", "consequences", "effect", "effects", "result", "results", "problem", "problems",
        "advantage", "advantages", "disadvantage", "disadvantages", "strength", "strengths", "weakness", "weaknesses",
        "aim", "aims", "date", "dates", "policies", "change", "changes", "development", "developments", "opinion",
        "opinions", "issue", "issues", "life", "lives", "society", "success", "successes", "failure", "failures",
        "points", "notes", "questions", "answers", "sources", "evidence", "example", "examples", "features", "role",
        "roles", "response", "responses", "methods", "ideas", "views", "arguments", "debate", "significance",
        "importance", "context", "timeline", "terms", "definitions", "vocabulary", "resources",
    ]

    /// A verb by the word list, or a longer word in "-ed" (a past tense or a participle): "became", "controlled".
    static func isVerbLike(_ word: String) -> Bool {
        verbs.contains(word) || (word.count > 4 && word.hasSuffix("ed"))
    }

    /// A word that names a process, a policy or a doctrine by its ending: "collectivisation", "Russification",
    /// "factionalism".
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
