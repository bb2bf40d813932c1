/// Recognises exam questions in notes: "(b) Why did … ? （6）", "How significant was …?(40)", "… [40]",
/// "‘…’ How far do you agree with this statement? Explain your answer. （10）".
public enum ExamQuestionShape {
    /// Splits trailing marks off a line: "(6)", "（6）", "[40]", "(40 marks)", "[10 marks]".
    public static func splitMarks(_ text: String) -> (text: String, marks: Int?) {
        guard let last = text.unicodeScalars.last(where: { $0 != " " && $0 != "\t" && $0 != "\u{00A0}" }),
            last == ")" || last == "）" || last == "]"
        else { return (text, nil) }
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        guard let close = scalars.last, closers.contains(close) else { return (text, nil) }
        guard let openIndex = scalars.lastIndex(where: { openers.contains($0) }), scalars.count - openIndex <= 14
        else { return (text, nil) }
        var innerView = String.UnicodeScalarView()
        innerView.append(contentsOf: scalars[(openIndex + 1)..<(scalars.count - 1)])
        var inner = String(innerView).lowercased().trimming([" "])
        for suffix in [" marks", " mark", "marks", "mark"] where inner.hasSuffix(suffix) {
            inner = String(inner.dropLast(suffix.count)).trimming([" "])
            break
        }
        guard let marks = Int(inner), marks > 0, marks <= 100 else { return (text, nil) }
        var restView = String.UnicodeScalarView()
        restView.append(contentsOf: scalars[..<openIndex])
        return (String(restView).trimming([" "]), marks)
    }

    static let openers: Set<Unicode.Scalar> = ["(", "（", "["]
    static let closers: Set<Unicode.Scalar> = [")", "）", "]"]

    /// A part label such as "(a)", "b)", "(ii)" at the start of a question.
    public static func partLabel(_ text: String) -> String? {
        var s = Substring(text)
        let opened = s.first == "(" || s.first == "（"
        if opened { s = s.dropFirst() }
        let label = s.prefix(while: { $0.isLetter && $0.isLowercase })
        guard !label.isEmpty, label.count <= 4 else { return nil }
        guard label.count == 1 || label.allSatisfy({ "ivx".contains($0) }) else { return nil }
        let after = s.dropFirst(label.count)
        guard after.first == ")" || after.first == "）" else { return nil }
        let tail = after.dropFirst()
        guard tail.first == " " || tail.isEmpty else { return nil }
        return String(label)
    }

    static let commandStarts = [
        "describe", "explain", "assess", "evaluate", "discuss", "compare", "outline", "to what extent", "how far",
        "how significant", "how successful", "how important", "how effective", "why ", "what were", "what was",
        "examine", "analyse", "analyze", "account for",
    ]
    static let commandPhrases = [
        "how far do you agree", "explain why you agree", "agree or disagree", "explain your answer",
        "to what extent",
    ]

    static let commandFirstWords: Set<String> = [
        "describe", "explain", "assess", "evaluate", "discuss", "compare", "outline", "to", "how", "why", "what",
        "examine", "analyse", "analyze", "account",
    ]

    static let interrogatives: Set<String> = commandFirstWords.union([
        "who", "whom", "whose", "which", "when", "where", "was", "were", "is", "are", "did", "do", "does", "can",
        "could", "should", "would", "will", "has", "have", "had", "in", "by", "on", "at", "for", "from", "with",
    ])

    /// Words of up to 8 ASCII letters packed into integers, for comparing without making strings.
    private static let packedCommands = Set(commandFirstWords.compactMap(pack))
    private static let packedInterrogatives = Set(interrogatives.compactMap(pack))

    private static func pack(_ word: String) -> UInt64? {
        guard word.utf8.count <= 8 else { return nil }
        var value: UInt64 = 0
        for (n, b) in word.utf8.enumerated() { value |= UInt64(b) << UInt64(8 * n) }
        return value
    }

    /// Whether the first word (after a part label) is one a command can start with.
    static func mayOpenWithCommand(_ text: String) -> Bool { opensWithWord(text, in: packedCommands) }

    /// Whether the first word (after a part label, lower-cased) is one of `words`.
    static func opensWithWord(_ text: String, in words: Set<UInt64>) -> Bool {
        var utf8 = Substring(text).utf8[...]
        // A part label ("(a)", "b)", "（c）") closes within its first few bytes.
        let mayHaveLabel = utf8.prefix(6).contains(where: { $0 == UInt8(ascii: ")") || $0 == 0xEF })
        if utf8.first == UInt8(ascii: "(") || (mayHaveLabel && partLabel(text) != nil) {
            guard let close = utf8.firstIndex(where: { $0 == UInt8(ascii: ")") || $0 == 0xEF }) else { return false }
            utf8 = utf8[utf8.index(after: close)...].drop(while: { $0 == 0x20 || $0 >= 0x80 })
        }
        // The first word, lower-cased into a fixed buffer: no string is made for lines that cannot match.
        var word: (UInt64, Int) = (0, 0)
        for b in utf8 {
            guard (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) else { break }
            guard word.1 < 8 else { return false }
            word.0 |= UInt64(b | 0x20) << UInt64(8 * word.1)
            word.1 += 1
        }
        guard word.1 >= 2 else { return false }
        return words.contains(word.0)
    }

    /// True when a line (without its marks) reads as an exam question.
    public static func isQuestion(_ text: String, hasMarks: Bool) -> Bool {
        guard text.utf8.count <= 600 else { return false }
        if hasMarks { return true }
        var ending = text.unicodeScalars.reversed().makeIterator()
        var last = ending.next()
        while let scalar = last, scalar == "\"" || scalar == "'" || scalar == "”" || scalar == "’" || scalar == " " {
            last = ending.next()
        }
        // "Trotsky, the lost leader?" is a heading; "Was Stalin a dictator?" is a question.
        if last == "?" { return text.wordCount > 6 || opensWithWord(text, in: packedInterrogatives) }
        guard let first = text.unicodeScalars.first else { return false }
        // "‘Stalin’s Five-Year Plans brought misery.’ How far do you agree…": a quoted statement to judge.
        let opensWithQuote = first == "‘" || first == "'" || first == "\"" || first == "“"
        // Command words open a question; lower-casing the opening is enough to find them, and only lines that
        // open with one of their first words (or a quote) need even that.
        guard opensWithQuote || Self.mayOpenWithCommand(text) else { return false }
        let lower = text.prefix(40).lowercased()
        var body = Substring(lower)
        if partLabel(text) != nil {
            body = body.drop(while: { $0 != ")" && $0 != "）" }).dropFirst().drop(while: { $0 == " " })
            if commandStarts.contains(where: { body.hasPrefix($0) }) { return true }
        }
        if text.utf8.count <= 300, commandStarts.contains(where: { body.hasPrefix($0) }), !text.hasSuffix(":") {
            return body.hasPrefix("describe") || body.hasPrefix("explain") || body.hasPrefix("assess")
                || body.hasPrefix("evaluate") || body.hasPrefix("discuss") || body.hasPrefix("compare")
                || body.hasPrefix("to what extent") || body.hasPrefix("examine") || body.hasPrefix("account for")
        }
        guard opensWithQuote else { return false }
        let whole = text.lowercased()
        return commandPhrases.contains(where: { whole.has($0) })
    }
}
