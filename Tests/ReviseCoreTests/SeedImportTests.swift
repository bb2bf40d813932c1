import Foundation
import ReviseCore
import TestSupport
import Testing

/// The five seed notes, each in its own format, read the way a student meant them.
@Suite(.enabled(if: Fixtures.seedsAvailable, Comment(rawValue: Fixtures.seedsMissingMessage)))
struct SeedImportTests {
    static func outline(_ prefix: String) throws -> (name: String, text: String, outline: Outline) {
        let seed = try Fixtures.seed(prefix)
        let parsed = try NoteImporter.parse(bytes: seed.bytes, name: seed.name)
        return (seed.name, String(decoding: seed.bytes, as: UTF8.self), parsed.outline)
    }

    @Test(arguments: [
        ("000", SourceFormat.essay), ("001", .markdown), ("002", .cardSet), ("003", .outline), ("004", .cardSet),
    ])
    func detectsTheFormat(prefix: String, format: SourceFormat) throws {
        #expect(try Self.outline(prefix).outline.format == format)
    }

    @Test(arguments: [("002", 30), ("004", 20)])
    func eachCardOfASetIsASection(prefix: String, cards: Int) throws {
        let outline = try Self.outline(prefix).outline
        let top = outline.childIndices(of: nil).map { outline.nodes[$0] }
        #expect(top.count == cards)
        #expect(top.allSatisfy { $0.kind == .section && $0.level == 1 })
    }

