import Foundation
import GRDB
import ReviseCore
import TestSupport
import Testing

@testable import ReviseStore

struct SourceStoreTests {
    let date = Date(timeIntervalSince1970: 1_790_000_000)

    func parse(_ text: String, name: String = "notes.txt") throws -> ParsedSource {
        try NoteImporter.parse(bytes: Array(text.utf8), name: name)
    }

    @Test func savesAndReloadsAnOutline() throws {
        let store = try ReviseStore.inMemory()
        let parsed = try parse("Topic:\n\n- **Gosplan:** the planning body\n- Stalin::General Secretary\n- The {{c1::NEP}} ended\n")
        let (outcome, id) = try store.save(parsed, path: "/notes/notes.txt", at: date)
        #expect(outcome == .added)
        let reloaded = try store.outline(of: id)
        #expect(reloaded == parsed.outline)
        let source = try #require(try store.sources().first)
        #expect(source.name == "notes.txt" && source.format == .outline && source.contentHash == parsed.contentHash)
        #expect(source.counts == ["item": 1, "card": 1, "cloze": 1])
        #expect(reloaded.title == "Topic")
    }

    @Test func emphasisAndClozesWithQuotesAndBackslashesSurvive() throws {
        let store = try ReviseStore.inMemory()
        let parsed = try parse(
            "Topic:\n\n- **\"Quoted\" \\ back\tslash é 🪖:** a lead-in\n- The {{c1::\"x\\y\"}} cloze\n")
        let (_, id) = try store.save(parsed, path: "/q.txt", at: date)
        #expect(try store.outline(of: id) == parsed.outline)
        #expect(parsed.outline.nodes.first?.emphasis == ["\"Quoted\" \\ back slash é 🪖"])
    }

    @Test func reimportingTheSameContentWritesNothing() throws {
        let store = try ReviseStore.inMemory()
        let parsed = try parse("Topic:\n\n- a point\n")
        try store.save(parsed, path: "/n.txt", at: date)
        let (outcome, _) = try store.save(parsed, path: "/n.txt", at: date.addingTimeInterval(60))
        #expect(outcome == .unchanged)
        #expect(try store.sources().first?.updatedAt == date)
        #expect(try store.contentHash(forPath: "/n.txt") == parsed.contentHash)
    }

    @Test func aChangedFileReplacesItsOutline() throws {
        let store = try ReviseStore.inMemory()
        let (_, id) = try store.save(try parse("Topic:\n\n- one\n- two\n- three\n"), path: "/n.txt", at: date)
        try store.save(try parse("Other notes\n\n- four\n"), path: "/other.txt", at: date)
        let (outcome, sameID) = try store.save(try parse("Topic:\n\n- only one\n"), path: "/n.txt", at: date)
        #expect(outcome == .updated && sameID == id)
        #expect(try store.outline(of: id).nodes.map(\.text) == ["only one"])
        #expect(try store.sources().count == 2)
    }

