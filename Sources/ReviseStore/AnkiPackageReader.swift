import Foundation
import GRDB
import ReviseCore
import ZIPFoundation

/// Reads an Anki package (`.apkg`, `.colpkg`) into a `CardDeck`: its notes with their note types' sides, decks,
/// tags, review log and media. Reads the three layouts Anki has written: `collection.anki2` (Anki 2.0 and
/// genanki), `collection.anki21` (Anki 2.1's "support older versions") and `collection.anki21b` (current Anki:
/// schema 18, compressed with zstd, as are its media). Packages of current Anki also hold a `collection.anki2`
/// that only says to update Anki: the newest collection is the one read.
///
/// The package is a zip a user got from somewhere: everything unpacked counts against one limit, checked on the
/// bytes as they come out (not on what the zip claims), so a small file that unpacks to gigabytes is refused.
public enum AnkiPackageReader {
    /// The most entries a package may have (a deck with this many images is very large already).
    static let entryLimit = 200_000

    /// Reads the package in a file, unpacking entries straight from it (the package is never read whole).
    /// - Parameters:
    ///   - name: how errors name the file (the path as the user gave it); its last component, less its extension,
    ///     is the deck's title.
    ///   - maxUnpackedBytes: the most bytes the package may unpack to, everything (zstd included) counted.
    public static func read(contentsOf url: URL, name: String, maxUnpackedBytes: Int) throws(ImportError) -> CardDeck {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw .notFound(path: name)
        }
        guard !isFolder.boolValue else { throw .unreadable(file: name, reason: "it is a folder, not an Anki package") }
        return try read(name: name, limit: maxUnpackedBytes) {
            guard let archive = try? Archive(url: url, accessMode: .read, pathEncoding: nil) else {
                throw Problem(notZip)
            }
            return archive
        }
    }

    /// Reads a package already in memory (an upload, a file whose bytes were hashed first).
    public static func read(bytes: [UInt8], name: String, maxUnpackedBytes: Int) throws(ImportError) -> CardDeck {
        try read(name: name, limit: maxUnpackedBytes) {
            guard bytes.starts(with: [0x50, 0x4B]),
                let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil)
            else { throw Problem(notZip) }
            return archive
        }
    }

    static let notZip = "not an Anki package: it is not a zip archive"

    /// Opens the archive and reads it, every failure said as an `ImportError` naming the file.
    private static func read(name: String, limit: Int, archive: () throws -> Archive) throws(ImportError) -> CardDeck {
        do {
            var reader = Reader(archive: try archive(), name: name, limit: limit)
            return try reader.deck()
        } catch let error as ImportError {
            throw error
        } catch {
            throw .unreadable(file: name, reason: "\(error)")
        }
    }

    /// What went wrong, said for a person.
    struct Problem: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    struct Reader {
        let archive: Archive
        let name: String
        let limit: Int
        var unpacked = 0

        /// An entry's bytes, counted against the limit as they are unpacked.
        mutating func unpack(_ path: String) throws -> [UInt8]? {
            guard let entry = archive[path] else { return nil }
            var out: [UInt8] = []
            var total = unpacked
            let limit = self.limit
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    total += chunk.count
                    guard total <= limit else { throw Zstd.TooLarge(limit: limit) }
                    out.append(contentsOf: chunk)
                }
            } catch is Zstd.TooLarge {
                throw tooLarge()
            } catch {
                throw Problem("the package is damaged: its \(path) cannot be unpacked (\(error))")
            }
            unpacked = total
            return out
        }

        /// zstd bytes unpacked, counted against the same limit.
        mutating func decompress(_ bytes: [UInt8], what: String) throws -> [UInt8] {
            do {
                let out = try Zstd.decompress(bytes, limit: limit - unpacked)
                unpacked += out.count
                return out
            } catch is Zstd.TooLarge {
                throw tooLarge()
            } catch let error as Zstd.Failed {
                throw Problem("the package is damaged: its \(what) cannot be unpacked (\(error))")
            }
        }

        func tooLarge() -> ImportError {
            .unreadable(
                file: name,
                reason: "it unpacks to more than \(ByteSize(limit)); Revise stopped unpacking it (raise the limit with --max-size if the deck is really that large)")
        }

        mutating func deck() throws -> CardDeck {
            var count = 0
            for _ in archive {
                count += 1
                guard count <= AnkiPackageReader.entryLimit else {
                    throw Problem("the package has more than \(AnkiPackageReader.entryLimit) files")
                }
            }
            let layouts = ["collection.anki21b", "collection.anki21", "collection.anki2"]
            guard let layout = layouts.first(where: { archive[$0] != nil }) else {
                throw Problem(
                    "not an Anki package: it holds no collection (collection.anki21b, collection.anki21 or collection.anki2)")
            }
            var collection = try unpack(layout) ?? []
            let isLatest = layout == "collection.anki21b"
            if isLatest { collection = try decompress(collection, what: layout) }
            guard collection.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
                throw Problem("its \(layout) is not an Anki collection (not an SQLite database)")
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("revise-apkg-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("collection.sqlite")
            try Data(collection).write(to: file)
            var configuration = Configuration()
            configuration.readonly = true
            let notes: [CardDeck.Note]
            do {
                let db = try DatabaseQueue(path: file.path, configuration: configuration)
                notes = try db.read { db in try Collection.notes(db, schema18: try db.tableExists("notetypes")) }
            } catch let error as DatabaseError {
                throw Problem("its \(layout) is not an Anki collection: \(error.message ?? "\(error)")")
            }
            let media = try self.media(compressed: isLatest)
            let file0 = name.split(separator: "/").last.map(String.init) ?? name
            let stem = file0.split(separator: ".").dropLast().joined(separator: ".")
            return CardDeck(title: stem.isEmpty ? file0 : stem, notes: notes, media: media, isHTML: true)
        }

        /// The media files: `media` maps zip entries ("0", "1"…) to names, as JSON in the older layouts and as
        /// zstd-compressed protobuf (each file compressed too) in the newest.
        mutating func media(compressed: Bool) throws -> [String: [UInt8]] {
            guard let list = try unpack("media"), !list.isEmpty else { return [:] }
            var names: [(entry: String, name: String)] = []
            if compressed {
                for (index, entry) in Protobuf.messages(1, in: try decompress(list, what: "media list")).enumerated() {
                    guard let name = Protobuf.string(1, in: entry) else { continue }
                    let zipName = Protobuf.varint(255, in: entry).map(String.init) ?? String(index)
                    names.append((zipName, name))
                }
            } else {
                guard let map = try? JSONSerialization.jsonObject(with: Data(list)) as? [String: Any] else {
                    throw Problem("its media list is not readable")
                }
                names = map.compactMap { key, value in (value as? String).map { (key, $0) } }.sorted { $0.entry < $1.entry }
            }
            var media: [String: [UInt8]] = [:]
            for (entry, name) in names {
                // A name that reaches outside a folder is no file name a card can show.
                guard !name.contains("/"), !name.contains("\\"), name != "..", !name.isEmpty else { continue }
                guard var bytes = try unpack(entry) else { continue }
                if compressed { bytes = try decompress(bytes, what: "media file \(name)") }
                media[name] = bytes
            }
            return media
        }
    }

    /// An Anki collection's tables, read into notes.
    enum Collection {
        struct NoteType {
            var isCloze: Bool
            var fields: [String]
            /// Each template's question and answer formats.
            var templates: [(question: String, answer: String)]

            /// The fields the first template shows on the question side, in order (not those only to type in),
            /// and those its answer side adds: worked out once per note type, not per note.
            func sideFields() -> (question: [Int], answer: [Int]) {
                let index = { (name: String) in fields.firstIndex(of: name) }
                let template = templates.first ?? ("", "")
                let question = Collection.fieldNames(in: template.question, typedIn: false).compactMap(index)
                let answer = (Collection.fieldNames(in: template.question, typedIn: true)
                    + Collection.fieldNames(in: template.answer, typedIn: nil)).compactMap(index)
                return (question, answer.filter { !question.contains($0) })
            }
        }

        static func notes(_ db: Database, schema18: Bool) throws -> [CardDeck.Note] {
            for table in ["notes", "cards", "revlog"] where try !db.tableExists(table) {
                throw Problem("its collection has no \(table) table: it is not an Anki collection")
            }
            let (types, decks) = schema18 ? try schema18Types(db) : try schema11Types(db)
            var cards: [Int64: [(ord: Int, deck: Int64, id: Int64)]] = [:]
            var cardNote: [Int64: (note: Int64, ord: Int)] = [:]
            // A card in a filtered deck belongs to its home deck (`odid`): the filtered deck is only a study session.
            for row in try Row.fetchAll(
                db, sql: "SELECT id, nid, CASE WHEN odid != 0 THEN odid ELSE did END, ord FROM cards ORDER BY nid, ord")
            {
                let (id, nid, did, ord): (Int64, Int64, Int64, Int) = (row[0], row[1], row[2], row[3])
                cards[nid, default: []].append((ord, did, id))
                cardNote[id] = (nid, ord)
            }
            var reviews: [Int64: [CardDeck.Review]] = [:]
            // Ratings 1–4 of learning, review, relearning and filtered-deck reviews; manual reschedules (type 4 and
            // later, ease 0) are not reviews.
            for row in try Row.fetchAll(
                db, sql: "SELECT id, cid, ease FROM revlog WHERE ease BETWEEN 1 AND 4 AND type BETWEEN 0 AND 3 ORDER BY id")
            {
                let (id, cid, ease): (Int64, Int64, Int) = (row[0], row[1], row[2])
                guard let card = cardNote[cid], let rating = Rating(rawValue: ease) else { continue }
                reviews[card.note, default: []].append(
                    CardDeck.Review(card: card.ord, rating: rating, at: Date(timeIntervalSince1970: Double(id) / 1000)))
            }
            let sideFields = types.mapValues { $0.sideFields() }
            var notes: [CardDeck.Note] = []
            var line = 0
            for row in try Row.fetchAll(db, sql: "SELECT id, mid, tags, flds FROM notes ORDER BY id") {
                let (id, mid, tags, flds): (Int64, Int64, String, String) = (row[0], row[1], row[2], row[3])
                line += 1
                guard let type = types[mid] else { continue }
                let fields = flds.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
                guard let (front, back) = sides(of: type, fields: fields, shown: sideFields[mid]!) else { continue }
                let noteCards = cards[id] ?? []
                let shape: CardDeck.Note.Shape =
                    type.isCloze ? .cloze : noteCards.contains { $0.ord >= 1 } && type.templates.count >= 2 ? .bothWays : .basic
                let deck = noteCards.first.flatMap { decks[$0.deck] } ?? []
                var note = CardDeck.Note(
                    shape: shape, front: fields[front], back: back.map { $0 < fields.count ? fields[$0] : "" } ?? "",
                    deck: deck, tags: tags.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init),
                    line: line, reviews: reviews[id] ?? [])
                if let hidden = type.fields.firstIndex(of: AnkiPackage.reviseFieldName), hidden < fields.count,
                    !fields[hidden].isEmpty
                {
                    note.revise = HTMLEntities.decode(fields[hidden])
                }
                notes.append(note)
            }
            return notes
        }

        /// The fields a note asks with and answers with: the first field with words that its type's first
        /// template shows on the question side, and the first other one with words that its answer side adds
        /// (for a cloze, the field beside the cloze text). A field the question only asks to type in
        /// (`{{type:Back}}`) belongs to the answer.
        static func sides(of type: NoteType, fields: [String], shown: (question: [Int], answer: [Int])) -> (front: Int, back: Int?)? {
            let hasWords = { (i: Int) in i < fields.count && fields[i].contains { !$0.isWhitespace } }
            let question = shown.question
            guard let front = question.first(where: hasWords) ?? (question.isEmpty && hasWords(0) ? 0 : nil) else { return nil }
            let back = shown.answer.first { $0 != front && hasWords($0) }
                ?? type.fields.indices.first { $0 != front && type.fields[$0] != AnkiPackage.reviseFieldName && hasWords($0) }
            return (front, back)
        }

        /// The fields a template shows, in order: `{{Front}}`, `{{text:Back}}`, `{{cloze:Text}}`; not conditional
        /// sections (`{{#…}}`, `{{/…}}`, `{{^…}}`) or what Anki fills in itself (`{{FrontSide}}`, `{{Tags}}`…).
        /// `typedIn`: only the fields to type in (`{{type:…}}`), only the others, or (nil) all.
        static func fieldNames(in template: String, typedIn: Bool?) -> [String] {
            var names: [String] = []
            var rest = Substring(template)
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                rest = rest[close.upperBound...]
                guard let first = inner.first, !"#/^!".contains(first) else { continue }
                let parts = inner.split(separator: ":")
                let name = String(parts.last ?? "").trimmingCharacters(in: .whitespaces)
                if ["FrontSide", "Tags", "Deck", "Subdeck", "Card", "CardFlag", "Type", ""].contains(name) { continue }
                let typed = parts.count > 1 && parts.dropLast().contains { $0.trimmingCharacters(in: .whitespaces) == "type" }
                if let typedIn, typed != typedIn { continue }
                names.append(name)
            }
            return names
        }

        /// Schema 11: note types and decks are JSON in the `col` row.
        static func schema11Types(_ db: Database) throws -> ([Int64: NoteType], [Int64: [String]]) {
            guard try db.tableExists("col"), let row = try Row.fetchOne(db, sql: "SELECT models, decks FROM col") else {
                throw Problem("its collection has no col table: it is not an Anki collection")
            }
            guard let models = try? JSONSerialization.jsonObject(with: Data((row["models"] as String).utf8)) as? [String: Any],
                let deckList = try? JSONSerialization.jsonObject(with: Data((row["decks"] as String).utf8)) as? [String: Any]
            else {
                throw Problem("its collection's note types or decks are not readable")
            }
            var types: [Int64: NoteType] = [:]
            for (key, value) in models {
                guard let id = Int64(key), let model = value as? [String: Any] else { continue }
                let fields = ((model["flds"] as? [[String: Any]]) ?? []).sorted { ($0["ord"] as? Int ?? 0) < ($1["ord"] as? Int ?? 0) }
                let templates = ((model["tmpls"] as? [[String: Any]]) ?? []).sorted { ($0["ord"] as? Int ?? 0) < ($1["ord"] as? Int ?? 0) }
                types[id] = NoteType(
                    isCloze: (model["type"] as? Int) == 1, fields: fields.map { $0["name"] as? String ?? "" },
                    templates: templates.map { ($0["qfmt"] as? String ?? "", $0["afmt"] as? String ?? "") })
            }
            var decks: [Int64: [String]] = [:]
            for (key, value) in deckList {
                guard let id = Int64(key), let name = (value as? [String: Any])?["name"] as? String else { continue }
                decks[id] = name.components(separatedBy: "::")
            }
            return (types, decks)
        }

        /// Schema 18: tables of note types, fields, templates and decks, with protobuf settings.
        static func schema18Types(_ db: Database) throws -> ([Int64: NoteType], [Int64: [String]]) {
            for table in ["fields", "templates", "decks"] where try !db.tableExists(table) {
                throw Problem("its collection has no \(table) table: it is not an Anki collection")
            }
            var types: [Int64: NoteType] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, config FROM notetypes") {
                let config = (row["config"] as Data?).map { [UInt8]($0) } ?? []
                types[row["id"]] = NoteType(isCloze: Protobuf.varint(1, in: config) == 1, fields: [], templates: [])
            }
            for row in try Row.fetchAll(db, sql: "SELECT ntid, name FROM fields ORDER BY ntid, ord") {
                types[row["ntid"]]?.fields.append(row["name"])
            }
            for row in try Row.fetchAll(db, sql: "SELECT ntid, config FROM templates ORDER BY ntid, ord") {
                let config = (row["config"] as Data?).map { [UInt8]($0) } ?? []
                types[row["ntid"]]?.templates.append(
                    (Protobuf.string(1, in: config) ?? "", Protobuf.string(2, in: config) ?? ""))
            }
            var decks: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM decks") {
                decks[row["id"]] = (row["name"] as String).components(separatedBy: "\u{1F}")
            }
            return (types, decks)
        }
    }

    /// Just enough of the protobuf wire format to read the few settings Anki keeps that way.
    enum Protobuf {
        /// Each field of a message: its number, and its value (a varint, or the bytes of a length-delimited one).
        static func fields(_ bytes: [UInt8]) -> [(number: Int, varint: UInt64?, bytes: ArraySlice<UInt8>?)] {
            var result: [(Int, UInt64?, ArraySlice<UInt8>?)] = []
            var i = 0
            func varint() -> UInt64? {
                var value: UInt64 = 0
                var shift: UInt64 = 0
                while i < bytes.count, shift < 64 {
                    let b = bytes[i]
                    i += 1
                    value |= UInt64(b & 0x7F) << shift
                    if b < 0x80 { return value }
                    shift += 7
                }
                return nil
            }
            while i < bytes.count {
                guard let key = varint() else { break }
                let number = Int(key >> 3)
                switch key & 7 {
                case 0:
                    guard let v = varint() else { return result }
                    result.append((number, v, nil))
                case 1: i += 8
                case 2:
                    guard let length = varint(), length <= UInt64(bytes.count - i) else { return result }
                    result.append((number, nil, bytes[i..<(i + Int(length))]))
                    i += Int(length)
                case 5: i += 4
                default: return result
                }
            }
            return result
        }

        static func varint(_ number: Int, in bytes: [UInt8]) -> UInt64? {
            fields(bytes).first { $0.number == number }?.varint
        }

        static func string(_ number: Int, in bytes: [UInt8]) -> String? {
            fields(bytes).first { $0.number == number }?.bytes.map { String(decoding: $0, as: UTF8.self) }
        }

        static func messages(_ number: Int, in bytes: [UInt8]) -> [[UInt8]] {
            fields(bytes).filter { $0.number == number }.compactMap { $0.bytes.map(Array.init) }
        }
    }
}
