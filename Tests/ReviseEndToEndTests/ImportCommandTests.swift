import Foundation
import TestSupport
import Testing

/// The built `revise` binary, run on real files into a real SQLite file.
@Suite(.serialized)
struct ImportCommandTests {
    @Test(.enabled(if: Fixtures.seedsAvailable, Comment(rawValue: Fixtures.seedsMissingMessage)))
    func importsTheSeedsAndListsThem() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let first = try cli.run(["import", Fixtures.seedsFolder.path, "--json"])
        #expect(first.status == 0, "\(first.err)")
        let report = try CLI.json(first.out)
        #expect(report["added"] as? Int == 5)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.count == 5)
        #expect(Set(files.compactMap { $0["format"] as? String }) == ["essay", "markdown", "card-set", "outline"])

        let sources = try cli.run(["sources", "--json"])
        #expect(sources.status == 0)
        let listed = try #require(try CLI.json(sources.out)["sources"] as? [[String: Any]])
        #expect(listed.count == 5)
        #expect(listed.map { $0["name"] as? String } == Fixtures.seedNames)
        for source in listed {
            #expect((source["path"] as? String)?.hasPrefix("/") == true)
            #expect((source["contentHash"] as? String)?.count == 64)
            #expect((source["lineCount"] as? Int ?? 0) > 200)
            #expect(((source["counts"] as? [String: Int])?.values.reduce(0, +) ?? 0) > 50)
            #expect(source["importedAt"] is String && source["format"] is String && source["title"] is String)
        }
        let cardSet = try #require(listed.first { $0["format"] as? String == "card-set" })
        #expect(cardSet["title"] as? String == "AQA History Stalin and the USSR 1924-1941")

        // A second import of the same notes changes nothing.
        let again = try CLI.json(try cli.run(["import", Fixtures.seedsFolder.path, "--json"]).out)
        #expect(again["unchanged"] as? Int == 5 && again["added"] as? Int == 0)

