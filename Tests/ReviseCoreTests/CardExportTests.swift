import ReviseCore
import Testing

/// Cards written for other tools: Anki's note types, CSV and TSV text import, and Markdown card syntax.
struct CardExportTests {
    static let citation = Citation(source: "notes.md", span: Span(line: 4))

    static func card(_ kind: Card.Kind, _ prompt: String, _ answer: String, topic: String = "The Plans", note: String? = nil) -> Card {
        Card(id: Card.id(kind: kind, prompt: prompt, answer: answer), kind: kind, prompt: prompt, answer: answer, note: note,
             topic: [topic], citations: [citation])
    }

    @Test func eachKindBecomesTheRightNoteType() {
        let cloze = CardExport.note(for: Self.card(.cloze, "The first plan began in […]", "1928"))
        #expect(cloze.type == .cloze && cloze.front == "The first plan began in {{c1::1928}}")
        #expect(cloze.fields[2] == "notes.md:4")
        let reverse = CardExport.note(for: Self.card(.reverse, "What is meant by “Gosplan”?", "the state planning commission"))
        #expect(reverse.back == "the state planning commission")
        let basic = CardExport.note(for: Self.card(.date, "In which year did the first plan begin?", "1928", note: "Sources disagree: 1929 (b.md:2)"))
        #expect(basic.type == .basic && basic.back.hasPrefix("1928\nSources disagree"))
        #expect(basic.tags == ["The_Plans"])
        #expect(CardExport.tag(for: "Stalin's rise: part 1") == "Stalins_rise_part_1")
    }

    @Test func aTermsTwoReverseCardsAreOneNoteAskedBothWays() {
        let ask = Self.card(.reverse, "What is meant by “Gosplan”?", "the state planning commission")
        let term = Self.card(.reverse, "Which term means “the state planning commission”?", "Gosplan")
        let other = Self.card(.basic, "Who led the Left?", "Trotsky")
        let notes = CardExport.notes(for: [ask, other, term])
        #expect(notes.count == 2)
        #expect(notes[0].type == .basicReversed && notes[0].front == "Gosplan" && notes[0].back == "the state planning commission")
        #expect(notes[0].cardIDs == [ask.id, term.id])
        let alone = CardExport.notes(for: [ask])
        #expect(alone.count == 1 && alone[0].type == .basic && alone[0].front == ask.prompt)
    }

    @Test func csvCarriesAnkisHeadersAndQuotesWhatItMust() {
        let notes = [
            CardExport.note(for: Self.card(.basic, "What did \"Troika\" do, in 1923?", "Ruled <together>")),
            CardExport.note(for: Self.card(.cloze, "The first plan began in […]", "1928")),
        ]
        let csv = CardExport.csv(notes)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0...3] == ["#separator:Comma", "#html:true", "#notetype column:1", "#tags column:4"])
        #expect(lines[4] == #"Basic,"What did ""Troika"" do, in 1923?",Ruled &lt;together&gt;<br><small>notes.md:4</small>,The_Plans"#)
        #expect(lines[5] == "Cloze,The first plan began in {{c1::1928}},<small>notes.md:4</small>,The_Plans")
    }

    @Test func tsvIsATermAndItsDefinitionPerLine() {
        let notes = [
            CardExport.note(for: Self.card(.reverse, "Gosplan", "state planning\tcommission\nof the USSR")),
            CardExport.note(for: Self.card(.cloze, "The first plan began in […] and ended in […]", "1928")),
        ]
        let lines = CardExport.tsv(notes).split(separator: "\n").map(String.init)
        #expect(lines == ["Gosplan\tstate planning commission<br>of the USSR", "The first plan began in […] and ended in […]\t1928"])
        // A front starting with "#" would be a comment line to Anki: it is quoted, and reads back whole.
        let hashtag = CardExport.tsv([CardExport.note(for: Self.card(.basic, "#1 cause of the famine?", "Requisitioning"))])
        #expect(hashtag == "\"#1 cause of the famine?\"\tRequisitioning\n")
        #expect((try? CardTable.deck(text: hashtag, name: "x.tsv"))?.notes.first?.front == "#1 cause of the famine?")
    }

    @Test func markdownUsesTheCardSyntaxOfNoteTakingPlugins() {
        let notes = [
            CardExport.note(for: Self.card(.basic, "Who led the Left?", "Trotsky")),
            CardExport.note(for: Self.card(.reverse, "Gosplan", "state planning commission")),
            CardExport.note(for: Self.card(.cloze, "The first plan began in […]", "1928", topic: "Industry")),
        ]
        let md = CardExport.markdown(notes, title: "Cards")
        #expect(md == "# Cards\n\n## The Plans\n\nWho led the Left?::Trotsky\nGosplan:::state planning commission\n\n## Industry\n\nThe first plan began in {{c1::1928}}\n")
    }

    @Test func ankiChecksumIsTheFirstEightHexDigitsOfSHA1() {
        // sha1("abc") = a9993e36…
        #expect(CardExport.checksum("<b>abc</b>") == 0xa9993e36)
    }
}
