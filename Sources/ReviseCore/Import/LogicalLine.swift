/// A line as the writer meant it: physical lines joined where a PDF export or an editor wrapped them.
struct LogicalLine {
    var first: Int
    var last: Int
    var indent: Int
    /// The content, wrapped lines joined with a space; markup still in it. A line that was not wrapped is a view
    /// into the file's text, not a copy.
    var content: Substring
    var marker: ListMarker?
    var blankBefore: Bool
    var blankAfter: Bool
    var physicalLines: Int

    var body: Substring { marker?.rest ?? content }

    /// Joins wrapped lines.
    ///
    /// - In a file whose wrapped lines end with one space (PDF exports do this), a line ending in one space goes
    ///   on with the next line, across blank lines (page breaks) when the next line starts in lower case.
    /// - Elsewhere, a long line without closing punctuation goes on with a next line that starts in lower case.
    /// - An exam question's part label line goes on with a next line that ends the question.
    static func build(_ lines: [SourceLine], skip: (SourceLine) -> Bool = { _ in false }) -> [LogicalLine] {
        let softWrapped = SourceLine.areSoftWrapped(lines)
        // Each line is asked once whether it is to be skipped, though it is looked at twice below.
        let skipped = lines.map(skip)
        // Whether each line opens a list item, asked once: a line is looked at as the next line, then as itself.
        let markers = lines.map { $0.isBlank ? nil : ListMarker($0.content) }
        var result: [LogicalLine] = []
        result.reserveCapacity(lines.count)
        var i = 0
        var blankBefore = true
        while i < lines.count {
            let line = lines[i]
            if line.isBlank || skipped[i] {
                if line.isBlank { blankBefore = true }
                i += 1
                continue
            }
            var logical = LogicalLine(
                first: line.number, last: line.number, indent: line.indent, content: line.content,
                marker: nil, blankBefore: blankBefore, blankAfter: false, physicalLines: 1)
            var current = line
            var j = i + 1
            while j < lines.count {
                // The next non-blank line, and whether blank lines stand between.
                var k = j
                while k < lines.count, lines[k].isBlank { k += 1 }
                guard k < lines.count, !skipped[k] else { break }
                let next = lines[k]
                let gap = k > j
                guard markers[k] == nil else { break }
                let startsLower = Self.startsLower(next.content)
                let endsClosed = Self.endsSentence(current.content)
                let hyphenated =
                    startsLower && current.content.utf8.last == UInt8(ascii: "-")
                    && current.content.utf8.dropLast().last != 0x20
                let join: Bool
                if softWrapped {
                    join = current.trailingSpaces == 1
                        ? !gap || (startsLower && !endsClosed)
                        : (!gap && Self.continuesQuestion(logical.content, with: next.content)) || hyphenated
                } else if !startsLower || endsClosed || current.content.utf8.count < 60 {
                    join = !gap && Self.continuesQuestion(logical.content, with: next.content)
                } else {
                    join = !gap || current.content.utf8.count >= 100
                }
                guard join else { break }
                logical.content = Substring(
                    logical.content + (hyphenated && current.trailingSpaces == 0 ? "" : " ") + next.content)
                logical.last = next.number
                logical.physicalLines += 1
                current = next
                j = k + 1
            }
            logical.marker = logical.physicalLines == 1 ? markers[i] : ListMarker(logical.content)
            result.append(logical)
            blankBefore = false
            i = j
            if i < lines.count, lines[i].isBlank { result[result.count - 1].blankAfter = true }
        }
        if !result.isEmpty { result[result.count - 1].blankAfter = true }
        return result
    }

    /// Whether a line starts with a lower-case letter: a sentence going on, not a new one.
    static func startsLower(_ s: Substring) -> Bool {
        guard let first = s.utf8.first else { return false }
        if first < 0x80 { return (0x61...0x7A).contains(first) }
        return s.unicodeScalars.first?.properties.isLowercase ?? false
    }

    /// True when a line ends a sentence or a clause: "…grain.", "…policy?", "…being:", "…‘coarsest abuse’."
    static func endsSentence<S: StringProtocol>(_ s: S) -> Bool {
        var chars = s.unicodeScalars.reversed().makeIterator()
        guard var last = chars.next() else { return true }
        if last == "\"" || last == "”" || last == "’" || last == "'" || last == ")" {
            guard let before = chars.next() else { return false }
            last = before
        }
        return last == "." || last == "!" || last == "?" || last == ":" || last == ";"
    }

    /// "(c) ‘…’ How far do you agree with this" followed by "statement? Explain your answer. （10）".
    static func continuesQuestion(_ content: Substring, with next: Substring) -> Bool {
        guard content.utf8.first == UInt8(ascii: "(") || content.utf8.first == 0xEF
                || content.utf8.dropFirst().first == UInt8(ascii: ")"),
            ExamQuestionShape.partLabel(String(content)) != nil, !content.hasSuffix("?"), next.utf8.count <= 160,
            // A question that already ends with its marks is whole: "(a) Describe the causes. (4)".
            ExamQuestionShape.splitMarks(String(content)).marks == nil
        else {
            return false
        }
        let (rest, marks) = ExamQuestionShape.splitMarks(String(next))
        return marks != nil || rest.hasSuffix("?")
    }
}
