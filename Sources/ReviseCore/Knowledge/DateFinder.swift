/// Finds the dates in a line of notes: "1922", "in 1917", "1928-32", "1932–1934", "between 1936 and 1938",
/// "the 1920s", "by 1935", "in the late 1920s", "March 1921", "5 March 1953", "December 1, 1934".
///
/// Works on UTF-8 bytes: most lines have no digit at all and cost one scan.
public enum DateFinder {
    /// A date and where it was written, as UTF-8 offsets into the text.
    public struct Match: Hashable, Sendable {
        public var when: When
        public var range: Range<Int>
    }

    /// The years notes can speak of; a four-digit number outside them is a quantity.
    static let years = 1000...2099

    public static func dates(in text: String) -> [Match] {
        var text = text
        return text.withUTF8 { dates(in: $0) }
    }

    static func dates(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        var matches: [Match] = []
        var i = 0
        let n = bytes.count
        while i < n {
            guard isDigit(bytes[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < n, isDigit(bytes[i]) { i += 1 }
            // A year is four digits, not part of a longer number ("30,000", "1.5", "19-05-12").
            guard i - start == 4, let year = number(bytes, start..<i), years.contains(year),
                !(start > 0 && (bytes[start - 1] == UInt8(ascii: ",") || bytes[start - 1] == UInt8(ascii: ".")
                    || bytes[start - 1] == 0xA3 /* £ */ || bytes[start - 1] == UInt8(ascii: "$")
                    || isLetter(bytes[start - 1]))),
                !(i < n && (bytes[i] == UInt8(ascii: "%") || (bytes[i] == UInt8(ascii: ",") && i + 3 < n
                    && isDigit(bytes[i + 1]) && isDigit(bytes[i + 2]) && isDigit(bytes[i + 3]))
                    || (bytes[i] == UInt8(ascii: ".") && i + 1 < n && isDigit(bytes[i + 1]))))
            else { continue }
            if countsThings(after: i, in: bytes), !datedByWordBefore(start, in: bytes) { continue }
            if isWholeOfCount(start, in: bytes) { continue }
            if let match = date(year: year, at: start..<i, in: bytes) {
                // A range's end year was read with its start; skip past it.
                i = max(i, match.range.upperBound)
                matches.append(match)
            }
        }
        return matches
    }

    private static func date(year: Int, at digits: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Match? {
        let n = bytes.count
        var when = When(year: year, text: "")
        var lower = digits.lowerBound
        var upper = digits.upperBound

        // After the year: "s" or "'s" for a decade, a dash or "to" for a range.
        let j = upper
        if j < n, bytes[j] == UInt8(ascii: "s"), j + 1 >= n || !isLetter(bytes[j + 1]), year % 10 == 0 {
            when.endYear = year + 9
            upper = j + 1
        } else if j + 1 < n, bytes[j] == UInt8(ascii: "'"), bytes[j + 1] == UInt8(ascii: "s"),
            j + 2 >= n || !isLetter(bytes[j + 2]), year % 10 == 0
        {
            when.endYear = year + 9
            upper = j + 2
        } else if let (end, after) = rangeEnd(after: j, startYear: year, in: bytes) {
            when.endYear = end
            upper = after
        }

        // Before the year: a day and a month ("5 March 1953", "March 5, 1953", "March 1921").
        if let (month, day, start) = monthBefore(lower, in: bytes) {
            when.month = month
            when.day = day
            lower = start
        }

        // Before that: a qualifying word, past "the" ("in the late 1920s", "by the 1930s", "mid-1930s", "c. 1900").
        var k = lower
        scan: while true {
            let (word, wordStart) = wordBefore(k, in: bytes, allowHyphen: true)
            guard let word else { break }
            switch word {
            case "the", "between":
                k = wordStart
                continue scan
            case "by": when.qualifier = .by
            // "The economy to 1941": up to the year.
            case "before", "until", "till", "pre", "to": when.qualifier = .before
            case "after", "since", "post": when.qualifier = .after
            case "around", "circa", "c", "about", "approximately", "approx": when.qualifier = .around
            case "early": when.qualifier = .early
            case "mid", "middle": when.qualifier = .mid
            case "late": when.qualifier = .late
            default: break scan
            }
            lower = wordStart
            break
        }

        when.text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
        return Match(when: when, range: lower..<upper)
    }

    /// "1500 enterprises", "1108 of the 1966": a number counting things, not a year.
    static func countsThings(after end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var j = end
        guard j < bytes.count, bytes[j] == 0x20 else { return false }
        j += 1
        let start = j
        while j < bytes.count, bytes[j] >= 0x61, bytes[j] <= 0x7A { j += 1 }
        guard j - start >= 2 else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<j]), as: UTF8.self)
        if word == "of", j + 4 < bytes.count, bytes[j] == 0x20 { return true }
        // A plural noun right after: "enterprises", "tractors"; not "levels" of a year ("the 1913 levels") nor a month.
        // "congress", "census" end in s without being plurals.
        return word.count >= 4 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us")
            && !["levels", "onwards", "onward"].contains(word)
    }

