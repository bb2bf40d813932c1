/// A sentence cut into words, each knowing whether it is capitalised, where it starts and what follows it:
/// what name finding and the fact patterns read.
struct Words {
    struct Word {
        /// As written, without a possessive "'s".
        var text: String
        /// Lowercased, for comparisons.
        var lower: String
        /// Offset of the word in the sentence's unicode scalars.
        var start: Int
        var end: Int
        var isCapitalised: Bool
        /// Two or more letters, all capitals: "NEP", "NKVD".
        var isAcronym: Bool
        /// Written "X's" or "X'": the 's is not part of `text`.
        var isPossessive: Bool
        /// First of its sentence, or first after a colon, dash, bullet or opening bracket: its capital says nothing.
        var opensClause: Bool
        /// Made of digits.
        var isNumber: Bool
        /// The punctuation (if any) between this word and the next: ",", ":", "-", "(", …; empty for a space.
        var punctuationAfter: String
    }

    var items: [Word]
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        items = []
        var i = 0
        let n = scalars.count
        var clauseOpen = true
        while i < n {
            let c = scalars[i]
            if c.properties.isAlphabetic || isDigit(c) {
                let start = i
                while i < n {
                    let s = scalars[i]
                    if s.properties.isAlphabetic || isDigit(s) {
                        i += 1
                    } else if (s == "'" || s == "’" || s == "-" || s == "&") && i + 1 < n
                        && (scalars[i + 1].properties.isAlphabetic) && i > start
                    {
                        // "Lenin's" is handled below; "K&Z", "Marxist-Leninist", "don't" stay whole.
                        if (s == "'" || s == "’") && (scalars[i + 1] == "s" || scalars[i + 1] == "S")
                            && (i + 2 >= n || !scalars[i + 2].properties.isAlphabetic)
                        {
                            break
                        }
                        i += 1
                    } else {
                        break
                    }
                }
                var end = i
                var possessive = false
                if i + 1 < n, scalars[i] == "'" || scalars[i] == "’", scalars[i + 1] == "s" || scalars[i + 1] == "S",
                    i + 2 >= n || !scalars[i + 2].properties.isAlphabetic
                {
                    possessive = true
                    i += 2
                } else if i < n, scalars[i] == "'" || scalars[i] == "’", scalars[i - 1] == "s",
                    i + 1 >= n || !scalars[i + 1].properties.isAlphabetic, start > 0,
                    scalars[start - 1] != "'" && scalars[start - 1] != "‘"
                {
                    possessive = true
                    i += 1
                }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<end])
                let text = String(view)
                let first = scalars[start]
                let letters = scalars[start..<end].filter { $0.properties.isAlphabetic }
                let isNumber = letters.isEmpty
                let capital = first.properties.isUppercase
                let acronym = letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
                items.append(
                    Word(
                        text: text, lower: text.lowercased(), start: start, end: end, isCapitalised: capital,
                        isAcronym: acronym, isPossessive: possessive, opensClause: clauseOpen, isNumber: isNumber,
                        punctuationAfter: ""))
                end = i
                clauseOpen = false
                // What lies between this word and the next.
                var punctuation = String.UnicodeScalarView()
                while i < n, !(scalars[i].properties.isAlphabetic || isDigit(scalars[i])) {
                    if scalars[i] != " " { punctuation.append(scalars[i]) }
                    i += 1
                }
                let p = String(punctuation)
                items[items.count - 1].punctuationAfter = p
                if p.unicodeScalars.contains(where: { ":;-–—•(\"“‘.!?".unicodeScalars.contains($0) }) {
                    clauseOpen = true
                }
                _ = end
            } else {
                if ":;-–—•(\"“‘".unicodeScalars.contains(c) { clauseOpen = true }
                i += 1
            }
        }
    }

    var count: Int { items.count }
    subscript(_ i: Int) -> Word { items[i] }

    /// The text from word `a` to word `b` inclusive, as written.
    func text(_ a: Int, _ b: Int) -> String {
        guard a <= b, a >= 0, b < items.count else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[items[a].start..<items[b].end])
        return String(view)
    }

    /// The text after word `a` to the end, trimmed of punctuation at its start.
    func text(after a: Int) -> String {
        guard a + 1 < items.count else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[items[a + 1].start...])
        return String(view)
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
}
