/// Finds the numbers in a line of notes that are worth remembering: "10 million died", "700,000 executed",
/// "80% of investments", "from 67 to 48 million", "2.5 million tonnes", "two million", and shares written as
/// fractions or counts ("1/4 of", "one third of", "1108 of the 1966": percentages), and changes ("dropped by
/// 4 million", `Quantity.isChange`).
///
/// Years, day numbers, exam marks and small counts ("3 reasons") are not statistics; dates are left to
/// `DateFinder`, whose ranges are passed in so a year is never read as a number too.
public enum QuantityFinder {
    public struct Match: Hashable, Sendable {
        public var quantity: Quantity
        public var range: Range<Int>
    }

    static let scales: [String: Double] = [
        "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
        "bn": 1e9, "hundred": 1e2,
    ]
    static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "half": 0.5, "a": 1,
    ]
    /// The value of a number word (`numberWords`), asked of every word: most are not one, which a `WordList`
    /// answers without hashing the word.
    @inline(__always) static func numberWord(_ word: String) -> Double? {
        numberWordList.contains(word) ? numberWords[word] : nil
    }

    static let numberWordList = WordList(numberWords.keys)

    /// The value of a scale word ("million"), looked up only when the word is one (most words are not).
    @inline(__always) static func scale(_ word: String) -> Double? {
        scaleOrMultiplier.contains(word) ? scales[word] : nil
    }

    /// The factor of a multiplying word ("doubled"), looked up only when the word is one.
    @inline(__always) static func multiplier(_ word: String) -> Double? {
        scaleOrMultiplier.contains(word) ? multipliers[word] : nil
    }

    /// ASCII letters (and apostrophes, left out) as a lowercase string, copied in one go.
    static func lowered(_ letters: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(unsafeUninitializedCapacity: letters.count, initializingUTF8With: { buffer in
            var k = 0
            for c in letters where c != UInt8(ascii: "'") {
                buffer[k] = c | 0x20
                k += 1
            }
            return k
        })
    }

    /// Words that multiply: "coal output doubled", "electricity trebled".
    static let multipliers: [String: Double] = [
        "doubled": 2, "trebled": 3, "tripled": 3, "quadrupled": 4, "halved": 0.5,
    ]
    /// Words after a number that say what is counted only in the grammatical sense; they are not units.
    static let notUnits: WordList = [
        "of", "and", "or", "the", "a", "an", "in", "to", "by", "from", "for", "were", "was", "had", "have", "has",
        "died", "dead", "killed", "executed", "arrested", "deported", "who", "which", "that", "than", "more",
        "less", "over", "under", "at", "on", "with", "as", "is", "are", "be", "been", "it", "per", "out",
        // Prepositions and conjunctions: "dropped by 4 million during the first plan" counts nothing "during".
        "during", "between", "into", "through", "throughout", "within", "without", "against", "after", "before",
        "since", "until", "while", "when", "where", "because", "due", "following", "among", "across", "towards",
        "toward", "upon", "onto", "despite", "but", "yet", "although", "though", "whereas",
    ]
    /// The parts a whole is cut into, as words: "one third", "three quarters".
    static let fractionWords: [String: Double] = [
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
        "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
    ]
    /// Verbs of change, read before "by": "dropped by 4 million", "went up by one third".
    static let changeVerbs: WordList = [
        "fell", "fallen", "dropped", "declined", "decreased", "reduced", "cut", "shrank", "sank", "slumped",
        "rose", "risen", "increased", "grew", "grown", "climbed", "expanded", "raised", "jumped", "up", "down",
    ]

    /// Cheap first look: a digit, or a word like "million".
    static func mayHaveQuantities(_ words: Words) -> Bool {
        // Each word read in place by index (a copy of a word retains its three strings).
        for k in 0..<words.count {
            if words[k].isNumber || scaleOrMultiplier.contains(words[k]) { return true }
            if let first = words[k].lower.utf8.first, first &- 0x30 < 10 { return true }
        }
        return false
    }

    /// The words of `scales` and `multipliers`, for the first look.
    static let scaleOrMultiplier = WordList(Array(scales.keys) + Array(multipliers.keys))

    public static func quantities(in text: String, skipping dates: [DateFinder.Match] = []) -> [Match] {
        var text = text
        return text.withUTF8 { quantities(in: $0, skipping: dates.map(\.range)) }
    }

    static func quantities(in bytes: UnsafeBufferPointer<UInt8>, skipping skipped: [Range<Int>]) -> [Match] {
        let words = Word.split(bytes)
        var matches: [Match] = []
        var w = 0
        while w < words.count {
            let word = words[w]
            if skipped.contains(where: { $0.overlaps(word.range) }) {
                w += 1
                continue
            }
            // "1/4 of the 1913 levels", "one third of that", "a quarter of a million": a part of a whole.
            if let part = fraction(at: w, words, bytes, skipped) {
                matches.append(part.match)
                w = part.next
                continue
            }
            // "1108 of the 1966": a count out of a whole, a share.
            if word.isNumber, w + 3 < words.count, words[w + 1].text == "of", words[w + 2].text == "the",
                words[w + 3].isNumber, let a = value(of: word, bytes), let b = value(of: words[w + 3], bytes), b > a, a >= 1,
                !skipped.contains(where: { $0.overlaps(words[w + 3].range) }),
                w + 4 >= words.count || scale(words[w + 4].text) == nil
            {
                let written = word.range.lowerBound..<words[w + 3].range.upperBound
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[written]), as: UTF8.self)
                matches.append(Match(quantity: Quantity(value: a / b * 100, unit: "%", text: text), range: written))
                w += 4
                continue
            }
            // "from 67 to 48 million": a change between two numbers that share a scale and a unit.
            var startWord = w
            var first = value(of: word, bytes)
            var endValue: Double?
            if word.text == "from", w + 3 < words.count, let a = value(of: words[w + 1], bytes),
                words[w + 2].text == "to", let b = value(of: words[w + 3], bytes),
                !skipped.contains(where: { $0.overlaps(words[w + 1].range) || $0.overlaps(words[w + 3].range) })
            {
                first = a
                endValue = b
                startWord = w
                w += 3
            }
            // "10 to 15 million", "5-6%", "5% to 6%", "10/15 million", "between 10% and 50%": a range, the claim
            // being somewhere in it.
            var high: Double?
            if endValue == nil, word.isNumber, let a = first {
                var k = w + 1
                let percent = k < words.count && words[k].text == "%"
                if percent { k += 1 }
                var joined = false
                if k < words.count, words[k].isNumber {
                    let gap = String(decoding: UnsafeBufferPointer(rebasing: bytes[words[k - 1].range.upperBound..<words[k].range.lowerBound]), as: UTF8.self)
                        .trimming([" "])
                    joined = ["-", "–", "/"].contains(gap)
                } else if k + 1 < words.count, words[k + 1].isNumber,
                    words[k].text == "to" || words[k].text == "or"
                        || (words[k].text == "and" && w > 0 && words[w - 1].text == "between")
                {
                    joined = true
                    k += 1
                }
                // Both ends in per cent, or neither ("10 to 15%" is not a range of per cents from 10).
                if joined, !skipped.contains(where: { $0.overlaps(words[k].range) }), let b = value(of: words[k], bytes), b > a,
                    percent == (k + 1 < words.count && words[k + 1].text == "%") || !percent
                {
                    high = b
                    w = k
                }
            }
            // "electricity trebled": a multiple without a number.
            if first == nil, word.isLetters, let times = multiplier(word.text) {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[word.range]), as: UTF8.self)
                matches.append(Match(quantity: Quantity(value: times, unit: "times", text: text), range: word.range))
                w += 1
                continue
            }
            guard var number = first else {
                w += 1
                continue
            }
            let isWordNumber = words[w].isLetters
            var end = w + 1
            var scale = 1.0
            if end < words.count, let s = Self.scale(words[end].text) {
                scale = s
                end += 1
                // "a million" / "half a million"
            } else if isWordNumber {
                w += 1
                continue
            }
            var unit: String?
            var percent = false
            if end < words.count {
                let next = words[end]
                if next.text == "%" || next.text == "percent" {
                    percent = true
                    unit = "%"
                    end += 1
                } else if next.text == "per", end + 1 < words.count, words[end + 1].text == "cent" {
                    percent = true
                    unit = "%"
                    end += 2
                } else if next.isLetters, next.range.count >= 3 || next.text == "times", !notUnits.contains(next.text),
                    skipped.allSatisfy({ !$0.overlaps(next.range) })
                {
                    unit = next.text
                    end += 1
                }
            }
            number *= scale
            var endScaled = endValue.map { $0 * scale }
            // "fell from 84 million tonnes in 1930 to 68 million tonnes in 1933", "from 1 million to 5 million
            // men": a change, written with its scale or years between.
            if endValue == nil, high == nil, startWord > 0, words[startWord - 1].text == "from",
                let (to, next) = changeEnd(after: end, unit: unit, scale: scale, words, bytes, skipped)
            {
                startWord -= 1
                endScaled = to
                end = next
            }
            // "dropped by 4 million": the size of a change, not a level.
            if startWord >= 2, words[startWord - 1].text == "by", changeVerbs.contains(words[startWord - 2].text) {
                startWord -= 1
            }
            let written = words[startWord].range.lowerBound..<words[end - 1].range.upperBound
            // Small bare counts and marks are not statistics: "3 reasons", "(6)".
            let raw = first ?? 0
            let hasComma = bytes[words[w].range].contains(UInt8(ascii: ","))
            let significant = percent || scale > 1 || hasComma || raw >= 100 || (raw > 12 && unit != nil)
                || endScaled != nil
            let inBrackets = written.lowerBound > 0 && (bytes[written.lowerBound - 1] == UInt8(ascii: "(")
                || bytes[written.lowerBound - 1] == UInt8(ascii: "["))
                && written.upperBound < bytes.count && (bytes[written.upperBound] == UInt8(ascii: ")")
                    || bytes[written.upperBound] == UInt8(ascii: "]"))
            if significant, !(inBrackets && unit == nil && scale == 1 && number < 100) {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[written]), as: UTF8.self)
                matches.append(
                    Match(
                        quantity: Quantity(value: number, endValue: endScaled, high: high.map { $0 * scale }, unit: unit, text: text),
                        range: written))
            }
            w = end
        }
        return matches
    }

    /// A part of a whole at word `w`: "1/4 of", "one third of", "two thirds", "by one third" (a change), "a
    /// quarter of a million" (a number). Nil when the words there are not one.
    private static func fraction(
        at w: Int, _ words: [Word], _ bytes: UnsafeBufferPointer<UInt8>, _ skipped: [Range<Int>]
    ) -> (match: Match, next: Int)? {
        let word = words[w]
        var parts: Double
        var whole: Double
        var next: Int
        if word.isNumber, w + 1 < words.count, words[w + 1].isNumber,
            bytes[word.range.upperBound] == UInt8(ascii: "/"), words[w + 1].range.lowerBound == word.range.upperBound + 1,
            let a = value(of: word, bytes), let b = value(of: words[w + 1], bytes), a >= 1, a < b, b <= 10,
            a == a.rounded(), b == b.rounded(), !skipped.contains(where: { $0.overlaps(words[w + 1].range) })
        {
            // "1/4", "3/4 of officers", not "10/15 million" (a range) nor "1/2)" of a mark scheme.
            if w + 2 < words.count, scale(words[w + 2].text) != nil || words[w + 2].text == "%" { return nil }
            let after = words[w + 1].range.upperBound
            if after < bytes.count, bytes[after] == UInt8(ascii: ")") || bytes[after] == UInt8(ascii: "/") { return nil }
            if w + 2 < words.count, !words[w + 2].isLetters { return nil }
            (parts, whole, next) = (a, b, w + 2)
        } else if word.isLetters, w + 1 < words.count, let a = numberWord(word.text), a >= 1, a < 10,
            let b = fractionWords[words[w + 1].text], a < b, words[w + 1].text != "half", words[w + 1].text != "halves"
        {
            // "one third", "a quarter", "three quarters": read only as a share ("… of") or a change ("by …").
            let of = w + 2 < words.count && words[w + 2].text == "of"
            let by = w > 0 && words[w - 1].text == "by"
            guard of || by else { return nil }
            (parts, whole, next) = (a, b, w + 2)
        } else {
            return nil
        }
        var startWord = w
        // "by one third" after a verb of change: a change of a third.
        if w >= 2, words[w - 1].text == "by", changeVerbs.contains(words[w - 2].text) { startWord = w - 1 }
        var quantity = Quantity(value: parts / whole * 100, unit: "%", text: "")
        // "a quarter of a million": a number.
        if next + 2 < words.count, words[next].text == "of", words[next + 1].text == "a",
            let scale = Self.scale(words[next + 2].text), scale >= 1e3
        {
            quantity = Quantity(value: parts / whole * scale, text: "")
            next += 3
        }
        let written = words[startWord].range.lowerBound..<words[next - 1].range.upperBound
        quantity.text = String(decoding: UnsafeBufferPointer(rebasing: bytes[written]), as: UTF8.self)
        return (Match(quantity: quantity, range: written), next)
    }

    /// The end of a change begun with "from" and a number: "… in 1930 to 68 million tonnes". The end value and
    /// the word after it, when the words from `index` are (a date and) "to" and a number of the same kind.
    private static func changeEnd(
        after index: Int, unit: String?, scale: Double, _ words: [Word], _ bytes: UnsafeBufferPointer<UInt8>,
        _ skipped: [Range<Int>]
    ) -> (Double, Int)? {
        var j = index
        // A date between, or none: "in 1930", "(1930)".
        if j + 1 < words.count, ["in", "by", "during"].contains(words[j].text),
            skipped.contains(where: { $0.overlaps(words[j + 1].range) })
        {
            j += 1
        }
        while j < words.count, skipped.contains(where: { $0.overlaps(words[j].range) }) { j += 1 }
        guard j + 1 < words.count, words[j].text == "to", words[j + 1].isNumber,
            !skipped.contains(where: { $0.overlaps(words[j + 1].range) }), var b = value(of: words[j + 1], bytes)
        else { return nil }
        var k = j + 2
        if k < words.count, let s = Self.scale(words[k].text) {
            b *= s
            k += 1
        } else {
            b *= scale
        }
        if let unit {
            guard k < words.count, words[k].text == unit else { return nil }
            k += 1
        }
        return (b, k)
    }

    private static func value(of word: Word, _ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if word.isLetters {
            if word.text.utf8.contains(UInt8(ascii: "-")), let dash = word.text.firstIndex(of: "-"),
                let tens = numberWord(String(word.text[..<dash])),
                let ones = numberWord(String(word.text[word.text.index(after: dash)...]))
            {
                return tens + ones
            }
            return numberWord(word.text)
        }
        guard word.isNumber else { return nil }
        var value = 0.0
        var fraction = 0.0
        var divisor = 1.0
        var inFraction = false
        for b in bytes[word.range] {
            switch b {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "."): inFraction = true
            default:
                let d = Double(b - 0x30)
                if inFraction {
                    divisor *= 10
                    fraction += d / divisor
                } else {
                    value = value * 10 + d
                }
            }
        }
        return value + fraction
    }

    /// A word of a line: letters (lowercased in `text`), a number with its commas and decimal point, or "%".
    struct Word {
        var range: Range<Int>
        var text: String
        var isLetters: Bool
        var isNumber: Bool

        static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Word] {
            var words: [Word] = []
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if DateFinder.isDigit(b) {
                    let start = i
                    while i < n,
                        DateFinder.isDigit(bytes[i])
                            || ((bytes[i] == UInt8(ascii: ",") || bytes[i] == UInt8(ascii: ".")) && i + 1 < n
                                && DateFinder.isDigit(bytes[i + 1]) && i > start)
                    {
                        i += 1
                    }
                    // "10m", "5bn": the scale stuck to the number.
                    words.append(Word(range: start..<i, text: "", isLetters: false, isNumber: true))
                    if i < n, DateFinder.isLetter(bytes[i]) {
                        let s = i
                        while i < n, DateFinder.isLetter(bytes[i]) { i += 1 }
                        var text = ""
                        for c in bytes[s..<i] { text.unicodeScalars.append(Unicode.Scalar(c | 0x20)) }
                        if scale(text) != nil {
                            words.append(Word(range: s..<i, text: text, isLetters: true, isNumber: false))
                        } else if text == "x" {
                            // "14x": fourteen times.
                            words.append(Word(range: s..<i, text: "times", isLetters: true, isNumber: false))
                        } else {
                            // "1st", "5YP": not a number to count with.
                            words[words.count - 1].isNumber = false
                        }
                    }
                } else if DateFinder.isLetter(b) {
                    let start = i
                    while i < n, DateFinder.isLetter(bytes[i]) || bytes[i] == UInt8(ascii: "'") { i += 1 }
                    let text = lowered(bytes[start..<i])
                    // "twenty-five": one number, not "twenty" and then "five million".
                    if let tens = numberWord(text), tens >= 20, tens.truncatingRemainder(dividingBy: 10) == 0,
                        i + 1 < n, bytes[i] == UInt8(ascii: "-"), DateFinder.isLetter(bytes[i + 1])
                    {
                        var j = i + 1
                        var unit = ""
                        while j < n, DateFinder.isLetter(bytes[j]) {
                            unit.unicodeScalars.append(Unicode.Scalar(bytes[j] | 0x20))
                            j += 1
                        }
                        if let ones = numberWord(unit), ones >= 1, ones < 10, unit != "a" {
                            words.append(Word(range: start..<j, text: text + "-" + unit, isLetters: true, isNumber: false))
                            i = j
                            continue
                        }
                    }
                    words.append(Word(range: start..<i, text: text, isLetters: true, isNumber: false))
                } else if b == UInt8(ascii: "%") {
                    words.append(Word(range: i..<i + 1, text: "%", isLetters: false, isNumber: false))
                    i += 1
                } else if b >= 0x80 {
                    // Letters of other scripts and accents: part of a word that is not a number or a unit.
                    let start = i
                    while i < n, bytes[i] >= 0x80 { i += 1 }
                    words.append(Word(range: start..<i, text: "·", isLetters: false, isNumber: false))
                } else {
                    i += 1
                }
            }
            return words
        }
    }
}
