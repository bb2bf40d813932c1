/// Turns a line as written into the text a reader sees: mis-decoded UTF-8 repaired, HTML entities decoded,
/// bold and other inline markup stripped (bold phrases kept aside as emphasis), whitespace collapsed.
public enum InlineText {
    public struct Cleaned: Hashable, Sendable {
        public var text: String
        public var emphasis: [String]
    }

    /// `markdown` also strips single-star italics, code ticks, links, images and formatting tags.
    public static func clean<S: StringProtocol>(_ raw: S, markdown: Bool = false) -> Cleaned {
        // Most lines need nothing at all; one pass over the bytes tells.
        let untouched = raw.utf8.withContiguousStorageIfAvailable { isUntouched($0, markdown: markdown) }
        if untouched == true { return Cleaned(text: String(raw), emphasis: []) }
        if isPlainASCII(raw, markdown: markdown) {
            return Cleaned(text: collapseWhitespace(raw), emphasis: [])
        }
        var text = String(raw)
        if text.utf8.contains(0xC3) { text = Mojibake.repair(text) }
        if text.utf8.contains(UInt8(ascii: "&")) { text = HTMLEntities.decode(text) }
        var emphasis: [String] = []
        let stripped = stripMarkup(Array(text.utf8)[...], markdown: markdown, emphasis: &emphasis)
        return Cleaned(text: collapseWhitespace(String(decoding: stripped, as: UTF8.self)), emphasis: emphasis)
    }

    /// True when nothing but whitespace collapsing can change the line: no markup characters, and no byte 0xC3,
    /// which every mis-decoded lead character (U+00C2–U+00F4: "Â", "â", "ð"…) begins with in UTF-8.
    static func isPlainASCII<S: StringProtocol>(_ s: S, markdown: Bool = true) -> Bool {
        if let answer = s.utf8.withContiguousStorageIfAvailable({ isPlain($0, markdown: markdown) }) { return answer }
        return isPlain(Array(s.utf8), markdown: markdown)
    }

