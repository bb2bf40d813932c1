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
        try AnkiPackageReader.read(bytes: [UInt8]((try? Data(contentsOf: url)) ?? Data()), name: url.lastPathComponent, maxUnpackedBytes: limit)
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
                bytes: Array("Terror:\n- In 1936 the first show trial was held.\n- Gosplan - state planning commission, coordinated industries\n".utf8),
                name: "terror.txt"),
            path: "/notes/terror.txt", at: day)
        try store.refreshCards(at: day)
        let cards = try store.cards()
        _ = try store.review(card: cards[0].card.id, rating: .good, at: day, scheduler: try Scheduler())
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let url = out.appendingPathComponent("terror.apkg")
        let reviews = Dictionary(uniqueKeysWithValues: try cards.map { ($0.card.id, try store.reviews(of: $0.card.id)) })
        try AnkiPackage.write([.init(name: "Revise::Terror", cards: try store.cards(), reviews: reviews)], to: url, history: true)
        let deck = try read(url)
        #expect(deck.isHTML && deck.title == "terror")
        #expect(deck.notes.allSatisfy { $0.revise != nil && $0.deck.first == "Revise" })
        let back = deck.outline(name: "terror.apkg").nodes.flatMap(\.cards)
        #expect(Set(back.map(\.id)) == Set(cards.map(\.card.id)))
        #expect(deck.reviewedCards(name: "terror.apkg").map(\.card) == [cards[0].card.id])
        #expect(deck.reviewedCards(name: "terror.apkg").map(\.at) == [day])
    }

    /// A collection in schema 11 as Anki 2.1 and genanki write it.
    func schema11(_ url: URL) throws {
        let db = try DatabaseQueue(path: url.path)
        let models: [String: Any] = [
            "1": ["name": "Basic", "type": 0, "flds": [["name": "Front", "ord": 0], ["name": "Back", "ord": 1]],
                  "tmpls": [["qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}", "ord": 0]]],
            "2": ["name": "Both ways", "type": 0, "flds": [["name": "Word", "ord": 0], ["name": "Meaning", "ord": 1]],
                  "tmpls": [["qfmt": "{{Word}}", "afmt": "{{Meaning}}", "ord": 0], ["qfmt": "{{Meaning}}", "afmt": "{{Word}}", "ord": 1]]],
            "3": ["name": "Cloze", "type": 1, "flds": [["name": "Text", "ord": 0], ["name": "Extra", "ord": 1]],
                  "tmpls": [["qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Extra}}", "ord": 0]]],
            "4": ["name": "Typed", "type": 0, "flds": [["name": "Hint", "ord": 0], ["name": "Q", "ord": 1], ["name": "A", "ord": 2]],
                  "tmpls": [["qfmt": "{{#Hint}}{{Hint}}{{/Hint}}{{Q}}{{type:A}}", "afmt": "{{FrontSide}}{{A}}", "ord": 0]]],
        ]
        let decks: [String: Any] = ["1": ["name": "Default"], "10": ["name": "Bio"], "11": ["name": "Bio::Cells"]]
        func json(_ value: Any) -> String { String(decoding: try! JSONSerialization.data(withJSONObject: value), as: UTF8.self) }
        try db.write { db in
            try db.execute(sql: AnkiPackage.schema)
            try db.execute(
                sql: "INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')", arguments: [json(models), json(decks)])
            let notes: [(Int64, Int64, String, String)] = [
                (100, 1, " cells ", "What makes proteins?\u{1F}The <b>ribosome</b>"),
                (101, 2, " cells words ", "osmosis\u{1F}water moving across a membrane"),
                (102, 3, "", "The {{c1::nucleus}} holds {{c2::DNA}}\u{1F}extra"),
                (103, 4, "", "\u{1F}Largest organelle?\u{1F}nucleus"),
                (104, 1, "", "Image <img src=\"cell.png\">\u{1F}A cell"),
            ]
            for (id, mid, tags, flds) in notes {
                try db.execute(
                    sql: "INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')", arguments: [id, "g\(id)", mid, tags, flds])
            }
            let cards: [(Int64, Int64, Int64, Int)] = [(200, 100, 10, 0), (201, 101, 11, 0), (202, 101, 11, 1), (203, 102, 11, 0), (204, 102, 11, 1), (205, 103, 10, 0), (206, 104, 10, 0)]
            for (id, nid, did, ord) in cards {
                try db.execute(sql: "INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 2500, 0, 0, 0, 0, 0, 0, '')", arguments: [id, nid, did, ord])
            }
            // Reviews: two of the first card, one of the reverse card, a manual reschedule (type 4) to leave out.
            let log: [(Int64, Int64, Int, Int)] = [(1_790_000_000_000, 200, 3, 0), (1_790_086_400_000, 200, 1, 1), (1_790_000_100_000, 202, 4, 0), (1_790_000_200_000, 204, 0, 4)]
            for (id, cid, ease, type) in log {
                try db.execute(sql: "INSERT INTO revlog VALUES (?, ?, 0, ?, 0, 0, 0, 0, ?)", arguments: [id, cid, ease, type])
            }
        }
    }

    @Test func aSchema11PackageWithEveryKindOfNote() throws {
        let out = try folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let collection = out.appendingPathComponent("collection.anki21")
        try schema11(collection)
        let url = out.appendingPathComponent("biology.apkg")
        try zip(
            [("collection.anki21", [UInt8](try Data(contentsOf: collection))), ("media", Array("{\"0\": \"cell.png\"}".utf8)),
             ("0", [0x89, 0x50, 0x4E, 0x47]), ("collection.anki2", Array("not read: a newer collection is here".utf8))],
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
        #expect(message(text) == "text.apkg: cannot be read: its collection.anki2 is not an Anki collection (not an SQLite database)")
        let other = out.appendingPathComponent("other.sqlite")
        try DatabaseQueue(path: other.path).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        let otherDB = out.appendingPathComponent("other-db.apkg")
        try zip([("collection.anki2", [UInt8](try Data(contentsOf: other)))], at: otherDB)
        #expect(message(otherDB).contains("no notes table: it is not an Anki collection"))
        let bomb = out.appendingPathComponent("bomb.apkg")
        try zip([("collection.anki2", [UInt8](repeating: 0, count: 30_000_000))], at: bomb)
        #expect(try Data(contentsOf: bomb).count < 100_000)
        #expect(message(bomb, limit: 10_000_000).contains("unpacks to more than 10.0 MB"))
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
        #expect(throws: Zstd.Failed.self) { try Zstd.decompress(Array(compressed.prefix(compressed.count / 2)), limit: 1_000_000) }
        #expect(throws: Zstd.Failed.self) { try Zstd.decompress(Array("not zstd at all".utf8), limit: 1_000_000) }
    }

    static let fixtures = ProcessInfo.processInfo.environment["REVISE_ANKI_FIXTURES"]

    @Test(.enabled(if: fixtures != nil, "REVISE_ANKI_FIXTURES names the packages tests/anki/make_decks.py made"))
    func packagesMadeByGenankiAndAnki() throws {
        let folder = URL(fileURLWithPath: Self.fixtures!)
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json"))) as! [String: [String: Any]]
        for (package, want) in expected {
            let deck = try read(folder.appendingPathComponent(package))
            let cards = deck.outline(name: package).nodes.flatMap(\.cards)
            #expect(cards.count == want["cards"] as? Int, "\(package)")
            #expect(deck.notes.flatMap(\.reviews).count == want["reviews"] as? Int, "\(package)")
            #expect(Set(deck.notes.flatMap(\.tags)) == Set(want["tags"] as? [String] ?? []), "\(package)")
            #expect(Set(deck.notes.map { $0.deck.joined(separator: "::") }) == Set(want["decks"] as? [String] ?? []), "\(package)")
            #expect(Set(deck.media.keys) == Set(want["media"] as? [String] ?? []), "\(package)")
        }
    }
}
