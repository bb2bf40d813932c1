import ReviseCore
import Testing

/// CSV and TSV flashcard files, as Revise, Anki, Quizlet and students write them; and what is wrong with broken ones.
struct CardTableTests {
    static let citation = Citation(source: "notes.md", span: Span(line: 4))

    static func card(
        _ kind: Card.Kind, _ prompt: String, _ answer: String, topic: String = "The Plans", note: String? = nil
    ) -> Card {
        Card(
            id: Card.id(kind: kind, prompt: prompt, answer: answer), kind: kind, prompt: prompt, answer: answer,
            note: note, topic: [topic], citations: [citation])
    }

    /// Notes of every type, with text a table must quote: commas, quotation marks, line breaks, HTML, a leading "#".
    static let notes = [
        CardExport.note(
            for: card(.basic, "What did \"Troika\" do, in 1923?", "Ruled <together>\nfor a while, \"uneasily\"")),
        CardExport.note(for: card(.reverse, "Gosplan", "the state planning commission")),
        CardExport.note(for: card(.cloze, "The first plan began in […]", "1928")),
        CardExport.note(
            for: card(
                .date, "In which year did the first plan begin?", "1928", topic: "Industry & Plans",
                note: "Sources disagree: 1929 (b.md:2)")),
        CardExport.note(for: card(.basic, "#1 aim of the plan; and its slogan?", "\"Catch up and overtake\"")),
    ]

    func deck(_ text: String, name: String = "cards.csv") throws -> CardDeck {
        try CardTable.deck(text: text, name: name)
    }

    /// The message a broken table is refused with.
    func error(_ text: String, name: String = "bad.csv") -> String {
        do {
            _ = try CardTable.deck(text: text, name: name)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func ourOwnCSVReadsBackExactly() throws {
        let notes = Self.notes
        let deck = try deck(CardExport.csv(notes), name: "exports/History.csv")
        #expect(deck.title == "History" && deck.isHTML && deck.format == .cardTable)
        #expect(deck.notes.map(\.shape) == [.basic, .bothWays, .cloze, .basic, .basic])
        // The sides as the CSV's HTML holds them, the source under the back left out.
        #expect(deck.notes.map(\.front) == notes.map { CardExport.html($0.front) })
        #expect(deck.notes.map(\.back) == notes.map { CardExport.html($0.back) })
        #expect(deck.notes[0].front == "What did \"Troika\" do, in 1923?")
        #expect(deck.notes[0].back == "Ruled &lt;together&gt;<br>for a while, \"uneasily\"")
        #expect(deck.notes[2].front == "The first plan began in {{c1::1928}}" && deck.notes[2].back == "")
        #expect(deck.notes[3].back == "1928<br>Sources disagree: 1929 (b.md:2)")
        #expect(deck.notes[4].front == "#1 aim of the plan; and its slogan?")
        #expect(deck.notes.map(\.tags) == notes.map(\.tags))
        #expect(deck.notes[3].tags == ["Industry_Plans"])
        #expect(deck.notes.map(\.line) == [5, 6, 7, 8, 9])
        #expect(deck.notes.allSatisfy { $0.deck.isEmpty && $0.reviews.isEmpty && $0.revise == nil })
    }

    @Test func ourOwnTSVReadsBackExactly() throws {
        let notes = Self.notes
        let deck = try deck(CardExport.tsv(notes), name: "/home/sam/quizlet.tsv")
        #expect(deck.title == "quizlet" && !deck.isHTML)
        #expect(deck.notes.map(\.shape) == [.basic, .basic, .basic, .basic, .basic])
        #expect(
            deck.notes.map(\.front) == [
                "What did \"Troika\" do, in 1923?", "Gosplan", "The first plan began in […]",
                "In which year did the first plan begin?", "#1 aim of the plan; and its slogan?",
            ])
        #expect(
            deck.notes.map(\.back) == [
                "Ruled &lt;together&gt;<br>for a while, \"uneasily\"", "the state planning commission", "1928",
                "1928<br>Sources disagree: 1929 (b.md:2)", "\"Catch up and overtake\"",
            ])
        #expect(deck.notes.map(\.line) == [1, 2, 3, 4, 5])
        #expect(deck.notes.allSatisfy { $0.tags.isEmpty })
        // A quoted "#" at the top is a front, not one of Anki's header lines.
        #expect(try self.deck("\"#1 aim\"\tcoal\n", name: "x.tsv").notes.map(\.front) == ["#1 aim"])
    }