    /// A failure halfway through writing an outline leaves the store as it was.
    @Test func aFailedSaveLeavesNothingHalfWritten() throws {
        let store = try ReviseStore.inMemory()
        try store.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER poison BEFORE INSERT ON outline WHEN instr(NEW.nodes, CAST('POISON' AS BLOB)) > 0
                    BEGIN SELECT RAISE(ABORT, 'disk full'); END
                    """)
        }
        let (_, id) = try store.save(try parse("Topic:\n\n- safe\n"), path: "/n.txt", at: date)
        #expect(throws: StoreError.self) {
            try store.save(try parse("Topic:\n\n- changed\n- POISON\n"), path: "/n.txt", at: date)
        }
        #expect(try store.outline(of: id).nodes.map(\.text) == ["safe"])
        #expect(throws: StoreError.self) {
            try store.save(try parse("New:\n\n- POISON\n"), path: "/new.txt", at: date)
        }
        #expect(try store.sources().map(\.path) == ["/n.txt"])
    }

    @Test func everyFieldOfANodeSurvivesTheArchive() throws {
        let nodes = [
            OutlineNode(kind: .section, depth: 0, text: "", span: Span(1, 1), level: 1),
            OutlineNode(
                kind: .question, depth: 1, text: "Why é 🪖 \u{0}?", span: Span(2, 900_000), label: "", marks: 40),
            OutlineNode(kind: .card, depth: 10_000, text: "Q", span: Span(3, 3), answer: "A", bothWays: true),
            OutlineNode(
                kind: .cloze, depth: 2, text: "The ___ ended", span: Span(4, 5), emphasis: ["a", ""],
                clozes: ["NEP"]),
        ]
        #expect(try OutlineArchive.decode(OutlineArchive.encode(nodes)) == nodes)
        #expect(try OutlineArchive.decode(OutlineArchive.encode([])) == [])
    }

    @Test func aDamagedArchiveIsAnErrorNotACrash() throws {
        let bytes = OutlineArchive.encode([
            OutlineNode(kind: .item, depth: 1, text: "a point", span: Span(1, 2), emphasis: ["point"])
        ])
        for cut in 0..<bytes.count {
            #expect(throws: ArchiveDamaged.self) { try OutlineArchive.decode(Array(bytes[..<cut])) }
        }
        #expect(throws: ArchiveDamaged.self) { try OutlineArchive.decode(bytes + [0]) }
        var wrongKind = bytes
        wrongKind[5] = 200
        #expect(throws: ArchiveDamaged.self) { try OutlineArchive.decode(wrongKind) }
        #expect(throws: ArchiveDamaged.self) {
            try OutlineArchive.decode(OutlineArchive.tag + Array(repeating: 0xFF, count: 12))
        }
    }

    /// A database written by the first version, with one row per outline node, is brought up to date.
    @Test func aVersionOneDatabaseKeepsItsOutlines() throws {
        let queue = try DatabaseQueue()
        try ReviseStore.migrator.migrate(queue, upTo: "v1: sources and outlines")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO source (id, path, name, title, format, contentHash, byteCount, lineCount, metadata,
                        warnings, importedAt, updatedAt) VALUES (7, '/n.txt', 'n.txt', 'Topic', 'outline', 'abc', 10,
                        3, '{}', '[]', '2026-11-01 10:00:00', '2026-11-01 10:00:00');
                    INSERT INTO outlineNode (sourceId, position, depth, kind, text, firstLine, lastLine, level, label,
                        marks, answer, bothWays, emphasis, clozes)
                    VALUES (7, 0, 0, 'section', 'Topic', 1, 3, 1, NULL, NULL, NULL, 0, NULL, NULL),
                        (7, 1, 1, 'item', 'Gosplan: the planning body', 2, 2, NULL, 'Gosplan', NULL, NULL, 0,
                        '["Gosplan"]', NULL);
                    """)
        }
        let store = try ReviseStore(writer: queue, path: ":memory:")
        let outline = try store.outline(of: SourceID(rawValue: 7))
        #expect(outline.nodes.map(\.text) == ["Topic", "Gosplan: the planning body"])
        #expect(outline.nodes[1].emphasis == ["Gosplan"] && outline.nodes[1].label == "Gosplan")
        #expect(try store.sources().first?.counts == ["section": 1, "item": 1])
    }

    @Test func findsASourceByPathNameOrPathEnd() throws {
        let store = try ReviseStore.inMemory()
        try store.save(try parse("Topic:\n\n- a\n", name: "a.txt"), path: "/home/s/notes/history/a.txt", at: date)
        #expect(try store.source(matching: "a.txt")?.path == "/home/s/notes/history/a.txt")
        #expect(try store.source(matching: "history/a.txt") != nil)
        #expect(try store.source(matching: "b.txt") == nil)
    }

    @Test func aDatabaseFileIsCreatedWithItsFolder() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deep/er/revise.sqlite").path
        let store = try ReviseStore(path: path)
        try store.save(try parse("Topic:\n\n- a\n"), path: "/a.txt", at: date)
        #expect(try ReviseStore(path: path).sources().count == 1)
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.txt").path
        try Data("just some text, not a database".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try ReviseStore(path: path) }
        #expect(error?.description.contains("cannot open the database \(path)") == true)
    }
}

