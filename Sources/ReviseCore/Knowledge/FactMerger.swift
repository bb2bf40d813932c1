/// Makes one fact of the same fact told several times: same kind, same date or subject, mostly the same words.
/// The merged fact keeps the clearest wording and every citation.
enum FactMerger {
    static func merge(_ facts: [Fact]) -> [Fact] {
        // Exact repeats first (cheap), then near repeats within a bucket of the same kind and key.
        var byExact: [String: Int] = [:]
        var merged: [Fact] = []
        for fact in facts {
            let key = fact.kind.rawValue + "|" + exactKey(fact)
            if let i = byExact[key] {
                merged[i].citations.append(contentsOf: fact.citations)
            } else {
                byExact[key] = merged.count
                merged.append(fact)
            }
        }
        var buckets: [String: [Int]] = [:]
        for (i, fact) in merged.enumerated() { buckets[bucketKey(fact), default: []].append(i) }
        var absorbed = Set<Int>()
        for (_, indices) in buckets where indices.count > 1 {
            let words = indices.map { ContentWords.of(merged[$0].kind == .definition ? (merged[$0].detail ?? "") : merged[$0].text) }
            for a in 0..<indices.count where !absorbed.contains(indices[a]) {
                for b in (a + 1)..<indices.count where !absorbed.contains(indices[b]) {
                    guard sameFact(merged[indices[a]], merged[indices[b]], words[a], words[b]) else { continue }
                    let x = merged[indices[a]]
                    let y = merged[indices[b]]
                    // A dated post is the one kept: its date and its line are the claim a disagreement cites.
                    let keepFirst = x.kind == .role && (x.when == nil) != (y.when == nil) ? x.when != nil : clearer(x, y)
                    let (keep, drop) = keepFirst ? (indices[a], indices[b]) : (indices[b], indices[a])
                    merged[keep].citations.append(contentsOf: merged[drop].citations)
                    for m in merged[drop].mentions where !merged[keep].mentions.contains(m) { merged[keep].mentions.append(m) }
                    absorbed.insert(drop)
                    if drop == indices[a] { break }
                }
            }
        }
        return merged.enumerated().compactMap { i, fact in
            guard !absorbed.contains(i) else { return nil }
            var fact = fact
            let own = fact.citations.first
            fact.citations = Array(Set(fact.citations)).sorted()
            // A dated post cites its own line first, where the date is.
            if fact.kind == .role, fact.when != nil, let own, let k = fact.citations.firstIndex(of: own) {
                fact.citations.remove(at: k)
                fact.citations.insert(own, at: 0)
            }
            return fact
        }
    }

    private static func exactKey(_ fact: Fact) -> String {
        switch fact.kind {
        case .definition: (fact.subject ?? "").lowercased() + "|" + (fact.detail ?? "").lowercased()
        // A post held from different years is kept apart: the notes may disagree on when it began.
        case .role: (fact.subject ?? "") + "|" + (fact.detail ?? "").lowercased() + "|" + (fact.when.map { "\($0.year)" } ?? "")
        // Two numbers of one clause are two statistics: "70% of the Central Committee and 50% of the Congress".
        case .statistic: fact.text.lowercased() + "|" + (fact.when?.description ?? "") + "|" + (fact.quantity?.text ?? "")
        default: fact.text.lowercased() + "|" + (fact.when?.description ?? "")
        }
    }

    private static func bucketKey(_ fact: Fact) -> String {
        switch fact.kind {
        case .event: "event|\(fact.when?.year ?? 0)|\(fact.when?.lastYear ?? 0)"
        case .definition: "definition|" + (fact.subject ?? "").lowercased()
        case .role: "role|" + (fact.subject ?? "")
        case .statistic: "statistic|\(fact.quantity?.value ?? 0)|\(fact.quantity?.unit ?? "")"
        case .quote: "quote|" + ContentWords.of(fact.detail ?? "").sorted().prefix(4).joined(separator: " ")
        case .cause, .list: fact.kind.rawValue + "|" + fact.text.lowercased()
        }
    }

    private static func sameFact(_ a: Fact, _ b: Fact, _ wa: Set<String>, _ wb: Set<String>) -> Bool {
        switch a.kind {
        case .definition: return true
        case .role:
            // A post said to begin in two different years is kept twice: the notes may disagree on when.
            if let wa = a.when, let wb = b.when, wa.year != wb.year { return false }
            return ContentWords.of(a.detail ?? "") == ContentWords.of(b.detail ?? "")
                || ContentWords.overlap(ContentWords.of(a.detail ?? ""), ContentWords.of(b.detail ?? "")) >= 0.6
        case .event:
            // Two people's events of one year are two events ("Zinoviev was ousted from the Politburo" and
            // Trotsky's "Expelled from Politburo"). The year is the bucket's, so it is no evidence: the words must
            // share two more.
            if let sa = a.subject, let sb = b.subject, sa != sb, a.mentions.first == sa, b.mentions.first == sb { return false }
            let ya = wa.filter { !$0.allSatisfy(\.isNumber) }
            let yb = wb.filter { !$0.allSatisfy(\.isNumber) }
            // "Yezhov was removed from office" and "This signalled the end of the terror" are two things, however
            // alike their other words: what happens in them must agree.
            if happening(a.text) != happening(b.text) { return false }
            return ya.intersection(yb).count >= 2 && ContentWords.overlap(ya, yb) >= 0.5
        default: return ContentWords.overlap(wa, wb) >= 0.5
        }
    }

    /// What happens to someone in an event, as ConflictFinder names it: "death", "arrest", "purge", a removal…
    private static func happening(_ text: String) -> Set<String> {
        var result = Set<String>()
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            let w = String(word)
            if let h = ConflictFinder.happenings[w] { result.insert(h) }
            if ConflictFinder.removalWords.contains(w) { result.insert("removal") }
        }
        return result
    }

    /// The clearer wording: a definition of moderate length without a dangling end; else the shorter.
    private static func clearer(_ a: Fact, _ b: Fact) -> Bool {
        func score(_ f: Fact) -> Int {
            let text = f.kind == .definition ? (f.detail ?? "") : f.text
            let n = text.wordCount
            var s = -abs(n - 12)
            if text.hasSuffix("...") || text.hasSuffix(",") || text.hasSuffix(" and") { s -= 10 }
            return s
        }
        return score(a) >= score(b)
    }
}

/// The words of a text that carry its meaning: lowercased, without the common words, plurals folded.
enum ContentWords {
    /// Common words that still tell one thing from another: "first plan", "second plan".
    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third",
    ]

    static func of(_ text: String) -> Set<String> {
        var result = Set<String>()
        var word = String.UnicodeScalarView()
        func flush() {
            if word.count >= 3 {
                var w = String(word).lowercased()
                if !Vocabulary.notNames.contains(w) || numberWords.contains(w) {
                    if w.count > 4, w.hasSuffix("s") { w.removeLast() }
                    result.insert(w)
                }
            } else if word.count >= 1, word.allSatisfy({ $0.value >= 48 && $0.value <= 57 }) {
                result.insert(String(word))
            }
            word = String.UnicodeScalarView()
        }
        for s in text.unicodeScalars {
            if s.isLetter || (s.value >= 48 && s.value <= 57) {
                word.append(s)
            } else if s == "'" || s == "’" {
                continue
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// Shared words over the smaller set's size: 1 when one says all the other does.
    static func overlap(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(min(a.count, b.count))
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }
}
