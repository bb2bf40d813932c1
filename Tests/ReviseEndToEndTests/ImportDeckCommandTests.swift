import Foundation
import TestSupport
import Testing

/// `revise import` of cards from other tools, as a user runs it: an Anki package Revise wrote, CSV and TSV
/// files, and the broken files a user might have, each refused by name with nothing half-imported.
@Suite(.serialized)
struct ImportDeckCommandTests {
    static func cards(_ cli: CLI) throws -> [[String: Any]] {
        try CLI.json(try cli.run(["cards", "--json"]).out)["cards"] as? [[String: Any]] ?? []
    }

    /// A zip made by Python's zipfile (on every machine that runs the tests): entries of name and bytes, or of a
    /// size of zeros, deflated.
    static func zip(_ entries: [(String, String)], zeros: (String, Int)? = nil, to url: URL) throws {
        var script = "import zipfile, sys\nz = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)\n"
        for (name, text) in entries { script += "z.writestr(\(name.debugDescription), \(text.debugDescription))\n" }
        if let (name, size) = zeros {
            script += "with z.open(\(name.debugDescription), 'w', force_zip64=True) as f:\n"
            script += "    for _ in range(\(size / 1_048_576)): f.write(bytes(1048576))\n"
        }
        script += "z.close()\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 could not write the zip")
    }

    @Test func aPackageRevisionExportedComesBackAsTheSameCardsWithTheirHistory() throws {
        let cli = try CLI.withColdWarNotes()
        defer { cli.cleanUp() }
        let cards = try Self.cards(cli)
        let some = cards.prefix(3).compactMap { $0["id"] as? String }
        for (n, id) in some.enumerated() {
            #expect(try cli.run(["review", id, "good", "--at", "2026-03-0\(n + 1)T10:00:00Z"]).status == 0)
        }
        let package = cli.folder.appendingPathComponent("cold war.apkg")
        #expect(try cli.run(["export", "--format", "apkg", "--with-history", "--out", package.path]).status == 0)

        let fresh = try CLI()
        defer { fresh.cleanUp() }
        let said = try fresh.run(["import", package.path, "--json"])
        #expect(said.status == 0, "\(said.err)")
        let report = try CLI.json(said.out)
        let file = (report["files"] as? [[String: Any]])?.first
        #expect(file?["format"] as? String == "anki-package")
        #expect(file?["reviews"] as? Int == 3)
        let back = try Self.cards(fresh)
        #expect(back.count == cards.count)
        let byID = Dictionary(uniqueKeysWithValues: back.map { ($0["id"] as! String, $0) })
        for card in cards {
            let other = byID[card["id"] as! String]
            #expect(other?["prompt"] as? String == card["prompt"] as? String)
            #expect(other?["type"] as? String == card["type"] as? String)
        }
        for id in some { #expect(byID[id]?["reviews"] as? Int == 1 && byID[id]?["state"] as? String != "new") }
        // Imported again where the cards already are: nothing doubled, no review twice.
        let again = try cli.run(["import", package.path])
        #expect(again.status == 0, "\(again.err)")
        let after = try Self.cards(cli)
        #expect(after.count == cards.count)
        #expect(after.compactMap { $0["reviews"] as? Int }.reduce(0, +) == 3)
    }

    @Test func csvAndTsvFilesFromOtherTools() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let csv = cli.folder.appendingPathComponent("spanish.csv")
        try "front,back,tags\nel perro,the dog,animals\n\"comer, beber\",\"to eat, to drink\",verbs\n".write(
            to: csv, atomically: true, encoding: .utf8)
        let tsv = cli.folder.appendingPathComponent("quizlet.tsv")
        try "mitochondria\twhere respiration happens\nribosome\tmakes proteins\n".write(to: tsv, atomically: true, encoding: .utf8)
        let said = try cli.run(["import", csv.path, tsv.path])
        #expect(said.status == 0, "\(said.err)")
        #expect(said.out.contains("2 added"))
        let cards = try Self.cards(cli)
        #expect(cards.count == 4)
        let eat = cards.first { $0["prompt"] as? String == "comer, beber" }
        #expect(eat?["answer"] as? String == "to eat, to drink")
        #expect(eat?["tags"] as? [String] == ["verbs"])
        #expect(eat?["citations"] as? [String] == ["spanish.csv:3"])
    }

    @Test func brokenFilesAreRefusedByNameAndNothingIsLost() throws {
        let cli = try CLI.withColdWarNotes()
        defer { cli.cleanUp() }
        let before = try Self.cards(cli).count
        let sources = try cli.run(["sources", "--json"]).out
        let folder = cli.folder

        let notZip = folder.appendingPathComponent("random.apkg")
        try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: notZip)
        let noCollection = folder.appendingPathComponent("empty-package.apkg")
        try Self.zip([("media", "{}")], to: noCollection)
        let notSQLite = folder.appendingPathComponent("broken-collection.apkg")
        try Self.zip([("collection.anki2", "this is not a database"), ("media", "{}")], to: notSQLite)
        let bomb = folder.appendingPathComponent("bomb.apkg")
        try Self.zip([("media", "{}")], zeros: ("collection.anki21", 40 * 1_048_576), to: bomb)
        let ragged = folder.appendingPathComponent("ragged.csv")
        try "front,back\none,two\nthree,four,five\n".write(to: ragged, atomically: true, encoding: .utf8)
        let unclosed = folder.appendingPathComponent("unclosed.csv")
        try "front,back\n\"one,two\nthree,four\n".write(to: unclosed, atomically: true, encoding: .utf8)
        let empty = folder.appendingPathComponent("empty.tsv")
        try Data().write(to: empty)

        let cases: [(URL, String)] = [
            (notZip, "zip"), (noCollection, "collection"), (notSQLite, "collection.anki2"), (bomb, "unpack"),
            (ragged, "ragged.csv:3"), (unclosed, "unclosed.csv:2"), (empty, "empty"),
        ]
        for (file, words) in cases {
            let result = try cli.run(["import", file.path, "--max-size", "2"])
            #expect(result.status == 1, "\(file.lastPathComponent): exit \(result.status)")
            #expect(result.err.contains(file.lastPathComponent) && result.err.contains(words), "\(file.lastPathComponent): \(result.err)")
        }
        #expect(try cli.run(["sources", "--json"]).out == sources)
        #expect(try Self.cards(cli).count == before)
    }
}