struct KnowledgeArchiveTests {
    @Test func whatASourceSaysSurvivesTheArchive() throws {
        var evidence = NameEvidence(name: "Trotsky")
        evidence.count = 3
        evidence.partners = ["Kamenev", "é 🪖"]
        evidence.citations = [Citation(source: "n.txt", span: Span(2, 4))]
        let knowledge = SourceKnowledge(
            source: "n.txt",
            facts: [
                Fact(
                    kind: .statistic, text: "cattle fell from 67 to 48 million by 1931", subject: "cattle",
                    detail: "from 67 to 48 million",
                    when: When(year: 1929, month: 3, endYear: 1931, qualifier: .by, text: "by 1929-31"),
                    quantity: Quantity(value: 67e6, endValue: 48e6, unit: nil, text: "from 67 to 48 million"),
                    items: ["a", ""], topic: ["Farming"], mentions: ["Stalin"],
                    citations: [Citation(source: "n.txt", span: Span(9, 9))]),
                Fact(kind: .list, text: "Heading", citations: []),
                Fact(
                    kind: .event, text: "Stalin in Farming", subject: "Stalin", topic: ["Farming"], mentions: ["Stalin"],
                    citations: [Citation(source: "n.txt", span: Span(9, 9)), Citation(source: "m.txt", span: Span(1, 2))]),
            ],
            questions: [
                ExamQuestion(
                    text: "Why?", marks: nil, command: .explainWhy, topic: [], factors: ["x"],
                    citation: Citation(source: "n.txt", span: Span(1, 1)))
            ],
            names: [evidence])
        let bytes = KnowledgeArchive.encode(knowledge)
        #expect(try KnowledgeArchive.decode(bytes) == knowledge)
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: ArchiveDamaged.self) { try KnowledgeArchive.decode(Array(bytes[..<cut])) }
        }
    }

    @Test func repeatedStringsAreWrittenOnce() throws {
        let topic = ["Collectivisation and the famine"]
        let facts = (1...100).map { line in
            Fact(
                kind: .event, text: "event \(line)", subject: "Stalin", topic: topic, mentions: ["Stalin", "Bukharin"],
                citations: [Citation(source: "notes-on-the-ussr.txt", span: Span(line, line))])
        }
        let bytes = KnowledgeArchive.encode(SourceKnowledge(source: "notes-on-the-ussr.txt", facts: facts))
        // Each fact after the first: its own text and a few small numbers, not the topic, names and file name again.
        #expect(bytes.count < 100 * 30)
        #expect(try KnowledgeArchive.decode(bytes).facts == facts)
    }

    @Test func knowledgeSavedInTheEarlierFormatIsStillRead() throws {
        // RVK4: every string written out each time.
        var old = Array("RVK4".utf8)
        func string(_ s: String) { old.append(UInt8(s.utf8.count)); old += Array(s.utf8) }
        string("n.txt")
        old.append(1)  // one fact
        old.append(UInt8(Fact.Kind.allCases.firstIndex(of: .event)!))
        string("The plan began")
        old += [1]; string("Stalin")  // subject
        old += [0, 0, 0]  // no detail, date or quantity
        old.append(0)  // items
        old.append(1); string("Industry")  // topic
        old.append(1); string("Stalin")  // mentions
        old.append(1); string("n.txt"); old += [3, 1]  // citations: n.txt:3-4
        old += [0, 0, 0]  // no questions, cards or names
        let knowledge = try KnowledgeArchive.decode(old)
        #expect(knowledge.source == "n.txt")
        #expect(
            knowledge.facts == [
                Fact(
                    kind: .event, text: "The plan began", subject: "Stalin", topic: ["Industry"], mentions: ["Stalin"],
                    citations: [Citation(source: "n.txt", span: Span(3, 4))])
            ])
    }
}

struct SearchStoreTests {
    let date = Date(timeIntervalSince1970: 1_790_000_000)

    func parse(_ text: String, name: String) throws -> ParsedSource {
        try NoteImporter.parse(bytes: Array(text.utf8), name: name)
    }

    @Test func aPassageTwoFilesShareIsOneResultCitingBoth() throws {
        let store = try ReviseStore.inMemory()
        let notes = "Harbour:\n\n- The lighthouse was built on the northern rocks\n"
        try store.save(try parse(notes, name: "a.txt"), path: "/n/a.txt", at: date)
        try store.save(try parse(notes, name: "b.txt"), path: "/n/b.txt", at: date)
        let hits = try store.search("lighthouse")
        #expect(hits.count == 1)
        #expect(hits.first?.citations.map(\.description) == ["a.txt:3", "b.txt:3"])
        #expect(hits.first?.highlighted.contains("[lighthouse]") == true)

        // Changing one file keeps the passage for the other and indexes the new text.
        try store.save(try parse("Harbour:\n\n- The pier was rebuilt in stone\n", name: "a.txt"), path: "/n/a.txt", at: date)
        #expect(try store.search("lighthouse").first?.citations.map(\.description) == ["b.txt:3"])
        #expect(try store.search("pier").first?.citation.description == "a.txt:3")
        // And a passage no file has any more is gone from the index.
        try store.save(try parse("Harbour:\n\n- Nothing about it\n", name: "b.txt"), path: "/n/b.txt", at: date)
        #expect(try store.search("lighthouse").isEmpty)
        let keys = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passageKey") }
        #expect(keys == 2)
    }

    @Test func queriesAreWordsNeverSyntax() throws {
        let store = try ReviseStore.inMemory()
        try store.save(try parse("Notes:\n\n- Collectivisation of farms began\n", name: "a.txt"), path: "/a.txt", at: date)
        #expect(try store.search("collectivis*").count == 1)
        #expect(try store.search("\"of farms\"").count == 1)
        for query in ["NEAR(", "\"", "a AND OR", "col:umn", "*", "^", "((", "-farms"] {
            _ = try store.search(query)
        }
    }
}