    /// "1108 of the 1966": the number after a count and "of (the)" is the whole counted from, not a year.
    static func isWholeOfCount(_ start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var (word, k) = wordBefore(start, in: bytes, allowHyphen: false)
        if word == "the" { (word, k) = wordBefore(k, in: bytes, allowHyphen: false) }
        guard word == "of" else { return false }
        var j = k
        while j > 0, bytes[j - 1] == 0x20 { j -= 1 }
        let end = j
        while j > 0, isDigit(bytes[j - 1]) || bytes[j - 1] == UInt8(ascii: ",") { j -= 1 }
        // Not the "4" of a fraction: "1/4 of the 1913 levels" is dated.
        return j < end && isDigit(bytes[end - 1])
            && (j == 0 || !(isLetter(bytes[j - 1]) || bytes[j - 1] == UInt8(ascii: "/") || bytes[j - 1] == UInt8(ascii: ".")))
    }

    /// "in 1500 enterprises" is still a count; "in 1929 peasants…" is a year: a preposition before decides.
    static func datedByWordBefore(_ start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let word = wordBefore(start, in: bytes, allowHyphen: false).0 else { return false }
        return ["in", "by", "since", "until", "after", "before", "from", "during", "of", "early", "late", "mid"].contains(word)
    }

    /// "-32", "–1934", " to 1934", " and 1938" (after "between"), "/33".
    private static func rangeEnd(after index: Int, startYear: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (
        Int, Int
    )? {
        let n = bytes.count
        var j = index
        while j < n, bytes[j] == 0x20 { j += 1 }
        var sawSeparator = false
        if j < n, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "/") {
            j += 1
            sawSeparator = true
        } else if j + 2 < n, bytes[j] == 0xE2, bytes[j + 1] == 0x80, bytes[j + 2] == 0x93 || bytes[j + 2] == 0x94 {
            j += 3
            sawSeparator = true
        } else if j + 2 < n, bytes[j] == UInt8(ascii: "t"), bytes[j + 1] == UInt8(ascii: "o"), bytes[j + 2] == 0x20 {
            j += 3
            sawSeparator = true
        } else if j + 3 < n, bytes[j] == UInt8(ascii: "a"), bytes[j + 1] == UInt8(ascii: "n"),
            bytes[j + 2] == UInt8(ascii: "d"), bytes[j + 3] == 0x20,
            // "between 1936 and 1938": the year is the four bytes before `index`.
            wordBefore(index - 4, in: bytes, allowHyphen: false).0 == "between"
        {
            j += 4
            sawSeparator = true
        }
        guard sawSeparator else { return nil }
        while j < n, bytes[j] == 0x20 { j += 1 }
        let digitsStart = j
        while j < n, isDigit(bytes[j]) { j += 1 }
        let count = j - digitsStart
        guard count == 2 || count == 4, j >= n || !isDigit(bytes[j]),
            let value = number(bytes, digitsStart..<j)
        else { return nil }
        // "1928-32%" or "1928-1932 tonnes" would be odd; a following "%" means this was not a range of years.
        if j < n, bytes[j] == UInt8(ascii: "%") { return nil }
        var end = value
        if count == 2 {
            let century = startYear / 100 * 100
            end = century + value
            if end < startYear { end += 100 }
        }
        // A two-digit end closes a span of a few years ("1928-32"); "1927 to 18 million" is a number. A range
        // written backwards ("1944-1938") is a slip of one digit, kept as written when a slip explains it.
        let backwards = count == 4 && end < startYear && separatorIsDash(index, j: digitsStart, in: bytes)
            && When.plausibleRange(startYear, end) != nil
        guard end > startYear || backwards, end - startYear <= (count == 2 ? 30 : 100), years.contains(end)
        else { return nil }
        var k = j
        while k < n, bytes[k] == 0x20 { k += 1 }
        for scale in ["million", "thousand", "billion", "per cent", "percent"] {
            let word = Array(scale.utf8)
            if k + word.count <= n, Array(bytes[k..<(k + word.count)]) == word { return nil }
        }
        return (end, j)
    }