    @inline(__always)
    static func isPlain<C: Collection<UInt8>>(_ bytes: C, markdown: Bool) -> Bool {
        for b in bytes {
            switch b {
            case 0xC3, UInt8(ascii: "*"), UInt8(ascii: "&"):
                return false
            case UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "!"):
                if markdown { return false }
            default: continue
            }
        }
        return true
    }

    /// Spaces, tabs and no-break spaces become single spaces; the ends are trimmed.
    public static func collapseWhitespace<S: StringProtocol>(_ s: S) -> String {
        let needsWork = s.utf8.withContiguousStorageIfAvailable({ hasExtraSpace($0) }) ?? true
        if !needsWork {
            if s.hasSuffix(" ") { return s.trimming([" "]) }
            return String(s)
        }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{00A0}" || scalar == "\u{2002}"
                || scalar == "\u{2003}" || scalar == "\u{2009}" || scalar == "\u{202F}"
            {
                pendingSpace = !out.isEmpty
            } else if scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                continue
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// No markup, no mis-decoding, no whitespace to collapse: the line is its own clean text. One pass, the
    /// common case of every note.
    static func isUntouched(_ bytes: UnsafeBufferPointer<UInt8>, markdown: Bool) -> Bool {
        guard let last = bytes.last, last != 0x20, bytes[0] != 0x20 else { return bytes.isEmpty }
        var previousSpace = false
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            switch b {
            case 0x20:
                if previousSpace { return false }
                previousSpace = true
                i += 1
                continue
            case 0x09, 0x0A, 0xC2, 0xC3, UInt8(ascii: "*"), UInt8(ascii: "&"):
                return false
            case UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "!"):
                if markdown { return false }
            case 0xEF:
                if i + 1 < count, bytes[i + 1] == 0xBB { return false }
            case 0xE2:
                if i + 2 < count, bytes[i + 1] == 0x80 {
                    let c = bytes[i + 2]
                    if c == 0x82 || c == 0x83 || c == 0x89 || c == 0x8B || c == 0xAF { return false }
                }
            default: break
            }
            previousSpace = false
            i += 1
        }
        return true
    }

    /// Tabs, line feeds, no-break or other wide spaces (all start 0xC2 or 0xE2 0x80 in UTF-8), doubled or leading
    /// spaces.
    static func hasExtraSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = true
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let isSpace = b == 0x20
            if b == 0x09 || b == 0x0A || b == 0xC2 || (isSpace && previousSpace) { return true }
            if b == 0xEF, i + 1 < bytes.count, bytes[i + 1] == 0xBB { return true }
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80,
                [0x82, 0x83, 0x89, 0x8B, 0xAF].contains(bytes[i + 2])
            {
                return true
            }
            previousSpace = isSpace
            i += 1
        }
        return false
    }

    /// Strips inline markup. Every marker is ASCII, so this works on UTF-8 bytes, which is several times faster
    /// than walking Unicode scalars on long lines.
    static func stripMarkup(_ s: ArraySlice<UInt8>, markdown: Bool, emphasis: inout [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        let end = s.endIndex
        /// The next index at or after `from` where `a` (followed by `b`, when given) stands.
        func find(_ a: UInt8, _ b: UInt8? = nil, from: Int) -> Int? {
            var j = from
            while j < end {
                if s[j] == a, b == nil || (j + 1 < end && s[j + 1] == b!) { return j }
                j += 1
            }
            return nil
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        let star = UInt8(ascii: "*"), underscore = UInt8(ascii: "_"), tick = UInt8(ascii: "`")
        let bang = UInt8(ascii: "!"), open = UInt8(ascii: "["), less = UInt8(ascii: "<")
        var i = s.startIndex
        while i < end {
            let c = s[i]
            // Bold: **text** or __text__.
            if (c == star || (c == underscore && markdown)) && i + 1 < end && s[i + 1] == c {
                if let close = find(c, c, from: i + 2), close > i + 2, !isSpace(s[i + 2]), !isSpace(s[close - 1]) {
                    let inner = stripMarkup(s[(i + 2)..<close], markdown: markdown, emphasis: &emphasis)
                    let phrase = collapseWhitespace(String(decoding: inner, as: UTF8.self))
                    if !phrase.isEmpty { emphasis.append(phrase.trimmingTrailing([":"])) }
                    out.append(contentsOf: inner)
                    i = close + 2
                    continue
                }
                out.append(c)
                out.append(c)
                i += 2
                continue
            }
            if markdown {
                // Italics: *text*.
                if c == star, i + 1 < end, !isSpace(s[i + 1]), s[i + 1] != star,
                    let close = find(star, from: i + 1), !isSpace(s[close - 1])
                {
                    out.append(contentsOf: s[(i + 1)..<close])
                    i = close + 1
                    continue
                }
                // Code: `text`.
                if c == tick, let close = find(tick, from: i + 1) {
                    out.append(contentsOf: s[(i + 1)..<close])
                    i = close + 1
                    continue
                }
                // Images are dropped, links keep their words.
                if c == bang || c == open {
                    let start = c == bang ? i + 1 : i
                    if start < end, s[start] == open,
                        let close = find(UInt8(ascii: "]"), UInt8(ascii: "("), from: start + 1),
                        let last = find(UInt8(ascii: ")"), from: close + 2)
                    {
                        if c == open { out.append(contentsOf: s[(start + 1)..<close]) }
                        i = last + 1
                        continue
                    }
                }
                // Formatting tags: <br>, <mark>, <figure>… are dropped; anything else stays as text.
                if c == less, let close = find(UInt8(ascii: ">"), from: i + 1), close - i < 40 {
                    let name = String(
                        decoding: s[(i + 1)..<close].filter { $0 != UInt8(ascii: "/") && $0 != 0x20 }
                            .prefix(while: { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }),
                        as: UTF8.self
                    ).lowercased()
                    if formattingTags.contains(name) {
                        out.append(0x20)
                        i = close + 1
                        continue
                    }
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    static let formattingTags: Set<String> = [
        "br", "p", "div", "span", "figure", "figcaption", "img", "mark", "u", "b", "i", "strong", "em", "sup", "sub",
        "details", "summary", "hr",
    ]
}

