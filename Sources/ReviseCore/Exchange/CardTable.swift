import Foundation

/// Flashcards in a text table, as Anki and Quizlet export them or a student types them: a row per note, the
/// front and back in the first two columns (or the columns a header names), fields separated by a tab, a
/// semicolon or a comma, quoted when they hold one (`""` for a quotation mark, line breaks inside quotes).
/// Anki's header lines (`#separator:`, `#html:`, `#tags:`, `#deck:`, `#notetype:`, `#columns:` and
/// `#… column:N`) are honoured. Read from the decoded text: pure.
public enum CardTable {
    /// - Parameter name: how errors and citations name the file; its last part, without the extension, is the
    ///   deck's title.
    public static func deck(text: String, name: String) throws(ImportError) -> CardDeck {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var header = Header()
        var offset = 0
        var line = 1
        // Anki's header lines come first: "#key:value".
        while offset < bytes.count, bytes[offset] == UInt8(ascii: "#") {
            let end = bytes[offset...].firstIndex(of: 10) ?? bytes.count
            header.read(String(decoding: bytes[(offset + 1)..<end], as: UTF8.self).trimming([" ", "\r", "\t"]))
            offset = min(bytes.count, end + 1)
            line += 1
        }
        let body = bytes[offset...]
        guard body.contains(where: { $0 != 10 && $0 != 13 && $0 != 32 && $0 != 9 }) else { throw .noNotes(file: name) }
        let separator: UInt8
        if let declared = header.separator {
            separator = declared
        } else {
            guard let detected = detectSeparator(body) else {
                throw .invalid(
                    file: name, line: line,
                    reason: "no separator: a row needs a front and a back, separated by a tab, a semicolon or a comma")
            }
            separator = detected
        }
        var rows = try Self.rows(body, separator: separator, firstLine: line, file: name)
        guard !rows.isEmpty else { throw .noNotes(file: name) }
        var columns = header.columns
        if columns.isEmpty, rows[0].fields.allSatisfy({ Column(named: $0) != nil }) {
            columns = rows[0].fields.map { Column(named: $0)! }
            rows.removeFirst()
            guard !rows.isEmpty else { throw .noNotes(file: name) }
        }
        let width = columns.isEmpty ? rows.first?.fields.count ?? 0 : columns.count
        if columns.isEmpty {
            columns = header.defaultColumns(width: width)
            // A first column of Anki's note type names ("Basic", "Cloze", "Basic (and reversed card)") says what
            // each row is, as Anki's own export writes it.
            if width >= 3, header.numbered.isEmpty, rows.allSatisfy({ Self.isNoteTypeName($0.fields[0]) }) {
                columns = [.noteType, .front, .back] + Array(repeating: Column.other, count: width - 3)
                if width >= 4 { columns[3] = .tags }
            }
        }
        guard let front = columns.firstIndex(of: .front), columns.contains(.back) || columns.contains(.noteType) else {
            throw .invalid(file: name, line: line, reason: "the header names no front and back columns")
        }
        let back = columns.firstIndex(of: .back)
        var notes: [CardDeck.Note] = []
        notes.reserveCapacity(rows.count)
        for row in rows {
            guard row.fields.count == width else {
                throw .invalid(
                    file: name, line: row.line,
                    reason: "this row has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s") where the first has \(width)")
            }
            func cell(_ column: Column) -> String? {
                columns.firstIndex(of: column).map { row.fields[$0].trimming([" ", "\t", "\r", "\n"]) }
            }
            let frontText = row.fields[front].trimming([" ", "\t", "\r", "\n"])
            guard !frontText.isEmpty else { throw .invalid(file: name, line: row.line, reason: "this row has no front") }
            var backText = back.map { row.fields[$0].trimming([" ", "\t", "\r", "\n"]) } ?? ""
            if header.isHTML { backText = withoutSource(backText) }
            let type = (cell(.noteType) ?? header.noteType ?? "").lowercased()
            let shape: CardDeck.Note.Shape =
                type.contains("cloze") || (type.isEmpty && frontText.contains("{{c")) ? .cloze
                : type.contains("revers") ? .bothWays : .basic
            guard shape == .cloze || !backText.isEmpty else {
                throw .invalid(file: name, line: row.line, reason: "this row has no back")
            }
            let deckName = cell(.deck).flatMap { $0.isEmpty ? nil : $0 } ?? header.deck
            let tags = header.tags + (cell(.tags) ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            notes.append(
                CardDeck.Note(
                    shape: shape, front: frontText, back: backText,
                    deck: deckName.map { $0.components(separatedBy: "::") } ?? [], tags: tags, line: row.line))
        }
        let file = name.split(separator: "/").last.map(String.init) ?? name
        let stem = file.split(separator: ".").dropLast().joined(separator: ".")
        return CardDeck(title: stem.isEmpty ? file : stem, notes: notes, isHTML: header.isHTML, format: .cardTable)
    }

    /// What a column holds.
    enum Column: Equatable {
        case front, back, tags, deck, noteType, guid, other

        init?(named raw: String) {
            switch raw.trimming([" ", "\t", "\r", "\n"]).lowercased() {
            case "front", "question", "term", "word", "prompt", "text", "q": self = .front
            case "back", "answer", "definition", "meaning", "a", "back extra", "extra": self = .back
            case "tags", "tag": self = .tags
            case "deck": self = .deck
            case "notetype", "note type", "type", "note": self = .noteType
            case "guid": self = .guid
            default: return nil
            }
        }
    }

    /// What Anki's header lines say.
    struct Header {
        var separator: UInt8?
        var isHTML = false
        var tags: [String] = []
        var deck: String?
        var noteType: String?
        var columns: [Column] = []
        /// 1-based column numbers Anki's `#… column:N` lines give.
        var numbered: [Column: Int] = [:]

        mutating func read(_ line: String) {
            guard let colon = line.firstIndex(of: ":") else { return }
            let key = line[..<colon].lowercased().trimming([" "])
            let value = String(line[line.index(after: colon)...]).trimming([" "])
            switch key {
            case "separator":
                let names: [String: Character] = [
                    "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ", "colon": ":",
                ]
                if let c = names[value.lowercased()] ?? (value.count == 1 ? value.first : nil), let ascii = c.asciiValue {
                    separator = ascii
                }
            case "html": isHTML = value.lowercased() == "true"
            case "tags": tags = value.split(separator: " ").map(String.init)
            case "deck": deck = value
            case "notetype": noteType = value
            case "columns": columns = value.split(whereSeparator: { $0 == "," || $0 == "\t" || $0 == ";" }).map { Column(named: String($0)) ?? .other }
            case "notetype column": if let n = Int(value) { numbered[.noteType] = n }
            case "deck column": if let n = Int(value) { numbered[.deck] = n }
            case "tags column": if let n = Int(value) { numbered[.tags] = n }
            case "guid column": if let n = Int(value) { numbered[.guid] = n }
            default: break
            }
        }

        /// The columns of a table without a header row: those Anki's lines number, then front and back in the
        /// first free columns, and a third column of tags when nothing else claims it.
        func defaultColumns(width: Int) -> [Column] {
            var columns = [Column](repeating: .other, count: width)
            for (column, n) in numbered where n >= 1 && n <= width { columns[n - 1] = column }
            var free = columns.indices.filter { columns[$0] == .other }.makeIterator()
            if let f = free.next() { columns[f] = .front }
            if let b = free.next() { columns[b] = .back }
            if numbered[.tags] == nil, let t = free.next(), t == 2 { columns[t] = .tags }
            return columns
        }
    }

    /// The separator that splits the first rows into the same number (two or more) of fields: a tab first, then a
    /// semicolon, then a comma.
    static func detectSeparator(_ body: ArraySlice<UInt8>) -> UInt8? {
        let sample = body.prefix(64 * 1024)
        var best: (separator: UInt8, rows: Int)?
        for candidate in [UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: ",")] {
            guard let rows = try? rows(sample, separator: candidate, firstLine: 1, file: "", limit: 20, lenient: true),
                !rows.isEmpty
            else { continue }
            let counts = rows.map(\.fields.count)
            guard counts[0] >= 2 else { continue }
            if counts.allSatisfy({ $0 == counts[0] }) { return candidate }
            let agreeing = counts.filter { $0 == counts[0] }.count
            if agreeing > best?.rows ?? 0 { best = (candidate, agreeing) }
        }
        return best?.separator
    }