    @Test func aQuizletExport() throws {
        // Quizlet writes a term, a tab and its definition per line; nothing is quoted.
        let text = """
            la casa\tthe house; a home
            "Hola" means\thello, hi
            el perro\t"Dog", as in "the dog"
            comer\tto eat

            """
        let deck = try deck(text, name: "Quizlet Spanish.tsv")
        #expect(deck.title == "Quizlet Spanish")
        #expect(deck.notes.map(\.front) == ["la casa", "\"Hola\" means", "el perro", "comer"])
        #expect(deck.notes.map(\.back) == ["the house; a home", "hello, hi", "\"Dog\", as in \"the dog\"", "to eat"])
        #expect(deck.notes.map(\.shape) == [.basic, .basic, .basic, .basic])
    }

    @Test func ankisNotesInPlainText() throws {
        let text =
            "#separator:tab\n#html:true\n#tags column:3\nmitochondria\tthe <b>powerhouse</b> of the cell\tbiology cells\n"
            + "ribosome\t\"makes\tproteins\"\tbiology\n"
        let deck = try deck(text, name: "Biology.txt")
        #expect(deck.isHTML && deck.title == "Biology")
        #expect(deck.notes.map(\.front) == ["mitochondria", "ribosome"])
        #expect(deck.notes.map(\.back) == ["the <b>powerhouse</b> of the cell", "makes\tproteins"])
        #expect(deck.notes.map(\.tags) == [["biology", "cells"], ["biology"]])
        #expect(deck.notes.map(\.line) == [4, 5])
    }

    @Test func ankisExportWithGuidNoteTypeAndDeckColumns() throws {
        let text = """
            #separator:tab
            #html:true
            #guid column:1
            #notetype column:2
            #deck column:3
            #tags column:6
            a1B2c3\tBasic (and reversed card)\tFrench::Verbs\tmanger\tto eat\tverbs food
            d4E5f6\tCloze\tFrench\tJe {{c1::mange}} une pomme\tI eat an apple\t
            g7H8i9\tBasic\tFrench\tle chat\tthe cat<br><small>a kitten</small>

            """
        let deck = try deck(text, name: "French.txt")
        #expect(deck.notes.map(\.shape) == [.bothWays, .cloze, .basic])
        #expect(deck.notes.map(\.front) == ["manger", "Je {{c1::mange}} une pomme", "le chat"])
        #expect(deck.notes.map(\.deck) == [["French", "Verbs"], ["French"], ["French"]])
        #expect(deck.notes.map(\.tags) == [["verbs", "food"], [], []])
        // Small print after a line break is where Revise's CSV keeps a card's source: it is not the answer.
        #expect(deck.notes[2].back == "the cat")
        // The last row leaves its empty tags out, as Anki writes rows.
        #expect(deck.notes.map(\.line) == [7, 8, 9])
    }

