/// One physical line of a note file, with the facts every parser asks of it.
struct SourceLine {
    let number: Int
    /// The line without its end-of-line.
    let raw: Substring
    /// Leading whitespace in columns (a tab counts 4).
    let indent: Int
    /// The line without leading and trailing whitespace.
    let content: Substring
    /// Spaces after the last character: one marks a soft wrap in PDF exports, two a hard break.
    let trailingSpaces: Int

    var isBlank: Bool { content.isEmpty }

    init(number: Int, raw: Substring, indent: Int, content: Substring, trailingSpaces: Int) {
        self.number = number
        self.raw = raw
        self.indent = indent
        self.content = content
        self.trailingSpaces = trailingSpaces
    }

    /// Whether the lines come from a PDF export that marks each wrapped line with one trailing space (ten such
    /// lines among the first are enough to tell).
    static func areSoftWrapped(_ lines: some Sequence<SourceLine>) -> Bool {
        lines.lazy.filter { $0.trailingSpaces == 1 && $0.content.utf8.count >= 40 }.prefix(10).count >= 10
    }

    /// Splits a text into lines numbered from 1, measuring each line's indent and trailing spaces in the same
    /// pass over its UTF-8 bytes.
    static func split(_ text: String) -> [SourceLine] {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { bytes -> [SourceLine] in
            var lines: [SourceLine] = []
            lines.reserveCapacity(bytes.count / 40)
            let base = utf8.startIndex
            func index(_ offset: Int) -> String.Index { utf8.index(base, offsetBy: offset) }
            var lineStart = 0
            var number = 1
            let count = bytes.count
            while lineStart <= count {
                var end = lineStart
                while end < count, bytes[end] != 10 { end += 1 }
                if end == count, lineStart == count, number > 1 { break }
                // Leading whitespace: spaces, tabs (4 columns) and no-break spaces (C2 A0).
                var indent = 0
                var start = lineStart
                while start < end {
                    let b = bytes[start]
                    if b == 0x20 {
                        indent += 1
                        start += 1
                    } else if b == 0x09 {
                        indent += 4
                        start += 1
                    } else if b == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                        indent += 1
                        start += 2
                    } else {
                        break
                    }
                }
                var contentEnd = end
                var trailing = 0
                while contentEnd > start {
                    let b = bytes[contentEnd - 1]
                    if b == 0x20 || b == 0x09 {
                        trailing += 1
                        contentEnd -= 1
                    } else if b == 0xA0, contentEnd - 2 >= start, bytes[contentEnd - 2] == 0xC2 {
                        trailing += 1
                        contentEnd -= 2
                    } else {
                        break
                    }
                }
                let raw = text[index(lineStart)..<index(end)]
                let content = text[index(start)..<index(contentEnd)]
                lines.append(
                    SourceLine(
                        number: number, raw: raw, indent: indent, content: content,
                        trailingSpaces: start == contentEnd ? 0 : trailing))
                number += 1
                lineStart = end + 1
                if end == count { break }
            }
            return lines
        }!
    }
}

/// A list marker at the start of a line: "•", "-", "*", "–", "1.", "2)".
struct ListMarker {
    /// The content after the marker.
    let rest: Substring

    static let symbols: Set<Unicode.Scalar> = ["•", "-", "*", "–", "—", "▪", "◦", "·", "+", "●", "○", "■", "►", "➢", "✓"]

    init?(_ content: Substring) {
        guard let first = content.unicodeScalars.first else { return nil }
        if Self.symbols.contains(first) {
            let after = content.unicodeScalars.dropFirst()
            // "•text" is a bullet; "-text", "**bold**" and "->" are not.
            if after.first == " " || after.first == "\t" || (first == "•" && !after.isEmpty) {
                rest = Self.trimLeading(Substring(after))
                if rest.isEmpty { return nil }
                return
            }
            return nil
        }
        if first.isASCII, ("0"..."9").contains(first) {
            let digits = content.utf8.prefix(while: { (0x30...0x39).contains($0) })
            guard digits.count <= 3 else { return nil }
            let after = content.unicodeScalars.dropFirst(digits.count)
            guard let punct = after.first, punct == "." || punct == ")" else { return nil }
            let tail = after.dropFirst()
            guard tail.first == " " || tail.first == "\t" else { return nil }
            rest = Self.trimLeading(Substring(tail))
            if rest.isEmpty { return nil }
            return
        }
        return nil
    }

    static func trimLeading(_ s: Substring) -> Substring {
        var i = s.utf8.startIndex
        while i < s.utf8.endIndex {
            let b = s.utf8[i]
            if b == 0x20 || b == 0x09 {
                i = s.utf8.index(after: i)
            } else if b == 0xC2, s.utf8.index(after: i) < s.utf8.endIndex, s.utf8[s.utf8.index(after: i)] == 0xA0 {
                i = s.utf8.index(i, offsetBy: 2)
            } else {
                break
            }
        }
        return s[i...]
    }
}
