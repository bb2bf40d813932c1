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

    init(number: Int, raw: Substring) {
        self.number = number
        self.raw = raw
        var indent = 0
        var start = raw.startIndex
        for scalar in raw.unicodeScalars {
            if scalar == " " || scalar == "\u{00A0}" {
                indent += 1
            } else if scalar == "\t" {
                indent += 4
            } else {
                break
            }
            start = raw.unicodeScalars.index(after: start)
        }
        var end = raw.endIndex
        var trailing = 0
        while end > start {
            let before = raw.unicodeScalars.index(before: end)
            let scalar = raw.unicodeScalars[before]
            if scalar == " " || scalar == "\t" || scalar == "\u{00A0}" {
                trailing += 1
                end = before
            } else {
                break
            }
        }
        self.indent = indent
        self.content = raw[start..<end]
        self.trailingSpaces = start == end ? 0 : trailing
    }

    /// Splits a text into lines numbered from 1.
    static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var number = 1
        var start = text.startIndex
        let utf8 = text.utf8
        var i = utf8.startIndex
        while i < utf8.endIndex {
            if utf8[i] == 10 {
                lines.append(SourceLine(number: number, raw: text[start..<i]))
                number += 1
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if start < text.endIndex { lines.append(SourceLine(number: number, raw: text[start...])) }
        return lines
    }
}

/// A list marker at the start of a line: "•", "-", "*", "–", "1.", "2)".
struct ListMarker {
    /// The content after the marker.
    let rest: Substring
    let ordered: Bool

    static let symbols: Set<Unicode.Scalar> = ["•", "-", "*", "–", "—", "▪", "◦", "·", "+", "●", "○", "■", "►", "➢", "✓"]

    init?(_ content: Substring) {
        guard let first = content.unicodeScalars.first else { return nil }
        if Self.symbols.contains(first) {
            let after = content.unicodeScalars.dropFirst()
            // "•text" is a bullet; "-text", "**bold**" and "->" are not.
            if after.first == " " || after.first == "\t" || (first == "•" && !after.isEmpty) {
                rest = Self.trimLeading(Substring(after))
                ordered = false
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
            ordered = true
            if rest.isEmpty { return nil }
            return
        }
        return nil
    }

    static func trimLeading(_ s: Substring) -> Substring {
        s.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" })
    }
}
