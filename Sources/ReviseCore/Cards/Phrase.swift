/// Small pieces of English for writing cards: tidying a copied phrase, and turning a dated statement into a
/// question ("Trotsky / Expelled from Politburo" → "In which year was Trotsky expelled from Politburo?"). Only
/// shapes that need no change to a verb are turned into questions; the rest become clozes of the year.
enum Phrase {
    /// Trimmed of punctuation and of the connecting words a phrase cut from a sentence keeps at its ends.
    static func tidy(_ text: String) -> String {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        func edge(_ w: String) -> String { w.lowercased().trimmingPunctuation() }
        while let first = words.first, edge(first).isEmpty || leadingJunk.contains(edge(first)) { words.removeFirst() }
        while let last = words.last, edge(last).isEmpty || CardQuality.danglingWords.contains(edge(last)) {
            words.removeLast()
        }
        var result = words.joined(separator: " ")
        while let c = result.last, ",;:-–—•.".contains(c) { result.removeLast() }
        while let c = result.first, ",;:-–—•.)".contains(c) { result.removeFirst() }
        result = result.trimming([" "])
        return CardQuality.unbalanced(result) == nil ? result : stripUnbalanced(result)
    }

    /// Words a copied clause often starts with that no card should: "and", "but", "e.g.", "which".
    static let leadingJunk: Set<String> = [
        "and", "or", "but", "so", "because", "e.g", "eg", "i.e", "ie", "which", "that", "then", "also", "however",
        "whilst", "while", "although", "as", "-", "–",
    ]