    @Test func cardTitlesAreTheCardHeadings() throws {
        let (_, text, outline) = try Self.outline("002")
        let top = outline.childIndices(of: nil).map { outline.nodes[$0] }
        #expect(outline.title == "AQA History Stalin and the USSR 1924-1941")
        #expect(outline.metadata["subtitle"] == "the whole course")
        #expect(top.first?.text == "Russia 1917-24")
        #expect(top.last?.text == "Stalin's Russia by 1941")
        // Each card's span runs from its heading to its "N of M" line.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (n, card) in top.enumerated() {
            #expect(lines[card.span.last - 1].trimmingCharacters(in: .whitespaces) == "\(n + 1) of 30")
        }
        let cards004 = try Self.outline("004").outline
        let first = cards004.nodes[cards004.childIndices(of: nil)[0]]
        #expect(first.text == "How Stalin became leader of the USSR: Part 1")
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func noBoilerplateOrMojibakeOrMarkupSurvives(prefix: String) throws {
        let outline = try Self.outline(prefix).outline
        let boilerplate = [
            "HideShow", "Created by", "Created on", "No comments have yet been made", "Similar History resources",
            "See all", "resources »",
        ]
        for text in outline.nodes.map(\.text) + [outline.title] {
            for phrase in boilerplate { #expect(!text.contains(phrase), "\(phrase) in \(text)") }
            #expect(!Mojibake.looksMisdecoded(text), "mis-decoded text: \(text)")
            for junk in ["ðŸ", "Ã", "â€", "&#x20;", "&#", "&amp;"] {
                #expect(!text.contains(junk), "\(junk) in \(text)")
            }
            // Bold markers around words are gone (a censored "*****" is the student's own).
            #expect(text.range(of: #"\*\*[A-Za-z]|[A-Za-z]\*\*"#, options: .regularExpression) == nil, "\(text)")
        }
    }

    /// For every node, its words appear, in order, in the lines its span names.
    @Test(arguments: ["000", "001", "002", "003", "004"])
    func everyNodeIsFoundWithinItsSpan(prefix: String) throws {
        let (_, text, outline) = try Self.outline(prefix)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for node in outline.nodes {
            #expect(node.span.first >= 1 && node.span.last <= lines.count)
            let original = lines[(node.span.first - 1)..<node.span.last].joined(separator: "\n")
            let source = Self.words(
                HTMLEntities.decode(Mojibake.repair(original)).replacingOccurrences(of: "**", with: ""))
            let words = Self.words(node.text + " " + (node.answer ?? ""))
            var cursor = source.startIndex
            for word in words {
                guard let found = source[cursor...].firstIndex(of: word) else {
                    Issue.record("\(prefix) \(node.span): '\(word)' of \"\(node.text.prefix(60))\" not in its span")
                    break
                }
                cursor = found
            }
        }
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    @Test func examQuestionsOfTheEssayNotesHaveTheirMarks() throws {
        let outline = try Self.outline("000").outline
        let found = outline.questions.map { ($0.text, $0.marks) }
        let expected: [(String, Int?)] = [
            ("Stalin's Power Rising", 40),
            ("How significant was Lenin for Stalin's r", 40),
            ("Stalin's Terror", 10),
            ("(a) Describe the Great Purge 1934-1938", nil),
            ("(b) Why, by 1928, had Stalin emerged as t", nil),
            ("(b) Why did Stalin abandon the New Econom", 6),
            ("(a) Describe collectivisation.", 4),
            ("a) What were the Five Year Plans?", 4),
            ("(b) Why did Stalin want to modernise the", 6),
            ("(b) Why was collectivisation opposed by m", 6),
            ("(c) ‘Stalin’s Five-Year Plans brought mis", 10),
            ("(b) Why did Stalin introduce collectiviz", 6),
            ("(c) ‘The successes of collectivisation we", 10),
            ("(c) ‘Misery for the Soviet people was the", nil),
        ]
        #expect(found.count == expected.count, "\(found)")
        for (got, want) in zip(found, expected) {
            #expect(got.0.hasPrefix(want.0), "\(got.0)")
            #expect(got.1 == want.1, "\(got.0)")
        }
        // A question written over two lines is one question.
        let misery = try #require(outline.questions.last)
        #expect(misery.text.hasSuffix("How far do you agree with this statement?"))
        #expect(misery.span == Span(644, misery.span.last) && misery.span.last > 645)
    }

    @Test func essaysAreSplitIntoParagraphsAcrossPageBreaks() throws {
        let outline = try Self.outline("000").outline
        let paragraphs = outline.nodes.filter { $0.kind == .paragraph }
        #expect(paragraphs.count >= 40)
        // A paragraph broken by a page break ("These finally" … "stimulated him") is one paragraph.
        #expect(paragraphs.contains { $0.text.contains("These finally stimulated him") })
        // Plan points and answers sit under their question.
        let abandon = try #require(outline.nodes.firstIndex { $0.text.hasPrefix("(b) Why did Stalin abandon") })
        let children = outline.childIndices(of: abandon).map { outline.nodes[$0] }
        #expect(children.contains { $0.text == "NEP is a compromise to capitalism" })
        #expect(children.filter { $0.kind == .paragraph && $0.text.count > 300 }.count == 3)
    }

    @Test func markdownFrontMatterHeadingsBoldAndEntities() throws {
        let outline = try Self.outline("001").outline
        #expect(outline.metadata["description"] == "* soy sauce can you see me *")
        #expect(outline.metadata["coverY"] != nil)
        #expect(outline.title == "🪖 Stalin's Soviet union")
        #expect(!outline.nodes.contains { $0.text.contains("unsplash") || $0.text.contains("soy sauce") })
        let sections = outline.sections.map(\.text)
        #expect(sections.contains("Reasons for the rise of Stalin"))
        #expect(sections.contains("Industrialization"))
        // Nested bullets nest.
        let lastly = try #require(outline.nodes.firstIndex { $0.text.hasPrefix("Lastly, he switched") })
        #expect(outline.childIndices(of: lastly).count == 2)
        // Bold is stripped and remembered.
        let fyp = try #require(outline.nodes.first { $0.text.hasPrefix("First FYP (1928-1932):") })
        #expect(fyp.emphasis == ["First FYP (1928-1932)"])
        #expect(fyp.label == "First FYP (1928-1932)")
        let year = try #require(outline.nodes.first { $0.text.hasPrefix("When Lenin suffered a stroke") })
        #expect(year.emphasis == ["1922"])
        // "&#x20;" was a space.
        #expect(outline.nodes.contains { $0.text.hasPrefix("Stalin was able to keep his position as sectary-general") })
    }

    @Test func outlineChaptersLeadInsAndParagraphs() throws {
        let outline = try Self.outline("003").outline
        #expect(outline.title == "Russian History")
        let chapter = try #require(outline.nodes.first)
        #expect(chapter.text == "Chapter One: Struggle for power" && chapter.level == 1 && chapter.depth == 0)
        let powerBase = try #require(outline.nodes.firstIndex { $0.text == "Stalins Power Base" })
        let bases = outline.childIndices(of: powerBase).map { outline.nodes[$0] }
        #expect(bases.count == 6)
        #expect(bases.compactMap(\.label).first == "General Secretary")
        #expect(bases.allSatisfy { $0.label != nil && $0.emphasis.first == $0.label })
        // A node's topic is the path of headings above it.
        let generalSecretary = try #require(outline.nodes.firstIndex { $0.label == "General Secretary" })
        #expect(outline.path(of: generalSecretary) == ["Chapter One: Struggle for power", "Stalins Power Base"])
        // Plain "Term:" lead-ins too.
        let dates = outline.nodes.filter { $0.label == "1934" || $0.label == "December 1934" }
        #expect(dates.count >= 2)
        #expect(outline.nodes.filter { $0.kind == .paragraph && $0.text.count > 400 }.count >= 5)
        #expect(outline.sections.contains { $0.text == "Collectivisation" && $0.level == 1 })
        // Questions to practise, including a quoted statement to judge; a rhetorical heading is a heading.
        let questions = outline.questions.map(\.text)
        #expect(questions.contains("By 1941 collectivisation had greatly strengthen the USSR?"))
        #expect(questions.contains { $0.hasPrefix("\"By 1941, the Great Terror had strengthen the USSR\". Explain why") })
        #expect(outline.sections.contains { $0.text == "Trotsky, the lost leader?" })
        #expect(outline.sections.contains { $0.text == "Agree" })
    }
}