    @Test func headerLinesForEveryNote() throws {
        let text =
            "#separator:Pipe\n#html:false\n#deck:Chemistry::Elements\n#notetype:Basic (and reversed card)\n"
            + "#tags:chem  year10\n# a comment\n#columns:Back|Front\nsodium|Na\npotassium|K\n"
        let deck = try deck(text)
        #expect(!deck.isHTML)
        #expect(deck.notes.map(\.front) == ["Na", "K"])
        #expect(deck.notes.map(\.back) == ["sodium", "potassium"])
        #expect(
            deck.notes.allSatisfy {
                $0.shape == .bothWays && $0.deck == ["Chemistry", "Elements"] && $0.tags == ["chem", "year10"]
            })
        #expect(deck.notes.map(\.line) == [8, 9])
        // A separator given as itself; small print is only dropped from HTML.
        let literal = try self.deck("#separator:@\nH@hydrogen<br><small>light</small>\n")
        #expect(literal.notes[0].back == "hydrogen<br><small>light</small>")
        // Header lines count only at the top: further down, a line starting with "#" is a row.
        let late = try self.deck("one,two\n#three,four\n")
        #expect(late.notes.map(\.front) == ["one", "#three"])
    }

    @Test func aSemicolonFileWithAHeaderRow() throws {
        let deck = try deck("Question;Answer\nCapital of France, in Europe?;Paris\nCapital of Peru?;Lima, since 1535\n")
        #expect(deck.notes.map(\.front) == ["Capital of France, in Europe?", "Capital of Peru?"])
        #expect(deck.notes.map(\.back) == ["Paris", "Lima, since 1535"])
        #expect(deck.notes.map(\.line) == [2, 3])
        // A header row maps its columns by name, in any order.
        let named = try self.deck("Tags,Definition,Term,Deck\nbio,makes proteins,ribosome,Science::Cells\n")
        #expect(named.notes[0].front == "ribosome" && named.notes[0].back == "makes proteins")
        #expect(named.notes[0].tags == ["bio"] && named.notes[0].deck == ["Science", "Cells"])
        let cloze = try self.deck("Note Type\tText\tExtra\nCloze\tThe {{c1::Haber}} process\t\n")
        #expect(cloze.notes[0].shape == .cloze && cloze.notes[0].back == "")
    }

    @Test func quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws {
        let text =
            "term,definition\n\"a, b\",\"she said \"\"hi\"\"\"\n\"two\nlines\",\"back\n\nwith a blank line\"\n  \"spaced\" , x \nlast,\"one\"\n"
        let deck = try deck(text)
        #expect(deck.notes.map(\.front) == ["a, b", "two\nlines", "spaced", "last"])
        #expect(deck.notes.map(\.back) == ["she said \"hi\"", "back\n\nwith a blank line", "x", "one"])
        // A row starts on the line after the line breaks of the one before.
        #expect(deck.notes.map(\.line) == [2, 3, 7, 8])
    }

    @Test func crlfAndAByteOrderMark() throws {
        let deck = try deck("\u{FEFF}front,back\r\none,uno\r\n\"two\r\nlines\",dos\r\n\r\nthree,tres")
        #expect(deck.notes.map(\.front) == ["one", "two\nlines", "three"])
        #expect(deck.notes.map(\.back) == ["uno", "dos", "tres"])
        #expect(deck.notes.map(\.line) == [2, 3, 6])
        let anki = try self.deck("\u{FEFF}#separator:Semicolon\r\n#html:true\r\nle chat;the cat\r\n")
        #expect(anki.isHTML && anki.notes[0].back == "the cat" && anki.notes[0].line == 3)
    }

    @Test func threeColumnsWithoutAHeaderAreFrontBackAndTags() throws {
        let deck = try deck("le chat,the cat,nouns animals\nmanger,to eat,verbs\n\n,,\nboire,to drink,\n")
        #expect(deck.notes.map(\.front) == ["le chat", "manger", "boire"])
        #expect(deck.notes.map(\.tags) == [["nouns", "animals"], ["verbs"], []])
        // Blank rows (and rows of empty cells, as spreadsheets write them) are passed over, and still counted.
        #expect(deck.notes.map(\.line) == [1, 2, 5])
        // A row may leave its tags out.
        let short = try self.deck("le chat,the cat,nouns\nmanger,to eat\n")
        #expect(short.notes[1].back == "to eat" && short.notes[1].tags.isEmpty)
    }

    @Test func theSeparatorIsDetected() throws {
        // Commas inside a tab-separated file, semicolons inside a comma-separated one.
        #expect(try deck("a, b\tc, d\ne, f\tg\n").notes.map(\.back) == ["c, d", "g"])
        #expect(try deck("a;b,c\nd,e\n").notes.map(\.front) == ["a;b", "d"])
        // Where two split every row alike, a tab comes first, then a semicolon, then a comma.
        #expect(try deck("a;b,c\nd;e,f\n").notes.map(\.front) == ["a", "d"])
        #expect(try deck("a\tb;c\nd\te;f\n").notes.map(\.front) == ["a", "d"])
        // A semicolon inside quotation marks does not count.
        #expect(try deck("\"x; y\",z\n\"p; q\",r\n").notes.map(\.front) == ["x; y", "p; q"])
    }

    @Test func noteTypesAndClozes() throws {
        let deck = try deck(
            "Basic (and reversed card),pH,a measure of acidity\nCloze,The {{c1::Haber}} process,\nBasic,Na,sodium\n")
        #expect(deck.notes.map(\.shape) == [.bothWays, .cloze, .basic])
        #expect(deck.notes.map(\.front) == ["pH", "The {{c1::Haber}} process", "Na"])
        let plain = try self.deck(
            "In {{c2::1928}} the plan began\tthe first Five-Year Plan\n{{code}}\tnot a cloze\n", name: "c.tsv")
        #expect(plain.notes.map(\.shape) == [.cloze, .basic])
        let declared = try self.deck("#notetype:Basic\nIn {{c1::1928}} the plan began,1928\n")
        #expect(declared.notes[0].shape == .basic)
    }

    @Test func aLargeFileReadsWhole() throws {
        var text = "#separator:Comma\n#html:true\n"
        for i in 1...20_000 {
            text += "\"Question \(i), with a comma\",Answer \(i)<br><small>notes.md:\(i)</small>,tag\(i % 7)\n"
        }
        let deck = try deck(text)
        #expect(deck.notes.count == 20_000)
        #expect(deck.notes.last?.front == "Question 20000, with a comma" && deck.notes.last?.back == "Answer 20000")
        #expect(deck.notes.last?.line == 20_002 && deck.notes.last?.tags == ["tag1"])
    }

    @Test func brokenTablesSayWhereAndWhat() {
        #expect(
            error("front,back\none,two\nthree,four,five\n") == "bad.csv:3: row has 3 fields where the header row has 2")
        #expect(
            error("one,two\n\"three\nthree\",four\nfive\n") == "bad.csv:4: row has 1 field where the first row has 2")
        #expect(error("one,two,tags\nthree\n") == "bad.csv:2: row has 1 field where the first row has 3")
        #expect(error("#columns:Front,Back\none,two,three\n") == "bad.csv:2: row has 3 fields where #columns: names 2")
        #expect(
            error("front,back\n\"one,two\nthree,four\n") == "bad.csv:2: a quotation mark opened here is never closed")
        #expect(error("a\tb\nc\t\"d\n\ne\n", name: "x.tsv") == "x.tsv:2: a quotation mark opened here is never closed")
        #expect(error("\"one,two\nthree\n") == "bad.csv:1: a quotation mark opened here is never closed")
        #expect(error("one,two\n ,four\n") == "bad.csv:2: row has no front")
        #expect(error("one,two\nthree,\n") == "bad.csv:2: row has no back")
        #expect(error("") == "bad.csv: nothing in this file reads as notes (only markup or blank lines)")
        #expect(error("\n\r\n  \n") == "bad.csv: nothing in this file reads as notes (only markup or blank lines)")
        #expect(error("front,back\n") == "bad.csv: nothing in this file reads as notes (only markup or blank lines)")
        #expect(
            error("#separator:tab\n#html:true\n")
                == "bad.csv: nothing in this file reads as notes (only markup or blank lines)")
        #expect(
            error("# notes\njust words\nand more words\n")
                == "bad.csv:2: no separator: each row needs a front and a back, separated by a tab, a semicolon or a comma"
        )
        #expect(
            error("#separator:tab\nfront,back\n")
                == "bad.csv:2: only one column: each row needs a front and a back, separated by a tab")
        #expect(
            error("#separator:Hyphen\na-b\n")
                == "bad.csv:1: #separator:Hyphen is none of Tab, Comma, Semicolon, Pipe, Space, Colon or one character"
        )
        #expect(error("#tags column:last\na,b\n") == "bad.csv:1: #tags column:last is not a column number")
        #expect(
            error("Tags,Deck\nx,y\n") == "bad.csv:1: the column names say no column holds the front, or none the back")
        #expect(throws: ImportError.invalid(file: "dir/bad.csv", line: 2, reason: "row has no front")) {
            try CardTable.deck(text: "a,b\n\"\",c\n", name: "dir/bad.csv")
        }
        #expect(throws: ImportError.noNotes(file: "empty.tsv")) {
            try CardTable.deck(text: "\u{FEFF}", name: "empty.tsv")
        }
    }
}