        // The outline of an imported source, by its file name, from another folder.
        let name = Fixtures.seedNames[2]
        let outline = try cli.run(["outline", name, "--json"])
        #expect(outline.status == 0, "\(outline.err)")
        let nodes = try #require(try CLI.json(outline.out)["nodes"] as? [[String: Any]])
        #expect(nodes.filter { $0["depth"] as? Int == 0 }.count == 30)
    }

    @Test(.enabled(if: Fixtures.seedsAvailable, Comment(rawValue: Fixtures.seedsMissingMessage)))
    func printsReadableTextAndOutlines() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["import", Fixtures.seedsFolder.path])
        #expect(result.status == 0)
        #expect(result.out.hasSuffix("5 files: 5 added, 0 updated, 0 unchanged, 0 failed.\n"))
        #expect(result.out.contains("(card-set: "))
        #expect(result.out.contains("(essay: 0 sections, 150 items, 14 questions)"))
        let seed = Fixtures.seedsFolder.appendingPathComponent(Fixtures.seedNames[0]).path
        let outline = try cli.run(["outline", seed])
        #expect(outline.status == 0)
        #expect(outline.out.contains("? (b) Why did Stalin abandon the New Economic Policy? [6 marks]"))
        #expect(outline.out.contains("333-"))
        let sources = try cli.run(["sources"])
        #expect(sources.out.contains("1. Stalin\n"))
    }

    @Test func usesREVISE_DBThenTheDataFolder() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let note = try cli.write("n.txt", "Topic:\n\n- a point\n")
        let envDB = cli.folder.appendingPathComponent("env.sqlite").path
        #expect(try cli.run(["import", note.path], useDatabase: false, environment: ["REVISE_DB": envDB]).status == 0)
        #expect(FileManager.default.fileExists(atPath: envDB))
        let home = cli.folder.appendingPathComponent("home")
        let result = try cli.run(
            ["import", note.path], useDatabase: false, environment: ["HOME": home.path, "XDG_DATA_HOME": ""])
        #expect(result.status == 0, "\(result.err)")
        #expect(FileManager.default.fileExists(atPath: home.path + "/.local/share/revise/revise.sqlite"))
    }

    @Test func aChangedFileIsUpdated() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let note = try cli.write("n.txt", "Topic:\n\n- first version\n")
        #expect(try cli.run(["import", note.path]).out.hasPrefix("added"))
        _ = try cli.write("n.txt", "Topic:\n\n- second version\n- and more\n")
        #expect(try cli.run(["import", note.path]).out.hasPrefix("updated"))
        let outline = try cli.run(["outline", "n.txt", "--json"], in: FileManager.default.temporaryDirectory)
        let nodes = try #require(try CLI.json(outline.out)["nodes"] as? [[String: Any]])
        #expect(nodes.compactMap { $0["text"] as? String } == ["second version", "and more"])
    }

    /// Files are read largest first within a window ahead of the writer, but written in the order of their paths;
    /// a small file before several large ones must not be left waiting (the import would never finish).
    @Test func filesOfMixedSizesAreWrittenInOrder() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // Small, then growing, then small again: each window has a larger file after its first.
        let sizes = [1, 40, 60, 80, 2, 90, 3, 70, 1]
        let names = try Self.writeNotes(sizes.enumerated().map { ($0, $1) }, in: cli)
        let result = try cli.run(["import", "mixed", "--json"])
        #expect(result.status == 0, "\(result.err)")
        let report = try CLI.json(result.out)
        #expect(report["added"] as? Int == sizes.count)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) } == names)
        let sources = try CLI.json(try cli.run(["sources", "--json"]).out)["sources"] as? [[String: Any]]
        #expect(sources?.compactMap { $0["name"] as? String } == names)
    }

    /// Writes `mixed/fNN.txt` for each (NN, size): a topic of 20 × size points. Returns the files' names in order.
    private static func writeNotes(_ files: [(number: Int, size: Int)], in cli: CLI) throws -> [String] {
        try files.map { k, size in
            let name = String(format: "f%02d.txt", k)
            let points = (0..<(size * 20)).map { "- Point \($0) of file \(k): the Party met in Moscow in 19\(20 + $0 % 20)." }
            _ = try cli.write("mixed/\(name)", "Topic \(k):\n\n" + points.joined(separator: "\n") + "\n")
            return name
        }
    }

    @Test func aBadFileAmongLargerOnesIsNamedAndTheOthersAreWrittenInOrder() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // The binary and the empty file sit before larger files, which are begun before them.
        let good = try cli.write("mixed/f00.txt", "Topic:\n\n- a point\n")
        #expect(try cli.run(["import", good.path]).status == 0)
        let names = try ["f00.txt"] + Self.writeNotes([(2, 60), (4, 90), (5, 1)], in: cli)
        _ = try cli.write("mixed/f01.txt", Data([0x54, 0x0A, 0x00, 0x01, 0x02]))
        _ = try cli.write("mixed/f03.txt", "")
        let result = try cli.run(["import", "mixed"])
        #expect(result.status == 1)
        #expect(result.err.contains("mixed/f01.txt:2: this looks like a binary file"))
        #expect(result.err.contains("mixed/f03.txt: the file is empty"))
        #expect(result.out.contains("6 files: 3 added, 0 updated, 1 unchanged, 2 failed"))
        let sources = try CLI.json(try cli.run(["sources", "--json"]).out)["sources"] as? [[String: Any]]
        #expect(sources?.compactMap { $0["name"] as? String } == names)
    }

    @Test func missingEmptyAndBinaryFilesAreNamedAndNothingIsLost() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let good = try cli.write("notes/good.txt", "Topic:\n\n- a point\n")
        #expect(try cli.run(["import", good.path]).status == 0)

        let missing = try cli.run(["import", "nope.txt"])
        #expect(missing.status == 1)
        #expect(missing.err.contains("revise: nope.txt: no such file or folder"))

        _ = try cli.write("notes/empty.txt", "")
        _ = try cli.write("notes/photo.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x0A, 0x00, 0x01]))
        _ = try cli.write("notes/picture.png", Data([0x89, 0x50]))
        _ = try cli.write("notes/sub/more.md", "# More\n\n- another point\n")
        try FileManager.default.createSymbolicLink(
            atPath: cli.folder.appendingPathComponent("notes/gone.txt").path, withDestinationPath: "/nowhere/x.txt")
        // A named pipe would block a reader forever; a link to the folder itself would loop.
        #expect(mkfifo(cli.folder.appendingPathComponent("notes/pipe.txt").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: cli.folder.appendingPathComponent("notes/sub/loop").path,
            withDestinationPath: cli.folder.appendingPathComponent("notes").path)
        let folder = try cli.run(["import", "notes"])
        #expect(folder.status == 1)
        #expect(folder.err.contains("notes/empty.txt: the file is empty"))
        #expect(folder.err.contains("notes/photo.txt:2: this looks like a binary file"))
        #expect(folder.err.contains("notes/gone.txt: cannot be read: it is a link to a file that does not exist"))
        #expect(folder.out.contains("added     notes/sub/more.md"))
        #expect(folder.out.contains("unchanged notes/good.txt"))
        #expect(folder.err.contains("notes/pipe.txt: cannot be read: it is not a regular file"))
        #expect(folder.out.contains("6 files: 1 added, 0 updated, 1 unchanged, 4 failed; 1 other file skipped."))

        let sources = try CLI.json(try cli.run(["sources", "--json"]).out)["sources"] as? [[String: Any]]
        #expect(sources?.compactMap { $0["name"] as? String } == ["good.txt", "more.md"])
    }

    @Test func unreadableFilesAreNamed() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let secret = try cli.write("notes/secret.txt", "Topic:\n\n- a point\n")
        _ = try cli.write("notes/open.txt", "Topic:\n\n- another point\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret.path)
        // Root reads every file, so as root the import runs as `nobody`, in a folder it may write to.
        let runAs: String? = getuid() == 0 ? "nobody" : nil
        if runAs != nil {
            for folder in [cli.folder, cli.folder.appendingPathComponent("notes")] {
                try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
            }
        }
        let result = try cli.run(["import", "notes"], asUser: runAs)
        #expect(result.status == 1)
        #expect(result.err.contains("notes/secret.txt: cannot be read: permission denied"), "\(result.err)")
        #expect(result.out.contains("added     notes/open.txt"))
    }

    @Test func filesOverTheSizeLimitAreRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let note = try cli.write("big.txt", "Topic:\n\n" + String(repeating: "- a point about 1928\n", count: 200))
        let result = try cli.run(["import", note.path, "--max-size", "0.001"])
        #expect(result.status == 1)
        #expect(result.err.contains("big.txt: the file is 4.2 kB, more than the limit of 1.0 kB (raise it with --max-size)"))
        let bad = try cli.run(["import", note.path, "--max-size", "0"])
        #expect(bad.status != 0)
        #expect(bad.err.contains("--max-size must be a positive number"))
    }

    /// A 50 MB note file imports in one piece.
    @Test func aFiftyMegabyteFileImports() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        var block = "Chapter \(1):\n\nTopic heading:\n\n"
        for i in 0..<50 { block += "- 19\(10 + i % 30) - an event, with a Term\(i): and its meaning\n" }
        block += "\nA paragraph of prose that goes on for a while, as essays do, to make the file look like notes.\n\n"
        let copies = 50_000_000 / block.utf8.count + 1
        let data = Data(String(repeating: block, count: copies).utf8)
        let note = try cli.write("huge.txt", data)
        let result = try cli.run(["import", note.path, "--json"])
        #expect(result.status == 0, "\(result.err)")
        let files = try #require(try CLI.json(result.out)["files"] as? [[String: Any]])
        #expect(files.first?["status"] as? String == "added")
        #expect((files.first?["items"] as? Int ?? 0) > 900_000)
    }

    @Test func outlineOfAnUnknownFileIsAClearError() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["outline", "nothing.txt"])
        #expect(result.status == 1)
        #expect(result.err.contains("nothing.txt: no such file, and no imported source has that name"))
        let usage = try cli.run(["import"])
        #expect(usage.status != 0)
        #expect(usage.err.contains("Missing expected argument"))
    }
}
