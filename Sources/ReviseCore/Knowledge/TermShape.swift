/// Whether a phrase reads like a term a student learns ("Gosplan", "show trials", "Socialism in One Country")
/// rather than a statement or a topic heading ("Living standards dropped", "Stalin's economic motives").
enum TermShape {
    static let verbs: Set<String> = [
        "was", "were", "is", "are", "be", "been", "had", "has", "have", "became", "become", "fell", "rose", "made",
        "took", "gave", "got", "did", "does", "led", "saw", "won", "lost", "went", "came", "began", "could",
        "would", "should", "can", "will", "must", "might", "may", "wanted", "said", "felt", "thought", "knew",
        "kept", "left", "put", "set", "ran", "grew", "meant", "brought", "sought", "fought", "built", "told",
    ]

    static func isTermLike(_ phrase: String) -> Bool {
        let words = Words(phrase)
        let n = words.count
        guard n >= 1, n <= 5, phrase.utf8.count <= 120 else { return false }
        if phrase.unicodeScalars.contains(where: { "?:;!\"“”".unicodeScalars.contains($0) }) { return false }
        let first = words[0]
        let last = words[n - 1]
        if Vocabulary.notNames.contains(first.lower), !first.isAcronym, !(n > 1 && first.isNumber) { return false }
        if n == 1, first.isNumber { return false }
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
}
