import Foundation
import GRDB
import ReviseCore
import TestSupport
import Testing
import ZIPFoundation

@testable import ReviseStore

/// Anki packages read back: Revise's own, one written here in Anki's schema 11 with every kind of note, the
/// packages genanki and Anki itself write (when the test setup made them), and broken ones.
struct AnkiPackageReaderTests {
    let day = Date(timeIntervalSince1970: 1_790_000_000)

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("revise-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func zip(_ entries: [(String, [UInt8])], at url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, bytes) in entries {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in Data(bytes[Int(position)..<Int(position) + size]) })
        }
    }

    func read(_ url: URL, limit: Int = 50_000_000) throws(ImportError) -> CardDeck {
        try AnkiPackageReader.read(contentsOf: url, name: url.lastPathComponent, maxUnpackedBytes: limit)
    }

    func message(_ url: URL, limit: Int = 50_000_000) -> String {
        do {
            _ = try read(url, limit: limit)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func revisesOwnExportReadsBackWithItsCardsAndHistory() throws {
        let store = try ReviseStore.inMemory()
        _ = try store.save(
            try NoteImporter.parse(
                bytes: Array(
                    "Terror:\n- In 1936 the first show trial was held.\n- Gosplan - state planning commission, coordinated industries\n"
                        .utf8),
                name: "terror.txt"),
            path: "/notes/terror.txt", at: day)
        try store.refreshCards(at: day)
        let cards = try store.cards()
        _ = try store.review(card: cards[0].card.id, rating: .good, at: day, scheduler: try Scheduler())
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let url = out.appendingPathComponent("terror.apkg")
        let reviews = Dictionary(
            uniqueKeysWithValues: try cards.map { ($0.card.id, try store.reviews(of: $0.card.id)) })
        let summary = try AnkiPackage.write(
            [.init(name: "Revise::Terror", cards: try store.cards(), reviews: reviews)], to: url, history: true)
        let deck = try read(url)
        // Note by note as written: the first field asks, the second answers; reversed notes are asked both ways.
        let written = CardExport.notes(for: try store.cards().map(\.card))
        let shapes: [CardExport.NoteType: CardDeck.Note.Shape] = [
            .basic: .basic, .basicReversed: .bothWays, .cloze: .cloze,
        ]
        #expect(deck.notes.count == summary.notes && summary.notes == written.count)
        #expect(deck.notes.map(\.shape) == written.map { shapes[$0.type]! })
        #expect(deck.notes.map(\.front) == written.map { CardExport.html($0.fields[0]) })
        #expect(deck.notes.map(\.back) == written.map { CardExport.html($0.fields[1]) })
        #expect(deck.notes.map(\.tags) == written.map(\.tags))
        #expect(
            deck.notes.map { $0.deck.joined(separator: "::") }
                == written.map { $0.topic.map { "Revise::Terror::" + AnkiPackage.clean($0) } ?? "Revise::Terror" })
        #expect(Set(written.map(\.type)).isSuperset(of: [.basic, .basicReversed]))
        // The same package in memory (an upload) reads the same.
        let fromBytes = try AnkiPackageReader.read(
            bytes: [UInt8](try Data(contentsOf: url)), name: "terror.apkg", maxUnpackedBytes: 50_000_000)
        #expect(fromBytes == deck)
        #expect(deck.isHTML && deck.title == "terror")
        #expect(deck.notes.map(\.line) == Array(1...deck.notes.count))
        #expect(deck.notes.allSatisfy { $0.revise != nil && $0.deck.first == "Revise" })
        let back = deck.outline(name: "terror.apkg").nodes.flatMap(\.cards)
        #expect(Set(back.map(\.id)) == Set(cards.map(\.card.id)))
        #expect(deck.reviewedCards(name: "terror.apkg").map(\.card) == [cards[0].card.id])
        #expect(deck.reviewedCards(name: "terror.apkg").map(\.at) == [day])
    }

    /// A collection in schema 11 as Anki 2.1 and genanki write it.
    func schema11(_ url: URL) throws {
        let db = try DatabaseQueue(path: url.path)
        // Anki keeps its collections in WAL mode; a package may hold one that still says so.
        try db.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
        let models: [String: Any] = [
            "1": [
                "name": "Basic", "type": 0, "flds": [["name": "Front", "ord": 0], ["name": "Back", "ord": 1]],
                "tmpls": [["qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}", "ord": 0]],
            ],
            "2": [
                "name": "Both ways", "type": 0, "flds": [["name": "Word", "ord": 0], ["name": "Meaning", "ord": 1]],
                "tmpls": [
                    ["qfmt": "{{Word}}", "afmt": "{{Meaning}}", "ord": 0],
                    ["qfmt": "{{Meaning}}", "afmt": "{{Word}}", "ord": 1],
                ],
            ],
            "3": [
                "name": "Cloze", "type": 1, "flds": [["name": "Text", "ord": 0], ["name": "Extra", "ord": 1]],
                "tmpls": [["qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Extra}}", "ord": 0]],
            ],
            "4": [
                "name": "Typed", "type": 0,
                "flds": [["name": "Hint", "ord": 0], ["name": "Q", "ord": 1], ["name": "A", "ord": 2]],
                "tmpls": [
                    ["qfmt": "{{#Hint}}{{Hint}}{{/Hint}}{{Q}}{{type:A}}", "afmt": "{{FrontSide}}{{A}}", "ord": 0]
                ],
            ],
        ]
        let decks: [String: Any] = ["1": ["name": "Default"], "10": ["name": "Bio"], "11": ["name": "Bio::Cells"]]
        func json(_ value: Any) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: value), as: UTF8.self)
        }
        try db.write { db in
            try db.execute(sql: AnkiPackage.schema)
            try db.execute(
                sql: "INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')",
                arguments: [json(models), json(decks)])
            let notes: [(Int64, Int64, String, String)] = [
                (100, 1, " cells ", "What makes proteins?\u{1F}The <b>ribosome</b>"),
                (101, 2, " cells words ", "osmosis\u{1F}water moving across a membrane"),
                (102, 3, "", "The {{c1::nucleus}} holds {{c2::DNA}}\u{1F}extra"),
                (103, 4, "", "\u{1F}Largest organelle?\u{1F}nucleus"),
                (104, 1, "", "Image <img src=\"cell.png\">\u{1F}A cell"),
            ]
            for (id, mid, tags, flds) in notes {
                try db.execute(
                    sql: "INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')",
                    arguments: [id, "g\(id)", mid, tags, flds])
            }
            let cards: [(Int64, Int64, Int64, Int)] = [
                (200, 100, 10, 0), (201, 101, 11, 0), (202, 101, 11, 1), (203, 102, 11, 0), (204, 102, 11, 1),
                (205, 103, 10, 0), (206, 104, 10, 0),
            ]
            for (id, nid, did, ord) in cards {
                try db.execute(
                    sql: "INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 2500, 0, 0, 0, 0, 0, 0, '')",
                    arguments: [id, nid, did, ord])
            }
            // Reviews: two of the first card, one of the reverse card, a manual reschedule (type 4) to leave out.
            let log: [(Int64, Int64, Int, Int)] = [
                (1_790_000_000_000, 200, 3, 0), (1_790_086_400_000, 200, 1, 1), (1_790_000_100_000, 202, 4, 0),
                (1_790_000_200_000, 204, 0, 4),
            ]
            for (id, cid, ease, type) in log {
                try db.execute(
                    sql: "INSERT INTO revlog VALUES (?, ?, 0, ?, 0, 0, 0, 0, ?)", arguments: [id, cid, ease, type])
            }
        }
    }

    @Test func aSchema11PackageWithEveryKindOfNote() throws {
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let collection = out.appendingPathComponent("collection.anki21")
        try schema11(collection)
        // The file's header says WAL (bytes 18 and 19 are 2): read-only, it still opens.
        #expect([UInt8](try Data(contentsOf: collection))[18...19] == [2, 2])
        let url = out.appendingPathComponent("biology.apkg")
        try zip(
            [
                ("collection.anki21", [UInt8](try Data(contentsOf: collection))),
                ("media", Array("{\"0\": \"cell.png\"}".utf8)),
                ("0", [0x89, 0x50, 0x4E, 0x47]),
                ("collection.anki2", Array("not read: a newer collection is here".utf8)),
            ],
            at: url)
        let deck = try read(url)
        #expect(deck.notes.map(\.shape) == [.basic, .bothWays, .cloze, .basic, .basic])
        #expect(deck.notes[0].front == "What makes proteins?" && deck.notes[0].back == "The <b>ribosome</b>")
        #expect(deck.notes[0].deck == ["Bio"] && deck.notes[1].deck == ["Bio", "Cells"])
        #expect(deck.notes[1].tags == ["cells", "words"])
        #expect(deck.notes[2].back == "extra")
        // The note type that shows a hint field only when it has one asks with its question field.
        #expect(deck.notes[3].front == "Largest organelle?" && deck.notes[3].back == "nucleus")
        #expect(deck.media == ["cell.png": [0x89, 0x50, 0x4E, 0x47]])
        #expect(deck.notes[0].reviews.map(\.rating) == [.good, .again])
        #expect(deck.notes[1].reviews.map(\.card) == [1])
        #expect(deck.notes[2].reviews.isEmpty)
        let cards = deck.outline(name: "biology.apkg").nodes.flatMap(\.cards)
        #expect(cards.map(\.prompt).contains("Image [image: cell.png]"))
        #expect(cards.map(\.prompt).contains("The […] holds DNA"))
        // The limit counts every entry together: a collection and two media files of 6 MB each pass 10 MB.
        let large = out.appendingPathComponent("large.apkg")
        try zip(
            [
                ("collection.anki21", [UInt8](try Data(contentsOf: collection))),
                ("media", Array("{\"0\": \"a.png\", \"1\": \"b.png\"}".utf8)),
                ("0", [UInt8](repeating: 1, count: 6_000_000)), ("1", [UInt8](repeating: 2, count: 6_000_000)),
            ],
            at: large)
        #expect(try read(large, limit: 20_000_000).media.count == 2)
        #expect(message(large, limit: 10_000_000).contains("unpacks to more than 10.0 MB"))
    }

    @Test func brokenPackagesAreRefusedWithTheReason() throws {
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let random = out.appendingPathComponent("random.apkg")
        try Data((0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: random)
        #expect(message(random) == "random.apkg: cannot be read: not an Anki package: it is not a zip archive")
        let empty = out.appendingPathComponent("empty.apkg")
        try zip([], at: empty)
        #expect(message(empty).contains("holds no collection"))
        let mediaOnly = out.appendingPathComponent("media-only.apkg")
        try zip([("media", Array("{}".utf8))], at: mediaOnly)
        #expect(message(mediaOnly).contains("holds no collection"))
        let text = out.appendingPathComponent("text.apkg")
        try zip([("collection.anki2", Array("hello".utf8))], at: text)
        #expect(
            message(text)
                == "text.apkg: cannot be read: its collection.anki2 is not an Anki collection (not an SQLite database)")
        let other = out.appendingPathComponent("other.sqlite")
        try DatabaseQueue(path: other.path).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        let otherDB = out.appendingPathComponent("other-db.apkg")
        try zip([("collection.anki2", [UInt8](try Data(contentsOf: other)))], at: otherDB)
        #expect(message(otherDB).contains("no notes table: it is not an Anki collection"))
        // 40 MB of zeros in a zip of about 40 kB: refused once 10 MB have come out, whatever the zip claims.
        let bomb = out.appendingPathComponent("bomb.apkg")
        try zip([("collection.anki2", [UInt8](repeating: 0, count: 40_000_000))], at: bomb)
        #expect(try Data(contentsOf: bomb).count < 100_000)
        #expect(
            message(bomb, limit: 10_000_000).hasPrefix(
                "bomb.apkg: cannot be read: it unpacks to more than 10.0 MB; Revise stopped unpacking it"))
        #expect(message(out.appendingPathComponent("missing.apkg")) == "missing.apkg: no such file or folder")
        #expect(message(out).hasSuffix("cannot be read: it is a folder, not an Anki package"))
    }

    /// Anki's settings in protobuf: a varint field, a length-delimited one.
    enum Proto {
        static func varint(_ value: UInt64) -> [UInt8] {
            var value = value
            var out: [UInt8] = []
            while value >= 0x80 {
                out.append(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            return out + [UInt8(value)]
        }

        static func field(_ number: Int, _ value: UInt64) -> [UInt8] { varint(UInt64(number << 3)) + varint(value) }

        static func field(_ number: Int, _ bytes: [UInt8]) -> [UInt8] {
            varint(UInt64(number << 3 | 2)) + varint(UInt64(bytes.count)) + bytes
        }

        static func field(_ number: Int, _ text: String) -> [UInt8] { field(number, Array(text.utf8)) }
    }

    /// The bytes compressed by the zstd tool, as Anki compresses its collection and media.
    func zstd(_ bytes: [UInt8], in folder: URL) throws -> [UInt8] {
        let file = folder.appendingPathComponent("zstd-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        defer {
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(atPath: file.path + ".zst")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zstd")
        process.arguments = ["-q", "-f", file.path, "-o", file.path + ".zst"]
        try process.run()
        process.waitUntilExit()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: file.path + ".zst")))
    }

    /// A collection in schema 18, as current Anki writes it inside `collection.anki21b`: note types, fields,
    /// templates and decks in tables of their own, settings in protobuf, deck names split by 0x1F.
    func schema18(_ url: URL) throws {
        let db = try DatabaseQueue(path: url.path)
        try db.write { db in
            try db.execute(sql: AnkiPackage.schema)
            try db.execute(
                sql: """
                    CREATE TABLE notetypes (id integer primary key, name text not null, mtime_secs integer not null,
                        usn integer not null, config blob not null);
                    CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null, config blob not null,
                        primary key (ntid, ord));
                    CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null,
                        mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord));
                    CREATE TABLE decks (id integer primary key, name text not null, mtime_secs integer not null,
                        usn integer not null, common blob not null, kind blob not null);
                    INSERT INTO col VALUES (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '');
                    """)
            let css = Proto.field(3, ".card { color: black; }")
            // A normal note type leaves its kind out (protobuf's default, 0); a cloze one says 1.
            let types: [(Int64, String, [UInt8], [String], [(String, String)])] = [
                (1, "Basic", css, ["Front", "Back"], [("{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}")]),
                (
                    2, "Basic (and reversed card)", css, ["Front", "Back"],
                    [
                        ("{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"),
                        ("{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}"),
                    ]
                ),
                (
                    3, "Cloze", Proto.field(1, 1) + css, ["Text", "Back Extra"],
                    [("{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")]
                ),
            ]
            for (id, name, config, fields, templates) in types {
                try db.execute(
                    sql: "INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)", arguments: [id, name, Data(config)])
                for (ord, field) in fields.enumerated() {
                    try db.execute(sql: "INSERT INTO fields VALUES (?, ?, ?, x'')", arguments: [id, ord, field])
                }
                for (ord, (question, answer)) in templates.enumerated() {
                    let config = Proto.field(1, question) + Proto.field(2, answer) + Proto.field(3, "")
                    try db.execute(
                        sql: "INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)",
                        arguments: [id, ord, "Card \(ord + 1)", Data(config)])
                }
            }
            for (id, name) in [(1, "Default"), (20, "History"), (21, "History\u{1F}Russia"), (22, "Filtered Deck 1")]
                as [(Int64, String)]
            {
                try db.execute(sql: "INSERT INTO decks VALUES (?, ?, 0, 0, x'', x'')", arguments: [id, name])
            }
            let notes: [(Int64, Int64, String, String)] = [
                (100, 1, " ussr  stalin ", "Who led the USSR in 1930?\u{1F}Stalin <img src=\"map.png\">"),
                (101, 2, "", "kolkhoz\u{1F}collective farm"),
                (102, 1, "", " \u{1F}a note with no question"),
                (103, 3, " ussr ", "{{c1::Kirov}} was shot in {{c2::1934}}\u{1F}"),
            ]
            for (id, mid, tags, flds) in notes {
                try db.execute(
                    sql: "INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')",
                    arguments: [id, "g\(id)", mid, tags, flds])
            }
            // The reversed note's cards sit in a filtered deck for now: their home deck (odid) is History::Russia.
            let cards: [(Int64, Int64, Int64, Int, Int64)] = [
                (200, 100, 20, 0, 0), (201, 101, 22, 0, 21), (202, 101, 22, 1, 21), (203, 102, 20, 0, 0),
                (204, 103, 21, 1, 0), (205, 103, 21, 0, 0),
            ]
            for (id, nid, did, ord, odid) in cards {
                try db.execute(
                    sql: "INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 2500, 0, 0, 0, 0, ?, 0, '')",
                    arguments: [id, nid, did, ord, odid])
            }
            // Reviews of the cloze's second card and the reverse card; a manual reschedule (type 4) and a "set due
            // date" of current Anki (type 5), both with ease 0, are no reviews.
            let log: [(Int64, Int64, Int, Int)] = [
                (1_790_000_500_000, 204, 2, 0), (1_790_000_000_000, 200, 4, 1), (1_790_000_100_000, 202, 1, 2),
                (1_790_000_200_000, 205, 0, 4), (1_790_000_300_000, 200, 0, 5),
            ]
            for (id, cid, ease, type) in log {
                try db.execute(
                    sql: "INSERT INTO revlog VALUES (?, ?, 0, ?, 0, 0, 0, 0, ?)", arguments: [id, cid, ease, type])
            }
        }
    }

    @Test(.enabled(if: zstdTool && Zstd.isAvailable, "needs /usr/bin/zstd and libzstd"))
    func aCurrentAnkiPackageWithItsZstdCollectionAndMedia() throws {
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let collection = out.appendingPathComponent("collection.anki21b")
        try schema18(collection)
        // The collection.anki2 current Anki writes beside it for older versions: one note saying to update.
        let dummy = out.appendingPathComponent("dummy.anki2")
        try DatabaseQueue(path: dummy.path).write { db in
            try db.execute(sql: AnkiPackage.schema)
            try db.execute(sql: "INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', '{}', '{}', '{}', '{}')")
            try db.execute(
                sql:
                    "INSERT INTO notes VALUES (1, 'g', 1, 0, 0, '', 'Please update to the latest Anki version, then import the .colpkg/.apkg file again.\u{1F}', '', 0, 0, '')"
            )
        }
        let image: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 500)
        // MediaEntries { repeated MediaEntry entries = 1 }, MediaEntry { name = 1, size = 2, sha1 = 3 }: entry i is
        // the zip entry "i". A name that leads out of the media folder is left out.
        let list =
            Proto.field(
                1,
                Proto.field(1, "map.png") + Proto.field(2, UInt64(image.count))
                    + Proto.field(3, [UInt8](repeating: 1, count: 20)))
            + Proto.field(1, Proto.field(1, "../evil.png") + Proto.field(2, 3))
        let url = out.appendingPathComponent("history.apkg")
        try zip(
            [
                ("meta", Proto.field(1, 3)),
                ("collection.anki21b", try zstd([UInt8](try Data(contentsOf: collection)), in: out)),
                ("collection.anki2", [UInt8](try Data(contentsOf: dummy))), ("0", try zstd(image, in: out)),
                ("1", try zstd([1, 2, 3], in: out)), ("media", try zstd(list, in: out)),
            ],
            at: url)
        let deck = try read(url)
        #expect(deck.title == "history" && deck.isHTML)
        #expect(deck.notes.map(\.shape) == [.basic, .bothWays, .cloze])
        // The note with no question is left out; the others keep their places.
        #expect(deck.notes.map(\.line) == [1, 2, 4])
        #expect(
            deck.notes[0].front == "Who led the USSR in 1930?" && deck.notes[0].back == "Stalin <img src=\"map.png\">")
        #expect(deck.notes[0].tags == ["ussr", "stalin"] && deck.notes[0].deck == ["History"])
        #expect(deck.notes[1].deck == ["History", "Russia"])
        #expect(deck.notes[2].front == "{{c1::Kirov}} was shot in {{c2::1934}}" && deck.notes[2].back == "")
        #expect(deck.notes[2].deck == ["History", "Russia"])
        #expect(
            deck.notes[0].reviews == [
                CardDeck.Review(card: 0, rating: .easy, at: Date(timeIntervalSince1970: 1_790_000_000))
            ])
        #expect(deck.notes[1].reviews.map(\.card) == [1] && deck.notes[1].reviews.map(\.rating) == [.again])
        #expect(
            deck.notes[2].reviews == [
                CardDeck.Review(card: 1, rating: .hard, at: Date(timeIntervalSince1970: 1_790_000_500))
            ])
        #expect(deck.media == ["map.png": image])
    }

    @Test(.enabled(if: zstdTool && Zstd.isAvailable, "needs /usr/bin/zstd and libzstd"))
    func zstdThatUnpacksPastTheLimitIsRefused() throws {
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let url = out.appendingPathComponent("zbomb.apkg")
        try zip([("collection.anki21b", try zstd([UInt8](repeating: 0, count: 40_000_000), in: out))], at: url)
        #expect(try Data(contentsOf: url).count < 100_000)
        #expect(
            message(url, limit: 10_000_000).hasPrefix("zbomb.apkg: cannot be read: it unpacks to more than 10.0 MB"))
        let damaged = out.appendingPathComponent("damaged.apkg")
        try zip([("collection.anki21b", Array("not zstd".utf8))], at: damaged)
        #expect(
            message(damaged).hasPrefix(
                "damaged.apkg: cannot be read: the package is damaged: its collection.anki21b cannot be unpacked"))
    }

    static let zstdTool = FileManager.default.isExecutableFile(atPath: "/usr/bin/zstd")

    @Test(.enabled(if: zstdTool && Zstd.isAvailable, "needs /usr/bin/zstd and libzstd"))
    func zstdFramesDecompressWithinTheLimit() throws {
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let plain = Array((0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251 ^ $0 / 1000) })
        let file = out.appendingPathComponent("data")
        try Data(plain).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zstd")
        process.arguments = ["-q", "-19", file.path, "-o", file.path + ".zst"]
        try process.run()
        process.waitUntilExit()
        let compressed = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file.path + ".zst")))
        #expect(try Zstd.decompress(compressed, limit: 1_000_000) == plain)
        #expect(throws: Zstd.TooLarge.self) { try Zstd.decompress(compressed, limit: 100_000) }
        #expect(throws: Zstd.Failed.self) {
            try Zstd.decompress(Array(compressed.prefix(compressed.count / 2)), limit: 1_000_000)
        }
        #expect(throws: Zstd.Failed.self) { try Zstd.decompress(Array("not zstd at all".utf8), limit: 1_000_000) }
    }

    static let fixtures = ProcessInfo.processInfo.environment["REVISE_ANKI_FIXTURES"]

    @Test(.enabled(if: fixtures != nil, "REVISE_ANKI_FIXTURES names the packages tests/anki/make_decks.py made"))
    func packagesMadeByGenankiAndAnki() throws {
        let folder = URL(fileURLWithPath: Self.fixtures!)
        let expected =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json")))
            as! [String: [String: Any]]
        // Every package the script made is described, and read.
        let packages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".apkg") || $0.hasSuffix(".colpkg")
        }
        #expect(Set(packages) == Set(expected.keys))
        #expect(packages.count >= 3)
        for (package, want) in expected {
            let deck = try read(folder.appendingPathComponent(package))
            #expect(deck.notes.count == want["notes"] as? Int, "\(package)")
            var shapes: [String: Int] = [:]
            for note in deck.notes { shapes[note.shape.rawValue, default: 0] += 1 }
            #expect(
                shapes.filter { $0.value > 0 } == (want["shapes"] as? [String: Int] ?? [:]).filter { $0.value > 0 },
                "\(package)")
            #expect(deck.notes.map(\.front).sorted() == want["fronts"] as? [String], "\(package)")
            #expect(deck.notes.map(\.back).sorted() == want["backs"] as? [String], "\(package)")
            let cards = deck.outline(name: package).nodes.flatMap(\.cards)
            #expect(cards.count == want["cards"] as? Int, "\(package)")
            let reviews = deck.notes.flatMap(\.reviews)
            #expect(reviews.count == want["reviews"] as? Int, "\(package)")
            var ratings: [String: Int] = [:]
            for review in reviews { ratings[String(review.rating.rawValue), default: 0] += 1 }
            #expect(ratings == want["ratings"] as? [String: Int], "\(package)")
            #expect(deck.notes.allSatisfy { $0.reviews.map(\.at) == $0.reviews.map(\.at).sorted() }, "\(package)")
            #expect(Set(deck.notes.flatMap(\.tags)) == Set(want["tags"] as? [String] ?? []), "\(package)")
            #expect(
                Set(deck.notes.map { $0.deck.joined(separator: "::") }) == Set(want["decks"] as? [String] ?? []),
                "\(package)")
            #expect(Set(deck.media.keys) == Set(want["media"] as? [String] ?? []), "\(package)")
            #expect(
                deck.media.values.allSatisfy { $0.starts(with: [0x89, 0x50, 0x4E, 0x47]) },
                "\(package): media are PNG images")
        }
    }
}
