import Foundation
import TestSupport
import Testing

/// `revise export`, as a user runs it: every format, a topic, an Anki package on disk, and the mistakes.
@Suite(.serialized)
struct ExportCommandTests {
    @Test func everyFormatWritesTheCards() throws {
        let cli = try CLI.withColdWarNotes()
        defer { cli.cleanUp() }
        let cards = try CLI.json(try cli.run(["cards", "--json"]).out)["cards"] as? [[String: Any]] ?? []
        #expect(cards.count > 10)
        let csv = try cli.run(["export", "--format", "csv"])
        #expect(csv.status == 0 && csv.out.hasPrefix("#separator:Comma\n#html:true\n"))
        let rows = csv.out.split(separator: "\n").count - 4
        // A term's two reverse cards are one row.
        let reverse = cards.filter { $0["type"] as? String == "reverse" }.count
        #expect(reverse > 0 && rows < cards.count && rows >= cards.count - reverse / 2, "\(rows) rows for \(cards.count) cards")
        let tsv = try cli.run(["export", "--format", "tsv"]).out.split(separator: "\n")
        #expect(tsv.count == rows && tsv.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 2 })
        let md = try cli.run(["export", "--format", "md"]).out
        #expect(md.hasPrefix("# Revise cards\n") && md.contains("::") && md.contains("{{c1::"))
        let json = try CLI.json(try cli.run(["export", "--format", "json"]).out)["cards"] as? [[String: Any]] ?? []
        #expect(json.count == cards.count)
        let some = try cli.run(["export", "--format", "tsv", "--topic", "origins"]).out.split(separator: "\n")
        #expect(!some.isEmpty && some.count < tsv.count)

        let apkg = cli.folder.appendingPathComponent("cold war.apkg")
        let wrote = try cli.run(["export", "--format", "apkg", "--out", apkg.path, "--with-history"])
        #expect(wrote.status == 0 && wrote.out.contains("notes"), "\(wrote.err)")
        let bytes = try Data(contentsOf: apkg)
        #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a zip")
        let file = cli.folder.appendingPathComponent("cards.csv")
        #expect(try cli.run(["export", "--format", "csv", "--out", file.path]).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == csv.out)
    }

    @Test func mistakesGetAReasonAndNothingIsHalfWritten() throws {
        let cli = try CLI.withColdWarNotes()
        defer { cli.cleanUp() }
        let noOut = try cli.run(["export", "--format", "apkg"])
        #expect(noOut.status == 64 && noOut.err.contains("--out"))
        let history = try cli.run(["export", "--format", "csv", "--with-history"])
        #expect(history.status == 64 && history.err.contains("--with-history"))
        let format = try cli.run(["export", "--format", "xlsx"])
        #expect(format.status == 64 && format.err.contains("xlsx"))
        let nothing = try cli.run(["export", "--format", "csv", "--topic", "no such topic at all"])
        #expect(nothing.status == 1 && nothing.err.contains("no cards to export"))
        let folder = cli.folder.appendingPathComponent("no-such-folder/cards.csv")
        let unwritable = try cli.run(["export", "--format", "csv", "--out", folder.path])
        #expect(unwritable.status != 0 && unwritable.err.contains("cards.csv"))
        let badPackage = try cli.run(["export", "--format", "apkg", "--out", folder.deletingPathExtension().appendingPathExtension("apkg").path])
        #expect(badPackage.status != 0 && badPackage.err.contains("cards.apkg"), "\(badPackage.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        let empty = try CLI()
        defer { empty.cleanUp() }
        let none = try empty.run(["export", "--format", "md"])
        #expect(none.status == 1 && none.err.contains("import notes first"))
    }
}
