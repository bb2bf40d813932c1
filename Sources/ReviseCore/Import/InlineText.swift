/// Turns a line as written into the text a reader sees: mis-decoded UTF-8 repaired, HTML entities decoded,
/// bold and other inline markup stripped (bold phrases kept aside as emphasis), whitespace collapsed.
public enum InlineText {
    public struct Cleaned: Hashable, Sendable {
        public var text: String
        public var emphasis: [String]
    }

    /// `markdown` also strips single-star italics, code ticks, links, images and formatting tags.
    public static func clean<S: StringProtocol>(_ raw: S, markdown: Bool = false) -> Cleaned {
        if isPlainASCII(raw) {
            return Cleaned(text: collapseWhitespace(raw), emphasis: [])
        }
        var scalars = Array(raw.unicodeScalars)
        if raw.utf8.contains(0xC3) { scalars = Mojibake.repair(scalars) }
        if scalars.contains("&") { scalars = HTMLEntities.decode(scalars) }
        var emphasis: [String] = []
        scalars = stripMarkup(scalars, markdown: markdown, emphasis: &emphasis)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return Cleaned(text: collapseWhitespace(String(view)), emphasis: emphasis)
    }

    /// True when nothing but whitespace collapsing can change the line: no markup characters, and no byte 0xC3,
    /// which every mis-decoded lead character (U+00C2–U+00F4: "Â", "â", "ð"…) begins with in UTF-8.
    static func isPlainASCII<S: StringProtocol>(_ s: S) -> Bool {
        if let answer = s.utf8.withContiguousStorageIfAvailable({ isPlain($0) }) { return answer }
        return isPlain(s.utf8)
    }

    @inline(__always)
    static func isPlain<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        for b in bytes {
            switch b {
            case 0xC3, UInt8(ascii: "*"), UInt8(ascii: "&"), UInt8(ascii: "_"), UInt8(ascii: "`"),
                UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "!"):
                return false
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

    static func stripMarkup(_ s: [Unicode.Scalar], markdown: Bool, emphasis: inout [String]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        func starts(_ pattern: String, at index: Int) -> Bool {
            var j = index
            for p in pattern.unicodeScalars {
                guard j < s.count, s[j] == p else { return false }
                j += 1
            }
            return true
        }
        func find(_ pattern: String, from index: Int) -> Int? {
            var j = index
            while j < s.count {
                if starts(pattern, at: j) { return j }
                j += 1
            }
            return nil
        }
        while i < s.count {
            let c = s[i]
            // Bold: **text** or __text__.
            if (c == "*" || c == "_") && i + 1 < s.count && s[i + 1] == c {
                let marker = c == "*" ? "**" : "__"
                if let end = find(marker, from: i + 2), end > i + 2,
                    !s[i + 2].properties.isWhitespace, !s[end - 1].properties.isWhitespace,
                    c == "*" || markdown
                {
                    let inner = stripMarkup(Array(s[(i + 2)..<end]), markdown: markdown, emphasis: &emphasis)
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: inner)
                    let phrase = collapseWhitespace(String(view))
                    if !phrase.isEmpty {
                        emphasis.append(phrase.trimmingTrailing([":"]))
                    }
                    out.append(contentsOf: inner)
                    i = end + 2
                    continue
                }
                out.append(c)
                out.append(c)
                i += 2
                continue
            }
            if markdown {
                // Italics: *text*.
                if c == "*", i + 1 < s.count, !s[i + 1].properties.isWhitespace, s[i + 1] != "*",
                    let end = find("*", from: i + 1), !s[end - 1].properties.isWhitespace
                {
                    out.append(contentsOf: s[(i + 1)..<end])
                    i = end + 1
                    continue
                }
                // Code: `text`.
                if c == "`", let end = find("`", from: i + 1) {
                    out.append(contentsOf: s[(i + 1)..<end])
                    i = end + 1
                    continue
                }
                // Images are dropped, links keep their words.
                if c == "!" || c == "[" {
                    let open = c == "!" ? i + 1 : i
                    if open < s.count, s[open] == "[", let close = find("](", from: open + 1),
                        let end = find(")", from: close + 2)
                    {
                        if c == "[" { out.append(contentsOf: s[(open + 1)..<close]) }
                        i = end + 1
                        continue
                    }
                }
                // Formatting tags: <br>, <mark>, <figure>… are dropped; anything else stays as text.
                if c == "<", let end = find(">", from: i + 1), end - i < 40 {
                    var nameView = String.UnicodeScalarView()
                    nameView.append(contentsOf: s[(i + 1)..<end])
                    let name = String(nameView).lowercased().trimming(["/", " "])
                        .prefix(while: { $0.isLetter || $0.isNumber })
                    if formattingTags.contains(String(name)) {
                        out.append(" ")
                        i = end + 1
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

