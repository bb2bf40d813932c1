import Foundation
import ReviseCore
import Testing

/// Every bad file gets an error that names it (and the line where one applies), never a crash.
struct BadInputTests {
    @Test func emptyAndBlankFiles() {
        #expect(throws: ImportError.empty(file: "empty.txt")) {
            try NoteImporter.parse(bytes: [], name: "empty.txt")
        }
        #expect(throws: ImportError.empty(file: "blank.md")) {
            try NoteImporter.parse(bytes: Array(" \n\n\t \r\n".utf8), name: "blank.md")
        }
    }

    @Test func binaryFileNamesTheLineOfItsFirstNUL() throws {
        let bytes = Array("line one\nline two\nthree\u{0}four".utf8)
        #expect(throws: ImportError.binary(file: "photo.txt", line: 3)) {
            try NoteImporter.parse(bytes: bytes, name: "photo.txt")
        }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        let error = try #require(throws: ImportError.self) { try NoteImporter.parse(bytes: png, name: "x.png") }
        #expect(error.description.contains("x.png:3: this looks like a binary file"))
    }

    @Test func invalidUTF8IsReadAsWindows1252WithAWarning() throws {
        // "café – 1928" written by an old editor in Windows-1252.
        var bytes = Array("Notes:\n\n- first point\n- caf".utf8)
        bytes += [0xE9, 0x20, 0x96, 0x20]
        bytes += Array("1928 was the year\n".utf8)
        let outline = try NoteImporter.parse(bytes: bytes, name: "old.txt").outline
        #expect(outline.nodes.contains { $0.text == "café – 1928 was the year" })
        let warning = try #require(outline.warnings.first)
        #expect(warning.line == 4)
        #expect(warning.message.contains("old.txt is not valid UTF-8"))
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Heading:\n\n- a point about 1929\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let outline = try NoteImporter.parse(bytes: bytes, name: "utf16.txt").outline
        #expect(outline.nodes.contains { $0.text == "a point about 1929" })
    }

    @Test func windowsLineEndingsAndAByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Topic:\r\n\r\n- one\r\n- two\r\n".utf8)
        let outline = try NoteImporter.parse(bytes: bytes, name: "crlf.txt").outline
        #expect(outline.nodes.map(\.text) == ["one", "two"])
        #expect(outline.nodes[1].span == Span(line: 4))
    }

    @Test func tooLargeFilesAreRefusedWithTheLimit() {
        let error = #expect(throws: ImportError.self) {
            try NoteImporter.parse(
                bytes: Array(repeating: 65, count: 2_000), name: "big.txt", options: .init(maxBytes: 1_000))
        }
        #expect(error?.description == "big.txt: the file is 2.0 kB, more than the limit of 1.0 kB (raise it with --max-size)")
    }

    @Test func aFileOfOnlyMarkupHasNoNotes() {
        #expect(throws: ImportError.noNotes(file: "rules.md")) {
            try NoteImporter.parse(bytes: Array("---\ntitle: x\n---\n\n***\n\n<!-- nothing -->\n".utf8), name: "rules.md")
        }
    }

    @Test func badFrontMatterIsAWarningNotAFailure() throws {
        let outline = try NoteImporter.parse(
            bytes: Array("---\ntitle: [unclosed\n---\n# Page\n\n- a point\n".utf8), name: "page.md"
        ).outline
        #expect(outline.warnings.map(\.line) == [1])
        #expect(outline.nodes.map(\.text) == ["a point"])
    }

    /// 10,000 levels of indentation: parsed without recursion, nesting capped with a warning.
    @Test func tenThousandDeepNesting() throws {
        var text = "Deep notes:\n\n"
        for depth in 0..<10_000 {
            text += String(repeating: "\t", count: depth / 4) + String(repeating: " ", count: depth % 4)
            text += "- level \(depth)\n"
        }
        let outline = try NoteImporter.parse(bytes: Array(text.utf8), name: "deep.txt").outline
        #expect(outline.nodes.count == 10_000)
        #expect(outline.nodes.map(\.depth).max()! < 70)
        #expect(outline.warnings.contains { $0.message.contains("deeper than") })
        #expect(outline.nodes.last?.text == "level 9999")
        #expect(outline.nodes.last?.span == Span(line: 10_002))
    }

    @Test func deeplyNestedMarkdownLists() throws {
        var text = "# Deep\n\n"
        for depth in 0..<3_000 { text += String(repeating: "  ", count: depth) + "* item \(depth)\n" }
        let outline = try NoteImporter.parse(bytes: Array(text.utf8), name: "deep.md").outline
        #expect(outline.nodes.count == 3_000)
        #expect(outline.nodes.map(\.depth).max()! < 70)
    }

    @Test func mojibakeIsRepaired() {
        #expect(Mojibake.repair("ðŸª– Stalin") == "🪖 Stalin")
        #expect(Mojibake.repair("Stalinâ€™s") == "Stalin’s")
        #expect(Mojibake.repair("cafÃ©") == "café")
        #expect(Mojibake.repair("Zürich – ‘ok’") == "Zürich – ‘ok’")
    }
}