    struct Row {
        var line: Int
        var fields: [String]
    }

    /// The rows of a table: quoted fields may hold separators, `""` and line breaks. Blank lines are skipped.
    static func rows(
        _ bytes: ArraySlice<UInt8>, separator: UInt8, firstLine: Int, file: String, limit: Int = .max,
        lenient: Bool = false
    ) throws(ImportError) -> [Row] {
        let quote = UInt8(ascii: "\"")
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = firstLine
        var rowLine = firstLine
        var quotedSince: Int?
        var atFieldStart = true
        var i = bytes.startIndex
        func endRow() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            if !(fields.count == 1 && fields[0].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" })) {
                rows.append(Row(line: rowLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
            atFieldStart = true
        }
        while i < bytes.endIndex, rows.count < limit {
            let b = bytes[i]
            i += 1
            if quotedSince != nil {
                if b == quote {
                    if i < bytes.endIndex, bytes[i] == quote {
                        field.append(quote)
                        i += 1
                    } else {
                        quotedSince = nil
                    }
                } else {
                    if b == 10 { line += 1 }
                    field.append(b)
                }
                continue
            }
            switch b {
            case quote where atFieldStart:
                quotedSince = line
                atFieldStart = false
            case separator:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                atFieldStart = true
            case 10:
                if field.last == 13 { field.removeLast() }
                endRow()
                line += 1
                rowLine = line
            default:
                // Spaces before an opening quotation mark do not make the field unquoted.
                if !(atFieldStart && (b == 32 || b == 9) && separator != b) { atFieldStart = false }
                if atFieldStart { continue }
                field.append(b)
            }
        }
        if let opened = quotedSince, !lenient {
            throw .invalid(file: file, line: opened, reason: "a quotation mark opened here is never closed")
        }
        if rows.count < limit, !field.isEmpty || !fields.isEmpty {
            if field.last == 13 { field.removeLast() }
            endRow()
        }
        return rows
    }

    /// One of Anki's note type names, as the first column of its notes export holds them.
    static func isNoteTypeName(_ cell: String) -> Bool {
        let lower = cell.lowercased()
        return lower.count <= 60 && (lower.hasPrefix("basic") || lower.hasPrefix("cloze") || lower.contains("(and reversed card)"))
    }

    /// A back without the source Revise's own CSV puts under it ("…<br><small>notes.txt:12</small>").
    static func withoutSource(_ back: String) -> String {
        guard back.hasSuffix("</small>"), let open = back.range(of: "<small>", options: .backwards) else { return back }
        var kept = back[..<open.lowerBound]
        if kept.hasSuffix("<br>") { kept = kept.dropLast(4) }
        return String(kept)
    }
}
