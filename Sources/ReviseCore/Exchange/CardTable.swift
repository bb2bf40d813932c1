/// Flashcards in a text table, as Anki and Quizlet export them or a student types them: a row per note, the
/// front and back in the first two columns (or the columns a header row or Anki's header lines name), fields
/// separated by a tab, a semicolon or a comma (detected, or declared by `#separator:`), quoted as RFC 4180 says
/// when they hold one (`""` for a quotation mark, line breaks inside the quotes). Anki's header lines at the top
/// (`#separator:`, `#html:`, `#tags:`, `#deck:`, `#notetype:`, `#columns:` and `#… column:N`) are honoured; any
/// other `#` line there is a comment. Read from the decoded text, byte by byte: pure, and quick on files of many
/// megabytes.
public enum CardTable {
    /// The notes of a table.
    /// - Parameters:
    ///   - text: the file's text, decoded (a byte order mark and CRLF line ends are allowed).
    ///   - name: how errors and citations name the file; its last part, without the extension, is the deck's title.
    /// - Throws: `ImportError.invalid` naming the file and line of a ragged row, a quotation mark never closed, a row
    ///   without a front (or, but for a cloze, without a back), a file of one column or a header line that makes no
    ///   sense; `ImportError.noNotes` for a table with no rows.
    public static func deck(text: String, name: String) throws(ImportError) -> CardDeck {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(ImportError) -> CardDeck in try read(bytes, name: name) }
        }
        return try result.get()
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws(ImportError) -> CardDeck {
        var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var header = Header()
        // Anki's header lines (and comments) come first; blank lines among them are passed over.
        while offset < bytes.count {
            var end = offset
            while end < bytes.count, bytes[end] != newline { end += 1 }
            let text = bytes[offset..<end]
            if text.first == hash {
                try header.read(String(decoding: text.dropFirst(), as: UTF8.self), line: line, file: name)
            } else if !text.allSatisfy(isSpace) {
                break
            }
            offset = end + 1
            line += 1
        }
        let body = UnsafeBufferPointer(rebasing: bytes[min(offset, bytes.count)...])
        let separator: UInt8
        if let declared = header.separator {
            separator = declared
        } else {
            separator = try detectSeparator(body, firstLine: line, file: name)
        }

        var reader = RowReader(bytes: body, separator: separator, line: line)
        var rows: [Row] = []
        while let row = reader.next() { rows.append(row) }
        if let opened = reader.unclosedQuote { throw .invalid(file: name, line: opened, reason: unclosedQuote) }
        guard !rows.isEmpty else { throw .noNotes(file: name) }

        // What each column holds, and how many there are: named by `#columns:` or a header row, or else front and
        // back first (after any column Anki's header lines number), tags third.
        var columns: [Column]
        let widthSaid: String
        let namesLine: Int
        if let names = header.columnNames {
            var parts = names.split(separator: Character(Unicode.Scalar(separator)), omittingEmptySubsequences: false)
            if parts.count == 1 { parts = names.split(whereSeparator: { $0 == "\t" || $0 == ";" || $0 == "," }) }
            columns = Column.resolve(parts.map { Column(named: $0) ?? .other })
            widthSaid = "#columns: names \(columns.count)"
            namesLine = header.columnNamesLine
        } else if let named = Column.named(rows[0].fields) {
            columns = Column.resolve(named)
            widthSaid = "the header row has \(columns.count)"
            namesLine = rows[0].line
            rows.removeFirst()
            guard !rows.isEmpty else { throw .noNotes(file: name) }
        } else {
            let width = max(rows[0].fields.count, header.numbered.values.max() ?? 0)
            guard width >= 2 else {
                throw .invalid(
                    file: name, line: rows[0].line,
                    reason:
                        "only one column: each row needs a front and a back, separated by \(separatorName(separator))")
            }
            columns = header.defaultColumns(width: width)
            if width >= 3, header.numbered.isEmpty, rows.allSatisfy({ isNoteTypeName($0.fields[0]) }) {
                // A first column of Anki's note type names ("Basic", "Cloze", "Basic (and reversed card)") says
                // what each row is, as Anki's own export writes it.
                columns = [.noteType, .front, .back] + Array(repeating: .other, count: width - 3)
                if width >= 4 { columns[3] = .tags }
            }
            widthSaid =
                width == rows[0].fields.count
                ? "the first row has \(width)" : "the header lines number \(width) columns"
            namesLine = rows[0].line
        }
        for (column, n) in header.numberedColumns where n <= columns.count {
            if let taken = columns.firstIndex(of: column) { columns[taken] = .other }
            columns[n - 1] = column
        }
        guard let front = columns.firstIndex(of: .front), let back = columns.firstIndex(of: .back) else {
            throw .invalid(
                file: name, line: namesLine, reason: "the column names say no column holds the front, or none the back")
        }
        let width = columns.count
        // A row may stop short when what it leaves out comes after the front and the back (tags, a deck): Anki
        // writes rows so when their last fields are empty.
        let needed = max(front, back) + 1
        let noteType = columns.firstIndex(of: .noteType)
        let deckColumn = columns.firstIndex(of: .deck)
        let tagsColumn = columns.firstIndex(of: .tags)

        var shapes: [String: CardDeck.Note.Shape] = [:]
        var notes: [CardDeck.Note] = []
        notes.reserveCapacity(rows.count)
        for row in rows {
            let fields = row.fields
            guard fields.count <= width, fields.count >= needed else {
                throw .invalid(
                    file: name, line: row.line,
                    reason: "row has \(fields.count) field\(fields.count == 1 ? "" : "s") where \(widthSaid)")
            }
            func cell(_ index: Int?) -> String? {
                guard let index, index < fields.count, !fields[index].isEmpty else { return nil }
                return fields[index]
            }
            let frontText = fields[front]
            guard !frontText.isEmpty else { throw .invalid(file: name, line: row.line, reason: "row has no front") }
            var backText = fields[back]
            if header.isHTML { backText = withoutSource(backText) }
            let shape: CardDeck.Note.Shape
            if let type = cell(noteType) ?? header.noteType {
                if let known = shapes[type] {
                    shape = known
                } else {
                    shape = Self.shape(noteType: type)
                    shapes[type] = shape
                }
            } else {
                shape = hasClozeMark(frontText) ? .cloze : .basic
            }
            guard shape == .cloze || !backText.isEmpty else {
                throw .invalid(file: name, line: row.line, reason: "row has no back")
            }
            var tags = header.tags
            if let cell = cell(tagsColumn) {
                for tag in cell.split(whereSeparator: { $0 == " " || $0 == "\t" })
                where !tags.contains(where: { $0 == tag }) {
                    tags.append(String(tag))
                }
            }
            notes.append(
                CardDeck.Note(
                    shape: shape, front: frontText, back: backText, deck: deckPath(cell(deckColumn) ?? header.deck),
                    tags: tags, line: row.line))
        }
        return CardDeck(title: title(name), notes: notes, isHTML: header.isHTML, format: .cardTable)
    }

    // MARK: Columns

    /// What a column holds.
    enum Column: Hashable {
        case front, back, tags, deck, noteType, guid, other
        /// "Extra" or "Back Extra": the back when no column is named the back.
        case extra

        init?(named raw: some StringProtocol) {
            guard raw.utf8.count <= 32 else { return nil }
            switch raw.trimming([" ", "\t"]).lowercased() {
            case "front", "question", "term", "word", "prompt", "text": self = .front
            case "back", "answer", "definition", "meaning": self = .back
            case "extra", "back extra": self = .extra
            case "tags": self = .tags
            case "deck": self = .deck
            case "notetype", "note type", "type": self = .noteType
            case "guid": self = .guid
            default: return nil
            }
        }

        /// A header row's columns: each cell names one, or the row is a note, not a header.
        static func named(_ cells: [String]) -> [Column]? {
            var columns: [Column] = []
            for cell in cells {
                guard let column = Column(named: cell) else { return nil }
                columns.append(column)
            }
            return columns
        }

        /// Named columns made definite: the first column of each kind counts, an "Extra" column is the back only
        /// when none is named so, and when names leave the front or the back out, the first unnamed columns hold them.
        static func resolve(_ named: [Column]) -> [Column] {
            var columns = named
            var seen = Set<Column>()
            for i in columns.indices where columns[i] != .other && columns[i] != .extra {
                if !seen.insert(columns[i]).inserted { columns[i] = .other }
            }
            if !seen.contains(.back), let extra = columns.firstIndex(of: .extra) { columns[extra] = .back }
            for i in columns.indices where columns[i] == .extra { columns[i] = .other }
            for needed in [Column.front, .back] where !columns.contains(needed) {
                if let free = columns.firstIndex(of: .other) { columns[free] = needed }
            }
            return columns
        }
    }

    /// The shape a note type's name gives: "Cloze" (or any name with "cloze" in it) blanks, "Basic (and reversed
    /// card)" (any name with "reverse") asks both ways, any other asks front to back.
    static func shape(noteType: String) -> CardDeck.Note.Shape {
        let lower = Array(noteType.lowercased().utf8)
        func has(_ word: String) -> Bool {
            let w = Array(word.utf8)
            return lower.count >= w.count
                && (0...(lower.count - w.count)).contains { lower[$0..<($0 + w.count)].elementsEqual(w) }
        }
        return has("cloze") ? .cloze : has("reverse") ? .bothWays : .basic
    }

    /// Whether the text holds a cloze's `{{cN::`.
    static func hasClozeMark(_ text: String) -> Bool {
        // How much of "{{c", digits, "::" has been seen: 0 to 2 of "{{c" (3 after it), 4 after a digit, 5 after ":".
        var state = 0
        for b in text.utf8 {
            switch (state, b) {
            case (0, 0x7B), (1, 0x7B): state += 1
            case (2, 0x7B): state = 2
            case (2, 0x63), (2, 0x43): state = 3
            case (3, 0x30...0x39), (4, 0x30...0x39): state = 4
            case (4, 0x3A): state = 5
            case (5, 0x3A): return true
            default: state = b == 0x7B ? 1 : 0
            }
        }
        return false
    }

    /// One of Anki's note type names, as the first column of its notes export holds them.
    static func isNoteTypeName(_ cell: String) -> Bool {
        guard cell.utf8.count <= 60 else { return false }
        let lower = cell.lowercased()
        return lower == "basic" || lower == "cloze" || lower.hasPrefix("basic (") || lower.hasPrefix("cloze (")
            || lower.hasPrefix("basic-") || lower.hasPrefix("cloze-") || lower.contains("reversed card")
    }

    /// A deck's name as a path: "French::Verbs" → ["French", "Verbs"].
    static func deckPath(_ name: String?) -> [String] {
        guard let name else { return [] }
        return name.split(separator: "::").map { $0.trimming([" ", "\t"]) }.filter { !$0.isEmpty }
    }

    /// The deck's title: the file's name without its folder and extension.
    static func title(_ name: String) -> String {
        let file = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? name
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    /// A back without the source Revise's own CSV puts under it: "answer<br><small>notes.txt:12</small>" →
    /// "answer", "<small>notes.txt:12</small>" → "". Small print after anything but a line break is kept.
    static func withoutSource(_ back: String) -> String {
        let u = back.utf8
        let close = Array("</small>".utf8)
        guard u.count >= 15, u.suffix(8).elementsEqual(close) else { return back }
        // The source is escaped text: no tag inside it. Back from its end to the "<small>" that opens it.
        var i = u.index(u.endIndex, offsetBy: -8)
        while i > u.startIndex {
            i = u.index(before: i)
            if u[i] == 0x3C { break }
        }
        guard u[i] == 0x3C, u[i...].starts(with: "<small>".utf8) else { return back }
        let kept = back.utf8[..<i]
        if kept.isEmpty { return "" }
        for br in ["<br>", "<br/>", "<br />"] {
            let n = br.utf8.count
            if kept.count >= n, kept.suffix(n).elementsEqual(br.utf8) { return String(Substring(kept.dropLast(n))) }
        }
        return back
    }

    // MARK: Header lines

    /// What Anki's header lines say.
    struct Header {
        var separator: UInt8?
        var isHTML = false
        var tags: [String] = []
        var deck: String?
        var noteType: String?
        /// `#columns:`, split once the separator is known, and its line.
        var columnNames: String?
        var columnNamesLine = 0
        /// 1-based column numbers from Anki's `#… column:N` lines.
        var numbered: [Column: Int] = [:]

        static let separators: [String: UInt8] = [
            "tab": 0x09, "comma": 0x2C, "semicolon": 0x3B, "pipe": 0x7C, "space": 0x20, "colon": 0x3A,
        ]
        /// `#notetype column:1` and the like, lower-cased without spaces.
        static let numberedKeys: [String: Column] = [
            "notetypecolumn": .noteType, "deckcolumn": .deck, "tagscolumn": .tags, "guidcolumn": .guid,
        ]

        /// Reads one line (without its `#`): "separator:Tab", "tags column:4". A line that is not one of these is
        /// a comment.
        mutating func read(_ text: String, line: Int, file: String) throws(ImportError) {
            guard let colon = text.firstIndex(of: ":") else { return }
            let key = String(text[..<colon].lowercased().filter { $0 != " " && $0 != "_" })
            var value = Substring(text[text.index(after: colon)...])
            if value.last == "\r" { value = value.dropLast() }
            let trimmed = value.trimming([" ", "\t"])
            switch key {
            case "separator":
                // A single character stands for itself (a tab, a space); a name is Anki's.
                let literal = value.count == 1 ? value : Substring(trimmed)
                if let byte = Self.separators[trimmed.lowercased()] {
                    separator = byte
                } else if literal.count == 1, let ascii = literal.first?.asciiValue, ascii != 0x22, ascii != 0x0A {
                    separator = ascii
                } else {
                    throw .invalid(
                        file: file, line: line,
                        reason:
                            "#separator:\(trimmed) is none of Tab, Comma, Semicolon, Pipe, Space, Colon or one character"
                    )
                }
            case "html": isHTML = trimmed.lowercased() == "true"
            case "tags": tags = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            case "deck": deck = trimmed.isEmpty ? nil : trimmed
            case "notetype": noteType = trimmed.isEmpty ? nil : trimmed
            case "columns":
                columnNames = String(value)
                columnNamesLine = line
            default:
                guard let column = Self.numberedKeys[key] else { break }  // a comment
                guard let n = Int(trimmed), n >= 1 else {
                    throw .invalid(
                        file: file, line: line, reason: "#\(text[..<colon]):\(trimmed) is not a column number")
                }
                numbered[column] = n
            }
        }

        /// The columns Anki's lines number, in a fixed order.
        var numberedColumns: [(Column, Int)] {
            [Column.guid, .noteType, .deck, .tags].compactMap { column in numbered[column].map { (column, $0) } }
        }

        /// The columns of a table without names: those Anki's lines number, then front and back in the first free
        /// columns, and the third column tags when it is free and no line says where the tags are.
        func defaultColumns(width: Int) -> [Column] {
            var columns = [Column](repeating: .other, count: width)
            for (column, n) in numberedColumns where n <= width { columns[n - 1] = column }
            let free = columns.indices.filter { columns[$0] == .other }
            if free.count >= 1 { columns[free[0]] = .front }
            if free.count >= 2 { columns[free[1]] = .back }
            if numbered[.tags] == nil, width >= 3, columns[0] == .front, columns[1] == .back, columns[2] == .other {
                columns[2] = .tags
            }
            return columns
        }
    }

    // MARK: Rows

    static let newline = UInt8(ascii: "\n")
    static let hash = UInt8(ascii: "#")
    static let unclosedQuote = "a quotation mark opened here is never closed"

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

    static func separatorName(_ b: UInt8) -> String {
        switch b {
        case 0x09: "a tab"
        case 0x2C: "a comma"
        case 0x3B: "a semicolon"
        case 0x20: "a space"
        default: "“\(Character(Unicode.Scalar(b)))”"
        }
    }

    /// The separator that splits the first rows (outside quotes) into the same number, two or more, of fields:
    /// where several do, the one that leaves fewer quotation marks out of place (text after a closing mark), then a
    /// tab, a semicolon, a comma in that order. When none splits them all alike (a ragged file), the one that splits
    /// most rows as it splits the first, so that the error names the row that differs.
    static func detectSeparator(_ body: UnsafeBufferPointer<UInt8>, firstLine: Int, file: String) throws(ImportError)
        -> UInt8
    {
        var best: (separator: UInt8, score: (Int, Int, Int))?
        var firstRow: Int?
        var unclosed: Int?
        for candidate in [UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: ",")] {
            var reader = RowReader(bytes: body, separator: candidate, line: firstLine)
            var counts: [Int] = []
            while counts.count < 20, let row = reader.next() {
                counts.append(row.fields.count)
                if firstRow == nil { firstRow = row.line }
            }
            if let opened = reader.unclosedQuote { unclosed = min(unclosed ?? opened, opened) }
            guard let first = counts.first else { throw .noNotes(file: file) }
            guard first >= 2 else { continue }
            let alike = counts.count(where: { $0 == first })
            let all = alike == counts.count
            // All rows alike beats most rows alike; then fewer stray quotation marks; then the order above.
            let score = (all ? 1 : 0, all ? 0 : alike, -reader.strayQuotes)
            if let best, best.score >= score { continue }
            best = (candidate, score)
        }
        if let best { return best.separator }
        if let unclosed { throw .invalid(file: file, line: unclosed, reason: unclosedQuote) }
        throw .invalid(
            file: file, line: firstRow ?? firstLine,
            reason: "no separator: each row needs a front and a back, separated by a tab, a semicolon or a comma")
    }

    struct Row {
        /// Where the row starts, from 1.
        var line: Int
        /// Its fields, trimmed of spaces and line breaks at either end.
        var fields: [String]
    }

    /// Reads rows one by one: quoted fields may hold the separator, `""` and line breaks (a CRLF inside becomes a
    /// line feed). Blank rows, and rows of empty fields only (",,"), are passed over.
    struct RowReader {
        let bytes: UnsafeBufferPointer<UInt8>
        let separator: UInt8
        var i = 0
        var line: Int
        /// The line where a quotation mark opened that the text ends without closing.
        var unclosedQuote: Int?
        /// How many fields had text after their closing quotation mark: a sign of the wrong separator.
        var strayQuotes = 0
        private var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, line: Int) {
            self.bytes = bytes
            self.separator = separator
            self.line = line
        }

        enum End { case separator, line, text }

        mutating func next() -> Row? {
            while i < bytes.count {
                let start = line
                var fields: [String] = []
                var blank = true
                while true {
                    let (field, end) = nextField()
                    if !field.isEmpty { blank = false }
                    fields.append(field)
                    if end != .separator { break }
                }
                if !blank { return Row(line: start, fields: fields) }
            }
            return nil
        }

        private mutating func nextField() -> (String, End) {
            let quote = UInt8(ascii: "\"")
            let n = bytes.count
            var j = i
            while j < n, bytes[j] == 0x20 || bytes[j] == 0x09, bytes[j] != separator { j += 1 }
            if j < n, bytes[j] == quote {
                let opened = line
                var lines = 0
                var closed = false
                // Whether the field needs its quotation marks in a tab-separated file.
                var needsQuotes = false
                scratch.removeAll(keepingCapacity: true)
                j += 1
                while j < n {
                    // Plain text up to the next quotation mark, line break or tab, copied at once.
                    let run = j
                    while j < n, bytes[j] != quote, bytes[j] != CardTable.newline, bytes[j] != 0x09 { j += 1 }
                    if j > run { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<j])) }
                    guard j < n else { break }
                    let b = bytes[j]
                    j += 1
                    if b == quote {
                        if j < n, bytes[j] == quote {
                            j += 1
                            needsQuotes = true
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        needsQuotes = true
                        if b == CardTable.newline {
                            lines += 1
                            if scratch.last == 0x0D { scratch.removeLast() }
                        }
                    }
                    scratch.append(b)
                }
                guard closed else {
                    unclosedQuote = opened
                    line += lines
                    i = n
                    return (Self.string(scratch[...]), .text)
                }
                while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D, bytes[j] != separator { j += 1 }
                // In a tab-separated file (Quizlet's, Revise's own) nothing needs quoting but a tab, a line break, a
                // quotation mark or a leading "#": a field all in quotation marks without one of those is a quotation
                // (`"Workers of the world, unite!"`) and keeps its marks.
                let quotation = separator == 0x09 && !needsQuotes && !scratch.isEmpty && scratch.first != CardTable.hash
                if !quotation, j == n || bytes[j] == separator || bytes[j] == CardTable.newline {
                    let field = Self.string(scratch[...])
                    line += lines
                    return (field, end(at: j))
                }
                // Otherwise, and when text follows the closing mark (`"Hi" means hello`), the marks are part of the
                // text: the field is read again as it stands.
                if !quotation { strayQuotes += 1 }
            }
            j = i
            while j < n, bytes[j] != separator, bytes[j] != CardTable.newline { j += 1 }
            return (Self.string(bytes[i..<j]), end(at: j))
        }

        /// Moves past the separator or line break at `j`.
        private mutating func end(at j: Int) -> End {
            guard j < bytes.count else {
                i = bytes.count
                return .text
            }
            i = j + 1
            if bytes[j] == CardTable.newline {
                line += 1
                return .line
            }
            return .separator
        }

        /// The bytes as text, without spaces, tabs and line breaks at either end.
        static func string<C: BidirectionalCollection>(_ bytes: C) -> String where C.Element == UInt8 {
            var start = bytes.startIndex
            var end = bytes.endIndex
            func trim(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
            while start < end, trim(bytes[start]) { start = bytes.index(after: start) }
            while end > start, trim(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }
}