    /// Only a dash or a slash between the years: "1944-1938", not "1944 to 1938".
    private static func separatorIsDash(_ from: Int, j: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let between = bytes[from..<j].filter { $0 != 0x20 }
        return between.elementsEqual([UInt8(ascii: "-")]) || between.elementsEqual([UInt8(ascii: "/")])
            || between.elementsEqual([0xE2, 0x80, 0x93]) || between.elementsEqual([0xE2, 0x80, 0x94])
    }

    /// A month (and day) written just before the year: "March 1921", "5 March 1953", "March 5, 1953",
    /// "1st December 1934".
    private static func monthBefore(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int?, Int)? {
        var k = index
        // "March 5, 1953": a comma and a day between month and year.
        var j = k
        while j > 0, bytes[j - 1] == 0x20 { j -= 1 }
        if j > 0, bytes[j - 1] == UInt8(ascii: ",") {
            var d = j - 1
            while d > 0, bytes[d - 1] == 0x20 { d -= 1 }
            let dayEnd = d
            while d > 0, isLetter(bytes[d - 1]) { d -= 1 }  // "5th"
            var digitsEnd = dayEnd
            if d < dayEnd {
                let suffix = String(decoding: UnsafeBufferPointer(rebasing: bytes[d..<dayEnd]), as: UTF8.self)
                guard ["st", "nd", "rd", "th"].contains(suffix) else { return nil }
                digitsEnd = d
            }
            var ds = digitsEnd
            while ds > 0, isDigit(bytes[ds - 1]) { ds -= 1 }
            guard ds < digitsEnd, digitsEnd - ds <= 2, let day = number(bytes, ds..<digitsEnd), (1...31).contains(day)
            else { return nil }
            let (word, wordStart) = wordBefore(ds, in: bytes, allowHyphen: false)
            guard let word, let month = month(named: word) else { return nil }
            return (month, day, wordStart)
        }
        let (word, wordStart) = wordBefore(k, in: bytes, allowHyphen: false)
        guard let word, let month = month(named: word) else { return nil }
        k = wordStart
        // A day before the month: "5 March", "5th March".
        var d = k
        while d > 0, bytes[d - 1] == 0x20 { d -= 1 }
        let dayEnd = d
        var digitsEnd = dayEnd
        var s = d
        while s > 0, isLetter(bytes[s - 1]) { s -= 1 }
        if s < dayEnd, dayEnd - s == 2 {
            let suffix = String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<dayEnd]), as: UTF8.self)
            if ["st", "nd", "rd", "th"].contains(suffix), s > 0, isDigit(bytes[s - 1]) { digitsEnd = s }
        }
        var ds = digitsEnd
        while ds > 0, isDigit(bytes[ds - 1]) { ds -= 1 }
        if ds < digitsEnd, digitsEnd - ds <= 2, ds == 0 || !isDigit(bytes[ds - 1]),
            let day = number(bytes, ds..<digitsEnd), (1...31).contains(day)
        {
            return (month, day, ds)
        }
        return (month, nil, k)
    }

    static func month(named word: String) -> Int? {
        let w = word.lowercased()
        guard w.count >= 3 else { return nil }
        for (index, name) in When.monthNames.enumerated() {
            let lower = name.lowercased()
            if w == lower || (w.count == 3 && lower.hasPrefix(w)) || (w == "sept" && index == 8) {
                // "may" alone is too often the verb; only read it as a month next to a day or year.
                return index + 1
            }
        }
        return nil
    }

    /// The word ending just before `index` (skipping spaces, and a hyphen or a full stop if asked), lowercased,
    /// and where it starts.
    static func wordBefore(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>, allowHyphen: Bool) -> (String?, Int) {
        guard index > 0, index <= bytes.count else { return (nil, index) }
        var j = index
        while j > 0, bytes[j - 1] == 0x20 { j -= 1 }
        if allowHyphen, j > 0, bytes[j - 1] == UInt8(ascii: "-"), j == index { j -= 1 }
        if j > 0, bytes[j - 1] == UInt8(ascii: ".") { j -= 1 }  // "c. 1900"
        let end = j
        while j > 0, isLetter(bytes[j - 1]) { j -= 1 }
        guard j < end, end - j <= 16 else { return (nil, index) }
        var word = ""
        for b in bytes[j..<end] { word.unicodeScalars.append(Unicode.Scalar(b | 0x20)) }
        return (word, j)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 9 else { return nil }
        var value = 0
        for b in bytes[range] {
            guard isDigit(b) else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }
}
