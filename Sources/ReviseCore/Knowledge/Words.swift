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
        /// `lower` as word lists look it up (`WordList.contains(_:)`).
        var key: WordList.Key
        /// One letter: an initial ("M. Malia") or half of "K and Z".
        var isSingleLetter: Bool { end - start == 1 && !isNumber }
        /// "1st", "13th", "22nd": digits and an ordinal ending.
        var isOrdinal: Bool {
            let t = text.utf8
            guard t.count >= 3, t.first.map({ $0 &- 0x30 < 10 }) == true else { return false }
            return ["st", "nd", "rd", "th"].contains(lower.filter(\.isLetter))
        }
        /// The punctuation (if any) between this word and the next: ",", ":", "-", "(", …; empty for a space.
        var punctuationAfter: String
        /// A quotation mark opens after this word: the next word starts a quotation.
        var opensQuote: Bool { punctuationAfter.contains { "'‘\"“".contains($0) } }
        /// A quotation mark closes after this word.
        var closesQuote: Bool { punctuationAfter.contains { "'’\"”".contains($0) } }
    }

    var items: [Word]
    /// The UTF-8 bytes of the text, and where each scalar starts in them: slices of the text are made from
    /// bytes (a copy) rather than scalar by scalar.
    let bytes: [UInt8]
    let offsets: ScalarOffsets
    /// The text has "->", "→" or "⇒" between words.
    private(set) var hasArrow = false

    /// Where scalar `i` of the text starts in its bytes; `count` is one more than the scalars (the last entry is the
    /// end). An ASCII text, most notes, keeps no table: scalar `i` is byte `i`.
    struct ScalarOffsets {
        fileprivate let table: [Int]?
        let count: Int

        subscript(_ i: Int) -> Int {
            guard let table else {
                precondition(i >= 0 && i < count, "scalar offset out of range")
                return i
            }
            return table[i]
        }
    }

    init(_ text: String) {
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var hasArrow = false
        if ScalarText.isASCII(bytes) {
            // Scalars read straight from the bytes: no array of scalars, no table of offsets.
            offsets = ScalarOffsets(table: nil, count: bytes.count + 1)
            items = bytes.withUnsafeBufferPointer { Self.cut(ASCIIScalars(bytes: $0), bytes: $0, hasArrow: &hasArrow) }
        } else {
            let view = ScalarText(text, bytes: bytes)
            offsets = ScalarOffsets(table: view.offsets, count: view.offsets.count)
            items = bytes.withUnsafeBufferPointer {
                Self.cut(DecodedScalars(scalars: view.scalars, offsets: view.offsets), bytes: $0, hasArrow: &hasArrow)
            }
        }
        self.hasArrow = hasArrow
    }

    /// The scalars of a text and where each starts in its bytes, as the cutting reads them.
    private protocol Scalars {
        var count: Int { get }
        subscript(_ i: Int) -> Unicode.Scalar { get }
        func offset(_ i: Int) -> Int
    }

    private struct ASCIIScalars: Scalars {
        let bytes: UnsafeBufferPointer<UInt8>
        var count: Int { bytes.count }
        subscript(_ i: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[i]) }
        func offset(_ i: Int) -> Int { i }
    }

    private struct DecodedScalars: Scalars {
        let scalars: [Unicode.Scalar]
        let offsets: [Int]
        var count: Int { scalars.count }
        subscript(_ i: Int) -> Unicode.Scalar { scalars[i] }
        func offset(_ i: Int) -> Int { offsets[i] }
    }

    /// The words of a text: each run of letters and digits (with inner "'", "’", "-" or "&"), its possessive, and
    /// the punctuation up to the next.
    private static func cut(_ scalars: some Scalars, bytes: UnsafeBufferPointer<UInt8>, hasArrow: inout Bool) -> [Word] {
        var items: [Word] = []
        items.reserveCapacity(scalars.count / 5 + 1)
        var i = 0
        let n = scalars.count
        var clauseOpen = true
        while i < n {
            let c = scalars[i]
            if c.isLetter || isDigit(c) {
                let start = i
                // Its letters and capitals, and whether it is all ASCII, counted as the word is read.
                var letterCount = 0
                var capitals = 0
                var ascii = true
                while i < n {
                    let s = scalars[i]
                    if s.isLetter {
                        letterCount &+= 1
                        if s.isCapital { capitals &+= 1 }
                        if s.value >= 0x80 { ascii = false }
                        i &+= 1
                    } else if isDigit(s) {
                        i &+= 1
                    } else if (s == "'" || s == "’" || s == "-" || s == "&") && i + 1 < n
                        && (scalars[i + 1].isLetter) && i > start
                    {
                        // "Lenin's" is handled below; "K&Z", "Marxist-Leninist", "don't" stay whole.
                        if (s == "'" || s == "’") && (scalars[i + 1] == "s" || scalars[i + 1] == "S")
                            && (i + 2 >= n || !scalars[i + 2].isLetter)
                        {
                            break
                        }
                        if s.value >= 0x80 { ascii = false }
                        i &+= 1
                    } else {
                        break
                    }
                }
                let end = i
                var possessive = false
                if i + 1 < n, scalars[i] == "'" || scalars[i] == "’", scalars[i + 1] == "s" || scalars[i + 1] == "S",
                    i + 2 >= n || !scalars[i + 2].isLetter
                {
                    possessive = true
                    i &+= 2
                } else if i < n, scalars[i] == "'" || scalars[i] == "’", scalars[i - 1] == "s",
                    i + 1 >= n || !scalars[i + 1].isLetter, start > 0,
                    scalars[start - 1] != "'" && scalars[start - 1] != "‘"
                {
                    possessive = true
                    i &+= 1
                }
                let from = scalars.offset(start)
                let to = scalars.offset(end)
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
                let first = scalars[start]
                let lower: String
                if capitals == 0 {
                    lower = text
                } else if ascii {
                    // ASCII capitals lowered straight from the bytes (what `lowercased()` gives for them).
                    lower = String(unsafeUninitializedCapacity: to - from, initializingUTF8With: { buffer in
                        for k in 0..<buffer.count {
                            let b = bytes[from + k]
                            buffer[k] = b &- 0x41 < 26 ? b | 0x20 : b
                        }
                        return buffer.count
                    })
                } else {
                    lower = text.lowercased()
                }
                let key = WordList.Key(word: lower)
                items.append(
                    Word(
                        text: text, lower: lower, start: start, end: end,
                        isCapitalised: first.isCapital, isAcronym: letterCount >= 2 && capitals == letterCount,
                        isPossessive: possessive, opensClause: clauseOpen, isNumber: letterCount == 0, key: key,
                        punctuationAfter: ""))
                clauseOpen = false
                // What lies between this word and the next, without its spaces (copied from the bytes).
                let gapStart = i
                var spaces = 0
                while i < n, !(scalars[i].isLetter || isDigit(scalars[i])) {
                    let c = scalars[i]
                    if c != " " {
                        if Self.opensClause(c) || c == "!" || c == "?" { clauseOpen = true }
                        // A full stop ends a clause, except after "e.g", "i.e", "approx": "e.g. Staknovites".
                        if c == ".", !Self.abbreviationsBeforeNames.contains(items[items.count - 1]) { clauseOpen = true }
                        if c == ">" || c == "→" || c == "⇒" { hasArrow = true }
                    } else {
                        spaces &+= 1
                    }
                    i &+= 1
                }
                if i - gapStart > spaces {
                    let gap = UnsafeBufferPointer(rebasing: bytes[scalars.offset(gapStart)..<scalars.offset(i)])
                    items[items.count - 1].punctuationAfter = spaces == 0
                        ? String(decoding: gap, as: UTF8.self)
                        : String(decoding: gap.filter { $0 != 0x20 }, as: UTF8.self)
                }
            } else {
                if Self.opensClause(c) { clauseOpen = true }
                i &+= 1
            }
        }
        return items
    }

    /// Words whose full stop does not end a clause: the parts of "e.g." and "i.e.", "approx.", "c." (circa).
    static let abbreviationsBeforeNames: WordList = ["e", "g", "eg", "ie", "vs", "approx", "cf", "ca", "c", "viz"]

    static let clauseOpeners: Set<Unicode.Scalar> = [":", ";", "-", "–", "—", "•", "(", "\"", "“", "‘"]

    /// One of `clauseOpeners`, without hashing.
    @inline(__always) static func opensClause(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ":", ";", "-", "–", "—", "•", "(", "\"", "“", "‘": return true
        default: return false
        }
    }

    var count: Int { items.count }

    /// Word `i`, lent rather than copied: a pattern reading one field of a word does not copy (and retain) the
    /// word's three strings.
    subscript(_ i: Int) -> Word {
        _read { yield items[i] }
    }

    /// The last word of the clause that starts at word `a`: up to ";", ":" or "." (and a comma, once the clause has
    /// `commaAfter` words), at most 25 words on.
    func clauseEnd(from a: Int, commaAfter: Int? = nil) -> Int {
        var m = a
        while m + 1 < count, m - a < 24, !items[m].punctuationAfter.contains(where: { ";:.".contains($0) }),
            !(commaAfter.map { m - a + 1 >= $0 } ?? false && items[m].punctuationAfter.contains(","))
        {
            m += 1
        }
        return m
    }

    /// The text from word `a` to word `b` inclusive, as written.
    func text(_ a: Int, _ b: Int) -> String {
        guard a <= b, a >= 0, b < items.count else { return "" }
        return String(decoding: bytes[offsets[items[a].start]..<offsets[items[b].end]], as: UTF8.self)
    }

    /// The text after word `a` to the end, trimmed of punctuation at its start.
    func text(after a: Int) -> String {
        guard a + 1 < items.count else { return "" }
        return String(decoding: bytes[offsets[items[a + 1].start]...], as: UTF8.self)
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
}