    /// Brackets and quotation marks that do not pair up, removed.
    static func stripUnbalanced(_ text: String) -> String {
        String(text.filter { !"()[]\"“”‘".contains($0) }).trimming([" "])
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    static func lowercasedFirst(_ text: String) -> String {
        let words = text.split(separator: " ", maxSplits: 1)
        guard let first = words.first, first.count > 1 else { return text }
        // "The Great Terror" keeps its capitals after "The"; a lone capitalised word that is a name keeps its own.
        let rest = first.dropFirst()
        if rest.contains(where: \.isUppercase) { return text }
        if ["The", "A", "An"].contains(String(first)) || Vocabulary.notNames.contains(first.lowercased()) {
            return first.lowercased() + (words.count > 1 ? " " + words[1] : "")
        }
        return text
    }

    static func withArticle(_ role: String) -> String {
        let lower = role.lowercased()
        if lower.hasPrefix("the ") || lower.hasPrefix("a ") || lower.hasPrefix("an ") { return role }
        return "the " + role
    }

    /// "the NKVD", "the 1st of December Law", "the Troika" (a body), but "propaganda" and "Stalin" as they are.
    static func withArticleIfCommon(_ thing: String, isBody: Bool) -> String {
        let words = thing.split(separator: " ")
        guard let first = words.first else { return thing }
        if ["the", "a", "an"].contains(first.lowercased()) { return lowercasedFirst(thing) }
        let acronym = TermShape.isAcronym(String(first))
        let named = ["law", "act", "plan", "decree", "code", "pact", "treaty"].contains(words.last!.lowercased())
        if acronym || named || isBody { return "the " + thing }
        return words.count > 1 && !words.dropFirst().contains(where: { $0.first?.isUppercase == true })
            ? lowercasedFirst(thing) : thing
    }

    /// "Commissar for War", "head of the Red Army", "editor": a post, not a clause.
    static func startsLikeRole(_ role: String) -> Bool {
        guard let first = role.split(separator: " ").first?.lowercased() else { return false }
        return !TermShape.verbs.contains(first) && !TermShape.statementOpeners.contains(first)
            && !first.hasSuffix("ed") && !first.hasSuffix("ing")
    }

    static func startsLikeNounPhrase(_ text: String) -> Bool {
        guard let first = text.split(separator: " ").first?.lowercased() else { return false }
        return !TermShape.statementOpeners.contains(first) && !TermShape.verbs.contains(first)
    }

    // MARK: Questions about years

    /// "In which year was/did …?" for a dated statement, or nil when the statement does not have a shape that makes
    /// a clear question (then a cloze is written instead).
    static func yearQuestion(_ statement: String, person: String?) -> String? {
        let words = statement.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        let lower = words.map { $0.lowercased() }
        // "a new divorce law was passed", "Kirov was murdered": was/were and a participle.
        if let k = lower.firstIndex(where: { $0 == "was" || $0 == "were" }), k >= 1, k <= 6, k + 1 < words.count,
            isParticiple(lower[k + 1]), startsLikeSubject(words[0])
        {
            let subject = lowercasedFirst(words[0..<k].joined(separator: " "))
            let rest = mainClause(Array(words[(k + 1)...]))
            guard rest.count <= 12 else { return nil }
            return "In which year \(lower[k]) \(subject) \(tidy(rest.joined(separator: " ")))?"
        }
        // "Expelled from Politburo" under a person: "In which year was Trotsky expelled from Politburo?"
        if let person, isParticiple(lower[0]), !statement.has(person) {
            let rest = mainClause(Array(words.dropFirst()))
            guard rest.count <= 12 else { return nil }
            return "In which year was \(person) \(lower[0]) \(tidy(rest.joined(separator: " ")))?"
        }
        return nil
    }

    /// The clause of a sentence that holds `needle`: the sentence cut at commas, semicolons, dashes and "and",
    /// keeping the piece with the needle when it can stand alone (five words or more).
    static func clause(holding needle: String, in sentence: String) -> String {
        // A quotation of several sentences ("'We are fifty or a hundred years behind the advanced countries. We must
        // …'") is cut at its full stops first; "e.g." and the like do not end one.
        var pieces: [String] = []
        for piece in sentence.pieces(separatedBy: ". ") {
            let lastWord = pieces.last?.split(separator: " ").last.map { $0.lowercased() } ?? ""
            if let previous = pieces.last, Sentences.abbreviations.contains(lastWord) || lastWord.count == 1 {
                pieces[pieces.count - 1] = previous + ". " + piece
            } else {
                pieces.append(piece)
            }
        }
        for separator in ["; ", ", ", " - ", " – ", " and "] {
            pieces = pieces.flatMap { $0.pieces(separatedBy: separator) }
        }
        // A piece without a verb is part of a list ("Stalin, Kamenev and Zinoviev against Trotsky in …"), not a
        // clause that can stand alone.
        guard let piece = pieces.first(where: { $0.has(needle) }), piece.wordCount >= 5, hasVerb(piece) else { return sentence }
        return tidy(piece)
    }

    /// A statement that reads on its own in a list: no dangling start ("Rising to 93%", "Onwards - …", "and…").
    static func standsAlone(_ text: String) -> Bool {
        guard let first = text.split(separator: " ").first?.lowercased().trimmingPunctuation() else { return false }
        // Nor one that leans on the sentence before ("He was arrested…", "Had been…") or lost its date ("( )").
        let leaning: Set<String> = ["onwards", "after", "until", "he", "she", "they", "it", "his", "her", "their", "had", "has", "have"]
        return CardQuality.danglingEdge(text) == nil && !first.hasSuffix("ing") && !leaning.contains(first)
            && !text.has(" - ") && !text.has("( )") && !text.has("()")
    }

    static func hasVerb(_ text: String) -> Bool {
        text.split(separator: " ").contains { word in
            let w = word.lowercased().trimmingPunctuation()
            return TermShape.verbs.contains(w) || isParticiple(w)
        }
    }

    /// A statement cut before what follows its main clause: "built once operating provided…" → "built".
    static func mainClause(_ words: [String]) -> [String] {
        let stops: Set<String> = ["and", "once", "before", "after", "followed", "which", "who", "but", "while", "whilst", "so", "because", "-", "–"]
        var kept: [String] = []
        for w in words {
            if stops.contains(w.lowercased()) && !kept.isEmpty { break }
            kept.append(w)
            if let last = w.last, ",;:".contains(last), kept.count >= 2 {
                kept[kept.count - 1] = String(w.dropLast())
                break
            }
        }
        return kept
    }

    static func startsLikeSubject(_ word: String) -> Bool {
        let lower = word.lowercased()
        return !TermShape.statementOpeners.subtracting(["the", "a", "an"]).contains(lower) && !lower.hasSuffix(",")
    }

    static let irregularParticiples: Set<String> = [
        "made", "given", "taken", "shot", "sent", "set", "built", "won", "lost", "held", "put", "thrown", "beaten",
        "chosen", "driven", "forgotten", "known", "seen", "shown", "sold", "told", "written", "begun", "brought",
        "bought", "caught", "found", "kept", "led", "left", "paid", "read", "run", "split", "spent", "struck",
        "undertaken", "overthrown", "withdrawn", "frozen", "hidden", "slain",
    ]

    static func isParticiple(_ word: String) -> Bool {
        let w = word.trimmingPunctuation()
        return irregularParticiples.contains(w) || (w.count > 4 && w.hasSuffix("ed") && !["need", "indeed"].contains(w))
    }
}
