/// Splits prose into sentences, keeping quotations whole and not breaking after "e.g.", "Mr." or an initial.
enum Sentences {
    static let abbreviations: WordList = [
        "e.g", "i.e", "eg", "ie", "mr", "mrs", "ms", "dr", "st", "c", "ca", "vs", "v", "etc", "no", "nos", "approx",
        "fig", "jr", "sr", "prof", "gen", "col", "capt", "lt", "sgt", "rev", "cf", "al", "p", "pp", "vol",
    ]

    /// Scalars `a..<b` of a text, lowercased: ASCII straight from the bytes.
    private static func lowered(_ view: ScalarText, _ a: Int, _ b: Int) -> String {
        let from = view.offsets[a]
        let to = view.offsets[b]
        guard !view.bytes[from..<to].contains(where: { $0 >= 0x80 }) else { return view.slice(a, b).lowercased() }
        return String(unsafeUninitializedCapacity: to - from, initializingUTF8With: { buffer in
            for k in 0..<buffer.count {
                let c = view.bytes[from + k]
                buffer[k] = c &- 0x41 < 26 ? c | 0x20 : c
            }
            return buffer.count
        })
    }

    static func split(_ text: String) -> [String] {
        // Short lines (most bullets) are one sentence; only look inside when there is a sentence end to find.
        guard text.utf8.count > 60, text.withBytes({ $0.contains { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F } }) else {
            return [text]
        }
        let view = ScalarText(text)
        let scalars = view.scalars
        func slice(_ a: Int, _ b: Int) -> String { view.slice(a, b).trimming([" "]) }
        var result: [String] = []
        var start = 0
        var inDoubleQuote = false
        var curlyDepth = 0
        // The end of a quotation in single marks ("'We are fifty … behind. We must …'"), when one opens at a word's
        // start and closes within a few lines.
        var singleQuoteEnd = -1
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case "'", "‘":
                guard i > singleQuoteEnd, i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "(",
                    i + 1 < scalars.count, scalars[i + 1].isLetter || scalars[i + 1].value &- 48 < 10
                else { break }
                var j = i + 2
                while j < min(scalars.count, i + 400) {
                    if scalars[j] == "'" || scalars[j] == "’", scalars[j - 1] != " ",
                        j + 1 == scalars.count || !(scalars[j + 1].isLetter || scalars[j + 1].value &- 48 < 10)
                    {
                        singleQuoteEnd = j
                        break
                    }
                    j += 1
                }
            case "\"": inDoubleQuote.toggle()
            case "“": curlyDepth += 1
            case "”": curlyDepth = max(0, curlyDepth - 1)
            case ".", "!", "?":
                guard !inDoubleQuote, curlyDepth == 0, i > singleQuoteEnd, i + 2 < scalars.count, scalars[i + 1] == " " else { break }
                var j = i + 1
                while j < scalars.count, scalars[j] == " " { j += 1 }
                guard j < scalars.count else { break }
                let next = scalars[j]
                guard next.isCapital || next == "\"" || next == "“" || next == "‘" || next == "'"
                    || (next.value >= 48 && next.value <= 57)
                else { break }
                if c == "." {
                    // The word before the full stop: an abbreviation or an initial does not end a sentence.
                    var k = i
                    while k > start, scalars[k - 1].isLetter || scalars[k - 1] == "." { k -= 1 }
                    let w = lowered(view, k, i)
                    if abbreviations.contains(w) || (w.unicodeScalars.count == 1 && scalars[k].isCapital) {
                        break
                    }
                }
                result.append(slice(start, i + 1))
                start = j
                i = j - 1
            default: break
            }
            i += 1
        }
        if start < scalars.count { result.append(slice(start, scalars.count)) }
        return result.filter { !$0.isEmpty }
    }
}
